// "Kết quả": each block's ranking with index, band and the change on last year.
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { ColDef, ColGroupDef, ICellRendererParams } from 'ag-grid-community';
import type { BlockResult, UnitResult } from '../../../shared/domain';
import { formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import { EmptyState } from '../../app/EmptyState';
import { gridLocale, gridTheme } from '../../app/grid';
import { useChoice } from '../../app/hooks';
import { useAction } from '../../app/messages';
import type { PageProps } from '../../app/page';
import { blockTabs, Tabs } from '../../app/Tabs';
import { exportAnnex, exportReport, importPublished, useResults } from './hooks';
import { resultStatus } from '../../../shared/results/status';
import { decisionReference } from '../../../shared/cycle/publication';
import { bandClass, changeOf, fieldCell, fieldCountsCell, rankText } from './model';
import { NationalPanel } from './NationalPanel';

function columns(published: boolean): ColDef<UnitResult>[] {
  return [
  { headerName: 'Hạng', headerTooltip: 'Xếp hạng trong khối; KXH: không xếp hạng', field: 'rank', width: 76, type: 'rightAligned', valueFormatter: (p) => rankText(p.value, p.data?.ranked) },
  { headerName: 'Đơn vị', field: 'name', flex: 1, minWidth: 200, tooltipField: 'name' },
  { headerName: 'Tổng điểm', field: 'total', width: 100, type: 'rightAligned', valueFormatter: (p) => formatDecimal(p.value, 2) },
  { headerName: 'Điểm tối đa', field: 'max', width: 100, type: 'rightAligned', valueFormatter: (p) => formatNumber(p.value, 3) },
  { headerName: 'Chỉ số', field: 'index', width: 92, type: 'rightAligned', valueFormatter: (p) => formatPercent(p.value) },
  { headerName: 'Xếp loại', field: 'band', width: 108, cellClass: (p) => `band band-${bandClass(p.value)}` },
  {
    headerName: 'Năm trước',
    colId: 'previous',
    width: 145,
    valueGetter: (p) => p.data?.previous,
    valueFormatter: (p) => (p.value ? `${formatPercent(p.value.index)}${p.value.rank ? ` · hạng ${p.value.rank}` : ''}` : '—'),
  },
  {
    headerName: 'Thay đổi so với năm trước',
    colId: 'change',
    minWidth: 250,
    flex: 1,
    cellRenderer: (p: ICellRendererParams<UnitResult>) => <Change unit={p.data!} />,
  },
  {
    headerName: 'Lĩnh vực tăng/giảm',
    colId: 'fields-change',
    width: 150,
    headerTooltip: 'Số lĩnh vực tăng, giảm chỉ số so với năm trước (trong ngoặc: tăng, giảm cả chỉ số và thứ hạng)',
    valueGetter: (p) => (p.data ? fieldCountsCell(p.data) : ''),
  },
  {
    headerName: 'Tình trạng',
    colId: 'status',
    width: 105,
    valueGetter: (p) => (p.data ? resultStatus(p.data, published) : ''),
    headerTooltip: 'Chưa nộp: đơn vị chưa gửi biểu tự đánh giá; Tạm tính: năm chưa công bố (đang thẩm định: còn tiêu chí chưa thẩm định); Chính thức: đã công bố',
    cellClass: (p) => (p.data && !p.data.submitted ? 'status-missing' : undefined),
  },
  ];
}

const DEFAULT_COL_DEF: ColDef = { sortable: true, resizable: true, suppressMovable: true };

/** The columns, with each field's index, rank and places moved when asked for. */
function columnsFor(block: BlockResult | undefined, withFields: boolean, published: boolean): (ColDef<UnitResult> | ColGroupDef<UnitResult>)[] {
  const base = columns(published);
  if (!withFields || !block) return base;
  const fields = block.units[0]?.fields ?? [];
  const groups: ColGroupDef<UnitResult>[] = fields.map((field, i) => ({
    headerName: `${field.code}. ${field.title}`,
    headerTooltip: field.title,
    children: [
      {
        headerName: 'Chỉ số',
        colId: `field-${i}-index`,
        width: 84,
        type: 'rightAligned',
        valueGetter: (p) => p.data?.fields[i]?.index ?? null,
        valueFormatter: (p) => formatPercent(p.value as number | null),
      },
      {
        headerName: 'Hạng',
        colId: `field-${i}-rank`,
        width: 104,
        type: 'rightAligned',
        valueGetter: (p) => p.data?.fields[i]?.rank ?? null,
        valueFormatter: (p) => (p.data ? fieldCell(p.data.fields[i]) : ''),
      },
    ],
  }));
  return [...base.slice(0, 5), ...groups, ...base.slice(5)];
}

export function ResultsPage({ year, workspace }: PageProps) {
  const published = workspace.periods.find((p) => p.year === year)?.locked ?? false;
  const { data, reload } = useResults(year, published);
  const blocks = data?.results.blocks ?? [];
  const [blockCode, setBlockCode] = useChoice(blocks.map((b) => b.code));
  const [emptyBlock, setEmptyBlock] = useChoice(workspace.blocks.map((b) => b.code));
  const { run, busy } = useAction();
  const [withFields, setWithFields] = useState(false);
  const block = blocks.find((b) => b.code === blockCode);
  const columnDefs = useMemo(() => columnsFor(block, withFields, published), [block, withFields, published]);
  const importFor = (code: string) =>
    run(() => importPublished(year, code), {
      refused: 'Chưa nhập kết quả đã công bố.',
      done: (answer) => {
        if (answer.cancelled) return null;
        reload();
        const name = workspace.blocks.find((b) => b.code === code)?.name ?? code;
        return `Đã nhập kết quả đã công bố năm ${year} của ${formatNumber(answer.value.units)} đơn vị ${name}; dùng để so sánh với năm sau.`;
      },
    });
  if (!data) return <p className="muted">Đang tải…</p>;
  if (blocks.length === 0)
    return (
      <div className="results">
        <EmptyState text={`Năm ${year} chưa có điểm nào để xếp hạng. Nếu năm này đã được công bố trước khi dùng phần mềm, có thể nhập bảng kết quả đã công bố (Mã hoặc Tên đơn vị, Chỉ số, Xếp hạng) để năm sau so sánh.`} />
        {workspace.blocks.length > 0 && (
          <div className="toolbar">
            <Tabs label="Khối" items={blockTabs(workspace.blocks)} value={emptyBlock} onChange={setEmptyBlock} />
            <button type="button" disabled={busy || !emptyBlock} onClick={() => void importFor(emptyBlock!)}>
              Nhập kết quả đã công bố…
            </button>
          </div>
        )}
        <NationalPanel year={year} />
      </div>
    );
  const settings = data.settings.find((s) => s.blockCode === blockCode);
  return (
    <div className="results">
      <div className="toolbar">
        <Tabs label="Khối" items={blockTabs(blocks)} value={blockCode} onChange={setBlockCode} />
        <label className="check">
          <input type="checkbox" checked={withFields} onChange={(e) => setWithFields(e.target.checked)} /> Hạng từng lĩnh vực
        </label>
        <span className="spacer" />
        <button
          type="button"
          disabled={busy}
          title="Báo cáo phân tích kết quả Chỉ số CCHC và SIPAS của năm, soạn sẵn theo Nghị định 30/2020/NĐ-CP để chỉnh sửa trong Word"
          onClick={() =>
            void run(() => exportReport(year), {
              refused: 'Chưa xuất được báo cáo.',
              done: (answer) => (answer.cancelled ? null : `Đã soạn báo cáo phân tích năm ${year}: ${answer.value.file}`),
            })
          }
        >
          Xuất báo cáo
        </button>
        <button
          type="button"
          disabled={busy}
          title="Phụ lục kèm theo Quyết định công bố: bảng xếp hạng từng khối với chỉ số từng lĩnh vực (Word)"
          onClick={() =>
            void run(() => exportAnnex(year), {
              refused: 'Chưa xuất được phụ lục.',
              done: (answer) => (answer.cancelled ? null : `Đã soạn phụ lục xếp hạng năm ${year} (${formatNumber(answer.value.blocks)} khối): ${answer.value.file}`),
            })
          }
        >
          Xuất phụ lục
        </button>
        {block && (
          <button type="button" disabled={busy} onClick={() => void importFor(block.code)} title="Bảng kết quả năm này như đã công bố: Mã hoặc Tên đơn vị, Chỉ số, Xếp hạng, Tổng điểm">
            Nhập kết quả đã công bố…
          </button>
        )}
        {block && (
          <span>
            Bình quân khối: <strong data-testid="block-average">{formatPercent(block.average)}</strong> · {formatNumber(block.units.length)} đơn vị
            {block.units.some((u) => !u.submitted) && <> · <span className="status-missing">{formatNumber(block.units.filter((u) => !u.submitted).length)} chưa nộp</span></>}
          </span>
        )}
      </div>
      {data.publication && (
        <p className="published-by" data-testid="results-publication">
          Đã công bố theo {decisionReference(data.publication)}
        </p>
      )}
      {settings && settings.bands.length > 0 && (
        <p className="muted bands">
          Xếp loại:{' '}
          {settings.bands.map((b, i) => (
            <span key={b.name} className={`band band-${bandClass(b.name)}`}>
              {b.name} {i === 0 ? `từ ${formatNumber(b.min)}%` : `từ ${formatNumber(b.min)}% đến dưới ${formatNumber(settings.bands[i - 1].min)}%`}
            </span>
          ))}
        </p>
      )}
      <div className="grid-wrap results-grid" data-testid="results-grid">
        <AgGridReact<UnitResult>
          theme={gridTheme}
          localeText={gridLocale}
          rowData={block?.units ?? []}
          columnDefs={columnDefs}
          getRowId={(p) => p.data.code}
          defaultColDef={DEFAULT_COL_DEF}
          tooltipShowDelay={400}
        />
      </div>
      <NationalPanel year={year} />
    </div>
  );
}

function Change({ unit }: { unit: UnitResult }) {
  const change = changeOf(unit);
  if (!change) return <span className="muted">{unit.previous ? '—' : 'chưa có năm trước'}</span>;
  return (
    <span className={change.direction}>
      <span className="arrow" aria-hidden>
        {change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '►'}
      </span>{' '}
      {change.text}
    </span>
  );
}

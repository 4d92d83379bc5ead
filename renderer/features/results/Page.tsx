import { useEffect, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { ChannelOutput } from '../../../shared/contract';
import type { UnitResult } from '../../../shared/domain';
import { describeChange, formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import { gridLocale, gridTheme } from '../../app/grid';
import type { PageProps } from '../../app/Shell';
import { EmptyState } from '../../app/EmptyState';

export function ResultsPage({ year, setMessage }: PageProps) {
  const [data, setData] = useState<ChannelOutput<'results:get'> | null>(null);
  const [blockCode, setBlockCode] = useState('');
  useEffect(() => {
    call('results:get', { year }).then(
      (d) => {
        setData(d);
        setBlockCode((b) => (d.results.blocks.some((x) => x.code === b) ? b : (d.results.blocks[0]?.code ?? '')));
      },
      (e) => setMessage({ kind: 'error', text: messageOf(e) }),
    );
  }, [year]);
  const block = data?.results.blocks.find((b) => b.code === blockCode);
  const settings = data?.settings.find((s) => s.blockCode === blockCode);
  const columns = useMemo<ColDef<UnitResult>[]>(
    () => [
      { headerName: 'Hạng', field: 'rank', width: 76, type: 'rightAligned', valueFormatter: (p) => (p.value === null ? (p.data?.ranked ? '—' : 'KXH') : String(p.value)) },
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
      { headerName: 'Tình trạng', colId: 'status', width: 105, valueGetter: (p) => (p.data?.provisional ? 'Tạm tính' : 'Chính thức') },
    ],
    [],
  );
  if (!data) return <p className="muted">Đang tải…</p>;
  if (data.results.blocks.length === 0) return <EmptyState text={`Năm ${year} chưa có điểm nào để xếp hạng.`} />;
  return (
    <div className="results">
      <div className="toolbar">
        <div className="segmented" role="tablist" aria-label="Khối">
          {data.results.blocks.map((b) => (
            <button key={b.code} type="button" role="tab" aria-selected={b.code === blockCode} className={b.code === blockCode ? 'on' : ''} onClick={() => setBlockCode(b.code)}>
              {b.name}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {block && (
          <span>
            Bình quân khối: <strong data-testid="block-average">{formatPercent(block.average)}</strong> · {formatNumber(block.units.length)} đơn vị
          </span>
        )}
      </div>
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
          columnDefs={columns}
          getRowId={(p) => p.data.code}
          defaultColDef={{ sortable: true, resizable: true, suppressMovable: true }}
          tooltipShowDelay={400}
        />
      </div>
    </div>
  );
}

function Change({ unit }: { unit: UnitResult }) {
  const text = describeChange(unit.deltaIndex, unit.deltaRank);
  if (!text) return <span className="muted">{unit.previous ? '—' : 'chưa có năm trước'}</span>;
  const dir = unit.deltaRank ?? unit.deltaIndex ?? 0;
  const arrow = dir > 0 ? '▲' : dir < 0 ? '▼' : '►';
  return (
    <span className={dir > 0 ? 'up' : dir < 0 ? 'down' : 'same'}>
      <span className="arrow" aria-hidden>
        {arrow}
      </span>{' '}
      {text}
    </span>
  );
}

function bandClass(name: string | null): string {
  if (!name) return 'none';
  const key = name.toLowerCase();
  if (key.includes('tốt') || key === 'a' || key.includes('xuất sắc')) return 'top';
  if (key.includes('khá') || key === 'b') return 'good';
  if (key.includes('trung bình') || key === 'c') return 'mid';
  return 'low';
}

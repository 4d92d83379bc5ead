// "Đơn vị": the units of each block with their lineage (the units they were formed from and
// those formed from them), the years they take part in and whether they are ranked; a unit
// added, changed or deleted here, a list imported from Excel after a preview, the last change
// undone.
import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { Block, Unit } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { UNITS_COLUMNS } from '../../../shared/import-columns';
import { BlockSelect } from '../../app/BlockSelect';
import { ImportGuide } from '../../app/ImportGuide';
import { gridLocale, gridTheme } from '../../app/grid';
import { Tabs } from '../../app/Tabs';
import { useUnits } from './hooks';
import { ImportPreviewPanel } from './ImportPreview';
import { draftOf, emptyDraft, firstBlock, lineageNames, yearsInForce, type Draft, type ImportPreview } from './model';

const DEFAULT_COL_DEF: ColDef = { sortable: true, resizable: true, suppressMovable: true };

export function UnitsPage() {
  const actions = useUnits();
  if (!actions.list) return <p className="muted">Đang tải…</p>;
  return <UnitsEditor units={actions.list.units} blocks={actions.list.blocks} actions={actions} />;
}

interface EditorProps {
  units: Unit[];
  blocks: Block[];
  actions: ReturnType<typeof useUnits>;
}

function UnitsEditor({ units, blocks, actions }: EditorProps) {
  const { save, remove } = actions;
  const [blockCode, setBlockCode] = useState(() => firstBlock(blocks, units));
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(blockCode));
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const blockNames = useMemo(() => new Map(blocks.map((b) => [b.code, b.name])), [blocks]);
  const edit = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const shown = units.filter((u) => u.blockCode === blockCode);
  const newUnit = (block = blockCode) => {
    setDraft(emptyDraft(block));
    codeInput.current?.focus();
  };

  const columns = useMemo<ColDef<Unit>[]>(() => {
    const lineage = lineageNames(units);
    return [
      { headerName: 'Mã', field: 'code', width: 130 },
      { headerName: 'Tên đơn vị', field: 'name', flex: 1, minWidth: 240, tooltipField: 'name' },
      { headerName: 'Xếp hạng', field: 'ranked', width: 140, valueFormatter: (p) => (p.value ? 'Có' : 'Không xếp hạng') },
      { headerName: 'Năm tham gia', colId: 'years', width: 130, valueGetter: (p) => (p.data ? yearsInForce(p.data) : ''), headerTooltip: 'Năm đầu và năm cuối đơn vị tham gia đánh giá (trống: mọi năm)' },
      {
        headerName: 'Kế thừa từ (tiền thân)',
        colId: 'predecessors',
        flex: 1,
        minWidth: 240,
        valueGetter: (p) => (p.data ? lineage.predecessors(p.data) : ''),
        tooltipValueGetter: (p) => p.value,
      },
      {
        headerName: 'Đơn vị kế tục',
        colId: 'successors',
        width: 220,
        valueGetter: (p) => lineage.successors(p.data?.code ?? ''),
        tooltipValueGetter: (p) => p.value,
      },
    ];
  }, [units]);

  const onSave = async () => {
    if (!(await save(draft))) return;
    setBlockCode(draft.blockCode);
    // after adding, the form is ready for the next unit of the same block
    if (draft.existing) setDraft({ ...draft, existing: true });
    else newUnit(draft.blockCode);
  };
  const onImport = async () => {
    const picked = await actions.pickImport();
    if (picked) setPreview(picked);
  };
  const onRemove = async () => {
    if (await remove(draft)) newUnit();
  };

  const tabs = blocks.map((b) => ({ key: b.code, label: `${b.name} (${formatNumber(units.filter((u) => u.blockCode === b.code).length)})` }));
  return (
    <div className="units">
      <div className="toolbar">
        <Tabs
          label="Khối"
          items={tabs}
          value={blockCode}
          onChange={(code) => {
            setBlockCode(code);
            if (!draft.existing) edit({ blockCode: code });
          }}
        />
        <span className="spacer" />
        {actions.canUndo && actions.lastChange && (
          <button type="button" onClick={() => void actions.undo()} title={`Hoàn tác: ${actions.lastChange.unitName} (${actions.lastChange.actor})`}>
            Hoàn tác
          </button>
        )}
        <button type="button" onClick={() => void actions.template()}>
          Tải tệp mẫu
        </button>
        <button type="button" onClick={() => void onImport()}>
          Nhập từ Excel…
        </button>
        <button type="button" onClick={() => newUnit()}>
          Thêm đơn vị
        </button>
      </div>
      {units.length === 0 && !preview && (
        <ImportGuide
          testId="units-guide"
          title="Chưa có đơn vị nào"
          text={'Nhập danh sách các sở, ban, ngành và UBND cấp xã từ một tệp Excel (tải tệp mẫu, điền rồi bấm "Nhập từ Excel…" ở trên), hoặc thêm từng đơn vị ở dòng dưới: gõ Mã, Tên đơn vị, chọn Khối rồi bấm Thêm.'}
          columns={UNITS_COLUMNS}
          required={['Mã', 'Tên đơn vị', 'Khối']}
          onTemplate={() => void actions.template()}
        />
      )}
      {preview && (
        <ImportPreviewPanel
          preview={preview}
          blockNames={blockNames}
          onCancel={() => setPreview(null)}
          onConfirm={async () => {
            if (await actions.confirmImport(preview)) setPreview(null);
          }}
        />
      )}
      <form
        className="form-row"
        aria-label="Thông tin đơn vị"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <label>
          Mã đơn vị
          <input ref={codeInput} value={draft.code} readOnly={draft.existing} onChange={(e) => edit({ code: e.target.value })} aria-label="Mã đơn vị" size={12} />
        </label>
        <label style={{ flex: 1 }}>
          Tên đơn vị
          <input value={draft.name} onChange={(e) => edit({ name: e.target.value })} aria-label="Tên đơn vị" style={{ width: '100%' }} />
        </label>
        <BlockSelect blocks={blocks} value={draft.blockCode} onChange={(code) => edit({ blockCode: code })} ariaLabel="Khối của đơn vị" />
        <label>
          Kế thừa từ (mã, cách nhau bởi dấu phẩy)
          <input value={draft.predecessors} onChange={(e) => edit({ predecessors: e.target.value })} aria-label="Kế thừa từ" size={28} />
        </label>
        <label>
          Từ năm
          <input value={draft.fromYear} onChange={(e) => edit({ fromYear: e.target.value })} aria-label="Từ năm" size={5} inputMode="numeric" />
        </label>
        <label>
          Đến năm
          <input value={draft.toYear} onChange={(e) => edit({ toYear: e.target.value })} aria-label="Đến năm" size={5} inputMode="numeric" />
        </label>
        <label className="checkbox">
          <span>Xếp hạng</span>
          <input type="checkbox" checked={draft.ranked} onChange={(e) => edit({ ranked: e.target.checked })} aria-label="Được xếp hạng" />
        </label>
        <button type="submit" className="primary" disabled={!draft.code.trim() || !draft.name.trim()}>
          {draft.existing ? 'Lưu thay đổi' : 'Thêm'}
        </button>
        {draft.existing && (
          <button type="button" className="danger" onClick={onRemove}>
            Xóa
          </button>
        )}
      </form>
      <div className="grid-wrap" data-testid="units-grid">
        <AgGridReact<Unit>
          theme={gridTheme}
          localeText={gridLocale}
          rowData={shown}
          columnDefs={columns}
          getRowId={(p) => p.data.code}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onRowClicked={(e) => e.data && setDraft(draftOf(e.data))}
          defaultColDef={DEFAULT_COL_DEF}
          tooltipShowDelay={400}
        />
      </div>
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { Block, Unit } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import { gridLocale, gridTheme } from '../../app/grid';
import type { PageProps } from '../../app/Shell';

interface Draft {
  code: string;
  name: string;
  blockCode: string;
  ranked: boolean;
  predecessors: string;
  existing: boolean;
}

const emptyDraft = (blockCode: string): Draft => ({ code: '', name: '', blockCode, ranked: true, predecessors: '', existing: false });

export function UnitsPage({ setMessage }: PageProps) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [blocks, setBlocks] = useState<Block[]>([]);
  const [blockCode, setBlockCode] = useState('');
  const [draft, setDraft] = useState<Draft>(emptyDraft(''));

  useEffect(() => {
    call('units:list', {}).then(
      (r) => {
        setUnits(r.units);
        setBlocks(r.blocks);
        const first = r.blocks.find((b) => r.units.some((u) => u.blockCode === b.code))?.code ?? r.blocks[0]?.code ?? '';
        setBlockCode(first);
        setDraft(emptyDraft(first));
      },
      (e) => setMessage({ kind: 'error', text: messageOf(e) }),
    );
  }, []);

  const names = useMemo(() => new Map(units.map((u) => [u.code, u.name])), [units]);
  const successors = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const u of units) for (const p of u.predecessors) m.set(p, [...(m.get(p) ?? []), u.code]);
    return m;
  }, [units]);
  const shown = units.filter((u) => u.blockCode === blockCode);

  const columns = useMemo<ColDef<Unit>[]>(
    () => [
      { headerName: 'Mã', field: 'code', width: 130 },
      { headerName: 'Tên đơn vị', field: 'name', flex: 1, minWidth: 240, tooltipField: 'name' },
      { headerName: 'Xếp hạng', field: 'ranked', width: 140, valueFormatter: (p) => (p.value ? 'Có' : 'Không xếp hạng') },
      {
        headerName: 'Kế thừa từ (tiền thân)',
        colId: 'predecessors',
        flex: 1,
        minWidth: 240,
        valueGetter: (p) => p.data?.predecessors.map((c) => names.get(c) ?? c).join('; ') ?? '',
        tooltipValueGetter: (p) => p.value,
      },
      {
        headerName: 'Đơn vị kế tục',
        colId: 'successors',
        width: 220,
        valueGetter: (p) => (successors.get(p.data?.code ?? '') ?? []).map((c) => names.get(c) ?? c).join('; '),
        tooltipValueGetter: (p) => p.value,
      },
    ],
    [names, successors],
  );

  const save = async () => {
    const predecessors = draft.predecessors
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      const r = await call('units:save', {
        unit: { code: draft.code.trim(), name: draft.name.trim(), blockCode: draft.blockCode, ranked: draft.ranked, predecessors },
      });
      setUnits(r.units);
      setBlockCode(draft.blockCode);
      setDraft({ ...draft, existing: true });
      setMessage({ kind: 'info', text: `Đã lưu đơn vị ${draft.name.trim()}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const remove = async () => {
    try {
      const r = await call('units:delete', { code: draft.code });
      setUnits(r.units);
      setMessage({ kind: 'info', text: `Đã xóa đơn vị ${draft.name}.` });
      setDraft(emptyDraft(blockCode));
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  return (
    <div className="units">
      <div className="toolbar">
        <div className="segmented" role="tablist" aria-label="Khối">
          {blocks.map((b) => (
            <button key={b.code} type="button" role="tab" aria-selected={b.code === blockCode} className={b.code === blockCode ? 'on' : ''} onClick={() => {
                setBlockCode(b.code);
                if (!draft.existing) setDraft({ ...draft, blockCode: b.code });
              }}>
              {b.name} ({formatNumber(units.filter((u) => u.blockCode === b.code).length)})
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" onClick={() => setDraft(emptyDraft(blockCode))}>
          Thêm đơn vị
        </button>
      </div>
      <form
        className="form-row"
        aria-label="Thông tin đơn vị"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Mã đơn vị
          <input value={draft.code} readOnly={draft.existing} onChange={(e) => setDraft({ ...draft, code: e.target.value })} aria-label="Mã đơn vị" size={12} />
        </label>
        <label style={{ flex: 1 }}>
          Tên đơn vị
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-label="Tên đơn vị" style={{ width: '100%' }} />
        </label>
        <label>
          Khối
          <select value={draft.blockCode} onChange={(e) => setDraft({ ...draft, blockCode: e.target.value })} aria-label="Khối của đơn vị">
            {blocks.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kế thừa từ (mã, cách nhau bởi dấu phẩy)
          <input value={draft.predecessors} onChange={(e) => setDraft({ ...draft, predecessors: e.target.value })} aria-label="Kế thừa từ" size={28} />
        </label>
        <label className="checkbox">
          <span>Xếp hạng</span>
          <input type="checkbox" checked={draft.ranked} onChange={(e) => setDraft({ ...draft, ranked: e.target.checked })} aria-label="Được xếp hạng" />
        </label>
        <button type="submit" className="primary" disabled={!draft.code.trim() || !draft.name.trim()}>
          {draft.existing ? 'Lưu thay đổi' : 'Thêm'}
        </button>
        {draft.existing && (
          <button type="button" className="danger" onClick={remove}>
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
          onRowClicked={(e) =>
            e.data &&
            setDraft({
              code: e.data.code,
              name: e.data.name,
              blockCode: e.data.blockCode,
              ranked: e.data.ranked,
              predecessors: e.data.predecessors.join(', '),
              existing: true,
            })
          }
          defaultColDef={{ sortable: true, resizable: true, suppressMovable: true }}
          tooltipShowDelay={400}
        />
      </div>
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, ValueSetterParams } from 'ag-grid-community';
import type { CriterionNode } from '../../../shared/domain';
import { criterionSources, scoringMethods } from '../../../shared/domain';
import { formatNumber, parseLocaleNumber } from '../../../shared/format';
import { checkFramework, frameworkMaximum, leafCodes } from '../../../shared/scoring';
import { call, messageOf } from '../../app/api';
import { addChild, addField, depthOf, moveNode, removeNode, updateNode } from './model';
import { gridLocale, gridTheme } from '../../app/grid';
import { METHOD_LABELS, SOURCE_LABELS } from '../../app/labels';
import type { PageProps } from '../../app/Shell';

interface Row {
  node: CriterionNode;
  depth: number;
  isLeaf: boolean;
}

export function FrameworkPage({ workspace, year, onSession, setMessage }: PageProps) {
  const [blockCode, setBlockCode] = useState(
    () => workspace.frameworks.find((f) => f.year === year)?.blockCode ?? workspace.blocks[0]?.code ?? '',
  );
  const [nodes, setNodes] = useState<CriterionNode[]>([]);
  const [exists, setExists] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const gridApi = useRef<GridApi | null>(null);

  const load = async () => {
    try {
      const f = await call('framework:get', { year, blockCode });
      setNodes(f.nodes);
      setExists(f.exists);
      setDirty(false);
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };
  useEffect(() => {
    if (blockCode) void load();
  }, [year, blockCode]);

  const change = (next: CriterionNode[]) => {
    setNodes(next);
    setDirty(true);
  };
  const latest = useRef({ nodes, change, setMessage });
  latest.current = { nodes, change, setMessage };

  const problems = useMemo(() => checkFramework(nodes), [nodes]);
  const rows = useMemo<Row[]>(() => {
    const depth = depthOf(nodes);
    const leafSet = leafCodes(nodes);
    return nodes.map((n) => ({ node: n, depth: depth.get(n.code) ?? 0, isLeaf: leafSet.has(n.code) }));
  }, [nodes]);
  const problemCodes = useMemo(() => new Set(problems.map((p) => p.code)), [problems]);

  const columns = useMemo<ColDef<Row>[]>(() => {
    const set = (patch: (p: ValueSetterParams<Row>) => Partial<CriterionNode> | string) => (p: ValueSetterParams<Row>) => {
      const result = patch(p);
      if (typeof result === 'string') {
        latest.current.setMessage({ kind: 'error', text: result });
        return false;
      }
      latest.current.change(updateNode(latest.current.nodes, p.data.node.code, result));
      return false;
    };
    return [
      {
        colId: 'code',
        headerName: 'Mã',
        width: 130,
        editable: true,
        valueGetter: (p) => p.data?.node.code,
        cellRenderer: (p: { data: Row }) => <span style={{ paddingLeft: p.data.depth * 16 }}>{p.data.node.code}</span>,
        valueSetter: set((p) => {
          const code = String(p.newValue ?? '').trim();
          if (!code) return 'Mã tiêu chí không được để trống.';
          if (code !== p.data.node.code && latest.current.nodes.some((n) => n.code === code)) return `Mã ${code} đã có trong bộ chỉ số; hãy chọn mã khác.`;
          return { code };
        }),
      },
      {
        colId: 'title',
        headerName: 'Nội dung',
        flex: 1,
        minWidth: 320,
        editable: true,
        valueGetter: (p) => p.data?.node.title,
        tooltipValueGetter: (p) => p.value,
        valueSetter: set((p) => {
          const title = String(p.newValue ?? '').trim();
          return title ? { title } : 'Nội dung tiêu chí không được để trống.';
        }),
      },
      {
        colId: 'max',
        headerName: 'Điểm tối đa',
        width: 115,
        type: 'rightAligned',
        editable: true,
        valueGetter: (p) => p.data?.node.maxPoints ?? null,
        valueFormatter: (p) => (p.value === null ? '' : formatNumber(p.value, 3)),
        cellClass: (p) => ['ag-right-aligned-cell', p.data && problemCodesRef.current.has(p.data.node.code) ? 'cell-problem' : ''],
        valueSetter: set((p) => {
          const text = p.newValue === null || p.newValue === undefined ? '' : String(p.newValue).trim();
          if (!text) return { maxPoints: null };
          const value = parseLocaleNumber(text);
          if (value === null || value < 0) return `Điểm tối đa "${text}" không hợp lệ; hãy nhập một số không âm, ví dụ 2,5.`;
          return { maxPoints: value };
        }),
      },
      {
        colId: 'source',
        headerName: 'Nguồn điểm',
        width: 160,
        editable: (p) => Boolean(p.data?.isLeaf),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...criterionSources] },
        valueGetter: (p) => p.data?.node.source,
        valueFormatter: (p) => SOURCE_LABELS[p.value] ?? p.value,
        valueSetter: set((p) => ({ source: p.newValue })),
      },
      {
        colId: 'method',
        headerName: 'Cách chấm',
        width: 130,
        editable: (p) => Boolean(p.data?.isLeaf),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...scoringMethods] },
        valueGetter: (p) => (p.data?.isLeaf ? p.data.node.method : null),
        valueFormatter: (p) => (p.value ? (METHOD_LABELS[p.value] ?? p.value) : ''),
        valueSetter: set((p) => ({ method: p.newValue })),
      },
      {
        colId: 'evidence',
        headerName: 'Cần TLKC',
        width: 100,
        editable: (p) => Boolean(p.data?.isLeaf),
        cellEditor: 'agCheckboxCellEditor',
        valueGetter: (p) => Boolean(p.data?.node.evidenceRequired),
        valueFormatter: (p) => (p.data?.isLeaf ? (p.value ? 'Có' : 'Không') : ''),
        cellRenderer: undefined,
        valueSetter: set((p) => ({ evidenceRequired: Boolean(p.newValue) })),
      },
      {
        colId: 'guidance',
        headerName: 'Hướng dẫn chấm',
        width: 220,
        editable: true,
        valueGetter: (p) => p.data?.node.guidance ?? '',
        tooltipValueGetter: (p) => p.value,
        valueSetter: set((p) => ({ guidance: String(p.newValue ?? '').trim() || null })),
      },
    ];
  }, []);
  const problemCodesRef = useRef(problemCodes);
  problemCodesRef.current = problemCodes;
  useEffect(() => {
    gridApi.current?.refreshCells({ columns: ['max'], force: true });
  }, [problemCodes]);

  const withSelection = (fn: (code: string) => void) => {
    if (!selected) return setMessage({ kind: 'info', text: 'Hãy chọn một dòng của bộ chỉ số trước.' });
    fn(selected);
  };

  const save = async () => {
    try {
      await call('framework:save', { year, blockCode, nodes });
      setDirty(false);
      setExists(true);
      onSession(await call('session:get', {}));
      setMessage({ kind: 'info', text: `Đã lưu bộ chỉ số năm ${year} (${formatNumber(nodes.length)} dòng, tổng điểm tối đa ${formatNumber(frameworkMaximum(nodes), 3)}).` });
    } catch (e) {
      setMessage({ kind: 'error', text: `Chưa lưu bộ chỉ số. ${messageOf(e)}` });
    }
  };

  const cloneFrom = async () => {
    const from = year - 1;
    try {
      onSession(await call('framework:clone', { fromYear: from, toYear: year, blockCode }));
      await load();
      setMessage({ kind: 'info', text: `Đã sao chép bộ chỉ số năm ${from} sang năm ${year}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const importFile = async () => {
    try {
      const r = await call('framework:import', { year, blockCode });
      if (r.cancelled) return;
      onSession(await call('session:get', {}));
      await load();
      setMessage({ kind: 'info', text: `Đã nhập bộ chỉ số: ${formatNumber(r.value.nodes)} dòng.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const exportFile = async () => {
    try {
      const r = await call('framework:export', { year, blockCode });
      if (!r.cancelled) setMessage({ kind: 'info', text: `Đã xuất bộ chỉ số ra tệp ${r.value.file}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const [pendingSelect, setPendingSelect] = useState<string | null>(null);
  const select = (code: string) => {
    setSelected(code);
    setPendingSelect(code);
  };
  useEffect(() => {
    const api = gridApi.current;
    const node = pendingSelect ? api?.getRowNode(pendingSelect) : null;
    if (!api || !node) return;
    node.setSelected(true, true);
    api.ensureNodeVisible(node);
    setPendingSelect(null);
  }, [rows, pendingSelect]);

  return (
    <div className="framework">
      <div className="toolbar">
        <label>
          Khối
          <select value={blockCode} onChange={(e) => setBlockCode(e.target.value)} aria-label="Khối">
            {workspace.blocks.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => { const r = addField(nodes); change(r.nodes); select(r.code); }}>
          Thêm lĩnh vực
        </button>
        <button type="button" onClick={() => withSelection((c) => { const r = addChild(nodes, c); change(r.nodes); select(r.code); })}>
          Thêm tiêu chí con
        </button>
        <button type="button" onClick={() => withSelection((c) => change(moveNode(nodes, c, -1)))}>
          Lên
        </button>
        <button type="button" onClick={() => withSelection((c) => change(moveNode(nodes, c, 1)))}>
          Xuống
        </button>
        <button type="button" className="danger" onClick={() => withSelection((c) => { change(removeNode(nodes, c)); setSelected(null); })}>
          Xóa
        </button>
        <span className="spacer" />
        <button type="button" disabled={!dirty} onClick={() => void load()}>
          Bỏ thay đổi
        </button>
        <button type="button" className="primary" disabled={!dirty} onClick={save}>
          Lưu bộ chỉ số
        </button>
      </div>
      <div className="toolbar">
        <span className="muted">
          {exists ? `Bộ chỉ số năm ${year}: ${formatNumber(nodes.length)} dòng, ${formatNumber(leafCodes(nodes).size)} tiêu chí chấm, tổng điểm tối đa ${formatNumber(frameworkMaximum(nodes), 3)}.` : `Khối này chưa có bộ chỉ số năm ${year}.`}
          {dirty && ' Có thay đổi chưa lưu.'}
        </span>
        <span className="spacer" />
        {!exists && workspace.frameworks.some((f) => f.year === year - 1 && f.blockCode === blockCode) && (
          <button type="button" onClick={cloneFrom}>
            Sao chép từ năm {year - 1}
          </button>
        )}
        <button type="button" onClick={importFile}>
          Nhập từ Excel
        </button>
        <button type="button" disabled={!exists} onClick={exportFile}>
          Xuất ra Excel
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="problems" data-testid="framework-problems">
          {problems.slice(0, 8).map((p) => (
            <li key={p.code + p.message}>{p.message}</li>
          ))}
          {problems.length > 8 && <li>… và {problems.length - 8} lỗi khác.</li>}
        </ul>
      )}
      <div className="grid-wrap" data-testid="framework-grid">
        <AgGridReact<Row>
          theme={gridTheme}
          localeText={gridLocale}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => p.data.node.code}
          getRowClass={(p) => (p.data && !p.data.isLeaf ? `row-level-${Math.min(p.data.depth + 1, 3)}` : undefined)}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows()[0]?.node.code ?? null)}
          onGridReady={(e) => (gridApi.current = e.api)}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={400}
          defaultColDef={{ sortable: false, suppressMovable: true, resizable: true }}
        />
      </div>
      <p className="hint muted">
        Điểm tối đa của một mục phải bằng tổng điểm tối đa các tiêu chí con (không tính điểm thưởng, điểm trừ); để trống nếu muốn lấy đúng tổng. Chọn
        một dòng rồi dùng các nút để thêm, di chuyển hoặc xóa.
      </p>
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellFocusedEvent, ColDef, ColGroupDef, GetRowIdParams, GridApi, ICellRendererParams, RowClassParams, ValueSetterParams } from 'ag-grid-community';
import type { ScoreChangeInput } from '../../../shared/contract';
import type { AuditEntry, CriterionNode, Score, YearResults } from '../../../shared/domain';
import { describeChange, formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import { leaves } from '../../../shared/scoring';
import { call, messageOf } from '../../app/api';
import {
  applyLocally,
  appraisedPatch,
  formatScore,
  indexScores,
  inverseOf,
  parseAppraised,
  pastedCells,
  previewBlock,
  scoreKey,
  treeRows,
  unitResultOf,
  type BlockData,
  type ScoreMap,
  type TreeRow,
} from './model';
import { EmptyState } from '../../app/EmptyState';
import { ScoreEditor, type ScoreEditorContext } from '../../app/ScoreEditor';
import { gridLocale, gridTheme } from '../../app/grid';
import type { PageProps } from '../../app/Shell';
import { auditFieldLabel, formatDateTime, sourceLabel } from '../../app/labels';

/** Other screens imported it from here before it had a module of its own. */

type Source = 'appraisal' | 'paste' | 'undo' | 'redo';
interface Edit {
  forward: ScoreChangeInput[];
  backward: ScoreChangeInput[];
}
interface MatrixRow {
  unitCode: string;
  unitName: string;
  ranked: boolean;
  total: number | null;
  index: number | null;
  rank: number | null;
  provisional: boolean;
  scores: Record<string, Score | undefined>;
}
interface Draft {
  unitCode: string;
  code: string;
  text: string;
}

export function AppraisalPage({ workspace, year, setMessage }: PageProps) {
  const blocks = workspace.blocks.filter((b) => workspace.frameworks.some((f) => f.year === year && f.blockCode === b.code));
  const [blockCode, setBlockCode] = useState(blocks[0]?.code ?? '');
  const [view, setView] = useState<'unit' | 'matrix'>('unit');
  const [data, setData] = useState<BlockData | null>(null);
  const [scores, setScores] = useState<ScoreMap>(new Map());
  const [saved, setSaved] = useState<YearResults | null>(null);
  const [unitCode, setUnitCode] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState('');
  const [focus, setFocus] = useState<{ unitCode: string; code: string } | null>(null);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const [stacks, setStacks] = useState<{ undo: Edit[]; redo: Edit[] }>({ undo: [], redo: [] });
  const queue = useRef(Promise.resolve());
  const scoresRef = useRef(scores);
  scoresRef.current = scores;
  const gridApi = useRef<GridApi | null>(null);

  const load = useCallback(async () => {
    if (!blockCode) return;
    try {
      const d = await call('appraisal:block', { year, blockCode });
      setData(d);
      setScores(indexScores(d.scores));
      setSaved(d.results);
      setUnitCode((u) => (d.units.some((x) => x.code === u) ? u : (d.units[0]?.code ?? '')));
      setStacks({ undo: [], redo: [] });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  }, [year, blockCode]);
  useEffect(() => {
    void load();
  }, [load]);

  const nodes = data?.nodes ?? [];
  const nodeByCode = useMemo(() => new Map(nodes.map((n) => [n.code, n])), [nodes]);
  const leafNodes = useMemo(() => leaves(nodes), [nodes]);
  const unitName = (code: string) => data?.units.find((u) => u.code === code)?.name ?? code;
  const editable = Boolean(data && !data.locked);

  // ---------------------------------------------------------------- saving
  // The saved results (with the change since last year) are read back once the edits pause.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshSaved = () => {
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      queue.current = queue.current.then(() =>
        call('results:get', { year }).then(
          (r) => setSaved(r.results),
          () => undefined,
        ),
      );
    }, 400);
  };
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  const save = (changes: ScoreChangeInput[], source: Source, onFail: () => void) => {
    setStatus('Đang lưu…');
    queue.current = queue.current.then(async () => {
      try {
        await call('scores:apply', { year, changes, source, reason: null });
        const now = new Date();
        setStatus(`Đã lưu ${now.toLocaleTimeString('vi-VN')}`);
        // a count of confirmed saves, for whoever waits on them (tests, timing)
        document.body.dataset.saves = String(Number(document.body.dataset.saves ?? 0) + 1);
        refreshSaved();
      } catch (e) {
        onFail();
        setStatus('Chưa lưu được');
        setMessage({ kind: 'error', text: messageOf(e) });
      }
    });
  };

  const perform = (forward: ScoreChangeInput[], source: Source) => {
    const current = scoresRef.current;
    const edit: Edit = { forward, backward: inverseOf(current, forward) };
    const next = applyLocally(current, forward);
    scoresRef.current = next;
    setScores(next);
    setStacks((s) => ({ undo: [...s.undo, edit], redo: [] }));
    save(forward, source, () => {
      setScores((now) => (scoresRef.current = applyLocally(now, edit.backward)));
      setStacks((s) => ({ undo: s.undo.filter((e) => e !== edit), redo: s.redo }));
    });
  };

  const travel = (direction: 'undo' | 'redo') => {
    const from = direction === 'undo' ? stacks.undo : stacks.redo;
    const edit = from[from.length - 1];
    if (!edit) {
      setMessage({ kind: 'info', text: direction === 'undo' ? 'Không còn thao tác nào để hoàn tác.' : 'Không còn thao tác nào để làm lại.' });
      return;
    }
    const changes = direction === 'undo' ? edit.backward : edit.forward;
    const next = applyLocally(scoresRef.current, changes);
    scoresRef.current = next;
    setScores(next);
    setStacks((s) =>
      direction === 'undo'
        ? { undo: s.undo.slice(0, -1), redo: [...s.redo, edit] }
        : { undo: [...s.undo, edit], redo: s.redo.slice(0, -1) },
    );
    setMessage({ kind: 'info', text: direction === 'undo' ? 'Đã hoàn tác thao tác vừa rồi.' : 'Đã làm lại thao tác.' });
    save(changes, direction, () => {
      setScores((now) => (scoresRef.current = applyLocally(now, direction === 'undo' ? edit.forward : edit.backward)));
    });
  };

  const setAppraised = (unit: string, node: CriterionNode, typed: unknown): boolean => {
    const parsed = parseAppraised(node, unitName(unit), typed);
    if ('problem' in parsed) {
      setMessage({ kind: 'error', text: parsed.problem });
      return false;
    }
    const current = scoresRef.current.get(scoreKey(unit, node.code));
    if ((current?.appraisedScore ?? null) === parsed.value) return false;
    setMessage(null);
    perform([{ unitCode: unit, criterionCode: node.code, patch: appraisedPatch(current, parsed.value) }], 'appraisal');
    return false;
  };

  const setField = (unit: string, code: string, patch: ScoreChangeInput['patch']) => {
    perform([{ unitCode: unit, criterionCode: code, patch }], 'appraisal');
    return false;
  };

  // Handlers the grid calls: always the latest ones, whatever the grid's column objects captured.
  const latest = useRef({ setAppraised, setField, travel });
  latest.current = { setAppraised, setField, travel };

  useEffect(() => {
    const onMenu = (e: Event) => latest.current.travel((e as CustomEvent).detail);
    window.addEventListener('parw-history', onMenu);
    return () => window.removeEventListener('parw-history', onMenu);
  }, []);

  // ---------------------------------------------------------------- preview
  const draftValue = useMemo(() => {
    if (!draft) return null;
    const node = nodeByCode.get(draft.code);
    if (!node) return null;
    return { ...draft, parsed: parseAppraised(node, unitName(draft.unitCode), draft.text) };
  }, [draft, nodeByCode]);

  const preview = useMemo(() => {
    if (!data) return null;
    let shown = scores;
    if (draftValue && 'value' in draftValue.parsed) {
      const current = scores.get(scoreKey(draftValue.unitCode, draftValue.code));
      shown = applyLocally(scores, [
        { unitCode: draftValue.unitCode, criterionCode: draftValue.code, patch: appraisedPatch(current, draftValue.parsed.value) },
      ]);
    }
    return previewBlock(data, shown);
  }, [data, scores, draftValue]);

  // ---------------------------------------------------------------- history of the focused cell
  useEffect(() => {
    if (!focus) return setHistory([]);
    let live = true;
    call('scores:history', { year, unitCode: focus.unitCode, criterionCode: focus.code }).then(
      (h) => live && setHistory(h),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [focus?.unitCode, focus?.code, status]);

  const context: ScoreEditorContext = useMemo(
    () => ({
      onDraft(row, field, text) {
        if (text === null) return setDraft(null);
        if (isTreeRow(row)) setDraft({ unitCode: unitRef.current, code: row.node.code, text });
        else setDraft({ unitCode: (row as MatrixRow).unitCode, code: field, text });
      },
    }),
    [],
  );
  const unitRef = useRef(unitCode);
  unitRef.current = unitCode;

  // ---------------------------------------------------------------- unit view
  const rows = useMemo(() => (data && view === 'unit' ? treeRows(nodes, unitCode, scores, collapsed) : []), [data, nodes, unitCode, scores, collapsed, view]);
  const toggle = (code: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;

  const unitColumns = useMemo<ColDef<TreeRow>[]>(
    () => [
      {
        colId: 'code',
        headerName: 'Mã',
        width: 120,
        pinned: 'left',
        cellRenderer: (p: ICellRendererParams<TreeRow>) => <CodeCell row={p.data!} onToggle={(c) => toggleRef.current(c)} />,
      },
      { colId: 'title', headerName: 'Nội dung', flex: 1, minWidth: 300, valueGetter: (p) => p.data?.node.title, tooltipValueGetter: (p) => p.data?.node.guidance ?? p.data?.node.title },
      { colId: 'max', headerName: 'Điểm tối đa', width: 100, type: 'rightAligned', valueGetter: (p) => p.data?.max, valueFormatter: (p) => formatScore(p.value) },
      { colId: 'self', headerName: 'Tự chấm', width: 95, type: 'rightAligned', valueGetter: (p) => p.data?.self, valueFormatter: (p) => formatScore(p.value) },
      {
        colId: 'appraised',
        headerName: 'Điểm thẩm định',
        width: 125,
        type: 'rightAligned',
        editable: (p) => Boolean(p.data?.isLeaf) && editableRef.current,
        cellEditor: ScoreEditor,
        valueGetter: (p) => p.data?.appraised ?? null,
        valueFormatter: (p) => formatScore(p.value),
        valueSetter: (p: ValueSetterParams<TreeRow>) => latest.current.setAppraised(unitRef.current, p.data.node, p.newValue),
        cellClass: (p) => ['ag-right-aligned-cell', p.data?.isLeaf ? (p.data.score?.notApplicable ? 'cell-na' : editableRef.current ? 'cell-editable' : '') : 'cell-sum'],
      },
      {
        colId: 'round',
        headerName: 'Lần TĐ',
        width: 82,
        editable: (p) => Boolean(p.data?.isLeaf) && editableRef.current,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [0, 1, 2, 3] },
        valueGetter: (p) => (p.data?.isLeaf ? (p.data.score?.appraisalRound ?? 0) : null),
        valueFormatter: (p) => (p.value === null ? '' : p.value === 0 ? 'Chưa' : `Lần ${p.value}`),
        valueSetter: (p) => latest.current.setField(unitRef.current, p.data.node.code, { appraisalRound: Number(p.newValue) }),
      },
      {
        colId: 'na',
        headerName: 'Không áp dụng',
        width: 118,
        editable: (p) => Boolean(p.data?.isLeaf) && editableRef.current,
        cellEditor: 'agCheckboxCellEditor',
        cellRenderer: (p: ICellRendererParams<TreeRow>) => (p.data?.isLeaf ? (p.data.score?.notApplicable ? 'Không áp dụng' : '') : ''),
        valueGetter: (p) => Boolean(p.data?.score?.notApplicable),
        valueSetter: (p) => latest.current.setField(unitRef.current, p.data.node.code, { notApplicable: Boolean(p.newValue) }),
      },
      {
        colId: 'note',
        headerName: 'Ghi chú thẩm định',
        width: 190,
        editable: (p) => Boolean(p.data?.isLeaf) && editableRef.current,
        valueGetter: (p) => p.data?.score?.note ?? '',
        tooltipValueGetter: (p) => p.value,
        valueSetter: (p) =>
          latest.current.setField(unitRef.current, p.data.node.code, { note: String(p.newValue ?? '').trim() || null }),
      },
      { colId: 'evidence', headerName: 'Tài liệu kiểm chứng', width: 170, valueGetter: (p) => p.data?.score?.evidence ?? '', tooltipValueGetter: (p) => p.value },
      { colId: 'explanation', headerName: 'Giải trình', width: 170, valueGetter: (p) => p.data?.score?.explanation ?? '', tooltipValueGetter: (p) => p.value },
    ],
    [],
  );
  const editableRef = useRef(editable);
  editableRef.current = editable;

  // ---------------------------------------------------------------- matrix view
  // Rows keep their identity while nothing of theirs changed, so the grid redraws only the rows an edit moved.
  const previousRows = useRef(new Map<string, MatrixRow>());
  const matrixRows = useMemo<MatrixRow[]>(() => {
    if (!data || view !== 'matrix') return [];
    const resultByUnit = new Map(preview?.units.map((u) => [u.code, u]) ?? []);
    const rows = data.units.map((u) => {
      const r = resultByUnit.get(u.code);
      const own: Record<string, Score | undefined> = {};
      for (const leaf of leafNodes) own[leaf.code] = scores.get(scoreKey(u.code, leaf.code));
      const row: MatrixRow = {
        unitCode: u.code,
        unitName: u.name,
        ranked: u.ranked,
        total: r?.total ?? null,
        index: r?.index ?? null,
        rank: r?.rank ?? null,
        provisional: r?.provisional ?? true,
        scores: own,
      };
      const before = previousRows.current.get(u.code);
      return before && sameRow(before, row, leafNodes) ? before : row;
    });
    previousRows.current = new Map(rows.map((r) => [r.unitCode, r]));
    return rows;
  }, [data, scores, preview, leafNodes, view]);

  const matrixColumns = useMemo<(ColDef<MatrixRow> | ColGroupDef<MatrixRow>)[]>(() => {
    const fields = nodes.filter((n) => n.parentCode === null);
    const fieldOfLeaf = new Map<string, string>();
    for (const leaf of leafNodes) {
      let top = leaf;
      while (top.parentCode && nodeByCode.get(top.parentCode)) top = nodeByCode.get(top.parentCode)!;
      fieldOfLeaf.set(leaf.code, top.code);
    }
    const leafColumn = (leaf: CriterionNode): ColDef<MatrixRow> => ({
      colId: leaf.code,
      headerName: leaf.code,
      headerTooltip: `${leaf.code}. ${leaf.title} (tối đa ${formatNumber(leaf.maxPoints ?? 0, 3)})`,
      width: 68,
      type: 'rightAligned',
      editable: () => editableRef.current,
      cellEditor: ScoreEditor,
      valueGetter: (p) => {
        const s = p.data?.scores[leaf.code];
        return s?.appraisedScore ?? null;
      },
      valueFormatter: (p) => {
        const s = p.data?.scores[leaf.code];
        if (s?.notApplicable) return 'KAD';
        if (p.value === null && s?.selfScore !== null && s?.selfScore !== undefined) return formatScore(s.selfScore);
        return formatScore(p.value);
      },
      cellClass: (p) => {
        const s = p.data?.scores[leaf.code];
        if (s?.notApplicable) return ['ag-right-aligned-cell', 'cell-na'];
        return ['ag-right-aligned-cell', s?.appraisedScore === null || s?.appraisedScore === undefined ? 'cell-provisional' : editableRef.current ? 'cell-editable' : ''];
      },
      valueSetter: (p: ValueSetterParams<MatrixRow>) => latest.current.setAppraised(p.data.unitCode, leaf, p.newValue),
    });
    return [
      {
        headerName: 'Đơn vị',
        pinned: 'left',
        children: [
          { colId: 'unit', headerName: 'Tên đơn vị', field: 'unitName', width: 210, pinned: 'left', tooltipField: 'unitName' },
          { colId: 'total', headerName: 'Tổng', field: 'total', width: 78, pinned: 'left', type: 'rightAligned', valueFormatter: (p) => (p.value === null ? '' : formatDecimal(p.value, 2)) },
          { colId: 'index', headerName: 'Chỉ số', field: 'index', width: 84, pinned: 'left', type: 'rightAligned', valueFormatter: (p) => formatPercent(p.value) },
          { colId: 'rank', headerName: 'Hạng', field: 'rank', width: 64, pinned: 'left', type: 'rightAligned', valueFormatter: (p) => (p.value === null ? (p.data?.ranked ? '' : 'KXH') : String(p.value)) },
        ],
      },
      ...fields.map((f) => ({
        headerName: `${f.code}. ${f.title}`,
        headerTooltip: f.title,
        children: leafNodes.filter((l) => fieldOfLeaf.get(l.code) === f.code).map(leafColumn),
      })),
    ];
  }, [nodes, leafNodes, nodeByCode]);

  // ---------------------------------------------------------------- paste a column from Excel
  const onPaste = (event: React.ClipboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || !data || !editable) return;
    const api = gridApi.current;
    const cell = api?.getFocusedCell();
    if (!api || !cell) return;
    event.preventDefault();
    const cells = pastedCells(event.clipboardData.getData('text/plain'));
    if (cells.length === 0) return;
    const problems: string[] = [];
    const changes: ScoreChangeInput[] = [];
    const current = scoresRef.current;
    if (view === 'unit') {
      if (cell.column.getColId() !== 'appraised') {
        setMessage({ kind: 'error', text: 'Chỉ dán được vào cột "Điểm thẩm định"; hãy chọn ô đầu tiên của cột này rồi dán.' });
        return;
      }
      const targets = rows.slice(cell.rowIndex).filter((r) => r.isLeaf);
      if (cells.length > targets.length) problems.push(`Có ${cells.length} dòng được dán nhưng chỉ còn ${targets.length} tiêu chí bên dưới ô đang chọn.`);
      cells.forEach((line, i) => {
        const row = targets[i];
        if (!row) return;
        const parsed = parseAppraised(row.node, unitName(unitCode), line[0]);
        if ('problem' in parsed) problems.push(`Dòng ${i + 1}: ${parsed.problem}`);
        else changes.push({ unitCode, criterionCode: row.node.code, patch: appraisedPatch(current.get(scoreKey(unitCode, row.node.code)), parsed.value) });
      });
    } else {
      const startCol = leafNodes.findIndex((l) => l.code === cell.column.getColId());
      if (startCol < 0) {
        setMessage({ kind: 'error', text: 'Hãy chọn ô điểm của tiêu chí đầu tiên cần dán rồi dán lại.' });
        return;
      }
      cells.forEach((line, i) => {
        const row = matrixRows[cell.rowIndex + i];
        if (!row) return problems.push(`Dòng ${i + 1} vượt quá số đơn vị trong bảng.`);
        line.forEach((text, j) => {
          const leaf = leafNodes[startCol + j];
          if (!leaf) return problems.push(`Cột ${j + 1} vượt quá số tiêu chí trong bảng.`);
          const parsed = parseAppraised(leaf, row.unitName, text);
          if ('problem' in parsed) problems.push(`Dòng ${i + 1}, cột ${j + 1}: ${parsed.problem}`);
          else changes.push({ unitCode: row.unitCode, criterionCode: leaf.code, patch: appraisedPatch(current.get(scoreKey(row.unitCode, leaf.code)), parsed.value) });
        });
      });
    }
    if (problems.length) {
      setMessage({ kind: 'error', text: `Không dán được, chưa có điểm nào thay đổi. ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (và ${problems.length - 5} lỗi khác)` : ''}` });
      return;
    }
    if (changes.length === 0) return;
    perform(changes, 'paste');
    setMessage({ kind: 'info', text: `Đã dán ${formatNumber(changes.length)} điểm thẩm định.` });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return;
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      travel('undo');
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      travel('redo');
    }
  };

  const onCellFocused = (e: CellFocusedEvent) => {
    if (e.rowIndex === null || !e.column || typeof e.column === 'string') return;
    const colId = e.column.getColId();
    if (view === 'unit') {
      const row = rows[e.rowIndex];
      setFocus(row?.isLeaf ? { unitCode: unitRef.current, code: row.node.code } : null);
    } else {
      const row = matrixRows[e.rowIndex];
      if (row) setUnitCode(row.unitCode);
      setFocus(row && nodeByCode.has(colId) ? { unitCode: row.unitCode, code: colId } : null);
    }
  };

  const focusHandler = useRef(onCellFocused);
  focusHandler.current = onCellFocused;
  const onCellFocusedStable = useCallback((e: CellFocusedEvent) => focusHandler.current(e), []);
  const onGridReady = useCallback((e: { api: GridApi }) => {
    gridApi.current = e.api;
  }, []);

  if (blocks.length === 0) {
    return <EmptyState text={`Năm ${year} chưa có bộ chỉ số nào; hãy vào "Bộ chỉ số" để tạo hoặc sao chép từ năm trước.`} />;
  }

  const unitIndex = data?.units.findIndex((u) => u.code === unitCode) ?? -1;
  const shownResult = unitResultOf(preview, unitCode);
  const savedResult = unitResultOf(saved?.blocks.find((b) => b.code === blockCode), unitCode);
  const rankedCount = preview?.units.filter((u) => u.ranked && u.rank !== null).length ?? 0;
  return (
    <div className="appraisal">
      <div className="toolbar">
        <label>
          Khối
          <select value={blockCode} onChange={(e) => setBlockCode(e.target.value)} aria-label="Khối">
            {blocks.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="tablist" aria-label="Cách xem">
          <button type="button" role="tab" aria-selected={view === 'unit'} className={view === 'unit' ? 'on' : ''} onClick={() => setView('unit')}>
            Theo đơn vị
          </button>
          <button type="button" role="tab" aria-selected={view === 'matrix'} className={view === 'matrix' ? 'on' : ''} onClick={() => setView('matrix')}>
            Ma trận khối
          </button>
        </div>
        {view === 'unit' && data && (
          <label>
            Đơn vị
            <select className="unit-select" value={unitCode} onChange={(e) => setUnitCode(e.target.value)} aria-label="Đơn vị">
              {data.units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {view === 'unit' && data && (
          <>
            <button type="button" disabled={unitIndex <= 0} onClick={() => setUnitCode(data.units[unitIndex - 1].code)} aria-label="Đơn vị trước">
              ‹
            </button>
            <button type="button" disabled={unitIndex < 0 || unitIndex >= data.units.length - 1} onClick={() => setUnitCode(data.units[unitIndex + 1].code)} aria-label="Đơn vị sau">
              ›
            </button>
            <button type="button" onClick={() => setCollapsed(new Set())}>
              Mở rộng
            </button>
            <button type="button" onClick={() => setCollapsed(new Set(nodes.filter((n) => n.parentCode === null).map((n) => n.code)))}>
              Thu gọn
            </button>
          </>
        )}
        <span className="spacer" />
        <button type="button" disabled={stacks.undo.length === 0} onClick={() => travel('undo')} title="Ctrl+Z">
          Hoàn tác
        </button>
        <button type="button" disabled={stacks.redo.length === 0} onClick={() => travel('redo')} title="Ctrl+Y">
          Làm lại
        </button>
        <span className="save-status" data-testid="save-status">
          {status}
        </span>
      </div>
      {data?.locked && <p className="notice">Kỳ đánh giá năm {year} đã công bố nên đã khóa; chỉ xem, không sửa điểm.</p>}
      <div className={`appraisal-body appraisal-${view}`}>
        <div className="grid-wrap" onPaste={onPaste} onKeyDown={onKeyDown} data-testid="appraisal-grid">
          {data && view === 'unit' && (
            <AgGridReact<TreeRow>
              theme={gridTheme}
              localeText={gridLocale}
              rowData={rows}
              columnDefs={unitColumns}
              getRowId={treeRowId}
              context={context}
              getRowClass={treeRowClass}
              enterNavigatesVertically
              enterNavigatesVerticallyAfterEdit
              singleClickEdit={false}
              stopEditingWhenCellsLoseFocus
              tooltipShowDelay={400}
              onGridReady={onGridReady}
              onCellFocused={onCellFocusedStable}
              defaultColDef={DEFAULT_COL_DEF}
            />
          )}
          {data && view === 'matrix' && (
            <AgGridReact<MatrixRow>
              theme={gridTheme}
              localeText={gridLocale}
              rowData={matrixRows}
              columnDefs={matrixColumns}
              getRowId={matrixRowId}
              context={context}
              enterNavigatesVertically
              enterNavigatesVerticallyAfterEdit
              stopEditingWhenCellsLoseFocus
              tooltipShowDelay={400}
              onGridReady={onGridReady}
              onCellFocused={onCellFocusedStable}
              defaultColDef={DEFAULT_COL_DEF}
            />
          )}
        </div>
        <aside className="side-panel">
          <section className="summary" aria-label="Kết quả đơn vị" data-testid="unit-summary">
            <h3>{unitName(unitCode)}</h3>
            {draftValue && (
              <p className={'problem' in draftValue.parsed ? 'draft draft-bad' : 'draft'}>
                {'problem' in draftValue.parsed ? draftValue.parsed.problem : `Xem trước khi nhập ${draftValue.text} điểm cho tiêu chí ${draftValue.code}`}
              </p>
            )}
            <dl>
              <dt>Tổng điểm</dt>
              <dd data-testid="summary-total">
                {shownResult ? `${formatDecimal(shownResult.total, 2)} / ${formatNumber(shownResult.max, 3)}` : '—'}
              </dd>
              <dt>Chỉ số</dt>
              <dd data-testid="summary-index">{formatPercent(shownResult?.index ?? null)}</dd>
              <dt>Xếp hạng</dt>
              <dd data-testid="summary-rank">
                {shownResult?.rank ? `${shownResult.rank} / ${rankedCount}` : shownResult && !shownResult.ranked ? 'Không xếp hạng' : '—'}
              </dd>
              <dt>Xếp loại</dt>
              <dd>{shownResult?.band ?? '—'}</dd>
              <dt>Tình trạng</dt>
              <dd>{shownResult ? (shownResult.provisional ? 'Tạm tính (còn tiêu chí chưa thẩm định)' : 'Đã thẩm định đủ') : '—'}</dd>
              <dt>So với năm trước</dt>
              <dd>{savedResult ? (describeChange(savedResult.deltaIndex, savedResult.deltaRank) ?? '—') : '—'}</dd>
            </dl>
          </section>
          <section className="history" aria-label="Lịch sử ô" data-testid="cell-history">
            <h3>Lịch sử ô {focus ? `${focus.code}` : ''}</h3>
            {!focus && <p className="muted">Chọn một ô điểm để xem ai đã sửa, khi nào, từ bao nhiêu thành bao nhiêu.</p>}
            {focus && history.length === 0 && <p className="muted">Ô này chưa có thay đổi nào.</p>}
            <ol>
              {history.map((h) => (
                <li key={h.id}>
                  <div className="history-when">
                    {formatDateTime(h.at)} · {h.actor} · {sourceLabel(h.source)}
                  </div>
                  <div>
                    {auditFieldLabel(h.field)}: {auditValue(h.field, h.oldValue)} → <strong>{auditValue(h.field, h.newValue)}</strong>
                  </div>
                  {h.reason && <div className="muted">Lý do: {h.reason}</div>}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
      <p className="hint muted">
        Nhập điểm như trong Excel: gõ số (dấu phẩy thập phân), Enter để lưu và xuống dòng, Tab sang ô bên, F2 để sửa. Dán một cột số
        từ Excel vào ô đầu tiên của cột điểm thẩm định. Ctrl+Z hoàn tác, Ctrl+Y làm lại. Mỗi thay đổi được lưu ngay và ghi nhật ký.
      </p>
    </div>
  );
}

// Grid options that never change: new objects on each render would make the grid redraw every cell.
const DEFAULT_COL_DEF: ColDef = { sortable: false, suppressMovable: true, resizable: true };
const treeRowId = (p: GetRowIdParams<TreeRow>) => p.data.id;
const matrixRowId = (p: GetRowIdParams<MatrixRow>) => p.data.unitCode;
const treeRowClass = (p: RowClassParams<TreeRow>) => (p.data && !p.data.isLeaf ? `row-level-${Math.min(p.data.depth + 1, 3)}` : undefined);

function sameRow(a: MatrixRow, b: MatrixRow, leafNodes: CriterionNode[]): boolean {
  if (a.total !== b.total || a.index !== b.index || a.rank !== b.rank || a.provisional !== b.provisional || a.unitName !== b.unitName) return false;
  return leafNodes.every((l) => a.scores[l.code] === b.scores[l.code]);
}

function isTreeRow(row: unknown): row is TreeRow {
  return typeof row === 'object' && row !== null && 'node' in row;
}

function CodeCell({ row, onToggle }: { row: TreeRow; onToggle(code: string): void }) {
  return (
    <span className="tree-code" style={{ paddingLeft: row.depth * 14 }}>
      {row.hasChildren ? (
        <button
          type="button"
          className="tree-toggle"
          aria-label={row.expanded ? `Thu gọn ${row.node.code}` : `Mở rộng ${row.node.code}`}
          aria-expanded={row.expanded}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(row.node.code);
          }}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="tree-spacer" />
      )}
      {row.node.code}
    </span>
  );
}

function auditValue(field: string, value: string | null): string {
  if (value === null) return '(trống)';
  if (field === 'notApplicable') return value === '1' ? 'không áp dụng' : 'áp dụng';
  if (field === 'selfScore' || field === 'appraisedScore' || field === 'reportedValue') {
    const n = Number(value);
    return Number.isFinite(n) ? formatNumber(n, 4) : value;
  }
  return value;
}

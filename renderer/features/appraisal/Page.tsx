// "Thẩm định": the appraised scores of a block, typed as in Excel into one unit's tree or the
// block matrix, each saved at once with its audit entry; undo and redo, a column pasted from
// Excel, the unit's total, index and rank previewed while typing, and each cell's history.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellFocusedEvent, ColDef, GetRowIdParams, GridApi, RowClassParams } from 'ag-grid-community';
import { leaves } from '../../../shared/results';
import { BlockSelect } from '../../app/BlockSelect';
import { EmptyState } from '../../app/EmptyState';
import { ImportGuide } from '../../app/ImportGuide';
import { SCORES_COLUMNS } from '../../../shared/import-columns';
import { gridLocale, gridTheme } from '../../app/grid';
import { useChoice, useLatest, useReusedRows } from '../../app/hooks';
import type { PageProps } from '../../app/page';
import type { ScoreEditorContext } from '../../app/ScoreEditor';
import { Tabs } from '../../app/Tabs';
import { matrixColumns, unitColumns, type GridHandlers } from './columns';
import { useAppraisal, useCellHistory, useDraftPreview, useFolding, useScoresTable } from './hooks';
import { isTreeRow, matrixRows, sameMatrixRow, scoreKey, treeRows, type MatrixRow, type TreeRow } from './model';
import { MatrixLegend } from './legend';
import { SidePanel } from './SidePanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { EvidenceViewer } from '../evidence/Viewer';
import { useAssign, useUnitEvidence, useYearMissingEvidence } from '../evidence/hooks';
import { documentCounts, type EvidenceDocumentOutput } from '../evidence/model';

type View = 'unit' | 'matrix';
const VIEWS = [
  { key: 'unit', label: 'Theo đơn vị' },
  { key: 'matrix', label: 'Ma trận khối' },
] as const;

// Grid options that never change: new objects on each render would make the grid redraw every cell.
const DEFAULT_COL_DEF: ColDef = { sortable: false, suppressMovable: true, resizable: true };
const treeRowId = (p: GetRowIdParams<TreeRow>) => p.data.id;
const matrixRowId = (p: GetRowIdParams<MatrixRow>) => p.data.unitCode;
const matrixRowKey = (row: MatrixRow) => row.unitCode;
const treeRowClass = (p: RowClassParams<TreeRow>) => (p.data && !p.data.isLeaf ? `row-level-${Math.min(p.data.depth + 1, 3)}` : undefined);
const isTyping = (target: EventTarget) => ['INPUT', 'TEXTAREA', 'SELECT'].includes((target as HTMLElement).tagName);

export function AppraisalPage({ workspace, year }: PageProps) {
  const blocks = workspace.blocks.filter((b) => workspace.frameworks.some((f) => f.year === year && f.blockCode === b.code));
  const [blockCode, setBlockCode] = useState(blocks[0]?.code ?? '');
  const [view, setView] = useState<View>('unit');
  const [focus, setFocus] = useState<{ unitCode: string; code: string } | null>(null);
  const appraisal = useAppraisal(year, blockCode);
  const { data, scores, unitName } = appraisal;
  const [unitCode, setUnitCode] = useChoice(data?.units.map((u) => u.code) ?? []);
  const folding = useFolding();
  const gridApi = useRef<GridApi | null>(null);

  const nodes = useMemo(() => data?.nodes ?? [], [data]);
  const nodeByCode = useMemo(() => new Map(nodes.map((n) => [n.code, n])), [nodes]);
  const leafNodes = useMemo(() => leaves(nodes), [nodes]);
  const { draft, setDraft, preview } = useDraftPreview(data, scores, nodeByCode, unitName);
  // in the one-unit view the history follows the unit shown: the same leaf of the new unit
  const shownFocus = view === 'unit' && focus && focus.unitCode !== unitCode ? { unitCode, code: focus.code } : focus;
  const history = useCellHistory(year, shownFocus, appraisal.saves);
  const notSubmitted = useMemo(() => {
    const sent = new Set([...scores.values()].filter((s) => s.selfScore !== null).map((s) => s.unitCode));
    return new Set((data?.units ?? []).filter((u) => !sent.has(u.code)).map((u) => u.code));
  }, [data, scores]);
  const editable = Boolean(data && !data.locked);
  const scoresTable = useScoresTable(year, blockCode, appraisal.reload);
  const noScores = data !== null && ![...scores.values()].some((s) => s.selfScore !== null || s.appraisedScore !== null);
  // the documents of the unit shown (or of the unit in focus in the matrix) and its missing-evidence flags
  const evidenceUnit = view === 'unit' ? unitCode || null : (focus?.unitCode ?? null);
  const evidence = useUnitEvidence(year, evidenceUnit, appraisal.saves);
  const [openDoc, setOpenDoc] = useState<EvidenceDocumentOutput | null>(null);
  const { assign, busy: assigning } = useAssign(evidence.reload);
  const evidenceView = useMemo(
    () => ({ missing: new Set(evidence.value?.missing ?? []), counts: documentCounts(evidence.value?.documents ?? []) }),
    [evidence.value],
  );
  // the block matrix marks every unit's flagged leaves; asked again after each save and each assignment
  const yearMissing = useYearMissingEvidence(view === 'matrix' ? year : null, evidence.value ?? appraisal.saves);
  const missingCells = useMemo(() => new Set((yearMissing.value ?? []).map((m) => `${m.unitCode}|${m.criterionCode}`)), [yearMissing.value]);
  const shownDoc = openDoc && openDoc.unitCode === evidenceUnit ? openDoc : null;

  const rows = useMemo(() => (data && view === 'unit' ? treeRows(nodes, unitCode, scores, folding.collapsed) : []), [data, view, nodes, unitCode, scores, folding.collapsed]);
  const matrix = useReusedRows(
    useMemo(() => (data && view === 'matrix' ? matrixRows(data, scores, preview, leafNodes) : []), [data, view, scores, preview, leafNodes]),
    matrixRowKey,
    sameMatrixRow,
  );

  const onCellFocused = (e: CellFocusedEvent) => {
    if (e.rowIndex === null || !e.column || typeof e.column === 'string') return;
    const colId = e.column.getColId();
    if (view === 'unit') {
      const row = rows[e.rowIndex];
      setFocus(row ? { unitCode, code: row.node.code } : null);
    } else {
      const row = matrix[e.rowIndex];
      if (row) setUnitCode(row.unitCode);
      setFocus(row && nodeByCode.has(colId) ? { unitCode: row.unitCode, code: colId } : null);
    }
  };

  // What the grids and the menu call, made once: each call reaches the screen as it is then.
  // counts the grids made ready: a grid that mounts after the flags arrived is drawn again with them
  const [gridsReady, setGridsReady] = useState(0);
  const latest = useLatest({ appraisal, unitCode, editable, toggle: folding.toggle, onCellFocused, evidenceView, missingCells });
  const [grid] = useState(() => {
    const handlers: GridHandlers = {
      setAppraised: (unit, node, typed) => latest.current.appraisal.setAppraised(unit, node, typed),
      setField: (unit, code, patch) => latest.current.appraisal.setField(unit, code, patch),
      toggle: (code) => latest.current.toggle(code),
      unitCode: () => latest.current.unitCode,
      editable: () => latest.current.editable,
      evidenceOf: (code) => ({ count: latest.current.evidenceView.counts.get(code) ?? 0, missing: latest.current.evidenceView.missing.has(code) }),
      missingEvidenceAt: (unit, code) => latest.current.missingCells.has(`${unit}|${code}`),
    };
    const context: ScoreEditorContext = {
      onDraft(row, field, text) {
        if (text === null) setDraft(null);
        else if (isTreeRow(row)) setDraft({ unitCode: latest.current.unitCode, code: row.node.code, text });
        else setDraft({ unitCode: (row as MatrixRow).unitCode, code: field, text });
      },
    };
    const onCellFocused = (e: CellFocusedEvent) => latest.current.onCellFocused(e);
    const onGridReady = (e: { api: GridApi }) => {
      gridApi.current = e.api;
      setGridsReady((n) => n + 1);
    };
    // what both grids share; one object, so that the grid sees the same options on every render
    const options = {
      theme: gridTheme,
      localeText: gridLocale,
      context,
      defaultColDef: DEFAULT_COL_DEF,
      enterNavigatesVertically: true,
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      tooltipShowDelay: 400,
      onGridReady,
      onCellFocused,
    };
    return { handlers, options };
  });
  const treeColumns = useMemo(() => unitColumns(grid.handlers), [grid]);
  const blockColumns = useMemo(() => matrixColumns(nodes, leafNodes, grid.handlers), [nodes, leafNodes, grid]);

  // the code and evidence columns read the flags through the handlers: draw them again when they change
  useEffect(() => {
    gridApi.current?.refreshCells({ columns: ['code', 'evidence'], force: true });
  }, [evidenceView, gridsReady]);
  useEffect(() => {
    if (view === 'matrix') gridApi.current?.refreshCells({ force: true });
  }, [missingCells, view, gridsReady]);

  // Sửa › Hoàn tác and Làm lại of the main menu
  useEffect(() => {
    const onMenu = (e: Event) => latest.current.appraisal.travel((e as CustomEvent<'undo' | 'redo'>).detail);
    window.addEventListener('parw-history', onMenu);
    return () => window.removeEventListener('parw-history', onMenu);
  }, [latest]);

  if (blocks.length === 0) {
    return <EmptyState text={`Năm ${year} chưa có bộ chỉ số nào; hãy vào "Bộ chỉ số" để tạo hoặc sao chép từ năm trước.`} />;
  }

  // a column (or a block of cells) pasted from Excel at the focused cell
  const onPaste = (event: React.ClipboardEvent) => {
    const cell = gridApi.current?.getFocusedCell();
    if (isTyping(event.target) || !data || !editable || !cell) return;
    event.preventDefault();
    const colId = cell.column.getColId();
    const target =
      view === 'unit'
        ? { view, colId, rowIndex: cell.rowIndex, rows, unitCode, unitName: unitName(unitCode) }
        : { view, colId, rowIndex: cell.rowIndex, rows: matrix, leafNodes };
    appraisal.paste(target, event.clipboardData.getData('text/plain'));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (isTyping(event.target) || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      appraisal.travel('undo');
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      appraisal.travel('redo');
    }
  };

  // beside the summary, or above the document being read (which then takes the side panel's place)
  const evidencePanel = evidenceUnit && (
    <EvidencePanel
      unitName={unitName(evidenceUnit)}
      focusCode={shownFocus && shownFocus.unitCode === evidenceUnit ? shownFocus.code : null}
      documents={evidence.value?.documents ?? []}
      missing={evidenceView.missing}
      openId={shownDoc?.id ?? null}
      editable={editable}
      busy={assigning}
      onOpen={setOpenDoc}
      onAssign={(d, code) => void assign(d.id, code, d.name)}
    />
  );
  const units = data?.units ?? [];
  const unitIndex = units.findIndex((u) => u.code === unitCode);
  return (
    <div className="appraisal">
      <div className="toolbar">
        <BlockSelect blocks={blocks} value={blockCode} onChange={setBlockCode} />
        <Tabs<View> label="Cách xem" items={VIEWS} value={view} onChange={setView} />
        {view === 'unit' && data && (
          <>
            <label>
              Đơn vị
              <select className="unit-select" value={unitCode} onChange={(e) => setUnitCode(e.target.value)} aria-label="Đơn vị">
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {notSubmitted.has(u.code) ? `${u.name} — Chưa nộp` : u.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={unitIndex <= 0} onClick={() => setUnitCode(units[unitIndex - 1].code)} aria-label="Đơn vị trước">
              ‹
            </button>
            <button type="button" disabled={unitIndex < 0 || unitIndex >= units.length - 1} onClick={() => setUnitCode(units[unitIndex + 1].code)} aria-label="Đơn vị sau">
              ›
            </button>
            <button type="button" onClick={folding.expandAll}>
              Mở rộng
            </button>
            <button type="button" onClick={() => folding.collapse(nodes.filter((n) => n.parentCode === null).map((n) => n.code))}>
              Thu gọn
            </button>
          </>
        )}
        <span className="spacer" />
        <button type="button" disabled={!appraisal.canUndo} onClick={() => appraisal.travel('undo')} title="Ctrl+Z">
          Hoàn tác
        </button>
        <button type="button" disabled={!appraisal.canRedo} onClick={() => appraisal.travel('redo')} title="Ctrl+Y">
          Làm lại
        </button>
        <span className="save-status" data-testid="save-status">
          {appraisal.status}
        </span>
      </div>
      {noScores && editable && (
        <ImportGuide
          testId="scores-guide"
          title={`Chưa có điểm nào của khối này năm ${year}`}
          text={
            'Gửi biểu mẫu tự đánh giá cho các đơn vị ở "Biểu mẫu" rồi nhận lại, hoặc nhập bảng điểm từ Excel (tải tệp mẫu: mỗi đơn vị một dòng cho mỗi tiêu chí, điền điểm rồi bấm "Nhập bảng điểm…"). ' +
            'Cũng có thể gõ điểm thẩm định trực tiếp vào bảng dưới đây.'
          }
          columns={SCORES_COLUMNS}
          required={['Mã đơn vị', 'Mã tiêu chí']}
          onTemplate={() => void scoresTable.template()}
        >
          <button type="button" onClick={() => void scoresTable.importFile()}>
            Nhập bảng điểm…
          </button>
        </ImportGuide>
      )}
      {data?.locked && <p className="notice">Kỳ đánh giá năm {year} đã công bố nên đã khóa; chỉ xem, không sửa điểm.</p>}
      <div className={`appraisal-body appraisal-${view}${shownDoc ? ' with-viewer' : ''}`}>
        <div className="grid-wrap" onPaste={onPaste} onKeyDown={onKeyDown} data-testid="appraisal-grid">
          {data && view === 'unit' && (
            <AgGridReact<TreeRow> {...grid.options} rowData={rows} columnDefs={treeColumns} getRowId={treeRowId} getRowClass={treeRowClass} singleClickEdit={false} />
          )}
          {data && view === 'matrix' && (
            <AgGridReact<MatrixRow> {...grid.options} rowData={matrix} columnDefs={blockColumns} getRowId={matrixRowId} />
          )}
        </div>
        {!shownDoc && (
        <SidePanel
          unitCode={unitCode}
          unitName={unitName(unitCode)}
          blockCode={blockCode}
          draft={draft}
          preview={preview}
          saved={appraisal.saved}
          focus={shownFocus}
          history={history}
          criterion={shownFocus ? (nodeByCode.get(shownFocus.code) ?? null) : null}
          score={shownFocus ? scores.get(scoreKey(shownFocus.unitCode, shownFocus.code)) : undefined}
          onAcceptSelf={editable ? (rootCode) => appraisal.acceptSelf(shownFocus?.unitCode ?? unitCode, rootCode) : null}
        >
          {view === 'matrix' && <MatrixLegend />}
          {evidencePanel}
        </SidePanel>
        )}
        {shownDoc && (
          <div className="evidence-column">
            {evidencePanel}
            <EvidenceViewer document={shownDoc} onClose={() => setOpenDoc(null)} />
          </div>
        )}
      </div>
      <p className="hint muted">
        Nhập điểm như trong Excel: gõ số (dấu phẩy thập phân), Enter để lưu và xuống dòng, Tab sang ô bên, F2 để sửa. Dán một cột số
        từ Excel vào ô đầu tiên của cột điểm thẩm định. Ctrl+Z hoàn tác, Ctrl+Y làm lại. Mỗi thay đổi được lưu ngay và ghi nhật ký.
      </p>
    </div>
  );
}

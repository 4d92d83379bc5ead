// The columns of the appraisal grids: the unit's tree (maximum, self score, appraised score,
// round, not applicable, note, evidence, explanation) and the block matrix (units × leaves
// under their fields). Columns are made once; what they call reads the screen as it is then.
import type { ColDef, ColGroupDef, ICellRendererParams, ValueSetterParams } from 'ag-grid-community';
import type { ScorePatchInput } from '../../../shared/contract';
import type { CriterionNode } from '../../../shared/domain';
import { formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import { formatScore, ScoreEditor } from '../../app/ScoreEditor';
import { matrixCellClasses } from './legend';
import { fieldOfLeaves, type MatrixRow, type TreeRow } from './model';

export interface GridHandlers {
  setAppraised(unitCode: string, node: CriterionNode, typed: unknown): void;
  setField(unitCode: string, criterionCode: string, patch: ScorePatchInput): void;
  toggle(code: string): void;
  /** the unit whose tree is shown */
  unitCode(): string;
  /** scores can be changed (the year is not published) */
  editable(): boolean;
  /** the documents received for a leaf of the unit shown, and whether it is flagged as missing them */
  evidenceOf(criterionCode: string): { count: number; missing: boolean };
  /** a leaf of a unit in the block matrix is flagged "Thiếu tài liệu kiểm chứng" */
  missingEvidenceAt(unitCode: string, criterionCode: string): boolean;
}

/** The class of a block-matrix cell flagged "Thiếu tài liệu kiểm chứng" (a red corner). */
export const MISSING_EVIDENCE_CELL = 'cell-evidence-missing';

/** The grid writes nothing itself: the change comes back as new rows. */
const handled = (act: () => void) => {
  act();
  return false;
};

export function unitColumns(h: GridHandlers): ColDef<TreeRow>[] {
  const leafEditable = (p: { data?: TreeRow }) => Boolean(p.data?.isLeaf) && h.editable();
  return [
    {
      colId: 'code',
      headerName: 'Mã',
      width: 120,
      pinned: 'left',
      cellRenderer: (p: ICellRendererParams<TreeRow>) => (
        <CodeCell row={p.data!} onToggle={h.toggle} missingEvidence={Boolean(p.data?.isLeaf && h.evidenceOf(p.data.node.code).missing)} />
      ),
    },
    { colId: 'title', headerName: 'Nội dung', flex: 1, minWidth: 300, valueGetter: (p) => p.data?.node.title, tooltipValueGetter: (p) => p.data?.node.guidance ?? p.data?.node.title },
    { colId: 'max', headerName: 'Điểm tối đa', width: 100, type: 'rightAligned', valueGetter: (p) => p.data?.max, valueFormatter: (p) => formatScore(p.value) },
    { colId: 'self', headerName: 'Tự chấm', width: 95, type: 'rightAligned', valueGetter: (p) => p.data?.self, valueFormatter: (p) => formatScore(p.value) },
    {
      colId: 'appraised',
      headerName: 'Điểm thẩm định',
      width: 125,
      type: 'rightAligned',
      editable: leafEditable,
      cellEditor: ScoreEditor,
      valueGetter: (p) => p.data?.appraised ?? null,
      valueFormatter: (p) => formatScore(p.value),
      valueSetter: (p: ValueSetterParams<TreeRow>) => handled(() => h.setAppraised(h.unitCode(), p.data.node, p.newValue)),
      cellClass: (p) => ['ag-right-aligned-cell', p.data?.isLeaf ? (p.data.score?.notApplicable ? 'cell-na' : h.editable() ? 'cell-editable' : '') : 'cell-sum'],
    },
    {
      colId: 'round',
      headerName: 'Lần TĐ',
      headerTooltip: 'Lần thẩm định: 1 là lần đầu, 2 trở lên là phúc tra',
      width: 82,
      editable: leafEditable,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [0, 1, 2, 3] },
      valueGetter: (p) => (p.data?.isLeaf ? (p.data.score?.appraisalRound ?? 0) : null),
      valueFormatter: (p) => (p.value === null ? '' : p.value === 0 ? 'Chưa' : `Lần ${p.value}`),
      valueSetter: (p) => handled(() => h.setField(h.unitCode(), p.data.node.code, { appraisalRound: Number(p.newValue) })),
    },
    {
      colId: 'na',
      headerName: 'Không áp dụng',
      width: 118,
      editable: leafEditable,
      cellEditor: 'agCheckboxCellEditor',
      cellRenderer: (p: ICellRendererParams<TreeRow>) => (p.data?.isLeaf ? (p.data.score?.notApplicable ? 'Không áp dụng' : '') : ''),
      valueGetter: (p) => Boolean(p.data?.score?.notApplicable),
      valueSetter: (p) => handled(() => h.setField(h.unitCode(), p.data.node.code, { notApplicable: Boolean(p.newValue) })),
    },
    {
      colId: 'note',
      headerName: 'Ghi chú thẩm định',
      width: 190,
      editable: leafEditable,
      valueGetter: (p) => p.data?.score?.note ?? '',
      tooltipValueGetter: (p) => p.value,
      valueSetter: (p) => handled(() => h.setField(h.unitCode(), p.data.node.code, { note: String(p.newValue ?? '').trim() || null })),
    },
    {
      colId: 'evidence',
      headerName: 'Tài liệu kiểm chứng',
      width: 190,
      valueGetter: (p) => p.data?.score?.evidence ?? '',
      tooltipValueGetter: (p) => p.value,
      cellRenderer: (p: ICellRendererParams<TreeRow>) => <EvidenceCell row={p.data} text={String(p.value ?? '')} evidenceOf={h.evidenceOf} />,
    },
    { colId: 'explanation', headerName: 'Giải trình', width: 170, valueGetter: (p) => p.data?.score?.explanation ?? '', tooltipValueGetter: (p) => p.value },
  ];
}

export function matrixColumns(nodes: CriterionNode[], leafNodes: CriterionNode[], h: GridHandlers): (ColDef<MatrixRow> | ColGroupDef<MatrixRow>)[] {
  const fields = nodes.filter((n) => n.parentCode === null);
  const fieldOfLeaf = fieldOfLeaves(nodes, leafNodes);
  const leafColumn = (leaf: CriterionNode): ColDef<MatrixRow> => ({
    colId: leaf.code,
    headerName: leaf.code,
    headerTooltip: `${leaf.code}. ${leaf.title} (tối đa ${formatNumber(leaf.maxPoints ?? 0, 3)})`,
    width: 68,
    type: 'rightAligned',
    editable: () => h.editable(),
    cellEditor: ScoreEditor,
    valueGetter: (p) => p.data?.scores[leaf.code]?.appraisedScore ?? null,
    // a leaf not yet appraised shows the self score, in grey: the total counts it for now
    valueFormatter: (p) => {
      const s = p.data?.scores[leaf.code];
      if (s?.notApplicable) return 'KAD';
      if (p.value === null && s?.selfScore !== null && s?.selfScore !== undefined) return formatScore(s.selfScore);
      return formatScore(p.value);
    },
    // the legend beside the matrix explains each class (./legend.tsx)
    cellClass: (p) => [
      ...matrixCellClasses(p.data?.scores[leaf.code], h.editable()),
      ...(p.data && h.missingEvidenceAt(p.data.unitCode, leaf.code) ? [MISSING_EVIDENCE_CELL] : []),
    ],
    tooltipValueGetter: (p) => (p.data && h.missingEvidenceAt(p.data.unitCode, leaf.code) ? 'Thiếu tài liệu kiểm chứng' : undefined),
    valueSetter: (p: ValueSetterParams<MatrixRow>) => handled(() => h.setAppraised(p.data.unitCode, leaf, p.newValue)),
  });
  return [
    {
      headerName: 'Đơn vị',
      pinned: 'left',
      children: [
        { colId: 'unit', headerName: 'Tên đơn vị', field: 'unitName', width: 210, pinned: 'left', tooltipField: 'unitName' },
        { colId: 'total', headerName: 'Tổng', field: 'total', width: 78, pinned: 'left', type: 'rightAligned', valueFormatter: (p) => (p.value === null ? '' : formatDecimal(p.value, 2)) },
        { colId: 'index', headerName: 'Chỉ số', field: 'index', width: 84, pinned: 'left', type: 'rightAligned', valueFormatter: (p) => formatPercent(p.value) },
        { colId: 'rank', headerName: 'Hạng', headerTooltip: 'Xếp hạng trong khối; KXH: không xếp hạng', field: 'rank', width: 64, pinned: 'left', type: 'rightAligned', valueFormatter: (p) => (p.value === null ? (p.data?.ranked ? '' : 'KXH') : String(p.value)) },
      ],
    },
    ...fields.map((f) => ({
      headerName: `${f.code}. ${f.title}`,
      headerTooltip: f.title,
      children: leafNodes.filter((l) => fieldOfLeaf.get(l.code) === f.code).map(leafColumn),
    })),
  ];
}

function CodeCell({ row, onToggle, missingEvidence }: { row: TreeRow; onToggle(code: string): void; missingEvidence: boolean }) {
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
      {missingEvidence && (
        <span className="missing-evidence-mark" title="Thiếu tài liệu kiểm chứng" aria-label="Thiếu tài liệu kiểm chứng">
          !
        </span>
      )}
    </span>
  );
}

/** The form's evidence text, with the number of documents received or the missing flag. */
function EvidenceCell({ row, text, evidenceOf }: { row: TreeRow | undefined; text: string; evidenceOf: GridHandlers['evidenceOf'] }) {
  if (!row?.isLeaf) return null;
  const { count, missing } = evidenceOf(row.node.code);
  return (
    <span>
      {missing && <span className="cell-missing-evidence">Thiếu tài liệu kiểm chứng</span>}
      {!missing && count > 0 && <span className="muted">({count} tệp) </span>}
      {!missing && text}
    </span>
  );
}

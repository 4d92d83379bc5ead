// The columns of the framework grid. A typed cell goes to `onEdit` (the node's change, or the
// reason it is refused); the grid itself writes nothing, the new nodes come back as rows.
import type { ColDef, ValueSetterParams } from 'ag-grid-community';
import { criterionSources, scoringMethods } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { sumOfChildren } from '../../../shared/framework/tree';
import { METHOD_LABELS, SOURCE_LABELS } from '../../app/labels';
import { codeEdit, maxEdit, titleEdit, type CellEdit, type Row } from './model';

export interface ColumnHandlers {
  /** the node's change as typed, or the reason it is refused */
  onEdit(row: Row, edit: CellEdit): void;
  /** the nodes as they are now, for the check of a new code */
  nodes(): Row['node'][];
}

export function frameworkColumns(handlers: ColumnHandlers): ColDef<Row>[] {
  const set = (edit: (p: ValueSetterParams<Row>) => CellEdit) => (p: ValueSetterParams<Row>) => {
    handlers.onEdit(p.data, edit(p));
    return false;
  };
  const leafOnly = (p: { data?: Row }) => Boolean(p.data?.isLeaf);
  return [
    {
      colId: 'code',
      headerName: 'Mã',
      width: 130,
      editable: true,
      valueGetter: (p) => p.data?.node.code,
      cellRenderer: (p: { data: Row }) => <span style={{ paddingLeft: p.data.depth * 16 }}>{p.data.node.code}</span>,
      valueSetter: set((p) => codeEdit(p.newValue, p.data.node, handlers.nodes())),
    },
    {
      colId: 'title',
      headerName: 'Nội dung',
      flex: 1,
      minWidth: 320,
      editable: true,
      valueGetter: (p) => p.data?.node.title,
      tooltipValueGetter: (p) => p.value,
      valueSetter: set((p) => titleEdit(p.newValue)),
    },
    {
      colId: 'max',
      headerName: 'Điểm tối đa',
      width: 115,
      type: 'rightAligned',
      editable: true,
      // a parent's maximum left blank is the sum of its children, shown as such and re-summed as they change
      valueGetter: (p) => (p.data ? (p.data.node.maxPoints ?? (p.data.isLeaf ? null : sumOfChildren(handlers.nodes(), p.data.node.code))) : null),
      valueFormatter: (p) => (p.value === null ? '' : formatNumber(p.value, 3)),
      tooltipValueGetter: (p) => (p.data && !p.data.isLeaf && p.data.node.maxPoints === null ? 'Tổng điểm tối đa của các tiêu chí con (để trống trong bộ chỉ số)' : undefined),
      cellClass: (p) => [
        'ag-right-aligned-cell',
        p.data?.problem ? 'cell-problem' : '',
        p.data && !p.data.isLeaf && p.data.node.maxPoints === null ? 'cell-computed' : '',
      ],
      valueSetter: set((p) => maxEdit(p.newValue)),
    },
    {
      colId: 'source',
      headerName: 'Nguồn điểm',
      width: 160,
      editable: leafOnly,
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
      editable: leafOnly,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...scoringMethods] },
      valueGetter: (p) => (p.data?.isLeaf ? p.data.node.method : null),
      valueFormatter: (p) => (p.value ? (METHOD_LABELS[p.value] ?? p.value) : ''),
      valueSetter: set((p) => ({ method: p.newValue })),
    },
    {
      colId: 'evidence',
      headerName: 'Cần TLKC',
      headerTooltip: 'Cần tài liệu kiểm chứng: đơn vị phải ghi văn bản chứng minh khi chấm điểm',
      width: 100,
      editable: leafOnly,
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
}

// A unit list read from Excel, before anything is written: how many units are new, which
// change and how, which stay as they are; the person confirms or cancels.
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { formatProblem } from '../../../shared/errors';
import { gridLocale, gridTheme } from '../../app/grid';
import { PREVIEW_STATUS, previewCounts, yearsInForce, type ImportPreview } from './model';

type Row = ImportPreview['preview'][number];

function columns(blockNames: ReadonlyMap<string, string>): ColDef<Row>[] {
  return [
  { headerName: 'Kết quả', colId: 'status', width: 120, valueGetter: (p) => (p.data ? PREVIEW_STATUS[p.data.status] : '') },
  { headerName: 'Mã', valueGetter: (p) => p.data?.unit.code, width: 120 },
  { headerName: 'Tên đơn vị', valueGetter: (p) => p.data?.unit.name, flex: 1, minWidth: 220, tooltipValueGetter: (p) => p.value },
  { headerName: 'Khối', valueGetter: (p) => (p.data ? (blockNames.get(p.data.unit.blockCode) ?? p.data.unit.blockCode) : ''), width: 110 },
  { headerName: 'Kế thừa từ', valueGetter: (p) => p.data?.unit.predecessors?.join('; ') ?? '', width: 160 },
  { headerName: 'Năm tham gia', valueGetter: (p) => (p.data ? yearsInForce(p.data.unit) : ''), width: 130 },
  { headerName: 'Thay đổi', valueGetter: (p) => p.data?.changes.join(', ') ?? '', width: 180 },
  ];
}

export function ImportPreviewPanel({
  preview,
  blockNames,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  blockNames: ReadonlyMap<string, string>;
  onConfirm(): void;
  onCancel(): void;
}) {
  const columnDefs = useMemo(() => columns(blockNames), [blockNames]);
  const writes = preview.preview.filter((p) => p.status !== 'unchanged').length;
  return (
    <section className="card import-preview" aria-label="Xem trước danh sách đơn vị" data-testid="units-preview">
      <div className="toolbar">
        <strong>
          {preview.file}: {previewCounts(preview.preview)}
        </strong>
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
        <button type="button" className="primary" onClick={onConfirm} disabled={writes === 0}>
          {writes ? `Nhập ${writes} đơn vị` : 'Không có gì thay đổi'}
        </button>
      </div>
      {preview.warnings.map((w, i) => (
        <p key={i} className="message message-warning">
          {formatProblem(w)}
        </p>
      ))}
      <div className="grid-wrap grid-short">
        <AgGridReact<Row>
          theme={gridTheme}
          localeText={gridLocale}
          rowData={preview.preview}
          columnDefs={columnDefs}
          getRowId={(p) => p.data.unit.code}
          tooltipShowDelay={400}
        />
      </div>
    </section>
  );
}

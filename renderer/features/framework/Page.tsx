// "Bộ chỉ số": one block's framework of the year as an editable tree (fields, criteria,
// sub-criteria with their maximum, source, scoring method and guidance), checked as it is
// edited; saved whole, copied from last year, or taken from and given to Excel.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, RowClassParams } from 'ag-grid-community';
import { checkFramework } from '../../../shared/results';
import { FRAMEWORK_COLUMNS } from '../../../shared/import-columns';
import { ImportGuide } from '../../app/ImportGuide';
import { BlockSelect } from '../../app/BlockSelect';
import { gridLocale, gridTheme } from '../../app/grid';
import { useLatest } from '../../app/hooks';
import { useLeaveGuard, useMayLeave } from '../../app/leave-guard';
import { useMessages } from '../../app/messages';
import type { PageProps } from '../../app/page';
import { frameworkColumns } from './columns';
import { useFrameworkEditor } from './hooks';
import { addChild, addField, describeFramework, frameworkRows, moveNode, removeNode, updateNode, type CellEdit, type Row } from './model';

const DEFAULT_COL_DEF: ColDef = { sortable: false, suppressMovable: true, resizable: true };
const rowClass = (p: RowClassParams<Row>) => (p.data && !p.data.isLeaf ? `row-level-${Math.min(p.data.depth + 1, 3)}` : undefined);

export function FrameworkPage({ workspace, year, onSession }: PageProps) {
  const { show } = useMessages();
  const [blockCode, setBlockCode] = useState(() => workspace.frameworks.find((f) => f.year === year)?.blockCode ?? workspace.blocks[0]?.code ?? '');
  const blockLabel = (workspace.blocks.find((b) => b.code === blockCode)?.name ?? blockCode).toLowerCase();
  const editor = useFrameworkEditor(year, blockCode, blockLabel, onSession);
  const { nodes, exists, dirty, change } = editor;
  const [selected, setSelected] = useState<string | null>(null);
  const gridApi = useRef<GridApi<Row> | null>(null);
  // a row just added, selected once the grid has it
  const pendingSelection = useRef<string | null>(null);

  const problems = useMemo(() => checkFramework(nodes), [nodes]);
  const rows = useMemo(() => frameworkRows(nodes, new Set(problems.map((p) => p.code))), [nodes, problems]);
  // a parent's maximum can turn wrong, or its sum change, when a child changes: its cell is drawn again
  useEffect(() => {
    gridApi.current?.refreshCells({ columns: ['max'], force: true });
  }, [nodes, problems]);
  const blockName = workspace.blocks.find((b) => b.code === blockCode)?.name ?? blockCode;
  useLeaveGuard(dirty ? `Bộ chỉ số ${blockName.toLowerCase()} năm ${year} có thay đổi chưa lưu. Bỏ các thay đổi này?` : null);
  const mayLeave = useMayLeave();
  // a refusal of the save whose problems are all fixed no longer stands
  const { clear } = useMessages();
  const refusedSave = editor.refusedSave;
  useEffect(() => {
    if (refusedSave && problems.length === 0) clear();
  }, [refusedSave, problems.length, clear]);

  // the grid's columns, made once: a typed cell reaches the nodes as they are then
  const latest = useLatest({ nodes, change, show });
  const [columns] = useState(() =>
    frameworkColumns({
      nodes: () => latest.current.nodes,
      onEdit: (row: Row, edit: CellEdit) => {
        const now = latest.current;
        if (typeof edit === 'string') now.show({ kind: 'error', text: edit });
        else now.change(updateNode(now.nodes, row.node.code, edit));
      },
    }),
  );

  const select = (code: string) => {
    setSelected(code);
    pendingSelection.current = code;
  };
  const withSelection = (fn: (code: string) => void) => {
    if (!selected) show({ kind: 'info', text: 'Hãy chọn một dòng của bộ chỉ số trước.' });
    else fn(selected);
  };
  const onRowDataUpdated = () => {
    const api = gridApi.current;
    const node = pendingSelection.current ? api?.getRowNode(pendingSelection.current) : null;
    if (!api || !node) return;
    pendingSelection.current = null;
    node.setSelected(true, true);
    api.ensureNodeVisible(node);
  };

  const hasLastYear = workspace.frameworks.some((f) => f.year === year - 1 && f.blockCode === blockCode);
  return (
    <div className="framework">
      <div className="toolbar">
        <BlockSelect blocks={workspace.blocks} value={blockCode} onChange={(code) => mayLeave() && setBlockCode(code)} />
        <button
          type="button"
          onClick={() => {
            const r = addField(nodes);
            change(r.nodes);
            select(r.code);
          }}
        >
          Thêm lĩnh vực
        </button>
        <button
          type="button"
          onClick={() =>
            withSelection((c) => {
              const r = addChild(nodes, c);
              change(r.nodes);
              select(r.code);
            })
          }
        >
          Thêm tiêu chí con
        </button>
        <button type="button" onClick={() => withSelection((c) => change(moveNode(nodes, c, -1)))}>
          Lên
        </button>
        <button type="button" onClick={() => withSelection((c) => change(moveNode(nodes, c, 1)))}>
          Xuống
        </button>
        <button
          type="button"
          className="danger"
          onClick={() =>
            withSelection((c) => {
              change(removeNode(nodes, c));
              setSelected(null);
            })
          }
        >
          Xóa
        </button>
        <span className="spacer" />
        <button type="button" disabled={!dirty} onClick={editor.discard}>
          Bỏ thay đổi
        </button>
        <button type="button" className="primary" disabled={!dirty} onClick={editor.save}>
          Lưu bộ chỉ số
        </button>
      </div>
      <div className="toolbar">
        <span className="muted">
          {exists ? describeFramework(nodes, year) : `Khối này chưa có bộ chỉ số năm ${year}.`}
          {dirty && ' Có thay đổi chưa lưu.'}
        </span>
        <span className="spacer" />
        {!exists && hasLastYear && (
          <button type="button" onClick={() => editor.cloneFrom(year - 1, new Map(workspace.blocks.map((b) => [b.code, b.name])))} title="Sao chép bộ chỉ số của mọi khối chưa có bộ chỉ số năm nay">
            Sao chép từ năm {year - 1}
          </button>
        )}
        <button type="button" onClick={editor.importFile}>
          Nhập từ Excel
        </button>
        <button type="button" disabled={!exists} onClick={editor.exportFile}>
          Xuất ra Excel
        </button>
      </div>
      {!exists && nodes.length === 0 && (
        <ImportGuide
          testId="framework-guide"
          title={`${blockName} chưa có bộ chỉ số năm ${year}`}
          text={`Bấm "Nhập từ Excel" ở trên để nhập bộ chỉ số từ tệp Excel hoặc CSV như quyết định của tỉnh (giữ nguyên các dòng tiêu đề phía trên cũng được), ${hasLastYear ? `sao chép từ năm ${year - 1}, ` : ''}hoặc gõ trực tiếp: bấm "Thêm lĩnh vực" rồi "Thêm tiêu chí con".`}
          columns={FRAMEWORK_COLUMNS}
          required={['STT', 'Nội dung', 'Điểm tối đa']}
          onTemplate={() => void editor.template()}
        />
      )}
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
          getRowClass={rowClass}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows()[0]?.node.code ?? null)}
          onGridReady={(e) => (gridApi.current = e.api)}
          onRowDataUpdated={onRowDataUpdated}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={400}
          defaultColDef={DEFAULT_COL_DEF}
        />
      </div>
      <p className="hint muted">
        Điểm tối đa của một mục phải bằng tổng điểm tối đa các tiêu chí con (không tính điểm thưởng, điểm trừ); để trống nếu muốn lấy đúng tổng. Chọn
        một dòng rồi dùng các nút để thêm, di chuyển hoặc xóa.
      </p>
    </div>
  );
}

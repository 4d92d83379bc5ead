// The satisfaction indices of a year in a grid: one row per unit (the province pinned on top),
// the overall index, each area and each factor with its n, the valid forms, and the change
// against the earlier surveyed year.
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import { describeIndexChange, describeRankChange, formatNumber, formatPercent } from '../../../shared/format';
import type { ComponentStanding, SurveyChange, SurveyDefinition, SurveyIndices, SurveyStanding, SurveyYearResults } from '../../../shared/survey';
import { gridLocale, gridTheme } from '../../app/grid';

/** A row of the grid: a unit, or the province (code ""). */
export interface IndicesRow extends SurveyIndices {
  code: string;
  name: string;
  change: SurveyChange | null;
  /** ranks within the block and their change (units only) */
  standing?: SurveyStanding | null;
}

const PROVINCE_ROW = 'Toàn tỉnh';

const AUTO_HEIGHT_ROWS = 12;

/** "▲2" / "▼1" / "=" after a rank: places gained or lost since the earlier year. */
function RankMove({ deltaRank }: { deltaRank: number | null }) {
  if (deltaRank === null) return null;
  const dir = deltaRank > 0 ? 'up' : deltaRank < 0 ? 'down' : 'same';
  return (
    <span className={dir} title={describeRankChange(deltaRank) ?? undefined}>
      {' '}
      {dir === 'up' ? `▲${deltaRank}` : dir === 'down' ? `▼${-deltaRank}` : '='}
    </span>
  );
}

/** An index with its number of valid answers beneath it, and its rank in the block for a unit. */
function IndexCell({ index, n, standing }: { index: number | null; n: number; standing?: ComponentStanding }) {
  return (
    <span className="sipas-index">
      <span className="sipas-index-value">{formatPercent(index)}</span>
      <span className="sipas-index-n">
        n = {formatNumber(n)}
        {standing?.rank != null && (
          <span data-testid="sipas-component-rank">
            {' '}
            · hạng {standing.rank}
            <RankMove deltaRank={standing.deltaRank} />
          </span>
        )}
      </span>
    </span>
  );
}

/** The unit's place in its block ("2/12") and places gained or lost. */
function RankCell({ standing }: { standing: SurveyStanding | null | undefined }) {
  if (!standing || standing.overall.rank === null) return <span className="muted">—</span>;
  const move = describeRankChange(standing.overall.deltaRank);
  return (
    <span className="sipas-index" data-testid="sipas-rank">
      <span className="sipas-index-value">
        {standing.overall.rank}/{standing.of}
      </span>
      <span className="sipas-index-n">{move ?? (standing.overall.previous ? 'năm trước chưa xếp hạng' : 'chưa có năm trước')}</span>
    </span>
  );
}

/** "Năm 2024: hạng 3" for a component's tooltip, when the earlier year has its rank. */
function rankText(standing: ComponentStanding | undefined): string {
  if (!standing || standing.rank === null) return '';
  const move = describeRankChange(standing.deltaRank);
  return ` · hạng ${standing.rank}${standing.previous?.rank != null ? ` (năm trước hạng ${standing.previous.rank}${move ? `, ${move}` : ''})` : ''}`;
}

function ChangeCell({ change }: { change: SurveyChange | null }) {
  if (!change) return <span className="muted">chưa có năm trước</span>;
  const text = describeIndexChange(change.deltaIndex);
  if (text === null) return <span className="muted">—</span>;
  const delta = change.deltaIndex!;
  const dir = text === 'không đổi' ? 'same' : delta > 0 ? 'up' : 'down';
  const factorsDown = change.factors.filter((f) => f.deltaIndex !== null && f.deltaIndex < 0).length;
  const compared = change.factors.filter((f) => f.deltaIndex !== null).length;
  return (
    <span className="sipas-index">
      <span className={dir}>
        <span className="arrow" aria-hidden>
          {dir === 'up' ? '▲' : dir === 'down' ? '▼' : '►'}
        </span>{' '}
        {text}
      </span>
      <span className="sipas-index-n">
        {change.previousYear}: {formatPercent(change.previousIndex)} · {factorsDown}/{compared} yếu tố giảm
      </span>
    </span>
  );
}

/** "Năm 2024: 75,00% (tăng 7,73%)" for a factor's cell, when the earlier year has it. */
function factorChangeText(row: IndicesRow, factorCode: string): string | undefined {
  const change = row.change?.factors.find((f) => f.code === factorCode);
  const rank = rankText(row.standing?.factors.find((f) => f.code === factorCode));
  if (!row.change || !change || change.previousIndex === null) return rank ? rank.slice(3) : undefined;
  const delta = describeIndexChange(change.deltaIndex);
  return `Năm ${row.change.previousYear}: ${formatPercent(change.previousIndex)}${delta ? ` (${delta})` : ''}${rank}`;
}

function indexColumn(
  colId: string,
  headerName: string,
  pick: (row: IndicesRow) => { index: number | null; n: number } | undefined,
  factor?: { code: string; name: string },
  standingOf?: (row: IndicesRow) => ComponentStanding | undefined,
): ColDef<IndicesRow> {
  return {
    colId,
    headerName,
    headerTooltip: factor?.name,
    width: 136,
    type: 'rightAligned',
    wrapHeaderText: true,
    autoHeaderHeight: true,
    valueGetter: (p) => (p.data ? (pick(p.data)?.index ?? null) : null),
    comparator: (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1),
    tooltipValueGetter: factor ? (p) => (p.data ? factorChangeText(p.data, factor.code) : undefined) : undefined,
    cellRenderer: (p: ICellRendererParams<IndicesRow>) => {
      const figure = p.data ? pick(p.data) : undefined;
      return <IndexCell index={figure?.index ?? null} n={figure?.n ?? 0} standing={p.data && standingOf ? standingOf(p.data) : undefined} />;
    },
  };
}

function indicesRows(results: SurveyYearResults): { province: IndicesRow; units: IndicesRow[] } {
  return {
    province: { ...results.province, code: '', name: PROVINCE_ROW, change: results.provinceChange },
    units: results.units.map((u) => ({ ...u })),
  };
}

export function IndicesGrid({
  results,
  definition,
  onSelectUnit,
}: {
  results: SurveyYearResults;
  definition: SurveyDefinition;
  onSelectUnit(code: string): void;
}) {
  const { province, units } = useMemo(() => indicesRows(results), [results]);
  const columns = useMemo<(ColDef<IndicesRow> | ColGroupDef<IndicesRow>)[]>(
    () => [
      { headerName: 'Mã', field: 'code', width: 84, pinned: 'left' },
      { headerName: 'Đơn vị', field: 'name', width: 240, pinned: 'left', tooltipField: 'name', cellClass: 'sipas-name', wrapText: true },
      {
        headerName: 'Phiếu hợp lệ',
        field: 'forms',
        width: 90,
        type: 'rightAligned',
        wrapHeaderText: true,
        autoHeaderHeight: true,
        cellRenderer: (p: ICellRendererParams<IndicesRow>) => (
          <span className="sipas-index">
            <span>{formatNumber(p.data?.forms ?? 0)}</span>
            {(p.data?.invalidForms ?? 0) > 0 && <span className="sipas-index-n">loại {formatNumber(p.data!.invalidForms)}</span>}
          </span>
        ),
      },
      { ...indexColumn('index', 'Chỉ số chung', (r) => r), cellClass: 'sipas-overall' },
      {
        headerName: 'Xếp hạng trong khối',
        colId: 'rank',
        width: 150,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        valueGetter: (p) => p.data?.standing?.overall.rank ?? null,
        comparator: (a: number | null, b: number | null) => (a ?? 1e9) - (b ?? 1e9),
        cellRenderer: (p: ICellRendererParams<IndicesRow>) => (p.node.rowPinned ? null : <RankCell standing={p.data?.standing} />),
      },
      ...definition.areas.map<ColGroupDef<IndicesRow>>((area) => ({
        headerName: area.name,
        headerClass: 'sipas-area-header',
        children: [
          indexColumn(
            `area-${area.code}`,
            `Chỉ số lĩnh vực ${area.code}`,
            (r) => r.areas.find((a) => a.code === area.code),
            undefined,
            (r) => r.standing?.areas.find((a) => a.code === area.code),
          ),
          ...definition.factors
            .filter((f) => f.areaCode === area.code)
            .map((f) =>
              indexColumn(
                `factor-${f.code}`,
                `${f.code}. ${f.name}`,
                (r) => r.factors.find((x) => x.code === f.code),
                f,
                (r) => r.standing?.factors.find((x) => x.code === f.code),
              ),
            ),
        ],
      })),
      {
        headerName: results.previousYear ? `So với năm ${results.previousYear}` : 'So với năm trước',
        colId: 'change',
        width: 210,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        valueGetter: (p) => p.data?.change?.deltaIndex ?? null,
        comparator: (a: number | null, b: number | null) => (a ?? -1e9) - (b ?? -1e9),
        cellRenderer: (p: ICellRendererParams<IndicesRow>) => <ChangeCell change={p.data?.change ?? null} />,
      },
    ],
    [definition, results.previousYear],
  );
  // a short list takes only its height; a long one scrolls inside the grid
  const autoHeight = units.length <= AUTO_HEIGHT_ROWS;
  return (
    <div className={`sipas-grid${autoHeight ? '' : ' sipas-grid-tall'}`} data-testid="sipas-grid">
      <AgGridReact<IndicesRow>
        domLayout={autoHeight ? 'autoHeight' : 'normal'}
        theme={gridTheme}
        localeText={gridLocale}
        rowData={units}
        pinnedTopRowData={[province]}
        columnDefs={columns}
        getRowId={(p) => p.data.code || 'province'}
        getRowClass={(p: RowClassParams<IndicesRow>) => (p.node.rowPinned ? 'sipas-province-row' : undefined)}
        rowHeight={46}
        suppressColumnVirtualisation
        defaultColDef={{ sortable: true, resizable: true, suppressMovable: true }}
        tooltipShowDelay={400}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onRowClicked={(e) => {
          if (e.data?.code) onSelectUnit(e.data.code);
        }}
      />
    </div>
  );
}

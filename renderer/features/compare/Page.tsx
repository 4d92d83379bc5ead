// "So sánh": where each unit stands in its block, field by field and against last year, where
// points were lost, what-if; the scorecards and the summary workbook printed from here.
import '@fontsource/tinos/400.css';
import '@fontsource/tinos/700.css';
import './compare.css';
import { useCallback, useMemo, useState } from 'react';
import type { ECElementEvent } from 'echarts';
import type { Band, BlockResult } from '../../../shared/domain';
import { blockFields } from '../../../shared/compare';
import { histogramBins } from '../../../shared/print';
import { formatNumber, formatPercent } from '../../../shared/format';
import { EmptyState } from '../../app/EmptyState';
import { useChoice } from '../../app/hooks';
import type { PageProps } from '../../app/page';
import { blockTabs, Tabs } from '../../app/Tabs';
import { BlockLosses } from './BlockLosses';
import { Chart } from './Chart';
import { useBlockLosses, useCompareResults } from './hooks';
import { chartOf, comparedUnits, selectedLabel, unitOfClick, VIEWS, withAdded, type View } from './model';
import { PrintPanel } from './PrintPanel';
import { UnitPanel } from './UnitPanel';

const NO_BANDS: Band[] = [];

export function ComparePage({ year, workspace }: PageProps) {
  const { data, reload } = useCompareResults(year);
  const blocks = data?.results.blocks ?? [];
  const [blockCode, chooseBlock] = useChoice(blocks.map((b) => b.code));
  const [view, setView] = useState<View>('ranking');
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [addedUnits, setAddedUnits] = useState<string[]>([]);
  const [printing, setPrinting] = useState(false);
  const losses = useBlockLosses(year, blockCode, data);

  const block = blocks.find((b) => b.code === blockCode);
  const bands = data?.settings.find((s) => s.blockCode === blockCode)?.bands ?? NO_BANDS;
  const selectedUnit = block?.units.find((u) => u.code === unitCode) ?? null;
  const compared = useMemo(() => (block ? comparedUnits(block, unitCode, addedUnits) : []), [block, unitCode, addedUnits]);
  // the chosen units matter to the field comparison only: other charts are not drawn again when a unit is picked
  const fieldUnits = view === 'fields' ? compared : null;
  const chart = useMemo(() => (block ? chartOf(view, block, year, bands, fieldUnits ?? [], losses) : null), [view, block, year, bands, fieldUnits, losses]);

  const onChartClick = useCallback(
    (event: ECElementEvent) => {
      const code = block ? unitOfClick(block, event) : null;
      if (code) setUnitCode(code);
    },
    [block],
  );

  if (!data) return <p className="muted">Đang tải…</p>;
  if (blocks.length === 0) return <EmptyState text={`Năm ${year} chưa có điểm nào để so sánh.`} />;
  const noPrevious = view === 'change' && block && !block.units.some((u) => u.previous !== null);

  return (
    <div className="compare">
      <div className="toolbar">
        <Tabs
          label="Khối"
          items={blockTabs(blocks)}
          value={blockCode}
          onChange={(code) => {
            chooseBlock(code);
            setUnitCode(null);
            setAddedUnits([]);
          }}
        />
        {block && (
          <span className="muted">
            Bình quân khối <strong className="ink">{formatPercent(block.average)}</strong> · {formatNumber(block.units.length)} đơn vị
          </span>
        )}
        <span className="spacer" />
        <button type="button" className={printing ? 'on' : ''} aria-expanded={printing} onClick={() => setPrinting((p) => !p)}>
          In phiếu kết quả, xuất bảng tổng hợp
        </button>
      </div>
      {printing && block && <PrintPanel year={year} block={block} unit={selectedUnit} sample={workspace.sample} onClose={() => setPrinting(false)} />}
      <div className="compare-body">
        <section className="compare-charts">
          <Tabs<View> label="Biểu đồ" className="tabs" items={VIEWS} value={view} onChange={setView} />
          {view === 'fields' && block && (
            <ComparedUnits
              block={block}
              compared={compared}
              unitCode={unitCode}
              onRemove={(code) => setAddedUnits(compared.filter((c) => c !== code && c !== unitCode))}
              onAdd={(code) => setAddedUnits(withAdded(compared, unitCode, code))}
            />
          )}
          {noPrevious ? (
            <EmptyState text={`${block.name} năm ${year} chưa có đơn vị nào có kết quả năm trước để so sánh.`} />
          ) : chart ? (
            <div className="chart-scroll" data-testid={`chart-${view}`}>
              <Chart key={view} {...chart} onClick={view === 'distribution' ? undefined : onChartClick} selectedLabel={selectedLabel(view, selectedUnit)} />
            </div>
          ) : (
            <p className="muted">Đang tải…</p>
          )}
          {view === 'losses' && losses && <BlockLosses losses={losses} onUnit={setUnitCode} />}
          {(view === 'fields' || view === 'heatmap') && block && (
            <dl className="field-legend" aria-label="Lĩnh vực">
              {blockFields(block).map((f) => (
                <div key={f.code}>
                  <dt>{f.code}</dt>
                  <dd>{f.title}</dd>
                </div>
              ))}
            </dl>
          )}
          {view === 'distribution' && block && <UnitsPerBin block={block} onUnit={setUnitCode} />}
          {(view === 'ranking' || view === 'heatmap' || view === 'change') && <p className="muted small-text hint">Bấm vào một đơn vị trên biểu đồ để xem chi tiết, điểm bị mất và giả định.</p>}
        </section>
        {block && <UnitPanel key={`${blockCode}-${year}`} year={year} block={block} unitCode={unitCode} onUnit={setUnitCode} onSaved={reload} />}
      </div>
    </div>
  );
}

/** The units of the field comparison, as chips; the one looked at stays, others can be taken off or added. */
function ComparedUnits({ block, compared, unitCode, onRemove, onAdd }: { block: BlockResult; compared: string[]; unitCode: string | null; onRemove(code: string): void; onAdd(code: string): void }) {
  return (
    <div className="chosen-units" aria-label="Đơn vị so sánh">
      {compared.map((code) => {
        const u = block.units.find((x) => x.code === code)!;
        return (
          <span key={code} className="chip">
            {u.name}
            {code !== unitCode && (
              <button type="button" aria-label={`Bỏ ${u.name}`} onClick={() => onRemove(code)}>
                ×
              </button>
            )}
          </span>
        );
      })}
      <select aria-label="Thêm đơn vị so sánh" value="" onChange={(e) => e.target.value && onAdd(e.target.value)}>
        <option value="">+ Thêm đơn vị so sánh…</option>
        {block.units
          .filter((u) => !compared.includes(u.code))
          .map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
      </select>
    </div>
  );
}

/** The units behind each bar of the distribution, lowest indices first. */
function UnitsPerBin({ block, onUnit }: { block: BlockResult; onUnit(code: string): void }) {
  const scored = block.units.filter((u) => u.index !== null).sort((a, b) => b.index! - a.index!);
  const bins = histogramBins(scored.map((u) => u.index!));
  const last = bins.length - 1;
  return (
    <dl className="units-per-bin" data-testid="units-per-bin">
      {bins.map((bin, i) => {
        const units = scored.filter((u) => u.index! >= bin.from && (u.index! < bin.to || (i === last && u.index! <= bin.to)));
        if (units.length === 0) return null;
        return (
          <div key={bin.label}>
            <dt>{bin.label}%</dt>
            <dd>
              {units.map((u, j) => (
                <span key={u.code}>
                  {j > 0 && '; '}
                  <button type="button" className="link" onClick={() => onUnit(u.code)}>
                    {u.name}
                  </button>{' '}
                  <span className="muted">{formatPercent(u.index)}</span>
                </span>
              ))}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

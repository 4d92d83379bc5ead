// "So sánh": where each unit stands in its block, field by field and against last year, where
// points were lost, what-if; the scorecards and the summary workbook printed from here.
import '@fontsource/tinos/400.css';
import '@fontsource/tinos/700.css';
import './compare.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ECElementEvent, EChartsOption } from 'echarts';
import type { ChannelOutput } from '../../../shared/contract';
import type { Band, BlockResult } from '../../../shared/domain';
import { blockFields, rankedUnits } from '../../../shared/analysis';
import {
  distributionOption,
  fieldComparisonOption,
  heatmapOption,
  histogramBins,
  paretoOption,
  rankingChartOption,
  yearOverYearOption,
} from '../../../shared/reports';
import { formatNumber, formatPercent } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import { BlockLosses } from './BlockLosses';
import { Chart } from './Chart';
import { PrintPanel } from './PrintPanel';
import { UnitPanel } from './UnitPanel';
import type { PageProps } from '../../app/Shell';
import { EmptyState } from '../../app/EmptyState';

type View = 'ranking' | 'fields' | 'heatmap' | 'change' | 'distribution' | 'losses';

const VIEWS: { key: View; label: string }[] = [
  { key: 'ranking', label: 'Xếp hạng' },
  { key: 'fields', label: 'Chỉ số thành phần' },
  { key: 'heatmap', label: 'Bản đồ nhiệt' },
  { key: 'change', label: 'So với năm trước' },
  { key: 'distribution', label: 'Phân bố' },
  { key: 'losses', label: 'Điểm bị mất của khối' },
];

const ROW = 24;
const NO_BANDS: Band[] = [];

/** The unit a click on a chart points at: a bar, a heatmap cell, an axis label or a legend series. */
function unitOfClick(block: BlockResult, event: ECElementEvent): string | null {
  if (event.seriesType === 'heatmap' && Array.isArray(event.value)) return block.units[Number(event.value[1])]?.code ?? null;
  const labels = event.componentType === 'yAxis' ? [String(event.value)] : [event.name, event.seriesName ?? ''];
  const unit = block.units.find((u) => labels.some((l) => l === u.name || l === `${u.rank}. ${u.name}`));
  return unit?.code ?? null;
}

/** Unit names on the category axis answer clicks too, and are set larger than on paper. */
function clickableUnitAxis(option: EChartsOption): EChartsOption {
  const yAxis = option.yAxis as { axisLabel?: object };
  return { ...option, yAxis: { ...yAxis, triggerEvent: true, axisLabel: { ...yAxis.axisLabel, fontSize: 12 } } } as EChartsOption;
}

/** On screen the bars of the field comparison carry their values, and hovering a field lists them all. */
function labelledBars(option: EChartsOption): EChartsOption {
  const series = (option.series as object[]).map((s) => ({ ...s, label: { show: true, position: 'top', fontSize: 10 } }));
  return { ...option, series, tooltip: { trigger: 'axis', confine: true } } as EChartsOption;
}

export function ComparePage({ year, workspace, setMessage }: PageProps) {
  const [data, setData] = useState<ChannelOutput<'results:get'> | null>(null);
  const [blockCode, setBlockCode] = useState('');
  const [view, setView] = useState<View>('ranking');
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [extraUnits, setExtraUnits] = useState<string[]>([]);
  const [printing, setPrinting] = useState(false);
  const [losses, setLosses] = useState<ChannelOutput<'compare:blockLosses'>['losses'] | null>(null);

  const load = useCallback(() => {
    call('results:get', { year }).then(
      (d) => {
        setData(d);
        setBlockCode((b) => (d.results.blocks.some((x) => x.code === b) ? b : (d.results.blocks[0]?.code ?? '')));
      },
      (e) => setMessage({ kind: 'error', text: messageOf(e) }),
    );
  }, [year]);
  useEffect(load, [load]);

  useEffect(() => {
    setLosses(null);
    if (!blockCode) return;
    call('compare:blockLosses', { year, blockCode }).then(
      (d) => setLosses(d.losses),
      (e) => setMessage({ kind: 'error', text: messageOf(e) }),
    );
  }, [year, blockCode, data]);

  const block = data?.results.blocks.find((b) => b.code === blockCode);
  const bands = data?.settings.find((s) => s.blockCode === blockCode)?.bands ?? NO_BANDS;
  const ranked = block ? rankedUnits(block) : [];
  const selectedUnit = block?.units.find((u) => u.code === unitCode) ?? null;
  const compared = useMemo(() => {
    if (!block) return [];
    const chosen = [...new Set([...(unitCode ? [unitCode] : []), ...extraUnits])].filter((c) => block.units.some((u) => u.code === c));
    if (chosen.length) return chosen;
    const r = rankedUnits(block);
    return r.length > 1 ? [r[0].code, r[r.length - 1].code] : r.map((u) => u.code);
  }, [block, unitCode, extraUnits]);

  const onChartClick = useCallback(
    (event: ECElementEvent) => {
      if (!block) return;
      const code = unitOfClick(block, event);
      if (code) setUnitCode(code);
    },
    [block],
  );

  const chart = useMemo(() => {
    if (!block) return null;
    const file = (name: string) => `${name}-${block.code}-${year}`;
    switch (view) {
      case 'ranking':
        return { option: clickableUnitAxis(rankingChartOption(block, bands)), height: 110 + ROW * ranked.length, fileName: file('Xep-hang'), label: 'Biểu đồ xếp hạng' };
      case 'fields':
        return { option: labelledBars(fieldComparisonOption(block, compared)), height: 440, fileName: file('Chi-so-thanh-phan'), label: 'Biểu đồ chỉ số thành phần' };
      case 'heatmap':
        return { option: clickableUnitAxis(heatmapOption(block)), height: 150 + ROW * block.units.length, fileName: file('Ban-do-nhiet'), label: 'Bản đồ nhiệt chỉ số thành phần' };
      case 'change': {
        const n = block.units.filter((u) => u.previous !== null && u.index !== null).length;
        return { option: clickableUnitAxis(yearOverYearOption(block, year)), height: 110 + ROW * 1.4 * n, fileName: file('So-voi-nam-truoc'), label: 'Biểu đồ thay đổi so với năm trước' };
      }
      case 'distribution':
        return { option: distributionOption(block), height: 400, fileName: file('Phan-bo-chi-so'), label: 'Biểu đồ phân bố chỉ số' };
      case 'losses':
        return losses ? { option: paretoOption(losses), height: 420, fileName: file('Diem-bi-mat'), label: 'Biểu đồ Pareto điểm bị mất' } : null;
    }
    // the chosen units matter to the field comparison only: other charts are not drawn again when a unit is picked
  }, [block, bands, view, view === 'fields' ? compared : null, losses, year]);

  if (!data) return <p className="muted">Đang tải…</p>;
  if (data.results.blocks.length === 0) return <EmptyState text={`Năm ${year} chưa có điểm nào để so sánh.`} />;
  const noPrevious = view === 'change' && block && !block.units.some((u) => u.previous !== null);

  return (
    <div className="compare">
      <div className="toolbar">
        <div className="segmented" role="tablist" aria-label="Khối">
          {data.results.blocks.map((b) => (
            <button
              key={b.code}
              type="button"
              role="tab"
              aria-selected={b.code === blockCode}
              className={b.code === blockCode ? 'on' : ''}
              onClick={() => {
                setBlockCode(b.code);
                setUnitCode(null);
                setExtraUnits([]);
              }}
            >
              {b.name}
            </button>
          ))}
        </div>
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
      {printing && block && (
        <PrintPanel
          year={year}
          block={block}
          unit={selectedUnit}
          sample={workspace.sample}
          setMessage={setMessage}
          onClose={() => setPrinting(false)}
        />
      )}
      <div className="compare-body">
        <section className="compare-charts">
          <div className="tabs" role="tablist" aria-label="Biểu đồ">
            {VIEWS.map((v) => (
              <button key={v.key} type="button" role="tab" aria-selected={view === v.key} className={view === v.key ? 'on' : ''} onClick={() => setView(v.key)}>
                {v.label}
              </button>
            ))}
          </div>
          {view === 'fields' && block && (
            <div className="chosen-units" aria-label="Đơn vị so sánh">
              {compared.map((code) => {
                const u = block.units.find((x) => x.code === code)!;
                return (
                  <span key={code} className="chip">
                    {u.name}
                    {code !== unitCode && (
                      <button
                        type="button"
                        aria-label={`Bỏ ${u.name}`}
                        onClick={() => setExtraUnits(compared.filter((c) => c !== code && c !== unitCode))}
                      >
                        ×
                      </button>
                    )}
                  </span>
                );
              })}
              <select
                aria-label="Thêm đơn vị so sánh"
                value=""
                onChange={(e) => e.target.value && setExtraUnits([...compared.filter((c) => c !== unitCode), e.target.value].slice(-5))}
              >
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
          )}
          {noPrevious ? (
            <EmptyState text={`${block!.name} năm ${year} chưa có đơn vị nào có kết quả năm trước để so sánh.`} />
          ) : chart ? (
            <div className="chart-scroll" data-testid={`chart-${view}`}>
              <Chart
                key={view}
                {...chart}
                onClick={view === 'distribution' ? undefined : onChartClick}
                selectedLabel={selectedUnit && (view === 'ranking' ? `${selectedUnit.rank}. ${selectedUnit.name}` : view === 'heatmap' || view === 'change' ? selectedUnit.name : undefined)}
                setMessage={setMessage}
              />
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
        {block && (
          <UnitPanel
            key={`${blockCode}-${year}`}
            year={year}
            block={block}
            unitCode={unitCode}
            onUnit={setUnitCode}
            onSaved={load}
            setMessage={setMessage}
          />
        )}
      </div>
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

// The satisfaction indices of a year: the province's figure with its areas and change, the
// grid of units (one block or all), and the charts of the unit chosen and of every unit's change.
import { useMemo, useState } from 'react';
import type { SurveyOverview } from '../../../shared/survey/channels';
import { describeIndexChange, formatNumber, formatPercent } from '../../../shared/format';
import { blockTabs, Tabs } from '../../app/Tabs';
import { barChartHeight, changeOption, EChart, factorComparisonOption, unitsWithChange } from './charts';
import { IndicesGrid } from './IndicesGrid';

export function IndicesView({
  data,
  blocks,
  unitCode,
  setUnitCode,
  onImport,
}: {
  data: SurveyOverview;
  blocks: { code: string; name: string }[];
  unitCode: string;
  setUnitCode(code: string): void;
  onImport(): void;
}) {
  const { results: all, definition } = data;
  const [blockCode, setBlockCode] = useState('');
  const surveyedBlocks = blocks.filter((b) => all.units.some((u) => u.blockCode === b.code));
  // the units of one block, or all; the province stays the whole province
  const results = useMemo(() => (blockCode ? { ...all, units: all.units.filter((u) => u.blockCode === blockCode) } : all), [all, blockCode]);
  const province = results.province;
  const unit = results.units.find((u) => u.code === unitCode) ?? results.units[0];
  const factorOption = useMemo(() => (unit ? factorComparisonOption(unit, province, results.year) : null), [unit, province, results.year]);
  const compared = useMemo(() => unitsWithChange(results).shown.length, [results]);
  const deltaOption = useMemo(() => (compared ? changeOption(results) : null), [results, compared]);
  if (all.units.length === 0) {
    return (
      <div className="empty-state">
        <p>Năm {results.year} chưa có phiếu khảo sát nào.</p>
        <button type="button" className="primary" onClick={onImport}>
          Nhập phiếu khảo sát
        </button>
      </div>
    );
  }
  const change = results.provinceChange;
  const declined = change ? change.factors.filter((f) => f.deltaIndex !== null && f.deltaIndex < 0).length : 0;
  const comparedFactors = change ? change.factors.filter((f) => f.deltaIndex !== null).length : 0;
  return (
    <div className="sipas-indices">
      <section className="card sipas-province" data-testid="sipas-province">
        <div className="sipas-province-main">
          <span className="muted">Chỉ số hài lòng toàn tỉnh năm {results.year}</span>
          <strong className="sipas-big">{formatPercent(province.index)}</strong>
          <span className="muted small-text">
            {formatNumber(province.forms)} phiếu hợp lệ · {formatNumber(province.invalidForms)} phiếu bị loại · {formatNumber(all.units.length)} đơn vị
          </span>
        </div>
        {province.areas.map((a) => (
          <div key={a.code} className="sipas-province-part">
            <span className="muted small-text">{a.name}</span>
            <strong>{formatPercent(a.index)}</strong>
            <span className="muted small-text">n = {formatNumber(a.n)}</span>
          </div>
        ))}
        <div className="sipas-province-part">
          <span className="muted small-text">So với năm {change?.previousYear ?? 'trước'}</span>
          {change && change.deltaIndex !== null ? (
            <>
              <strong className={change.deltaIndex > 0 ? 'up' : change.deltaIndex < 0 ? 'down' : 'same'}>{describeIndexChange(change.deltaIndex)}</strong>
              <span className="muted small-text">
                {declined}/{comparedFactors} yếu tố giảm
              </span>
            </>
          ) : (
            <strong className="muted">chưa có số liệu</strong>
          )}
        </div>
      </section>
      {surveyedBlocks.length > 1 && (
        <Tabs
          label="Khối đơn vị"
          className="segmented sipas-blocks"
          items={blockTabs([{ code: '', name: 'Tất cả các khối' }, ...surveyedBlocks])}
          value={blockCode}
          onChange={setBlockCode}
        />
      )}
      <IndicesGrid results={results} definition={definition} onSelectUnit={setUnitCode} />
      <div className="sipas-charts">
        <section className="card">
          <div className="toolbar">
            <label>
              Đơn vị
              <select value={unit.code} onChange={(e) => setUnitCode(e.target.value)} aria-label="Đơn vị trên biểu đồ">
                {results.units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted small-text">hoặc bấm một dòng của bảng</span>
          </div>
          {factorOption && (
            <EChart option={factorOption} height={barChartHeight(province.factors.length, 46)} label={`Chỉ số các yếu tố của ${unit.name} và toàn tỉnh`} testId="sipas-chart-factors" />
          )}
        </section>
        <section className="card">
          {deltaOption ? (
            <EChart option={deltaOption} height={barChartHeight(compared, 26, 80)} label={`Thay đổi chỉ số hài lòng so với năm ${results.previousYear}`} testId="sipas-chart-change" />
          ) : (
            <p className="muted">Chưa có năm khảo sát trước để so sánh.</p>
          )}
        </section>
      </div>
    </div>
  );
}

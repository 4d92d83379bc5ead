// "Khảo sát SIPAS": survey files in with their column mapping, satisfaction indices per unit
// and for the province (grid and charts, change against the earlier year), survey points into
// the PAR index, the year's questionnaire and counting rules, and the workbooks out.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SurveyOverview } from '../../../shared/contract-survey';
import { describeIndexChange, formatNumber, formatPercent } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import type { PageProps } from '../../app/Shell';
import { barChartHeight, changeOption, EChart, factorComparisonOption, unitsWithChange } from './charts';
import { DefinitionPanel } from './DefinitionPanel';
import { ImportPanel } from './ImportPanel';
import { IndicesGrid } from './IndicesGrid';
import { LinksPanel } from './LinksPanel';
import './sipas.css';

type Tab = 'indices' | 'import' | 'points' | 'definition';

const TABS: { key: Tab; label: string }[] = [
  { key: 'indices', label: 'Chỉ số hài lòng' },
  { key: 'import', label: 'Nhập phiếu khảo sát' },
  { key: 'points', label: 'Điểm khảo sát vào Chỉ số CCHC' },
  { key: 'definition', label: 'Bộ câu hỏi và cách tính' },
];

const MODEL_NAMES: Record<SurveyOverview['definition']['model'], string> = {
  sipas2017: 'Bộ câu hỏi SIPAS 2017–2021 (5 yếu tố dịch vụ hành chính công)',
  sipas2022: 'Bộ câu hỏi SIPAS từ 2022 (dịch vụ hành chính công và chính sách)',
  custom: 'Bộ câu hỏi riêng của năm',
};

export function SipasPage({ workspace, year, setMessage }: PageProps) {
  const [data, setData] = useState<SurveyOverview | null>(null);
  const [tab, setTab] = useState<Tab | null>(null);
  const [unitCode, setUnitCode] = useState('');

  const load = useCallback(() => {
    call('survey:overview', { year }).then(
      (d) => {
        setData(d);
        setTab((t) => t ?? (d.results.units.length ? 'indices' : 'import'));
        setUnitCode((c) => (d.results.units.some((u) => u.code === c) ? c : (d.results.units[0]?.code ?? '')));
      },
      (e) => setMessage({ kind: 'error', text: messageOf(e) }),
    );
  }, [year]);
  useEffect(load, [load]);

  const exportResults = async () => {
    try {
      const r = await call('survey:exportResults', { year });
      if (!r.cancelled) setMessage({ kind: 'info', text: `Đã xuất chỉ số hài lòng năm ${year} ra tệp ${r.value.file}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  if (!data || !tab) return <p className="muted">Đang tải…</p>;
  const hasForms = data.results.units.length > 0;
  return (
    <div className="sipas">
      <div className="toolbar sipas-head">
        <div className="segmented" role="tablist" aria-label="Khảo sát SIPAS">
          {TABS.map((t) => (
            <button key={t.key} type="button" role="tab" aria-selected={t.key === tab} className={t.key === tab ? 'on' : ''} onClick={() => setTab(t.key)}>
              {t.label}
            </button>
          ))}
        </div>
        <span className="muted small-text sipas-model" title={MODEL_NAMES[data.definition.model]}>
          {MODEL_NAMES[data.definition.model]}
        </span>
        <button type="button" disabled={!hasForms} onClick={exportResults}>
          Xuất kết quả ra Excel…
        </button>
      </div>
      {tab === 'indices' && <IndicesView data={data} blocks={workspace.blocks} unitCode={unitCode} setUnitCode={setUnitCode} onImport={() => setTab('import')} />}
      {tab === 'import' && (
        <ImportPanel
          year={year}
          definition={data.definition}
          imports={data.imports}
          profiles={data.profiles}
          setMessage={setMessage}
          onChanged={load}
        />
      )}
      {tab === 'points' && (
        <LinksPanel
          year={year}
          locked={data.locked}
          definition={data.definition}
          leaves={data.leaves}
          links={data.links}
          hasForms={hasForms}
          setMessage={setMessage}
          onChanged={load}
        />
      )}
      {tab === 'definition' && (
        <DefinitionPanel
          year={year}
          locked={data.locked}
          ownDefinition={data.ownDefinition}
          definition={data.definition}
          hasForms={hasForms}
          hasLinks={data.links.some((l) => !l.automatic)}
          provinceIndex={data.results.province.index}
          setMessage={setMessage}
          onChanged={load}
        />
      )}
    </div>
  );
}

function IndicesView({
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
        <div className="segmented sipas-blocks" role="tablist" aria-label="Khối đơn vị">
          {[{ code: '', name: 'Tất cả các khối' }, ...surveyedBlocks].map((b) => (
            <button key={b.code} type="button" role="tab" aria-selected={b.code === blockCode} className={b.code === blockCode ? 'on' : ''} onClick={() => setBlockCode(b.code)}>
              {b.name}
            </button>
          ))}
        </div>
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

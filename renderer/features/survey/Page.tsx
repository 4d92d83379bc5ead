// "Khảo sát SIPAS": survey files in with their column mapping, satisfaction indices per unit
// and for the province (grid and charts, change against the earlier year), survey points into
// the PAR index, the year's questionnaire and counting rules, and the workbooks out.
import { useState } from 'react';
import type { SurveyOverview } from '../../../shared/survey/channels';
import { useChoice } from '../../app/hooks';
import type { PageProps } from '../../app/page';
import { Tabs } from '../../app/Tabs';
import { DefinitionPanel } from './DefinitionPanel';
import { useResultsExport, useSurveyOverview } from './hooks';
import { ImportPanel } from './ImportPanel';
import { IndicesView } from './IndicesView';
import { LinksPanel } from './LinksPanel';
import { MODEL_NAMES } from './model';
import './sipas.css';

type Tab = 'indices' | 'import' | 'points' | 'definition';

const TABS: { key: Tab; label: string }[] = [
  { key: 'indices', label: 'Chỉ số hài lòng' },
  { key: 'import', label: 'Nhập phiếu khảo sát' },
  { key: 'points', label: 'Điểm khảo sát vào Chỉ số CCHC' },
  { key: 'definition', label: 'Bộ câu hỏi và cách tính' },
];

export function SurveyPage({ workspace, year }: PageProps) {
  const { data, reload } = useSurveyOverview(year);
  if (!data) return <p className="muted">Đang tải…</p>;
  return <SurveyScreen data={data} blocks={workspace.blocks} year={year} reload={reload} />;
}

function SurveyScreen({ data, blocks, year, reload }: { data: SurveyOverview; blocks: { code: string; name: string }[]; year: number; reload(): void }) {
  // a year without forms opens on the import; the tab stays where the person puts it
  const [tab, setTab] = useState<Tab>(() => (data.results.units.length ? 'indices' : 'import'));
  const [unitCode, setUnitCode] = useChoice(data.results.units.map((u) => u.code));
  const exportResults = useResultsExport(year);
  const hasForms = data.results.units.length > 0;
  return (
    <div className="sipas">
      <div className="toolbar sipas-head">
        <Tabs<Tab> label="Khảo sát SIPAS" items={TABS} value={tab} onChange={setTab} />
        <span className="muted small-text sipas-model" title={MODEL_NAMES[data.definition.model]}>
          {MODEL_NAMES[data.definition.model]}
        </span>
        <button type="button" disabled={!hasForms} onClick={exportResults}>
          Xuất kết quả ra Excel…
        </button>
      </div>
      {tab === 'indices' && <IndicesView data={data} blocks={blocks} unitCode={unitCode} setUnitCode={setUnitCode} onImport={() => setTab('import')} />}
      {tab === 'import' && <ImportPanel year={year} definition={data.definition} imports={data.imports} profiles={data.profiles} onChanged={reload} />}
      {tab === 'points' && (
        <LinksPanel year={year} locked={data.locked} definition={data.definition} leaves={data.leaves} links={data.links} hasForms={hasForms} onChanged={reload} />
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
          onChanged={reload}
        />
      )}
    </div>
  );
}

// The SIPAS channels' handlers: the survey services on the window's open workspace.
import type { Handlers } from '../../../shared/contract';
import type { SurveyChannel, SurveyLeaf } from '../../../shared/contract-survey';
import { leaves } from '../../../shared/scoring';
import {
  applySurveyPoints,
  deleteMappingProfile,
  deleteSurveyImport,
  exportSurveyResults,
  getSurveyDefinition,
  hasOwnSurveyDefinition,
  importSurveyFile,
  listMappingProfiles,
  listSurveyImports,
  previewSurveyImport,
  removeSurveyLink,
  saveMappingProfile,
  setSurveyLink,
  surveyLinks,
  surveyResults,
  writeSurveyTemplate,
} from '../survey';
import type { Workspace } from '../workspace';
import type { DialogPurpose } from './dialogs';

/** What the survey handlers need of the session: its workspace (or a refusal) and its file dialogs. */
export interface SurveySessionAccess {
  workspace(): Workspace;
  pickOne(purpose: DialogPurpose, defaultName?: string): Promise<string | null>;
}

/** The survey leaves of every framework of `year`, in block order. */
function surveyLeaves(ws: Workspace, year: number): SurveyLeaf[] {
  const blockNames = new Map(ws.listBlocks().map((b) => [b.code, b.name]));
  return ws.listFrameworks(year).flatMap(({ blockCode }) =>
    leaves(ws.getFramework(year, blockCode)?.nodes ?? [])
      .filter((n) => n.source === 'survey')
      .map((n) => ({
        blockCode,
        blockName: blockNames.get(blockCode) ?? blockCode,
        criterionCode: n.code,
        title: n.title,
        maxPoints: n.maxPoints ?? 0,
      })),
  );
}

export function surveyHandlers(access: SurveySessionAccess): Pick<Handlers, SurveyChannel> {
  const ws = () => access.workspace();
  return {
    'survey:overview': ({ year }) => {
      const w = ws();
      const period = w.requirePeriod(year);
      return {
        year,
        locked: period.locked,
        ownDefinition: hasOwnSurveyDefinition(w, year),
        definition: getSurveyDefinition(w, year),
        results: surveyResults(w, year),
        imports: listSurveyImports(w, year),
        profiles: listMappingProfiles(w),
        leaves: surveyLeaves(w, year),
        links: surveyLinks(w, year),
      };
    },

    'survey:pickFile': async () => {
      const file = await access.pickOne('survey-file');
      return file ? { cancelled: false, value: { file } } : { cancelled: true };
    },

    'survey:preview': (request) => previewSurveyImport(ws(), request),

    'survey:import': (request) => importSurveyFile(ws(), request),

    'survey:deleteImport': ({ importId }) => deleteSurveyImport(ws(), importId),

    'survey:saveProfile': ({ profile }) => {
      saveMappingProfile(ws(), profile);
      return { profiles: listMappingProfiles(ws()) };
    },

    'survey:deleteProfile': ({ name }) => {
      deleteMappingProfile(ws(), name);
      return { profiles: listMappingProfiles(ws()) };
    },

    'survey:setLink': (link) => {
      setSurveyLink(ws(), link);
      return { links: surveyLinks(ws(), link.year) };
    },

    'survey:removeLink': ({ year, blockCode, criterionCode }) => {
      removeSurveyLink(ws(), year, blockCode, criterionCode);
      return { links: surveyLinks(ws(), year) };
    },

    'survey:apply': ({ year }) => applySurveyPoints(ws(), year),

    'survey:exportResults': async ({ year }) => {
      const results = surveyResults(ws(), year);
      const file = await access.pickOne('survey-export', `Chi-so-hai-long-SIPAS-${year}.xlsx`);
      if (!file) return { cancelled: true };
      await exportSurveyResults(results, file);
      return { cancelled: false, value: { file } };
    },

    'survey:template': async ({ year }) => {
      const file = await access.pickOne('survey-template', `Phieu-nhap-khao-sat-SIPAS-${year}.xlsx`);
      if (!file) return { cancelled: true };
      const written = await writeSurveyTemplate(ws(), year, file);
      return { cancelled: false, value: { file, ...written } };
    },
  };
}

// The SIPAS channels' handlers: the survey services on the window's open workspace.
import type { Handlers } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import { DEFAULT_SURVEY_SETTINGS } from '../../../shared/survey';
import type { SurveyChannel, SurveyLeaf } from '../../../shared/survey/channels';
import { leaves } from '../../../shared/results';
import { applySurveyPoints, removeSurveyLink, setSurveyLink, surveyLinks } from './apply';
import { getSurveyDefinition, getSurveySettings, hasOwnSurveyDefinition, resetSurveyDefinition, saveSurveySettings } from './definitions';
import { surveyResults } from './results';

// Reading and writing survey files loads Excel: those modules load when first needed.
const files = () => import('./import');
const workbooks = () => import('./workbooks');
import type { Workspace } from '../../db/workspace';
import type { HandlerContext } from '../context';
import { getFramework, listFrameworks } from '../framework/store';
import { requirePeriod } from '../workspace/service';
import { listBlocks } from '../workspace/store';

/** The survey leaves of every framework of `year`, in block order. */
function surveyLeaves(ws: Workspace, year: number): SurveyLeaf[] {
  const blockNames = new Map(listBlocks(ws).map((b) => [b.code, b.name]));
  return listFrameworks(ws, year).flatMap(({ blockCode }) =>
    leaves(getFramework(ws, year, blockCode)?.nodes ?? [])
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

/** Refuses changes to the questionnaire or the counting rules of a published year. */
function requireOpenSurveyYear(ws: Workspace, year: number): void {
  if (requirePeriod(ws, year).locked) {
    throw new UserError(
      `Năm ${year} đã công bố (khóa): bộ câu hỏi và cách tính chỉ số hài lòng của năm này không sửa được; hãy mở khóa kỳ đánh giá trước.`,
    );
  }
}

export function surveyHandlers(access: HandlerContext): Pick<Handlers, SurveyChannel> {
  const ws = () => access.workspace();
  return {
    'survey:overview': async ({ year }) => {
      const { listMappingProfiles, listSurveyImports } = await files();
      const w = ws();
      const period = requirePeriod(w, year);
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
      return file ? { cancelled: false, value: { token: access.rememberFile(file), file } } : { cancelled: true };
    },

    'survey:preview': async ({ token, ...request }) => (await files()).previewSurveyImport(ws(), { ...request, file: access.fileOf(token) }),

    'survey:import': async ({ token, ...request }) => (await files()).importSurveyFile(ws(), { ...request, file: access.fileOf(token) }),

    'survey:deleteImport': async ({ importId }) => (await files()).deleteSurveyImport(ws(), importId),

    'survey:saveProfile': async ({ profile }) => {
      const { listMappingProfiles, saveMappingProfile } = await files();
      saveMappingProfile(ws(), profile);
      return { profiles: listMappingProfiles(ws()) };
    },

    'survey:deleteProfile': async ({ name }) => {
      const { deleteMappingProfile, listMappingProfiles } = await files();
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
      await (await workbooks()).exportSurveyResults(results, file);
      return { cancelled: false, value: { file } };
    },

    'survey:template': async ({ year }) => {
      const file = await access.pickOne('survey-template', `Phieu-nhap-khao-sat-SIPAS-${year}.xlsx`);
      if (!file) return { cancelled: true };
      const written = await (await workbooks()).writeSurveyTemplate(ws(), year, file);
      return { cancelled: false, value: { file, ...written } };
    },

    'survey:settings': ({ year }) => {
      const w = ws();
      requirePeriod(w, year);
      return { settings: getSurveySettings(w, year), defaults: DEFAULT_SURVEY_SETTINGS };
    },

    'survey:saveSettings': ({ year, settings }) => {
      const w = ws();
      requireOpenSurveyYear(w, year);
      saveSurveySettings(w, year, settings);
      return { settings: getSurveySettings(w, year), provinceIndex: surveyResults(w, year).province.index };
    },

    'survey:exportDefinition': async ({ year }) => {
      requirePeriod(ws(), year);
      const file = await access.pickOne('survey-definition-export', `Bo-cau-hoi-SIPAS-${year}.xlsx`);
      if (!file) return { cancelled: true };
      const def = await (await workbooks()).exportSurveyDefinition(ws(), year, file);
      return { cancelled: false, value: { file, items: def.items.length } };
    },

    'survey:importDefinition': async ({ year }) => {
      requireOpenSurveyYear(ws(), year);
      const file = await access.pickOne('survey-definition-import');
      if (!file) return { cancelled: true };
      const w = ws();
      requireOpenSurveyYear(w, year);
      const definition = await (await workbooks()).importSurveyDefinition(w, year, file);
      const { listSurveyImports } = await files();
      const asked = new Set(definition.items.map((i) => i.code));
      const dropped = new Set(listSurveyImports(w, year).flatMap((r) => r.itemCodes.filter((c) => !asked.has(c))));
      return { cancelled: false, value: { file, definition, droppedItemCodes: [...dropped].sort() } };
    },

    'survey:resetDefinition': ({ year }) => {
      const w = ws();
      requireOpenSurveyYear(w, year);
      resetSurveyDefinition(w, year);
      return { definition: getSurveyDefinition(w, year) };
    },
  };
}

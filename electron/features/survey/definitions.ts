// A year's questionnaire and counting settings: its own when saved, else the built-in model
// of its period and the default settings.
import { UserError } from '../../../shared/errors';
import {
  DEFAULT_SURVEY_SETTINGS,
  builtinDefinition,
  definitionProblems,
  schemaIssues,
  surveyDefinitionSchema,
  surveySettingsSchema,
  type SurveyDefinition,
  type SurveySettings,
} from '../../../shared/survey';
import type { Workspace } from '../../db/workspace';
import { SurveyStore } from './store';
import { ensurePeriod, requirePeriod } from '../workspace/service';

export function getSurveyDefinition(ws: Workspace, year: number): SurveyDefinition {
  return new SurveyStore(ws).ownDefinition(year) ?? builtinDefinition(year);
}

/** True when the year uses a questionnaire of its own rather than the built-in one. */
export function hasOwnSurveyDefinition(ws: Workspace, year: number): boolean {
  return new SurveyStore(ws).ownDefinition(year) !== null;
}

/** Saves a year's own questionnaire after checking it (the year is created if new). */
export function saveSurveyDefinition(ws: Workspace, definition: SurveyDefinition): void {
  const parsed = surveyDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new UserError(`Bộ câu hỏi khảo sát không hợp lệ: ${schemaIssues(parsed.error)}`);
  }
  const problems = definitionProblems(parsed.data);
  if (problems.length) throw new UserError(problems.map((message) => ({ message })));
  ws.transaction(() => {
    ensurePeriod(ws, parsed.data.year);
    new SurveyStore(ws).saveDefinition(parsed.data.year, parsed.data);
    ws.emit('survey-changed', { year: parsed.data.year, pointsUpdated: 0 });
  });
}

/** Returns the year to the built-in questionnaire of its period. */
export function resetSurveyDefinition(ws: Workspace, year: number): void {
  ws.transaction(() => {
    requirePeriod(ws, year);
    new SurveyStore(ws).saveDefinition(year, null);
    ws.emit('survey-changed', { year, pointsUpdated: 0 });
  });
}

export function getSurveySettings(ws: Workspace, year: number): SurveySettings {
  return { ...DEFAULT_SURVEY_SETTINGS, ...(new SurveyStore(ws).ownSettings(year) ?? {}) };
}

export function saveSurveySettings(ws: Workspace, year: number, settings: SurveySettings): void {
  const parsed = surveySettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new UserError(`Thiết lập khảo sát không hợp lệ: ${schemaIssues(parsed.error)}`);
  }
  const overlap = parsed.data.satisfiedCodes.filter((c) => parsed.data.noAnswerCodes.includes(c));
  if (overlap.length) {
    throw new UserError(`Mã ${overlap.join(', ')} không thể vừa là "hài lòng" vừa là "không trả lời"; hãy bỏ ở một bên.`);
  }
  ws.transaction(() => {
    ensurePeriod(ws, year);
    new SurveyStore(ws).saveSettings(year, parsed.data);
    ws.emit('survey-changed', { year, pointsUpdated: 0 });
  });
}

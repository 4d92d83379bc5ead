// The survey screen apart from React: the questionnaire's names, the steps of a file import
// (the file, the mapping drawn up over a saved profile, the unit of the forms, the report),
// the links of survey leaves to an index, and the confirmations in words.
import type { PickedFile } from '../../../shared/channels';
import type { ChannelInput } from '../../../shared/contract';
import type { SurveyOverview } from '../../../shared/survey/channels';
import { formatNumber } from '../../../shared/format';
import { builtinDefinition, type MappingProfile, type SurveyDefinition, type SurveyImportReport, type SurveyLinkInfo } from '../../../shared/survey';
import { baseName } from '../../app/paths';
import { emptyProfile, type FileColumn } from './mapping-draft';

export const MODEL_NAMES: Record<SurveyOverview['definition']['model'], string> = {
  sipas2017: 'Bộ câu hỏi SIPAS 2017–2021 (5 yếu tố dịch vụ hành chính công)',
  sipas2022: 'Bộ câu hỏi SIPAS từ 2022 (dịch vụ hành chính công và chính sách)',
  custom: 'Bộ câu hỏi riêng của năm',
};

/** "bộ câu hỏi SIPAS từ 2022 (…)": the built-in questionnaire of the year's period, as a sentence says it. */
export function builtinName(year: number): string {
  const model = builtinDefinition(year).model;
  return model === 'custom' ? 'bộ câu hỏi mặc định' : MODEL_NAMES[model].charAt(0).toLowerCase() + MODEL_NAMES[model].slice(1);
}

// ------------------------------------------------------------------- a file's import, step by step

export interface ImportSteps {
  /** the file being mapped (the main process's token and its path); null before one is picked and after it is imported */
  file: PickedFile | null;
  /** the saved mapping profile chosen, "" for none (columns found by item code and title) */
  savedProfile: string;
  /** the mapping as the person changed it, over the chosen profile */
  draft: MappingProfile | null;
  /** the name to save the mapping under */
  profileName: string;
  /** where the unit of each form comes from: a column of the file, or one unit for the whole file */
  unitSource: 'column' | 'fixed';
  fixedUnit: string;
  /** the last file imported */
  report: SurveyImportReport | null;
}

export type ImportStep =
  | { type: 'start'; file: PickedFile }
  | { type: 'cancel' }
  | { type: 'chooseProfile'; name: string }
  | { type: 'edit'; draft: MappingProfile }
  | { type: 'profileName'; name: string }
  | { type: 'profileSaved'; name: string }
  | { type: 'unitSource'; source: 'column' | 'fixed' }
  | { type: 'fixedUnit'; code: string }
  | { type: 'imported'; report: SurveyImportReport };

export const noImport: ImportSteps = { file: null, savedProfile: '', draft: null, profileName: '', unitSource: 'column', fixedUnit: '', report: null };

export function importStepReducer(state: ImportSteps, step: ImportStep): ImportSteps {
  switch (step.type) {
    case 'start':
      // the mapping chosen for the last file is offered for the next one
      return { ...state, file: step.file, report: null };
    case 'cancel':
      return { ...state, file: null };
    case 'chooseProfile':
      return { ...state, savedProfile: step.name, draft: null, profileName: step.name };
    case 'edit':
      return { ...state, draft: step.draft };
    case 'profileName':
      return { ...state, profileName: step.name };
    case 'profileSaved':
      return { ...state, savedProfile: step.name, draft: null };
    case 'unitSource':
      return { ...state, unitSource: step.source };
    case 'fixedUnit':
      return { ...state, fixedUnit: step.code };
    case 'imported':
      return { ...state, file: null, report: step.report };
  }
}

/** The profile the file is read with: the draft, the saved one chosen, or none. */
export function profileOf(state: ImportSteps, profiles: MappingProfile[]): MappingProfile | null {
  return state.draft ?? profiles.find((p) => p.name === state.savedProfile) ?? null;
}

/** What a change of the mapping starts from: the profile the file is read with, or an empty one. */
export function draftBase(state: ImportSteps, profiles: MappingProfile[]): MappingProfile {
  return profileOf(state, profiles) ?? emptyProfile();
}

/** The preview or import the steps ask for: null while no file is picked. */
export function importRequest(state: ImportSteps, year: number): ChannelInput<'survey:preview'> | null {
  if (!state.file) return null;
  return {
    year,
    token: state.file.token,
    profile: state.draft ?? (state.savedProfile || null),
    unitCode: state.unitSource === 'fixed' && state.fixedUnit ? state.fixedUnit : null,
  };
}

export const FOUND_BY: Record<FileColumn['foundBy'], string> = {
  code: 'theo mã câu hỏi',
  title: 'theo nội dung câu hỏi',
  profile: 'theo hồ sơ ánh xạ',
  header: 'theo tên cột',
  unmatched: 'chưa khớp câu hỏi nào',
};

export function importedText(report: SurveyImportReport): string {
  return (
    `Đã nhập tệp ${report.fileName}: ${formatNumber(report.validForms)} phiếu hợp lệ, ${formatNumber(report.invalidForms)} phiếu bị loại.` +
    (report.pointsUpdated ? ` Đã cập nhật điểm khảo sát của các tiêu chí liên kết (${formatNumber(report.pointsUpdated)} thay đổi).` : '')
  );
}

// ------------------------------------------------------------------- survey leaves and their index

/** The picker's value of a link: "overall", "area:DV", "factor:DV1"; "" = not linked. */
export function targetKey(link: SurveyLinkInfo | undefined): string {
  if (!link) return '';
  return link.target === 'overall' ? 'overall' : `${link.target}:${link.targetCode}`;
}

export function targetOfKey(key: string): { target: 'overall' | 'area' | 'factor'; targetCode: string | null } {
  const [target, targetCode] = key.split(':') as ['overall' | 'area' | 'factor', string | undefined];
  return { target, targetCode: targetCode ?? null };
}

export function describeTarget(link: SurveyLinkInfo, definition: SurveyDefinition): string {
  if (link.target === 'overall') return 'Chỉ số hài lòng chung';
  const list = link.target === 'area' ? definition.areas : definition.factors;
  const name = list.find((x) => x.code === link.targetCode)?.name ?? link.targetCode;
  return `${link.target === 'area' ? 'Lĩnh vực' : 'Yếu tố'} ${link.targetCode}. ${name}`;
}

// ------------------------------------------------------------------- the questionnaire

/** The confirmation of a questionnaire taken from Excel; a warning when answers of dropped items no longer count. */
export function definitionImportedText(year: number, file: string, definition: SurveyDefinition, dropped: string[], hasForms: boolean): string {
  return (
    `Đã nhập bộ câu hỏi năm ${year} từ tệp ${baseName(file)}: ${formatNumber(definition.areas.length)} lĩnh vực, ` +
    `${formatNumber(definition.factors.length)} yếu tố, ${formatNumber(definition.items.length)} câu hỏi.` +
    (hasForms ? ' Chỉ số hài lòng đã được tính lại theo bộ câu hỏi mới.' : '') +
    (dropped.length ? ` Câu trả lời của ${formatNumber(dropped.length)} câu hỏi trong các tệp đã nhập không còn được tính: ${dropped.join(', ')}.` : '')
  );
}

import { useState } from 'react';
import { formatNumber, formatPercent } from '../../../shared/format';
import type { SurveyApplyReport, SurveyDefinition, SurveySettings } from '../../../shared/survey';
import { call, type Refusal } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction, useMessages } from '../../app/messages';
import { builtinName, definitionImportedText, targetOfKey } from './model';
import { fromForm, sameForm, toForm, type SettingsForm } from './settings-form';

/** What the survey screen shows of a year; `reload` after anything changed it. */
export function useSurveyOverview(year: number) {
  const { value, reload } = useCallResult('survey:overview', { year });
  return { data: value, reload };
}

/** The year's indices out to Excel. */
export function useResultsExport(year: number) {
  const { run } = useAction();
  return () =>
    run(() => call('survey:exportResults', { year }), {
      done: (r) => !r.cancelled && `Đã xuất chỉ số hài lòng năm ${year} ra tệp ${r.value.file}.`,
    });
}

/** Which index each survey leaf takes its points from, and the points written as appraised scores. */
export function useSurveyLinks(year: number, onChanged: () => void) {
  const { run } = useAction();
  const applying = useAction();
  const [report, setReport] = useState<SurveyApplyReport | null>(null);
  return {
    report,
    applying: applying.busy,
    /** "" unlinks the leaf */
    setTarget: (blockCode: string, criterionCode: string, key: string) =>
      run(async () => {
        if (key === '') await call('survey:removeLink', { year, blockCode, criterionCode });
        else await call('survey:setLink', { year, blockCode, criterionCode, ...targetOfKey(key) });
        onChanged();
      }),
    apply: () =>
      applying.run(
        async () => {
          const r = await call('survey:apply', { year });
          setReport(r);
          onChanged();
          return r;
        },
        {
          done: (r) => ({
            kind: r.skipped.length ? 'warning' : 'info',
            text:
              `Đã áp dụng điểm khảo sát cho ${formatNumber(r.applied.length)} đơn vị × tiêu chí; ${formatNumber(r.changedFields)} thay đổi điểm được ghi vào nhật ký.` +
              (r.skipped.length ? ` ${formatNumber(r.skipped.length)} trường hợp bỏ qua vì chưa có câu trả lời hợp lệ.` : ''),
          }),
        },
      ),
  };
}

/** A refusal shown as a list beside what it concerns, under a title that says what did not happen. */
export interface TitledRefusal {
  title: string;
  problems: Refusal['problems'];
}

function titled(title: string, refusal: Refusal): TitledRefusal {
  return { title, problems: refusal.problems.length ? refusal.problems : [{ message: refusal.message }] };
}

/**
 * The year's questionnaire out to Excel and back (a refused sheet is listed by cell beside
 * the tree), or back to the built-in one after a confirmation.
 */
export function useQuestionnaire(year: number, hasForms: boolean, onChanged: () => void) {
  const { run, busy } = useAction();
  const [refusal, setRefusal] = useState<TitledRefusal | null>(null);
  const [confirmingReset, confirmReset] = useState(false);
  return {
    refusal,
    busy,
    confirmingReset,
    confirmReset,
    exportDefinition: () =>
      run(() => call('survey:exportDefinition', { year }), {
        done: (r) =>
          !r.cancelled &&
          `Đã xuất bộ câu hỏi năm ${year} (${formatNumber(r.value.items)} câu hỏi) ra tệp ${r.value.file}. Sửa trong Excel rồi bấm "Nhập từ Excel…" để dùng.`,
      }),
    importDefinition: () => {
      setRefusal(null);
      void run(
        async () => {
          const r = await call('survey:importDefinition', { year });
          if (!r.cancelled) onChanged();
          return r;
        },
        {
          clear: true,
          done: (r) =>
            !r.cancelled && {
              kind: r.value.droppedItemCodes.length ? 'warning' : 'info',
              text: definitionImportedText(year, r.value.file, r.value.definition, r.value.droppedItemCodes, hasForms),
            },
          onRefusal: (refused) => {
            const file = refused.problems.find((p) => typeof p.file === 'string')?.file;
            setRefusal(titled(`Không nhập được bộ câu hỏi${file ? ` từ tệp ${file}` : ''}; bộ câu hỏi của năm vẫn giữ nguyên:`, refused));
          },
        },
      );
    },
    reset: () => {
      confirmReset(false);
      void run(
        async () => {
          const r = await call('survey:resetDefinition', { year });
          setRefusal(null);
          onChanged();
          return r;
        },
        {
          done: (r) =>
            `Năm ${year} đã dùng lại ${builtinName(year)}: ${formatNumber(r.definition.items.length)} câu hỏi.` + (hasForms ? ' Chỉ số hài lòng đã được tính lại.' : ''),
        },
      );
    },
  };
}

export interface SettingsContext {
  year: number;
  definition: SurveyDefinition;
  locked: boolean;
  hasForms: boolean;
  hasLinks: boolean;
  provinceIndex: number | null;
  onChanged(): void;
}

/** The form as edited over the saved rules, with the refusal of the last attempt and its bad fields marked. */
interface SettingsEdit {
  base: SurveySettings;
  form: SettingsForm;
  refusal: TitledRefusal | null;
  invalid: ReadonlySet<string>;
}

const SETTINGS_REFUSED = 'Chưa lưu được cách tính:';

/**
 * The counting rules of the year as a form: loaded (again when the questionnaire changes),
 * edited over what is saved, checked before saving (bad fields marked until the next
 * attempt) and saved with a recomputation of the indices. Null until loaded.
 */
export function useSettingsForm({ year, definition, locked, hasForms, hasLinks, provinceIndex, onChanged }: SettingsContext) {
  const { clear } = useMessages();
  const { run, busy } = useAction();
  const loaded = useCallResult('survey:settings', { year }, { refresh: definition, keep: year });
  const [edit, setEdit] = useState<SettingsEdit | null>(null);
  if (!loaded.value) return null;
  const { settings: saved, defaults } = loaded.value;
  const savedForm = toForm(saved, definition);
  // edits made on other settings (saved since, or read again) are gone
  const current: SettingsEdit = edit?.base === saved ? edit : { base: saved, form: savedForm, refusal: null, invalid: new Set() };
  const set = (patch: Partial<SettingsEdit>) => setEdit({ ...current, ...patch });
  const refuse = (refusal: TitledRefusal, invalid: string[] = []) => {
    clear();
    set({ refusal, invalid: new Set(invalid) });
  };

  return {
    form: current.form,
    savedForm,
    defaultsForm: toForm(defaults, definition),
    /** the weights the form does not show (of items, or of codes of an earlier questionnaire) */
    saved,
    refusal: current.refusal,
    invalid: current.invalid,
    busy,
    dirty: !sameForm(current.form, savedForm),
    update: (patch: Partial<SettingsForm>) => set({ form: { ...current.form, ...patch } }),
    /** back to the saved rules, the refusal gone */
    undo: () => setEdit(null),
    save: () => {
      const read = fromForm(current.form, definition, saved);
      if (!read.settings) {
        refuse({ title: SETTINGS_REFUSED, problems: read.problems.map((p) => ({ message: p.message })) }, read.problems.map((p) => p.field));
        return;
      }
      const settings = read.settings;
      void run(
        async () => {
          const r = await call('survey:saveSettings', { year, settings });
          loaded.replace({ settings: r.settings, defaults });
          onChanged();
          return r;
        },
        {
          done: (r) =>
            `Đã lưu cách tính năm ${year}.` +
            (hasForms ? ` Chỉ số hài lòng toàn tỉnh được tính lại: ${formatPercent(provinceIndex)} → ${formatPercent(r.provinceIndex)}.` : '') +
            (hasForms && hasLinks && !locked ? ' Điểm khảo sát của các tiêu chí đã liên kết được cập nhật theo.' : ''),
          onRefusal: (refused) => refuse(titled(SETTINGS_REFUSED, refused)),
        },
      );
    },
  };
}

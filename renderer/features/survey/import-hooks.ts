import { useReducer, useState } from 'react';
import { formatNumber } from '../../../shared/format';
import type { PickedFile } from '../../../shared/channels';
import type { MappingProfile, SurveyImportRecord } from '../../../shared/survey';
import { call, picked, type Refusal } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction, useMessages } from '../../app/messages';
import { columnUseOf, withColumnUse, withLabel } from './mapping-draft';
import { draftBase, importedText, importRequest, importStepReducer, noImport, profileOf } from './model';

/**
 * A survey file in, step by step: picked or dropped, previewed with the mapping as it is
 * drawn up (the main process reads the file again with each change, so the preview is the
 * import that would run), the mapping saved as a named profile, the file imported whole.
 * A refusal of the file is listed by place under the mapping.
 */
export function useImportWizard(year: number, profiles: MappingProfile[], onChanged: () => void) {
  const { show, clear } = useMessages();
  const { run } = useAction();
  const importing = useAction();
  const [steps, step] = useReducer(importStepReducer, noImport);
  const request = importRequest(steps, year);
  // the last preview of the same file stays on screen while the next is read
  const preview = useCallResult('survey:preview', request, { quiet: true, keep: steps.file?.token });
  const units = useCallResult('units:list', {}).value?.units ?? [];
  // a refused import, for the request it refused
  const [refusedImport, setRefusedImport] = useState<{ request: string; refusal: Refusal } | null>(null);
  const requestKey = JSON.stringify(request);
  const refusal = refusedImport?.request === requestKey ? refusedImport.refusal : preview.refusal;
  const profile = profileOf(steps, profiles);

  const start = (file: PickedFile) => {
    step({ type: 'start', file });
    clear();
  };
  const chooseProfile = (name: string) => step({ type: 'chooseProfile', name });

  return {
    ...steps,
    /** the profile the preview was read with: the draft, the saved one chosen, or none */
    profile,
    profiles,
    units,
    preview: preview.value,
    refusal,
    busy: preview.loading || importing.busy,
    pick: () =>
      run(async () => {
        const chosen = picked(await call('survey:pickFile', {}));
        if (chosen) start(chosen);
      }),
    drop: (paths: PickedFile[]) => {
      if (paths.length !== 1) show({ kind: 'warning', text: 'Hãy thả một tệp khảo sát (.xlsx hoặc .csv) mỗi lần, hoặc dùng nút "Chọn tệp khảo sát…".' });
      else start(paths[0]);
    },
    cancel: () => step({ type: 'cancel' }),
    chooseProfile,
    setProfileName: (name: string) => step({ type: 'profileName', name }),
    setUnitSource: (source: 'column' | 'fixed') => step({ type: 'unitSource', source }),
    setFixedUnit: (code: string) => step({ type: 'fixedUnit', code }),
    /** what a column of the file holds: "item:DV1.1", "unit", "form" or "ignore" */
    onColumn: (header: string, key: string) => step({ type: 'edit', draft: withColumnUse(draftBase(steps, profiles), header, columnUseOf(key)) }),
    /** what an answer text means: a code of the scale, or null for no answer */
    onLabel: (label: string, code: number | null) => step({ type: 'edit', draft: withLabel(draftBase(steps, profiles), label, code) }),
    saveProfile: () => {
      const name = steps.profileName.trim();
      if (!name) {
        show({ kind: 'error', text: 'Hãy đặt tên cho hồ sơ ánh xạ trước khi lưu, ví dụ "Google Forms SIPAS".' });
        return;
      }
      void run(
        async () => {
          await call('survey:saveProfile', { profile: { ...draftBase(steps, profiles), name } });
          step({ type: 'profileSaved', name });
          onChanged();
        },
        { done: `Đã lưu hồ sơ ánh xạ "${name}"; lần sau chọn hồ sơ này để nhập tệp cùng mẫu.` },
      );
    },
    deleteProfile: () => {
      const name = steps.savedProfile;
      void run(
        async () => {
          await call('survey:deleteProfile', { name });
          chooseProfile('');
          onChanged();
        },
        { done: `Đã xóa hồ sơ ánh xạ "${name}"; các tệp đã nhập bằng hồ sơ này vẫn giữ nguyên.` },
      );
    },
    runImport: () => {
      if (!request) return;
      void importing.run(
        async () => {
          const report = await call('survey:import', request);
          step({ type: 'imported', report });
          onChanged();
          return report;
        },
        { done: importedText, onRefusal: (refused) => setRefusedImport({ request: requestKey, refusal: refused }) },
      );
    },
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;

/** The year's imports, each removable after a confirmation; the entry-sheet template out to Excel. */
export function useImports(year: number, onChanged: () => void) {
  const { run } = useAction();
  const [confirming, confirmDelete] = useState<number | null>(null);
  return {
    confirming,
    confirmDelete,
    remove: (record: SurveyImportRecord) => {
      confirmDelete(null);
      void run(
        async () => {
          const r = await call('survey:deleteImport', { importId: record.id });
          onChanged();
          return r;
        },
        {
          done: (r) =>
            `Đã xóa lần nhập tệp ${record.fileName} (${formatNumber(record.formCount)} phiếu).` +
            (r.pointsUpdated ? ` Đã cập nhật điểm khảo sát (${formatNumber(r.pointsUpdated)} thay đổi).` : ''),
        },
      );
    },
    downloadTemplate: () =>
      run(() => call('survey:template', { year }), {
        done: (r) =>
          !r.cancelled &&
          `Đã lưu phiếu nhập mẫu năm ${year} (${formatNumber(r.value.items)} câu hỏi, danh sách ${formatNumber(r.value.units)} đơn vị) vào tệp ${r.value.file}.`,
      }),
  };
}

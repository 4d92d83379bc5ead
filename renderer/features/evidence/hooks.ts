// Calls of the evidence panel: a unit's documents and flags, one document's bytes, assigning.
import { useCallback } from 'react';
import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';

/** The unit's documents of the year and its leaves flagged "Thiếu tài liệu kiểm chứng". */
export function useUnitEvidence(year: number, unitCode: string | null, refresh?: unknown) {
  return useCallResult('evidence:unit', unitCode ? { year, unitCode } : null, { refresh });
}

/** Every leaf of the year flagged "Thiếu tài liệu kiểm chứng", as "unit|leaf" keys; null input asks nothing. */
export function useYearMissingEvidence(year: number | null, refresh?: unknown) {
  return useCallResult('evidence:missing', year === null ? null : { year }, { refresh });
}

/** One document's content for the viewer; null id asks nothing. */
export function useDocumentContent(id: number | null) {
  return useCallResult('evidence:content', id === null ? null : { id });
}

/** Ties a document to a leaf (or back to the unassigned ones), then calls `done`. */
export function useAssign(done: () => void) {
  const { run, busy } = useAction();
  const assign = useCallback(
    (id: number, criterionCode: string | null, name: string) =>
      run(() => call('evidence:assign', { id, criterionCode }), {
        done: (d) => (criterionCode ? `Đã gán "${name}" cho tiêu chí ${d.criterionCode}.` : `Đã bỏ gán "${name}".`),
      }).then((d) => {
        if (d) done();
      }),
    [run, done],
  );
  return { assign, busy };
}

/** Opens a document the window does not show with the system's application, once the person agrees. */
export function useOpenWithSystem() {
  const { run, busy } = useAction();
  const open = useCallback(
    (id: number, name: string) => {
      // the application is the system's, not this one: the person decides for each document
      if (!window.confirm(`Mở "${name}" bằng ứng dụng của máy (Word, Excel…)? Tài liệu được mở từ một bản sao chỉ đọc.`)) return;
      void run(() => call('evidence:openWithSystem', { id }), { done: (d) => `Đã mở "${d.name}" bằng ứng dụng của máy.` });
    },
    [run],
  );
  return { open, busy };
}

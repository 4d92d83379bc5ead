// Calls of the evidence panel: a unit's documents and flags, one document's bytes, assigning.
import { useCallback } from 'react';
import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';

/** The unit's documents of the year and its leaves flagged "Thiếu tài liệu kiểm chứng". */
export function useUnitEvidence(year: number, unitCode: string | null, refresh?: unknown) {
  return useCallResult('evidence:unit', unitCode ? { year, unitCode } : null, { refresh });
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

import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { PrintProgressOutput, ScorecardSelectionInput } from '../../../shared/print/channels';
import type { BlockResult, UnitResult } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';
import { hypotheses, SAVE_REASON, type Entry, type UnitDetail, type WhatIfOutcome } from './model';

/** The year's results of every block with their bands; `reload` after scores were saved from here. */
export function useCompareResults(year: number) {
  const { value, reload } = useCallResult('results:get', { year });
  return { data: value, reload };
}

/** The block's points lost, leaf by leaf, read again whenever the results are. */
export function useBlockLosses(year: number, blockCode: string, results: unknown) {
  return useCallResult('compare:blockLosses', blockCode ? { year, blockCode } : null, { refresh: results }).value?.losses ?? null;
}

/** One unit of the year in detail: its fields against the block's averages, its losses, the criteria it can be given points on. */
export function useUnitDetail(year: number, unitCode: string | null) {
  const { value, reload } = useCallResult('compare:unit', unitCode ? { year, unitCode } : null);
  return { detail: value, reload };
}

/**
 * What-if for one unit: hypotheses typed, the outcome asked for a moment after the typing
 * stops, and saving the hypothetical points as appraised scores (with the audit reason).
 */
export function useWhatIf(year: number, detail: UnitDetail, onSaved: () => void) {
  const { unit } = detail;
  const { run } = useAction();
  const [entries, setEntries] = useState<Entry[]>([]);
  // answers and refusals belong to the entries they were given for
  const [answer, setAnswer] = useState<{ entries: Entry[]; outcome: WhatIfOutcome | null; problem: string | null } | null>(null);
  const [refusedCode, setRefusedCode] = useState<{ entries: Entry[]; problem: string } | null>(null);
  const [confirming, setConfirming] = useState<Entry[] | null>(null);
  const read = useMemo(() => hypotheses(entries), [entries]);
  const criteria = useMemo(() => new Map(detail.criteria.map((c) => [c.code, c])), [detail]);

  useEffect(() => {
    if (!('hypothetical' in read) || read.hypothetical.length === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      call('compare:whatIf', { year, unitCode: unit.code, hypothetical: read.hypothetical }).then(
        (outcome) => current && setAnswer({ entries, outcome, problem: null }),
        (error: unknown) => current && setAnswer((a) => ({ entries, outcome: a?.outcome ?? null, problem: messageOf(error) })),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [entries, read, year, unit.code]);

  const change = (next: Entry[]) => {
    setEntries(next);
    if (next.length === 0) setAnswer(null);
  };

  const problem =
    'unreadable' in read
      ? `Số điểm của ${read.unreadable.join(', ')} không đọc được; hãy nhập số, ví dụ 1,5 (để trống là điểm tối đa).`
      : refusedCode?.entries === entries
        ? refusedCode.problem
        : answer?.entries === entries
          ? answer.problem
          : null;
  const outcome = entries.length > 0 && !problem ? (answer?.outcome ?? null) : null;

  return {
    entries,
    criteria,
    problem,
    outcome,
    confirming: confirming === entries,
    confirm: (yes: boolean) => setConfirming(yes ? entries : null),
    /** a hypothesis for a criterion of the unit's framework (another for the same criterion replaces it) */
    add(criterionCode: string, text: string): boolean {
      const code = criterionCode.trim();
      if (!code) return false;
      if (!criteria.has(code)) {
        setRefusedCode({ entries, problem: `Bộ chỉ số năm ${year} của ${unit.name} không có tiêu chí mã "${code}".` });
        return false;
      }
      change([...entries.filter((e) => e.criterionCode !== code), { criterionCode: code, text }]);
      return true;
    },
    edit: (code: string, text: string) => change(entries.map((e) => (e.criterionCode === code ? { ...e, text } : e))),
    remove: (code: string) => change(entries.filter((e) => e.criterionCode !== code)),
    clear: () => change([]),
    save: () => {
      if (!outcome) return;
      const applicable = new Set(detail.losses.map((l) => l.code));
      void run(
        async () => {
          const r = await call('scores:apply', {
            year,
            source: 'appraisal',
            reason: SAVE_REASON,
            changes: outcome.applied.map((a) => ({
              unitCode: unit.code,
              criterionCode: a.criterionCode,
              // a leaf marked not applicable becomes applicable again with its points
              patch: applicable.has(a.criterionCode) ? { appraisedScore: a.points } : { appraisedScore: a.points, notApplicable: false },
            })),
          });
          change([]);
          onSaved();
          return r;
        },
        { done: (r) => `Đã lưu ${formatNumber(r.changed)} thay đổi điểm thẩm định của ${unit.name} (có ghi nhật ký).` },
      );
    },
  };
}

type Printed = Extract<ChannelOutput<'reports:printScorecards'>, { cancelled: false }>['value'];
type PrintScope = 'unit' | 'block' | 'all';

/**
 * Scorecards of one unit, the block or the whole year printed into a folder the person picks,
 * the progress asked for while the batch runs; and the summary workbook of the year.
 */
export function usePrinting(year: number, block: BlockResult, unit: UnitResult | null) {
  const printing = useAction();
  const exporting = useAction();
  const [chosen, setScope] = useState<PrintScope>(unit ? 'unit' : 'block');
  const [combined, setCombined] = useState(false);
  const [progress, setProgress] = useState<PrintProgressOutput | null>(null);
  // what was printed, for the year and block it was printed from
  const [printed, setPrinted] = useState<{ from: string; value: Printed } | null>(null);
  const from = `${year}|${block.code}`;
  const scope = chosen === 'unit' && !unit ? 'block' : chosen;
  const running = progress?.running ?? false;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      call('reports:printProgress', {}).then(
        (p) => setProgress((now) => (now?.running ? p : now)),
        // the bar waits for the next answer
        () => undefined,
      );
    }, 250);
    return () => clearInterval(timer);
  }, [running]);

  const selection: ScorecardSelectionInput = scope === 'unit' && unit ? { unitCode: unit.code } : scope === 'block' ? { blockCode: block.code } : { all: true };
  return {
    scope,
    setScope,
    combined,
    setCombined,
    progress,
    running,
    printed: printed?.from === from ? printed.value : null,
    exporting: exporting.busy,
    print: async () => {
      setPrinted(null);
      setProgress({ running: true, done: 0, total: 0, unitName: null });
      const answer = await printing.run(() => call('reports:printScorecards', { year, selection, combined }), {
        done: (r) => !r.cancelled && `Đã in ${formatNumber(r.value.units)} phiếu kết quả vào ${formatNumber(r.value.files.length)} tệp PDF trong thư mục ${r.value.folder}.`,
      });
      if (answer && !answer.cancelled) setPrinted({ from, value: answer.value });
      setProgress(null);
    },
    exportSummary: () =>
      exporting.run(() => call('reports:exportSummary', { year }), {
        done: (r) => !r.cancelled && `Đã xuất bảng tổng hợp năm ${year} (${r.value.sheets.length} trang tính) vào tệp ${r.value.file}.`,
      }),
  };
}

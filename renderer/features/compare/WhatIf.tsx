// What-if for one unit: hypothetical points on some criteria, and at once its new total,
// index, rank and band by the real scoring engine. Nothing is saved unless the person asks.
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { HypotheticalScoreInput } from '../../../shared/contract-compare';
import { largestLosses } from '../../../shared/analysis';
import { describeChange, formatDecimal, formatNumber, formatPercent, parseLocaleNumber } from '../../../shared/format';
import { call, messageOf } from '../../app/api';
import type { Message } from '../../app/MessageBar';
import type { UnitDetail } from './UnitPanel';

interface Entry {
  criterionCode: string;
  /** as typed; empty means the full points */
  text: string;
}

type Outcome = ChannelOutput<'compare:whatIf'>;

export const SAVE_REASON = 'Lưu từ điểm giả định (màn hình So sánh)';

function hypothesis(entry: Entry): HypotheticalScoreInput | null {
  if (entry.text.trim() === '') return { criterionCode: entry.criterionCode, points: 'max' };
  const points = parseLocaleNumber(entry.text);
  return points === null || points < 0 ? null : { criterionCode: entry.criterionCode, points };
}

export function WhatIf({ year, detail, setMessage, onSaved }: { year: number; detail: UnitDetail; setMessage(m: Message | null): void; onSaved(): void }) {
  const { unit } = detail;
  const [entries, setEntries] = useState<Entry[]>([]);
  const [code, setCode] = useState('');
  const [points, setPoints] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const criteria = useMemo(() => new Map(detail.criteria.map((c) => [c.code, c])), [detail]);
  const scoreOf = useMemo(() => new Map(detail.losses.map((l) => [l.code, l.score])), [detail]);
  const suggestions = largestLosses(detail.losses, 6).filter((l) => !entries.some((e) => e.criterionCode === l.code));

  useEffect(() => {
    setConfirming(false);
    const hypothetical = entries.map(hypothesis);
    if (entries.length === 0) {
      setOutcome(null);
      setProblem(null);
      return;
    }
    const bad = entries.filter((_, i) => hypothetical[i] === null).map((e) => e.criterionCode);
    if (bad.length) {
      setProblem(`Số điểm của ${bad.join(', ')} không đọc được; hãy nhập số, ví dụ 1,5 (để trống là điểm tối đa).`);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('compare:whatIf', { year, unitCode: unit.code, hypothetical: hypothetical as HypotheticalScoreInput[] }).then(
        (o) => {
          if (!current) return;
          setOutcome(o);
          setProblem(null);
        },
        (e) => current && setProblem(messageOf(e)),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [entries, year, unit.code]);

  const add = (criterionCode: string, text: string) => {
    const c = criterionCode.trim();
    if (!c) return;
    if (!criteria.has(c)) {
      setProblem(`Bộ chỉ số năm ${year} của ${unit.name} không có tiêu chí mã "${c}".`);
      return;
    }
    setEntries((list) => [...list.filter((e) => e.criterionCode !== c), { criterionCode: c, text }]);
    setCode('');
    setPoints('');
  };

  const save = async () => {
    if (!outcome) return;
    const applicable = new Set(detail.losses.map((l) => l.code));
    try {
      const r = await call('scores:apply', {
        year,
        source: 'appraisal',
        reason: SAVE_REASON,
        changes: outcome.applied.map((a) => ({
          unitCode: unit.code,
          criterionCode: a.criterionCode,
          patch: applicable.has(a.criterionCode) ? { appraisedScore: a.points } : { appraisedScore: a.points, notApplicable: false },
        })),
      });
      setMessage({ kind: 'info', text: `Đã lưu ${formatNumber(r.changed)} thay đổi điểm thẩm định của ${unit.name} (có ghi nhật ký).` });
      setEntries([]);
      onSaved();
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  return (
    <div className="what-if" data-testid="what-if">
      <p className="muted small-text">
        Nhập điểm giả định cho một số tiêu chí (mã tiêu chí thành phần, tiêu chí hoặc lĩnh vực; để trống số điểm là đạt điểm tối đa) để xem ngay tổng
        điểm, chỉ số, xếp hạng và xếp loại mới. Điểm thật không thay đổi.
      </p>
      <form
        className="what-if-add"
        onSubmit={(e) => {
          e.preventDefault();
          add(code, points);
        }}
      >
        <input list="what-if-codes" value={code} onChange={(e) => setCode(e.target.value)} placeholder="Mã, ví dụ 3.2" aria-label="Mã tiêu chí giả định" />
        <datalist id="what-if-codes">
          {detail.criteria.map((c) => (
            <option key={c.code} value={c.code}>
              {c.title}
            </option>
          ))}
        </datalist>
        <input value={points} onChange={(e) => setPoints(e.target.value)} placeholder="tối đa" aria-label="Điểm giả định" inputMode="decimal" />
        <button type="submit">Thêm</button>
      </form>
      {suggestions.length > 0 && (
        <div className="suggestions">
          <span className="muted small-text">Cho điểm tối đa:</span>
          {suggestions.map((l) => (
            <button key={l.code} type="button" className="chip-button" title={l.title} onClick={() => add(l.code, '')}>
              {l.code} <span className="up">+{formatNumber(l.lost)}</span>
            </button>
          ))}
        </div>
      )}
      {entries.length > 0 && (
        <table className="table compact-table" data-testid="what-if-entries">
          <thead>
            <tr>
              <th>Tiêu chí</th>
              <th className="num">Hiện có</th>
              <th className="num">Giả định</th>
              <th aria-label="Bỏ" />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const c = criteria.get(e.criterionCode)!;
              const now = scoreOf.get(e.criterionCode);
              return (
                <tr key={e.criterionCode}>
                  <td title={c.title}>
                    <span className="code">{c.code}</span> {c.title}
                  </td>
                  <td className="num nowrap">{!c.leaf ? `tối đa ${formatNumber(c.maxPoints ?? 0)}` : now === undefined ? 'không áp dụng' : `${formatNumber(now)}/${formatNumber(c.maxPoints ?? 0)}`}</td>
                  <td className="num">
                    <input
                      className="points-input"
                      value={e.text}
                      placeholder="tối đa"
                      aria-label={`Điểm giả định ${c.code}`}
                      onChange={(ev) => setEntries((list) => list.map((x) => (x.criterionCode === e.criterionCode ? { ...x, text: ev.target.value } : x)))}
                    />
                  </td>
                  <td>
                    <button type="button" className="link" aria-label={`Bỏ giả định ${c.code}`} onClick={() => setEntries((list) => list.filter((x) => x !== e))}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {problem && (
        <p className="problems" role="alert">
          {problem}
        </p>
      )}
      {outcome && entries.length > 0 && !problem && <OutcomeTable outcome={outcome} />}
      {outcome && entries.length > 0 && !problem && (
        <div className="what-if-actions">
          <button type="button" onClick={() => setEntries([])}>
            Bỏ tất cả giả định
          </button>
          {confirming ? (
            <span className="confirm">
              Ghi {formatNumber(outcome.applied.length)} điểm này thành điểm thẩm định?{' '}
              <button type="button" className="primary" onClick={save}>
                Lưu
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Hủy
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Lưu thành điểm thẩm định…
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function OutcomeTable({ outcome }: { outcome: Outcome }) {
  const { before, after, blockBefore, blockAfter } = outcome;
  const deltaIndex = before.index !== null && after.index !== null ? after.index - before.index : null;
  const deltaRank = before.rank !== null && after.rank !== null ? before.rank - after.rank : null;
  const rows: [string, string, string, string?][] = [
    ['Tổng điểm', formatDecimal(before.total, 2), formatDecimal(after.total, 2)],
    ['Chỉ số', formatPercent(before.index), formatPercent(after.index), 'whatif-index'],
    ['Xếp hạng', before.rank ? String(before.rank) : '—', after.rank ? String(after.rank) : '—', 'whatif-rank'],
    ['Xếp loại', before.band ?? '—', after.band ?? '—', 'whatif-band'],
    ['Bình quân khối', formatPercent(blockBefore.average), formatPercent(blockAfter.average)],
  ];
  return (
    <div className="what-if-outcome">
      <table className="table compact-table" data-testid="what-if-outcome">
        <thead>
          <tr>
            <th />
            <th className="num">Hiện tại</th>
            <th className="num">Giả định</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, now, then, id]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{now}</td>
              <td className={`num strong${now !== then ? ' changed' : ''}`} data-testid={id ? `${id}-after` : undefined}>
                {then}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small-text" data-testid="what-if-summary">
        {describeChange(deltaIndex, deltaRank) ?? 'Không thay đổi'} <span className="muted">· chưa lưu, điểm thật giữ nguyên</span>
      </p>
    </div>
  );
}

// What-if for one unit: hypothetical points on some criteria, and at once its new total,
// index, rank and band by the real scoring engine. Nothing is saved unless the person asks.
import { useState } from 'react';
import { largestLosses } from '../../../shared/compare';
import { describeChange, formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import { useWhatIf } from './hooks';
import type { UnitDetail, WhatIfOutcome } from './model';

export function WhatIf({ year, detail, onSaved }: { year: number; detail: UnitDetail; onSaved(): void }) {
  const whatIf = useWhatIf(year, detail, onSaved);
  const { entries, criteria, problem, outcome } = whatIf;
  const [code, setCode] = useState('');
  const [points, setPoints] = useState('');
  const scoreOf = new Map(detail.losses.map((l) => [l.code, l.score]));
  const suggestions = largestLosses(detail.losses, 6).filter((l) => !entries.some((e) => e.criterionCode === l.code));
  const add = (criterionCode: string, text: string) => {
    if (whatIf.add(criterionCode, text)) {
      setCode('');
      setPoints('');
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
                      onChange={(ev) => whatIf.edit(e.criterionCode, ev.target.value)}
                    />
                  </td>
                  <td>
                    <button type="button" className="link" aria-label={`Bỏ giả định ${c.code}`} onClick={() => whatIf.remove(e.criterionCode)}>
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
      {outcome && <OutcomeTable outcome={outcome} />}
      {outcome && (
        <div className="what-if-actions">
          <button type="button" onClick={whatIf.clear}>
            Bỏ tất cả giả định
          </button>
          {whatIf.confirming ? (
            <span className="confirm">
              Ghi {formatNumber(outcome.applied.length)} điểm này thành điểm thẩm định?{' '}
              <button type="button" className="primary" onClick={whatIf.save}>
                Lưu
              </button>{' '}
              <button type="button" onClick={() => whatIf.confirm(false)}>
                Hủy
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => whatIf.confirm(true)}>
              Lưu thành điểm thẩm định…
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function OutcomeTable({ outcome }: { outcome: WhatIfOutcome }) {
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

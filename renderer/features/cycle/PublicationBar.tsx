// Công bố in the year's header: the decision that published the year and the lock, with
// reopening (a reason asked); or publishing by decision number and date, refused while work
// is open unless forced.
import { useState } from 'react';
import type { Session } from '../../../shared/contract';
import { formatDay, formatNumber } from '../../../shared/format';
import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';

export function PublicationBar({ year, locked, onSession }: { year: number; locked: boolean; onSession(session: Session): void }) {
  const { value, reload } = useCallResult('publication:get', { year }, { refresh: locked, quiet: true });
  const [form, setForm] = useState<'publish' | 'unpublish' | null>(null);
  const [decision, setDecision] = useState('');
  const [date, setDate] = useState('');
  const [force, setForce] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy } = useAction();
  const after = async (text: string) => {
    onSession(await call('session:get', {}));
    reload();
    setForm(null);
    return text;
  };
  const publish = () =>
    run(async () => {
      const p = await call('publication:publish', { year, decision, date, force });
      return after(`Đã công bố kết quả năm ${year} theo Quyết định ${p.decision} ngày ${formatDay(p.decisionDate)}; kỳ đánh giá đã khóa.`);
    }, { done: (t) => t, refused: 'Chưa công bố.' });
  const reopen = () =>
    run(async () => {
      await call('publication:unpublish', { year, reason });
      return after(`Đã hủy công bố, mở lại kỳ đánh giá năm ${year}.`);
    }, { done: (t) => t });
  const p = value?.publication;
  return (
    <span className="publication" data-testid="publication">
      {p ? (
        <span className="badge badge-locked" title={`Công bố lúc ${p.at} bởi ${p.actor}${p.forced ? ' (bắt buộc)' : ''}`}>
          Đã công bố: QĐ {p.decision} ngày {formatDay(p.decisionDate)} · đã khóa
        </span>
      ) : (
        locked && <span className="badge badge-locked">Đã công bố (khóa)</span>
      )}
      {form === null && (
        <button type="button" onClick={() => setForm(locked ? 'unpublish' : 'publish')} disabled={!value}>
          {locked ? 'Hủy công bố…' : 'Công bố…'}
        </button>
      )}
      {form === 'publish' && (
        <span className="inline-form">
          <input value={decision} onChange={(e) => setDecision(e.target.value)} placeholder="Số/ký hiệu QĐ" aria-label="Số, ký hiệu Quyết định công bố" />
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label="Ngày Quyết định công bố" />
          {value && value.open.length > 0 && (
            <label title={value.open.slice(0, 20).join('\n')}>
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Bắt buộc (còn {formatNumber(value.open.length)} việc)
            </label>
          )}
          <button type="button" className="primary" disabled={busy || !decision.trim() || !date} onClick={() => void publish()}>
            Công bố
          </button>
          <button type="button" onClick={() => setForm(null)}>
            Thôi
          </button>
        </span>
      )}
      {form === 'unpublish' && (
        <span className="inline-form">
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Lý do mở lại" aria-label="Lý do hủy công bố" />
          <button type="button" className="primary" disabled={busy || !reason.trim()} onClick={() => void reopen()}>
            Mở lại kỳ đánh giá
          </button>
          <button type="button" onClick={() => setForm(null)}>
            Thôi
          </button>
        </span>
      )}
    </span>
  );
}

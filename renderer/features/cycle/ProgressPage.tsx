// "Tiến độ": the year's deadlines, and per block how many units stand at each step of the
// cycle, each unit with its state, dates, what is missing and whether it is late.
import { useState } from 'react';
import { UNIT_STATE_LABELS } from '../../../shared/cycle/status';
import { formatDate, formatDay, formatNumber } from '../../../shared/format';
import { EmptyState } from '../../app/EmptyState';
import { useChoice } from '../../app/hooks';
import { useLeaveGuard } from '../../app/leave-guard';
import { useAction } from '../../app/messages';
import type { PageProps } from '../../app/page';
import { blockTabs, Tabs } from '../../app/Tabs';
import { saveDeadlines, useYearStatus } from './hooks';
import './cycle.css';
import { attentionOrder, draftOf, sameDraft, stateCounts, type DeadlineDraft, type YearStatus } from './model';

export function ProgressPage({ year }: PageProps) {
  const { status, replace, reload } = useYearStatus(year);
  const [blockCode, setBlockCode] = useChoice(status?.blocks.map((b) => b.code) ?? []);
  if (!status) return <p className="muted">Đang tải…</p>;
  const units = status.units.filter((u) => u.block === blockCode);
  return (
    <div className="progress">
      <h2>Tiến độ kỳ đánh giá năm {year}</h2>
      {status.published && (
        <p className="badge badge-locked" data-testid="published">
          Đã công bố theo Quyết định {status.published.decision} ngày {formatDay(status.published.decisionDate)}
        </p>
      )}
      <DeadlinesForm
        key={JSON.stringify(status.deadlines)}
        year={year}
        deadlines={status.deadlines}
        onSaved={(d) => {
          replace({ ...status, deadlines: d });
          reload();
        }}
      />
      {status.blocks.length === 0 ? (
        <EmptyState text={`Năm ${year} chưa có bộ chỉ số của khối nào; hãy nhập bộ chỉ số trước.`} />
      ) : (
        <>
          <Tabs label="Khối" items={blockTabs(status.blocks)} value={blockCode} onChange={setBlockCode} />
          <dl className="state-counts" data-testid="state-counts">
            {stateCounts(units).map(({ state, count }) => (
              <div key={state} className={count ? '' : 'muted'}>
                <dt>{UNIT_STATE_LABELS[state]}</dt>
                <dd>{formatNumber(count)}</dd>
              </div>
            ))}
            <div className={units.some((u) => u.late) ? 'late' : 'muted'}>
              <dt>Quá hạn</dt>
              <dd>{formatNumber(units.filter((u) => u.late).length)}</dd>
            </div>
          </dl>
          <UnitTable units={attentionOrder(units)} />
        </>
      )}
    </div>
  );
}

function UnitTable({ units }: { units: YearStatus['units'] }) {
  if (units.length === 0) return <EmptyState text="Khối này chưa có đơn vị nào tham gia năm nay." />;
  return (
    <table className="table progress-table" data-testid="progress-table">
      <thead>
        <tr>
          <th>Mã</th>
          <th>Đơn vị</th>
          <th>Trạng thái</th>
          <th className="num">Đã thẩm định</th>
          <th>Nộp tự chấm</th>
          <th>Thông báo sơ bộ</th>
          <th>Còn thiếu</th>
          <th>Quá hạn</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.code} className={u.late ? 'late' : undefined}>
            <td>{u.code}</td>
            <td>{u.name}</td>
            <td>
              <span className={`state state-${u.state}`}>{UNIT_STATE_LABELS[u.state]}</span>
            </td>
            <td className="num">
              {formatNumber(u.appraised)}/{formatNumber(u.leaves)}
            </td>
            <td>{u.submittedAt ? formatDate(u.submittedAt) : '—'}</td>
            <td>{u.noticeAt ? formatDate(u.noticeAt) : '—'}</td>
            <td>{u.missing.join('; ') || '—'}</td>
            <td className={u.late ? 'status-missing' : undefined}>{u.lateReasons.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeadlinesForm({ year, deadlines, onSaved }: { year: number; deadlines: YearStatus['deadlines']; onSaved(d: YearStatus['deadlines']): void }) {
  const saved = draftOf(deadlines);
  const [draft, setDraft] = useState<DeadlineDraft>(saved);
  const { run, busy } = useAction();
  const dirty = !sameDraft(draft, saved);
  useLeaveGuard(dirty ? `Các hạn của năm ${year} chưa được lưu. Bỏ các thay đổi?` : null);
  const field = (key: keyof DeadlineDraft, label: string) => (
    <label>
      {label}
      <input type="date" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} aria-label={label} />
    </label>
  );
  const save = () =>
    run(
      () =>
        saveDeadlines(year, {
          selfDue: draft.selfDue || null,
          appraisalDue: draft.appraisalDue || null,
          petitionsDue: draft.petitionsDue || null,
        }),
      { done: (d) => (onSaved(d), `Đã lưu các hạn của năm ${year}.`) },
    );
  return (
    <div className="form-row" data-testid="deadlines">
      {field('selfDue', 'Hạn nộp tự chấm')}
      {field('appraisalDue', 'Hạn thẩm định')}
      {field('petitionsDue', 'Hạn kiến nghị')}
      <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void save()}>
        Lưu các hạn
      </button>
    </div>
  );
}

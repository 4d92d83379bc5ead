// "Kiến nghị": the petitions units returned against their preliminary notices. Each pending one
// shows the self score, the appraised score, the council's remark and the unit's text side by
// side, and is decided accept (a new appraised score) or keep, always with a reason.
import { useState } from 'react';
import { formatDate, formatNumber } from '../../../shared/format';
import { EmptyState } from '../../app/EmptyState';
import { useLeaveGuard } from '../../app/leave-guard';
import { useAction } from '../../app/messages';
import type { PageProps } from '../../app/page';
import { picked } from '../../app/api';
import { decide, exportDecisions, usePetitions } from './hooks';
import { NoticesPanel } from './NoticesPanel';
import { PetitionDocuments } from './PetitionDocuments';
import { EvidenceViewer } from '../evidence/Viewer';
import type { EvidenceDocumentOutput } from '../evidence/model';
import { acceptedScore, decisionLabel, scoreText, splitPetitions, type PetitionView } from './model';
import './petitions.css';

interface Draft {
  score: string;
  reason: string;
}

export function PetitionsPage({ year, workspace }: PageProps) {
  const { petitions, reload } = usePetitions(year);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  // a document sent with a petition, shown beside the list
  const [openDoc, setOpenDoc] = useState<EvidenceDocumentOutput | null>(null);
  const locked = workspace.periods.find((p) => p.year === year)?.locked ?? false;
  const { run, busy } = useAction();
  const editing = Object.values(drafts).some((d) => d.score.trim() || d.reason.trim());
  useLeaveGuard(editing ? 'Có quyết định về kiến nghị đang nhập dở. Bỏ các nội dung đã nhập?' : null);
  if (!petitions) return <p className="muted">Đang tải…</p>;
  const { pending, decided } = splitPetitions(petitions);
  return (
    <div className="petitions">
      <h2>Kiến nghị năm {year}</h2>
      <p className="muted">
        {formatNumber(pending.length)} kiến nghị chờ quyết định · {formatNumber(decided.length)} đã quyết định
        {locked ? ' · Năm đã công bố, không quyết định được.' : ''}
      </p>
      <NoticesPanel year={year} locked={locked} onChange={reload} />
      {petitions.length > 0 && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => picked(await exportDecisions(year)), {
                done: (v) => v && `Đã xuất ${formatNumber(v.petitions)} kiến nghị và quyết định ra ${v.file}.`,
              })
            }
          >
            Xuất bảng quyết định (.xlsx)…
          </button>
        </p>
      )}
      {petitions.length === 0 && <EmptyState text={`Năm ${year} chưa có kiến nghị nào. Kiến nghị đến từ thông báo kết quả sơ bộ đơn vị gửi lại.`} />}
      <div className={openDoc ? 'petitions-body with-viewer' : 'petitions-body'}>
        <div data-testid="pending-petitions">
          {pending.map((p) => (
            <PendingPetition
              key={p.id}
              petition={p}
              year={year}
              locked={locked}
              openId={openDoc?.id ?? null}
              onOpen={setOpenDoc}
              draft={drafts[p.id] ?? { score: '', reason: '' }}
              onDraft={(d) => setDrafts((all) => ({ ...all, [p.id]: d }))}
              onDecided={() => {
                setDrafts((all) => {
                  const rest = { ...all };
                  delete rest[p.id];
                  return rest;
                });
                reload();
              }}
            />
          ))}
        </div>
        {openDoc && <EvidenceViewer document={openDoc} onClose={() => setOpenDoc(null)} />}
      </div>
      {decided.length > 0 && (
        <>
          <h3>Đã quyết định</h3>
          <table className="table" data-testid="decided-petitions">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Tiêu chí</th>
                <th className="num">Tự chấm</th>
                <th className="num">Thẩm định</th>
                <th>Kiến nghị</th>
                <th>Quyết định</th>
                <th>Lý do</th>
                <th>Người quyết định</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((p) => (
                <tr key={p.id}>
                  <td>{p.unitName}</td>
                  <td>{p.criterionCode}</td>
                  <td className="num">{scoreText(p.selfScore)}</td>
                  <td className="num">{scoreText(p.appraisedScore)}</td>
                  <td>{p.text}</td>
                  <td>{decisionLabel(p)}</td>
                  <td>{p.reason}</td>
                  <td>
                    {p.decidedBy}
                    {p.decidedAt ? `, ${formatDate(p.decidedAt)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

interface PendingProps {
  petition: PetitionView;
  year: number;
  locked: boolean;
  draft: Draft;
  openId: number | null;
  onOpen(doc: EvidenceDocumentOutput): void;
  onDraft(d: Draft): void;
  onDecided(): void;
}

function PendingPetition(props: PendingProps) {
  const { petition: p, year, locked, draft, openId, onOpen, onDraft, onDecided } = props;
  const { run, busy } = useAction();
  const [problem, setProblem] = useState<string | null>(null);
  const send = (decision: 'accept' | 'keep') => {
    setProblem(null);
    let score: number | null = null;
    if (decision === 'accept') {
      const s = acceptedScore(draft.score, p.maxPoints);
      if ('problem' in s) return setProblem(s.problem);
      score = s.score;
    }
    if (!draft.reason.trim()) return setProblem('Ghi lý do của quyết định.');
    void run(() => decide({ year, unitCode: p.unitCode, criterionCode: p.criterionCode, decision, score, reason: draft.reason.trim() }), {
      done: () => {
        onDecided();
        return decision === 'accept'
          ? `Đã chấp nhận kiến nghị của ${p.unitName} về tiêu chí ${p.criterionCode}: ${scoreText(score)} điểm.`
          : `Đã giữ nguyên điểm tiêu chí ${p.criterionCode} của ${p.unitName}.`;
      },
    });
  };
  return (
    <section className="petition" data-testid={`petition-${p.unitCode}-${p.criterionCode}`}>
      <h3>
        {p.unitName} · {p.criterionCode} {p.criterionTitle}
        {p.late && <span className="state state-not-submitted"> Quá hạn</span>}
      </h3>
      <div className="scores">
        <span>
          Điểm tối đa <b>{scoreText(p.maxPoints)}</b>
        </span>
        <span>
          Tự chấm <b>{scoreText(p.selfScore)}</b>
        </span>
        <span>
          Thẩm định <b>{scoreText(p.appraisedScore)}</b>
        </span>
        <span className="muted">Nhận {formatDate(p.receivedAt)}</span>
      </div>
      <div className="texts">
        <div>
          <h4>Ý kiến thẩm định</h4>
          {p.remark ?? '—'}
        </div>
        <div>
          <h4>Ý kiến giải trình, kiến nghị của đơn vị</h4>
          {p.text}
          {(p.evidence || p.documents.length > 0) && (
            <>
              <h4>Tài liệu bổ sung</h4>
              {p.evidence}
              <PetitionDocuments documents={p.documents} openId={openId} onOpen={onOpen} />
            </>
          )}
        </div>
      </div>
      {!locked && (
        <div className="decide">
          <label>
            Điểm mới
            <input type="text" inputMode="decimal" size={6} value={draft.score} aria-label="Điểm mới" onChange={(e) => onDraft({ ...draft, score: e.target.value })} />
          </label>
          <label>
            Lý do
            <textarea value={draft.reason} aria-label="Lý do" maxLength={500} onChange={(e) => onDraft({ ...draft, reason: e.target.value })} />
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => send('accept')}>
            Chấp nhận
          </button>
          <button type="button" disabled={busy} onClick={() => send('keep')}>
            Giữ nguyên
          </button>
          {problem && <span className="problem">{problem}</span>}
        </div>
      )}
    </section>
  );
}

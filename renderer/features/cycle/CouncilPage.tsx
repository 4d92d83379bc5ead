// "Hội đồng": the appraisal council's members, and per block who appraises which fields for
// which units, with the leaves nobody covers (appraised by the Sở's own staff in the app).
import { useState } from 'react';
import { formatNumber } from '../../../shared/format';
import { EmptyState } from '../../app/EmptyState';
import { useChoice } from '../../app/hooks';
import { useAction } from '../../app/messages';
import type { PageProps } from '../../app/page';
import { blockTabs, Tabs } from '../../app/Tabs';
import { assignMember, importMembers, saveMember, unassign, useCouncil } from './council-hooks';
import { gridCell, gridMembers, type BlockCouncil, type YearCouncil } from './council-model';
import { PackagesPanel } from './PackagesPanel';
import './cycle.css';

export function CouncilPage({ year }: PageProps) {
  const { council, reload } = useCouncil(year);
  const [blockCode, setBlockCode] = useChoice(council?.blocks.map((b) => b.code) ?? []);
  if (!council) return <p className="muted">Đang tải…</p>;
  const block = council.blocks.find((b) => b.code === blockCode);
  return (
    <div className="council">
      <h2>Hội đồng thẩm định năm {year}</h2>
      <Members members={council.members} onChange={reload} />
      {council.blocks.length === 0 ? (
        <EmptyState text={`Năm ${year} chưa có bộ chỉ số của khối nào; hãy nhập bộ chỉ số trước khi phân công.`} />
      ) : (
        <>
          <h3>Phân công thẩm định</h3>
          <Tabs label="Khối" items={blockTabs(council.blocks)} value={blockCode} onChange={setBlockCode} />
          {block && <BlockAssignments key={block.code} year={year} block={block} members={council.members} onChange={reload} />}
          <PackagesPanel year={year} onChange={reload} />
        </>
      )}
    </div>
  );
}

function Members({ members, onChange }: { members: YearCouncil['members']; onChange(): void }) {
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const { run, busy } = useAction();
  const add = () =>
    run(() => saveMember(name, organisation.trim() || null), {
      done: (r) => {
        onChange();
        setName('');
        setOrganisation('');
        return r.added ? `Đã thêm ${r.member.name} vào hội đồng.` : `Đã cập nhật cơ quan của ${r.member.name}.`;
      },
    });
  const importList = () =>
    run(importMembers, {
      done: (r) => {
        if (r.cancelled) return null;
        onChange();
        return `Đã nhập ${formatNumber(r.value.added + r.value.updated)} thành viên từ ${r.value.file} (${formatNumber(r.value.added)} mới).`;
      },
    });
  return (
    <section className="card" data-testid="members">
      <h3>Thành viên ({formatNumber(members.length)})</h3>
      {members.length === 0 ? (
        <p className="muted">Chưa có thành viên nào. Nhập danh sách từ Excel (cột Họ và tên, Cơ quan) hoặc thêm từng người.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Họ và tên</th>
              <th>Cơ quan</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.organisation ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-row">
        <label>
          Họ và tên
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Họ và tên thành viên" />
        </label>
        <label>
          Cơ quan
          <input value={organisation} onChange={(e) => setOrganisation(e.target.value)} aria-label="Cơ quan của thành viên" />
        </label>
        <button type="button" className="primary" disabled={busy || !name.trim()} onClick={() => void add()}>
          Thêm thành viên
        </button>
        <button type="button" disabled={busy} onClick={() => void importList()}>
          Nhập danh sách từ Excel…
        </button>
      </div>
    </section>
  );
}

function BlockAssignments({ year, block, members, onChange }: { year: number; block: BlockCouncil; members: YearCouncil['members']; onChange(): void }) {
  const [chosen, setMember] = useState('');
  // the member chosen while the council has them, else the first
  const member = members.some((m) => m.name === chosen) ? chosen : (members[0]?.name ?? '');
  const [criteria, setCriteria] = useState('');
  const [units, setUnits] = useState('');
  const { run, busy } = useAction();
  const columns = gridMembers(block, members);
  const add = () =>
    run(() => assignMember({ year, blockCode: block.code, member, criteria, units }), {
      done: (r) => {
        onChange();
        setCriteria('');
        setUnits('');
        return `Đã phân công ${member} thẩm định ${criteria} của ${block.name}${r.uncovered.length ? `; còn ${formatNumber(r.uncovered.length)} tiêu chí chưa có người thẩm định` : '; mọi tiêu chí đã có người thẩm định'}.`;
      },
    });
  const remove = (id: number, who: string) => run(() => unassign(id), { done: () => (onChange(), `Đã bỏ phân công của ${who}.`) });
  return (
    <div className="block-assignments">
      <table className="table assignment-grid" data-testid="assignment-grid">
        <thead>
          <tr>
            <th>Lĩnh vực</th>
            {columns.map((m) => (
              <th key={m.id} title={m.organisation ?? undefined}>
                {m.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.fields.map((f) => (
            <tr key={f.code}>
              <td>
                {f.code}. {f.title}
              </td>
              {columns.map((m) => (
                <td key={m.id}>{gridCell(f, m.id)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-row" data-testid="assign-form">
        <label>
          Thành viên
          <select value={member} onChange={(e) => setMember(e.target.value)} aria-label="Thành viên được phân công">
            {members.map((m) => (
              <option key={m.id} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Lĩnh vực, tiêu chí (mã)
          <input value={criteria} onChange={(e) => setCriteria(e.target.value)} placeholder="II, 3.1" aria-label="Mã lĩnh vực, tiêu chí" />
        </label>
        <label>
          Đơn vị (mã; để trống = cả khối)
          <input value={units} onChange={(e) => setUnits(e.target.value)} aria-label="Mã đơn vị được phân công" />
        </label>
        <button type="button" className="primary" disabled={busy || !member || !criteria.trim()} onClick={() => void add()}>
          Phân công
        </button>
      </div>
      {block.assignments.length > 0 && (
        <table className="table" data-testid="assignments">
          <thead>
            <tr>
              <th>Thành viên</th>
              <th>Lĩnh vực, tiêu chí</th>
              <th className="num">Số tiêu chí</th>
              <th>Đơn vị</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {block.assignments.map((a) => (
              <tr key={a.id}>
                <td>{a.memberName}</td>
                <td>{a.criteria.join(', ')}</td>
                <td className="num">{formatNumber(a.leaves)}</td>
                <td>{a.units ? a.units.join(', ') : `Cả khối (${formatNumber(block.units)} đơn vị)`}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void remove(a.id, a.memberName)}>
                    Bỏ phân công
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {block.uncovered.length === 0 ? (
        <p className="muted">Mọi tiêu chí của mọi đơn vị đã có thành viên thẩm định.</p>
      ) : (
        <details className="uncovered" open={block.uncovered.length <= 10}>
          <summary>{formatNumber(block.uncovered.length)} tiêu chí chưa có thành viên thẩm định</summary>
          <ul data-testid="uncovered">
            {block.uncovered.map((u) => (
              <li key={u.criterion}>
                <strong>{u.criterion}</strong> {u.title}
                {u.units.length < block.units && <span className="muted"> — {formatNumber(u.units.length)} đơn vị: {u.units.join(', ')}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted small-text">Các tiêu chí này do cán bộ Sở Nội vụ thẩm định trực tiếp trên phần mềm.</p>
    </div>
  );
}

// "Cài đặt": what a newcomer sets once — the province and what prints carry, their own name
// for the history of changes, the blocks the workspace uses, and each block's classification
// bands for the year on show.
import { useState } from 'react';
import { formatNumber } from '../../../shared/format';
import type { TieRule } from '../../../shared/domain';
import { call } from '../../app/api';
import type { PageProps } from '../../app/page';
import { useSettings, type DocumentFields, type Settings } from './hooks';
import { bandsPreview, bandsText } from './model';

export function SettingsPage({ year, onSession }: PageProps) {
  const actions = useSettings(year, () => void call('session:get', {}).then(onSession));
  if (!actions.settings) return <p className="muted">Đang tải…</p>;
  return (
    <div className="settings">
      <DocumentsCard settings={actions.settings} save={actions.saveDocuments} />
      <UserCard name={actions.settings.userName} save={actions.saveUserName} />
      <BlocksCard settings={actions.settings} add={actions.addBlock} remove={actions.removeBlock} />
      <BandsCard year={year} settings={actions.settings} save={actions.saveBands} saveTies={actions.saveTies} />
    </div>
  );
}

function DocumentsCard({ settings, save }: { settings: Settings; save(fields: DocumentFields): Promise<boolean> }) {
  const [fields, setFields] = useState<DocumentFields>({
    province: settings.province ?? '',
    signPlace: settings.signPlace ?? '',
    signerTitle: settings.signerTitle ?? '',
    signerName: settings.signerName ?? '',
  });
  const field = (key: keyof DocumentFields, label: string, placeholder: string) => (
    <label>
      {label}
      <input value={fields[key]} placeholder={placeholder} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} aria-label={label} />
    </label>
  );
  return (
    <section className="card" aria-label="Tỉnh và văn bản">
      <h3>Tỉnh và văn bản in</h3>
      <div className="settings-fields">
        {field('province', 'Tên tỉnh', 'Tỉnh Lạng Sơn')}
        {field('signPlace', 'Địa danh ghi ngày', 'Lạng Sơn')}
        {field('signerTitle', 'Chức vụ người ký', 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC')}
        {field('signerName', 'Họ tên người ký', 'Nguyễn Văn A')}
      </div>
      <p className="muted small-text">
        Phiếu kết quả và các văn bản in ghi: “{fields.signPlace || 'Địa danh'}, ngày … tháng … năm …”, rồi chức vụ và họ tên người ký.
      </p>
      <button type="button" className="primary" onClick={() => void save(fields)}>
        Lưu
      </button>
    </section>
  );
}

function UserCard({ name, save }: { name: string; save(name: string): Promise<boolean> }) {
  const [value, setValue] = useState(name);
  return (
    <section className="card" aria-label="Người dùng máy này">
      <h3>Người dùng máy này</h3>
      <label>
        Họ tên của bạn
        <input value={value} onChange={(e) => setValue(e.target.value)} aria-label="Họ tên của bạn" />
      </label>
      <p className="muted small-text">Mỗi thay đổi điểm, đơn vị, bộ chỉ số trên máy này được ghi vào nhật ký kèm tên này.</p>
      <button type="button" className="primary" disabled={!value.trim()} onClick={() => void save(value)}>
        Lưu tên
      </button>
    </section>
  );
}

function BlocksCard({ settings, add, remove }: { settings: Settings; add(code: string, name: string): Promise<boolean>; remove(code: string, name: string): Promise<boolean> }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  return (
    <section className="card" aria-label="Khối đơn vị">
      <h3>Khối đơn vị</h3>
      <table className="plain-table" data-testid="settings-blocks">
        <thead>
          <tr>
            <th>Khối</th>
            <th>Mã</th>
            <th>Số đơn vị</th>
            <th>Số bộ chỉ số</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {settings.blocks.map((b) => (
            <tr key={b.code}>
              <td>{b.name}</td>
              <td>{b.code}</td>
              <td className="number">{formatNumber(b.units)}</td>
              <td className="number">{formatNumber(b.frameworks)}</td>
              <td>
                {b.units === 0 && b.frameworks === 0 ? (
                  <button type="button" className="danger" onClick={() => void remove(b.code, b.name)}>
                    Xóa khối
                  </button>
                ) : (
                  <span className="muted small-text">đang dùng</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-row">
        <label>
          Mã khối
          <input value={code} onChange={(e) => setCode(e.target.value)} aria-label="Mã khối mới" size={10} />
        </label>
        <label>
          Tên khối
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Tên khối mới" />
        </label>
        <button
          type="button"
          disabled={!code.trim() || !name.trim()}
          onClick={async () => {
            if (await add(code.trim(), name.trim())) {
              setCode('');
              setName('');
            }
          }}
        >
          Thêm khối
        </button>
      </div>
    </section>
  );
}

interface BandsActions {
  save(blockCode: string, blockName: string, bands: string): Promise<boolean>;
  saveTies(blockCode: string, blockName: string, ties: TieRule): Promise<boolean>;
}

function BandsCard({ year, settings, save, saveTies }: { year: number; settings: Settings } & BandsActions) {
  return (
    <section className="card" aria-label={`Xếp loại năm ${year}`}>
      <h3>Xếp loại năm {year}</h3>
      {settings.bands.length === 0 && <p className="muted">Năm {year} chưa có khối nào có bộ chỉ số.</p>}
      {settings.bands.map((b) => (
        <BandsRow key={b.blockCode} blockCode={b.blockCode} blockName={b.blockName} initial={bandsText(b.bands)} ties={b.ties} save={save} saveTies={saveTies} />
      ))}
      <p className="muted small-text">Ghi các mức từ cao đến thấp dạng Tên=ngưỡng, cách nhau bởi dấu chấm phẩy; đơn vị thuộc mức đầu tiên mà chỉ số đạt tới.</p>
    </section>
  );
}

function BandsRow({ blockCode, blockName, initial, ties, save, saveTies }: { blockCode: string; blockName: string; initial: string; ties: TieRule } & BandsActions) {
  const [text, setText] = useState(initial);
  const preview = bandsPreview(text);
  return (
    <div className="form-row">
      <label style={{ flex: 1 }}>
        {blockName}
        <input value={text} onChange={(e) => setText(e.target.value)} aria-label={`Mức xếp loại ${blockName}`} placeholder="Tốt=90;Khá=80;Trung bình=70;Yếu=0" style={{ width: '100%' }} />
        <span className={preview.ok ? 'muted small-text' : 'problem-inline small-text'}>{preview.text}</span>
      </label>
      <button type="button" disabled={!preview.ok || text === initial} onClick={() => void save(blockCode, blockName, text)}>
        Lưu xếp loại
      </button>
      <label>
        Khi chỉ số bằng nhau
        <select value={ties} aria-label={`Cách xếp hạng ${blockName}`} onChange={(e) => void saveTies(blockCode, blockName, e.target.value as TieRule)}>
          <option value="shared">Đồng hạng (1, 2, 2, 4)</option>
          <option value="ordinal">Xếp liên tiếp (1, 2, 3, 4)</option>
        </select>
      </label>
    </div>
  );
}

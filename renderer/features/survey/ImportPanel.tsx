// Survey files in: pick or drop a file, see how its columns and answers map onto the year's
// questionnaire (and fix the mapping, saved as a named profile), import it whole, read the
// report; the list of the year's imports, each of which can be removed.
import { useEffect, useMemo, useState } from 'react';
import { describeLocation, type Problem } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import {
  FORMAT_NAMES,
  type MappingProfile,
  type SurveyDefinition,
  type SurveyFileFormat,
  type SurveyImportPreview,
  type SurveyImportRecord,
  type SurveyImportReport,
} from '../../../shared/survey';
import type { Unit } from '../../../shared/domain';
import { AppFailure, call, messageOf } from '../../app/api';
import { formatDateTime } from '../../app/labels';
import type { Message } from '../../app/MessageBar';
import {
  answerLabels,
  emptyProfile,
  fileColumns,
  useKey,
  useOfKey,
  withColumnUse,
  withLabel,
  type FileColumn,
} from './mapping-draft';

const FOUND_BY: Record<FileColumn['foundBy'], string> = {
  code: 'theo mã câu hỏi',
  title: 'theo nội dung câu hỏi',
  profile: 'theo hồ sơ ánh xạ',
  header: 'theo tên cột',
  unmatched: 'chưa khớp câu hỏi nào',
};

/** Problems listed before "show all": a file refused for one reason often has it in every row. */
const PROBLEMS_SHOWN = 5;

interface Refusal {
  message: string;
  problems: Problem[];
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof AppFailure) return { message: error.failure.message, problems: error.failure.problems as Problem[] };
  return { message: messageOf(error), problems: [] };
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * A survey service's advice as the screen shows it: the services also speak to the command
 * line, whose option names ("(--unit)") mean nothing here.
 */
function forScreen(message: string): string {
  return message.replace(/\s*\((?:--[a-z]+|survey [a-z]+)\)/g, '');
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The problems of a file, each with its place (the file itself is named above the list). */
function ProblemList({ problems, title }: { problems: Problem[]; title: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, PROBLEMS_SHOWN);
  return (
    <div className="problems sipas-problems" role="alert" data-testid="sipas-problems">
      <strong>{title}</strong>
      <ul className={all ? 'sipas-problems-all' : undefined}>
        {shown.map((p, i) => {
          const where = describeLocation({ ...p, file: undefined });
          return (
            <li key={i}>
              {where && <span className="sipas-where">{capitalised(where)}: </span>}
              {where ? forScreen(p.message) : capitalised(forScreen(p.message))}
            </li>
          );
        })}
      </ul>
      {problems.length > PROBLEMS_SHOWN && (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all ? 'Thu gọn' : `Xem tất cả ${formatNumber(problems.length)} lỗi`}
        </button>
      )}
    </div>
  );
}

export interface ImportPanelProps {
  year: number;
  definition: SurveyDefinition;
  imports: SurveyImportRecord[];
  profiles: MappingProfile[];
  setMessage(message: Message | null): void;
  /** after an import, a removal or a saved profile: the screen reloads the year */
  onChanged(): void;
}

export function ImportPanel({ year, definition, imports, profiles, setMessage, onChanged }: ImportPanelProps) {
  const [file, setFile] = useState<string | null>(null);
  const [savedProfile, setSavedProfile] = useState('');
  const [draft, setDraft] = useState<MappingProfile | null>(null);
  const [fixedUnit, setFixedUnit] = useState('');
  const [unitSource, setUnitSource] = useState<'column' | 'fixed'>('column');
  const [preview, setPreview] = useState<SurveyImportPreview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [report, setReport] = useState<SurveyImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [profileName, setProfileName] = useState('');
  const [units, setUnits] = useState<Unit[]>([]);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    call('units:list', {}).then(
      (r) => setUnits(r.units),
      (e) => setMessage({ kind: 'error', text: messageOf(e) }),
    );
  }, []);

  const request = useMemo(
    () =>
      file
        ? {
            year,
            file,
            profile: draft ?? (savedProfile || null),
            unitCode: unitSource === 'fixed' && fixedUnit ? fixedUnit : null,
          }
        : null,
    [year, file, draft, savedProfile, unitSource, fixedUnit],
  );

  useEffect(() => {
    if (!request) return;
    let current = true;
    setBusy(true);
    call('survey:preview', request).then(
      (p) => {
        if (!current) return;
        setPreview(p);
        setRefusal(null);
      },
      (e) => {
        if (!current) return;
        setPreview(null);
        setRefusal(refusalOf(e));
      },
    ).finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [request]);

  const start = (picked: string) => {
    setFile(picked);
    setReport(null);
    setPreview(null);
    setRefusal(null);
    setMessage(null);
  };

  const pick = async () => {
    try {
      const r = await call('survey:pickFile', {});
      if (!r.cancelled) start(r.value.file);
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = [...event.dataTransfer.files].map((f) => window.appFiles?.pathOf(f) ?? '').filter(Boolean);
    if (dropped.length !== 1) {
      setMessage({ kind: 'warning', text: 'Hãy thả một tệp khảo sát (.xlsx hoặc .csv) mỗi lần, hoặc dùng nút "Chọn tệp khảo sát…".' });
      return;
    }
    start(dropped[0]);
  };

  const cancel = () => {
    setFile(null);
    setPreview(null);
    setRefusal(null);
  };

  const base = () => draft ?? profiles.find((p) => p.name === savedProfile) ?? emptyProfile();

  const chooseProfile = (name: string) => {
    setSavedProfile(name);
    setDraft(null);
    setProfileName(name);
  };

  const saveProfile = async () => {
    const name = profileName.trim();
    if (!name) {
      setMessage({ kind: 'error', text: 'Hãy đặt tên cho hồ sơ ánh xạ trước khi lưu, ví dụ "Google Forms SIPAS".' });
      return;
    }
    try {
      await call('survey:saveProfile', { profile: { ...base(), name } });
      setSavedProfile(name);
      setDraft(null);
      onChanged();
      setMessage({ kind: 'info', text: `Đã lưu hồ sơ ánh xạ "${name}"; lần sau chọn hồ sơ này để nhập tệp cùng mẫu.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const deleteProfile = async () => {
    const name = savedProfile;
    try {
      await call('survey:deleteProfile', { name });
      chooseProfile('');
      onChanged();
      setMessage({ kind: 'info', text: `Đã xóa hồ sơ ánh xạ "${name}"; các tệp đã nhập bằng hồ sơ này vẫn giữ nguyên.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const runImport = async () => {
    if (!request) return;
    setBusy(true);
    try {
      const r = await call('survey:import', request);
      setReport(r);
      setFile(null);
      setPreview(null);
      setRefusal(null);
      setMessage({
        kind: 'info',
        text:
          `Đã nhập tệp ${r.fileName}: ${formatNumber(r.validForms)} phiếu hợp lệ, ${formatNumber(r.invalidForms)} phiếu bị loại.` +
          (r.pointsUpdated ? ` Đã cập nhật điểm khảo sát của các tiêu chí liên kết (${formatNumber(r.pointsUpdated)} thay đổi).` : ''),
      });
      onChanged();
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  const removeImport = async (record: SurveyImportRecord) => {
    setConfirmDelete(null);
    try {
      const r = await call('survey:deleteImport', { importId: record.id });
      setMessage({
        kind: 'info',
        text:
          `Đã xóa lần nhập tệp ${record.fileName} (${formatNumber(record.formCount)} phiếu).` +
          (r.pointsUpdated ? ` Đã cập nhật điểm khảo sát (${formatNumber(r.pointsUpdated)} thay đổi).` : ''),
      });
      onChanged();
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const downloadTemplate = async () => {
    try {
      const r = await call('survey:template', { year });
      if (!r.cancelled) {
        setMessage({
          kind: 'info',
          text: `Đã lưu phiếu nhập mẫu năm ${year} (${formatNumber(r.value.items)} câu hỏi, danh sách ${formatNumber(r.value.units)} đơn vị) vào tệp ${r.value.file}.`,
        });
      }
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  return (
    <div className="sipas-import">
      <section className="card">
        <h3>Nhập tệp phiếu khảo sát năm {year}</h3>
        <div
          className={`dropzone sipas-dropzone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>
            Kéo và thả một tệp vào đây: phiếu nhập của PAR Workbench (.xlsx, .csv), tệp xuất từ Google Forms, KoboToolbox/ODK hoặc
            LimeSurvey.
          </p>
          <div className="toolbar sipas-center">
            <button type="button" className="primary" disabled={busy} onClick={pick}>
              Chọn tệp khảo sát…
            </button>
            <button type="button" onClick={downloadTemplate}>
              Tải phiếu nhập mẫu (Excel)…
            </button>
          </div>
        </div>
        {file && (
          <MappingStep
            file={file}
            definition={definition}
            profiles={profiles}
            savedProfile={savedProfile}
            draft={draft}
            profile={draft ?? profiles.find((p) => p.name === savedProfile) ?? null}
            profileName={profileName}
            setProfileName={setProfileName}
            chooseProfile={chooseProfile}
            saveProfile={saveProfile}
            deleteProfile={deleteProfile}
            onColumn={(header, key) => setDraft(withColumnUse(base(), header, useOfKey(key)))}
            onLabel={(label, code) => setDraft(withLabel(base(), label, code))}
            unitSource={unitSource}
            setUnitSource={setUnitSource}
            fixedUnit={fixedUnit}
            setFixedUnit={setFixedUnit}
            units={units}
            preview={preview}
            refusal={refusal}
            busy={busy}
            onImport={runImport}
            onCancel={cancel}
          />
        )}
      </section>
      {report && <ImportReport report={report} />}
      <section className="card" data-testid="sipas-imports">
        <h3>Các tệp đã nhập năm {year}</h3>
        {imports.length === 0 ? (
          <p className="muted">Chưa nhập tệp khảo sát nào cho năm {year}.</p>
        ) : (
          <table className="table sipas-table">
            <thead>
              <tr>
                <th className="num">Số</th>
                <th>Tệp</th>
                <th>Dạng tệp</th>
                <th>Hồ sơ ánh xạ</th>
                <th className="num">Số phiếu</th>
                <th>Nhập lúc</th>
                <th>Người nhập</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {imports.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.id}</td>
                  <td className="sipas-file">{r.fileName}</td>
                  <td>{FORMAT_NAMES[r.format as SurveyFileFormat] ?? r.format}</td>
                  <td>{r.profile ?? '—'}</td>
                  <td className="num">{formatNumber(r.formCount)}</td>
                  <td>{formatDateTime(r.importedAt)}</td>
                  <td>{r.actor}</td>
                  <td className="sipas-actions">
                    {confirmDelete === r.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => removeImport(r)}>
                          Xác nhận xóa
                        </button>
                        <button type="button" onClick={() => setConfirmDelete(null)}>
                          Hủy
                        </button>
                      </>
                    ) : (
                      <button type="button" className="danger" aria-label={`Xóa lần nhập ${r.fileName}`} onClick={() => setConfirmDelete(r.id)}>
                        Xóa
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

interface MappingStepProps {
  file: string;
  definition: SurveyDefinition;
  profiles: MappingProfile[];
  savedProfile: string;
  draft: MappingProfile | null;
  /** the profile the preview was read with: the draft, the saved one chosen, or none */
  profile: MappingProfile | null;
  profileName: string;
  setProfileName(name: string): void;
  chooseProfile(name: string): void;
  saveProfile(): void;
  deleteProfile(): void;
  onColumn(header: string, key: string): void;
  onLabel(label: string, code: number | null): void;
  unitSource: 'column' | 'fixed';
  setUnitSource(source: 'column' | 'fixed'): void;
  fixedUnit: string;
  setFixedUnit(code: string): void;
  units: Unit[];
  preview: SurveyImportPreview | null;
  refusal: Refusal | null;
  busy: boolean;
  onImport(): void;
  onCancel(): void;
}

function MappingStep(props: MappingStepProps) {
  const { file, definition, preview, refusal, busy, draft, profile } = props;
  const columns = preview ? fileColumns(preview, profile) : [];
  const labels = preview ? answerLabels(preview, profile) : [];
  const itemsMatched = preview?.mapping.items.length ?? 0;
  const canImport = !busy && preview !== null && preview.problems.length === 0 && (props.unitSource === 'column' || props.fixedUnit !== '');
  return (
    <div className="sipas-mapping" data-testid="sipas-mapping">
      <div className="sipas-file-line">
        <strong>{baseName(file)}</strong>
        {preview && <span className="badge sipas-format">{preview.formatName}</span>}
        {busy && <span className="muted">Đang đọc tệp…</span>}
      </div>

      <div className="form-row sipas-options">
        <label>
          Hồ sơ ánh xạ
          <select value={props.savedProfile} onChange={(e) => props.chooseProfile(e.target.value)} aria-label="Hồ sơ ánh xạ">
            <option value="">Tự nhận cột theo mã và nội dung câu hỏi</option>
            {props.profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {props.savedProfile && (
          <button type="button" className="danger sipas-profile-delete" onClick={props.deleteProfile}>
            Xóa hồ sơ này
          </button>
        )}
        <fieldset className="sipas-unit-source">
          <legend>Đơn vị của phiếu</legend>
          <label>
            <input type="radio" name="unit-source" checked={props.unitSource === 'column'} onChange={() => props.setUnitSource('column')} />
            Theo cột đơn vị trong tệp
          </label>
          <label>
            <input type="radio" name="unit-source" checked={props.unitSource === 'fixed'} onChange={() => props.setUnitSource('fixed')} />
            Một đơn vị cho cả tệp
          </label>
          {props.unitSource === 'fixed' && (
            <select value={props.fixedUnit} onChange={(e) => props.setFixedUnit(e.target.value)} aria-label="Chọn đơn vị của cả tệp">
              <option value="">— Chọn đơn vị —</option>
              {props.units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name} ({u.code})
                </option>
              ))}
            </select>
          )}
        </fieldset>
      </div>

      {preview && (
        <p className="sipas-summary" data-testid="sipas-preview-summary">
          {formatNumber(preview.forms)} phiếu đọc được: <strong>{formatNumber(preview.validForms)} hợp lệ</strong>,{' '}
          {formatNumber(preview.invalidForms)} không hợp lệ (trả lời quá ít câu hỏi theo cách tính của năm, sẽ bị loại); {itemsMatched}/
          {definition.items.length} câu hỏi có cột trong tệp.
        </p>
      )}
      <div className="toolbar sipas-import-actions">
        <button type="button" className="primary" disabled={!canImport} onClick={props.onImport}>
          Nhập tệp
        </button>
        <button type="button" onClick={props.onCancel}>
          Hủy
        </button>
        {preview && preview.problems.length > 0 && (
          <span className="muted">Sửa hết các lỗi dưới đây (trong tệp hoặc trong ánh xạ) để nhập; tệp được nhập trọn vẹn hoặc không nhập gì.</span>
        )}
      </div>

      {refusal && <ProblemList title={refusal.problems.length > 1 ? 'Không đọc được tệp:' : 'Không nhập được tệp:'} problems={refusal.problems.length ? refusal.problems : [{ message: refusal.message }]} />}

      {preview && (
        <>
          {preview.problems.length > 0 && (
            <ProblemList title={`Chưa nhập được: ${formatNumber(preview.problems.length)} lỗi.`} problems={preview.problems} />
          )}
          <div className="sipas-mapping-body">
            <div className="sipas-columns">
              <h4>Cột của tệp → câu hỏi</h4>
              <div className="sipas-scroll">
                <table className="table sipas-table" data-testid="sipas-columns">
                  <thead>
                    <tr>
                      <th>Cột trong tệp</th>
                      <th>Dùng làm</th>
                      <th>Cách nhận</th>
                    </tr>
                  </thead>
                  <tbody>
                    {columns.map((c) => (
                      <tr key={c.header} className={c.use.kind === 'ignore' ? 'sipas-ignored' : undefined}>
                        <td className="sipas-header-cell">{c.header}</td>
                        <td>
                          <select value={useKey(c.use)} onChange={(e) => props.onColumn(c.header, e.target.value)} aria-label={`Cột "${c.header}"`} className="sipas-use">
                            <option value="ignore">— Không dùng —</option>
                            <option value="unit">Đơn vị của phiếu</option>
                            <option value="form">Mã phiếu</option>
                            {definition.factors.map((f) => (
                              <optgroup key={f.code} label={`${f.code}. ${f.name}`}>
                                {definition.items
                                  .filter((i) => i.factorCode === f.code)
                                  .map((i) => (
                                    <option key={i.code} value={`item:${i.code}`}>
                                      {i.code} {i.title}
                                    </option>
                                  ))}
                              </optgroup>
                            ))}
                          </select>
                        </td>
                        <td className="muted">{FOUND_BY[c.foundBy]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            <div className="sipas-side">
              {labels.length > 0 && (
                <div data-testid="sipas-labels">
                  <h4>Câu trả lời ngoài thang đo → mã</h4>
                  <table className="table sipas-table">
                    <tbody>
                      {labels.map(({ label, headers }) => (
                        <tr key={label}>
                          <td>
                            <strong>"{label}"</strong>
                            <div className="muted small-text">{headers.length ? `chưa đọc được, ở ${formatNumber(headers.length)} cột` : 'theo hồ sơ ánh xạ'}</div>
                          </td>
                          <td>
                            <select
                              value={profile && label in profile.labels ? String(profile.labels[label]) : ''}
                              onChange={(e) => props.onLabel(label, e.target.value === 'null' ? null : Number(e.target.value))}
                              aria-label={`Câu trả lời "${label}"`}
                            >
                              <option value="">— Chọn mã —</option>
                              {definition.scaleLabels.map((s) => (
                                <option key={s.code} value={s.code}>
                                  {s.code} – {s.label}
                                </option>
                              ))}
                              <option value="null">Không trả lời</option>
                            </select>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {preview.mapping.missingItems.length > 0 && (
                <div className="notice small-text">
                  Câu hỏi không có cột trong tệp ({preview.mapping.missingItems.length}): {preview.mapping.missingItems.join(', ')}. Phiếu chỉ được
                  tính trên các câu hỏi có trong tệp.
                </div>
              )}
              {preview.units.length > 0 && (
                <div>
                  <h4>Số phiếu theo đơn vị ({formatNumber(preview.units.length)})</h4>
                  <div className="sipas-scroll sipas-scroll-short">
                    <table className="table sipas-table" data-testid="sipas-preview-units">
                      <thead>
                        <tr>
                          <th>Đơn vị</th>
                          <th className="num">Phiếu</th>
                          <th className="num">Hợp lệ</th>
                        </tr>
                      </thead>
                      <tbody>
                        {preview.units.map((u) => (
                          <tr key={u.code}>
                            <td>{u.name}</td>
                            <td className="num">{formatNumber(u.forms)}</td>
                            <td className="num">{formatNumber(u.validForms)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              )}
              <div className="sipas-profile-save">
                <h4>Lưu ánh xạ để dùng lại</h4>
                <div className="toolbar">
                  <input value={props.profileName} onChange={(e) => props.setProfileName(e.target.value)} placeholder="Tên hồ sơ ánh xạ" aria-label="Tên hồ sơ ánh xạ" />
                  <button type="button" onClick={props.saveProfile}>
                    Lưu hồ sơ ánh xạ
                  </button>
                </div>
                {draft && <p className="muted small-text">Ánh xạ đã sửa, chưa lưu thành hồ sơ.</p>}
              </div>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function ImportReport({ report }: { report: SurveyImportReport }) {
  return (
    <section className="card" data-testid="sipas-report">
      <h3>
        Kết quả nhập tệp {report.fileName} <span className="muted">(lần nhập số {report.importId})</span>
      </h3>
      <dl className="stats sipas-stats">
        <div>
          <dt>Phiếu trong tệp</dt>
          <dd>{formatNumber(report.forms)}</dd>
        </div>
        <div>
          <dt>Phiếu hợp lệ</dt>
          <dd>{formatNumber(report.validForms)}</dd>
        </div>
        <div>
          <dt>Phiếu bị loại (trả lời quá ít câu hỏi)</dt>
          <dd className={report.invalidForms ? 'warn' : undefined}>{formatNumber(report.invalidForms)}</dd>
        </div>
        <div>
          <dt>Câu hỏi có cột trong tệp</dt>
          <dd>{formatNumber(report.mapping.items.length)}</dd>
        </div>
      </dl>
      {report.mapping.ignored.length > 0 && <p className="muted small-text">Cột không dùng: {report.mapping.ignored.map((h) => `"${h}"`).join(', ')}.</p>}
      <table className="table sipas-table">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Đơn vị</th>
            <th className="num">Phiếu</th>
            <th className="num">Hợp lệ</th>
            <th className="num">Bị loại</th>
          </tr>
        </thead>
        <tbody>
          {report.units.map((u) => (
            <tr key={u.code}>
              <td>{u.code}</td>
              <td>{u.name}</td>
              <td className="num">{formatNumber(u.forms)}</td>
              <td className="num">{formatNumber(u.validForms)}</td>
              <td className="num">{formatNumber(u.forms - u.validForms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.pointsUpdated > 0 && (
        <p className="small-text">Đã cập nhật điểm khảo sát của các tiêu chí liên kết ({formatNumber(report.pointsUpdated)} thay đổi, có ghi nhật ký).</p>
      )}
    </section>
  );
}

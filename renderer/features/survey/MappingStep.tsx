// The mapping of a survey file: which profile reads it, where the unit of each form comes
// from, what each column holds and what each unread answer means; the preview's summary and
// problems, and the import of the whole file (or nothing).
import { formatNumber } from '../../../shared/format';
import type { SurveyDefinition } from '../../../shared/survey';
import { baseName } from '../../app/paths';
import { ProblemList } from '../../app/ProblemList';
import type { ImportWizard } from './import-hooks';
import { answerLabels, columnUseKey, fileColumns } from './mapping-draft';
import { FOUND_BY } from './model';

export function MappingStep({ wizard, definition }: { wizard: ImportWizard; definition: SurveyDefinition }) {
  const { file, preview, refusal, busy, draft, profile } = wizard;
  const columns = preview ? fileColumns(preview, profile) : [];
  const labels = preview ? answerLabels(preview, profile) : [];
  const itemsMatched = preview?.mapping.items.length ?? 0;
  const canImport = !busy && preview !== null && preview.problems.length === 0 && (wizard.unitSource === 'column' || wizard.fixedUnit !== '');
  return (
    <div className="sipas-mapping" data-testid="sipas-mapping">
      <div className="sipas-file-line">
        <strong>{baseName(file?.file ?? '')}</strong>
        {preview && <span className="badge sipas-format">{preview.formatName}</span>}
        {busy && <span className="muted">Đang đọc tệp…</span>}
      </div>

      <div className="form-row sipas-options">
        <label>
          Hồ sơ ánh xạ
          <select value={wizard.savedProfile} onChange={(e) => wizard.chooseProfile(e.target.value)} aria-label="Hồ sơ ánh xạ">
            <option value="">Tự nhận cột theo mã và nội dung câu hỏi</option>
            {wizard.profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {wizard.savedProfile && (
          <button type="button" className="danger sipas-profile-delete" onClick={wizard.deleteProfile}>
            Xóa hồ sơ này
          </button>
        )}
        <fieldset className="sipas-unit-source">
          <legend>Đơn vị của phiếu</legend>
          <label>
            <input type="radio" name="unit-source" checked={wizard.unitSource === 'column'} onChange={() => wizard.setUnitSource('column')} />
            Theo cột đơn vị trong tệp
          </label>
          <label>
            <input type="radio" name="unit-source" checked={wizard.unitSource === 'fixed'} onChange={() => wizard.setUnitSource('fixed')} />
            Một đơn vị cho cả tệp
          </label>
          {wizard.unitSource === 'fixed' && (
            <select value={wizard.fixedUnit} onChange={(e) => wizard.setFixedUnit(e.target.value)} aria-label="Chọn đơn vị của cả tệp">
              <option value="">— Chọn đơn vị —</option>
              {wizard.units.map((u) => (
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
        <button type="button" className="primary" disabled={!canImport} onClick={wizard.runImport}>
          Nhập tệp
        </button>
        <button type="button" onClick={wizard.cancel}>
          Hủy
        </button>
        {preview && preview.problems.length > 0 && (
          <span className="muted">Sửa hết các lỗi dưới đây (trong tệp hoặc trong ánh xạ) để nhập; tệp được nhập trọn vẹn hoặc không nhập gì.</span>
        )}
      </div>

      {refusal && (
        <ProblemList
          title={refusal.problems.length > 1 ? 'Không đọc được tệp:' : 'Không nhập được tệp:'}
          problems={refusal.problems.length ? refusal.problems : [{ message: refusal.message }]}
          testId="sipas-problems"
        />
      )}

      {preview && (
        <>
          {preview.problems.length > 0 && (
            <ProblemList title={`Chưa nhập được: ${formatNumber(preview.problems.length)} lỗi.`} problems={preview.problems} testId="sipas-problems" />
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
                          <select value={columnUseKey(c.use)} onChange={(e) => wizard.onColumn(c.header, e.target.value)} aria-label={`Cột "${c.header}"`} className="sipas-use">
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
                              onChange={(e) => wizard.onLabel(label, e.target.value === 'null' ? null : Number(e.target.value))}
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
                  <input value={wizard.profileName} onChange={(e) => wizard.setProfileName(e.target.value)} placeholder="Tên hồ sơ ánh xạ" aria-label="Tên hồ sơ ánh xạ" />
                  <button type="button" onClick={wizard.saveProfile}>
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

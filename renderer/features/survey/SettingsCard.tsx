// The counting rules of a year: satisfied and no-answer codes, the valid-form share, how a
// factor's index is made, and the weights of areas and factors; bad values are refused in
// Vietnamese, each field marked, before anything is saved.
import { Fragment } from 'react';
import { formatNumber } from '../../../shared/format';
import { ProblemList } from '../../app/ProblemList';
import { useSettingsForm, type SettingsContext } from './hooks';
import { sameForm, scaleCodes } from './settings-form';

export function SettingsCard(props: SettingsContext) {
  const { year, locked, definition } = props;
  const settings = useSettingsForm(props);
  if (!settings) return <section className="card sipas-settings muted">Đang tải cách tính…</section>;
  const { form, defaultsForm, saved, refusal, invalid, busy, dirty, update } = settings;
  const codes = scaleCodes(definition);
  const mark = (field: string) => (invalid.has(field) ? 'sipas-invalid' : undefined);
  const toggleSatisfied = (code: number) =>
    update({ satisfied: form.satisfied.includes(code) ? form.satisfied.filter((c) => c !== code) : [...form.satisfied, code].sort((a, b) => a - b) });
  const otherWeights = Object.keys(saved.weights).filter((code) => definition.items.some((i) => i.code === code));

  return (
    <section className="card sipas-settings" data-testid="sipas-settings">
      <h3>Cách tính chỉ số năm {year}</h3>
      <fieldset className="sipas-fieldset" disabled={locked || busy}>
        <legend>Mã câu trả lời tính là hài lòng</legend>
        <div className={`sipas-codes ${mark('satisfied') ?? ''}`}>
          {codes.map((c) => (
            <label key={c.code} className="sipas-code">
              <input type="checkbox" checked={form.satisfied.includes(c.code)} onChange={() => toggleSatisfied(c.code)} aria-label={`Mã ${c.code} tính là hài lòng`} />
              <strong>{c.code}</strong>
              {c.label && <span>{c.label}</span>}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="sipas-fieldset" disabled={locked || busy}>
        <legend>Phiếu và câu trả lời hợp lệ</legend>
        <label className="sipas-field">
          <span>Mã coi là không trả lời (ngoài ô trống)</span>
          <input className={mark('noAnswer')} value={form.noAnswer} onChange={(e) => update({ noAnswer: e.target.value })} placeholder="ví dụ 0, 9" aria-label="Mã coi là không trả lời" />
        </label>
        <label className="sipas-field">
          <span>Phiếu hợp lệ khi trả lời ít nhất</span>
          <span className="sipas-inline">
            <input
              className={`sipas-number ${mark('minShare') ?? ''}`}
              value={form.minShare}
              onChange={(e) => update({ minShare: e.target.value })}
              aria-label="Tỷ lệ câu hỏi phải trả lời (%)"
            />
            % số câu hỏi của phiếu
          </span>
          <span className="muted small-text">Phiếu trả lời ít hơn bị loại cả phiếu.</span>
        </label>
      </fieldset>

      <fieldset className="sipas-fieldset" disabled={locked || busy}>
        <legend>Chỉ số của yếu tố</legend>
        <label className="sipas-radio">
          <input type="radio" name="factor-mode" checked={form.factorMode === 'items'} onChange={() => update({ factorMode: 'items' })} />
          <span>
            Trung bình chỉ số các câu hỏi <span className="muted small-text">(mặc định)</span>
          </span>
        </label>
        <label className="sipas-radio">
          <input type="radio" name="factor-mode" checked={form.factorMode === 'pooled'} onChange={() => update({ factorMode: 'pooled' })} />
          <span>Gộp mọi câu trả lời của yếu tố (tỷ lệ câu trả lời hài lòng trên tổng số câu trả lời)</span>
        </label>
      </fieldset>

      <fieldset className="sipas-fieldset" disabled={locked || busy}>
        <legend>Trọng số</legend>
        <p className="muted small-text sipas-help">Lĩnh vực: trong chỉ số chung; yếu tố: trong lĩnh vực của nó. Bằng 1 là như nhau.</p>
        <table className="table sipas-table sipas-weights" data-testid="sipas-weights">
          <tbody>
            {definition.areas.map((a) => (
              <Fragment key={a.code}>
                <tr className="sipas-tree-area">
                  <td>
                    {a.code}. {a.name}
                  </td>
                  <td className="num">
                    <input
                      className={`sipas-number ${mark(`weight:${a.code}`) ?? ''}`}
                      value={form.weights[a.code] ?? ''}
                      onChange={(e) => update({ weights: { ...form.weights, [a.code]: e.target.value } })}
                      aria-label={`Trọng số lĩnh vực ${a.code}`}
                    />
                  </td>
                </tr>
                {definition.factors
                  .filter((f) => f.areaCode === a.code)
                  .map((f) => (
                    <tr key={f.code}>
                      <td className="sipas-weight-factor">
                        {f.code}. {f.name}
                      </td>
                      <td className="num">
                        <input
                          className={`sipas-number ${mark(`weight:${f.code}`) ?? ''}`}
                          value={form.weights[f.code] ?? ''}
                          onChange={(e) => update({ weights: { ...form.weights, [f.code]: e.target.value } })}
                          aria-label={`Trọng số yếu tố ${f.code}`}
                        />
                      </td>
                    </tr>
                  ))}
              </Fragment>
            ))}
          </tbody>
        </table>
        {otherWeights.length > 0 && (
          <p className="muted small-text sipas-help">
            {formatNumber(otherWeights.length)} câu hỏi có trọng số riêng trong yếu tố ({otherWeights.join(', ')}); được giữ nguyên.
          </p>
        )}
      </fieldset>

      {refusal && <ProblemList {...refusal} testId="sipas-settings-problems" reveal />}
      {!locked && (
        <div className="toolbar sipas-settings-actions">
          <button type="button" className="primary" disabled={busy || !dirty} onClick={settings.save}>
            Lưu và tính lại
          </button>
          <button
            type="button"
            disabled={busy || !dirty}
            onClick={settings.undo}
          >
            Hoàn tác
          </button>
          <button type="button" disabled={busy || sameForm(form, defaultsForm)} onClick={() => update(defaultsForm)}>
            Điền cách tính mặc định
          </button>
          {dirty && <span className="muted small-text">Có thay đổi chưa lưu.</span>}
        </div>
      )}
    </section>
  );
}

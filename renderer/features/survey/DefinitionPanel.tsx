// "Bộ câu hỏi và cách tính": the year's questionnaire (areas → factors → items, the built-in
// model of its period or its own), out to Excel and back, or back to the built-in one; and the
// counting rules (satisfied and no-answer codes, factor mode, valid-form rule, weights), whose
// saving recomputes the indices. A published year is shown read-only.
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { describeLocation, type Problem } from '../../../shared/errors';
import { formatNumber, formatPercent } from '../../../shared/format';
import { builtinDefinition, type SurveyDefinition, type SurveySettings } from '../../../shared/survey';
import { AppFailure, call, messageOf } from '../../app/api';
import type { Message } from '../../app/MessageBar';
import { fromForm, sameForm, scaleCodes, toForm, type FormProblem, type SettingsForm } from './settings-form';

const BUILTIN_NAMES: Record<'sipas2017' | 'sipas2022', string> = {
  sipas2017: 'bộ câu hỏi SIPAS 2017–2021 (5 yếu tố dịch vụ hành chính công)',
  sipas2022: 'bộ câu hỏi SIPAS từ 2022 (dịch vụ hành chính công và chính sách)',
};

function builtinName(year: number): string {
  const model = builtinDefinition(year).model;
  return model === 'custom' ? 'bộ câu hỏi mặc định' : BUILTIN_NAMES[model];
}

export interface DefinitionPanelProps {
  year: number;
  locked: boolean;
  ownDefinition: boolean;
  definition: SurveyDefinition;
  hasForms: boolean;
  /** survey leaves take points from the indices: saving updates them */
  hasLinks: boolean;
  provinceIndex: number | null;
  setMessage(message: Message | null): void;
  /** after a change of questionnaire or rules: the screen reloads the year */
  onChanged(): void;
}

interface Refusal {
  title: string;
  problems: Problem[];
}

function refusalOf(title: string, error: unknown): Refusal {
  if (error instanceof AppFailure && error.failure.problems.length) return { title, problems: error.failure.problems as Problem[] };
  return { title, problems: [{ message: messageOf(error) }] };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

function RefusalBox({ refusal, testId }: { refusal: Refusal; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal]);
  return (
    <div className="problems sipas-problems" role="alert" data-testid={testId} ref={box}>
      <strong>{refusal.title}</strong>
      <ul>
        {refusal.problems.map((p, i) => {
          const where = describeLocation({ ...p, file: undefined });
          return (
            <li key={i}>
              {where && <span className="sipas-where">{capitalised(where)}: </span>}
              {where ? p.message : capitalised(p.message)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function DefinitionPanel(props: DefinitionPanelProps) {
  return (
    <div className="sipas-definition">
      {props.locked && (
        <p className="notice" data-testid="sipas-definition-locked">
          Năm {props.year} đã công bố (khóa): bộ câu hỏi và cách tính chỉ để xem, không sửa được.
        </p>
      )}
      <div className="sipas-definition-body">
        <Questionnaire {...props} />
        <SettingsCard {...props} />
      </div>
    </div>
  );
}

function Questionnaire({ year, locked, ownDefinition, definition, hasForms, setMessage, onChanged }: DefinitionPanelProps) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setRefusal(null);
    setConfirmReset(false);
  }, [year]);

  const toggle = (code: string) =>
    setClosed((c) => {
      const next = new Set(c);
      if (!next.delete(code)) next.add(code);
      return next;
    });

  const exportDefinition = async () => {
    try {
      const r = await call('survey:exportDefinition', { year });
      if (!r.cancelled) {
        setMessage({
          kind: 'info',
          text: `Đã xuất bộ câu hỏi năm ${year} (${formatNumber(r.value.items)} câu hỏi) ra tệp ${r.value.file}. Sửa trong Excel rồi bấm "Nhập từ Excel…" để dùng.`,
        });
      }
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const importDefinition = async () => {
    setBusy(true);
    setRefusal(null);
    setMessage(null);
    try {
      const r = await call('survey:importDefinition', { year });
      if (r.cancelled) return;
      const d = r.value.definition;
      const dropped = r.value.droppedItemCodes;
      setMessage({
        kind: dropped.length ? 'warning' : 'info',
        text:
          `Đã nhập bộ câu hỏi năm ${year} từ tệp ${baseName(r.value.file)}: ${formatNumber(d.areas.length)} lĩnh vực, ` +
          `${formatNumber(d.factors.length)} yếu tố, ${formatNumber(d.items.length)} câu hỏi.` +
          (hasForms ? ' Chỉ số hài lòng đã được tính lại theo bộ câu hỏi mới.' : '') +
          (dropped.length ? ` Câu trả lời của ${formatNumber(dropped.length)} câu hỏi trong các tệp đã nhập không còn được tính: ${dropped.join(', ')}.` : ''),
      });
      onChanged();
    } catch (e) {
      const file = e instanceof AppFailure ? (e.failure.problems.find((p) => typeof p.file === 'string')?.file as string | undefined) : undefined;
      setRefusal(refusalOf(`Không nhập được bộ câu hỏi${file ? ` từ tệp ${file}` : ''}; bộ câu hỏi của năm vẫn giữ nguyên:`, e));
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setConfirmReset(false);
    try {
      const r = await call('survey:resetDefinition', { year });
      setRefusal(null);
      setMessage({
        kind: 'info',
        text: `Năm ${year} đã dùng lại ${builtinName(year)}: ${formatNumber(r.definition.items.length)} câu hỏi.` + (hasForms ? ' Chỉ số hài lòng đã được tính lại.' : ''),
      });
      onChanged();
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    }
  };

  const itemsOf = (factorCode: string) => definition.items.filter((i) => i.factorCode === factorCode);
  const scale = (min: number, max: number) => `${min}–${max}`;
  return (
    <section className="card sipas-questionnaire" data-testid="sipas-questionnaire">
      <div className="sipas-card-head">
        <h3>Bộ câu hỏi khảo sát năm {year}</h3>
        <span className={`badge ${ownDefinition ? 'sipas-own' : 'sipas-builtin'}`} data-testid="sipas-definition-kind">
          {ownDefinition ? 'Bộ câu hỏi riêng của năm' : 'Bộ câu hỏi mặc định'}
        </span>
      </div>
      <p className="muted small-text sipas-definition-note">
        {ownDefinition
          ? `Năm ${year} dùng bộ câu hỏi riêng (nhập từ Excel) thay cho ${builtinName(year)}.`
          : `Năm ${year} dùng ${builtinName(year)} của giai đoạn.`}{' '}
        {formatNumber(definition.areas.length)} lĩnh vực, {formatNumber(definition.factors.length)} yếu tố, {formatNumber(definition.items.length)} câu hỏi.
        Thang đo: {definition.scaleLabels.map((s) => `${s.code} ${s.label}`).join(' · ')}.
      </p>
      <div className="toolbar sipas-definition-actions">
        <button type="button" onClick={exportDefinition}>
          Xuất ra Excel…
        </button>
        <button type="button" disabled={locked || busy} onClick={importDefinition}>
          Nhập từ Excel…
        </button>
        <button
          type="button"
          disabled={locked || !ownDefinition || confirmReset}
          title={ownDefinition ? undefined : `Năm ${year} đang dùng bộ câu hỏi mặc định.`}
          onClick={() => setConfirmReset(true)}
        >
          Dùng lại bộ câu hỏi mặc định
        </button>
      </div>
      {confirmReset && (
        <div className="notice sipas-confirm" role="alertdialog" aria-label="Xác nhận dùng lại bộ câu hỏi mặc định">
          <p>
            Năm {year} sẽ bỏ bộ câu hỏi riêng và dùng lại {builtinName(year)}.
            {hasForms && ' Các phiếu đã nhập được tính lại theo bộ câu hỏi này; câu trả lời của câu hỏi không có trong bộ mặc định sẽ không được tính.'}
          </p>
          <div className="toolbar">
            <button type="button" className="danger" onClick={reset}>
              Xác nhận dùng lại bộ mặc định
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              Hủy
            </button>
          </div>
        </div>
      )}
      {refusal && <RefusalBox refusal={refusal} testId="sipas-definition-problems" />}
      <div className="sipas-scroll sipas-tree-scroll">
        <table className="table sipas-table sipas-tree" data-testid="sipas-definition-tree">
          <thead>
            <tr>
              <th>Mã</th>
              <th>Nội dung</th>
              <th className="num">Thang đo</th>
            </tr>
          </thead>
          <tbody>
            {definition.areas.map((a) => {
              const factors = definition.factors.filter((f) => f.areaCode === a.code);
              return (
                <Fragment key={a.code}>
                  <tr className="sipas-tree-area" data-code={a.code}>
                    <td>{a.code}</td>
                    <td colSpan={2}>
                      Lĩnh vực: {a.name}{' '}
                      <span className="muted small-text">
                        ({formatNumber(factors.length)} yếu tố, {formatNumber(factors.reduce((s, f) => s + itemsOf(f.code).length, 0))} câu hỏi)
                      </span>
                    </td>
                  </tr>
                  {factors.map((f) => {
                    const open = !closed.has(f.code);
                    const items = itemsOf(f.code);
                    return (
                      <Fragment key={f.code}>
                        <tr className="sipas-tree-factor" data-code={f.code}>
                          <td>
                            <button
                              type="button"
                              className="tree-toggle"
                              aria-expanded={open}
                              aria-label={`${open ? 'Thu gọn' : 'Mở'} yếu tố ${f.code}`}
                              onClick={() => toggle(f.code)}
                            >
                              {open ? '▾' : '▸'}
                            </button>
                            {f.code}
                          </td>
                          <td colSpan={2}>
                            {f.name} <span className="muted small-text">({formatNumber(items.length)} câu hỏi)</span>
                          </td>
                        </tr>
                        {open &&
                          items.map((i) => (
                            <tr key={i.code} className="sipas-tree-item" data-code={i.code}>
                              <td>{i.code}</td>
                              <td>{i.title}</td>
                              <td className="num">{scale(i.scaleMin, i.scaleMax)}</td>
                            </tr>
                          ))}
                      </Fragment>
                    );
                  })}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SettingsCard({ year, locked, definition, hasForms, hasLinks, provinceIndex, setMessage, onChanged }: DefinitionPanelProps) {
  const [saved, setSaved] = useState<SurveySettings | null>(null);
  const [defaults, setDefaults] = useState<SurveySettings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  /** the fields of the form's bad values, marked until the next attempt */
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setInvalid(new Set());
    call('survey:settings', { year }).then(
      (r) => {
        if (!current) return;
        setSaved(r.settings);
        setDefaults(r.defaults);
        setForm(toForm(r.settings, definition));
        setRefusal(null);
      },
      (e) => current && setMessage({ kind: 'error', text: messageOf(e) }),
    );
    return () => {
      current = false;
    };
  }, [year, definition]);

  const codes = useMemo(() => scaleCodes(definition), [definition]);
  if (!form || !saved || !defaults) return <section className="card sipas-settings muted">Đang tải cách tính…</section>;
  const savedForm = toForm(saved, definition);
  const dirty = !sameForm(form, savedForm);
  const update = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch });
  const mark = (field: string) => (invalid.has(field) ? 'sipas-invalid' : undefined);
  const refuse = (problems: FormProblem[] | null, error?: unknown) => {
    setMessage(null);
    setInvalid(new Set(problems?.map((p) => p.field) ?? []));
    setRefusal(problems ? { title: 'Chưa lưu được cách tính:', problems: problems.map((p) => ({ message: p.message })) } : refusalOf('Chưa lưu được cách tính:', error));
  };
  const clearRefusal = () => {
    setRefusal(null);
    setInvalid(new Set());
  };
  const toggleSatisfied = (code: number) =>
    update({ satisfied: form.satisfied.includes(code) ? form.satisfied.filter((c) => c !== code) : [...form.satisfied, code].sort((a, b) => a - b) });
  const otherWeights = Object.keys(saved.weights).filter((code) => definition.items.some((i) => i.code === code));

  const save = async () => {
    const read = fromForm(form, definition, saved);
    if (!read.settings) {
      refuse(read.problems);
      return;
    }
    setBusy(true);
    try {
      const r = await call('survey:saveSettings', { year, settings: read.settings });
      setSaved(r.settings);
      setForm(toForm(r.settings, definition));
      clearRefusal();
      setMessage({
        kind: 'info',
        text:
          `Đã lưu cách tính năm ${year}.` +
          (hasForms ? ` Chỉ số hài lòng toàn tỉnh được tính lại: ${formatPercent(provinceIndex)} → ${formatPercent(r.provinceIndex)}.` : '') +
          (hasForms && hasLinks && !locked ? ' Điểm khảo sát của các tiêu chí đã liên kết được cập nhật theo.' : ''),
      });
      onChanged();
    } catch (e) {
      refuse(null, e);
    } finally {
      setBusy(false);
    }
  };

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

      {refusal && <RefusalBox refusal={refusal} testId="sipas-settings-problems" />}
      {!locked && (
        <div className="toolbar sipas-settings-actions">
          <button type="button" className="primary" disabled={busy || !dirty} onClick={save}>
            Lưu và tính lại
          </button>
          <button
            type="button"
            disabled={busy || !dirty}
            onClick={() => {
              setForm(savedForm);
              clearRefusal();
            }}
          >
            Hoàn tác
          </button>
          <button type="button" disabled={busy || sameForm(form, toForm(defaults, definition))} onClick={() => update(toForm(defaults, definition))}>
            Điền cách tính mặc định
          </button>
          {dirty && <span className="muted small-text">Có thay đổi chưa lưu.</span>}
        </div>
      )}
    </section>
  );
}

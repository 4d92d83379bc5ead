// "Bộ câu hỏi và cách tính": the year's questionnaire (areas → factors → items, the built-in
// model of its period or its own), out to Excel and back, or back to the built-in one; and the
// counting rules (satisfied and no-answer codes, factor mode, valid-form rule, weights), whose
// saving recomputes the indices. A published year is shown read-only.
import { Fragment, useState } from 'react';
import { formatNumber } from '../../../shared/format';
import type { SurveyDefinition } from '../../../shared/survey';
import { ProblemList } from '../../app/ProblemList';
import { useQuestionnaire } from './hooks';
import { builtinName } from './model';
import { SettingsCard } from './SettingsCard';

export interface DefinitionPanelProps {
  year: number;
  locked: boolean;
  ownDefinition: boolean;
  definition: SurveyDefinition;
  hasForms: boolean;
  /** survey leaves take points from the indices: saving updates them */
  hasLinks: boolean;
  provinceIndex: number | null;
  /** after a change of questionnaire or rules: the screen reloads the year */
  onChanged(): void;
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

function Questionnaire({ year, locked, ownDefinition, definition, hasForms, onChanged }: DefinitionPanelProps) {
  const q = useQuestionnaire(year, hasForms, onChanged);
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setClosed((c) => {
      const next = new Set(c);
      if (!next.delete(code)) next.add(code);
      return next;
    });

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
        <button type="button" onClick={q.exportDefinition}>
          Xuất ra Excel…
        </button>
        <button type="button" disabled={locked || q.busy} onClick={q.importDefinition}>
          Nhập từ Excel…
        </button>
        <button
          type="button"
          disabled={locked || !ownDefinition || q.confirmingReset}
          title={ownDefinition ? undefined : `Năm ${year} đang dùng bộ câu hỏi mặc định.`}
          onClick={() => q.confirmReset(true)}
        >
          Dùng lại bộ câu hỏi mặc định
        </button>
      </div>
      {q.confirmingReset && (
        <div className="notice sipas-confirm" role="alertdialog" aria-label="Xác nhận dùng lại bộ câu hỏi mặc định">
          <p>
            Năm {year} sẽ bỏ bộ câu hỏi riêng và dùng lại {builtinName(year)}.
            {hasForms && ' Các phiếu đã nhập được tính lại theo bộ câu hỏi này; câu trả lời của câu hỏi không có trong bộ mặc định sẽ không được tính.'}
          </p>
          <div className="toolbar">
            <button type="button" className="danger" onClick={q.reset}>
              Xác nhận dùng lại bộ mặc định
            </button>
            <button type="button" onClick={() => q.confirmReset(false)}>
              Hủy
            </button>
          </div>
        </div>
      )}
      {q.refusal && <ProblemList {...q.refusal} testId="sipas-definition-problems" reveal />}
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

// One unit of the block: where it stands field by field, where it lost points, and what-if.
import { useState } from 'react';
import type { BlockResult } from '../../../shared/domain';
import { fieldCountsText, fieldPlacesHeight, fieldPlacesOption, largestLosses, selfAboveAppraised } from '../../../shared/compare';
import { rankArrow } from '../../../shared/compare/charts';
import { describeChange, formatDecimal, formatNumber, formatPercent, roundTo } from '../../../shared/format';
import { Chart } from './Chart';
import { Tabs } from '../../app/Tabs';
import { useUnitDetail } from './hooks';
import type { UnitDetail } from './model';
import { WhatIf } from './WhatIf';

type Tab = 'detail' | 'losses' | 'whatif';

const TABS: { key: Tab; label: string }[] = [
  { key: 'detail', label: 'Chi tiết' },
  { key: 'losses', label: 'Điểm bị mất' },
  { key: 'whatif', label: 'Giả định' },
];

interface UnitPanelProps {
  year: number;
  block: BlockResult;
  unitCode: string | null;
  onUnit(code: string | null): void;
  /** scores were saved from the what-if: the block's results are read again */
  onSaved(): void;
}

export function UnitPanel({ year, block, unitCode, onUnit, onSaved }: UnitPanelProps) {
  const { detail, reload } = useUnitDetail(year, unitCode);
  const [tab, setTab] = useState<Tab>('detail');

  return (
    <aside className="unit-panel" aria-label="Đơn vị đang xem" data-testid="unit-panel">
      <select className="unit-picker" aria-label="Đơn vị" value={unitCode ?? ''} onChange={(e) => onUnit(e.target.value || null)}>
        <option value="">Chọn đơn vị…</option>
        {block.units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.rank ? `${u.rank}. ` : ''}
            {u.name}
          </option>
        ))}
      </select>
      {!unitCode && <p className="muted empty-hint">Bấm vào một đơn vị trên biểu đồ, hoặc chọn ở trên, để xem kết quả từng lĩnh vực, các tiêu chí bị mất điểm và thử điểm giả định.</p>}
      {unitCode && !detail && <p className="muted">Đang tải…</p>}
      {detail && (
        <>
          <UnitHeading detail={detail} ranked={block.units.filter((u) => u.ranked).length} />
          <Tabs<Tab> label="Nội dung đơn vị" className="segmented panel-tabs" items={TABS} value={tab} onChange={setTab} />
          {tab === 'detail' && <FieldTable detail={detail} />}
          {tab === 'losses' && <UnitLosses detail={detail} />}
          {tab === 'whatif' && (
            <WhatIf
              key={detail.unit.code}
              year={year}
              detail={detail}
              onSaved={() => {
                reload();
                onSaved();
              }}
            />
          )}
        </>
      )}
    </aside>
  );
}

function UnitHeading({ detail, ranked }: { detail: UnitDetail; ranked: number }) {
  const { unit } = detail;
  const change = describeChange(unit.deltaIndex, unit.deltaRank);
  return (
    <div className="unit-heading">
      <h3 data-testid="unit-name">{unit.name}</h3>
      <dl className="unit-stats">
        <div>
          <dt>Chỉ số</dt>
          <dd data-testid="unit-index">{formatPercent(unit.index)}</dd>
        </div>
        <div>
          <dt>Xếp hạng</dt>
          <dd data-testid="unit-rank">{unit.rank ? `${unit.rank}/${ranked}` : unit.ranked ? '—' : 'Không xếp hạng'}</dd>
        </div>
        <div>
          <dt>Xếp loại</dt>
          <dd>{unit.band ?? '—'}</dd>
        </div>
        <div>
          <dt>Tổng điểm</dt>
          <dd>
            {formatDecimal(unit.total, 2)} <span className="muted">/ {formatNumber(unit.max)}</span>
          </dd>
        </div>
      </dl>
      <p className="small-text">
        {unit.previous ? (
          <>
            Năm {unit.previous.year}: {formatPercent(unit.previous.index)}
            {unit.previous.rank ? `, hạng ${unit.previous.rank}` : ''}
            {change && <span className={(unit.deltaRank ?? unit.deltaIndex ?? 0) >= 0 ? ' up' : ' down'}> · {change}</span>}
          </>
        ) : (
          <span className="muted">Chưa có kết quả năm trước.</span>
        )}
        {unit.provisional && <span className="badge badge-provisional">Tạm tính</span>}
      </p>
    </div>
  );
}

/** "+1,25% ↑2", "−0,5% =": a field's change in points and places, short for the side panel. */
function shortChange(deltaIndex: number | null, deltaRank: number | null): string {
  const shown = deltaIndex === null ? null : roundTo(deltaIndex, 2);
  const points = shown === null ? '' : `${shown > 0 ? '+' : shown < 0 ? '−' : '±'}${formatNumber(Math.abs(shown))}%`;
  return [points, rankArrow(deltaRank)].filter(Boolean).join(' ');
}

function FieldTable({ detail }: { detail: UnitDetail }) {
  const averages = new Map(detail.fieldAverages.map((f) => [f.code, f.average]));
  const { unit } = detail;
  const counts = fieldCountsText(unit);
  const withPlaces = unit.fields.some((f) => f.deltaRank !== null);
  return (
    <>
      <table className="table compact-table" data-testid="unit-fields">
        <thead>
          <tr>
            <th>Lĩnh vực</th>
            <th className="num">Điểm</th>
            <th className="num">Chỉ số</th>
            <th className="num" title="Bình quân khối: chỉ số trung bình của các đơn vị trong khối">BQ khối</th>
            <th className="num">Hạng</th>
            <th className="num" title="Thay đổi chỉ số và thứ hạng so với năm trước">Thay đổi</th>
          </tr>
        </thead>
        <tbody>
          {unit.fields.map((f) => {
            const avg = averages.get(f.code) ?? null;
            const diff = f.index !== null && avg !== null ? f.index - avg : null;
            const trend = f.deltaRank ?? f.deltaIndex;
            return (
              <tr key={f.code}>
                <td title={f.title} className="field-title">
                  <span className="code">{f.code}</span> {f.title}
                </td>
                <td className="num nowrap">
                  {formatNumber(f.score)}/{formatNumber(f.max)}
                </td>
                <td className={`num${diff === null ? '' : diff < -0.005 ? ' down' : ' up'}`}>{formatPercent(f.index, 1)}</td>
                <td className="num muted">{formatPercent(avg, 1)}</td>
                <td className="num" data-testid={`field-rank-${f.code}`}>
                  {f.rank ?? '—'}
                </td>
                <td
                  className={`num nowrap small-text${trend === null ? ' muted' : trend > 0 ? ' up' : trend < 0 ? ' down' : ''}`}
                  title={f.previous ? `Năm trước: ${formatPercent(f.previous.index)}${f.previous.rank ? `, hạng ${f.previous.rank}` : ''}` : undefined}
                >
                  {f.previous ? shortChange(f.deltaIndex, f.deltaRank) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {counts && (
        <p className="small-text" data-testid="unit-field-counts">
          So với năm {unit.previous?.year ?? 'trước'}: {counts}.
        </p>
      )}
      {withPlaces && (
        <Chart
          option={fieldPlacesOption(unit)}
          height={fieldPlacesHeight(unit.fields.length)}
          fileName={`bac-linh-vuc-${unit.code}`}
          label="Biểu đồ số bậc tăng, giảm của từng lĩnh vực"
        />
      )}
    </>
  );
}

function UnitLosses({ detail }: { detail: UnitDetail }) {
  const largest = largestLosses(detail.losses, 10);
  const above = selfAboveAppraised(detail.losses);
  return (
    <div className="unit-losses">
      <h4>Tiêu chí thành phần bị mất nhiều điểm nhất</h4>
      {largest.length === 0 ? (
        <p className="muted">Đơn vị đạt điểm tối đa ở mọi tiêu chí.</p>
      ) : (
        <table className="table compact-table" data-testid="unit-largest-losses">
          <thead>
            <tr>
              <th>Tiêu chí</th>
              <th className="num">Đạt</th>
              <th className="num">Mất</th>
            </tr>
          </thead>
          <tbody>
            {largest.map((l) => (
              <tr key={l.code}>
                <td>
                  <span className="code">{l.code}</span> {l.title}
                </td>
                <td className="num nowrap">
                  {formatNumber(l.score)}/{formatNumber(l.max)}
                </td>
                <td className="num down">{formatNumber(l.lost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Tự chấm cao hơn điểm thẩm định</h4>
      {above.length === 0 ? (
        <p className="muted">Không có tiêu chí nào đơn vị tự chấm cao hơn điểm thẩm định.</p>
      ) : (
        <table className="table compact-table" data-testid="unit-self-above">
          <thead>
            <tr>
              <th>Tiêu chí</th>
              <th className="num">Tự chấm</th>
              <th className="num">Thẩm định</th>
            </tr>
          </thead>
          <tbody>
            {above.map((l) => (
              <tr key={l.code}>
                <td>
                  <span className="code">{l.code}</span> {l.title}
                  {l.note && <div className="muted small-text">Ghi chú: {l.note}</div>}
                </td>
                <td className="num">{formatNumber(l.selfScore!)}</td>
                <td className="num">
                  {formatNumber(l.appraisedScore!)} <span className="down small-text">(−{formatNumber(l.selfAboveAppraised!)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

// The block's sub-criteria where units together lost the most points, with the units behind each.
import type { BlockLeafLoss } from '../../../shared/compare';
import { formatNumber, formatPercent } from '../../../shared/format';

const UNITS_SHOWN = 6;

export function BlockLosses({ losses, onUnit, limit = 20 }: { losses: BlockLeafLoss[]; onUnit(code: string): void; limit?: number }) {
  if (losses.length === 0) return <p className="muted">Không đơn vị nào trong khối bị mất điểm.</p>;
  return (
    <table className="table compact-table block-losses" data-testid="block-losses">
      <thead>
        <tr>
          <th>Mã</th>
          <th>Tiêu chí thành phần</th>
          <th className="num">Điểm bị mất</th>
          <th className="num">Tỷ lệ</th>
          <th className="num">Lũy kế</th>
          <th>Đơn vị bị mất điểm (nhiều nhất trước)</th>
        </tr>
      </thead>
      <tbody>
        {losses.slice(0, limit).map((loss) => (
          <tr key={loss.code}>
            <td className="code">{loss.code}</td>
            <td>{loss.title}</td>
            <td className="num">{formatNumber(loss.lost)}</td>
            <td className="num">{formatPercent(loss.share, 1)}</td>
            <td className="num">{formatPercent(loss.cumulativeShare, 1)}</td>
            <td className="units-behind">
              {loss.units.slice(0, UNITS_SHOWN).map((u, i) => (
                <span key={u.unitCode}>
                  {i > 0 && '; '}
                  <button type="button" className="link" onClick={() => onUnit(u.unitCode)}>
                    {u.unitName}
                  </button>{' '}
                  <span className="muted">{formatNumber(u.lost)}</span>
                </span>
              ))}
              {loss.units.length > UNITS_SHOWN && <span className="muted">; và {loss.units.length - UNITS_SHOWN} đơn vị khác</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

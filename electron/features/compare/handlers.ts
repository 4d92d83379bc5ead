// The compare screen's handlers: a unit's detail and the points it lost, a block's Pareto,
// what-if on the real scoring engine (nothing saved), charts saved where the person chooses.
import type { Handlers } from '../../../shared/contract';
import type { compareContract } from '../../../shared/compare/channels';
import { blockFieldAverages, blockLeafLosses, findUnit, unitLeafLosses } from '../../../shared/compare';
import { whatIfInWorkspace } from './service';
import { UserError } from '../../../shared/errors';
import { leafCodes } from '../../../shared/results';
import { withExtension, writeFileAtomically } from '../../files/output';
import type { HandlerContext } from '../context';
import { getScores } from '../appraisal/store';
import { requireFramework } from '../framework/service';
import { yearResults } from '../results/service';
import { requireUnit } from '../units/service';
import { requireBlock, requirePeriod } from '../workspace/service';

type CompareChannel = keyof typeof compareContract;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The bytes of a chart image sent by the window: a data URL (PNG or SVG) or SVG text; anything else is refused. */
export function chartImageBytes(format: 'png' | 'svg', data: string): Buffer {
  let bytes: Buffer;
  const url = /^data:([a-z+/.-]+)((?:;[a-z-]+=[^;,]*)*)(;base64)?,/i.exec(data);
  if (url) {
    const mime = url[1].toLowerCase();
    if (mime !== (format === 'png' ? 'image/png' : 'image/svg+xml')) {
      throw new UserError(`Ảnh biểu đồ gửi tới có dạng ${mime}, không phải ${format.toUpperCase()}.`);
    }
    const payload = data.slice(url[0].length);
    bytes = url[3] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  } else if (format === 'svg') {
    bytes = Buffer.from(data, 'utf8');
  } else {
    throw new UserError('Ảnh PNG của biểu đồ phải được gửi dưới dạng data URL.');
  }
  const valid =
    format === 'png' ? bytes.subarray(0, 8).equals(PNG_SIGNATURE) : /<svg[\s>]/.test(bytes.subarray(0, 4096).toString('utf8'));
  if (!valid) throw new UserError(`Dữ liệu gửi tới không phải ảnh ${format.toUpperCase()} của biểu đồ.`);
  return bytes;
}

export function compareHandlers(context: HandlerContext): Pick<Handlers, CompareChannel> {
  const { workspace: ws, pickOne } = context;

  return {
    'compare:unit': ({ year, unitCode }) => {
      const w = ws();
      requirePeriod(w, year);
      const found = findUnit(yearResults(w, year), unitCode);
      if (!found) {
        const unit = requireUnit(w, unitCode);
        throw new UserError(`${unit.name} (mã ${unit.code}) chưa có điểm năm ${year}.`);
      }
      const { block, unit } = found;
      const framework = requireFramework(w, year, block.code);
      const leaves = leafCodes(framework.nodes);
      return {
        unit,
        blockCode: block.code,
        blockName: block.name,
        blockAverage: block.average,
        fieldAverages: [...blockFieldAverages(block)].map(([code, average]) => ({ code, average })),
        losses: unitLeafLosses(framework, getScores(w, year, { unitCode }), unitCode),
        criteria: framework.nodes.map((n) => ({
          code: n.code,
          parentCode: n.parentCode,
          level: n.level,
          title: n.title,
          maxPoints: n.maxPoints,
          method: n.method,
          leaf: leaves.has(n.code),
        })),
      };
    },

    'compare:blockLosses': ({ year, blockCode }) => {
      const w = ws();
      const block = yearResults(w, year).blocks.find((b) => b.code === blockCode);
      if (!block) throw new UserError(`${requireBlock(w, blockCode).name} chưa có kết quả năm ${year}.`);
      const losses = blockLeafLosses(
        requireFramework(w, year, blockCode),
        getScores(w, year, { blockCode }),
        block.units.map((u) => ({ code: u.code, name: u.name })),
      );
      return { losses };
    },

    'compare:whatIf': ({ year, unitCode, hypothetical }) => whatIfInWorkspace(ws(), year, unitCode, hypothetical),

    'compare:saveChart': async ({ format, name, data }) => {
      const bytes = chartImageBytes(format, data);
      const picked = await pickOne(format === 'png' ? 'chart-png' : 'chart-svg', `${name}.${format}`);
      if (!picked) return { cancelled: true };
      const file = withExtension(picked, `.${format}`);
      writeFileAtomically(file, bytes);
      return { cancelled: false, value: { file } };
    },
  };
}

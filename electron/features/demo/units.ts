import type { UnitInput } from '../units/service';
import { DEPARTMENTS, DISTRICTS } from './units-data';

export interface DemoCommune extends UnitInput {
  /** the old communes whose work it continues: its predecessors, and itself when it keeps its code */
  lineage: string[];
}

export interface DemoUnits {
  departments: UnitInput[];
  districts: UnitInput[];
  /** commune-level units of 2023–2024 */
  oldCommunes: UnitInput[];
  /** the communes of 2025 */
  newCommunes: DemoCommune[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Codes follow the usual shape of administrative codes: districts H01…, old communes
 * 1DDNN (district DD, commune NN), new communes 2NNNN unless they keep an old code.
 */
export function demoUnits(): DemoUnits {
  const departments: UnitInput[] = DEPARTMENTS.map((d) => ({
    code: d.code,
    name: d.name,
    blockCode: 'so',
    ranked: d.ranked,
  }));
  const districts: UnitInput[] = [];
  const oldCommunes: UnitInput[] = [];
  const newCommunes: DemoCommune[] = [];
  DISTRICTS.forEach((district, d) => {
    districts.push({ code: `H${pad(d + 1, 2)}`, name: district.name, blockCode: 'huyen' });
    const olds = district.oldCommunes.map((name, c) => ({
      code: `1${pad(d + 1, 2)}${pad(c + 1, 2)}`,
      name,
      blockCode: 'xa',
    }));
    oldCommunes.push(...olds);
    let next = 0;
    for (const commune of district.newCommunes) {
      const sources = olds.slice(next, next + commune.from);
      next += commune.from;
      const lineage = sources.map((s) => s.code);
      if (commune.keepsCode) {
        newCommunes.push({
          code: sources[0].code,
          name: sources[0].name,
          blockCode: 'xa',
          predecessors: lineage.slice(1),
          lineage,
        });
      } else {
        newCommunes.push({
          code: `2${pad(newCommunes.length + 1, 4)}`,
          name: commune.name,
          blockCode: 'xa',
          predecessors: lineage,
          lineage,
        });
      }
    }
    if (next !== olds.length) {
      throw new Error(`Dữ liệu mẫu: ${district.name} có ${olds.length} đơn vị cấp xã cũ nhưng sắp xếp ${next}.`);
    }
  });
  return { departments, districts, oldCommunes, newCommunes };
}

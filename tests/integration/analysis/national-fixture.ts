// National tables of two years for 63 provinces, CONSTRUCTED for the tests (not MOHA's
// published values): they reproduce the seed sentence of the analysis — a province at 83,80%
// (36/63) in 2020 and 87,11% (23/63) in 2021, "tăng 3,31% và tăng 13 bậc" — with eight fields
// (2017–2021 maxima, 2948/QĐ-BNV) summing to the index and SIPAS with its five factors.
import { expect } from 'vitest';
import { cli } from '../../helpers/cli';
import type { Cell } from '../../helpers/files';

export const PROVINCES = [
  'Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Hà Giang', 'Cao Bằng', 'Bắc Kạn', 'Tuyên Quang', 'Lào Cai',
  'Điện Biên', 'Lai Châu', 'Sơn La', 'Yên Bái', 'Hòa Bình', 'Thái Nguyên', 'Lạng Sơn', 'Quảng Ninh', 'Bắc Giang', 'Phú Thọ',
  'Vĩnh Phúc', 'Bắc Ninh', 'Hải Dương', 'Hưng Yên', 'Thái Bình', 'Hà Nam', 'Nam Định', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An',
  'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị', 'Thừa Thiên Huế', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định', 'Phú Yên', 'Khánh Hòa', 'Ninh Thuận',
  'Bình Thuận', 'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông', 'Lâm Đồng', 'Bình Phước', 'Tây Ninh', 'Bình Dương', 'Đồng Nai',
  'Bà Rịa - Vũng Tàu', 'Long An', 'Tiền Giang', 'Bến Tre', 'Trà Vinh', 'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Hậu Giang',
  'Sóc Trăng', 'Bạc Liêu', 'Cà Mau',
];
export const OURS = 'Lạng Sơn';
export const MAXIMA = [10, 10, 14.5, 11, 16, 7, 16, 15.5];
export const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
export const FIELD_NAMES = [
  'Công tác chỉ đạo, điều hành CCHC',
  'Xây dựng và tổ chức thực hiện văn bản QPPL',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính',
  'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
  'Cải cách tài chính công',
  'Hiện đại hóa hành chính',
  'Tác động của CCHC',
];
export const SIPAS_NAMES = ['Tiếp cận dịch vụ', 'Thủ tục hành chính', 'Công chức trực tiếp giải quyết công việc', 'Kết quả cung ứng dịch vụ', 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị'];

const r2 = (v: number) => Math.round(v * 100) / 100;

export interface ProvinceFigures {
  name: string;
  index: number;
  fields: number[];
  sipas: number;
  factors: number[];
}

/** Fields proportional to the index, rounded apart, the last one taking the remainder. */
function fieldsFor(index: number): number[] {
  const f = MAXIMA.map((m) => r2((m * index) / 100));
  f[7] = r2(index - f.slice(0, 7).reduce((s, v) => s + v, 0));
  return f;
}

export const OURS_2020 = { index: 83.8, fields: [8.5, 8.2, 12.3, 9.0, 13.5, 5.8, 12.5, 14.0], sipas: 84.0, factors: [85, 83, 86, 84, 82] };
// fields I, III, V, VII, VIII up; II, IV, VI down. SIPAS factors 1, 2, 3, 5 down; 4 up
export const OURS_2021 = { index: 87.11, fields: [9.0, 8.0, 13.4, 8.8, 14.2, 5.6, 13.8, 14.31], sipas: 82.5, factors: [83, 81, 84, 85, 79.5] };

/** The 63 provinces of a year: ours where its rank puts it, the others in a year's own order. */
export function yearFigures(year: 2020 | 2021): ProvinceFigures[] {
  const others = PROVINCES.filter((p) => p !== OURS);
  // a different order each year, so that provinces move
  const order = year === 2020 ? others : [...others.slice(17), ...others.slice(0, 17)];
  const ours = year === 2020 ? OURS_2020 : OURS_2021;
  const above = year === 2020 ? 35 : 22;
  const out: ProvinceFigures[] = order.map((name, i) => {
    const index = i < above ? r2((year === 2020 ? 92 : 93) - i * (year === 2020 ? 0.2 : 0.25)) : r2((year === 2020 ? 83.5 : 86.9) - (i - above) * (year === 2020 ? 0.3 : 0.25));
    const sipas = r2(88 - ((i * 7 + (year === 2020 ? 0 : 11)) % 62) * 0.15);
    const offsets = year === 2020 ? [0.5, -0.5, 1, 0, -1] : [1, -1, 0.5, 0.5, -1];
    return { name, index, fields: fieldsFor(index), sipas, factors: offsets.map((o) => r2(sipas + o)) };
  });
  out.splice(above, 0, { name: OURS, ...ours });
  return out;
}

/** The table as MOHA's workbook lays it out: title rows, a header, the maxima row, the provinces. */
export function workbookRows(year: 2020 | 2021): Cell[][] {
  return [
    ['BỘ NỘI VỤ'],
    [`CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year} CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG`],
    [],
    ['STT', 'Tỉnh, thành phố', ...ROMANS.map((r, i) => `${r}. ${FIELD_NAMES[i]}`), 'Chỉ số', 'SIPAS', ...SIPAS_NAMES],
    [null, 'Điểm tối đa', ...MAXIMA, 100, null, null, null, null, null, null],
    ...yearFigures(year).map((p, i) => [i + 1, year === 2021 && p.name === 'Hà Nội' ? 'Thành phố Hà Nội' : `${p.name}`, ...p.fields, p.index, p.sipas, ...p.factors]),
  ];
}

/** The same table as a CSV with headers by numeral and factor code, and no maxima row. */
export function csvRows(year: 2020 | 2021): Cell[][] {
  return [
    ['Tỉnh, thành phố', ...ROMANS.map((r) => `Lĩnh vực ${r}`), 'Chỉ số', 'SIPAS', 'DV1', 'DV2', 'DV3', 'DV4', 'DV5'],
    ...yearFigures(year).map((p) => [
      `Tỉnh ${p.name}`,
      ...p.fields.map((v) => String(v).replace('.', ',')),
      String(p.index).replace('.', ','),
      String(p.sipas).replace('.', ','),
      ...p.factors.map((v) => String(v).replace('.', ',')),
    ]),
  ];
}

/** `analysis WS --year Y --national --json`, checked to have run. */
export async function nationalAnalysis(ws: string, year: number) {
  const run = await cli('analysis', ws, '--year', String(year), '--national', '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

// Numbers the Vietnamese way: "1.234,5", "87,11%", "tăng 3,31% và tăng 13 bậc".

/** A number with at most `maxDecimals` decimals and no trailing zeros: 2.5 → "2,5", 1234 → "1.234". */
export function formatNumber(value: number, maxDecimals = 2): string {
  return formatFixed(value, maxDecimals, 0);
}

/** A number with exactly `decimals` decimals: 84.58 → "84,58". */
export function formatDecimal(value: number, decimals = 2): string {
  return formatFixed(value, decimals, decimals);
}

function formatFixed(value: number, maxDecimals: number, minDecimals: number): string {
  const rounded = roundTo(value, maxDecimals);
  const negative = rounded < 0 && rounded !== 0;
  let [intPart, frac = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  frac = frac.replace(/0+$/, '');
  while (frac.length < minDecimals) frac += '0';
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + intPart + (frac ? ',' + frac : '');
}

/** Rounds half away from zero at `decimals`, robust to binary noise (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Math.abs(value) * factor;
  const r = Math.round(Number(shifted.toPrecision(15)));
  return (Math.sign(value) * r) / factor;
}

/** An index as shown: 87.1149 → "87,11%"; null → "—". */
export function formatPercent(value: number | null, decimals = 2): string {
  return value === null ? '—' : `${formatDecimal(value, decimals)}%`;
}

/** Parses a number typed the Vietnamese or the English way: "2,5", "2.5", " 1.234,5 ", "87,11%". */
export function parseLocaleNumber(text: string): number | null {
  let s = text.normalize('NFC').trim().replace(/\u00a0|\s/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (!s) return null;
  if (!/^[-+]?[\d.,]+$/.test(s)) return null;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // the later separator is the decimal one
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    if ((s.match(/,/g) ?? []).length > 1) s = s.replace(/,/g, '');
    else s = s.replace(',', '.');
  } else if (dot >= 0 && (s.match(/\./g) ?? []).length > 1) {
    s = s.replace(/\./g, '');
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** "tăng 3,31%" / "giảm 0,5%" / "không đổi" for a change of index in percentage points. */
export function describeIndexChange(deltaIndex: number | null, decimals = 2): string | null {
  if (deltaIndex === null) return null;
  const r = roundTo(deltaIndex, decimals);
  if (r === 0) return 'không đổi';
  return `${r > 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(r), decimals)}%`;
}

/** "tăng 13 bậc" / "giảm 2 bậc" / "giữ nguyên thứ hạng". */
export function describeRankChange(deltaRank: number | null): string | null {
  if (deltaRank === null) return null;
  if (deltaRank === 0) return 'giữ nguyên thứ hạng';
  return `${deltaRank > 0 ? 'tăng' : 'giảm'} ${Math.abs(deltaRank)} bậc`;
}

/** "tăng 3,31% và tăng 13 bậc", as press releases put it. */
export function describeChange(deltaIndex: number | null, deltaRank: number | null, decimals = 2): string | null {
  const parts = [describeIndexChange(deltaIndex, decimals), describeRankChange(deltaRank)].filter(
    (p): p is string => p !== null,
  );
  return parts.length ? parts.join(' và ') : null;
}

// Dates and times. One rule for the time zone: a moment is shown in the local time of the
// PC the app runs on (the time zone the runtime reports), unless the caller names one (tests
// pass `timeZone` so that their figures do not depend on the machine). A stored date without
// a time ("2025-07-01") is read by `Date` as midnight UTC: callers wanting the calendar day
// parse it as local midnight ("2025-07-01T00:00:00") before formatting it.

export interface DateFormatOptions {
  /** an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC"; default: the PC's own */
  timeZone?: string;
}

type DatePart = 'day' | 'month' | 'year' | 'hour' | 'minute' | 'second';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The parts of a moment as vi-VN writes them, two digits each (four for the year), 24-hour clock. */
function dateParts(date: Date | string, options: DateFormatOptions): Record<DatePart, string> | null {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return null;
  const zone = options.timeZone ?? '';
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('vi-VN', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: options.timeZone,
    });
    dateFormats.set(zone, format);
  }
  const parts = { day: '', month: '', year: '', hour: '', minute: '', second: '' };
  for (const p of format.formatToParts(d)) if (p.type in parts) parts[p.type as DatePart] = p.value;
  return parts;
}

/** What a date that cannot be read shows: the text as it came, or a dash. */
const unreadable = (date: Date | string) => (typeof date === 'string' ? date : '—');

/**
 * A calendar day typed the Vietnamese way ("15/11/2025", "1/7/2025") or as ISO ("2025-11-15"),
 * as ISO yyyy-mm-dd; null when the text is no real day (31/02/2025).
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A stored calendar day (yyyy-mm-dd) as dd/mm/yyyy, without any time zone shift. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** dd/mm/yyyy: 01/07/2025. */
export function formatDate(date: Date | string, options: DateFormatOptions = {}): string {
  const p = dateParts(date, options);
  return p ? `${p.day}/${p.month}/${p.year}` : unreadable(date);
}

/** dd/mm/yyyy HH:mm: 01/07/2025 14:05. */
export function formatDateTime(date: Date | string, options: DateFormatOptions = {}): string {
  const p = dateParts(date, options);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : unreadable(date);
}

/** HH:mm:ss: 14:05:09, for "saved at" where seconds tell one save from the next. */
export function formatTime(date: Date | string, options: DateFormatOptions = {}): string {
  const p = dateParts(date, options);
  return p ? `${p.hour}:${p.minute}:${p.second}` : unreadable(date);
}

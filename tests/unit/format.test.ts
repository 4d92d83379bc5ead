import { describe, expect, it } from 'vitest';
import { parseBands } from '../../shared/results/bands';
import {
  describeChange,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatNumber,
  formatPercent,
  parseLocaleNumber,
  formatTime,
  roundTo,
} from '../../shared/format';
import { matchKey } from '../../shared/text';

describe('vi-VN formatting', () => {
  it('formats numbers, percents and changes the Vietnamese way', () => {
    expect(formatPercent(87.1149)).toBe('87,11%');
    expect(formatPercent(null)).toBe('—');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(2)).toBe('2');
    expect(formatDecimal(84.58)).toBe('84,58');
    expect(formatDecimal(-0.001)).toBe('0,00');
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(describeChange(3.3149, 13)).toBe('tăng 3,31% và tăng 13 bậc');
    expect(describeChange(-0.5, -2)).toBe('giảm 0,5% và giảm 2 bậc');
    expect(describeChange(0.001, 0)).toBe('không đổi và giữ nguyên thứ hạng');
    expect(describeChange(null, null)).toBeNull();
    expect(formatDate(new Date(2025, 6, 1))).toBe('01/07/2025');
  });

  it('reads numbers typed either way', () => {
    expect(parseLocaleNumber('2,5')).toBe(2.5);
    expect(parseLocaleNumber(' 2.5 ')).toBe(2.5);
    expect(parseLocaleNumber('1.234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1,234.5')).toBe(1234.5);
    expect(parseLocaleNumber('87,11%')).toBe(87.11);
    expect(parseLocaleNumber('abc')).toBeNull();
    expect(parseLocaleNumber('')).toBeNull();
    expect(parseLocaleNumber('2,5a')).toBeNull();
  });

  it('matches headers ignoring case, accents and spaces', () => {
    expect(matchKey('  Mã Đơn  vị ')).toBe('ma don vi');
    expect(matchKey('Điểm tự chấm')).toBe(matchKey('DIEM TU CHAM'));
    // decomposed input (NFD) matches too
    expect(matchKey('Điểm tự chấm'.normalize('NFD'))).toBe('diem tu cham');
  });

  it('parses classification bands', () => {
    expect(parseBands('Tốt=90;Khá=80;Trung bình=70;Yếu=0')).toEqual([
      { name: 'Tốt', min: 90 },
      { name: 'Khá', min: 80 },
      { name: 'Trung bình', min: 70 },
      { name: 'Yếu', min: 0 },
    ]);
    expect(() => parseBands('Tốt=90;Khá')).toThrow(/không đúng dạng Tên=ngưỡng/);
    expect(() => parseBands('A=90;B=90')).toThrow(/cùng ngưỡng 90/);
  });

  it('writes dates as dd/mm/yyyy and times on a 24-hour clock, in the time zone asked for', () => {
    // 17:05:09 UTC on 1 July is already 2 July in Hà Nội (UTC+7)
    const moment = '2025-07-01T17:05:09.000Z';
    expect(formatDate(moment, { timeZone: 'UTC' })).toBe('01/07/2025');
    expect(formatDate(moment, { timeZone: 'Asia/Ho_Chi_Minh' })).toBe('02/07/2025');
    expect(formatDateTime(moment, { timeZone: 'UTC' })).toBe('01/07/2025 17:05');
    expect(formatDateTime(moment, { timeZone: 'Asia/Ho_Chi_Minh' })).toBe('02/07/2025 00:05');
    expect(formatTime(moment, { timeZone: 'Asia/Ho_Chi_Minh' })).toBe('00:05:09');
    expect(formatDateTime(new Date(Date.UTC(2024, 11, 31, 23, 59)), { timeZone: 'UTC' })).toBe('31/12/2024 23:59');
    // the zone's own daylight-saving rule: New York's clocks jump from 01:59 to 03:00
    expect(formatDateTime('2025-03-09T06:59:00Z', { timeZone: 'America/New_York' })).toBe('09/03/2025 01:59');
    expect(formatDateTime('2025-03-09T07:00:00Z', { timeZone: 'America/New_York' })).toBe('09/03/2025 03:00');
  });

  it('shows local time of the PC when no time zone is named', () => {
    // a moment built from local parts comes back with those parts, whatever the machine's zone
    expect(formatDate(new Date(2025, 0, 5, 23, 30))).toBe('05/01/2025');
    expect(formatDateTime(new Date(2025, 0, 5, 23, 30))).toBe('05/01/2025 23:30');
    expect(formatDateTime(new Date(2025, 0, 5, 0, 7))).toBe('05/01/2025 00:07');
    expect(formatTime(new Date(2025, 0, 5, 9, 3, 4))).toBe('09:03:04');
    // a calendar day read as local midnight stays that day
    expect(formatDate(new Date('2026-03-31T00:00:00'))).toBe('31/03/2026');
  });

  it('keeps a date it cannot read as it came', () => {
    expect(formatDate('chưa có')).toBe('chưa có');
    expect(formatDateTime(new Date(Number.NaN))).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import { parseBands } from '../../shared/results/bands';
import {
  describeChange,
  formatDate,
  formatDecimal,
  formatNumber,
  formatPercent,
  parseLocaleNumber,
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
    expect(parseBands('Tốt=90;Khá=80;Trung bình=70;Yếu=0')).toEqual({
      bands: [
        { name: 'Tốt', min: 90 },
        { name: 'Khá', min: 80 },
        { name: 'Trung bình', min: 70 },
        { name: 'Yếu', min: 0 },
      ],
    });
    expect(parseBands('Tốt=90;Khá')).toHaveProperty('error');
    expect(parseBands('A=90;B=90')).toHaveProperty('error');
  });
});

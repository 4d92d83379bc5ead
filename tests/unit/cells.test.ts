// One rule reads numbers from cells for every import.
import { describe, expect, it } from 'vitest';
import { CellValueError, cellNumber } from '../../shared/cells';

describe('a number in a cell', () => {
  it('reads numbers, text numbers with a decimal comma, and blanks', () => {
    expect(cellNumber(2.5)).toBe(2.5);
    expect(cellNumber(' 2,5 ')).toBe(2.5);
    expect(cellNumber('1.234,5')).toBe(1234.5);
    expect(cellNumber('')).toBeNull();
    expect(cellNumber(null)).toBeNull();
  });

  it('refuses a date, a percentage where points are asked, text, true/false — saying what the cell holds', () => {
    expect(() => cellNumber(new Date(Date.UTC(2025, 0, 2)))).toThrow(/ô chứa ngày 02\/01\/2025 chứ không phải số/);
    expect(() => cellNumber('0,5%')).toThrow(/"0,5%" là tỷ lệ phần trăm, không phải điểm/);
    expect(cellNumber('87,11%', { percent: true })).toBeCloseTo(87.11);
    expect(() => cellNumber('hai')).toThrow(CellValueError);
    expect(() => cellNumber(true)).toThrow(/TRUE/);
  });
});

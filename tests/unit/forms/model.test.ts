// The Biểu mẫu report's view logic: what it offers for a form of another year, the token kept
// beside a result and left out of what goes back to the main process, a self score's change.
import { describe, expect, it } from 'vitest';
import { otherYearOffer, refusedResult, scoreChange, withoutToken, type ReportRow } from '../../../renderer/features/forms/model';

const TOKEN = '6f1c1a7e-4d0b-4c55-9a35-1f5b3c1d2e4f';

describe('forms report model', () => {
  const refused = (otherYear: number | null, token: string | null = TOKEN): ReportRow => ({ ...refusedResult('/x/SNV-2024.xlsx', 'Biểu mẫu này là của năm 2024'), otherYear, token });

  it('offers to switch only for a refused form of another year the workspace has', () => {
    expect(otherYearOffer(refused(2024), [2024, 2025])).toEqual({ year: 2024, switchable: true });
    expect(otherYearOffer(refused(2023), [2024, 2025])).toEqual({ year: 2023, switchable: false });
    expect(otherYearOffer(refused(null), [2024, 2025])).toBeNull();
    expect(otherYearOffer(refused(2024, null), [2024, 2025])).toBeNull();
    expect(otherYearOffer({ ...refused(2024), status: 'imported' }, [2024, 2025])).toBeNull();
  });

  it('sends the result back without the token', () => {
    const row = refused(2024);
    expect('token' in withoutToken(row)).toBe(false);
    expect(withoutToken(row).otherYear).toBe(2024);
  });

  it('writes a self score change the Vietnamese way', () => {
    expect(scoreChange(1.5, 2)).toBe('1,5 → 2');
    expect(scoreChange(null, 0.25)).toBe('— → 0,25');
    expect(scoreChange(1, null)).toBe('1 → —');
  });
});

// A service says what is wrong; the command line and the screen each name what fixes it.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/errors';
import { problemForTerminal } from '../../../electron/cli/framework';
import { forScreen } from '../../../renderer/app/ProblemList';

describe('the fix of a problem', () => {
  const problem: Problem = { file: 'phieu.csv', row: 1, message: 'không có cột "Đơn vị"; hãy chọn một đơn vị cho cả tệp.', hint: 'unit' };

  it('is an option on the command line and a control on the screen, never both', () => {
    expect(problemForTerminal(problem)).toBe('Tệp phieu.csv, dòng 1: không có cột "Đơn vị"; hãy chọn một đơn vị cho cả tệp. (tùy chọn --unit MÃ)');
    expect(forScreen(problem)).toBe('không có cột "Đơn vị"; hãy chọn một đơn vị cho cả tệp. (ô "Chọn đơn vị của cả tệp" khi ánh xạ cột)');
    expect(forScreen(problem)).not.toMatch(/--/);
    expect(problemForTerminal({ message: 'x' })).toBe('x');
  });
});

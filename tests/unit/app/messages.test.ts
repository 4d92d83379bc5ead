import { describe, expect, it } from 'vitest';
import { AppFailure, refusalOf } from '../../../renderer/app/api';
import { refusalMessage } from '../../../renderer/app/messages';

const failure = (problems: { message: string; cell?: string; sheet?: string }[]) =>
  new AppFailure({ kind: 'user', message: problems.map((p) => (p.cell ? `ô ${p.cell}: ${p.message}` : p.message)).join('\n'), problems });

describe('the message of a refusal', () => {
  it('shows one problem as its message, after what the screen says did not happen', () => {
    const one = failure([{ message: 'Mã KHONGCO không có trong danh sách đơn vị.' }]);
    expect(refusalMessage(one)).toEqual({ kind: 'error', text: 'Mã KHONGCO không có trong danh sách đơn vị.' });
    expect(refusalMessage(one, 'Chưa lưu bộ chỉ số.').text).toBe('Chưa lưu bộ chỉ số. Mã KHONGCO không có trong danh sách đơn vị.');
    expect(refusalMessage(new Error('mất kết nối'))).toEqual({ kind: 'error', text: 'mất kết nối' });
  });

  it('lists several problems, each with its place, under a heading that counts them', () => {
    const problems = [
      { message: 'mã câu hỏi DV1.1 bị trùng', sheet: 'Bộ câu hỏi', cell: 'E3' },
      { message: 'thiếu nội dung câu hỏi', sheet: 'Bộ câu hỏi', cell: 'F7' },
    ];
    expect(refusalMessage(failure(problems), 'Chưa lưu bộ chỉ số.')).toEqual({ kind: 'error', text: 'Chưa lưu bộ chỉ số. Có 2 lỗi:', problems });
    expect(refusalMessage(failure(problems)).text).toBe('Không thực hiện được. Có 2 lỗi:');
    expect(refusalOf(failure(problems)).problems).toEqual(problems);
  });
});

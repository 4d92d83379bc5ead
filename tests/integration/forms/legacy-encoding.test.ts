// Text typed with the legacy Vietnamese fonts is recognised and converted; Unicode and plain
// text are left alone.
import { describe, expect, it } from 'vitest';
import { detectLegacyVietnamese } from '../../../electron/features/forms';

describe('legacy Vietnamese encodings', () => {
  it.each([
    ['Q§ sè 12/Q§-UBND ngµy 15/3/2025 cña UBND huyÖn', 'TCVN3', 'QĐ số 12/QĐ-UBND ngày 15/3/2025 của UBND huyện'],
    ['Tr\u00adêng häc ®¹t chuÈn', 'TCVN3', 'Trường học đạt chuẩn'],
    ['Kh«ng cã tµi liÖu kiÓm chøng', 'TCVN3', 'Không có tài liệu kiểm chứng'],
    ['Quyeát ñònh soá 45/QÑ-STP', 'VNI', 'Quyết định số 45/QĐ-STP'],
    ['Khoâng coù taøi lieäu kieåm chöùng', 'VNI', 'Không có tài liệu kiểm chứng'],
    ['BAÙO CAÙO KEÁT QUAÛ', 'VNI', 'BÁO CÁO KẾT QUẢ'],
  ])('converts %s', (text, encoding, unicode) => {
    expect(detectLegacyVietnamese(text)).toEqual({ encoding, text: unicode });
  });

  it.each(['Kế hoạch số 12/KH-UBND', 'Có văn bản', 'Báo cáo số 5 ngày 01/02/2025', 'Co van ban', 'ISO 9001:2015', 'Müller café'])(
    'leaves %s alone',
    (text) => {
      expect(detectLegacyVietnamese(text)).toBeNull();
    },
  );
});

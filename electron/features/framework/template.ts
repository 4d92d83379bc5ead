// The framework sheet as staff fill it: exactly the columns the import reads, a field and one
// of its criteria as examples, and a sheet explaining each column.
import { tableSheet, writeWorkbook } from '../../excel/writer';
import { FRAMEWORK_HEADERS } from './import';

export async function writeFrameworkTemplate(file: string): Promise<void> {
  await writeWorkbook(
    {
      title: 'Bộ chỉ số (mẫu)',
      sheets: [
        tableSheet('Bộ chỉ số', [...FRAMEWORK_HEADERS], [9, 70, 12, 16, 40], [
          ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 2, null, null],
          ['1.1', 'Ban hành kế hoạch cải cách hành chính năm đúng thời hạn', 2, 'Có/Không', 'Kế hoạch CCHC năm'],
        ]),
        tableSheet('Hướng dẫn', ['Cột', 'Cách ghi'], [22, 100], [
          ['STT', 'Số thứ tự như trong quyết định: 1, 1.1, 1.1.1 (hoặc I, 1, 1.1). Dòng tổng cộng không cần STT.'],
          ['Nội dung', 'Tên lĩnh vực, tiêu chí hoặc tiêu chí thành phần.'],
          ['Điểm tối đa', 'Điểm tối đa; để trống ở lĩnh vực, tiêu chí có tiêu chí con thì lấy đúng tổng các tiêu chí con.'],
          ['Cách chấm', '"Tự chấm" (hoặc để trống), "Điều tra XHH", "Có/Không", "Tỷ lệ", "Điểm thưởng" hoặc "Điểm trừ".'],
          ['Tài liệu kiểm chứng', 'Ghi tên tài liệu (hoặc "x") nếu tiêu chí yêu cầu tài liệu kiểm chứng; để trống nếu không.'],
          ['Dòng tiêu đề', 'Có thể giữ các dòng tiêu đề của quyết định ở trên (trong 30 dòng đầu); dòng có các cột STT, Nội dung, Điểm tối đa là dòng tiêu đề.'],
        ]),
      ],
    },
    file,
  );
}

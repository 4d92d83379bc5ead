// The unit list as staff fill it: the columns the import reads, with a few example rows of
// the three usual blocks, a merged commune among them.
import { tableSheet, writeWorkbook } from '../../excel/writer';
import { UNITS_COLUMNS } from '../../../shared/import-columns';

export const UNITS_TEMPLATE_HEADERS = UNITS_COLUMNS;

export async function writeUnitsTemplate(file: string): Promise<void> {
  await writeWorkbook(
    {
      title: 'Danh sách đơn vị',
      sheets: [
        tableSheet('Đơn vị', UNITS_TEMPLATE_HEADERS, [12, 44, 10, 22, 12, 10, 10], [
          ['SNV', 'Sở Nội vụ', 'so', null, null, null, null],
          ['STP', 'Sở Tư pháp', 'so', null, null, null, null],
          ['BQLKKT', 'Ban Quản lý Khu kinh tế', 'so', null, 'không', null, null],
          ['X01', 'Xã Hòa Bình', 'xa', null, null, null, 2024],
          ['X02', 'Xã Tân Lập', 'xa', null, null, null, 2024],
          ['X10', 'Xã Hòa Tân', 'xa', 'X01; X02', null, 2025, null],
        ]),
        tableSheet('Hướng dẫn', ['Cột', 'Cách ghi'], [16, 100], [
          ['Mã', 'Mã đơn vị, duy nhất; chỉ chữ, số, dấu chấm, gạch ngang, gạch dưới (mã dùng để đặt tên tệp).'],
          ['Tên đơn vị', 'Tên đầy đủ như trong văn bản.'],
          ['Khối', 'so (khối sở), huyen (khối huyện), xa (khối xã), hoặc mã khối khác.'],
          ['Kế thừa từ', 'Mã các đơn vị tiền thân khi sáp nhập, đổi tên, chia tách; cách nhau bởi dấu chấm phẩy.'],
          ['Xếp hạng', 'Để trống nếu đơn vị được xếp hạng; ghi "không" nếu chỉ chấm điểm, không xếp hạng.'],
          ['Từ năm, Đến năm', 'Năm đầu và năm cuối đơn vị tham gia đánh giá; để trống nếu không giới hạn.'],
        ]),
      ],
    },
    file,
  );
}

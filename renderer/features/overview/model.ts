// The checklist of a year's setup on Tổng quan: what a newcomer does first, in order, each step
// with where it is done.
import type { YearSetup } from '../../../shared/overview/channels';
import type { PageKey } from '../../app/navigation';
import { formatNumber } from '../../../shared/format';

export interface SetupStep {
  label: string;
  done: boolean;
  /** what is there, or what is missing */
  detail: string;
  page: PageKey;
}

export function setupSteps(setup: YearSetup, year: number): SetupStep[] {
  const names = (list: string[]) => list.join(', ');
  return [
    {
      label: 'Tên tỉnh, nơi ký và người ký',
      done: setup.provinceNamed,
      detail: setup.provinceNamed ? 'Đã đặt' : 'Chưa đặt tên tỉnh; các văn bản in ra sẽ thiếu tên tỉnh',
      page: 'settings',
    },
    {
      label: 'Khối đơn vị',
      done: setup.blocks > 0,
      detail: setup.blocks > 0 ? `${formatNumber(setup.blocks)} khối` : 'Chưa có khối nào',
      page: 'settings',
    },
    {
      label: 'Danh sách đơn vị',
      done: setup.allUnits > 0,
      detail: setup.allUnits > 0 ? `${formatNumber(setup.allUnits)} đơn vị` : 'Chưa có đơn vị; nhập từ Excel (Mã, Tên đơn vị, Khối)',
      page: 'units',
    },
    {
      label: `Bộ chỉ số năm ${year}`,
      done: setup.blocks > 0 && setup.blocksWithoutFramework.length === 0,
      detail: setup.blocksWithoutFramework.length ? `Chưa có: ${names(setup.blocksWithoutFramework)}` : 'Mọi khối đã có',
      page: 'framework',
    },
    {
      label: 'Mức xếp loại',
      done: setup.blocks > setup.blocksWithoutFramework.length && setup.blocksWithoutBands.length === 0,
      detail:
        setup.blocks <= setup.blocksWithoutFramework.length
          ? 'Đặt sau khi có bộ chỉ số'
          : setup.blocksWithoutBands.length
            ? `Chưa đặt: ${names(setup.blocksWithoutBands)}`
            : 'Đã đặt cho các khối có bộ chỉ số',
      page: 'settings',
    },
    {
      label: 'Thời hạn tự đánh giá, thẩm định, kiến nghị',
      done: setup.deadlines.self && setup.deadlines.appraisal && setup.deadlines.petitions,
      detail: deadlinesDetail(setup.deadlines),
      page: 'progress',
    },
    {
      label: 'Gửi biểu tự đánh giá, nhận biểu về',
      done: setup.units > 0 && setup.submitted >= setup.units,
      detail: setup.units > 0 ? `Đã nhận ${formatNumber(setup.submitted)}/${formatNumber(setup.units)} đơn vị` : 'Chưa có đơn vị tham gia năm này',
      page: 'forms',
    },
  ];
}

/** Which of the year's three deadlines are still to be set. */
function deadlinesDetail(d: YearSetup['deadlines']): string {
  const missing = [!d.self && 'hạn nộp tự đánh giá', !d.appraisal && 'hạn thẩm định', !d.petitions && 'hạn kiến nghị'].filter((x): x is string => !!x);
  return missing.length === 0 ? 'Đã đặt đủ ba thời hạn' : `Chưa đặt: ${missing.join(', ')} (để biết đơn vị nào chậm)`;
}

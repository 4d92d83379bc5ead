// The two built-in questionnaires: public-service satisfaction with 5 factors (2017–2021,
// after 2640/QĐ-BNV) and, from 2022, a policy area beside the service area. Item codes are
// shared by both models so that service factors compare across the change of model.
import type { ScaleLabel, SurveyDefinition, SurveyFactor, SurveyItem } from './model';

export const SATISFACTION_SCALE: ScaleLabel[] = [
  { code: 1, label: 'Rất không hài lòng' },
  { code: 2, label: 'Không hài lòng' },
  { code: 3, label: 'Bình thường' },
  { code: 4, label: 'Hài lòng' },
  { code: 5, label: 'Rất hài lòng' },
];

/** The first year of the model with a policy area. */
export const POLICY_MODEL_FROM = 2022;

type FactorSpec = { code: string; name: string; items: string[] };

const SERVICE_FACTORS: FactorSpec[] = [
  {
    code: 'DV1',
    name: 'Tiếp cận dịch vụ',
    items: [
      'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi',
      'Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận Một cửa đầy đủ',
      'Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận Một cửa hiện đại',
      'Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận Một cửa dễ sử dụng',
    ],
  },
  {
    code: 'DV2',
    name: 'Thủ tục hành chính',
    items: [
      'Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác',
      'Thành phần hồ sơ phải nộp đúng quy định',
      'Phí, lệ phí phải nộp đúng quy định',
      'Thời hạn giải quyết theo giấy hẹn đúng quy định',
    ],
  },
  {
    code: 'DV3',
    name: 'Công chức trực tiếp giải quyết công việc',
    items: [
      'Công chức có thái độ giao tiếp lịch sự',
      'Công chức chú ý lắng nghe ý kiến của người dân, tổ chức',
      'Công chức trả lời, giải thích đầy đủ các ý kiến của người dân, tổ chức',
      'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo',
      'Công chức hướng dẫn kê khai hồ sơ dễ hiểu',
      'Công chức tuân thủ đúng quy định trong giải quyết công việc',
    ],
  },
  {
    code: 'DV4',
    name: 'Kết quả cung ứng dịch vụ',
    items: [
      'Kết quả giải quyết thủ tục hành chính đúng quy định',
      'Kết quả giải quyết thủ tục hành chính có thông tin đầy đủ',
      'Kết quả giải quyết thủ tục hành chính có thông tin chính xác',
    ],
  },
  {
    code: 'DV5',
    name: 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị',
    items: [
      'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
      'Người dân, tổ chức dễ dàng thực hiện góp ý, phản ánh, kiến nghị',
      'Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị',
      'Cơ quan phản hồi kịp thời các góp ý, phản ánh, kiến nghị',
      'Cơ quan thông báo công khai kết quả xử lý góp ý, phản ánh, kiến nghị',
    ],
  },
];

const POLICY_FACTORS: FactorSpec[] = [
  {
    code: 'CS1',
    name: 'Tham gia xây dựng chính sách',
    items: [
      'Người dân được biết thông tin về việc xây dựng chính sách',
      'Người dân được tham gia góp ý dự thảo chính sách',
      'Ý kiến góp ý của người dân được tiếp thu, phản hồi',
      'Hình thức lấy ý kiến về dự thảo chính sách phù hợp',
    ],
  },
  {
    code: 'CS2',
    name: 'Tổ chức thực hiện chính sách',
    items: [
      'Chính sách được thông tin, tuyên truyền đầy đủ',
      'Nội dung chính sách dễ hiểu',
      'Chính sách được triển khai thực hiện kịp thời',
      'Thủ tục thụ hưởng chính sách đơn giản',
    ],
  },
  {
    code: 'CS3',
    name: 'Kết quả thực hiện chính sách',
    items: [
      'Chính sách đáp ứng nhu cầu của người dân',
      'Chính sách mang lại lợi ích thiết thực cho người dân',
      'Chính sách được thực hiện công bằng, đúng đối tượng',
    ],
  },
];

function expand(areaCode: string, specs: FactorSpec[]): { factors: SurveyFactor[]; items: SurveyItem[] } {
  return {
    factors: specs.map((f) => ({ code: f.code, areaCode, name: f.name })),
    items: specs.flatMap((f) =>
      f.items.map((title, i) => ({ code: `${f.code}.${i + 1}`, factorCode: f.code, title, scaleMin: 1, scaleMax: 5 })),
    ),
  };
}

/** The built-in questionnaire of `year`: the 2017–2021 model before 2022, the 2022 model after. */
export function builtinDefinition(year: number): SurveyDefinition {
  const service = expand('DV', SERVICE_FACTORS);
  const scaleLabels = SATISFACTION_SCALE.map((s) => ({ ...s }));
  if (year < POLICY_MODEL_FROM) {
    return {
      year,
      model: 'sipas2017',
      areas: [{ code: 'DV', name: 'Sự phục vụ hành chính' }],
      ...service,
      scaleLabels,
    };
  }
  const policy = expand('CS', POLICY_FACTORS);
  return {
    year,
    model: 'sipas2022',
    areas: [
      { code: 'DV', name: 'Cung ứng dịch vụ hành chính công' },
      { code: 'CS', name: 'Xây dựng và tổ chức thực hiện chính sách' },
    ],
    factors: [...service.factors, ...policy.factors],
    items: [...service.items, ...policy.items],
    scaleLabels,
  };
}

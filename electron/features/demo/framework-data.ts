// The PAR INDEX framework of the sample province: 8 fields in the order of the national
// framework since 2022, criteria numbered on through the fields, sub-criteria 1.1, 1.2 …
// Titles and maxima that differ between departments (so) and local government (huyen, xa)
// are written per block. (Past 400 lines because it is data: one line per criterion of the
// national framework, kept in one table so that it reads as the decision prints it.)
import type { ScoringMethod, Tier } from '../../../shared/domain';

export type DemoBlockCode = 'so' | 'huyen' | 'xa';

/** A text for every block, or one for departments and one for local government. */
export type PerBlock<T> = T | { so: T; local: T; xa?: T };

export interface LeafSpec {
  title: PerBlock<string>;
  max: PerBlock<number>;
  method?: ScoringMethod;
  /** survey leaves are scored by the sociological survey, never self-scored */
  survey?: boolean;
  tiers?: Tier[];
  /** evidence documents required (default: yes for self-scored leaves) */
  evidence?: boolean;
  guidance?: string;
  /** some units have no duty under it and have it marked not applicable */
  mayBeNotApplicable?: boolean;
}

export interface CriterionSpec {
  title: PerBlock<string>;
  /** sub-criteria; a criterion without them is scored itself and needs `leaf` */
  subs?: LeafSpec[];
  leaf?: Omit<LeafSpec, 'title'>;
}

export interface FieldSpec {
  title: string;
  criteria: CriterionSpec[];
}

const planTiers: Tier[] = [
  { min: 100, points: 1 },
  { min: 80, points: 0.5 },
  { min: 0, points: 0 },
];

export const FIELDS: FieldSpec[] = [
  {
    title: 'Công tác chỉ đạo, điều hành cải cách hành chính',
    criteria: [
      {
        title: 'Kế hoạch cải cách hành chính năm',
        subs: [
          {
            title: 'Ban hành kế hoạch cải cách hành chính năm đúng thời hạn',
            max: 0.5,
            method: 'yesno',
            guidance: 'Ban hành trước ngày 31/01 của năm đánh giá: 0,5 điểm; ban hành chậm hoặc không ban hành: 0 điểm.',
          },
          {
            title: 'Chất lượng kế hoạch: xác định đầy đủ nhiệm vụ, kết quả, thời hạn hoàn thành',
            max: 0.5,
          },
          {
            title: 'Mức độ hoàn thành kế hoạch cải cách hành chính',
            max: 1,
            method: 'tiers',
            tiers: planTiers,
            guidance: 'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm.',
          },
          { title: 'Bố trí kinh phí thực hiện kế hoạch cải cách hành chính', max: 0.5 },
        ],
      },
      {
        title: 'Báo cáo cải cách hành chính',
        subs: [
          { title: 'Số lượng báo cáo định kỳ (quý, 6 tháng, năm) theo quy định', max: 0.5 },
          { title: 'Chất lượng và thời hạn gửi báo cáo', max: 0.5 },
        ],
      },
      {
        title: 'Kiểm tra công tác cải cách hành chính',
        subs: [
          { title: 'Ban hành kế hoạch kiểm tra cải cách hành chính', max: 0.25, method: 'yesno' },
          {
            title: {
              so: 'Tỷ lệ phòng, đơn vị trực thuộc được kiểm tra trong năm',
              local: 'Tỷ lệ cơ quan, đơn vị trên địa bàn được kiểm tra trong năm',
              xa: 'Tỷ lệ thôn, tổ dân phố được kiểm tra trong năm',
            },
            max: 0.5,
          },
          { title: 'Xử lý các vấn đề phát hiện qua kiểm tra', max: 0.5, mayBeNotApplicable: true },
        ],
      },
      {
        title: 'Công tác tuyên truyền cải cách hành chính',
        subs: [
          { title: 'Ban hành kế hoạch tuyên truyền cải cách hành chính', max: 0.25, method: 'yesno' },
          { title: 'Mức độ hoàn thành kế hoạch tuyên truyền', max: 0.5 },
        ],
      },
      {
        title: 'Sáng kiến, giải pháp mới trong cải cách hành chính được áp dụng',
        leaf: {
          max: 1,
          guidance: 'Có sáng kiến, giải pháp được cấp có thẩm quyền công nhận và áp dụng: 1 điểm; có đề xuất nhưng chưa áp dụng: 0,5 điểm.',
        },
      },
      {
        title: {
          so: 'Thực hiện nhiệm vụ được Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh giao',
          local: 'Thực hiện nhiệm vụ được Ủy ban nhân dân cấp trên giao',
        },
        leaf: { max: 1.5 },
      },
      {
        title: 'Đánh giá của lãnh đạo về công tác chỉ đạo, điều hành cải cách hành chính',
        leaf: { max: 2, survey: true },
      },
      {
        title: 'Điểm thưởng: mô hình, cách làm hay trong cải cách hành chính được nhân rộng',
        leaf: {
          max: 1,
          method: 'bonus',
          guidance: 'Cộng tối đa 1 điểm, không vượt điểm tối đa của đơn vị.',
        },
      },
    ],
  },
  {
    title: 'Cải cách thể chế',
    criteria: [
      {
        title: {
          so: 'Tham mưu xây dựng văn bản quy phạm pháp luật thuộc phạm vi quản lý',
          local: 'Xây dựng và ban hành văn bản quy phạm pháp luật tại địa phương',
        },
        subs: [
          {
            title: 'Mức độ thực hiện kế hoạch xây dựng văn bản quy phạm pháp luật năm',
            max: 1,
            method: 'tiers',
            tiers: planTiers,
            guidance: 'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm.',
            mayBeNotApplicable: true,
          },
          { title: 'Tuân thủ quy trình xây dựng văn bản quy phạm pháp luật', max: 1, mayBeNotApplicable: true },
        ],
      },
      {
        title: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật',
        subs: [
          { title: 'Ban hành kế hoạch rà soát, hệ thống hóa văn bản', max: 0.5, method: 'yesno' },
          { title: 'Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực đúng thời hạn', max: 0.5 },
          { title: 'Xử lý kết quả rà soát, hệ thống hóa văn bản', max: 0.75 },
        ],
      },
      {
        title: 'Theo dõi thi hành pháp luật',
        subs: [
          { title: 'Ban hành kế hoạch theo dõi thi hành pháp luật', max: 0.5, method: 'yesno' },
          { title: 'Mức độ hoàn thành kế hoạch theo dõi thi hành pháp luật', max: 0.75 },
          { title: 'Xử lý kết quả theo dõi thi hành pháp luật', max: 0.5 },
        ],
      },
      {
        title: 'Kiểm tra, xử lý văn bản',
        subs: [
          { title: 'Tự kiểm tra văn bản theo thẩm quyền', max: 0.5 },
          {
            title: 'Xử lý văn bản trái pháp luật phát hiện qua kiểm tra',
            max: 0.5,
            mayBeNotApplicable: true,
          },
          { title: 'Báo cáo kết quả kiểm tra, xử lý văn bản đúng thời hạn', max: 0.5, evidence: false },
        ],
      },
      {
        title: 'Phổ biến, giáo dục pháp luật',
        subs: [
          { title: 'Ban hành kế hoạch phổ biến, giáo dục pháp luật năm', max: 0.5, method: 'yesno' },
          { title: 'Mức độ hoàn thành kế hoạch phổ biến, giáo dục pháp luật', max: 1 },
        ],
      },
    ],
  },
  {
    title: 'Cải cách thủ tục hành chính',
    criteria: [
      {
        title: 'Rà soát, đánh giá thủ tục hành chính',
        subs: [
          { title: 'Ban hành kế hoạch rà soát, đánh giá thủ tục hành chính', max: 0.5, method: 'yesno' },
          { title: 'Mức độ hoàn thành kế hoạch rà soát', max: 0.5 },
          { title: 'Đề xuất phương án đơn giản hóa thủ tục hành chính', max: 0.5 },
          { title: 'Thực hiện phương án đơn giản hóa thủ tục hành chính đã được phê duyệt', max: 1 },
        ],
      },
      {
        title: 'Công bố, công khai thủ tục hành chính',
        subs: [
          {
            title: {
              so: 'Tham mưu công bố danh mục thủ tục hành chính đúng thời hạn quy định',
              local: 'Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa đúng quy định',
            },
            max: 1.5,
          },
          { title: 'Công khai thủ tục hành chính trên Cổng Dịch vụ công của tỉnh', max: 1.5 },
        ],
      },
      {
        title: 'Thực hiện cơ chế một cửa, một cửa liên thông',
        subs: [
          { title: 'Bố trí công chức làm việc tại Bộ phận Một cửa theo quy định', max: 1 },
          {
            title: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn',
            max: 2.5,
            method: 'tiers',
            tiers: [
              { min: 98, points: 2.5 },
              { min: 95, points: 2 },
              { min: 90, points: 1 },
              { min: 0, points: 0 },
            ],
            guidance: 'Từ 98% trở lên: 2,5 điểm; từ 95% đến dưới 98%: 2 điểm; từ 90% đến dưới 95%: 1 điểm; dưới 90%: 0 điểm.',
          },
          {
            title: 'Thực hiện xin lỗi người dân, tổ chức khi giải quyết hồ sơ trễ hạn',
            max: 0.5,
            mayBeNotApplicable: true,
            guidance: 'Không áp dụng nếu trong năm không có hồ sơ trễ hạn.',
          },
          {
            title: {
              so: 'Thực hiện liên thông thủ tục hành chính giữa các cơ quan',
              local: 'Thực hiện liên thông các thủ tục: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
            },
            max: 0.5,
          },
          {
            title: 'Tỷ lệ hồ sơ được cập nhật, xử lý trên Hệ thống thông tin giải quyết thủ tục hành chính',
            max: 1,
            method: 'ratio',
          },
        ],
      },
      {
        title: 'Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính',
        subs: [
          { title: 'Công khai địa chỉ tiếp nhận phản ánh, kiến nghị', max: 0.5, method: 'yesno' },
          { title: 'Xử lý phản ánh, kiến nghị đúng thời hạn', max: 1, mayBeNotApplicable: true },
        ],
      },
      {
        title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
        leaf: {
          max: 1.5,
          method: 'ratio',
          guidance: 'Điểm = tỷ lệ hồ sơ được số hóa (%) × 1,5.',
        },
      },
      {
        title: 'Đánh giá của người dân, tổ chức về việc công khai thủ tục hành chính',
        leaf: { max: 2, survey: true },
      },
    ],
  },
  {
    title: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    criteria: [
      {
        title: 'Sắp xếp tổ chức bộ máy',
        subs: [
          {
            title: {
              so: 'Sắp xếp các phòng, đơn vị trực thuộc theo quy định',
              local: 'Sắp xếp các cơ quan chuyên môn theo quy định',
              xa: 'Sắp xếp thôn, tổ dân phố theo quy định',
            },
            max: 1,
          },
          { title: 'Thực hiện quy định về số lượng cấp phó', max: 0.5 },
          { title: 'Ban hành quy định chức năng, nhiệm vụ của các bộ phận chuyên môn', max: 0.5 },
        ],
      },
      {
        title: 'Quản lý biên chế',
        subs: [
          { title: 'Sử dụng biên chế được giao đúng quy định', max: 1 },
          { title: 'Thực hiện tinh giản biên chế theo kế hoạch', max: 1 },
          { title: 'Báo cáo tình hình quản lý, sử dụng biên chế đúng thời hạn', max: 0.5, method: 'yesno' },
        ],
      },
      {
        title: 'Thực hiện phân cấp, ủy quyền',
        subs: [
          { title: 'Thực hiện các nhiệm vụ được phân cấp, ủy quyền', max: 1 },
          { title: 'Kiểm tra, đánh giá việc thực hiện nhiệm vụ được phân cấp, ủy quyền', max: 0.5 },
          { title: 'Ban hành và thực hiện quy chế làm việc, quy chế phối hợp', max: 1 },
        ],
      },
    ],
  },
  {
    title: 'Cải cách chế độ công vụ',
    criteria: [
      {
        title: 'Vị trí việc làm',
        subs: [
          { title: 'Xây dựng, điều chỉnh đề án vị trí việc làm', max: 0.5, method: 'yesno' },
          { title: 'Bố trí công chức theo vị trí việc làm được phê duyệt', max: 1 },
          { title: 'Thực hiện cơ cấu ngạch công chức theo quy định', max: 0.5 },
        ],
      },
      {
        title: 'Tuyển dụng, sử dụng và quản lý công chức, viên chức',
        subs: [
          {
            title: 'Thực hiện tuyển dụng công chức, viên chức đúng quy định',
            max: 1,
            mayBeNotApplicable: true,
            guidance: 'Không áp dụng nếu trong năm đơn vị không tuyển dụng.',
          },
          { title: 'Đánh giá, xếp loại công chức, viên chức đúng quy định', max: 1.5 },
          { title: 'Thực hiện quy định về bổ nhiệm lãnh đạo, quản lý', max: 0.5, mayBeNotApplicable: true },
          { title: 'Cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức', max: 0.5 },
        ],
      },
      {
        title: 'Đào tạo, bồi dưỡng',
        subs: [
          {
            title: 'Tỷ lệ công chức, viên chức được bồi dưỡng theo kế hoạch',
            max: 1,
            method: 'ratio',
            guidance: 'Điểm = tỷ lệ hoàn thành kế hoạch bồi dưỡng (%) × 1.',
          },
          { title: 'Bồi dưỡng kiến thức, kỹ năng về cải cách hành chính, chuyển đổi số', max: 0.5 },
        ],
      },
      {
        title: 'Kỷ luật, kỷ cương hành chính',
        subs: [
          { title: 'Thực hiện quy định về văn hóa công vụ, đạo đức công vụ', max: 1.5 },
          { title: 'Chấp hành giờ giấc, nội quy, quy chế làm việc', max: 0.5 },
          {
            title: 'Điểm trừ: công chức, viên chức bị xử lý kỷ luật trong năm',
            max: 1,
            method: 'deduction',
            guidance: 'Trừ 0,25 điểm cho mỗi trường hợp bị kỷ luật, tối đa 1 điểm.',
          },
        ],
      },
      {
        title: 'Đánh giá của người dân về thái độ, tinh thần phục vụ của công chức',
        leaf: { max: 2, survey: true },
      },
    ],
  },
  {
    title: 'Cải cách tài chính công',
    criteria: [
      {
        title: 'Thực hiện dự toán ngân sách',
        subs: [
          { title: 'Công khai dự toán, quyết toán ngân sách đúng quy định', max: 1.5 },
          {
            title: 'Tỷ lệ giải ngân vốn đầu tư công được giao',
            max: 1,
            method: 'tiers',
            tiers: [
              { min: 95, points: 1 },
              { min: 80, points: 0.5 },
              { min: 0, points: 0 },
            ],
            guidance: 'Từ 95% trở lên: 1 điểm; từ 80% đến dưới 95%: 0,5 điểm; dưới 80%: 0 điểm. Không áp dụng nếu không được giao vốn.',
            mayBeNotApplicable: true,
          },
          { title: 'Thực hiện thu, chi ngân sách đúng thời hạn', max: 1 },
          { title: 'Thực hiện chế độ báo cáo tài chính đúng thời hạn', max: 0.5, evidence: false },
        ],
      },
      {
        title: {
          so: 'Thực hiện cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập trực thuộc',
          local: 'Xây dựng và thực hiện quy chế chi tiêu nội bộ',
        },
        leaf: { max: 1, mayBeNotApplicable: true },
      },
      { title: 'Quản lý, sử dụng tài sản công đúng quy định', leaf: { max: 1 } },
      {
        title: 'Thực hiện kết luận thanh tra, kiểm toán về tài chính',
        leaf: { max: 0.5, mayBeNotApplicable: true },
      },
      { title: 'Quản lý, sử dụng kinh phí cải cách hành chính', leaf: { max: 0.5 } },
    ],
  },
  {
    title: 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
    criteria: [
      {
        title: 'Hạ tầng, nền tảng số',
        subs: [
          { title: 'Áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001', max: 1 },
          { title: 'Cập nhật, vận hành trang thông tin điện tử', max: 0.5 },
          { title: 'Bảo đảm an toàn thông tin mạng', max: 1 },
        ],
      },
      {
        title: 'Văn bản điện tử và chữ ký số',
        subs: [
          { title: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử', max: 1, method: 'ratio' },
          { title: 'Sử dụng chữ ký số trên văn bản điện tử', max: 1.5 },
          { title: 'Kết nối, liên thông hệ thống quản lý văn bản và điều hành', max: 0.5, method: 'yesno' },
        ],
      },
      {
        title: 'Dịch vụ công trực tuyến',
        subs: [
          {
            title: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình',
            max: 2,
            method: 'ratio',
            guidance: 'Điểm = tỷ lệ thủ tục cung cấp trực tuyến toàn trình (%) × 2.',
          },
          {
            title: 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến',
            max: 2,
            method: 'ratio',
            guidance: 'Điểm = tỷ lệ hồ sơ nộp trực tuyến (%) × 2.',
          },
          { title: 'Thanh toán trực tuyến phí, lệ phí', max: 1 },
        ],
      },
      {
        title: 'Chuyển đổi số trong hoạt động của cơ quan',
        subs: [
          { title: 'Xây dựng, cập nhật cơ sở dữ liệu chuyên ngành', max: 1 },
          { title: 'Ứng dụng nền tảng số trong chỉ đạo, điều hành', max: 1 },
        ],
      },
      {
        title: 'Đánh giá của người dân về mức độ thuận tiện của dịch vụ công trực tuyến',
        leaf: { max: 2, survey: true },
      },
    ],
  },
  {
    title: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội',
    criteria: [
      {
        title: 'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ hành chính (SIPAS)',
        leaf: {
          max: { so: 13, local: 15 },
          survey: true,
          guidance: 'Điểm = chỉ số hài lòng SIPAS (%) × điểm tối đa.',
        },
      },
      {
        title: 'Đánh giá của đại biểu Hội đồng nhân dân, lãnh đạo về tác động của cải cách hành chính',
        leaf: { max: { so: 7, local: 5 }, survey: true },
      },
      {
        title: 'Tác động đến phát triển kinh tế - xã hội',
        subs: [
          {
            title: {
              so: 'Thu hút đầu tư, hỗ trợ doanh nghiệp trong lĩnh vực quản lý',
              local: 'Thu ngân sách nhà nước trên địa bàn đạt dự toán',
            },
            max: 2.5,
          },
          {
            title: 'Thực hiện các chỉ tiêu phát triển kinh tế - xã hội được giao',
            max: 2.5,
            method: 'tiers',
            tiers: [
              { min: 100, points: 2.5 },
              { min: 90, points: 1.5 },
              { min: 0, points: 0 },
            ],
            guidance: 'Đạt 100% chỉ tiêu: 2,5 điểm; từ 90% đến dưới 100%: 1,5 điểm; dưới 90%: 0 điểm.',
          },
          { title: 'Giải quyết khiếu nại, tố cáo thuộc thẩm quyền', max: 1, mayBeNotApplicable: true },
        ],
      },
    ],
  },
];

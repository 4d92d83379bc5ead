// The units of the fictional province "Tỉnh Mẫu": its departments, its districts with the
// commune-level units they held until 2024, and the 65 communes formed from those in 2025.
// Every name is invented for the sample; any likeness to a real place is a common name.

export interface DemoDepartment {
  code: string;
  name: string;
  /** scored but not ranked ("không xếp hạng") */
  ranked: boolean;
  /** has public service units of its own (đơn vị sự nghiệp), so financial autonomy applies */
  hasServiceUnits: boolean;
}

export const DEPARTMENTS: DemoDepartment[] = [
  { code: 'VPUB', name: 'Văn phòng Ủy ban nhân dân tỉnh', ranked: true, hasServiceUnits: true },
  { code: 'SNV', name: 'Sở Nội vụ', ranked: true, hasServiceUnits: true },
  { code: 'STP', name: 'Sở Tư pháp', ranked: true, hasServiceUnits: true },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', ranked: true, hasServiceUnits: false },
  { code: 'STC', name: 'Sở Tài chính', ranked: true, hasServiceUnits: false },
  { code: 'SCT', name: 'Sở Công Thương', ranked: true, hasServiceUnits: true },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', ranked: true, hasServiceUnits: true },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', ranked: true, hasServiceUnits: true },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', ranked: true, hasServiceUnits: true },
  { code: 'SXD', name: 'Sở Xây dựng', ranked: true, hasServiceUnits: true },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', ranked: true, hasServiceUnits: true },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', ranked: true, hasServiceUnits: true },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', ranked: true, hasServiceUnits: true },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', ranked: true, hasServiceUnits: true },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', ranked: true, hasServiceUnits: true },
  { code: 'SYT', name: 'Sở Y tế', ranked: true, hasServiceUnits: true },
  { code: 'TTT', name: 'Thanh tra tỉnh', ranked: true, hasServiceUnits: false },
  { code: 'BDT', name: 'Ban Dân tộc tỉnh', ranked: true, hasServiceUnits: false },
  { code: 'BQLKKT', name: 'Ban Quản lý Khu kinh tế tỉnh', ranked: false, hasServiceUnits: true },
  { code: 'VPDDBQH', name: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', ranked: false, hasServiceUnits: false },
];

/**
 * A new commune of 2025 and how many of its district's old communes, taken in the order
 * listed, it was formed from. `keepsCode`: it keeps the code and name of the first of them
 * (which absorbs the others); otherwise it is a new unit whose predecessors are all of them.
 */
export interface DemoNewCommune {
  name: string;
  from: number;
  keepsCode?: boolean;
}

export interface DemoDistrict {
  name: string;
  /** commune-level units of the district until 30/6/2025 */
  oldCommunes: string[];
  /** the communes of 2025 formed from them, in order */
  newCommunes: DemoNewCommune[];
}

export const DISTRICTS: DemoDistrict[] = [
  {
    name: 'Thành phố Minh Châu',
    oldCommunes: [
      'Phường Đông Kinh', 'Phường Tân Giang', 'Phường Hoàng Hoa',
      'Phường Chi Lăng', 'Phường Tam Hợp', 'Phường Vĩnh Trại',
      'Phường Bến Thủy', 'Phường Nam Thành', 'Phường Phú Lộc',
      'Xã Mai Pha', 'Xã Hoàng Đồng', 'Xã Quảng Lạc',
    ],
    newCommunes: [
      { name: 'Phường Đông Kinh', from: 3, keepsCode: true },
      { name: 'Phường Chi Lăng', from: 3, keepsCode: true },
      { name: 'Phường Lương Văn Tri', from: 3 },
      { name: 'Xã Mai Pha', from: 3, keepsCode: true },
    ],
  },
  {
    name: 'Thị xã Phú Hưng',
    oldCommunes: [
      'Phường Phú Hưng', 'Phường Hưng Thịnh', 'Xã Phú Xuân',
      'Xã Tân Hòa', 'Xã Hòa Lạc',
      'Xã An Phú', 'Xã Đông Quan', 'Xã Tây Quan',
      'Xã Phúc Thịnh', 'Xã Vạn Linh',
      'Xã Lâm Ca', 'Xã Nhất Hòa',
    ],
    newCommunes: [
      { name: 'Phường Kỳ Lừa', from: 3 },
      { name: 'Xã Hòa Lạc', from: 2 },
      { name: 'Xã An Quan', from: 3 },
      { name: 'Xã Phúc Linh', from: 2 },
      { name: 'Xã Nhất Lâm', from: 2 },
    ],
  },
  {
    name: 'Huyện Tân Phong',
    oldCommunes: [
      'Thị trấn Tân Phong', 'Xã Tân Lập', 'Xã Tân Thành',
      'Xã Tân Tiến', 'Xã Hồng Phong',
      'Xã Hồng Thái', 'Xã Quang Trung',
      'Xã Minh Khai', 'Xã Hùng Việt',
      'Xã Đại Đồng', 'Xã Kim Đồng', 'Xã Thống Nhất',
      'Xã Bình Trung', 'Xã Yên Lỗ',
      'Xã Chu Túc',
    ],
    newCommunes: [
      { name: 'Xã Tân Phong', from: 3 },
      { name: 'Xã Tân Tiến', from: 2 },
      { name: 'Xã Hồng Quang', from: 2 },
      { name: 'Xã Minh Việt', from: 2 },
      { name: 'Xã Đại Đồng', from: 3 },
      { name: 'Xã Bình Yên', from: 2 },
      { name: 'Xã Chu Sơn', from: 1 },
    ],
  },
  {
    name: 'Huyện Hòa Sơn',
    oldCommunes: [
      'Thị trấn Hòa Sơn', 'Xã Hòa Bình', 'Xã Hòa Thắng',
      'Xã Sơn Hà', 'Xã Sơn Thủy',
      'Xã Lương Năng', 'Xã Lương Thượng',
      'Xã Vân Nham', 'Xã Đồng Ý',
      'Xã Tú Đoạn', 'Xã Khánh Long',
      'Xã Thụy Hùng', 'Xã Hội Hoan',
      'Xã Gia Lộc', 'Xã Bảo Lâm',
    ],
    newCommunes: [
      { name: 'Xã Hòa Sơn', from: 3 },
      { name: 'Xã Sơn Thủy', from: 2 },
      { name: 'Xã Lương Năng', from: 2 },
      { name: 'Xã Vân Nham', from: 2 },
      { name: 'Xã Khánh Đoạn', from: 2 },
      { name: 'Xã Thụy Hội', from: 2 },
      { name: 'Xã Gia Bảo', from: 2 },
    ],
  },
  {
    name: 'Huyện Vân Lâm',
    oldCommunes: [
      'Thị trấn Vân Lâm', 'Xã Vân Mộng', 'Xã Vân An',
      'Xã Lâm Thượng', 'Xã Lâm Hạ',
      'Xã Xuân Long', 'Xã Xuân Dương',
      'Xã Hợp Thành', 'Xã Phúc Lộc',
      'Xã Nam Quan', 'Xã Ái Quốc', 'Xã Hữu Lân',
      'Xã Tam Gia', 'Xã Mẫu Đơn',
      'Xã Lộc Yên',
    ],
    newCommunes: [
      { name: 'Xã Vân Lâm', from: 3 },
      { name: 'Xã Lâm Thượng', from: 2 },
      { name: 'Xã Xuân Dương', from: 2 },
      { name: 'Xã Hợp Phúc', from: 2 },
      { name: 'Xã Ái Quốc', from: 3 },
      { name: 'Xã Tam Gia', from: 2 },
      { name: 'Xã Lộc An', from: 1 },
    ],
  },
  {
    name: 'Huyện Bắc Khê',
    oldCommunes: [
      'Thị trấn Bắc Khê', 'Xã Bắc Quỳnh', 'Xã Bắc Sơn',
      'Xã Chiến Thắng', 'Xã Vũ Lễ',
      'Xã Vũ Lăng', 'Xã Vũ Sơn',
      'Xã Tân Hương', 'Xã Trấn Yên', 'Xã Nhất Tiến',
      'Xã Hưng Vũ', 'Xã Vạn Thủy',
      'Xã Long Đống', 'Xã Tân Tri',
      'Xã Quỳnh Sơn',
    ],
    newCommunes: [
      { name: 'Xã Bắc Khê', from: 3 },
      { name: 'Xã Vũ Lễ', from: 2 },
      { name: 'Xã Vũ Lăng', from: 2 },
      { name: 'Xã Tân Hương', from: 3 },
      { name: 'Xã Hưng Vũ', from: 2 },
      { name: 'Xã Long Tri', from: 2 },
      { name: 'Xã Hữu Vĩnh', from: 1 },
    ],
  },
  {
    name: 'Huyện Đồng Lạc',
    oldCommunes: [
      'Thị trấn Đồng Lạc', 'Xã Đồng Tâm', 'Xã Đồng Tiến',
      'Xã Yên Bình', 'Xã Yên Phúc',
      'Xã Hữu Liên', 'Xã Hữu Kiên',
      'Xã Minh Tiến', 'Xã Minh Hòa', 'Xã Cai Kinh',
      'Xã Thiện Kỵ', 'Xã Thiện Long',
      'Xã Hòa Cư', 'Xã Quyết Thắng',
      'Xã Tràng Phái',
    ],
    newCommunes: [
      { name: 'Xã Đồng Lạc', from: 3 },
      { name: 'Xã Yên Phúc', from: 2 },
      { name: 'Xã Hữu Liên', from: 2 },
      { name: 'Xã Minh Tiến', from: 3 },
      { name: 'Xã Thiện Long', from: 2 },
      { name: 'Xã Hòa Cư', from: 2 },
      { name: 'Xã Tràng Định', from: 1 },
    ],
  },
  {
    name: 'Huyện Thạch Bàn',
    oldCommunes: [
      'Thị trấn Thạch Bàn', 'Xã Thạch An', 'Xã Thạch Lợi',
      'Xã Đức Long', 'Xã Đức Xuân', 'Xã Đức Thông',
      'Xã Kim Lư', 'Xã Kim Sơn',
      'Xã Trọng Con', 'Xã Lê Lợi',
      'Xã Canh Tân', 'Xã Quang Trọng',
      'Xã Vân Trình', 'Xã Thụy Hương',
      'Xã Thái Cường',
    ],
    newCommunes: [
      { name: 'Xã Thạch Bàn', from: 3 },
      { name: 'Xã Đức Long', from: 3 },
      { name: 'Xã Kim Sơn', from: 2 },
      { name: 'Xã Trọng Con', from: 2 },
      { name: 'Xã Canh Tân', from: 2 },
      { name: 'Xã Vân Trình', from: 2 },
      { name: 'Xã Thái Hòa', from: 1 },
    ],
  },
  {
    name: 'Huyện Quảng Hà',
    oldCommunes: [
      'Thị trấn Quảng Hà', 'Xã Quảng Long', 'Xã Quảng Đức',
      'Xã Hà Lâu', 'Xã Hà Thượng',
      'Xã Phong Dụ', 'Xã Phong Vân',
      'Xã Cường Lợi', 'Xã Cao Minh',
      'Xã Cao Lâu', 'Xã Xuất Lễ',
      'Xã Thanh Lòa', 'Xã Lộc Thành',
      'Xã Hải Yến', 'Xã Công Sơn',
    ],
    newCommunes: [
      { name: 'Xã Quảng Hà', from: 3 },
      { name: 'Xã Hà Lâu', from: 2 },
      { name: 'Xã Phong Dụ', from: 2 },
      { name: 'Xã Cường Lợi', from: 2 },
      { name: 'Xã Cao Lâu', from: 2 },
      { name: 'Xã Lộc Thành', from: 2 },
      { name: 'Xã Hải Yến', from: 2 },
    ],
  },
  {
    name: 'Huyện Mỹ Yên',
    oldCommunes: [
      'Thị trấn Mỹ Yên', 'Xã Mỹ Lộc', 'Xã Mỹ Thành',
      'Xã Yên Trạch', 'Xã Yên Khoái',
      'Xã Tân Liên', 'Xã Tân Văn',
      'Xã Song Giáp', 'Xã Gia Cát',
      'Xã Xuân Lễ', 'Xã Bảo Ninh',
      'Xã Nhạc Kỳ', 'Xã Bình La',
      'Xã Khuất Xá', 'Xã Tú Mịch',
    ],
    newCommunes: [
      { name: 'Xã Mỹ Yên', from: 3 },
      { name: 'Xã Yên Trạch', from: 2 },
      { name: 'Xã Tân Văn', from: 2 },
      { name: 'Xã Song Giáp', from: 2 },
      { name: 'Xã Xuân Lễ', from: 2 },
      { name: 'Xã Nhạc Kỳ', from: 2 },
      { name: 'Xã Khuất Xá', from: 2 },
    ],
  },
];

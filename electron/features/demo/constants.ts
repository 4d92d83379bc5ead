// What the demo workspace is called and which years it holds.
export const DEMO_PROVINCE = 'Tỉnh Mẫu';
export const DEMO_LABEL = 'Dữ liệu mẫu';
export const DEMO_YEARS = [2023, 2024, 2025] as const;
/** The year whose results were not all appraised when the sample was taken. */
export const DEMO_OPEN_YEAR = 2025;

// AG Grid, community modules only, in Vietnamese and in the app's look.
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_VN } from '@ag-grid-community/locale';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridLocale = AG_GRID_LOCALE_VN;

export const gridTheme = themeQuartz.withParams({
  fontFamily: '"Noto Sans", sans-serif',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef2f7',
  rowHeight: 30,
  headerHeight: 36,
  spacing: 6,
  accentColor: '#1f5fa8',
  borderColor: '#d5dce6',
  oddRowBackgroundColor: '#fafbfd',
  cellHorizontalPadding: 8,
});

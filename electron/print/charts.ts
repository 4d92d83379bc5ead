// Charts drawn as SVG without a browser, through ECharts' server-side rendering.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** The chart of `option` as an SVG element of `width` × `height` CSS pixels, without animation. */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

// One ECharts chart drawn as SVG (crisp on screen, the same as on paper), with buttons that
// save it as PNG or SVG through the main process: the window itself never writes files.
import { useEffect, useMemo } from 'react';
import * as echarts from 'echarts';
import type { ECElementEvent, EChartsOption } from 'echarts';
import { call } from '../../app/api';
import { useEChart } from '../../app/echarts';
import { useAction } from '../../app/messages';

export interface ChartProps {
  option: EChartsOption;
  height: number;
  /** the file name offered when saving, without extension */
  fileName: string;
  /** a label for people and tests: "Biểu đồ xếp hạng" */
  label: string;
  onClick?(event: ECElementEvent): void;
  /** a category of the unit axis to set apart: the unit being looked at */
  selectedLabel?: string | null;
}

/** A tooltip for charts whose option brings none; the screen can hover, paper cannot. */
const SCREEN_DEFAULTS: EChartsOption = { tooltip: { confine: true }, animationDuration: 300 };

/** The chart drawn again off screen by the canvas renderer, as a PNG data URL at twice the pixels. */
function pngDataUrl(option: EChartsOption, width: number, height: number): string {
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px`;
  document.body.appendChild(holder);
  const chart = echarts.init(holder, null, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    chart.dispose();
    holder.remove();
  }
}

export function Chart({ option, height, fileName, label, onClick, selectedLabel }: ChartProps) {
  const { run, busy: saving } = useAction();
  const screenOption = useMemo(() => ({ ...SCREEN_DEFAULTS, ...option }), [option]);
  const { holder, chart } = useEChart(screenOption);

  useEffect(() => {
    chart.current?.resize();
  }, [chart, height]);

  useEffect(() => {
    if (selectedLabel === undefined) return;
    chart.current?.setOption({
      yAxis: {
        axisLabel: {
          formatter: (value: string) => (value === selectedLabel ? `{selected|${value}}` : value),
          rich: { selected: { fontWeight: 'bold', color: '#b42318' } },
        },
      },
    });
  }, [chart, option, selectedLabel]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (event: ECElementEvent) => onClick(event);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [chart, onClick]);

  const save = (format: 'png' | 'svg') => {
    const instance = chart.current;
    if (!instance) return;
    void run(
      () => {
        const data =
          format === 'svg' ? instance.getDataURL({ type: 'svg' }) : pngDataUrl(screenOption, instance.getWidth(), instance.getHeight());
        return call('compare:saveChart', { format, name: fileName, data });
      },
      { done: (saved) => !saved.cancelled && `Đã lưu biểu đồ vào tệp ${saved.value.file}.` },
    );
  };

  return (
    <figure className="chart" aria-label={label}>
      <div className="chart-actions">
        <button type="button" disabled={saving} onClick={() => save('png')}>
          Lưu PNG
        </button>
        <button type="button" disabled={saving} onClick={() => save('svg')}>
          Lưu SVG
        </button>
      </div>
      <div ref={holder} className="chart-canvas" style={{ height }} data-testid="chart" />
    </figure>
  );
}

// One ECharts chart drawn as SVG (crisp on screen, the same as on paper), with buttons that
// save it as PNG or SVG through the main process: the window itself never writes files.
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts';
import type { ECElementEvent, EChartsOption } from 'echarts';
import { call, messageOf } from '../../app/api';
import type { Message } from '../../app/MessageBar';

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
  setMessage(message: Message | null): void;
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

export function Chart({ option, height, fileName, label, onClick, selectedLabel, setMessage }: ChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const instance = echarts.init(holder.current!, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(holder.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...SCREEN_DEFAULTS, ...option }, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

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
  }, [option, selectedLabel]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (event: ECElementEvent) => onClick(event);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  const save = async (format: 'png' | 'svg') => {
    const instance = chart.current;
    if (!instance) return;
    setSaving(true);
    try {
      const data =
        format === 'svg'
          ? instance.getDataURL({ type: 'svg' })
          : pngDataUrl({ ...SCREEN_DEFAULTS, ...option }, instance.getWidth(), instance.getHeight());
      const saved = await call('compare:saveChart', { format, name: fileName, data });
      if (!saved.cancelled) setMessage({ kind: 'info', text: `Đã lưu biểu đồ vào tệp ${saved.value.file}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    } finally {
      setSaving(false);
    }
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

// One ECharts chart drawn as SVG in a box of the page (crisp on screen, the same as on paper):
// made when the box appears, drawn again when its option changes, resized with the box, gone
// with it. Each screen registers the ECharts parts it draws.
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { init, type ECharts } from 'echarts/core';

export function useEChart(option: EChartsOption) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    const box = holder.current!;
    const instance = init(box, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return { holder, chart };
}

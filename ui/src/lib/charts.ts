// ECharts with only what the dashboard draws (bars, lines, a heatmap) on the canvas renderer: no SVG,
// no eval, nothing remote. Colours come from the theme's CSS variables, so charts follow light and dark.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartColors } from './analytics';
import type { Locale } from './i18n/index.svelte';

use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type { ECharts };

/** A chart instance on `element`, with ECharts' own words (its built-in Chinese) in the UI language. */
export function createChart(element: HTMLElement, locale: Locale): ECharts {
  return init(element, null, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
}

/** The chart colours of the theme on screen (read from app.css's variables). */
export function themeColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const dark = document.documentElement.dataset['theme'] === 'dark';
  return {
    text: v('--text', '#1b1f29'),
    muted: v('--text-3', '#7b8396'),
    grid: v('--border', '#e3e6ec'),
    background: v('--bg', '#ffffff'),
    accent: v('--accent', '#4f5bd5'),
    palette: dark
      ? ['#8b95f5', '#4cc38a', '#f0a45d', '#e86f9a', '#5bb8e8', '#b69cf2', '#d6c25a', '#8d98aa', '#f08a7a']
      : ['#4f5bd5', '#2b9a66', '#e07b24', '#d6336c', '#1c8cc4', '#7c5ccf', '#b59a12', '#6b7486', '#d9533f'],
  };
}

/** The chart as a PNG (twice the pixels, on the theme's background), as a data URL. */
export function chartPng(chart: ECharts, background: string): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
}

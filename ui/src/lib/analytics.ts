// The analytics dashboard without UI: date ranges as queries, figures in words (durations, shares), labels
// for the backend's keys (channels, categories, sentiment, AI sources) in the UI language, each chart as a
// table (what its CSV holds) and the ECharts option drawn from the same table. Pure: the screen renders.
import type { AnalyticsQuery, Dashboard, DurationStats, Series, TimingBreakdown, TopCustomer } from './backend';
import { translate, type Locale, type MessageKey } from './i18n/index.svelte';

// ---------- date ranges ----------

export const RANGE_PRESETS = ['last7', 'last30', 'last90', 'thisWeek', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Local midnight of the day `ms` falls on, `days` days later (negative: earlier). */
export function localMidnight(ms: number, days = 0): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** A local day as the date input holds it, `YYYY-MM-DD`. */
export function dayInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight of a `YYYY-MM-DD` day; null when it is not one. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) return null;
  return d.getTime();
}

/**
 * The range a preset stands for, `from` inclusive and `to` exclusive (the next local midnight after
 * today, or after the custom range's last day). Null for a custom range that is not valid.
 */
export function rangeFor(preset: RangePreset, now: number, custom?: { from: string; to: string }): { from: number; to: number } | null {
  const tomorrow = localMidnight(now, 1);
  switch (preset) {
    case 'last7':
      return { from: localMidnight(now, -6), to: tomorrow };
    case 'last30':
      return { from: localMidnight(now, -29), to: tomorrow };
    case 'last90':
      return { from: localMidnight(now, -89), to: tomorrow };
    case 'thisWeek': {
      const weekday = (new Date(now).getDay() + 6) % 7; // Monday 0
      return { from: localMidnight(now, -weekday), to: tomorrow };
    }
    case 'custom': {
      const from = parseDay(custom?.from ?? '');
      const last = parseDay(custom?.to ?? '');
      if (from === null || last === null || last < from) return null;
      return { from, to: localMidnight(last, 1) };
    }
  }
}

export interface Filters {
  channel: string | null;
  queue: string | null;
  /** A category id; '' means tickets without one. */
  category: string | null;
}

export function buildQuery(range: { from: number; to: number }, filters: Filters): AnalyticsQuery {
  return { from: range.from, to: range.to, channel: filters.channel, queue: filters.queue, category: filters.category };
}

// ---------- words ----------

/** A duration a team lead reads at a glance: minutes under two hours, hours under two days, then days. */
export function formatDuration(ms: number | null | undefined, locale: Locale): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const minutes = ms / 60_000;
  const one = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (minutes < 120) return translate(locale, 'analytics.unit.min', { n: Math.round(minutes) });
  if (minutes < 48 * 60) return translate(locale, 'analytics.unit.h', { n: one(minutes / 60) });
  return translate(locale, 'analytics.unit.days', { n: one(minutes / 1440) });
}

/** A share (0–1) as a percentage with at most one decimal; '—' when there is none. */
export function formatPercent(share: number | null | undefined, locale: Locale): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatUsd(n: number | null | undefined, locale: Locale): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: n < 1 ? 4 : 2 }).format(n);
}

const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440, 2880, 4320, 7200, 10080, 20160, 43200];

/** A round step for a duration axis (5 min, 1 h, 6 h, 1 day…) giving at most `ticks` steps up to `max` ms. */
export function durationStep(max: number, ticks = 5): number {
  const want = max / ticks;
  const step = STEPS_MIN.find((m) => m * 60_000 >= want) ?? Math.ceil(want / (43200 * 60_000)) * 43200;
  return step * 60_000;
}

/** The largest value of the series (0 when there is none). */
function largest(series: { values: (number | null)[] }[]): number {
  return series.reduce((m, s) => s.values.reduce<number>((n, v) => Math.max(n, v ?? 0), m), 0);
}

export type KeyKind = 'channel' | 'category' | 'sentiment' | 'source' | 'queue';

/** The name of a category id in the UI language (the taxonomy's); ids it does not know show as they are. */
export type CategoryNamer = (id: string) => string;

const CHANNELS = ['email', 'phone', 'telegram', 'wechat'];
const SENTIMENTS = ['positive', 'neutral', 'negative'];

/** A backend key (channel, category id, sentiment, AI source, queue) in the UI language; empty ones say "none". */
export function keyLabel(kind: KeyKind, key: string, locale: Locale, categoryName: CategoryNamer): string {
  if (key === '') return translate(locale, kind === 'category' ? 'analytics.uncategorized' : kind === 'queue' ? 'analytics.noQueue' : 'analytics.unknown');
  switch (kind) {
    case 'channel':
      return CHANNELS.includes(key) ? translate(locale, `channel.${key}` as MessageKey) : key;
    case 'sentiment':
      return SENTIMENTS.includes(key) ? translate(locale, `sentiment.${key}` as MessageKey) : key;
    case 'source':
      return key === 'llm' ? translate(locale, 'analytics.source.llm') : key === 'local_model' ? translate(locale, 'analytics.source.local_model') : key;
    case 'category':
      return categoryName(key);
    case 'queue':
      return key;
  }
}

/** A period on the chart's axis: "Mar 4" (a day, or the Monday a week starts). */
export function periodLabel(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(new Date(ms));
}

/** The range in words, last day included: "Mar 1 – Mar 30, 2026". */
export function rangeLabel(range: { from: number; to: number }, locale: Locale): string {
  const fmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  return fmt.formatRange(new Date(range.from), new Date(Math.max(range.from, range.to - 1)));
}

// ---------- key figures ----------

export const FIGURES = ['created', 'resolved', 'first-response', 'sla', 'ai-changes', 'repeat'] as const;
export type FigureId = (typeof FIGURES)[number];

export interface Figure {
  id: FigureId;
  label: string;
  value: string;
  /** A quieter second line (e.g. how many tickets a share is of). */
  detail: string;
}

export function keyFigures(d: Dashboard, locale: Locale): Figure[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const n = (x: number) => formatNumber(x, locale);
  return [
    { id: 'created', label: t('analytics.fig.created'), value: n(d.volume.total_created), detail: t('analytics.fig.createdDetail', { count: n(d.customers.customers) }) },
    { id: 'resolved', label: t('analytics.fig.resolved'), value: n(d.volume.total_resolved), detail: t('analytics.fig.resolvedDetail', { open: n(d.backlog.open.at(-1) ?? 0), pending: n(d.backlog.pending.at(-1) ?? 0) }) },
    {
      id: 'first-response',
      label: t('analytics.fig.firstResponse'),
      value: formatDuration(d.timings.first_response_total.median_ms, locale),
      detail: t('analytics.fig.p90', { value: formatDuration(d.timings.first_response_total.p90_ms, locale) }),
    },
    {
      id: 'sla',
      label: t('analytics.fig.sla'),
      value: formatPercent(d.service_levels.compliance, locale),
      detail: t('analytics.fig.slaDetail', { breached: n(d.service_levels.breached), covered: n(d.service_levels.covered) }),
    },
    {
      id: 'ai-changes',
      label: t('analytics.fig.aiChanges'),
      value: formatPercent(d.ai.category_change_rate, locale),
      detail: t('analytics.fig.aiChangesDetail', { changed: n(d.ai.category_changed), classified: n(d.ai.classified) }),
    },
    {
      id: 'repeat',
      label: t('analytics.fig.repeat'),
      value: n(d.customers.repeat_contacts),
      detail: t('analytics.fig.repeatDetail', { rate: formatPercent(d.customers.repeat_rate, locale) }),
    },
  ];
}

// ---------- tables and CSV ----------

export type Cell = string | number | null;

/** What a chart shows as rows and columns with human headers: its CSV, and what its option is drawn from. */
export interface Table {
  headers: string[];
  rows: Cell[][];
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  // A text starting like a formula stays text in a spreadsheet.
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header line, then a line per row (CRLF); quotes doubled inside quoted cells. */
export function toCsv(table: Table): string {
  return [table.headers, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The CSV's bytes as saved: UTF-8 with a byte order mark, so spreadsheets read Chinese right. */
export function csvBytes(table: Table): number[] {
  return Array.from(new TextEncoder().encode('\uFEFF' + toCsv(table)));
}

/** The bytes of a `data:image/png;base64,…` URL. */
export function dataUrlBytes(url: string): number[] {
  const base64 = url.slice(url.indexOf(',') + 1);
  const binary = atob(base64);
  const out = new Array<number>(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** `switchboard-volume-2026-03-01-to-2026-03-30.csv`: the chart and the range's first and last day. */
export function exportFileName(chart: string, range: { from: number; to: number }, ext: 'csv' | 'png' | 'html'): string {
  return `switchboard-${chart}-${dayInput(range.from)}-to-${dayInput(Math.max(range.from, range.to - 1))}.${ext}`;
}

// ---------- charts ----------

export const CHARTS = [
  'volume',
  'flow',
  'backlog',
  'timings',
  'timing-breakdown',
  'sla',
  'ai-rates',
  'confusion',
  'calibration',
  'cost',
  'automation',
  'sentiment',
  'top-customers',
] as const;
export type ChartId = (typeof CHARTS)[number];

/** The views a chart can switch between (its toggle); the first is the default. */
export const CHART_VARIANTS: Partial<Record<ChartId, readonly string[]>> = {
  volume: ['channel', 'category'],
  timings: ['first_response', 'resolution'],
  'timing-breakdown': ['channel', 'category', 'queue'],
  'ai-rates': ['source', 'category'],
};

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  background: string;
  accent: string;
  palette: string[];
}

export interface ChartContext {
  locale: Locale;
  categoryName: CategoryNamer;
  colors: ChartColors;
}

/** An ECharts option (kept loose here so this module needs nothing of ECharts at run time). */
export type ChartOption = Record<string, unknown>;

export interface Chart {
  table: Table;
  option: ChartOption;
  /** Nothing to draw (the chart shows a line saying so). */
  empty: boolean;
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function axisBase(ctx: ChartContext) {
  const { colors } = ctx;
  return {
    axisLine: { lineStyle: { color: colors.grid } },
    axisTick: { show: false },
    axisLabel: { color: colors.muted, fontSize: 11 },
    splitLine: { lineStyle: { color: colors.grid } },
  };
}

function baseOption(ctx: ChartContext, legend: boolean): ChartOption {
  const { colors } = ctx;
  return {
    animationDuration: 300,
    color: colors.palette,
    textStyle: { color: colors.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif' },
    grid: { left: 8, right: 16, top: legend ? 36 : 14, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: colors.background,
      borderColor: colors.grid,
      textStyle: { color: colors.text, fontSize: 12 },
    },
    legend: legend ? { type: 'scroll', top: 0, left: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10, textStyle: { color: colors.muted, fontSize: 11 }, pageTextStyle: { color: colors.muted } } : { show: false },
  };
}

/** A duration axis ticking at round steps, from 0 to the step just past the largest value. */
function durationAxis(max: number): { min: number; max: number; interval: number } {
  const interval = durationStep(Math.max(max, 60_000));
  return { min: 0, max: Math.max(interval, Math.ceil(max / interval) * interval), interval };
}

/** A chart over the periods: a column per series, a row per period (dated `YYYY-MM-DD`, local time). */
function overTime(
  d: Dashboard,
  ctx: ChartContext,
  series: { name: string; values: (number | null)[]; type?: 'bar' | 'line'; stack?: boolean; dashed?: boolean }[],
  extra: { duration?: boolean; percent?: boolean; csvHeaders?: string[]; csvValues?: (number | null)[][] } = {},
): Chart {
  const { locale } = ctx;
  const periodHeader = translate(locale, d.bucket_size === 'week' ? 'analytics.col.week' : 'analytics.col.day');
  const headers = [periodHeader, ...(extra.csvHeaders ?? series.map((s) => s.name))];
  const columns = extra.csvValues ?? series.map((s) => s.values);
  const rows = d.periods.map((p, i) => [dayInput(p), ...columns.map((c) => c[i] ?? null)]);
  const format = (v: number) => (extra.duration ? formatDuration(v, locale) : extra.percent ? formatPercent(v / 100, locale) : formatNumber(v, locale));
  const axis = axisBase(ctx);
  const option: ChartOption = {
    ...baseOption(ctx, series.length > 1),
    xAxis: { type: 'category', data: d.periods.map((p) => periodLabel(p, locale)), ...axis, splitLine: { show: false } },
    yAxis: { type: 'value', ...axis, ...(extra.duration ? durationAxis(largest(series)) : { minInterval: 1 }), axisLabel: { ...axis.axisLabel, formatter: format } },
    series: series.map((s) => ({
      name: s.name,
      type: s.type ?? 'bar',
      stack: s.stack ? 'total' : undefined,
      data: s.values,
      barMaxWidth: 28,
      showSymbol: d.periods.length <= 31,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
      // Stacked lines are filled, so each band reads as its own share.
      areaStyle: s.stack && s.type === 'line' ? { opacity: 0.22 } : undefined,
      emphasis: { focus: 'series' },
      tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : format(v)) },
    })),
  };
  const empty = d.periods.length === 0 || series.every((s) => s.values.every((v) => !v));
  return { table: { headers, rows }, option, empty };
}

/** Horizontal bars, a row per key (largest first as given). */
function bars(
  ctx: ChartContext,
  keyHeader: string,
  keys: string[],
  series: { name: string; values: (number | null)[] }[],
  extra: { duration?: boolean; percent?: boolean; csvHeaders?: string[]; csvValues?: (number | null)[][] } = {},
): Chart {
  const { locale } = ctx;
  const columns = extra.csvValues ?? series.map((s) => s.values);
  const rows = keys.map((k, i) => [k, ...columns.map((c) => c[i] ?? null)]);
  const format = (v: number) => (extra.duration ? formatDuration(v, locale) : extra.percent ? formatPercent(v / 100, locale) : formatNumber(v, locale));
  const axis = axisBase(ctx);
  const option: ChartOption = {
    ...baseOption(ctx, series.length > 1),
    tooltip: { ...(baseOption(ctx, false).tooltip as object), axisPointer: { type: 'shadow' } },
    yAxis: { type: 'category', inverse: true, data: keys, ...axis, splitLine: { show: false }, axisLabel: { ...axis.axisLabel, width: 150, overflow: 'truncate' } },
    xAxis: { type: 'value', ...axis, ...(extra.duration ? durationAxis(largest(series)) : { max: extra.percent ? 100 : undefined }), axisLabel: { ...axis.axisLabel, formatter: format } },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: s.values,
      barMaxWidth: 14,
      emphasis: { focus: 'series' },
      tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : format(v)) },
    })),
  };
  return { table: { headers: [keyHeader, ...(extra.csvHeaders ?? series.map((s) => s.name))], rows }, option, empty: keys.length === 0 };
}

/** At most this many stacks; the rest add up as "Other". */
const MAX_STACKS = 8;

function stacked(series: Series[], label: (key: string) => string, other: string): { name: string; values: number[] }[] {
  const shown = series.slice(0, MAX_STACKS).map((s) => ({ name: label(s.key), values: s.values }));
  const rest = series.slice(MAX_STACKS);
  if (rest.length > 0) {
    const values = rest[0]!.values.map((_, i) => rest.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
    shown.push({ name: other, values });
  }
  return shown;
}

function durationHeaders(locale: Locale, what: 'first_response' | 'resolution'): string[] {
  const name = translate(locale, what === 'first_response' ? 'analytics.firstResponse' : 'analytics.resolution');
  return [
    translate(locale, 'analytics.col.medianMinutes', { what: name }),
    translate(locale, 'analytics.col.p90Minutes', { what: name }),
    translate(locale, 'analytics.col.count'),
  ];
}

function statsColumns(stats: DurationStats[]): (number | null)[][] {
  return [stats.map((s) => minutes(s.median_ms)), stats.map((s) => minutes(s.p90_ms)), stats.map((s) => s.count)];
}

/** The chart `id` (in its `variant`, else the default one) for a dashboard. */
export function buildChart(id: ChartId, d: Dashboard, ctx: ChartContext, variant?: string): Chart {
  const { locale, categoryName } = ctx;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const label = (kind: KeyKind) => (key: string) => keyLabel(kind, key, locale, categoryName);
  const pick = variant ?? CHART_VARIANTS[id]?.[0];
  switch (id) {
    case 'volume': {
      const kind: KeyKind = pick === 'category' ? 'category' : 'channel';
      const source = kind === 'category' ? d.volume.by_category : d.volume.by_channel;
      return overTime(d, ctx, stacked(source, label(kind), t('analytics.other')).map((s) => ({ ...s, stack: true })));
    }
    case 'flow':
      return overTime(d, ctx, [
        { name: t('analytics.series.created'), values: d.volume.created },
        { name: t('analytics.series.resolved'), values: d.volume.resolved },
      ]);
    case 'backlog':
      return overTime(d, ctx, [
        { name: t('analytics.series.open'), values: d.backlog.open, type: 'line' },
        { name: t('analytics.series.pending'), values: d.backlog.pending, type: 'line' },
      ]);
    case 'timings': {
      const what = pick === 'resolution' ? 'resolution' : 'first_response';
      const stats = what === 'resolution' ? d.timings.resolution : d.timings.first_response;
      return overTime(
        d,
        ctx,
        [
          { name: t('analytics.series.median'), values: stats.map((s) => s.median_ms), type: 'line' },
          { name: t('analytics.series.p90'), values: stats.map((s) => s.p90_ms), type: 'line', dashed: true },
        ],
        { duration: true, csvHeaders: durationHeaders(locale, what), csvValues: statsColumns(stats) },
      );
    }
    case 'timing-breakdown': {
      const kind: KeyKind = pick === 'category' ? 'category' : pick === 'queue' ? 'queue' : 'channel';
      const rows: TimingBreakdown[] = kind === 'category' ? d.timing_by_category : kind === 'queue' ? d.timing_by_queue : d.timing_by_channel;
      const keyHeader = t(kind === 'category' ? 'analytics.col.category' : kind === 'queue' ? 'analytics.col.queue' : 'analytics.col.channel');
      return bars(
        ctx,
        keyHeader,
        rows.map((r) => label(kind)(r.key)),
        [
          { name: t('analytics.series.firstResponseMedian'), values: rows.map((r) => r.first_response.median_ms) },
          { name: t('analytics.series.resolutionMedian'), values: rows.map((r) => r.resolution.median_ms) },
        ],
        {
          duration: true,
          csvHeaders: [t('analytics.col.tickets'), ...durationHeaders(locale, 'first_response').slice(0, 2), ...durationHeaders(locale, 'resolution').slice(0, 2)],
          csvValues: [
            rows.map((r) => r.tickets),
            rows.map((r) => minutes(r.first_response.median_ms)),
            rows.map((r) => minutes(r.first_response.p90_ms)),
            rows.map((r) => minutes(r.resolution.median_ms)),
            rows.map((r) => minutes(r.resolution.p90_ms)),
          ],
        },
      );
    }
    case 'sla': {
      const sl = d.service_levels;
      return overTime(d, ctx, [
        { name: t('analytics.series.firstResponseBreaches'), values: sl.first_response_breaches, stack: true },
        { name: t('analytics.series.nextResponseBreaches'), values: sl.next_response_breaches, stack: true },
        { name: t('analytics.series.resolutionBreaches'), values: sl.resolution_breaches, stack: true },
      ]);
    }
    case 'ai-rates': {
      const ai = d.ai;
      if (pick === 'category') {
        const rows = ai.by_category;
        return bars(
          ctx,
          t('analytics.col.category'),
          rows.map((r) => label('category')(r.category)),
          [{ name: t('analytics.series.categoryChangeRate'), values: rows.map((r) => pct(r.rate)) }],
          {
            percent: true,
            csvHeaders: [t('analytics.col.classified'), t('analytics.col.changed'), t('analytics.col.ratePercent')],
            csvValues: [rows.map((r) => r.classified), rows.map((r) => r.changed), rows.map((r) => pct(r.rate))],
          },
        );
      }
      const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
      const rows = [
        { key: t('analytics.overall'), classified: ai.classified, category: ai.category_changed, priority: ai.priority_changed },
        ...ai.by_source.map((s) => ({ key: label('source')(s.source), classified: s.classified, category: s.category_changed, priority: s.priority_changed })),
      ];
      return bars(
        ctx,
        t('analytics.col.source'),
        rows.map((r) => r.key),
        [
          { name: t('analytics.series.categoryChangeRate'), values: rows.map((r) => pct(share(r.category, r.classified))) },
          { name: t('analytics.series.priorityChangeRate'), values: rows.map((r) => pct(share(r.priority, r.classified))) },
        ],
        {
          percent: true,
          csvHeaders: [t('analytics.col.classified'), t('analytics.col.categoryChanged'), t('analytics.col.priorityChanged'), t('analytics.series.categoryChangeRate'), t('analytics.series.priorityChangeRate')],
          csvValues: [
            rows.map((r) => r.classified),
            rows.map((r) => r.category),
            rows.map((r) => r.priority),
            rows.map((r) => pct(share(r.category, r.classified))),
            rows.map((r) => pct(share(r.priority, r.classified))),
          ],
        },
      );
    }
    case 'confusion':
      return confusion(d, ctx);
    case 'calibration':
      return calibration(d, ctx);
    case 'cost': {
      const days = d.ai.cost_by_day;
      const axis = axisBase(ctx);
      const usd = (v: number) => formatUsd(v, locale);
      return {
        table: {
          headers: [t('analytics.col.day'), t('analytics.col.calls'), t('analytics.col.tokens'), t('analytics.col.costUsd')],
          rows: days.map((c) => [c.day, c.calls, c.tokens, c.cost_usd]),
        },
        option: {
          ...baseOption(ctx, false),
          xAxis: { type: 'category', data: days.map((c) => periodLabel(parseDay(c.day) ?? 0, locale)), ...axis, splitLine: { show: false } },
          yAxis: { type: 'value', ...axis, axisLabel: { ...axis.axisLabel, formatter: usd } },
          series: [{ name: t('analytics.series.cost'), type: 'bar', data: days.map((c) => c.cost_usd ?? 0), barMaxWidth: 28, tooltip: { valueFormatter: (v: number) => usd(v) } }],
        },
        empty: days.length === 0,
      };
    }
    case 'automation': {
      const a = d.automation;
      const keys = [t('analytics.auto.rules'), t('analytics.auto.autoReply'), t('analytics.auto.all')];
      const chart = bars(
        ctx,
        t('analytics.col.group'),
        keys,
        [
          { name: t('analytics.series.share'), values: [pct(a.rules_share), pct(a.auto_reply_share), a.tickets > 0 ? 100 : null] },
          { name: t('analytics.series.reopenRate'), values: [pct(a.reopen_rate_rules), pct(a.reopen_rate_auto_reply), pct(a.reopen_rate_all)] },
        ],
        {
          percent: true,
          csvHeaders: [t('analytics.col.tickets'), t('analytics.col.sharePercent'), t('analytics.col.reopenPercent')],
          csvValues: [
            [a.handled_by_rules, a.auto_replied, a.tickets],
            [pct(a.rules_share), pct(a.auto_reply_share), a.tickets > 0 ? 100 : null],
            [pct(a.reopen_rate_rules), pct(a.reopen_rate_auto_reply), pct(a.reopen_rate_all)],
          ],
        },
      );
      return { ...chart, empty: a.tickets === 0 };
    }
    case 'sentiment':
      return overTime(
        d,
        ctx,
        d.customers.sentiment.map((s) => ({ name: label('sentiment')(s.key), values: s.values, type: 'line' as const, stack: true })),
      );
    case 'top-customers': {
      const top = d.customers.top;
      const chart = bars(ctx, t('analytics.col.customer'), top.map((c) => c.name), [{ name: t('analytics.col.tickets'), values: top.map((c) => c.tickets) }]);
      // The names open the customer's latest ticket as the bars do (a short bar is hard to hit).
      const yAxis = chart.option['yAxis'] as Record<string, unknown>;
      return { ...chart, option: { ...chart.option, yAxis: { ...yAxis, triggerEvent: true } } };
    }
  }
}

/** What a click on a chart reports (ECharts' event: a bar's series and data index, or an axis label's value). */
export interface ChartPick {
  componentType?: string;
  dataIndex?: number;
  value?: unknown;
}

/** The top customer a click on the top-customers chart stands for: a bar, or a name on the axis. */
export function pickedCustomer(top: readonly TopCustomer[], pick: ChartPick): TopCustomer | null {
  if (pick.componentType === 'series' && typeof pick.dataIndex === 'number') return top[pick.dataIndex] ?? null;
  if (pick.componentType === 'yAxis' && typeof pick.value === 'string') return top.find((c) => c.name === pick.value) ?? null;
  return null;
}

function confusion(d: Dashboard, ctx: ChartContext): Chart {
  const { locale, categoryName, colors } = ctx;
  const t = (key: MessageKey) => translate(locale, key);
  const names = d.ai.confusion.labels.map((l) => keyLabel('category', l, locale, categoryName));
  const counts = d.ai.confusion.counts;
  const data: [number, number, number][] = [];
  let max = 0;
  counts.forEach((row, y) =>
    row.forEach((count, x) => {
      if (count > 0) data.push([x, y, count]);
      max = Math.max(max, count);
    }),
  );
  const axis = axisBase(ctx);
  const axisLabel = { ...axis.axisLabel, width: 110, overflow: 'truncate' };
  return {
    table: {
      headers: [t('analytics.col.aiVsFinal'), ...names],
      rows: counts.map((row, y) => [names[y] ?? '', ...row]),
    },
    option: {
      ...baseOption(ctx, false),
      tooltip: { ...(baseOption(ctx, false).tooltip as object), trigger: 'item' },
      grid: { left: 8, right: 16, top: 10, bottom: 44, containLabel: true },
      xAxis: { type: 'category', data: names, ...axis, splitLine: { show: false }, axisLabel: { ...axisLabel, rotate: 30, interval: 0 } },
      yAxis: { type: 'category', data: names, inverse: true, ...axis, splitLine: { show: false }, axisLabel: { ...axisLabel, interval: 0 } },
      visualMap: {
        min: 0,
        max: Math.max(1, max),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        itemWidth: 10,
        textStyle: { color: colors.muted, fontSize: 11 },
        inRange: { color: [colors.background, colors.accent] },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: { show: names.length <= 12, color: colors.text, fontSize: 10 },
          itemStyle: { borderColor: colors.grid, borderWidth: 1 },
          tooltip: {
            formatter: (p: { value: [number, number, number] }) =>
              `${escapeHtml(names[p.value[1]] ?? '')} → ${escapeHtml(names[p.value[0]] ?? '')}: ${formatNumber(p.value[2], locale)}`,
          },
        },
      ],
    },
    empty: data.length === 0,
  };
}

/** The bin's range as "0.4–0.5" (open ends as "< 0.3" / "≥ 0.9"). */
export function binLabel(from: number | null, to: number | null): string {
  const f = (n: number) => String(Math.round(n * 100) / 100);
  if (from === null && to !== null) return `< ${f(to)}`;
  if (to === null && from !== null) return `≥ ${f(from)}`;
  return `${f(from ?? 0)}–${f(to ?? 1)}`;
}

function calibration(d: Dashboard, ctx: ChartContext): Chart {
  const { locale } = ctx;
  const t = (key: MessageKey) => translate(locale, key);
  const bins = d.ai.calibration;
  const keys = bins.map((b) => binLabel(b.from, b.to));
  const expected = bins.map((b) => pct(((b.from ?? 0) + (b.to ?? 1)) / 2));
  const chart = percentChart(ctx, keys, [
    { name: t('analytics.series.accuracy'), values: bins.map((b) => pct(b.accuracy)), type: 'bar' },
    { name: t('analytics.series.perfect'), values: expected, type: 'line', dashed: true },
  ]);
  return {
    table: {
      headers: [t('analytics.col.confidence'), t('analytics.col.tickets'), t('analytics.col.kept'), t('analytics.col.accuracyPercent')],
      rows: bins.map((b, i) => [keys[i]!, b.count, b.correct, pct(b.accuracy)]),
    },
    option: chart,
    empty: bins.every((b) => b.count === 0),
  };
}

/** Vertical bars and lines over category keys, values in percent. */
function percentChart(ctx: ChartContext, keys: string[], series: { name: string; values: (number | null)[]; type: 'bar' | 'line'; dashed?: boolean }[]): ChartOption {
  const axis = axisBase(ctx);
  const format = (v: number) => formatPercent(v / 100, ctx.locale);
  return {
    ...baseOption(ctx, true),
    xAxis: { type: 'category', data: keys, ...axis, splitLine: { show: false } },
    yAxis: { type: 'value', max: 100, ...axis, axisLabel: { ...axis.axisLabel, formatter: format } },
    series: series.map((s) => ({
      name: s.name,
      type: s.type,
      data: s.values,
      barMaxWidth: 28,
      symbolSize: 5,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
      tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : format(v)) },
    })),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** No ticket was created in the range (with the filters): the dashboard says so instead of empty charts. */
export function isEmptyDashboard(d: Dashboard): boolean {
  return d.volume.total_created === 0 && d.volume.total_resolved === 0;
}

import { describe, expect, it } from 'vitest';
import {
  binLabel,
  buildChart,
  CHARTS,
  csvBytes,
  dataUrlBytes,
  dayInput,
  durationStep,
  exportFileName,
  formatDuration,
  formatPercent,
  isEmptyDashboard,
  keyFigures,
  keyLabel,
  parseDay,
  pickedCustomer,
  rangeFor,
  toCsv,
  type ChartContext,
} from './analytics';
import type { Dashboard, DurationStats } from './backend';

const MIN = 60_000;
const names: Record<string, string> = { billing: 'Billing & invoices', shipping: 'Shipping, delivery' };
const ctx = (locale: 'en' | 'zh-CN' = 'en'): ChartContext => ({
  locale,
  categoryName: (id) => names[id] ?? id,
  colors: { text: '#111', muted: '#777', grid: '#ddd', background: '#fff', accent: '#44f', palette: ['#44f', '#2a6'] },
});

const stat = (count: number, median: number | null, p90: number | null): DurationStats => ({ count, median_ms: median, p90_ms: p90 });

function dashboard(): Dashboard {
  const d1 = new Date(2026, 2, 2).getTime();
  const d2 = new Date(2026, 2, 3).getTime();
  const q = { from: d1, to: new Date(2026, 2, 4).getTime(), channel: null, queue: null, category: null };
  return {
    query: q,
    time_zone: 'Asia/Shanghai',
    bucket_size: 'day',
    periods: [d1, d2],
    volume: {
      created: [3, 2],
      resolved: [1, 2],
      total_created: 5,
      total_resolved: 3,
      by_channel: [
        { key: 'email', values: [2, 1], total: 3 },
        { key: 'wechat', values: [1, 1], total: 2 },
      ],
      by_category: [
        { key: 'shipping', values: [2, 0], total: 2 },
        { key: '', values: [1, 2], total: 3 },
      ],
      by_sentiment: [],
    },
    backlog: { open: [4, 3], pending: [1, 1] },
    timings: {
      first_response: [stat(2, 45 * MIN, 90 * MIN), stat(0, null, null)],
      resolution: [stat(1, 26 * 60 * MIN, 26 * 60 * MIN), stat(1, 3 * 1440 * MIN, 3 * 1440 * MIN)],
      first_response_total: stat(2, 45 * MIN, 90 * MIN),
      resolution_total: stat(2, 26 * 60 * MIN, 3 * 1440 * MIN),
    },
    timing_by_channel: [{ key: 'email', tickets: 3, first_response: stat(2, 45 * MIN, 90 * MIN), resolution: stat(1, 120 * MIN, 120 * MIN) }],
    timing_by_category: [],
    timing_by_queue: [{ key: '', tickets: 5, first_response: stat(2, 45 * MIN, 90 * MIN), resolution: stat(0, null, null) }],
    service_levels: { covered: 4, breached: 1, compliance: 0.75, first_response_breaches: [1, 0], next_response_breaches: [0, 0], resolution_breaches: [0, 1] },
    ai: {
      classified: 4,
      category_changed: 1,
      priority_changed: 0,
      category_change_rate: 0.25,
      priority_change_rate: 0,
      by_source: [
        { source: 'llm', classified: 1, category_changed: 0, priority_changed: 0 },
        { source: 'local_model', classified: 3, category_changed: 1, priority_changed: 0 },
      ],
      by_category: [{ category: 'billing', classified: 4, changed: 1, rate: 0.25 }],
      confusion: { labels: ['billing', 'shipping'], counts: [[3, 1], [0, 0]] },
      calibration: [
        { from: null, to: 0.5, count: 1, correct: 0, accuracy: 0 },
        { from: 0.9, to: null, count: 3, correct: 3, accuracy: 1 },
      ],
      cost_by_day: [{ day: '2026-03-02', calls: 1, tokens: 1200, cost_usd: 0.0005 }],
      cost_usd: 0.0005,
      tokens: 1200,
    },
    automation: { tickets: 5, handled_by_rules: 2, auto_replied: 1, rules_share: 0.4, auto_reply_share: 0.2, reopen_rate_rules: 0, reopen_rate_auto_reply: null, reopen_rate_all: 0.2 },
    customers: {
      top: [{ customer_id: 1, name: '=cmd|"calc"', tickets: 2 }],
      repeat_contacts: 1,
      repeat_rate: 0.2,
      customers: 4,
      sentiment: [{ key: 'negative', values: [1, 1], total: 2 }],
    },
  };
}

describe('ranges', () => {
  const now = new Date(2026, 2, 5, 15, 30).getTime(); // a Thursday
  it('runs from a local midnight to the midnight after today', () => {
    expect(rangeFor('last7', now)).toEqual({ from: new Date(2026, 1, 27).getTime(), to: new Date(2026, 2, 6).getTime() });
    expect(rangeFor('last30', now)!.from).toBe(new Date(2026, 1, 4).getTime());
    expect(rangeFor('thisWeek', now)!.from).toBe(new Date(2026, 2, 2).getTime());
  });
  it('takes custom days inclusive, and refuses them the wrong way round', () => {
    expect(rangeFor('custom', now, { from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: new Date(2026, 0, 1).getTime(), to: new Date(2026, 1, 1).getTime() });
    expect(rangeFor('custom', now, { from: '2026-02-01', to: '2026-01-31' })).toBeNull();
    expect(parseDay('2026-02-30')).toBeNull();
    expect(dayInput(new Date(2026, 0, 9, 23, 59).getTime())).toBe('2026-01-09');
  });
});

describe('words', () => {
  it('says durations in minutes, hours or days', () => {
    expect(formatDuration(45 * MIN, 'en')).toBe('45 min');
    expect(formatDuration(192 * MIN, 'en')).toBe('3.2 h');
    expect(formatDuration(3024 * MIN, 'en')).toBe('2.1 days');
    expect(formatDuration(3024 * MIN, 'zh-CN')).toBe('2.1 天');
    expect(formatDuration(null, 'en')).toBe('—');
  });
  it('says shares as percentages', () => {
    expect(formatPercent(0.2083, 'en')).toBe('20.8%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
  it('names keys in the UI language', () => {
    expect(keyLabel('channel', 'wechat', 'zh-CN', (id) => id)).toBe('微信');
    expect(keyLabel('source', 'llm', 'en', (id) => id)).toBe('AI service');
    expect(keyLabel('source', 'local_model', 'zh-CN', (id) => id)).toBe('离线模型');
    expect(keyLabel('category', '', 'en', (id) => id)).toBe('Uncategorized');
    expect(keyLabel('queue', '', 'en', (id) => id)).toBe('No queue');
    expect(keyLabel('sentiment', 'negative', 'en', (id) => id)).toBe('Negative');
  });
  it('labels calibration bins', () => {
    expect(binLabel(null, 0.5)).toBe('< 0.5');
    expect(binLabel(0.6, 0.7)).toBe('0.6–0.7');
    expect(binLabel(0.9, null)).toBe('≥ 0.9');
  });
});

describe('key figures', () => {
  it('puts the headline numbers in words', () => {
    const figures = Object.fromEntries(keyFigures(dashboard(), 'en').map((f) => [f.id, f]));
    expect(figures['created']!.value).toBe('5');
    expect(figures['first-response']!.value).toBe('45 min');
    expect(figures['first-response']!.detail).toBe('90% within 90 min');
    expect(figures['sla']!.value).toBe('75%');
    expect(figures['ai-changes']!.value).toBe('25%');
    expect(figures['repeat']!.detail).toBe('20% wrote again within 7 days');
  });
  it('knows an empty range', () => {
    const d = dashboard();
    expect(isEmptyDashboard(d)).toBe(false);
    expect(isEmptyDashboard({ ...d, volume: { ...d.volume, total_created: 0, total_resolved: 0 } })).toBe(true);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and keeps formulas as text', () => {
    const csv = toCsv({ headers: ['Name', 'Count'], rows: [['Shipping, delivery', 2], ['He said "hi"', null], ['two\nlines', 1.5], ['=SUM(A1)', -3]] });
    expect(csv).toBe('Name,Count\r\n"Shipping, delivery",2\r\n"He said ""hi""",\r\n"two\nlines",1.5\r\n\'=SUM(A1),-3\r\n');
  });
  it('is UTF-8 with a byte order mark', () => {
    const bytes = csvBytes({ headers: ['分类'], rows: [] });
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(new Uint8Array(bytes))).toBe('分类\r\n');
  });
  it('dates periods as local days, with human headers', () => {
    const { table } = buildChart('flow', dashboard(), ctx());
    expect(toCsv(table)).toBe('Day,New,Resolved\r\n2026-03-02,3,1\r\n2026-03-03,2,2\r\n');
    const zh = buildChart('timings', dashboard(), ctx('zh-CN')).table;
    expect(zh.headers).toEqual(['日期', '首次响应用时中位数（分钟）', '首次响应用时第 90 百分位（分钟）', '统计工单数']);
    expect(zh.rows[0]).toEqual(['2026-03-02', 45, 90, 2]);
    expect(zh.rows[1]).toEqual(['2026-03-03', null, null, 0]);
  });
  it('names categories, channels and sources in the tables', () => {
    expect(buildChart('volume', dashboard(), ctx(), 'category').table.headers).toEqual(['Day', 'Shipping, delivery', 'Uncategorized']);
    expect(buildChart('volume', dashboard(), ctx()).table.headers).toEqual(['Day', 'Email', 'WeChat']);
    expect(buildChart('ai-rates', dashboard(), ctx()).table.rows.map((r) => r[0])).toEqual(['Overall', 'AI service', 'Offline model']);
    expect(buildChart('ai-rates', dashboard(), ctx()).table.rows[2]).toEqual(['Offline model', 3, 1, 0, 33.3, 0]);
    expect(buildChart('timing-breakdown', dashboard(), ctx(), 'queue').table.rows[0]).toEqual(['No queue', 5, 45, 90, null, null]);
    expect(buildChart('confusion', dashboard(), ctx()).table.rows).toEqual([['Billing & invoices', 3, 1], ['Shipping, delivery', 0, 0]]);
  });
  it('makes file names from the chart and the range', () => {
    const d = dashboard();
    expect(exportFileName('flow', d.query, 'csv')).toBe('switchboard-flow-2026-03-02-to-2026-03-03.csv');
  });
  it('reads the bytes of a data URL', () => {
    expect(dataUrlBytes('data:image/png;base64,iVBORw0KGgo=')).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });
});

describe('charts', () => {
  it('builds every chart, with its series named and no empty flag when there is data', () => {
    for (const id of CHARTS) {
      const chart = buildChart(id, dashboard(), ctx());
      expect(chart.empty, id).toBe(false);
      expect(Array.isArray(chart.option['series']), id).toBe(true);
    }
    const volume = buildChart('volume', dashboard(), ctx()).option['series'] as { name: string; stack: string }[];
    expect(volume.map((s) => [s.name, s.stack])).toEqual([['Email', 'total'], ['WeChat', 'total']]);
  });
  it('shows durations on the axis in words, at round steps', () => {
    const option = buildChart('timings', dashboard(), ctx()).option as { yAxis: { axisLabel: { formatter: (v: number) => string }; interval: number; max: number } };
    expect(option.yAxis.axisLabel.formatter(180 * MIN)).toBe('3 h');
    expect(option.yAxis.interval).toBe(30 * MIN);
    expect(option.yAxis.max).toBe(90 * MIN);
    expect(durationStep(4.5 * 60 * MIN)).toBe(60 * MIN);
    expect(durationStep(30 * 1440 * MIN)).toBe(7 * 1440 * MIN);
  });
  it('finds the top customer a click on their bar or name stands for', () => {
    const top = [
      { customer_id: 7, name: 'Ann', tickets: 9 },
      { customer_id: 3, name: '王芳', tickets: 4 },
    ];
    expect(pickedCustomer(top, { componentType: 'series', dataIndex: 1 })).toEqual(top[1]);
    expect(pickedCustomer(top, { componentType: 'yAxis', value: 'Ann' })).toEqual(top[0]);
    expect(pickedCustomer(top, { componentType: 'series', dataIndex: 5 })).toBeNull();
    expect(pickedCustomer(top, { componentType: 'yAxis', value: 'Nobody' })).toBeNull();
    expect(pickedCustomer(top, { componentType: 'xAxis', value: 'Ann' })).toBeNull();
    const option = buildChart('top-customers', dashboard(), ctx()).option as { yAxis: { triggerEvent: boolean; data: string[] } };
    expect(option.yAxis.triggerEvent).toBe(true);
    expect(option.yAxis.data).toEqual(['=cmd|"calc"']);
  });
  it('adds up stacks past eight as Other', () => {
    const d = dashboard();
    const many = Array.from({ length: 10 }, (_, i) => ({ key: `q${i}`, values: [1, 1], total: 2 }));
    const chart = buildChart('volume', { ...d, volume: { ...d.volume, by_category: many } }, ctx(), 'category');
    expect(chart.table.headers.at(-1)).toBe('Other');
    expect(chart.table.rows[0]!.at(-1)).toBe(2);
  });
  it('escapes names in the heatmap tooltip', () => {
    const d = dashboard();
    const chart = buildChart('confusion', { ...d, ai: { ...d.ai, confusion: { labels: ['<b>x</b>'], counts: [[2]] } } }, ctx());
    const series = (chart.option['series'] as { tooltip: { formatter: (p: { value: number[] }) => string } }[])[0]!;
    expect(series.tooltip.formatter({ value: [0, 0, 2] })).toBe('&lt;b&gt;x&lt;/b&gt; → &lt;b&gt;x&lt;/b&gt;: 2');
  });
});

// The analytics dashboard on the fake's generated history: key figures and charts drawn (canvases, no
// errors), ranges and filters changing the figures, Export CSV (the text) and PNG (the signature), the
// weekly report, the Improve section and its click-through to a ticket; in English and in Chinese (dark).
import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, rows, SHOTS, type Booted } from './helpers';

const CHARTS = ['volume', 'flow', 'backlog', 'timings', 'timing-breakdown', 'sla', 'ai-rates', 'confusion', 'calibration', 'cost', 'automation', 'sentiment', 'top-customers'];

const figure = (page: Page, id: string) => page.getByTestId(`figure-${id}`).getByTestId('figure-value');
const chart = (page: Page, id: string) => page.getByTestId(`chart-${id}`);

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  return errors;
}

async function lastSave(app: Booted): Promise<{ fileName: string; bytes: number[] }> {
  const calls = await app.calls('save_chart_export');
  return calls.at(-1)!.args as { fileName: string; bytes: number[] };
}

/** Every chart has data and, once scrolled to (charts are made when near the screen), a canvas. */
async function expectDrawn(page: Page) {
  for (const id of CHARTS) {
    await chart(page, id).scrollIntoViewIfNeeded();
    await expect(chart(page, id).locator('canvas').first()).toBeAttached();
    await expect(chart(page, id)).toHaveAttribute('data-empty', 'false');
  }
}

async function openDashboard(page: Page) {
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('open-analytics').click();
  await expect(page.getByTestId('analytics-screen')).toBeVisible();
  await expect(page.getByTestId('analytics-figures')).toBeVisible();
  await expect(page.getByTestId('analytics-body')).toHaveAttribute('data-loading', 'false');
}

test('the dashboard: figures, charts, ranges and filters, exports, the weekly report, insights', async ({ page }) => {
  const errors = watchErrors(page);
  const app = await boot(page, { seeded: true });
  await openDashboard(page);

  // Last 30 days by default: every figure has a value and every chart drew on a canvas.
  await expect(page.getByTestId('range-last30')).toHaveAttribute('aria-pressed', 'true');
  const created30 = Number((await figure(page, 'created').textContent())!.replace(/,/g, ''));
  expect(created30).toBeGreaterThan(100);
  await expect(figure(page, 'first-response')).toHaveText(/^\d+ min$|^\d+(\.\d)? h$/);
  await expect(figure(page, 'sla')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(figure(page, 'ai-changes')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(figure(page, 'repeat')).toHaveText(/^\d+$/);
  await page.screenshot({ path: join(SHOTS, 'analytics-en.png') });
  await expectDrawn(page);
  await chart(page, 'timings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'analytics-speed-en.png') });
  await chart(page, 'confusion').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'analytics-ai-en.png') });
  const query = (await app.calls('analytics_dashboard')).at(-1)!.args.query as { from: number; to: number; channel: string | null };
  expect(Math.round((query.to - query.from) / 86_400_000)).toBe(30);
  expect(query.channel).toBeNull();

  // A shorter range counts fewer tickets.
  await page.getByTestId('range-last7').click();
  await expect.poll(async () => Number((await figure(page, 'created').textContent())!.replace(/,/g, ''))).toBeLessThan(created30);
  await page.getByTestId('range-last90').click();
  await expect.poll(async () => Number((await figure(page, 'created').textContent())!.replace(/,/g, ''))).toBeGreaterThan(created30);
  await page.getByTestId('range-last30').click();
  await expect(figure(page, 'created')).toHaveText(created30.toLocaleString('en'));

  // Filters narrow it, and go to the backend as the query's fields.
  await page.getByTestId('filter-channel').selectOption('phone');
  await expect.poll(async () => Number((await figure(page, 'created').textContent())!.replace(/,/g, ''))).toBeLessThan(created30 / 2);
  expect((await app.calls('analytics_dashboard')).at(-1)!.args.query).toMatchObject({ channel: 'phone', queue: null, category: null });
  await page.getByTestId('filter-category').selectOption('billing');
  expect((await app.calls('analytics_dashboard')).at(-1)!.args.query).toMatchObject({ channel: 'phone', category: 'billing' });
  await page.getByTestId('clear-filters').click();
  await expect(figure(page, 'created')).toHaveText(created30.toLocaleString('en'));

  // The volume chart switches to categories, named as the taxonomy names them.
  await chart(page, 'volume').getByTestId('variant-category').click();
  await expect(chart(page, 'volume').getByTestId('variant-category')).toHaveAttribute('aria-pressed', 'true');

  // Export CSV: human headers, local days, one line per day; where it went is said.
  await chart(page, 'flow').getByTestId('export-csv').click();
  await expect(page.getByTestId('analytics-notice')).toContainText('“New vs resolved” saved to /home/agent/Documents/switchboard-flow-');
  let saved = await lastSave(app);
  expect(saved.fileName).toMatch(/^switchboard-flow-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = Buffer.from(saved.bytes).toString('utf8');
  expect(csv.startsWith('\uFEFFDay,New,Resolved\r\n')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(31);
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},\d+,\d+$/);
  expect(lines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[1]), 0)).toBe(created30);

  // The category breakdown's CSV names categories in words and quotes the one with a comma-free ampersand as is.
  await chart(page, 'volume').getByTestId('export-csv').click();
  saved = await lastSave(app);
  expect(saved.fileName).toMatch(/^switchboard-volume-category-/);
  expect(Buffer.from(saved.bytes).toString('utf8').split('\r\n')[0]).toContain('Shipping & delivery');

  // Timings in minutes with their headers.
  await chart(page, 'timings').getByTestId('export-csv').click();
  saved = await lastSave(app);
  expect(Buffer.from(saved.bytes).toString('utf8').split('\r\n')[0]).toBe('\uFEFFDay,Median first response (minutes),90th percentile first response (minutes),Tickets measured');

  // Export PNG: the chart's pixels.
  await chart(page, 'volume').getByTestId('export-png').click();
  await expect.poll(async () => (await lastSave(app)).fileName).toMatch(/\.png$/);
  saved = await lastSave(app);
  expect(saved.bytes.slice(0, 8)).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(saved.bytes.length).toBeGreaterThan(5_000);

  // Cancelled: nothing is said.
  await page.evaluate(() => ((window as unknown as { __sbNextSave: string | null }).__sbNextSave = null));
  const before = (await app.calls('save_chart_export')).length;
  await chart(page, 'backlog').getByTestId('export-csv').click();
  await expect.poll(async () => (await app.calls('save_chart_export')).length).toBe(before + 1);
  await expect(page.getByTestId('analytics-notice')).toHaveCount(0);
  await page.evaluate(() => delete (window as unknown as { __sbNextSave?: string | null }).__sbNextSave);

  // The weekly report for the range, in the UI's language.
  await page.getByTestId('weekly-report').click();
  await expect(page.getByTestId('analytics-notice')).toContainText('Weekly report saved to /home/agent/Documents/switchboard-report-');
  const report = (await app.calls('save_weekly_report')).at(-1)!.args as { query: { from: number; to: number }; chinese: boolean; fileName: string };
  expect(report.chinese).toBe(false);
  expect(report.query).toEqual(query);
  expect(report.fileName).toMatch(/^switchboard-report-.*\.html$/);

  // Improve: rising topics with their counts; suggestions link to the screens that fix them.
  const topics = page.getByTestId('rising-topic');
  await expect(topics).toHaveCount(2);
  await expect(topics.first()).toContainText('refund');
  await expect(topics.first().getByTestId('topic-counts')).toHaveText('9 tickets in the last 7 days · 6 in the 28 days before');
  await expect(page.getByTestId('corrected-category').first()).toBeVisible();
  await expect(page.getByTestId('silent-rule')).toHaveCount(1);
  await page.getByTestId('analytics-insights').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'analytics-improve-en.png') });

  // An example ticket opens in the inbox.
  const example = topics.first().getByTestId('topic-example').first();
  const subject = (await example.locator('.subject').textContent())!;
  await example.click();
  await expect(page.getByTestId('analytics-screen')).toHaveCount(0);
  await expect(page.getByTestId('ticket-subject')).toHaveText(subject);

  // The palette opens it too.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('analytics');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('analytics-screen')).toBeVisible();

  // A suggestion leads to the screen that acts on it, in place of the dashboard.
  await page.getByTestId('open-rules-from-insights').click();
  await expect(page.getByTestId('rules-screen')).toBeVisible();
  await expect(page.getByTestId('analytics-screen')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('rules-screen')).toHaveCount(0);

  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(app.external()).toEqual([]);
});

/** Where the top bar of a horizontal bar chart is: the topmost row of its first series' colour (the accent) on the canvas. */
function topBarSpot(canvas: Locator): Promise<{ x: number; y: number } | null> {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    // Read a copy: reading the chart's own canvas again and again makes Chromium warn.
    const copy = document.createElement('canvas');
    copy.width = el.width;
    copy.height = el.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(el, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, el.width, el.height);
    const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
    const want = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
    for (let y = 0; y < height; y++) {
      const xs: number[] = [];
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 4;
        if (want.every((v, k) => Math.abs(data[o + k]! - v) < 6)) xs.push(x);
      }
      if (xs.length > 20) {
        const scale = el.width / el.getBoundingClientRect().width;
        return { x: (xs[0]! + xs.at(-1)!) / 2 / scale, y: (y + 5) / scale };
      }
    }
    return null;
  });
}

async function clickTopBar(page: Page, id: string) {
  await chart(page, id).scrollIntoViewIfNeeded();
  const canvas = chart(page, id).locator('canvas').first();
  await expect.poll(() => topBarSpot(canvas)).not.toBeNull();
  await canvas.click({ position: (await topBarSpot(canvas))! });
}

test('a top customer’s bar opens their latest ticket', async ({ page }) => {
  const errors = watchErrors(page);
  const app = await boot(page, { seeded: true });
  await openDashboard(page);
  await expect(chart(page, 'top-customers')).toContainText('Click a customer to open their latest ticket');
  await clickTopBar(page, 'top-customers');
  await expect(page.getByTestId('analytics-screen')).toHaveCount(0);
  // The dashboard asks for one ticket (the customer sidebar then asks for more).
  const asked = (await app.calls('customer_tickets'))[0]!.args as { customerId: number; limit: number };
  expect(asked.limit).toBe(1);
  // The fake's newest ticket of that customer is the one open.
  const latest = await page.evaluate(
    (customerId) =>
      (window as unknown as { __TAURI_INTERNALS__: { invoke: (cmd: string, args: unknown) => Promise<{ number: number }[]> } }).__TAURI_INTERNALS__.invoke(
        'customer_tickets',
        { customerId, limit: 1 },
      ),
    asked.customerId,
  );
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${latest[0]!.number}`);
  await page.screenshot({ path: join(SHOTS, 'analytics-top-customer-opened.png') });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in Chinese and dark: labels, Shift+A, an empty range, a failed load in words', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    if (window === window.top) localStorage.setItem('switchboard.theme', 'dark');
  });
  const app = await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await page.locator('body').press('Shift+A');
  await expect(page.getByTestId('analytics-screen')).toBeVisible();
  await expect(page.getByTestId('analytics-body')).toHaveAttribute('data-loading', 'false');
  await expect(page.getByTestId('figure-created')).toContainText('新建工单');
  await expect(figure(page, 'first-response')).toHaveText(/^\d+ 分钟$|^\d+(\.\d)? 小时$/);
  await expect(page.getByTestId('range-last7')).toHaveText('最近 7 天');
  await page.screenshot({ path: join(SHOTS, 'analytics-zh-dark.png') });
  await expectDrawn(page);
  await page.screenshot({ path: join(SHOTS, 'analytics-customers-zh-dark.png') });
  // The smallest window the app allows: the toolbar wraps, cards stack, nothing spills sideways.
  await page.setViewportSize({ width: 960, height: 600 });
  await chart(page, 'volume').scrollIntoViewIfNeeded();
  const body = page.getByTestId('analytics-body');
  expect(await body.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.screenshot({ path: join(SHOTS, 'analytics-small-zh-dark.png') });
  await page.setViewportSize({ width: 1360, height: 860 });

  // CSV headers and labels in Chinese; sources named for people.
  await chart(page, 'ai-rates').getByTestId('export-csv').click();
  await expect(page.getByTestId('analytics-notice')).toContainText('已保存到');
  const saved = (await app.calls('save_chart_export')).at(-1)!.args as { bytes: number[] };
  const csv = Buffer.from(saved.bytes).toString('utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFF分类来源,已分类,分类被修改,优先级被修改,分类被修改（%）,优先级被修改（%）');
  expect(csv).toContain('\r\nAI 服务,');
  expect(csv).toContain('\r\n离线模型,');

  await page.getByTestId('weekly-report').click();
  await expect.poll(async () => (await app.calls('save_weekly_report')).at(-1)?.args.chinese).toBe(true);

  // A range without tickets says so instead of drawing empty charts.
  await page.getByTestId('range-custom').click();
  await page.getByTestId('range-from').fill('2020-01-01');
  await page.getByTestId('range-to').fill('2020-01-31');
  await expect(page.getByTestId('analytics-empty')).toContainText('该时间段内没有新建的工单。');
  await expect(figure(page, 'created')).toHaveText('0');
  await page.screenshot({ path: join(SHOTS, 'analytics-empty-zh-dark.png') });

  // Days the wrong way round are refused in words.
  await page.getByTestId('range-from').fill('2020-02-10');
  await expect(page.getByTestId('range-invalid')).toHaveText('开始日期不能晚于结束日期。');

  // A failed load shows the backend's reason in the error banner.
  await page.evaluate(() => window.__sbFake!.failNext('analytics_dashboard', { code: 'database', message: '数据库忙，请稍后再试' }));
  await page.getByTestId('range-last7').click();
  await expect(page.getByTestId('error-message')).toHaveText('数据库忙，请稍后再试');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('analytics-screen')).toHaveCount(0);
  expect(errors.filter((e) => !e.includes('数据库忙'))).toEqual([]);
});

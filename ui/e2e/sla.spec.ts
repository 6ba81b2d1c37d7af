// Settings → SLA: business hours (time zone, weekdays, holidays) and the ordered policies with their
// targets in hours and minutes; the form's own checks and the backend's refusals.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, rows, SHOTS } from './helpers';

const day = (page: Page, index: number) => page.locator(`[data-testid="sla-day"][data-day="${index}"]`);
const policy = (page: Page, index: number) => page.getByTestId('sla-policy').nth(index);

async function openSla(page: Page) {
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('open-sla-settings').click();
  await expect(page.getByTestId('sla-policy')).toHaveCount(4);
}

test('business hours, holidays and policies save as the backend takes them', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openSla(page);
  await expect(page.getByTestId('sla-time-zone')).toHaveValue('Asia/Shanghai');
  await expect(day(page, 0).getByTestId('sla-day-start')).toHaveValue('09:00');
  await expect(day(page, 0).getByTestId('sla-day-end')).toHaveValue('18:00');
  await expect(day(page, 5)).toContainText('Closed');
  await expect(policy(page, 0).getByTestId('sla-policy-name')).toHaveValue('Urgent');
  await expect(policy(page, 0).getByTestId('sla-target-first').getByTestId('sla-hours')).toHaveValue('1');
  await expect(policy(page, 2).getByTestId('sla-target-resolution').getByTestId('sla-hours')).toHaveValue('80');
  await page.screenshot({ path: join(SHOTS, 'sla-settings-en.png') });

  // Saturday opens 10–16, Sunday stays closed, Friday closes.
  await day(page, 5).getByTestId('sla-day-open').check();
  await day(page, 5).getByTestId('sla-day-start').fill('10:00');
  await day(page, 5).getByTestId('sla-day-end').fill('16:00');
  await day(page, 4).getByTestId('sla-day-open').uncheck();
  await page.getByTestId('sla-holiday-date').fill('2026-12-25');
  await page.getByTestId('sla-holiday-add').click();
  await page.getByTestId('sla-holiday-date').fill('2026-10-01');
  await page.getByTestId('sla-holiday-add').click();
  await expect(page.getByTestId('sla-holiday')).toHaveText(['2026-10-01', '2026-12-25']);
  await page.locator('[data-testid="sla-holiday"][data-date="2026-10-01"]').getByTestId('sla-holiday-remove').click();
  await expect(page.getByTestId('sla-holiday')).toHaveText(['2026-12-25']);

  // Urgent: first response in 30 minutes; a VIP policy first.
  await policy(page, 0).getByTestId('sla-target-first').getByTestId('sla-hours').fill('');
  await policy(page, 0).getByTestId('sla-target-first').getByTestId('sla-minutes').fill('30');
  await page.getByTestId('sla-add-policy').click();
  const vip = policy(page, 4);
  await vip.getByTestId('sla-policy-name').fill('VIP');
  await vip.getByTestId('sla-policy-tier').fill('gold');
  await vip.getByTestId('sla-target-first').getByTestId('sla-minutes').fill('15');
  await vip.getByTestId('sla-target-resolution').getByTestId('sla-hours').fill('4');
  for (let i = 0; i < 4; i++) await policy(page, 4 - i).getByTestId('sla-policy-up').click();
  await expect(policy(page, 0).getByTestId('sla-policy-name')).toHaveValue('VIP');
  await expect(policy(page, 0).getByTestId('sla-policy-up')).toBeDisabled();
  // Low goes.
  await policy(page, 4).getByTestId('sla-policy-remove').click();
  await expect(page.getByTestId('sla-policy')).toHaveCount(4);

  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-saved')).toBeVisible();
  const saved = (await app.calls('save_sla_settings')).at(-1)!.args.settings as {
    business_hours: { time_zone: string; days: unknown[]; holidays: string[] };
    policies: { name: string }[];
  };
  expect(saved.business_hours).toEqual({
    time_zone: 'Asia/Shanghai',
    days: [
      { start_minute: 540, end_minute: 1080 },
      { start_minute: 540, end_minute: 1080 },
      { start_minute: 540, end_minute: 1080 },
      { start_minute: 540, end_minute: 1080 },
      null,
      { start_minute: 600, end_minute: 960 },
      null,
    ],
    holidays: ['2026-12-25'],
  });
  expect(saved.policies).toEqual([
    { name: 'VIP', priority: null, queue: null, tier: 'gold', first_response_minutes: 15, next_response_minutes: null, resolution_minutes: 240 },
    { name: 'Urgent', priority: 'urgent', queue: null, tier: null, first_response_minutes: 30, next_response_minutes: 120, resolution_minutes: 480 },
    { name: 'High', priority: 'high', queue: null, tier: null, first_response_minutes: 240, next_response_minutes: 480, resolution_minutes: 1440 },
    { name: 'Normal', priority: 'normal', queue: null, tier: null, first_response_minutes: 480, next_response_minutes: 960, resolution_minutes: 4800 },
  ]);

  // Opened again, it shows what was stored.
  await page.getByTestId('close-sla-settings').click();
  await page.getByTestId('open-sla-settings').click();
  await expect(policy(page, 0).getByTestId('sla-policy-name')).toHaveValue('VIP');
  await expect(day(page, 5).getByTestId('sla-day-start')).toHaveValue('10:00');
});

test('a time that is not a time is caught here; a bad time zone or target is refused by the backend, in plain words', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openSla(page);
  await day(page, 0).getByTestId('sla-day-end').fill('25:00');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-error')).toHaveText('Monday: “25:00” is not a time of day (HH:MM).');
  expect(await app.calls('save_sla_settings')).toEqual([]);
  await day(page, 0).getByTestId('sla-day-end').fill('08:00');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-error')).toHaveText('opening hours 09:00–08:00 are not a time range within a day');
  await day(page, 0).getByTestId('sla-day-end').fill('18:00');

  await page.getByTestId('sla-time-zone').fill('Mars/Olympus');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-error')).toHaveText("'Mars/Olympus' is not a time zone (e.g. Europe/Berlin)");
  await page.getByTestId('sla-time-zone').fill('Europe/Berlin');

  await policy(page, 1).getByTestId('sla-target-next').getByTestId('sla-hours').fill('9000');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-error')).toHaveText("SLA policy 'High': a target lies between 1 minute and a year");
  await policy(page, 1).getByTestId('sla-target-next').getByTestId('sla-hours').fill('8');
  await policy(page, 1).getByTestId('sla-policy-name').fill(' ');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-error')).toHaveText('an SLA policy needs a name');
  await policy(page, 1).getByTestId('sla-policy-name').fill('High');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-error')).toHaveCount(0);
  await expect(page.getByTestId('sla-saved')).toBeVisible();
  expect(((await app.calls('save_sla_settings')).at(-1)!.args.settings as { business_hours: { time_zone: string } }).business_hours.time_zone).toBe('Europe/Berlin');
});

test('简体中文: the SLA settings', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await openSla(page);
  await expect(page.getByTestId('sla-settings')).toContainText('工作时间');
  await expect(day(page, 0)).toContainText('星期一');
  await expect(policy(page, 0).getByTestId('sla-target-first')).toContainText('首次响应');
  await page.screenshot({ path: join(SHOTS, 'sla-settings-zh.png') });
  await day(page, 1).getByTestId('sla-day-start').fill('9点');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-error')).toHaveText('星期二：“9点”不是有效时间（HH:MM）。');
});

// A ticket's history: the History tab (and `h`, the palette) lists what happened in plain words — the
// channel, the AI, rules, the agent, the SLA clock — with relative times (exact on hover), follows the
// agent's own changes, and speaks Chinese.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, SHOTS } from './helpers';

const REFUND = 1; // #1001 Alice Johnson: offline model, Billing queue rule, assigned, tagged, SLA breached

const events = (page: Page) => page.getByTestId('timeline-event');

const problems = new WeakMap<Page, string[]>();
test.beforeEach(({ page }) => {
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (e) => seen.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(m.text());
  });
});
test.afterEach(({ page }) => {
  expect(problems.get(page)).toEqual([]);
});

async function open(page: Page, id: number) {
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + id}`);
}

test('the history says who did what and when, and follows the agent’s changes', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await boot(page, { seeded: true });
  await open(page, REFUND);
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('tab-history')).toHaveAttribute('aria-selected', 'true');
  const texts = page.getByTestId('timeline-text');
  await expect(texts.first()).toHaveText('New ticket from alice.johnson@example.com by Email');
  await expect(texts).toContainText([
    'Offline model classified as Billing & invoices (41%), priority High — needs review',
    'Rule ‘Billing queue’ moved it to queue Billing',
    'Aurora Audio Support assigned it to Aurora Audio Support',
    'Aurora Audio Support tagged it vip, refund-delay',
    'Aurora Audio Support replied',
    'Reply sent',
    'Aurora Audio Support added an internal note',
  ]);
  const breach = page.locator('[data-testid="timeline-event"][data-kind="sla_breached"]');
  await expect(breach).toHaveAttribute('data-actor', 'sla');
  await expect(breach.getByTestId('timeline-text')).toHaveText(/^First response SLA breached \(was due .+\)$/);
  await expect(breach.getByTestId('timeline-time')).toHaveText('3h');
  // The exact time on hover.
  await expect(breach.getByTestId('timeline-time')).toHaveAttribute('title', /\d{4}/);
  // The AI panel and suggestions make room for the history.
  await expect(page.getByTestId('ai-panel')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'timeline-en.png') });

  // The agent's changes show at once: priority (with what it was), queue, status.
  const before = await events(page).count();
  await page.getByTestId('ticket-priority').click();
  await page.locator('[data-testid="priority-option"][data-option-id="urgent"]').click();
  await expect(texts.last()).toHaveText('Aurora Audio Support set priority High → Urgent');
  await page.getByTestId('set-pending').click();
  await expect(texts.last()).toHaveText('Aurora Audio Support set status New → Pending');
  await expect(events(page)).toHaveCount(before + 2);
  await expect(events(page).last().getByTestId('timeline-time')).toHaveText('now');

  // h goes back to the conversation and to the history again; the palette says which.
  await page.getByTestId('ticket-list').focus();
  await page.keyboard.press('h');
  await expect(page.getByTestId('tab-conversation')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('history');
  await expect(page.locator('[data-testid="palette-option"][data-command-id="history"]')).toContainText('Show history of #1001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-help')).toContainText('History / conversation');
});

test('历史以中文显示', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await open(page, REFUND);
  await page.getByTestId('ticket-list').focus();
  await page.keyboard.press('h');
  const texts = page.getByTestId('timeline-text');
  await expect(texts).toContainText(['离线模型归类为账单与发票（41%），优先级高，需要复核', '规则“Billing queue”将其移至队列 Billing']);
  await expect(page.locator('[data-testid="timeline-event"][data-kind="sla_breached"]').getByTestId('timeline-text')).toHaveText(/^首次响应 SLA 已超时（应于 .+ 完成）$/);
  await page.getByTestId('ticket-queue').click();
  await page.getByTestId('queue-input').fill('Complaints');
  await page.keyboard.press('Enter');
  await expect(texts.last()).toHaveText('Aurora Audio Support将其移至队列 Complaints');
  await page.screenshot({ path: join(SHOTS, 'timeline-zh.png') });
});

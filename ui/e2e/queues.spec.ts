// SLA clocks and queues in the inbox: the list's SLA and queue chips, the SLA due sort, the SLA at
// risk and per-queue views, the ticket's SLA line, the queue picker (q, palette, mouse, bulk bar) with
// undo, and the draft a rule prepared, offered in the composer and never sent by itself.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { backendCounts, boot, rows, SHOTS } from './helpers';

const row = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
const key = (page: Page, k: string) => page.locator('body').press(k);

async function openRow(page: Page, id: number) {
  await row(page, id).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + id}`);
}

test('rows show the SLA left, soon, breached or paused, and their queue; SLA due sorts by it', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  // The demo's clocks: #1001 breached 3h10m ago, #1002 due in 20 minutes, #1003 pending (paused), #1006 resolved (none).
  await expect(row(page, 1).getByTestId('row-sla')).toHaveText('Breached 3h');
  await expect(row(page, 1).getByTestId('row-sla')).toHaveAttribute('title', /^SLA breached 3h 10m ago \(due .+\)$/);
  await expect(row(page, 1).getByTestId('row-sla')).toHaveAttribute('data-sla', 'breached');
  await expect(row(page, 2).getByTestId('row-sla')).toHaveText(/^(20|19)m$/);
  await expect(row(page, 2).getByTestId('row-sla')).toHaveAttribute('data-sla', 'soon');
  await expect(row(page, 5).getByTestId('row-sla')).toHaveAttribute('data-sla', 'due');
  await expect(row(page, 5).getByTestId('row-sla')).toHaveText(/^(55|54)m$/);
  await expect(row(page, 4).getByTestId('row-sla')).toHaveCount(0);
  await expect(row(page, 1).getByTestId('row-queue')).toHaveText('Billing');
  await expect(row(page, 3).getByTestId('row-queue')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'list-sla-en.png') });

  await page.getByTestId('view-pending').click();
  await expect(rows(page).first().getByTestId('row-sla')).toHaveText('Paused');
  await expect(rows(page).first().getByTestId('row-sla')).toHaveAttribute('data-sla', 'paused');

  await page.getByTestId('view-all_open').click();
  await page.getByTestId('sort').selectOption('sla_due');
  await expect.poll(async () => (await app.calls('list_tickets')).at(-1)!.args.sort).toBe('sla_due');
  await expect(rows(page).first().getByTestId('row-sla')).toHaveAttribute('data-sla', 'breached');
  const order = await rows(page).evaluateAll((els) => els.map((e) => e.querySelector('[data-testid="row-sla"]')?.getAttribute('data-sla') ?? 'none'));
  const rank: Record<string, number> = { breached: 0, soon: 1, due: 2, paused: 3, none: 3 };
  expect(order.map((s) => rank[s])).toEqual([...order.map((s) => rank[s])].sort((a, b) => a! - b!));
  await expect(page.getByTestId('sort').locator('option')).toHaveText(['Newest', 'Oldest', 'Priority', 'SLA due']);
});

test('SLA at risk and each queue are views with live counts; the ticket says which target is due when', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const counts = await backendCounts(page);
  expect(counts.sla_at_risk).toBeGreaterThan(0);
  await expect(page.getByTestId('view-sla_at_risk').getByTestId('view-count')).toHaveText(String(counts.sla_at_risk));
  await page.getByTestId('view-sla_at_risk').click();
  await expect(rows(page)).toHaveCount(counts.sla_at_risk!);
  for (const sla of await rows(page).evaluateAll((els) => els.map((e) => e.querySelector('[data-testid="row-sla"]')?.getAttribute('data-sla')))) {
    expect(['breached', 'soon', 'due']).toContain(sla);
  }
  expect((await app.calls('list_tickets')).at(-1)!.args.view).toEqual({ kind: 'sla_at_risk' });

  const billing = page.locator('[data-testid="view-queue"][data-queue="Billing"]');
  expect(counts['queue-Billing']).toBeGreaterThan(0);
  await expect(billing.getByTestId('view-count')).toHaveText(String(counts['queue-Billing']));
  await billing.click();
  await expect(page.locator('.list-header .title')).toHaveText('Billing');
  expect((await app.calls('list_tickets')).at(-1)!.args.view).toEqual({ kind: 'queue', queue: 'Billing' });
  await expect(rows(page).first().getByTestId('row-queue')).toHaveText('Billing');

  await page.getByTestId('view-all_open').click();
  await openRow(page, 1);
  await expect(page.getByTestId('ticket-sla')).toHaveText(/^First response was due .+: breached 3h 10m ago$/);
  await expect(page.getByTestId('ticket-queue')).toHaveText('Billing');
  await openRow(page, 5);
  await expect(page.getByTestId('ticket-sla')).toHaveText(/^Resolution due .+ \(in 5[45]m\)$/);
});

test('q moves the open ticket to a new queue, the count follows, u undoes; the mouse and the palette reach the picker too', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  await openRow(page, 1);
  await key(page, 'q');
  await expect(page.getByTestId('queue-input')).toBeFocused();
  await expect(page.getByTestId('queue-option')).toHaveText(['After-sales', 'Billing current', 'Technical', 'No queue']);
  await page.getByTestId('queue-input').fill('Escalations');
  await expect(page.getByTestId('queue-option').first()).toHaveText('Create queue “Escalations”');
  await page.screenshot({ path: join(SHOTS, 'queue-picker-en.png') });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.calls('set_tickets_queue')).map((c) => c.args)).toEqual([{ ticketIds: [1], queue: 'Escalations' }]);
  await expect(page.getByTestId('queue-picker')).toHaveCount(0);
  await expect(page.getByTestId('ticket-queue')).toHaveText('Escalations');
  await expect(row(page, 1).getByTestId('row-queue')).toHaveText('Escalations');
  await expect(page.getByTestId('toast-message')).toHaveText('Moved #1001 to Escalations');
  await expect(page.locator('[data-testid="view-queue"][data-queue="Escalations"]').getByTestId('view-count')).toHaveText('1');

  await key(page, 'u');
  await expect.poll(async () => (await app.calls('set_tickets_queue')).map((c) => c.args).at(-1)).toEqual({ ticketIds: [1], queue: 'Billing' });
  await expect(page.getByTestId('ticket-queue')).toHaveText('Billing');
  await expect(page.locator('[data-testid="view-queue"][data-queue="Escalations"]')).toHaveCount(0);

  // By mouse: the queue chip opens the picker; "No queue" takes it out.
  await page.getByTestId('ticket-queue').click();
  await page.locator('[data-testid="queue-option"][data-kind="none"]').click();
  await expect.poll(async () => (await app.calls('set_tickets_queue')).map((c) => c.args).at(-1)).toEqual({ ticketIds: [1], queue: null });
  await expect(page.getByTestId('ticket-queue')).toHaveText('No queue');
  await expect(page.getByTestId('toast-message')).toHaveText('Took #1001 out of its queue');

  // From the palette.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('queue');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-picker')).toBeVisible();
  await page.locator('[data-testid="queue-option"][data-queue="Technical"]').click();
  await expect(page.getByTestId('ticket-queue')).toHaveText('Technical');

  // The shortcut is listed in the help.
  await page.getByTestId('reply-input').blur();
  await key(page, '?');
  await expect(page.getByTestId('shortcut-help')).toContainText('Move to a queue');
});

test('the bulk bar moves the selection to a queue in one call', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const ids = (await rows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-ticket-id'))))).slice(0, 3);
  for (let i = 0; i < 3; i++) {
    await key(page, 'x');
    await key(page, 'j');
  }
  await expect(page.getByTestId('bulk-count')).toHaveText('3 selected');
  await page.getByTestId('bulk-queue').click();
  await page.locator('[data-testid="queue-option"][data-queue="After-sales"]').click();
  await expect.poll(async () => (await app.calls('set_tickets_queue')).map((c) => c.args)).toEqual([{ ticketIds: ids, queue: 'After-sales' }]);
  await expect(page.getByTestId('toast-message')).toHaveText('Moved 3 tickets to After-sales');
  for (const id of ids) await expect(row(page, id).getByTestId('row-queue')).toHaveText('After-sales');
  // q works on the selection too.
  await key(page, 'q');
  await expect(page.getByTestId('queue-picker')).toBeVisible();
  await expect(page.locator('[data-testid="queue-option"][data-queue="After-sales"]')).toContainText('current');
});

test('a draft a rule prepared is offered, filled in only on "Use it", and never sent by itself', async ({ page }) => {
  const draft = 'Hello Alice,\n\nYour refund for order #48213 is on its way.\n\nAurora Audio Support';
  const app = await boot(page, { seeded: true, preparedDrafts: { 1: draft, 2: 'Prepared for two' } });
  await expect(rows(page).first()).toBeVisible();
  await openRow(page, 1);
  await expect(page.getByTestId('prepared-draft')).toContainText('A rule prepared a draft for this ticket.');
  await expect(page.getByTestId('reply-input')).toHaveValue('');
  await page.screenshot({ path: join(SHOTS, 'prepared-draft-en.png') });
  await page.getByTestId('prepared-use').click();
  await expect(page.getByTestId('reply-input')).toHaveValue(draft);
  await expect(page.getByTestId('prepared-draft')).toHaveCount(0);
  expect(await app.calls('send_reply')).toEqual([]);

  // With text already typed, it asks to replace; Dismiss keeps the agent's text.
  await openRow(page, 2);
  await page.getByTestId('reply-input').fill('My own words');
  await expect(page.getByTestId('prepared-use')).toHaveText('Replace my text with it');
  await page.getByTestId('prepared-dismiss').click();
  await expect(page.getByTestId('prepared-draft')).toHaveCount(0);
  await expect(page.getByTestId('reply-input')).toHaveValue('My own words');
  // A ticket without one shows nothing.
  await openRow(page, 3);
  await expect(page.getByTestId('ticket-number')).toHaveText('#1003');
  await expect(page.getByTestId('prepared-draft')).toHaveCount(0);
  expect(await app.calls('send_reply')).toEqual([]);
  expect((await app.calls('prepared_draft')).map((c) => c.args.ticketId)).toEqual([1, 2, 3]);
});

test('简体中文: SLA chips and queues in the list', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await expect(row(page, 1).getByTestId('row-sla')).toHaveText('已超时 3小时');
  await expect(page.getByTestId('view-sla_at_risk')).toContainText('SLA 有风险');
  await expect(page.getByTestId('queue-views')).toBeVisible();
  await row(page, 1).click();
  await expect(page.getByTestId('ticket-sla')).toContainText('首次响应应于');
  await page.screenshot({ path: join(SHOTS, 'list-sla-zh.png') });
});

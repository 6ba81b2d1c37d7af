// Merging and splitting tickets, merging customers and undoing it, through the fake backend (which
// refuses what ticket_merging.rs and customer_merging.rs refuse), in English and Chinese.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, rows, SHOTS } from './helpers';

const REFUND = 1; // #1001 Alice Johnson, 3 messages (inbound, automatic acknowledgement, note)
const DAMAGED = 4; // #1004 Sophie Dubois
const TARGET = 7; // #1007, open

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

const row = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);

async function open(page: Page, id: number) {
  await row(page, id).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + id}`);
}

test('a ticket merges into another found by number, after a confirmation, and says where it went', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const fake = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await page.getByTestId('ticket-list').focus();
  await page.keyboard.press('m');
  const sheet = page.getByTestId('merge-sheet');
  await expect(sheet).toContainText('Merge #1004 into another ticket');
  await expect(page.getByTestId('merge-search-input')).toBeFocused();
  // Itself is never offered (the backend refuses a ticket into itself).
  await page.getByTestId('merge-search-input').fill('#1004');
  await expect(page.getByTestId('merge-search-empty')).toHaveText('No other ticket matches.');
  await page.getByTestId('merge-search-input').fill('#1007');
  await expect(page.getByTestId('merge-search-result').first()).toContainText('#1007');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('merge-target')).toContainText('#1007');
  await expect(page.getByTestId('merge-explain')).toContainText('The messages, queued replies and tags of #1004 move to #1007');
  await expect(page.getByTestId('merge-confirm')).toBeFocused();
  await page.screenshot({ path: join(SHOTS, 'merge-confirm-en.png') });
  await page.keyboard.press('Enter');
  await expect(sheet).toHaveCount(0);
  expect((await fake.calls('merge_tickets')).map((c) => c.args)).toEqual([{ target: TARGET, sources: [DAMAGED] }]);

  // The merged ticket stays open: closed, empty, pointing at the one it went into.
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('merged-into')).toContainText('Merged into #1007');
  await expect(page.getByTestId('message')).toHaveCount(0);
  await expect(row(page, DAMAGED)).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'merged-into-en.png') });
  await page.getByTestId('merged-open').click();
  await expect(page.getByTestId('ticket-number')).toHaveText('#1007');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('timeline-text').last()).toHaveText(/^Aurora Audio Support merged #1004 into this ticket \(\d+ messages?\)$/);
});

test('the bulk bar merges the selected tickets; the backend’s refusal shows in words', async ({ page }) => {
  await boot(page, { seeded: true, failOnce: { merge_tickets: { code: 'not_found', message: 'ticket 7 does not exist' } } });
  await expect(rows(page).first()).toBeVisible();
  await row(page, 2).getByTestId('row-check').click();
  await row(page, 5).getByTestId('row-check').click();
  await page.getByTestId('bulk-merge').click();
  await expect(page.getByTestId('merge-sheet')).toContainText('Merge 2 tickets into another ticket');
  await page.getByTestId('merge-search-input').fill('#1007');
  await page.getByTestId('merge-search-result').first().click();
  await expect(page.getByTestId('merge-explain')).toContainText('#1002, #1005');
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('merge-error')).toHaveText('The tickets were not merged: ticket 7 does not exist');
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('merge-sheet')).toHaveCount(0);
  // The merged conversation opens; the sources left the open views.
  await expect(page.getByTestId('ticket-number')).toHaveText('#1007');
  await expect(row(page, 2)).toHaveCount(0);
  await expect(row(page, 5)).toHaveCount(0);
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});

test('chosen messages split into a new ticket, which opens; all of them cannot go', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const fake = await boot(page, { seeded: true });
  await open(page, REFUND);
  await page.getByTestId('split-start').click();
  const picks = page.getByTestId('split-pick');
  await expect(picks).toHaveCount(3);
  await expect(page.getByTestId('split-go')).toBeDisabled();
  for (const i of [0, 1, 2]) await picks.nth(i).check();
  await expect(page.getByTestId('split-problem')).toHaveText('At least one message has to stay on this ticket.');
  await expect(page.getByTestId('split-go')).toBeDisabled();
  await picks.nth(1).uncheck();
  await picks.nth(2).uncheck();
  await expect(page.getByTestId('split-count')).toHaveText('1 of 3 messages chosen');
  await page.screenshot({ path: join(SHOTS, 'split-choose-en.png') });
  await page.getByTestId('split-go').click();
  await expect(page.getByTestId('split-explain')).toContainText('A new ticket for Alice Johnson gets the chosen 1 message');
  await page.getByTestId('split-confirm').click();
  await expect(page.getByTestId('split-sheet')).toHaveCount(0);
  const [call] = await fake.calls('split_ticket');
  expect(call?.args).toEqual({ ticketId: REFUND, messageIds: [100] });
  await expect(page.getByTestId('ticket-number')).toHaveText('#1037');
  await expect(page.getByTestId('ticket-subject')).toHaveText('Refund for order #48213 still not received');
  await expect(page.getByTestId('message')).toHaveCount(1);
  await page.keyboard.press('h');
  await expect(page.getByTestId('timeline-text')).toHaveText(['Aurora Audio Support split this ticket off #1001 (1 message)']);
  await page.getByTestId('timeline-link').click();
  await expect(page.getByTestId('ticket-number')).toHaveText('#1001');
  await expect(page.getByTestId('timeline-text').last()).toHaveText('Aurora Audio Support moved 1 message to new ticket #1037');
});

test('a customer merges with another found through their tickets, and the merge is undone', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await boot(page, { seeded: true });
  await open(page, REFUND);
  const side = page.getByTestId('customer-sidebar');
  await expect(side.getByTestId('customer-ticket-count')).toHaveText('3');
  await side.getByTestId('customer-merge-start').click();
  const sheet = page.getByTestId('customer-merge-sheet');
  await expect(sheet).toContainText('Find the other record of Alice Johnson');
  await page.getByTestId('customer-search-input').fill('Alice');
  await expect(page.getByTestId('customer-search-empty')).toBeVisible();
  await page.getByTestId('customer-search-input').fill('Bob');
  await expect(page.getByTestId('customer-search-result').first()).toHaveText(/Bob Martinez\s*\+1 212 555 0187/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-merge-explain')).toContainText('Bob Martinez (+1 212 555 0187) with their contacts, tickets and orders becomes part of Alice Johnson');
  await expect(page.getByTestId('customer-merge-confirm')).toHaveText('Merge Bob Martinez into Alice Johnson');
  await page.screenshot({ path: join(SHOTS, 'customer-merge-en.png') });
  await page.getByTestId('customer-merge-confirm').click();
  await expect(sheet).toHaveCount(0);
  await expect(side.getByTestId('customer-merge-name')).toHaveText(['Bob Martinez']);
  await expect(side.getByTestId('customer')).toContainText('+1 212 555 0187');
  await expect(side.getByTestId('customer-ticket-count')).not.toHaveText('3');
  // Bob's tickets are Alice's now.
  await expect(rows(page).filter({ hasText: 'Bob Martinez' })).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'customer-merged-en.png') });

  await side.getByTestId('customer-merge-undo').click();
  await expect(side.getByTestId('customer-merge-notice')).toHaveText('Bob Martinez is a separate customer again.');
  await expect(side.getByTestId('customer-merge')).toHaveCount(0);
  await expect(side.getByTestId('customer-ticket-count')).toHaveText('3');
  await expect(rows(page).filter({ hasText: 'Bob Martinez' }).first()).toBeVisible();
});

test('合并与拆分（中文）', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await boot(page, { seeded: true, failOnce: { merge_customers: { code: 'invalid_input', message: 'customer 3 does not exist' } } }, { locale: 'zh-CN' });
  await open(page, REFUND);
  await page.getByTestId('split-start').click();
  await page.getByTestId('split-pick').first().check();
  await expect(page.getByTestId('split-count')).toHaveText('已选 1/3 条消息');
  await page.getByTestId('split-go').click();
  await expect(page.getByTestId('split-explain')).toContainText('所选的 1 条消息将移到 Alice Johnson 的新工单');
  await page.screenshot({ path: join(SHOTS, 'split-confirm-zh.png') });
  await page.getByTestId('split-cancel').click();
  await page.getByTestId('split-stop').click();
  await expect(page.getByTestId('split-bar')).toHaveCount(0);

  await page.getByTestId('ticket-merge').click();
  await expect(page.getByTestId('merge-sheet')).toContainText('将 #1001 合并到另一个工单');
  await page.getByTestId('merge-search-input').fill('#1007');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('merge-confirm')).toHaveText('合并到 #1007');
  await page.screenshot({ path: join(SHOTS, 'merge-confirm-zh.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('merge-sheet')).toHaveCount(0);

  const side = page.getByTestId('customer-sidebar');
  await side.getByTestId('customer-merge-start').click();
  await page.getByTestId('customer-search-input').fill('Bob');
  await page.getByTestId('customer-search-result').first().click();
  await page.getByTestId('customer-merge-confirm').click();
  await expect(page.getByTestId('customer-merge-sheet-error')).toHaveText('客户未合并：customer 3 does not exist');
  await page.getByTestId('customer-merge-confirm').click();
  await expect(side.getByTestId('customer-merge-name')).toHaveText(['Bob Martinez']);
  await expect(side.getByTestId('customer-merge-undo')).toHaveText('撤销合并');
  await page.screenshot({ path: join(SHOTS, 'customer-merged-zh.png') });
});

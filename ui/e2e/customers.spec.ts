// The customer beside the conversation (profile, notes, other tickets, purchases; edited in place with
// the backend's refusal shown) and the suggestions drawn from their orders and history (accepted into
// the reply box, as a priority, as another ticket; dismissed for good).
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, SHOTS } from './helpers';

const DAMAGED = 4; // "Package arrived damaged": Sophie Dubois, two orders (one unfulfilled), $1,349.00
const ALICE = 1; // Alice Johnson: gold tier, tags, notes, a refunded order
const TOM_REPEAT = 34; // Tom Becker's third "App crashes" ticket: the same topic as #1006
const BOB = 9; // Bob Martinez: no orders

const side = (page: Page) => page.getByTestId('customer-sidebar');
const suggestion = (page: Page, kind: string) => page.locator(`[data-testid="suggestion"][data-kind="${kind}"]`);

async function open(page: Page, id: number) {
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + id}`);
}

// Uncaught errors and console warnings (a runaway effect, a failed render) fail the test.
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

test('the sidebar shows the profile, notes, other tickets and purchases, newest first', async ({ page }) => {
  await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await expect(side(page).getByTestId('customer-name')).toHaveText('Sophie Dubois');
  await expect(side(page).getByTestId('customer')).toContainText('sophie.dubois@example.fr');
  await expect(side(page).getByTestId('customer-language')).toHaveText('French');
  await expect(side(page).getByTestId('customer-value')).toHaveText('$1,349.00');
  await expect(side(page).getByTestId('customer-ticket-count')).toHaveText('3');
  await expect(side(page).getByTestId('customer-notes')).toHaveText('Sent photos of the damaged lamp; replacement promised.');
  await expect(side(page).getByTestId('customer-previous').locator('li')).toHaveCount(2);
  // Found by the customer, not by searching their address.
  const asked = await page.evaluate(() => window.__sbFake!.calls.map((c) => c.cmd));
  expect(asked).toContain('customer_tickets');
  expect(asked).not.toContain('search_tickets');

  const orders = side(page).getByTestId('customer-order');
  await expect(orders).toHaveCount(2);
  await expect(orders.nth(0)).toHaveAttribute('data-number', '#2001');
  await expect(orders.nth(0)).toHaveAttribute('data-open', 'true');
  await expect(orders.nth(0).getByTestId('order-payment')).toHaveText('paid');
  await expect(orders.nth(0).getByTestId('order-shipping')).toHaveText('unfulfilled');
  await expect(orders.nth(0).getByTestId('order-total')).toHaveText('$1,100.00');
  await expect(orders.nth(0)).toContainText('2 × Aurora Arc speaker');
  await expect(orders.nth(1)).toHaveAttribute('data-number', '#1987');
  await expect(orders.nth(1)).toHaveAttribute('data-open', 'false');
  await expect(orders.nth(1).getByTestId('order-shipping')).toHaveText('fulfilled');

  await expect(page.getByTestId('suggestion')).toHaveCount(3);
  await expect(suggestion(page, 'open_order_status').getByTestId('suggestion-why')).toHaveText('Order #2001 is unfulfilled — placed 5 days ago');
  await expect(suggestion(page, 'apology_with_coupon').getByTestId('suggestion-why')).toHaveText('Repeat buyer (2 orders, $1,349.00) with a delivery problem');
  await expect(suggestion(page, 'raise_priority').getByTestId('suggestion-title')).toHaveText('Raise the priority to high');
  await page.screenshot({ path: join(SHOTS, 'customer-sidebar-en.png') });

  // A gold customer with tags and a refunded order; a customer without orders.
  await open(page, ALICE);
  await expect(side(page).getByTestId('customer-tier')).toHaveText('gold tier');
  await expect(side(page).getByTestId('customer-tag')).toHaveText(['vip', 'wholesale']);
  await expect(side(page).getByTestId('customer-company')).toHaveText('Johnson Podcast Studio');
  await expect(side(page).getByTestId('customer-order').nth(1).getByTestId('order-payment')).toHaveText('refunded');
  // The refunded order does not count: $1,099.00 + 2 × $24.50.
  await expect(side(page).getByTestId('customer-value')).toHaveText('$1,148.00');
  await open(page, BOB);
  await expect(side(page).getByTestId('customer-no-orders')).toBeVisible();
  await expect(side(page).getByTestId('customer-value')).toHaveText('No orders');

  // The sidebar folds away and stays folded; the keyboard reaches its toggle.
  await side(page).getByTestId('customer-toggle').click();
  await expect(side(page)).toHaveAttribute('data-collapsed', 'true');
  await expect(page.getByTestId('customer-order')).toHaveCount(0);
  await page.reload();
  await open(page, DAMAGED);
  await expect(side(page)).toHaveAttribute('data-collapsed', 'true');
  await side(page).getByTestId('customer-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(side(page)).toHaveAttribute('data-collapsed', 'false');
  await expect(side(page).getByTestId('customer-order')).toHaveCount(2);
});

test('the profile is edited in place; the backend’s refusal shows and nothing is lost', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await side(page).getByTestId('customer-edit').click();
  await expect(side(page).getByTestId('customer-name-input')).toBeFocused();
  await side(page).getByTestId('customer-name-input').fill('   ');
  await side(page).getByTestId('customer-save').click();
  await expect(side(page).getByTestId('customer-save-error')).toHaveText('Not saved: A customer needs a name');
  await expect(side(page).getByTestId('customer-form')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'customer-edit-error-en.png') });

  await side(page).getByTestId('customer-name-input').fill('Sophie Dubois-Martin');
  await side(page).getByTestId('customer-company-input').fill('Atelier Dubois');
  await side(page).getByTestId('customer-tier-input').fill('silver');
  await side(page).getByTestId('customer-tags-input').fill('photos, repeat buyer');
  await side(page).getByTestId('customer-notes-input').fill('Replacement ships with order #2001.');
  await side(page).getByTestId('customer-save').click();
  await expect(side(page).getByTestId('customer-form')).toHaveCount(0);
  await expect(side(page).getByTestId('customer-name')).toHaveText('Sophie Dubois-Martin');
  await expect(side(page).getByTestId('customer-company')).toHaveText('Atelier Dubois');
  await expect(side(page).getByTestId('customer-tier')).toHaveText('silver tier');
  await expect(side(page).getByTestId('customer-tag')).toHaveText(['photos', 'repeat buyer']);
  await expect(side(page).getByTestId('customer-notes')).toHaveText('Replacement ships with order #2001.');
  // The name reaches the ticket's row too.
  await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${DAMAGED}"]`)).toContainText('Sophie Dubois-Martin');
  const saved = (await app.calls('update_customer')).map((c) => c.args);
  expect(saved.at(-1)).toEqual({
    customerId: 6,
    update: { display_name: 'Sophie Dubois-Martin', company: 'Atelier Dubois', language: 'fr', tier: 'silver', tags: ['photos', 'repeat buyer'], notes: 'Replacement ships with order #2001.' },
  });

  // Cancel leaves the profile as it was.
  await side(page).getByTestId('customer-edit').click();
  await side(page).getByTestId('customer-name-input').fill('Someone else');
  await side(page).getByTestId('customer-cancel').click();
  await expect(side(page).getByTestId('customer-name')).toHaveText('Sophie Dubois-Martin');
});

test('accepting a suggestion puts its text in the reply box, unsent', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await page.getByTestId('reply-input').fill('Hi Sophie,');
  await suggestion(page, 'open_order_status').getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('reply-input')).toHaveValue('Hi Sophie,\n\nYour order #2001 is currently unfulfilled. We will let you know as soon as that changes.');
  await expect(page.getByTestId('reply-input')).toBeFocused();
  await expect(suggestion(page, 'open_order_status')).toHaveCount(0);
  expect((await app.calls('settle_suggestion')).map((c) => c.args)).toEqual([{ ticketId: DAMAGED, suggestionId: 'open_order:#2001', accepted: true }]);
  expect(await app.calls('send_reply')).toEqual([]);
});

test('accepting a priority suggestion raises it; a dismissed one goes for good', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await expect(page.getByTestId('ticket-priority')).toHaveAttribute('data-priority', 'normal');
  await suggestion(page, 'raise_priority').getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('ticket-priority')).toHaveAttribute('data-priority', 'high');
  await expect(suggestion(page, 'raise_priority')).toHaveCount(0);

  await suggestion(page, 'apology_with_coupon').getByTestId('suggestion-dismiss').click();
  await expect(suggestion(page, 'apology_with_coupon')).toHaveCount(0);
  await expect(page.getByTestId('reply-input')).toHaveValue('');
  expect((await app.calls('settle_suggestion')).map((c) => c.args)).toEqual([
    { ticketId: DAMAGED, suggestionId: 'raise_priority', accepted: true },
    { ticketId: DAMAGED, suggestionId: 'apology_coupon', accepted: false },
  ]);
  // Opening the ticket again does not bring them back.
  await open(page, ALICE);
  await open(page, DAMAGED);
  await expect(page.getByTestId('suggestion')).toHaveCount(1);
  await expect(page.getByTestId('suggestion')).toHaveAttribute('data-kind', 'open_order_status');
});

test('a repeat issue opens the earlier ticket; a refusal shows in words', async ({ page }) => {
  await boot(page, { seeded: true });
  // Further down the list than the rows on screen: opened by its number from the palette.
  await page.locator('body').press('Control+k');
  await page.keyboard.type('#1034');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-number')).toHaveText('#1034');
  await expect(suggestion(page, 'repeat_issue').getByTestId('suggestion-why')).toHaveText('This customer had a ticket on the same topic recently: #1006');
  await page.evaluate(() =>
    window.__sbFake!.failNext('settle_suggestion', { code: 'invalid_input', message: 'that suggestion no longer applies to this ticket' }),
  );
  await suggestion(page, 'repeat_issue').getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('suggestion-settle-error')).toHaveText('That did not work: That suggestion no longer applies to this ticket');
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + TOM_REPEAT}`);
  await suggestion(page, 'repeat_issue').getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('ticket-number')).toHaveText('#1006');
});

test('the ticket pane with the customer and suggestions in Chinese', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await open(page, DAMAGED);
  await expect(suggestion(page, 'open_order_status').getByTestId('suggestion-why')).toHaveText('订单 #2001 未发货，下单于5天前');
  await expect(side(page).getByTestId('customer-value')).toHaveText('US$1,349.00');
  await expect(side(page).getByTestId('customer-order').first().getByTestId('order-shipping')).toHaveText('未发货');
  await page.screenshot({ path: join(SHOTS, 'customer-sidebar-zh.png') });
});

test('in the minimum window the sidebar is a rail that opens over the conversation', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await expect(side(page)).toHaveAttribute('data-collapsed', 'true');
  await expect(page.getByTestId('reply-input')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(960);
  await side(page).getByTestId('customer-toggle').click();
  await expect(side(page)).toHaveAttribute('data-collapsed', 'false');
  await expect(side(page).getByTestId('customer-order')).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(960);
  await page.screenshot({ path: join(SHOTS, 'customer-sidebar-narrow-en.png') });
  await side(page).getByTestId('customer-toggle').click();
  await expect(page.getByTestId('customer-rail')).toHaveCount(0);
  await expect(side(page)).toHaveAttribute('data-collapsed', 'true');
});

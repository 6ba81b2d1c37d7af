// The sidebar's views (Mine, Urgent, Snoozed, per category) with their counts, and the list's sort order.
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { backendCounts, boot, rows, SHOTS } from './helpers';

test('every view sends its own listTickets and shows the count the backend gives', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const counts = await backendCounts(page);
  expect(counts.mine).toBeGreaterThan(0);
  expect(counts.snoozed).toBeGreaterThan(0);

  for (const kind of ['mine', 'urgent', 'snoozed']) {
    const button = page.getByTestId(`view-${kind}`);
    await expect(button.getByTestId('view-count')).toHaveText(String(counts[kind]));
    await button.click();
    await expect(rows(page)).toHaveCount(counts[kind]!);
    const last = (await app.calls('list_tickets')).at(-1)!;
    expect(last.args).toEqual({ view: { kind }, sort: 'newest', limit: 100, offset: 0 });
  }
  // Snoozed tickets are out of the open views.
  const snoozedIds = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')));
  await page.getByTestId('view-all_open').click();
  await expect(page.getByTestId('list-total')).toHaveText(String(counts.all_open));
  const openIds = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')));
  for (const id of snoozedIds) expect(openIds).not.toContain(id);

  // Categories: one view per category open tickets have, named from the taxonomy.
  const billing = page.getByTestId('view-category-billing');
  await expect(billing).toContainText('Billing & invoices');
  await expect(billing.getByTestId('view-count')).toHaveText(String(counts['category-billing']));
  await billing.click();
  await expect(page.locator('.list-header .title')).toHaveText('Billing & invoices');
  expect((await app.calls('list_tickets')).at(-1)!.args.view).toEqual({ kind: 'category', category: 'billing' });
  await page.screenshot({ path: join(SHOTS, 'views-categories-en.png') });
});

test('the sort order goes to listTickets, orders the rows, and lasts the session', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const sort = page.getByTestId('sort');
  await expect(sort).toHaveValue('newest');

  await sort.selectOption('priority');
  await expect.poll(async () => (await app.calls('list_tickets')).at(-1)!.args.sort).toBe('priority');
  const priorities = await rows(page).evaluateAll((els) => els.map((e) => e.querySelector('[data-priority]')?.getAttribute('data-priority')));
  const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as Record<string, number>;
  expect(priorities.map((p) => rank[p!])).toEqual([...priorities.map((p) => rank[p!])].sort((a, b) => a! - b!));

  await sort.selectOption('oldest');
  await expect.poll(async () => (await app.calls('list_tickets')).at(-1)!.args.sort).toBe('oldest');
  // Another view keeps the order, and so does a reload within the session.
  await page.getByTestId('view-urgent').click();
  await expect.poll(async () => (await app.calls('list_tickets')).at(-1)!.args).toEqual({ view: { kind: 'urgent' }, sort: 'oldest', limit: 100, offset: 0 });
  await page.reload();
  await expect(page.getByTestId('sort')).toHaveValue('oldest');
});

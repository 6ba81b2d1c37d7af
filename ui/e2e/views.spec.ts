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

// The views list scrolls above the sidebar's fixed places (Analytics, Accounts, …). At the usual
// window size the channels run past its bottom edge; a fade there says so, and goes once the list
// is scrolled to its end (a fade at the top then says there is more above).
test('at 1360×860 a fade shows there are more views below; scrolled to the end, Telegram and WeChat are in sight and the fade is gone', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const list = page.getByTestId('sidebar-views');
  const fadeBottom = page.getByTestId('views-fade-bottom');
  const fadeTop = page.getByTestId('views-fade-top');
  const telegram = page.getByTestId('view-channel-telegram');
  const wechat = page.getByTestId('view-channel-wechat');

  await expect(fadeBottom).toBeVisible();
  await expect(fadeBottom).toHaveAttribute('data-shown', 'true');
  await expect(fadeTop).toBeHidden();
  // Every place below the list is in sight without scrolling.
  for (const id of ['open-analytics', 'open-accounts', 'open-saved-replies', 'open-ai-settings', 'open-rules', 'open-sla-settings', 'open-orders', 'open-notifications', 'lang-switch']) {
    await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  }
  await page.screenshot({ path: '/tmp/sidebar-top-en.png' });

  // A little way down there is more both ways, and the two chat channels stand clear of the fades.
  await list.evaluate((el) => el.scrollTo({ top: 120 }));
  await expect(fadeTop).toBeVisible();
  await expect(fadeBottom).toBeVisible();
  await expect(telegram).toBeInViewport({ ratio: 1 });
  await expect(wechat).toBeInViewport({ ratio: 1 });
  const [top, bottom, first, last] = await Promise.all([fadeTop, fadeBottom, telegram, wechat].map((l) => l.boundingBox()));
  expect(first!.y).toBeGreaterThanOrEqual(top!.y + top!.height);
  expect(last!.y + last!.height).toBeLessThanOrEqual(bottom!.y);

  // The mouse wheel over the list takes it to its end.
  await list.hover();
  await page.mouse.wheel(0, 3000);
  await expect(fadeBottom).toBeHidden();
  await expect(fadeBottom).toHaveAttribute('data-shown', 'false');
  await expect(fadeTop).toBeVisible();
  await expect(telegram).toBeVisible();
  await expect(wechat).toBeVisible();
  await expect(telegram).toBeInViewport();
  await expect(wechat).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: '/tmp/sidebar-end-en.png' });
  await wechat.click();
  await expect(wechat).toHaveAttribute('aria-current', 'page');
  await expect(rows(page).first()).toHaveAttribute('data-channel', 'wechat');

  // Back at the top, the keyboard reaches WeChat too: Tab from the last main view scrolls it into sight.
  await list.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(fadeBottom).toBeVisible();
  await expect(fadeTop).toBeHidden();
  await page.getByTestId('view-resolved').focus();
  for (let i = 0; i < 10; i++) {
    if (await wechat.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(wechat).toBeFocused();
  await expect(wechat).toBeInViewport({ ratio: 1 });
});

test('中文 and dark: the views list’s fades in Chinese, light and dark', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  const fadeBottom = page.getByTestId('views-fade-bottom');
  const fadeTop = page.getByTestId('views-fade-top');
  await expect(page.getByTestId('open-notifications')).toBeInViewport({ ratio: 1 });
  await expect(fadeBottom).toBeVisible();
  await page.screenshot({ path: '/tmp/sidebar-top-zh.png' });
  await page.getByTestId('sidebar-views').hover();
  await page.mouse.wheel(0, 3000);
  await expect(fadeBottom).toBeHidden();
  await expect(fadeTop).toBeVisible();
  await expect(page.getByTestId('view-channel-telegram')).toBeVisible();
  await expect(page.getByTestId('view-channel-telegram')).toBeInViewport();
  await expect(page.getByTestId('view-channel-wechat')).toContainText('微信');
  await expect(page.getByTestId('view-channel-wechat')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: '/tmp/sidebar-end-zh.png' });

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('sidebar-views').evaluate((el) => el.scrollTo({ top: 120 }));
  await expect(fadeTop).toBeVisible();
  await expect(fadeBottom).toBeVisible();
  await page.screenshot({ path: '/tmp/sidebar-middle-zh-dark.png' });
  await page.screenshot({ path: '/tmp/sidebar-middle-zh-dark-crop.png', clip: { x: 0, y: 0, width: 300, height: 860 } });
});

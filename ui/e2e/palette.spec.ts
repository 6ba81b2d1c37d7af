// The command palette: Ctrl+K or the sidebar button, type to filter, Enter runs, Esc closes.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { backendCounts, boot, rows, SHOTS } from './helpers';

const palette = (page: Page) => page.getByTestId('command-palette');
const options = (page: Page) => palette(page).getByTestId('palette-option');
const option = (page: Page, id: string) => palette(page).locator(`[data-command-id="${id}"]`);

const DAMAGED = 4; // demo ticket #1004, priority normal (e2e/fake/workspace.ts)

test('Ctrl+K opens it over the inbox; typing filters; Enter goes to Pending; Esc closes', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const counts = await backendCounts(page);
  await page.getByTestId('ticket-list').focus();

  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(page.getByTestId('palette-input')).toBeFocused();
  // No ticket open: nothing that needs one except what opens the selected row first.
  await expect(option(page, 'resolve')).toHaveCount(0);
  await expect(option(page, 'reply').locator('kbd')).toHaveText('r');
  await expect(option(page, 'help').locator('kbd')).toHaveText('?');
  for (const id of ['view-all_open', 'view-pending', 'view-channel-wechat', 'accounts', 'ai-settings', 'saved-replies', 'locale-zh-CN', 'theme-dark', 'search']) {
    await expect(option(page, id)).toHaveCount(1);
  }
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: join(SHOTS, 'palette-en.png'), animations: 'disabled' });

  await page.keyboard.type('PEND');
  // The view first; "Set pending" (a ticket action) follows it.
  await expect(options(page).first()).toHaveText('Go to Pending');
  await page.screenshot({ path: join(SHOTS, 'palette-filtered-en.png'), animations: 'disabled' });
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByTestId('view-pending')).toHaveAttribute('aria-current', 'page');
  await expect(rows(page)).toHaveCount(counts.pending!);
  for (const status of await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) {
    expect(status).toBe('pending');
  }
  expect((await app.calls('list_tickets')).at(-1)!.args.view).toEqual({ kind: 'pending' });
  // Focus went back to the list: its keys work at once.
  await expect(page.getByTestId('ticket-list')).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');

  // Initials, Ctrl+N / Ctrl+P, and nothing matching.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('gtr');
  // Initials "gtr" best, "g-t-n-r" and "g-t-s-a-a-r" as looser matches after.
  await expect(options(page)).toHaveText(['Go to Resolved', 'Go to Needs review', 'Go to SLA at risk']);
  await page.getByTestId('palette-input').fill('theme');
  await expect(options(page)).toHaveCount(3);
  await page.keyboard.press('Control+n');
  await page.keyboard.press('Control+n');
  await page.keyboard.press('Control+p');
  await expect(option(page, 'theme-dark')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('palette-input').fill('xyzzy');
  await expect(page.getByTestId('palette-empty')).toHaveText('No command matches “xyzzy”.');

  // Esc closes and nothing ran; focus is back on the list.
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByTestId('ticket-list')).toBeFocused();
  await expect(page.getByTestId('view-pending')).toHaveAttribute('aria-current', 'page');
});

test('by mouse: the sidebar button opens it; set priority runs the picker and reaches the backend', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${DAMAGED}"]`).click();
  await expect(page.getByTestId('ticket-priority')).toHaveText('Normal');

  await page.getByTestId('open-palette').click();
  await expect(palette(page)).toBeVisible();
  await expect(option(page, 'resolve')).toHaveText(/Resolve ticket #1004/);
  await expect(option(page, 'priority').locator('kbd')).toHaveText('p');
  await page.getByTestId('palette-input').fill('priority');
  await option(page, 'priority').click();
  await expect(palette(page)).toHaveCount(0);
  const picker = page.getByTestId('priority-picker');
  await expect(picker).toBeVisible();
  await page.keyboard.press('1');
  await expect(picker).toHaveCount(0);
  await expect(page.getByTestId('ticket-priority')).toHaveText('Urgent');
  expect((await app.calls('correct_ticket')).map((c) => c.args)).toEqual([
    { ticketId: DAMAGED, correction: { category: null, priority: 'urgent', sentiment: null } },
  ]);

  // Resolve from the palette; then it offers to reopen instead.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('resolve t');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'resolved');
  expect((await app.calls('set_ticket_status')).map((c) => c.args)).toEqual([{ ticketId: DAMAGED, status: 'resolved' }]);
  await page.keyboard.press('Control+k');
  await expect(option(page, 'resolve')).toHaveCount(0);
  await expect(option(page, 'reopen')).toHaveText(/Reopen ticket #1004/);

  // A click on the backdrop closes it.
  await page.mouse.click(20, 840);
  await expect(palette(page)).toHaveCount(0);
});

test('a ticket number opens that ticket; reply and search move the focus where they belong', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('#1004');
  await expect(options(page).first()).toHaveAttribute('data-command-id', 'open-ticket');
  await expect(options(page).first()).toContainText('Open ticket #1004');
  await expect(options(page).first().locator('.detail')).not.toBeEmpty();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-number')).toHaveText('#1004');
  await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${DAMAGED}"]`)).toHaveAttribute('aria-selected', 'true');

  // Not loaded: found through the search, or a notice.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('987654');
  await expect(options(page).first()).toHaveText('Find ticket #987654');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-banner')).toContainText('No ticket #987654 was found.');
  expect((await app.calls('search_tickets')).at(-1)!.args.query).toBe('987654');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('reply');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reply-input')).toBeFocused();

  // Ctrl+K works while typing; Esc gives the focus back to the reply box.
  await page.keyboard.type('Hello');
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reply-input')).toBeFocused();
  await expect(page.getByTestId('reply-input')).toHaveValue('Hello');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('search');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-input')).toBeFocused();

  // The shortcut help lists the palette.
  await page.getByTestId('ticket-list').focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('shortcuts');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shortcut-help')).toContainText('Command palette');
  await expect(page.getByTestId('shortcut-help')).toContainText(/Ctrl\s*\+\s*K/);
});

test('简体中文: the palette speaks Chinese and finds Chinese and English words', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('ticket-list').focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-input')).toHaveAttribute('placeholder', '输入命令或工单号…');
  await expect(option(page, 'view-pending')).toHaveText('转到“等待中”');
  await expect(option(page, 'locale-en')).toHaveText('切换语言为English');
  await page.screenshot({ path: join(SHOTS, 'palette-zh-CN.png'), animations: 'disabled' });

  await page.keyboard.type('深色');
  await expect(options(page)).toHaveText(['主题：深色']);
  await page.getByTestId('palette-input').fill('pending');
  await expect(options(page).first()).toHaveText('转到“等待中”');
  await page.getByTestId('palette-input').fill('等待');
  await expect(options(page).first()).toHaveText('转到“等待中”');
  await page.screenshot({ path: join(SHOTS, 'palette-filtered-zh-CN.png'), animations: 'disabled' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-pending')).toHaveAttribute('aria-current', 'page');

  // Switching the language from the palette.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('English');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-pending')).toContainText('Pending');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

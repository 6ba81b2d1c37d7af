// Light and dark: follows the OS by default, the agent's choice is remembered, mail stays on white.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, HTML_TICKET_ID, rows, SHOTS } from './helpers';

const html = (page: Page) => page.locator('html');
const background = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => getComputedStyle(el).backgroundColor);

test('follows the OS until the agent chooses; the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('[data-theme-choice="system"]')).toHaveAttribute('aria-checked', 'true');
  expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');

  // The OS changes its mind: so does the app, at once.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');

  // The agent picks Light: the OS no longer decides, even after a reload.
  await page.locator('[data-theme-choice="light"]').click();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => localStorage.getItem('switchboard.theme'))).toBe('light');
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('[data-theme-choice="light"]')).toHaveAttribute('aria-checked', 'true');

  // Dark from the palette, then back to the system's choice.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('theme: dark');
  await page.keyboard.press('Enter');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('follow the system');
  await page.keyboard.press('Enter');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => localStorage.getItem('switchboard.theme'))).toBe('system');
});

test('dark: the inbox and an open ticket are dark, the mail itself stays on a white card', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  // Dark surfaces with light text.
  expect(await background(page, 'ticket-list')).not.toBe('rgb(255, 255, 255)');
  const text = await rows(page).first().evaluate((el) => getComputedStyle(el).color);
  const [r = 0, g = 0, b = 0] = text.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeGreaterThan(3 * 150);
  await page.screenshot({ path: join(SHOTS, 'inbox-dark-en.png') });

  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${HTML_TICKET_ID}"]`).click();
  const frame = page.getByTestId('message-html');
  await expect(frame).toBeVisible();
  expect(await frame.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  // The frame's document keeps its own light scheme (and its CSP and sandbox: checked in app.spec).
  await expect(frame).toHaveAttribute('sandbox', '');
  await page.screenshot({ path: join(SHOTS, 'ticket-html-dark-en.png') });

  await page.locator('[data-testid="ticket-row"][data-ticket-id="1"]').click();
  await expect(page.getByTestId('ai-panel')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'ticket-dark-en.png') });

  await page.getByTestId('open-palette').click();
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'palette-dark-en.png'), animations: 'disabled' });
});

test('简体中文 in dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('theme-switch')).toHaveAttribute('aria-label', '主题');
  await expect(page.locator('[data-theme-choice="system"]')).toHaveAttribute('aria-label', '跟随系统');
  await page.screenshot({ path: join(SHOTS, 'inbox-dark-zh-CN.png') });
  await page.locator('[data-testid="ticket-row"][data-ticket-id="2"]').click();
  await expect(page.getByTestId('ai-panel')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'ticket-dark-zh-CN.png') });
});

test('dark: the welcome screen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await boot(page, { seeded: false });
  await expect(page.getByTestId('lang-switch')).toBeVisible();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(SHOTS, 'welcome-dark-en.png') });
});

test('dark chosen in the sidebar: the settings sheets', async ({ page }) => {
  await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  await page.locator('[data-theme-choice="dark"]').click();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('open-accounts').click();
  await page.getByTestId('add-account').click();
  await page.screenshot({ path: join(SHOTS, 'account-form-dark-en.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByTestId('open-ai-settings').click();
  await page.screenshot({ path: join(SHOTS, 'ai-settings-dark-en.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('open-saved-replies').click();
  await page.screenshot({ path: join(SHOTS, 'saved-replies-dark-en.png') });
});

test('the theme switch and the palette button fit the minimum window (960 × 600)', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  for (const id of ['theme-switch', 'open-palette', 'lang-switch']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, id).toBeLessThanOrEqual(600);
    expect(box.x + box.width, id).toBeLessThanOrEqual(216);
  }
  await page.screenshot({ path: join(SHOTS, 'min-window-sidebar-zh-CN.png') });
});

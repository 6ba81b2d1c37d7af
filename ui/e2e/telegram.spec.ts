// Telegram bots in the account settings, on the fake's Telegram (e2e/fake/telegram.ts): add one (the
// token's refusal and its check in words, the token never shown again), its sync through account-sync
// events, a failing bot's reason, edit (rename, replace the token, a Bot API server), the keychain
// missing, remove with confirmation; in English and Chinese.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, failOnPageProblems, SHOTS } from './helpers';

const screen = (page: Page) => page.getByTestId('accounts-screen');
const bots = (page: Page) => page.getByTestId('chat-account-row');

failOnPageProblems();

async function openAccounts(page: Page) {
  await page.getByTestId('open-accounts').click();
  await expect(screen(page)).toBeVisible();
}

test('add a Telegram bot: the token checked in words, saved, syncing then ok; edit and remove it', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  const app = await boot(page, { seeded: true, sampleAccounts: true, syncStepMs: 200 });
  await openAccounts(page);
  await page.getByTestId('add-telegram').click();
  await expect(screen(page).getByRole('heading', { name: 'Add Telegram bot' })).toBeVisible();
  await expect(page.getByTestId('telegram-form')).toContainText('message @BotFather and send /newbot');
  await expect(page.getByTestId('telegram-token')).toHaveAttribute('type', 'password');

  // Nothing typed: the fields say what they need.
  await page.getByTestId('telegram-save').click();
  await expect(page.getByTestId('field-error')).toHaveText(['Give the bot a name.', 'Paste the bot token from @BotFather.']);

  // A malformed token, then one Telegram refuses, each in plain words.
  await page.getByTestId('telegram-token').fill('not a token');
  await page.getByTestId('telegram-check').click();
  await expect(page.getByTestId('telegram-check-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('telegram-check-result')).toContainText('A bot token looks like 123456789:AA… — copy it from @BotFather');
  await page.getByTestId('telegram-token').fill('999999:wrong-secret');
  await expect(page.getByTestId('telegram-check-result')).toContainText('The token or server changed since this check.');
  await page.getByTestId('telegram-check').click();
  await expect(page.getByTestId('telegram-check-result')).toContainText('Telegram refused the token');
  await expect(page.getByTestId('telegram-check-result')).toContainText('Telegram does not accept this bot token; copy it again from @BotFather');
  await page.screenshot({ path: join(SHOTS, 'telegram-refused-en.png') });

  // Saving a refused token fails the same way and keeps what was typed.
  await page.getByTestId('telegram-name').fill('Shop bot');
  await page.getByTestId('telegram-save').click();
  await expect(page.getByTestId('telegram-error')).toHaveAttribute('data-code', 'telegram');
  await expect(page.getByTestId('telegram-error')).toContainText('Telegram does not accept this bot token');
  await expect(page.getByTestId('telegram-name')).toHaveValue('Shop bot');

  // The right token: the check names the bot.
  await page.getByTestId('telegram-token').fill('123456:TEST-token');
  await page.getByTestId('telegram-check').click();
  await expect(page.getByTestId('telegram-check-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('telegram-check-result')).toHaveText('Telegram knows this token: it is the bot @switchboard_test_bot.');
  expect((await app.calls('check_telegram_bot')).at(-1)!.args).toEqual({ token: '123456:TEST-token', apiBaseUrl: null });
  await page.screenshot({ path: join(SHOTS, 'telegram-checked-en.png') });

  await page.getByTestId('telegram-save').click();
  await expect(page.getByTestId('account-list')).toBeVisible();
  expect((await app.calls('save_telegram_account')).at(-1)!.args).toEqual({
    accountId: null,
    form: { name: 'Shop bot', token: '123456:TEST-token', apiBase: null },
  });
  const bot = bots(page).first();
  await expect(bot).toContainText('Shop bot');
  await expect(bot.getByTestId('account-address-text')).toHaveText('@switchboard_test_bot');
  await expect(bot.locator('.channel-telegram')).toBeVisible();
  await expect(bot).toHaveAttribute('data-state', 'syncing');
  await expect(bot).toHaveAttribute('data-state', 'ok');
  await expect(bot.getByTestId('sync-now')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'telegram-list-en.png') });

  // Edit: the token is never shown again; rename, and a self-hosted Bot API server.
  await bot.getByTestId('edit-account').click();
  await expect(page.getByTestId('telegram-name')).toHaveValue('Shop bot');
  await expect(page.getByTestId('telegram-token')).toHaveValue('');
  await expect(page.getByTestId('telegram-token')).toHaveAttribute('placeholder', 'unchanged');
  await expect(page.getByTestId('telegram-api-base')).toHaveCount(0);
  await page.getByTestId('telegram-name').fill('Shop support bot');
  await page.getByTestId('telegram-advanced').click();
  await expect(page.getByTestId('telegram-advanced')).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('telegram-api-base').fill('bots.local');
  await page.getByTestId('telegram-save').click();
  await expect(page.getByTestId('field-error')).toHaveText('Enter the server’s address, starting with https:// or http://.');
  await page.getByTestId('telegram-api-base').fill('http://127.0.0.1:8081/');
  // Checking needs a token even when editing.
  await page.getByTestId('telegram-check').click();
  await expect(page.getByTestId('field-error')).toHaveText('Paste the bot token from @BotFather.');
  await page.screenshot({ path: join(SHOTS, 'telegram-edit-en.png') });
  await page.getByTestId('telegram-save').click();
  await expect(page.getByTestId('account-list')).toBeVisible();
  expect((await app.calls('save_telegram_account')).at(-1)!.args).toMatchObject({
    form: { name: 'Shop support bot', token: null, apiBase: 'http://127.0.0.1:8081' },
  });
  await expect(bot).toContainText('Shop support bot');
  await expect(bot).toContainText('via 127.0.0.1:8081');
  await expect(bot).toHaveAttribute('data-state', 'ok');

  // Remove, with a confirmation that can be declined.
  await bot.getByTestId('remove-account').click();
  await expect(bot.getByTestId('remove-confirm')).toContainText('forgets its token');
  await bot.getByTestId('cancel-remove').click();
  await expect(bot.getByTestId('remove-confirm')).toHaveCount(0);
  await bot.getByTestId('remove-account').click();
  await bot.getByTestId('confirm-remove').click();
  await expect(bots(page)).toHaveCount(0);
  expect((await app.calls('remove_email_account')).at(-1)!.args).toMatchObject({ accountId: expect.any(Number) });
  await expect(page.getByTestId('account-row')).toHaveCount(2);
  expect(app.external()).toEqual([]);
});

test('a failing bot says why; no keychain keeps nothing; 中文', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await boot(page, { seeded: true, sampleBots: true, syncStepMs: 200 }, { locale: 'zh-CN' });
  await openAccounts(page);
  await expect(bots(page)).toHaveCount(2);
  const failing = bots(page).nth(1);
  await expect(bots(page).first()).toHaveAttribute('data-state', 'ok');
  await expect(failing).toHaveAttribute('data-state', 'error');
  await expect(failing.getByTestId('account-error')).toContainText('Telegram no longer accepts this bot token');
  await expect(failing).toContainText('经由 127.0.0.1:8081');
  await expect(page.getByTestId('accounts-attention')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'telegram-list-zh.png') });

  await page.getByTestId('add-telegram').click();
  await expect(screen(page).getByRole('heading', { name: '添加 Telegram 机器人' })).toBeVisible();
  await page.getByTestId('telegram-name').fill('no-keychain 测试');
  await page.getByTestId('telegram-token').fill('123456:TEST-token');
  await page.getByTestId('telegram-check').click();
  await expect(page.getByTestId('telegram-check-result')).toHaveText('Telegram 认可此令牌：它属于机器人 @switchboard_test_bot。');
  await page.getByTestId('telegram-save').click();
  await expect(page.getByTestId('telegram-error')).toHaveAttribute('data-code', 'keychain_unavailable');
  await expect(page.getByTestId('telegram-error')).toContainText('没有可用的钥匙串来保存令牌');
  await page.screenshot({ path: join(SHOTS, 'telegram-keychain-zh.png') });
  await page.getByTestId('cancel-telegram').click();
  await expect(bots(page)).toHaveCount(2);
});

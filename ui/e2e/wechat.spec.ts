// WeChat customer service (WeCom 微信客服) on the fake (e2e/fake/wechat.ts): adding an account (what is
// missing, WeCom's refusal in words, then the check passing), its row in the list, editing without
// the secret, no keychain; the reply window above a WeChat ticket's composer (replies left and until
// when, read again after a send; the closed-window and used-up warnings, sending still possible); the
// sidebar's Telegram and WeChat views; in English and Chinese.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { backendCounts, boot, failOnPageProblems, rows } from './helpers';

const screen = (page: Page) => page.getByTestId('accounts-screen');
const chats = (page: Page) => page.getByTestId('chat-account-row');
const ticket = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
/** The demo's open WeChat tickets (deterministic demo data): 26 is 王芳's, 29 is 刘洋's. */
const WECHAT_A = 26;
const WECHAT_B = 29;

failOnPageProblems();

async function openAccounts(page: Page) {
  await page.getByTestId('open-accounts').click();
  await expect(screen(page)).toBeVisible();
}

test('add a WeChat account: missing fields, WeCom’s refusal in words, the check passing; listed, edited, removed', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  const app = await boot(page, { seeded: true, sampleAccounts: true, syncStepMs: 200 });
  await openAccounts(page);
  await expect(screen(page).getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();
  await page.getByTestId('add-wechat').click();
  await expect(screen(page).getByRole('heading', { name: 'Add WeChat account' })).toBeVisible();
  const form = page.getByTestId('wechat-form');
  await expect(form).toContainText('我的企业');
  await expect(form).toContainText('应用管理 → 微信客服');
  await expect(page.getByTestId('wechat-secret')).toHaveAttribute('type', 'password');

  // Nothing typed: the fields say what they need.
  await page.getByTestId('wechat-check').click();
  await expect(page.getByTestId('field-error')).toHaveText([
    'Enter the corp ID (企业ID) from the WeCom admin console.',
    'Enter the open_kfid of the customer-service account.',
    'Paste the secret of the 微信客服 app.',
  ]);
  expect(await app.calls('check_wechat_account')).toEqual([]);
  await page.getByTestId('wechat-open-kfid').fill('kf-123');
  await expect(page.getByTestId('field-error').nth(1)).toHaveText('An open_kfid starts with “wk”, like wkAbCdEf123456.');

  // A secret WeCom refuses (errcode 40001), in words; saving fails the same way and keeps what was typed.
  await page.getByTestId('wechat-corp-id').fill('ww7a3c9e1f20b4d6e8');
  await page.getByTestId('wechat-open-kfid').fill('wkR2d9QkEAAAx1');
  await page.getByTestId('wechat-secret').fill('wrong');
  await page.getByTestId('wechat-check').click();
  const result = page.getByTestId('wechat-check-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText('WeCom refused');
  await expect(result).toContainText("WeCom does not accept this secret; copy the customer-service app's secret again");
  await page.screenshot({ path: '/tmp/wechat-refused-en.png' });
  await page.getByTestId('wechat-name').fill('WeChat support');
  await page.getByTestId('wechat-save').click();
  await expect(page.getByTestId('wechat-error')).toHaveAttribute('data-code', 'wechat');
  await expect(page.getByTestId('wechat-error')).toContainText('The account was not saved');
  await expect(page.getByTestId('wechat-name')).toHaveValue('WeChat support');

  // The right secret: the check passes.
  await page.getByTestId('wechat-secret').fill('s3cret');
  await expect(result).toContainText('The settings changed since this check.');
  await page.getByTestId('wechat-check').click();
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toHaveText('WeCom accepts these settings: the account can receive and reply.');
  expect((await app.calls('check_wechat_account')).at(-1)!.args).toEqual({
    accountId: null,
    form: { name: 'WeChat support', corpId: 'ww7a3c9e1f20b4d6e8', openKfid: 'wkR2d9QkEAAAx1', secret: 's3cret', apiBase: null },
  });
  await page.screenshot({ path: '/tmp/wechat-checked-en.png' });

  await page.getByTestId('wechat-save').click();
  await expect(page.getByTestId('account-list')).toBeVisible();
  expect((await app.calls('save_wechat_account')).at(-1)!.args).toMatchObject({ accountId: null, form: { secret: 's3cret' } });
  const row = chats(page).filter({ hasText: 'WeChat support' });
  await expect(row).toHaveAttribute('data-channel', 'wechat');
  await expect(row.locator('.channel-wechat')).toBeVisible();
  await expect(row.getByTestId('account-address-text')).toHaveText('wkR2d9QkEAAAx1');
  await expect(row.getByTestId('account-corp-id')).toHaveText('Corp ww7a3c9e1f20b4d6e8');
  await expect(row).toHaveAttribute('data-state', 'ok');
  await expect(row.getByTestId('sync-now')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/wechat-list-en.png' });

  // Edit: the secret is never shown again and an empty one keeps it.
  await row.getByTestId('edit-account').click();
  await expect(screen(page).getByRole('heading', { name: 'Edit WeChat support' })).toBeVisible();
  await expect(page.getByTestId('wechat-secret')).toHaveValue('');
  await expect(page.getByTestId('wechat-secret')).toHaveAttribute('placeholder', 'unchanged');
  await expect(page.getByTestId('wechat-corp-id')).toHaveValue('ww7a3c9e1f20b4d6e8');
  await page.getByTestId('wechat-name').fill('WeChat shop');
  await page.getByTestId('wechat-check').click();
  await expect(page.getByTestId('wechat-check-result')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('wechat-save').click();
  await expect(page.getByTestId('account-list')).toBeVisible();
  expect((await app.calls('save_wechat_account')).at(-1)!.args).toMatchObject({ accountId: expect.any(Number), form: { name: 'WeChat shop', secret: null } });
  const renamed = chats(page).filter({ hasText: 'WeChat shop' });
  await expect(renamed).toHaveAttribute('data-state', 'ok');

  await renamed.getByTestId('remove-account').click();
  await expect(renamed.getByTestId('remove-confirm')).toContainText('forgets its secret');
  await renamed.getByTestId('confirm-remove').click();
  await expect(chats(page)).toHaveCount(0);
  await expect(page.getByTestId('account-row')).toHaveCount(2);
  expect(app.external()).toEqual([]);
});

test('a WeChat ticket says how many replies WeChat still takes and until when, and warns once it will refuse', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = await boot(page, { seeded: true, replyWindows: { [WECHAT_B]: { closesInMinutes: -30, repliesLeft: 5 } } });
  await expect(rows(page).first()).toBeVisible();
  const counts = await backendCounts(page);

  // The sidebar lists every channel with its count; Telegram and WeChat filter the list.
  for (const [channel, label] of [
    ['telegram', 'Telegram'],
    ['wechat', 'WeChat'],
  ] as const) {
    const view = page.getByTestId(`view-channel-${channel}`);
    await expect(view).toContainText(label);
    await expect(view.getByTestId('view-count')).toHaveText(String(counts[`channel-${channel}`]));
    await view.click();
    await expect(view).toHaveAttribute('aria-current', 'page');
    await expect(rows(page)).toHaveCount(counts[`channel-${channel}`]!);
    expect(new Set(await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-channel'))))).toEqual(new Set([channel]));
  }

  // An open window: replies left and until when; read again after a send.
  await ticket(page, WECHAT_A).click();
  // The customer's WeChat picture, kept locally: shown from a data: URL, never loaded from WeChat.
  await expect(page.getByTestId('customer-avatar')).toHaveAttribute('src', /^data:image\/png;base64,/);
  const banner = page.getByTestId('reply-window');
  await expect(banner).toHaveAttribute('data-state', 'open');
  await expect(banner.getByTestId('reply-window-text')).toHaveText(/^WeChat accepts 5 more replies until .+\d\d:\d\d \(in 1d \d+h\)\.$/);
  await page.getByTestId('reply-input').fill('您好，我们正在处理。');
  await page.getByTestId('send-reply').click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(1);
  await expect(banner.getByTestId('reply-window-text')).toHaveText(/^WeChat accepts 4 more replies until /);
  expect((await app.calls('chat_reply_window')).filter((c) => c.args.ticketId === WECHAT_A).length).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: '/tmp/wechat-window-en.png' });

  // The 48 hours have passed: a clear warning, and Send stays possible (the backend refuses, the outbox shows it).
  await ticket(page, WECHAT_B).click();
  await expect(banner).toHaveAttribute('data-state', 'closed');
  await expect(banner).toHaveAttribute('data-reason', 'expired');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('WeChat will refuse this reply');
  await expect(banner).toContainText('The customer has not written for 48 hours');
  await page.getByTestId('reply-input').fill('Still there?');
  await expect(page.getByTestId('send-reply')).toBeEnabled();
  await page.screenshot({ path: '/tmp/wechat-expired-en.png' });

  // Other channels have no window.
  await page.getByTestId('view-all_open').click();
  await page.locator('[data-testid="ticket-row"][data-channel="email"]').first().click();
  await expect(page.getByTestId('reply-input')).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('中文: the WeChat account form and list, the reply window and the used-up warning, the channel views', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await boot(
    page,
    { seeded: true, sampleWechat: true, sampleBots: true, syncStepMs: 200, replyWindows: { [WECHAT_A]: { closesInMinutes: 600, repliesLeft: 0 } } },
    { locale: 'zh-CN' },
  );
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('view-channel-telegram')).toContainText('Telegram');
  await expect(page.getByTestId('view-channel-wechat')).toContainText('微信');
  await page.getByTestId('view-channel-wechat').click();
  await expect(page.getByTestId('view-channel-wechat')).toHaveAttribute('aria-current', 'page');

  // The replies are used up: the warning says why.
  await ticket(page, WECHAT_A).click();
  const banner = page.getByTestId('reply-window');
  await expect(banner).toHaveAttribute('data-reason', 'quota');
  await expect(banner).toContainText('微信将拒绝此回复');
  await expect(banner).toContainText('自客户上次来信后已发送 5 条回复');
  await page.screenshot({ path: '/tmp/wechat-quota-zh.png' });
  await ticket(page, WECHAT_B).click();
  await expect(banner).toHaveAttribute('data-state', 'open');
  await expect(banner.getByTestId('reply-window-text')).toHaveText(/^微信在 .*\d\d:\d\d 前（还有 \d+小时）还接受 5 条回复。$/);
  await page.screenshot({ path: '/tmp/wechat-window-zh.png' });

  await openAccounts(page);
  await expect(screen(page).getByRole('heading', { name: '账户', exact: true })).toBeVisible();
  const sample = chats(page).filter({ hasText: 'WeChat support' });
  await expect(sample).toHaveAttribute('data-channel', 'wechat');
  await expect(sample.getByTestId('account-corp-id')).toHaveText('企业 ww7a3c9e1f20b4d6e8');
  await expect(chats(page)).toHaveCount(3);
  await page.screenshot({ path: '/tmp/wechat-list-zh.png' });

  await page.getByTestId('add-wechat').click();
  await expect(screen(page).getByRole('heading', { name: '添加微信客服账号' })).toBeVisible();
  await expect(page.getByTestId('wechat-form')).toContainText('企业微信管理后台 → 我的企业 → 企业信息');
  await page.getByTestId('wechat-name').fill('no-keychain 测试');
  await page.getByTestId('wechat-corp-id').fill('ww7a3c9e1f20b4d6e8');
  await page.getByTestId('wechat-open-kfid').fill('wkNew123');
  await page.getByTestId('wechat-secret').fill('wrong');
  await page.getByTestId('wechat-check').click();
  await expect(page.getByTestId('wechat-check-result')).toContainText('企业微信拒绝了');
  await page.getByTestId('wechat-secret').fill('s3cret');
  await page.getByTestId('wechat-check').click();
  await expect(page.getByTestId('wechat-check-result')).toHaveText('企业微信接受这些设置：此账号可以接收消息并回复。');
  await page.getByTestId('wechat-save').click();
  await expect(page.getByTestId('wechat-error')).toHaveAttribute('data-code', 'keychain_unavailable');
  await expect(page.getByTestId('wechat-error')).toContainText('没有可用的钥匙串来保存 Secret');
  await page.screenshot({ path: '/tmp/wechat-keychain-zh.png' });
  await page.getByTestId('cancel-wechat').click();
  await expect(chats(page)).toHaveCount(3);
});

test('no account yet: the empty screen offers WeChat beside email and Telegram', async ({ page }) => {
  await boot(page, { seeded: true });
  await openAccounts(page);
  await expect(page.getByTestId('accounts-empty')).toContainText('No account yet');
  await page.screenshot({ path: '/tmp/wechat-empty-en.png' });
  await page.getByTestId('accounts-empty').getByTestId('add-wechat').click();
  await expect(page.getByTestId('wechat-form')).toBeVisible();
  await page.screenshot({ path: '/tmp/wechat-form-en.png' });
});

import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { backendCounts, boot, rows, SHOTS } from './helpers';

const screen = (page: Page) => page.getByTestId('accounts-screen');
const accountRows = (page: Page) => page.getByTestId('account-row');
const row = (page: Page, id: number) => page.locator(`[data-testid="account-row"][data-account-id="${id}"]`);

// Uncaught errors and console errors (a runaway effect, a failed render) fail the test.
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
  expect(problems.get(page), 'errors in the page').toEqual([]);
});

async function openAccounts(page: Page) {
  await page.getByTestId('open-accounts').click();
  await expect(screen(page)).toBeVisible();
}

test('add a Gmail account: the address picks the preset, a wrong password fails in words, then test, save and sync', async ({ page }) => {
  const app = await boot(page, { seeded: true, accountTestMs: 700, syncSteps: 6, syncStepMs: 250 });
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('open-accounts')).toContainText('Accounts');

  await openAccounts(page);
  await expect(screen(page).getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();
  await expect(page.getByTestId('accounts-empty')).toContainText('No account yet');
  await page.screenshot({ path: join(SHOTS, 'accounts-empty-en.png') });

  await page.getByTestId('add-account').click();
  const form = page.getByTestId('account-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('account-address')).toBeFocused();
  await expect(page.getByTestId('account-preset')).toHaveValue('manual');

  await page.getByTestId('account-address').pressSequentially('support.acme@gmail.com', { delay: 5 });
  await expect(page.getByTestId('account-preset')).toHaveValue('gmail');
  await expect(page.getByTestId('preset-auto')).toHaveText('Chosen from the address');
  await expect(page.getByTestId('imap-host')).toHaveValue('imap.gmail.com');
  await expect(page.getByTestId('imap-port')).toHaveValue('993');
  await expect(page.getByTestId('imap-security')).toHaveValue('tls');
  await expect(page.getByTestId('smtp-host')).toHaveValue('smtp.gmail.com');
  await expect(page.getByTestId('smtp-port')).toHaveValue('465');
  await expect(page.getByTestId('smtp-security')).toHaveValue('tls');
  await expect(page.getByTestId('account-username')).toHaveValue('support.acme@gmail.com');
  await expect(page.getByTestId('preset-note')).toContainText('create an app password');
  await expect(page.getByTestId('account-folders')).toHaveValue('INBOX');
  await expect(page.getByTestId('initial-sync-mode')).toHaveValue('days');
  await expect(page.getByTestId('initial-sync-days')).toHaveValue('30');
  await expect(page.getByTestId('sent-folder')).toHaveAttribute('placeholder', 'Automatic');

  await page.getByTestId('account-name').fill('Support');
  await page.getByTestId('account-display-name').fill('Acme Support');
  await page.getByTestId('account-password').fill('wrong');
  await expect(page.getByTestId('account-password')).toHaveAttribute('type', 'password');
  await page.getByTestId('account-signature').fill('— The Acme support team');
  await page.screenshot({ path: join(SHOTS, 'account-form-en.png') });

  // A wrong password: both servers refuse it, named in plain words.
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('test-connection')).toBeDisabled();
  await expect(page.getByTestId('test-connection')).toContainText('Testing…');
  await expect(page.getByTestId('testing')).toContainText('up to 30 seconds');
  await expect(page.getByTestId('save-account')).toBeDisabled();
  const imap = page.getByTestId('check-imap');
  const smtp = page.getByTestId('check-smtp');
  await expect(imap).toHaveAttribute('data-ok', 'false');
  await expect(imap).toContainText('✗');
  await expect(imap).toContainText('Wrong user name or password');
  await expect(imap).toContainText('The server refused the user name or password');
  await expect(smtp).toHaveAttribute('data-ok', 'false');
  await expect(smtp).toContainText('Sending server problem');
  await expect(smtp).toContainText('535 5.7.8');
  await expect(page.getByTestId('test-connection')).toBeEnabled();
  await page.screenshot({ path: join(SHOTS, 'account-test-failed-en.png') });

  const tests = await app.calls('test_email_account');
  expect(tests).toHaveLength(1);
  expect(tests[0]!.args).toEqual({
    accountId: null,
    form: {
      name: 'Support',
      address: 'support.acme@gmail.com',
      displayName: 'Acme Support',
      username: 'support.acme@gmail.com',
      password: 'wrong',
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      signature: '— The Acme support team',
      folders: ['INBOX'],
      initialSyncDays: 30,
      sentFolder: null,
      addressIsList: false,
      localAiOnly: false,
    },
  });

  // Fixing the password makes the old result stale; testing again passes.
  await page.getByTestId('account-password').fill('abcd efgh ijkl mnop');
  await expect(page.getByTestId('connection-check')).toContainText('The settings changed since this test.');
  await page.getByTestId('test-connection').click();
  await expect(imap).toHaveAttribute('data-ok', 'true');
  await expect(imap).toContainText('✓');
  await expect(imap).toContainText('Connected');
  await expect(imap).toContainText('Logged in to imap.gmail.com and opened INBOX.');
  await expect(smtp).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('connection-check')).not.toContainText('changed since');
  await page.screenshot({ path: join(SHOTS, 'account-test-ok-en.png') });

  await page.getByTestId('save-account').click();
  await expect(form).toHaveCount(0);
  const saved = await app.calls('save_email_account');
  expect(saved).toHaveLength(1);
  expect(saved[0]!.args).toMatchObject({ accountId: null, form: { password: 'abcd efgh ijkl mnop', address: 'support.acme@gmail.com' } });

  const added = accountRows(page);
  await expect(added).toHaveCount(1);
  await expect(added).toHaveAttribute('data-account-id', /^\d+$/);
  await expect(added).toContainText('Support');
  await expect(added).toContainText('support.acme@gmail.com');
  const progress = added.getByTestId('sync-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Syncing INBOX');
  await expect(progress).toContainText(/[1-9]\d* of 240/);
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/);
  await page.screenshot({ path: join(SHOTS, 'accounts-syncing-en.png') });

  await expect(added.getByTestId('account-synced')).toHaveText('Synced just now', { timeout: 10_000 });
  await expect(progress).toHaveCount(0);
  await expect(added).toHaveAttribute('data-state', 'ok');
  await page.screenshot({ path: join(SHOTS, 'accounts-synced-en.png') });

  // Escape closes the screen; the sidebar counts the account and the shortcuts work again.
  await page.keyboard.press('Escape');
  await expect(screen(page)).toHaveCount(0);
  await expect(page.getByTestId('open-accounts')).toBeFocused();
  await expect(page.getByTestId('workspace-state')).toContainText('Demo workspace');
  await page.locator('body').press('j');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('saved accounts show their sync status; edit keeps the password; Sync now', async ({ page }) => {
  const app = await boot(page, { seeded: true, sampleAccounts: true, syncSteps: 4, syncStepMs: 200 });
  await expect(rows(page).first()).toBeVisible();
  // The failing account shows in the sidebar before the screen is opened.
  await expect(page.getByTestId('open-accounts')).toHaveAttribute('data-attention', 'error');
  await expect(page.getByTestId('accounts-attention')).toBeVisible();

  await openAccounts(page);
  await expect(accountRows(page)).toHaveCount(2);
  const support = row(page, 1);
  const aftersales = row(page, 2);
  await expect(support).toContainText('Support');
  await expect(support).toContainText('support@acme-shop.com');
  await expect(support.getByTestId('account-synced')).toHaveText('Synced 4m ago');
  await expect(support.getByTestId('account-unreadable')).toHaveText('2 messages could not be read and were kept aside');
  await expect(aftersales.getByTestId('account-error')).toContainText('Cannot sync');
  await expect(aftersales.getByTestId('account-error')).toContainText('Cannot reach imap.163.com:993 (connection timed out)');
  await expect(aftersales.getByTestId('account-retry')).toHaveText('Tries again in 4m');
  await expect(aftersales.getByTestId('account-unreadable')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'accounts-list-en.png') });

  // Edit: everything saved is in the form, the password is left alone.
  await support.getByTestId('edit-account').click();
  await expect(screen(page).getByRole('heading', { name: 'Edit Support' })).toBeVisible();
  await expect(page.getByTestId('account-name')).toHaveValue('Support');
  await expect(page.getByTestId('account-address')).toHaveValue('support@acme-shop.com');
  await expect(page.getByTestId('account-display-name')).toHaveValue('Acme Support');
  await expect(page.getByTestId('account-username')).toHaveValue('support@acme-shop.com');
  await expect(page.getByTestId('account-password')).toHaveValue('');
  await expect(page.getByTestId('account-password')).toHaveAttribute('placeholder', 'unchanged');
  await expect(page.getByTestId('account-preset')).toHaveValue('manual');
  await expect(page.getByTestId('imap-host')).toHaveValue('mail.acme-shop.com');
  await expect(page.getByTestId('smtp-port')).toHaveValue('587');
  await expect(page.getByTestId('smtp-security')).toHaveValue('start_tls');
  await expect(page.getByTestId('account-folders')).toHaveValue('INBOX, Support');
  await expect(page.getByTestId('initial-sync-days')).toHaveValue('90');
  await expect(page.getByTestId('account-signature')).toHaveValue('— The Acme support team');
  await page.screenshot({ path: join(SHOTS, 'account-edit-en.png') });

  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('check-imap')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('check-imap')).toContainText('opened INBOX, Support');
  expect((await app.calls('test_email_account'))[0]!.args).toMatchObject({ accountId: 1, form: { password: null } });

  await page.getByTestId('account-folders').fill('INBOX, Support, Billing');
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('account-form')).toHaveCount(0);
  const saves = await app.calls('save_email_account');
  expect(saves).toHaveLength(1);
  expect(saves[0]!.args).toMatchObject({ accountId: 1, form: { password: null, folders: ['INBOX', 'Support', 'Billing'] } });
  await expect(accountRows(page)).toHaveCount(2);
  await expect(support.getByTestId('sync-progress')).toBeVisible();
  await expect(support.getByTestId('account-synced')).toHaveText('Synced just now', { timeout: 10_000 });

  // Sync now: progress, then synced again.
  await support.getByTestId('sync-now').click();
  await expect(support.getByTestId('sync-progress')).toBeVisible();
  await expect(support.getByTestId('sync-now')).toBeDisabled();
  await expect(support.getByTestId('account-synced')).toHaveText('Synced just now', { timeout: 10_000 });
  expect((await app.calls('sync_account_now')).map((c) => c.args)).toEqual([{ accountId: 1 }]);

  // Cancel leaves without saving.
  await aftersales.getByTestId('edit-account').click();
  await page.getByTestId('account-name').fill('Changed');
  await page.getByTestId('cancel-account').click();
  await expect(aftersales).toContainText('售后');
  expect(await app.calls('save_email_account')).toHaveLength(1);
});

test('form problems and a missing keychain are shown, and nothing typed is lost', async ({ page }) => {
  const app = await boot(page, { seeded: true, accountTestMs: 200 });
  await expect(rows(page).first()).toBeVisible();
  await openAccounts(page);
  await page.getByTestId('add-account').click();

  // Saving an empty form names the fields to fix and sends nothing.
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('form-problems')).toHaveText('Some fields need attention.');
  await expect(page.getByTestId('account-address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('account-address')).toBeFocused();
  await expect(page.getByTestId('account-password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('imap-host')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a full email address, like support@example.com.')).toBeVisible();
  expect(await app.calls('save_email_account')).toHaveLength(0);

  await page.getByTestId('account-address').fill('kefu@qq.com');
  await expect(page.getByTestId('account-preset')).toHaveValue('qq');
  await expect(page.getByTestId('imap-host')).toHaveValue('imap.qq.com');
  await expect(page.getByTestId('preset-note')).toContainText('授权码');
  await page.getByTestId('account-password').fill('no-keychain');
  await expect(page.getByTestId('form-problems')).toHaveCount(0);

  // "None" is only for this computer.
  await page.getByTestId('imap-security').selectOption('plain');
  await expect(page.getByTestId('imap-plain-warning')).toContainText('Only sensible for a server on this computer (localhost)');
  await expect(page.getByTestId('imap-port')).toHaveValue('143');
  await expect(page.getByTestId('account-preset')).toHaveValue('manual');
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('imap-host')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Without encryption, only a server on this computer (localhost) is allowed.')).toBeVisible();
  await page.getByTestId('imap-security').selectOption('tls');
  await expect(page.getByTestId('imap-port')).toHaveValue('993');
  await expect(page.getByTestId('account-preset')).toHaveValue('qq');
  await expect(page.getByTestId('imap-plain-warning')).toHaveCount(0);

  // An unknown server: the failing step in words.
  await page.getByTestId('imap-host').fill('imap.qq.invalid');
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('check-imap')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('check-imap')).toContainText('Server not found');
  await expect(page.getByTestId('check-imap')).toContainText('Cannot find the server imap.qq.invalid');
  await expect(page.getByTestId('check-smtp')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('imap-host').fill('imap.qq.com');

  // No keychain: nothing is saved, the message says what to install, the form keeps everything.
  await page.getByTestId('save-account').click();
  const keychain = page.getByTestId('keychain-error');
  await expect(keychain).toBeVisible();
  await expect(keychain).toContainText('No keychain to keep the password');
  await expect(keychain).toContainText('install and unlock GNOME Keyring or KWallet');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByTestId('account-form')).toBeVisible();
  await expect(page.getByTestId('account-address')).toHaveValue('kefu@qq.com');
  await expect(page.getByTestId('account-password')).toHaveValue('no-keychain');
  await expect(page.getByTestId('imap-host')).toHaveValue('imap.qq.com');
  await page.screenshot({ path: join(SHOTS, 'account-keychain-en.png') });

  // A form problem the backend finds shows as such.
  await page.evaluate(() =>
    window.__sbFake!.failNext('save_email_account', { code: 'invalid_account', message: 'The user name is needed (often the email address).' }),
  );
  await page.getByTestId('account-password').fill('authcode');
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('keychain-error')).toHaveCount(0);
  await expect(page.getByTestId('form-error')).toContainText('Check the settings');
  await expect(page.getByTestId('form-error')).toContainText('The user name is needed');

  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('account-form')).toHaveCount(0);
  await expect(accountRows(page)).toHaveCount(1);
  await expect(accountRows(page)).toContainText('kefu@qq.com');
});

test('an account with a wrong password fails to sync and says so, with when it retries', async ({ page }) => {
  await boot(page, { seeded: true, syncStepMs: 100 });
  await expect(rows(page).first()).toBeVisible();
  await openAccounts(page);
  await page.getByTestId('add-account').click();
  await page.getByTestId('account-address').fill('help@outlook.com');
  await expect(page.getByTestId('smtp-host')).toHaveValue('smtp.office365.com');
  await expect(page.getByTestId('smtp-port')).toHaveValue('587');
  await expect(page.getByTestId('smtp-security')).toHaveValue('start_tls');
  await page.getByTestId('initial-sync-mode').selectOption('all');
  await expect(page.getByTestId('initial-sync-days')).toHaveCount(0);
  await page.getByTestId('account-password').fill('wrong');
  await page.getByTestId('save-account').click();

  const added = accountRows(page);
  await expect(added.getByTestId('account-error')).toContainText('The server refused the user name or password');
  await expect(added.getByTestId('account-retry')).toHaveText(/Tries again in (29|30)m/);
  await expect(added).toHaveAttribute('data-state', 'error');
  await expect(added.getByTestId('sync-now')).toBeEnabled();
});

test('remove asks first, says tickets are kept, and keeps them', async ({ page }) => {
  const app = await boot(page, { seeded: true, sampleAccounts: true });
  await expect(rows(page).first()).toBeVisible();
  const before = await backendCounts(page);
  await openAccounts(page);
  const aftersales = row(page, 2);

  await aftersales.getByTestId('remove-account').click();
  const confirm = aftersales.getByTestId('remove-confirm');
  await expect(confirm).toContainText('Remove shouhou@163.com?');
  await expect(confirm).toContainText('Tickets and messages already received are kept.');
  await expect(aftersales.getByTestId('confirm-remove')).toBeFocused();
  await page.screenshot({ path: join(SHOTS, 'account-remove-en.png') });

  // Escape closes the confirm step first, not the screen.
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(screen(page)).toBeVisible();

  await aftersales.getByTestId('remove-account').click();
  await aftersales.getByTestId('cancel-remove').click();
  await expect(confirm).toHaveCount(0);
  expect(await app.calls('remove_email_account')).toHaveLength(0);

  await aftersales.getByTestId('remove-account').click();
  await aftersales.getByTestId('confirm-remove').click();
  await expect(accountRows(page)).toHaveCount(1);
  await expect(aftersales).toHaveCount(0);
  expect((await app.calls('remove_email_account')).map((c) => c.args)).toEqual([{ accountId: 2 }]);
  expect(await backendCounts(page)).toEqual(before);
  // The failing account is gone, and with it the sidebar's warning.
  await expect(page.getByTestId('open-accounts')).not.toHaveAttribute('data-attention', 'error');

  await page.getByTestId('close-accounts').click();
  await expect(screen(page)).toHaveCount(0);
});

test('the first-run screen connects an email account and then opens the inbox', async ({ page }) => {
  const app = await boot(page, { seeded: false, syncStepMs: 60 });
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'welcome-connect-en.png') });
  await page.getByTestId('open-accounts').click();
  await expect(page.getByTestId('account-form')).toBeVisible();
  await expect(screen(page).getByRole('heading', { name: 'Add email account' })).toBeVisible();

  await page.getByTestId('account-address').fill('service@163.com');
  await expect(page.getByTestId('account-preset')).toHaveValue('163');
  await expect(page.getByTestId('imap-host')).toHaveValue('imap.163.com');
  await expect(page.getByTestId('smtp-host')).toHaveValue('smtp.163.com');
  await page.getByTestId('account-password').fill('authcode');
  await page.getByTestId('save-account').click();
  await expect(accountRows(page)).toHaveCount(1);
  await expect(accountRows(page).getByTestId('account-synced')).toBeVisible({ timeout: 10_000 });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await expect(page.getByTestId('workspace-state')).toContainText('Accounts: 1');
  expect((await app.calls('workspace_status')).length).toBeGreaterThanOrEqual(2);
});

test('the account screens in 简体中文', async ({ page }) => {
  await boot(page, { seeded: true, sampleAccounts: true, accountTestMs: 200 });
  await expect(rows(page).first()).toBeVisible();
  await openAccounts(page);
  await expect(row(page, 1).getByTestId('sync-now')).toHaveText('Sync now');
  await page.keyboard.press('Escape');

  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.getByTestId('open-accounts')).toContainText('账户');
  await openAccounts(page);
  await expect(screen(page).getByRole('heading', { name: '账户', exact: true })).toBeVisible();
  const support = row(page, 1);
  const aftersales = row(page, 2);
  await expect(support.getByTestId('sync-now')).toHaveText('立即同步');
  await expect(support.getByTestId('edit-account')).toHaveText('编辑');
  await expect(support.getByTestId('remove-account')).toHaveText('移除');
  await expect(support.getByTestId('account-synced')).toHaveText('4分钟前同步');
  await expect(support.getByTestId('account-unreadable')).toHaveText('有 2 封邮件无法读取，已单独保存');
  await expect(aftersales.getByTestId('account-error')).toContainText('无法同步');
  await expect(aftersales.getByTestId('account-retry')).toHaveText('4分钟后重试');
  await page.screenshot({ path: join(SHOTS, 'accounts-list-zh-CN.png') });

  await aftersales.getByTestId('remove-account').click();
  await expect(aftersales.getByTestId('remove-confirm')).toContainText('已收到的工单和邮件会保留');
  await page.screenshot({ path: join(SHOTS, 'account-remove-zh-CN.png') });
  await aftersales.getByTestId('cancel-remove').click();

  await page.getByTestId('add-account').click();
  await expect(screen(page).getByRole('heading', { name: '添加邮箱账户' })).toBeVisible();
  await expect(page.getByText('邮箱地址', { exact: true })).toBeVisible();
  await expect(page.getByTestId('test-connection')).toHaveText('测试连接');
  await expect(page.getByTestId('save-account')).toHaveText('保存');
  await expect(page.getByTestId('cancel-account')).toHaveText('取消');
  await expect(page.getByTestId('imap-security').locator('option')).toHaveText(['SSL/TLS', 'STARTTLS', '无']);
  await expect(page.getByTestId('initial-sync-mode').locator('option')).toHaveText(['全部邮件', '最近 N 天']);
  await page.getByTestId('account-address').fill('kefu@163.com');
  await expect(page.getByTestId('account-preset')).toHaveValue('163');
  await expect(page.getByTestId('preset-auto')).toHaveText('已根据地址自动选择');
  await page.getByTestId('account-name').fill('客服');
  await page.getByTestId('account-display-name').fill('Acme 客服');
  await page.getByTestId('account-password').fill('wrong');
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('check-imap')).toContainText('用户名或密码错误');
  await expect(page.getByTestId('check-smtp')).toContainText('发件服务器有问题');
  await page.screenshot({ path: join(SHOTS, 'account-form-zh-CN.png') });

  await page.getByTestId('account-password').fill('no-keychain');
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('keychain-error')).toContainText('没有可用的钥匙串来保存密码');
  await expect(page.getByTestId('keychain-error').getByTestId('failure-explained')).toHaveText(
    '在 Linux 上，请安装并解锁 GNOME Keyring 或 KWallet。Switchboard 绝不会把密码和密钥存到别处。',
  );
  await page.getByTestId('account-form').locator('.sheet-form-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.screenshot({ path: join(SHOTS, 'account-keychain-zh-CN.png') });
});

test('the account form fits the minimum window (960 × 600)', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await boot(page, { seeded: true, sampleAccounts: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await openAccounts(page);
  await page.screenshot({ path: join(SHOTS, 'accounts-min-window-zh-CN.png') });
  await row(page, 1).getByTestId('edit-account').click();
  for (const id of ['test-connection', 'save-account', 'cancel-account', 'account-address', 'account-password']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(960);
    expect(box.y + box.height, id).toBeLessThanOrEqual(600);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(960);
  await page.screenshot({ path: join(SHOTS, 'account-form-min-window-zh-CN.png') });
});

// Desktop notifications: the settings sheet (load, save, the backend's refusal inline, the notice when
// this desktop cannot show them), a clicked notification opening its ticket, and the UI language the
// backend writes notifications in.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, SHOTS } from './helpers';

const sheet = (page: Page) => page.getByTestId('notifications');
const NO_SERVICE = 'No notification service answered: org.freedesktop.Notifications was not provided by any .service files';

async function openSheet(page: Page) {
  await page.getByTestId('open-notifications').click();
  await expect(sheet(page)).toBeVisible();
  await expect(page.getByTestId('notifications-save')).toBeVisible();
}

/** Calls a command of the fake backend directly, as the app would. */
function invoke(page: Page, cmd: string, args: Record<string, unknown>) {
  return page.evaluate(
    ([c, a]) =>
      (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string, args: unknown): Promise<unknown> } }).__TAURI_INTERNALS__
        .invoke(c, a)
        .then((ok) => ({ ok }), (err: unknown) => ({ err })),
    [cmd, args] as const,
  );
}

test('the settings load with the defaults, save what the agent chose, and read back', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openSheet(page);
  await expect(sheet(page).getByRole('heading', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(page.getByTestId('notifications-unavailable')).toHaveCount(0);
  await expect(page.getByTestId('notify-enabled')).toBeChecked();
  await expect(page.getByTestId('notify-new-tickets')).toBeChecked();
  await expect(page.getByTestId('notify-replies-on-mine')).toBeChecked();
  await expect(page.getByTestId('notify-min-priority')).toHaveValue('low');
  await expect(page.getByTestId('notify-min-priority').locator('option')).toHaveText(['All tickets', 'Normal and above', 'High and above', 'Urgent only']);
  await expect(page.getByTestId('notify-quiet')).not.toBeChecked();
  await expect(page.getByTestId('notify-quiet-from')).toHaveCount(0);

  await page.getByText('Replies on tickets assigned to me').click();
  await page.getByTestId('notify-min-priority').selectOption({ label: 'High and above' });
  await page.getByText('Pause notifications at set hours').click();
  await expect(page.getByTestId('notify-quiet-from')).toHaveValue('22');
  await expect(page.getByTestId('notify-quiet-until')).toHaveValue('7');
  await page.getByTestId('notify-quiet-from').selectOption('23:00');
  await page.getByTestId('notify-quiet-until').selectOption('06:00');
  await page.screenshot({ path: join(SHOTS, 'notifications-en.png') });
  await page.getByTestId('notifications-save').click();
  await expect(page.getByTestId('notifications-saved')).toHaveText('Saved');
  expect((await app.calls('save_notification_settings')).map((c) => c.args)).toEqual([
    { settings: { enabled: true, new_tickets: true, replies_on_mine: false, min_priority: 'high', quiet_from: 23, quiet_until: 6 } },
  ]);
  // A change makes "Saved" stale.
  await page.getByTestId('notify-quiet-until').selectOption('07:00');
  await expect(page.getByTestId('notifications-saved')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(sheet(page)).toHaveCount(0);
  await openSheet(page);
  await expect(page.getByTestId('notify-replies-on-mine')).not.toBeChecked();
  await expect(page.getByTestId('notify-min-priority')).toHaveValue('high');
  await expect(page.getByTestId('notify-quiet-from')).toHaveValue('23');
  await expect(page.getByTestId('notify-quiet-until')).toHaveValue('6');

  // Quiet hours off: neither hour is saved; everything off greys out what it governs.
  await page.getByText('Pause notifications at set hours').click();
  await page.getByText('Show desktop notifications').click();
  await expect(page.getByTestId('notify-what')).toHaveAttribute('disabled');
  await expect(page.getByTestId('notify-new-tickets')).toBeDisabled();
  await page.getByTestId('notifications-save').click();
  await expect(page.getByTestId('notifications-saved')).toBeVisible();
  expect((await app.calls('save_notification_settings')).at(-1)?.args).toEqual({
    settings: { enabled: false, new_tickets: true, replies_on_mine: false, min_priority: 'high', quiet_from: null, quiet_until: null },
  });
});

test('the backend refusal shows in the sheet and nothing is taken as saved; the fake enforces the rules', async ({ page }) => {
  await boot(page, { seeded: true });
  // The fake refuses what the Rust side refuses.
  expect(await invoke(page, 'save_notification_settings', { settings: { quiet_from: 22, quiet_until: null } })).toEqual({
    err: { code: 'invalid_input', message: 'quiet hours need both a start and an end' },
  });
  expect(await invoke(page, 'save_notification_settings', { settings: { quiet_from: 24, quiet_until: 7 } })).toEqual({
    err: { code: 'invalid_input', message: '24 is not an hour of the day (0–23)' },
  });
  expect(await invoke(page, 'set_ui_language', { language: 'fr' })).toMatchObject({ err: { code: 'invalid_input' } });

  await openSheet(page);
  await page.evaluate(() =>
    window.__sbFake!.failNext('save_notification_settings', { code: 'invalid_input', message: 'quiet hours need both a start and an end' }),
  );
  await page.getByTestId('notifications-save').click();
  await expect(page.getByTestId('notifications-error')).toHaveText('Quiet hours need both a start and an end');
  await expect(page.getByTestId('notifications-saved')).toHaveCount(0);
  await expect(sheet(page)).toBeVisible();
  await page.getByTestId('notifications-save').click();
  await expect(page.getByTestId('notifications-error')).toHaveCount(0);
  await expect(page.getByTestId('notifications-saved')).toBeVisible();
});

test('without a notification service the sheet says so once, in plain words; the settings still save', async ({ page }) => {
  const app = await boot(page, { seeded: true, notificationsUnavailable: NO_SERVICE });
  await openSheet(page);
  await expect(page.getByTestId('notifications-unavailable')).toHaveCount(1);
  await expect(page.getByTestId('notifications-unavailable')).toHaveText(
    `Desktop notifications are not available on this computer: ${NO_SERVICE}. Switchboard keeps working; new tickets still appear in the inbox.`,
  );
  await page.getByTestId('notify-min-priority').selectOption('urgent');
  await page.getByTestId('notifications-save').click();
  await expect(page.getByTestId('notifications-saved')).toBeVisible();
  expect(await app.calls('save_notification_settings')).toHaveLength(1);
  await page.screenshot({ path: join(SHOTS, 'notifications-unavailable-en.png') });
});

test('zh-CN, also dark: the sheet and its notice in Chinese; the palette opens it', async ({ page }) => {
  await boot(page, { seeded: true, notificationsUnavailable: NO_SERVICE, notifications: { quiet_from: 22, quiet_until: 7, min_priority: 'normal' } }, { locale: 'zh-CN' });
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('通知');
  await page.keyboard.press('Enter');
  await expect(sheet(page)).toBeVisible();
  await expect(sheet(page).getByRole('heading', { name: '通知', exact: true })).toBeVisible();
  await expect(page.getByTestId('notifications-unavailable')).toHaveText(
    `这台电脑无法显示桌面通知：${NO_SERVICE}. Switchboard 仍可正常使用，新工单照样会出现在收件箱中。`,
  );
  await expect(page.getByTestId('notify-min-priority').locator('option:checked')).toHaveText('普通及以上');
  await expect(page.getByTestId('notify-quiet-from')).toHaveValue('22');
  await expect(sheet(page)).toContainText('分配给我的工单有新回复');
  await page.screenshot({ path: join(SHOTS, 'notifications-zh-CN.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SHOTS, 'notifications-zh-CN-dark.png') });
  await page.getByTestId('notifications-save').click();
  await expect(page.getByTestId('notifications-saved')).toHaveText('已保存');
});

test('a clicked desktop notification opens its ticket, even one the current view does not list', async ({ page }) => {
  await boot(page, { seeded: true });
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  // Ticket 6 is resolved: not in All open.
  await expect(page.locator('[data-testid="ticket-row"][data-ticket-id="6"]')).toHaveCount(0);
  await page.evaluate(() => window.__sbFake!.emit('open-ticket-requested', { ticketId: 6 }));
  await expect(page.getByTestId('ticket-number')).toHaveText('#1006');
  await page.evaluate(() => window.__sbFake!.emit('open-ticket-requested', { ticketId: 2 }));
  await expect(page.getByTestId('ticket-number')).toHaveText('#1002');
});

test('the backend hears the UI language at start and on every switch; its failure changes nothing', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  await expect.poll(async () => (await app.calls('set_ui_language')).map((c) => c.args.language)).toEqual(['en']);
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect.poll(async () => (await app.calls('set_ui_language')).map((c) => c.args.language)).toEqual(['en', 'zh-CN']);

  await page.evaluate(() => window.__sbFake!.failAlways('set_ui_language', { code: 'database', message: 'the workspace could not be written' }));
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.getByTestId('open-notifications')).toHaveText('Notifications');
  await expect.poll(async () => (await app.calls('set_ui_language')).length).toBe(3);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
});

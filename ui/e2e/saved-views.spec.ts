// Saved views: the agent's own filters in the left pane with live counts; created, refused in words,
// opened, edited and deleted (with a confirmation), from the sidebar and the command palette.
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, rows, SHOTS } from './helpers';

test('create a view (a bad name refused in words), see its count and tickets, edit it, delete it', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const section = page.getByTestId('saved-views');
  await expect(section).toContainText('Saved views');
  await expect(section.getByTestId('saved-view')).toHaveCount(0);

  // A new view: no name is refused with the backend's reason, in words; nothing is saved.
  await section.getByTestId('new-saved-view').click();
  const form = page.getByTestId('saved-view-form');
  await expect(form).toContainText('New saved view');
  await expect(page.getByTestId('view-name')).toBeFocused();
  await page.getByTestId('saved-view-save').click();
  await expect(page.getByTestId('saved-view-error')).toHaveText('A view needs a name of 1 to 60 characters.');
  expect((await app.calls('save_saved_view')).length).toBe(1);
  await expect(section.getByTestId('saved-view')).toHaveCount(0);

  // Name and filter by keyboard: email, negative sentiment.
  await page.getByTestId('view-name').fill('Unhappy email');
  await page.getByTestId('view-group-channels').locator('[data-value="email"]').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('view-group-sentiments').locator('[data-value="negative"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-group-sentiments').locator('[data-value="negative"]')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('view-assignee').selectOption('none');
  await page.screenshot({ path: join(SHOTS, 'saved-view-form-en.png') });
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();

  const saved = (await app.calls('save_saved_view')).at(-1)!;
  expect(saved.args).toEqual({
    id: null,
    name: 'Unhappy email',
    filter: {
      statuses: [],
      categories: [],
      priorities: [],
      sentiments: ['negative'],
      channels: ['email'],
      queues: [],
      tags: [],
      assignee: '@none',
      customer: null,
      created_after: null,
      created_before: null,
    },
  });

  // It is listed with its count and opens: the list shows exactly its tickets.
  const item = section.getByTestId('saved-view');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Unhappy email');
  const count = Number(await item.getByTestId('view-count').textContent());
  expect(count).toBeGreaterThan(0);
  await expect(item.getByTestId('saved-view-open')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.list-header .title')).toHaveText('Unhappy email');
  await expect(rows(page)).toHaveCount(count);
  await expect(page.getByTestId('list-total')).toHaveText(String(count));
  for (const row of await rows(page).all()) {
    await expect(row).toHaveAttribute('data-channel', 'email');
    await expect(row).toHaveAttribute('data-sentiment', 'negative');
    await expect(row.getByTestId('row-assignee')).toHaveCount(0);
  }
  expect((await app.calls('list_tickets')).at(-1)!.args.view).toEqual({ kind: 'custom', filter: saved.args.filter });

  // Away and back; sorting works as for any view.
  await page.getByTestId('view-all_open').click();
  await item.getByTestId('saved-view-open').click();
  await expect(rows(page)).toHaveCount(count);
  const newestFirst = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')));
  await page.getByTestId('sort').selectOption('oldest');
  await expect
    .poll(async () => (await app.calls('list_tickets')).at(-1)!.args)
    .toEqual({ view: { kind: 'custom', filter: saved.args.filter }, sort: 'oldest', limit: 100, offset: 0 });
  await expect
    .poll(() => rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id'))))
    .toEqual([...newestFirst].reverse());
  await page.getByTestId('sort').selectOption('newest');
  await page.mouse.move(700, 500);
  await page.screenshot({ path: join(SHOTS, 'saved-views-sidebar-en.png') });

  // Edit: only open ones, and a day range the wrong way round is refused in words.
  await item.hover();
  await item.getByTestId('edit-saved-view').click();
  await expect(form).toContainText('Edit saved view');
  await expect(page.getByTestId('view-name')).toHaveValue('Unhappy email');
  await expect(page.getByTestId('view-group-channels').locator('[data-value="email"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('view-assignee')).toHaveValue('none');
  await page.getByTestId('view-name').fill('Unhappy new email');
  await page.getByTestId('view-group-statuses').locator('[data-value="new"]').click();
  await page.getByTestId('view-created-from').fill('2026-05-10');
  await page.getByTestId('view-created-before').fill('2026-05-01');
  await page.getByTestId('saved-view-save').click();
  await expect(page.getByTestId('saved-view-error')).toHaveText(
    'The “created on or after” day must come before the “created before” day.',
  );
  await page.getByTestId('view-created-from').fill('');
  await page.getByTestId('view-created-before').fill('');
  await page.getByTestId('saved-view-save').click();
  await expect(form).toBeHidden();
  expect((await app.calls('save_saved_view')).at(-1)!.args.id).toBe(1);
  await expect(item).toContainText('Unhappy new email');
  await expect(page.locator('.list-header .title')).toHaveText('Unhappy new email');
  const newCount = Number(await item.getByTestId('view-count').textContent());
  expect(newCount).toBeLessThanOrEqual(count);
  await expect(rows(page)).toHaveCount(newCount);
  for (const row of await rows(page).all()) await expect(row).toHaveAttribute('data-status', 'new');

  // Delete asks first; cancelling keeps it.
  await item.hover();
  await item.getByTestId('delete-saved-view').click();
  const confirm = page.getByTestId('delete-view-confirm');
  await expect(confirm).toContainText('Delete the view “Unhappy new email”?');
  await page.getByTestId('delete-view-cancel').click();
  await expect(confirm).toBeHidden();
  await expect(item).toHaveCount(1);
  await item.hover();
  await item.getByTestId('delete-saved-view').click();
  await page.getByTestId('delete-view-yes').click();
  await expect(confirm).toBeHidden();
  await expect(section.getByTestId('saved-view')).toHaveCount(0);
  expect((await app.calls('delete_saved_view')).at(-1)!.args).toEqual({ id: 1 });
  await expect(page.getByTestId('view-all_open')).toHaveAttribute('aria-current', 'page');
});

test('"Save current filters as view" starts from the view on screen; counts follow ticket changes', async ({ page }) => {
  await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('view-urgent').click();
  const urgent = Number(await page.getByTestId('view-urgent').getByTestId('view-count').textContent());
  await page.getByTestId('save-current-view').click();
  const pressed = page.getByTestId('saved-view-form').locator('[aria-pressed="true"]');
  await expect(pressed).toHaveCount(3);
  await expect(page.getByTestId('view-group-priorities').locator('[data-value="urgent"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('view-group-statuses').locator('[data-value="open"]')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('view-name').fill('My urgent');
  await page.getByTestId('saved-view-save').click();

  const item = page.getByTestId('saved-view');
  await expect(item.getByTestId('view-count')).toHaveText(/^\d+$/);
  const before = Number(await item.getByTestId('view-count').textContent());
  expect(before).toBeGreaterThanOrEqual(urgent);
  await expect(rows(page)).toHaveCount(before);

  // Resolving one of its tickets takes it out of the view and its count.
  await rows(page).first().click();
  await page.keyboard.press('e');
  await expect(item.getByTestId('view-count')).toHaveText(String(before - 1));
  await expect(rows(page)).toHaveCount(before - 1);
});

test('简体中文: a seeded view, edited from the palette, everything in Chinese', async ({ page }) => {
  await boot(
    page,
    { seeded: true, savedViews: [{ name: '负面邮件', filter: { channels: ['email'], sentiments: ['negative'] } }] },
    { locale: 'zh-CN' },
  );
  await expect(rows(page).first()).toBeVisible();
  const section = page.getByTestId('saved-views');
  await expect(section).toContainText('已保存的视图');
  const item = section.getByTestId('saved-view');
  await expect(item).toContainText('负面邮件');
  await item.getByTestId('saved-view-open').click();
  await expect(page.locator('.list-header .title')).toHaveText('负面邮件');
  const count = Number(await item.getByTestId('view-count').textContent());
  await expect(rows(page)).toHaveCount(count);
  await item.hover();
  await expect(item.getByTestId('edit-saved-view')).toHaveAttribute('title', '编辑视图“负面邮件”');
  await page.screenshot({ path: join(SHOTS, 'saved-views-sidebar-zh.png') });

  // The palette edits the view on screen.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('编辑视图');
  await expect(page.getByTestId('palette-option').first()).toHaveAttribute('data-command-id', 'edit-view');
  await expect(page.getByTestId('palette-option').first()).toContainText('编辑视图“负面邮件”');
  await page.keyboard.press('Enter');
  const form = page.getByTestId('saved-view-form');
  await expect(form).toContainText('编辑保存的视图');
  await expect(page.getByTestId('view-name')).toHaveValue('负面邮件');
  await expect(form).toContainText('情绪');
  await expect(form).toContainText('负面');
  await page.getByTestId('view-name').fill('');
  await page.getByTestId('saved-view-save').click();
  await expect(page.getByTestId('saved-view-error')).toHaveText('视图名称需为 1 到 60 个字符。');
  await page.screenshot({ path: join(SHOTS, 'saved-view-form-zh.png') });
  await page.getByTestId('saved-view-cancel').click();
  await expect(form).toBeHidden();

  // Delete from the palette, confirmed.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('删除视图');
  await expect(page.getByTestId('palette-option').first()).toHaveAttribute('data-command-id', 'delete-view');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('delete-view-confirm')).toContainText('删除视图“负面邮件”？');
  await page.getByTestId('delete-view-yes').click();
  await expect(section.getByTestId('saved-view')).toHaveCount(0);
  await expect(section).toContainText('保存常用的筛选');
});

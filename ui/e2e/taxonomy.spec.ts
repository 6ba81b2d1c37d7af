// The workspace's ticket categories, edited in the AI settings: names show everywhere at once.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, rows, SHOTS } from './helpers';

const REFUND = 1; // demo ticket in Billing & invoices
const editor = (page: Page) => page.getByTestId('taxonomy-editor');
const taxRows = (page: Page) => page.getByTestId('taxonomy-row');
const taxRow = (page: Page, id: string) => page.locator(`[data-testid="taxonomy-row"][data-id="${id}"]`);
const listRow = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);

// Uncaught errors and console errors fail the test.
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

async function openEditor(page: Page) {
  await page.getByTestId('open-ai-settings').click();
  await expect(page.getByTestId('ai-settings')).toBeVisible();
  await expect(editor(page)).toBeVisible();
  await editor(page).scrollIntoViewIfNeeded();
}

async function closeSettings(page: Page) {
  await page.getByTestId('close-ai-settings').click();
  await expect(page.getByTestId('ai-settings')).toHaveCount(0);
}

test('rename a category and add one: the list chip, the ticket and the picker use them at once', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await listRow(page, REFUND).click();
  await expect(page.getByTestId('ticket-category')).toHaveText('Billing & invoices');
  await expect(listRow(page, REFUND).locator('.chip.category')).toHaveText('Billing & invoices');

  await openEditor(page);
  await expect(editor(page).getByTestId('taxonomy-about')).toContainText('the offline model learns new ones from your corrections');
  await expect(taxRows(page)).toHaveCount(10);
  await expect(taxRow(page, 'billing').getByTestId('taxonomy-id')).toHaveText('billing');
  // Saved ids are on tickets: not editable.
  await expect(taxRow(page, 'billing').locator('input[data-testid="taxonomy-id"]')).toHaveCount(0);
  await expect(page.getByTestId('taxonomy-save')).toBeDisabled();
  await expect(page.getByTestId('taxonomy-dirty')).toHaveCount(0);

  // Rename.
  await taxRow(page, 'billing').getByTestId('taxonomy-name-en').fill('Payments & invoices');
  await taxRow(page, 'billing').getByTestId('taxonomy-name-zh').fill('付款与发票');
  await expect(page.getByTestId('taxonomy-dirty')).toHaveText('Unsaved changes');
  await expect(page.getByTestId('taxonomy-save')).toBeEnabled();
  await page.getByTestId('taxonomy-save').click();
  await expect(page.getByTestId('taxonomy-saved')).toContainText('Categories saved');
  await expect(page.getByTestId('taxonomy-dirty')).toHaveCount(0);
  await expect(page.getByTestId('taxonomy-save')).toBeDisabled();
  const saved = (await app.calls('save_taxonomy')).map((c) => c.args.categories as { id: string; name_en: string }[]);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toHaveLength(10);
  expect(saved[0]!.find((c) => c.id === 'billing')).toEqual({ id: 'billing', name_en: 'Payments & invoices', name_zh: '付款与发票' });

  // Add one: the id follows the English name until typed.
  await page.getByTestId('taxonomy-add').click();
  const added = taxRows(page).last();
  await expect(added.getByTestId('taxonomy-name-en')).toBeFocused();
  await page.keyboard.type('Warranty claims');
  await expect(added.getByTestId('taxonomy-id')).toHaveValue('warranty_claims');
  await added.getByTestId('taxonomy-name-zh').fill('保修索赔');
  await page.screenshot({ path: join(SHOTS, 'taxonomy-editing-en.png') });
  // Enter saves the categories (not the LLM settings around them).
  await added.getByTestId('taxonomy-name-zh').press('Enter');
  await expect(page.getByTestId('taxonomy-saved')).toContainText('Categories saved');
  await expect(taxRow(page, 'warranty_claims').locator('input[data-testid="taxonomy-id"]')).toHaveCount(0);
  expect(await app.calls('save_llm_settings')).toEqual([]);
  await expect(taxRows(page)).toHaveCount(11);
  await editor(page).screenshot({ path: join(SHOTS, 'taxonomy-saved-en.png') });
  await closeSettings(page);

  await expect(listRow(page, REFUND).locator('.chip.category')).toHaveText('Payments & invoices');
  await expect(page.getByTestId('ticket-category')).toHaveText('Payments & invoices');
  await expect(page.getByTestId('ai-category')).toHaveText('Payments & invoices');

  await page.locator('body').press('c');
  const picker = page.getByTestId('category-picker');
  await expect(picker.getByTestId('category-option')).toHaveCount(11);
  await expect(picker.locator('[data-category-id="billing"]')).toContainText('Payments & invoices');
  await expect(picker.locator('[data-category-id="warranty_claims"]')).toContainText('Warranty claims');
  await page.keyboard.type('warr');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(listRow(page, REFUND).locator('.chip.category')).toHaveText('Warranty claims');
  await expect.poll(async () => (await app.calls('correct_ticket')).map((c) => c.args)).toEqual([
    { ticketId: REFUND, correction: { category: 'warranty_claims', priority: null, sentiment: null } },
  ]);
});

test('problems are caught before saving; the backend refusal shows in words; remove keeps ids; reset brings the defaults back', async ({ page }) => {
  const app = await boot(page, {
    seeded: true,
    failOnce: { save_taxonomy: { code: 'invalid_input', message: "the category id 'x' is used twice" } },
  });
  await expect(rows(page).first()).toBeVisible();
  await openEditor(page);

  // A duplicate id.
  await page.getByTestId('taxonomy-add').click();
  const added = taxRows(page).last();
  await added.getByTestId('taxonomy-name-en').fill('Shipping');
  await expect(added.getByTestId('taxonomy-id')).toHaveValue('shipping_2');
  await added.getByTestId('taxonomy-id').fill('shipping');
  await page.getByTestId('taxonomy-save').click();
  const problemsBox = page.getByTestId('taxonomy-problems');
  await expect(problemsBox).toContainText('The id “shipping” is used twice.');
  await expect(problemsBox).toContainText('“shipping” needs a Chinese name.');
  await expect(added.getByTestId('taxonomy-id')).toHaveAttribute('aria-invalid', 'true');
  await expect(added.getByTestId('taxonomy-id')).toBeFocused();
  await editor(page).screenshot({ path: join(SHOTS, 'taxonomy-problems-en.png') });

  // A bad id; fixing follows the typing.
  await added.getByTestId('taxonomy-id').fill('Bad Id');
  await expect(problemsBox).toContainText('“Bad Id” is not a valid id: use a–z, 0–9 and _.');
  await added.getByTestId('taxonomy-id').fill('parcel_lockers');
  await added.getByTestId('taxonomy-name-en').fill('Parcel lockers');
  await expect(added.getByTestId('taxonomy-id')).toHaveValue('parcel_lockers');
  await added.getByTestId('taxonomy-name-zh').fill('快递柜');
  await expect(problemsBox).toHaveCount(0);
  expect(await app.calls('save_taxonomy')).toEqual([]);

  // Removing a saved category says what happens to its tickets, and can be undone.
  await taxRow(page, 'complaint').getByTestId('taxonomy-remove').click();
  await expect(taxRow(page, 'complaint')).toHaveCount(0);
  const note = page.getByTestId('taxonomy-removed-note');
  await expect(note).toContainText('Removed: Complaint');
  await expect(note).toContainText('keep the old id and show it until they are re-categorised');
  await note.getByTestId('taxonomy-restore').click();
  await expect(note).toHaveCount(0);
  await expect(taxRows(page).nth(6)).toHaveAttribute('data-id', 'complaint');
  await taxRow(page, 'suggestion').getByTestId('taxonomy-remove').click();

  // The backend's refusal, in words; everything typed stays.
  await page.getByTestId('taxonomy-save').click();
  await expect(page.getByTestId('taxonomy-error')).toContainText('The categories were not saved');
  await expect(page.getByTestId('taxonomy-error')).toContainText("The category id 'x' is used twice");
  await expect(page.getByTestId('taxonomy-dirty')).toBeVisible();
  await expect(taxRow(page, 'parcel_lockers').getByTestId('taxonomy-name-zh')).toHaveValue('快递柜');
  await page.getByTestId('taxonomy-save').click();
  await expect(page.getByTestId('taxonomy-saved')).toBeVisible();
  await expect(page.getByTestId('taxonomy-error')).toHaveCount(0);
  await expect(taxRows(page)).toHaveCount(10);
  await expect(taxRow(page, 'suggestion')).toHaveCount(0);

  // Fewer than two.
  for (let n = await taxRows(page).count(); n > 1; n--) await taxRows(page).first().getByTestId('taxonomy-remove').click();
  await page.getByTestId('taxonomy-save').click();
  await expect(page.getByTestId('taxonomy-problems')).toContainText('Keep at least 2 categories.');
  await page.getByTestId('taxonomy-discard').click();
  await expect(taxRows(page)).toHaveCount(10);
  await expect(page.getByTestId('taxonomy-problems')).toHaveCount(0);

  // The fake refuses like the backend does.
  const refusal = await page.evaluate(async () => {
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string, args: unknown): Promise<unknown> } })
      .__TAURI_INTERNALS__;
    const c = { name_en: 'A', name_zh: '甲' };
    return internals.invoke('save_taxonomy', { categories: [{ id: 'x', ...c }, { id: 'x', ...c }] }).catch((e: unknown) => e);
  });
  expect(refusal).toEqual({ code: 'invalid_input', message: "the category id 'x' is used twice" });

  // Reset, after a confirmation.
  await page.getByTestId('taxonomy-reset').click();
  await expect(page.getByTestId('taxonomy-reset-confirm')).toContainText('Put the ten default categories back?');
  await page.getByTestId('taxonomy-reset-cancel').click();
  await expect(page.getByTestId('taxonomy-reset-confirm')).toHaveCount(0);
  expect(await app.calls('reset_taxonomy')).toEqual([]);
  await page.getByTestId('taxonomy-reset').click();
  await editor(page).screenshot({ path: join(SHOTS, 'taxonomy-reset-confirm-en.png') });
  await page.getByTestId('taxonomy-reset-confirm-button').click();
  await expect(page.getByTestId('taxonomy-saved')).toHaveText('The default categories are back.');
  await expect(taxRows(page)).toHaveCount(10);
  await expect(taxRow(page, 'suggestion')).toHaveCount(1);
  await expect(taxRow(page, 'parcel_lockers')).toHaveCount(0);
  expect(await app.calls('reset_taxonomy')).toHaveLength(1);
});

test('the category editor in 简体中文', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await listRow(page, REFUND).click();
  await expect(page.getByTestId('ticket-category')).toHaveText('账单与发票');
  await openEditor(page);
  await expect(editor(page).getByRole('heading')).toHaveText('工单类别');
  await expect(editor(page).getByTestId('taxonomy-about')).toHaveText('AI 和离线模型按这些类别给工单分类；离线模型会从你的更正中学会新类别。');
  await expect(page.getByTestId('taxonomy-add')).toHaveText('添加类别');
  await expect(page.getByTestId('taxonomy-reset')).toHaveText('恢复默认');
  await taxRow(page, 'billing').getByTestId('taxonomy-name-zh').fill('付款');
  await taxRow(page, 'spam_other').getByTestId('taxonomy-remove').click();
  await expect(page.getByTestId('taxonomy-dirty')).toHaveText('有未保存的更改');
  await expect(page.getByTestId('taxonomy-removed-note')).toContainText('已删除：垃圾邮件及其他');
  await expect(page.getByTestId('taxonomy-removed-note')).toContainText('直到重新分类');
  await page.getByTestId('taxonomy-add').click();
  await page.keyboard.type('Gift cards');
  await expect(taxRows(page).last().getByTestId('taxonomy-id')).toHaveValue('gift_cards');
  await page.getByTestId('taxonomy-save').click();
  await expect(page.getByTestId('taxonomy-problems')).toContainText('“gift_cards”需要中文名称。');
  await editor(page).screenshot({ path: join(SHOTS, 'taxonomy-problems-zh-CN.png') });
  await taxRows(page).last().getByTestId('taxonomy-name-zh').fill('礼品卡');
  await page.getByTestId('taxonomy-save').click();
  await expect(page.getByTestId('taxonomy-saved')).toHaveText('类别已保存。选择器和工单列表已使用新名称。');
  await editor(page).screenshot({ path: join(SHOTS, 'taxonomy-saved-zh-CN.png') });
  await page.screenshot({ path: join(SHOTS, 'taxonomy-zh-CN.png') });
  await closeSettings(page);
  await expect(page.getByTestId('ticket-category')).toHaveText('付款');
  await expect(listRow(page, REFUND).locator('.chip.category')).toHaveText('付款');
  await page.locator('body').press('c');
  await expect(page.getByTestId('category-picker').locator('[data-category-id="gift_cards"]')).toContainText('礼品卡');
});

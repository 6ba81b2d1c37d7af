// The AI panel and the agent's corrections (c / p / s pickers, correct_ticket).
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, rows, SHOTS } from './helpers';

const row = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);

async function open(page: Page, id: number) {
  await row(page, id).click();
  await expect(page.getByTestId('ai-panel')).toBeVisible();
}

/** Demo ticket ids (e2e/fake/workspace.ts): the story each one tells. */
const REFUND = 1; // local model, 41 % → needs review; negative; entity #48213
const PASSWORD_ZH = 2; // classified by an LLM
const HTML_MAIL = 3; // not classified yet
const DAMAGED = 4; // local model, 92 %
const INVOICE_ZH = 5; // neutral, Chinese
const PARCEL_ZH = 20; // the agent already set the priority (AI said normal)

test('the AI panel shows what the model decided, how sure it is, and who set each field', async ({ page }) => {
  await boot(page, { seeded: true });
  await open(page, REFUND);
  const panel = page.getByTestId('ai-panel');
  await expect(page.getByTestId('ai-category')).toHaveText('Billing & invoices');
  await expect(page.getByTestId('ai-priority')).toHaveText('High');
  await expect(page.getByTestId('ai-sentiment')).toHaveText('Negative');
  await expect(page.getByTestId('ai-language')).toHaveText('English');
  await expect(page.getByTestId('ai-source')).toContainText('Offline model local-nb-v1');
  await expect(page.getByTestId('ai-source')).toContainText(/\d+h ago/);
  const confidence = page.getByTestId('ai-confidence');
  await expect(confidence).toContainText('41%');
  await expect(confidence).toContainText('Needs review');
  await expect(confidence).toHaveAttribute('data-low', 'true');
  await expect(panel.getByTestId('ticket-summary')).toHaveText('Customer returned a jacket three weeks ago and has not been refunded; wants a date.');
  await expect(panel.getByTestId('ai-entity')).toHaveText(['#48213']);
  await expect(panel.getByTestId('ai-next-step')).toContainText('Ask finance');
  for (const field of ['category', 'priority', 'sentiment']) {
    await expect(page.getByTestId(`ai-origin-${field}`)).toHaveAttribute('data-origin', 'ai');
  }
  await expect(panel).not.toContainText('Set by you');
  // The list marks negative tickets, quietly.
  await expect(row(page, REFUND).getByTestId('row-negative')).toHaveAttribute('title', 'Negative sentiment');
  await expect(row(page, INVOICE_ZH).getByTestId('row-negative')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'ticket-ai-en.png') });

  // A confident answer: no warning.
  await open(page, DAMAGED);
  await expect(confidence).toContainText('92%');
  await expect(confidence).toHaveAttribute('data-low', 'false');
  await expect(confidence).not.toContainText('Needs review');

  // A field the agent set shows so, with what the AI had said.
  await open(page, PARCEL_ZH);
  await expect(page.getByTestId('ai-priority')).toHaveText('High');
  await expect(page.getByTestId('ai-origin-priority')).toHaveText('Set by you');
  await expect(page.getByTestId('ai-origin-priority')).toHaveAttribute('title', /The AI suggested: Normal/);
  await expect(page.getByTestId('ai-language')).toHaveText('Chinese');

  // No classification yet: a quiet line, the fields still correctable.
  await open(page, HTML_MAIL);
  await expect(page.getByTestId('ai-not-classified')).toHaveText('Not classified yet');
  await expect(page.getByTestId('ai-confidence')).toHaveCount(0);
  await expect(page.getByTestId('ai-category')).toHaveText('None');

  // The panel folds away and stays folded.
  await page.getByTestId('ai-toggle').click();
  await expect(page.getByTestId('ai-category')).toHaveCount(0);
  await open(page, REFUND);
  await expect(page.getByTestId('ai-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('ai-confidence')).toContainText('41%');
  await page.getByTestId('ai-toggle').click();
  await expect(page.getByTestId('ai-category')).toBeVisible();
});

test('c → type "ref" → Enter sets Returns & refunds in the pane and the list', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, REFUND);
  await expect(page.getByTestId('ticket-category')).toHaveText('Billing & invoices');
  await expect(page.locator('.chips .chip.review')).toHaveText('Needs review');

  await page.locator('body').press('c');
  const picker = page.getByTestId('category-picker');
  await expect(picker).toBeVisible();
  const options = picker.getByTestId('category-option');
  await expect(options).toHaveCount(10);
  await expect(page.getByTestId('picker-filter')).toBeFocused();
  // The current value is marked, and the AI's pick.
  await expect(picker.locator('[data-category-id="billing"]')).toHaveAttribute('data-current', 'true');
  await page.screenshot({ path: join(SHOTS, 'category-picker-en.png'), animations: 'disabled' });

  await page.keyboard.type('ref');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAttribute('data-category-id', 'returns_refunds');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: join(SHOTS, 'category-picker-filtered-en.png'), animations: 'disabled' });
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);

  await expect.poll(async () => (await app.calls('correct_ticket')).map((c) => c.args)).toEqual([
    { ticketId: REFUND, correction: { category: 'returns_refunds', priority: null, sentiment: null } },
  ]);
  await expect(page.getByTestId('ai-category')).toHaveText('Returns & refunds');
  await expect(page.getByTestId('ticket-category')).toHaveText('Returns & refunds');
  await expect(row(page, REFUND).locator('.chip.category')).toHaveText('Returns & refunds');
  await expect(page.getByTestId('ai-origin-category')).toHaveText('Set by you');
  await expect(page.getByTestId('ai-origin-category')).toHaveAttribute('title', /The AI suggested: Billing & invoices/);
  // The agent decided: no more review flag; the other fields are still the AI's.
  await expect(page.locator('.chips .chip.review')).toHaveCount(0);
  await expect(page.getByTestId('ai-confidence')).toContainText('41%');
  await expect(page.getByTestId('ai-confidence')).not.toContainText('Needs review');
  await expect(page.getByTestId('ai-origin-priority')).toHaveAttribute('data-origin', 'ai');
  // The backend's own reload agrees.
  await expect.poll(async () => (await app.calls('get_ticket')).length).toBeGreaterThan(1);
  await expect(page.getByTestId('ai-origin-category')).toHaveText('Set by you');

  // The other shortcuts go on working.
  const before = await rows(page).evaluateAll((els) => els.findIndex((e) => e.getAttribute('aria-selected') === 'true'));
  await page.keyboard.press('j');
  await expect(rows(page).nth(before + 1)).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: join(SHOTS, 'ticket-ai-corrected-en.png') });
});

test('p then 1 sets urgent; s with arrows and Enter; Esc closes; chips open pickers too', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await expect(page.getByTestId('ticket-priority')).toHaveText('Normal');

  await page.locator('body').press('p');
  const priority = page.getByTestId('priority-picker');
  await expect(priority).toBeVisible();
  await expect(priority.getByTestId('priority-option').locator('.label')).toHaveText(['Urgent', 'High', 'Normal', 'Low']);
  await expect(priority.getByTestId('priority-option').locator('kbd')).toHaveText(['1', '2', '3', '4']);
  await expect(priority.locator('[data-option-id="normal"]')).toHaveAttribute('data-current', 'true');
  await page.screenshot({ path: join(SHOTS, 'priority-picker-en.png'), animations: 'disabled' });
  await page.keyboard.press('1');
  await expect(priority).toHaveCount(0);
  await expect(page.getByTestId('ticket-priority')).toHaveText('Urgent');
  await expect(page.getByTestId('ai-priority')).toHaveText('Urgent');
  await expect(row(page, DAMAGED).locator('.chip[data-priority]')).toHaveAttribute('data-priority', 'urgent');
  await expect(page.getByTestId('ai-origin-priority')).toHaveText('Set by you');

  // Esc closes without a call.
  await page.locator('body').press('s');
  const sentiment = page.getByTestId('sentiment-picker');
  await expect(sentiment).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sentiment).toHaveCount(0);

  // Arrows from the current value (negative) to neutral.
  await page.locator('body').press('s');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ai-sentiment')).toHaveText('Neutral');
  await expect(row(page, DAMAGED).getByTestId('row-negative')).toHaveCount(0);

  // Clicking the panel's chip opens the same picker.
  await page.getByTestId('ai-priority').click();
  await expect(priority).toBeVisible();
  await priority.locator('[data-option-id="low"]').click();
  await expect(page.getByTestId('ticket-priority')).toHaveText('Low');

  expect((await app.calls('correct_ticket')).map((c) => c.args.correction)).toEqual([
    { category: null, priority: 'urgent', sentiment: null },
    { category: null, priority: null, sentiment: 'neutral' },
    { category: null, priority: 'low', sentiment: null },
  ]);

  // c from the list with no ticket open opens the selected one first.
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await page.locator('body').press('c');
  await expect(page.getByTestId('category-picker')).toBeVisible();
  await expect(page.getByTestId('ticket-subject')).toHaveText(await rows(page).first().locator('.subject').innerText());
  await page.keyboard.press('Escape');
});

test('a rejected correction shows the error banner and changes nothing', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, REFUND);
  await page.evaluate(() =>
    window.__sbFake!.failNext('correct_ticket', { code: 'invalid_input', message: "'billing' is not a category of this workspace" }),
  );
  await page.locator('body').press('c');
  await page.keyboard.type('invo');
  await page.keyboard.press('Enter');
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText("'billing' is not a category of this workspace");
  await expect(page.getByTestId('ai-category')).toHaveText('Billing & invoices');
  await expect(page.getByTestId('ai-origin-category')).toHaveAttribute('data-origin', 'ai');
  expect((await app.calls('correct_ticket')).length).toBe(1);

  // The fake validates as the backend does.
  const invoke = (correction: unknown) =>
    page.evaluate(
      (c) =>
        (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string, args: unknown): Promise<unknown> } }).__TAURI_INTERNALS__
          .invoke('correct_ticket', { ticketId: 1, correction: c })
          .then(
            () => 'ok',
            (e: unknown) => e,
          ),
      correction,
    );
  expect(await invoke({ category: 'bulk', priority: null, sentiment: null })).toEqual({
    code: 'invalid_input',
    message: "'bulk' is not a category of this workspace",
  });
  expect(await invoke({ category: null, priority: null, sentiment: 'angry' })).toEqual({ code: 'invalid_input', message: "'angry' is not a sentiment" });
  expect(await invoke({ category: null, priority: null, sentiment: null })).toEqual({ code: 'invalid_input', message: 'nothing to change' });
});

test('简体中文: the AI panel and the picker speak Chinese', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await open(page, REFUND);
  const panel = page.getByTestId('ai-panel');
  for (const text of ['AI 分析', '分类', '优先级', '情绪', '语言', '摘要', '关键信息', '置信度', '需要复核', '离线模型 local-nb-v1']) {
    await expect(panel).toContainText(text);
  }
  await expect(page.getByTestId('ai-category')).toHaveText('账单与发票');
  await expect(page.getByTestId('ai-sentiment')).toHaveText('负面');
  await expect(page.getByTestId('ai-language')).toHaveText('英语');
  await expect(page.getByTestId('ai-source')).toContainText(/\d+小时前/);
  await page.screenshot({ path: join(SHOTS, 'ticket-ai-zh-CN.png') });

  await page.locator('body').press('c');
  const picker = page.getByTestId('category-picker');
  await expect(picker.getByTestId('category-option')).toHaveCount(10);
  await expect(picker.locator('[data-category-id="returns_refunds"] .label')).toHaveText('退换货与退款');
  await expect(page.getByTestId('picker-filter')).toHaveAttribute('placeholder', '输入以筛选…');
  await page.screenshot({ path: join(SHOTS, 'category-picker-zh-CN.png'), animations: 'disabled' });
  await page.getByTestId('picker-filter').fill('退款');
  await expect(picker.getByTestId('category-option').locator('.label')).toHaveText(['退换货与退款']);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ai-category')).toHaveText('退换货与退款');
  await expect(page.getByTestId('ai-origin-category')).toHaveText('由你设置');
  await expect(row(page, REFUND).locator('.chip.category')).toHaveText('退换货与退款');

  await open(page, HTML_MAIL);
  await expect(page.getByTestId('ai-not-classified')).toHaveText('尚未分类');
  await open(page, PASSWORD_ZH);
  await expect(page.getByTestId('ai-source')).toContainText('大模型 qwen2.5-7b-instruct');
  await page.screenshot({ path: join(SHOTS, 'ticket-ai-zh-CN-chinese.png') });
});

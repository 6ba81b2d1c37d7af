// Reply drafts (the Draft reply button and Alt+D) and the saved replies manager. A draft only fills
// the reply box: nothing reaches the outbox until the agent presses Send.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, SHOTS, type Booted } from './helpers';

/** Demo tickets (e2e/fake/workspace.ts). */
const ADDRESS = 12; // shipping, English, Maria Garcia, order AUR-2026-0517 (found by the AI)
const DAMAGED = 4; // shipping, English, Sophie Dubois, no order number
const PARCEL_ZH = 20; // shipping, Chinese, 赵敏, order AUR-2026-0388 in the message
const EXPORT = 18; // technical support, English, Sophie Dubois, no order number

const ADDRESS_DRAFT =
  'Hi Maria,\n\nThanks for getting in touch about AUR-2026-0517. I have checked your order and will send you the tracking details as soon as the carrier updates them — usually within one working day.\n\nBest regards,\nAurora Audio Support';
const PARCEL_ZH_DRAFT =
  '赵敏，您好：\n\n感谢您的来信。关于订单 AUR-2026-0388，我们已联系物流公司，一旦有最新物流信息会第一时间通知您，通常在一个工作日内。\n\n祝好！\nAurora Audio Support';

const input = (page: Page) => page.getByTestId('reply-input');
const banner = (page: Page) => page.getByTestId('draft-source');
const manager = (page: Page) => page.getByTestId('saved-replies');
const replyRows = (page: Page) => page.getByTestId('saved-reply-row');
const replyRow = (page: Page, title: string) =>
  replyRows(page).filter({ has: page.getByTestId('saved-reply-row-title').getByText(title, { exact: true }) });

// Uncaught errors and console errors or warnings (a runaway effect, a failed render) fail the test.
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

async function open(page: Page, id: number) {
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + id}`);
}

/** Nothing was queued: no send_reply call, no outbox item. */
async function nothingSent(page: Page, app: Booted) {
  expect(await app.calls('send_reply')).toEqual([]);
  await expect(page.getByTestId('outbox-item')).toHaveCount(0);
}

async function openManager(page: Page) {
  await page.getByTestId('open-saved-replies').click();
  await expect(manager(page)).toBeVisible();
}

test('offline, Draft reply fills the box with the saved reply for the ticket; only Send sends it', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, ADDRESS);
  const button = page.getByTestId('draft-reply');
  await expect(button).toHaveText('Draft reply');
  await expect(button).toHaveAttribute('title', /Alt\+D/);
  await expect(banner(page)).toHaveCount(0);

  await button.click();
  await expect(input(page)).toHaveValue(ADDRESS_DRAFT);
  await expect(banner(page)).toHaveAttribute('data-source', 'saved_reply');
  await expect(banner(page)).toHaveText('From saved reply “Where is my order”');
  await expect(page.getByTestId('draft-note')).toHaveCount(0);
  // Ready to read and edit: the caret is at the start of the draft.
  await expect(input(page)).toBeFocused();
  expect(await input(page).evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(0);
  expect((await app.calls('draft_reply')).map((c) => c.args)).toEqual([{ ticketId: ADDRESS }]);
  // The whole draft is visible: the box grew with it.
  expect(await input(page).evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: join(SHOTS, 'draft-saved-reply-en.png') });

  // Nothing went out by itself.
  await page.waitForTimeout(800);
  await nothingSent(page, app);

  // The agent edits, then sends: exactly what is in the box goes to the outbox.
  await input(page).press('End');
  await input(page).pressSequentially(' (Dana here)');
  await expect(banner(page)).toBeVisible();
  const edited = ADDRESS_DRAFT.replace('Hi Maria,', 'Hi Maria, (Dana here)');
  await expect(input(page)).toHaveValue(edited);
  await page.getByTestId('send-reply').click();
  await expect.poll(async () => (await app.calls('send_reply')).map((c) => c.args)).toEqual([{ ticketId: ADDRESS, body: edited, files: [] }]);
  await expect(page.getByTestId('outbox-item')).toHaveCount(1);
  await expect(input(page)).toHaveValue('');
  await expect(banner(page)).toHaveCount(0);
});

test('text already in the box: the draft asks before replacing it; Alt+D drafts from the keyboard', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, ADDRESS);
  await input(page).fill('Let me check with the warehouse.');

  await page.getByTestId('draft-reply').click();
  const confirm = page.getByTestId('draft-replace-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('A draft is ready. Replace what you wrote with it?');
  await expect(input(page)).toHaveValue('Let me check with the warehouse.');
  await expect(banner(page)).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'draft-replace-confirm-en.png') });

  // Keep: the agent's text stays, the draft is dropped.
  await page.getByTestId('draft-keep').click();
  await expect(confirm).toHaveCount(0);
  await expect(input(page)).toHaveValue('Let me check with the warehouse.');
  await expect(banner(page)).toHaveCount(0);

  // Alt+D while typing in the box asks again; Replace puts the draft in.
  await input(page).focus();
  await page.keyboard.press('Alt+d');
  await expect(confirm).toBeVisible();
  await expect(input(page)).toHaveValue('Let me check with the warehouse.');
  await page.getByTestId('draft-replace').click();
  await expect(confirm).toHaveCount(0);
  await expect(input(page)).toHaveValue(ADDRESS_DRAFT);
  await expect(banner(page)).toHaveAttribute('data-source', 'saved_reply');
  expect(await app.calls('draft_reply')).toHaveLength(2);

  // Alt+D from the list, on an empty box, fills it right away.
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${EXPORT}"]`).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + EXPORT}`);
  await page.locator('body').press('Alt+d');
  await expect(input(page)).toHaveValue(/^Hi Sophie,\n\nThank you for your message about "How do I export all my data\? \(2\)"/);
  await expect(banner(page)).toHaveText('From saved reply “Thanks, we are on it”');
  await expect(input(page)).toHaveValue(/\(ticket #1018\)/);

  // Without an order number in the ticket, the reply says "your order".
  await open(page, DAMAGED);
  await page.getByTestId('draft-reply').click();
  await expect(input(page)).toHaveValue(/^Hi Sophie,\n\nThanks for getting in touch about your order\. /);

  // Each ticket keeps its own box and banner.
  await open(page, ADDRESS);
  await expect(input(page)).toHaveValue(ADDRESS_DRAFT);
  await expect(banner(page)).toHaveText('From saved reply “Where is my order”');
  await nothingSent(page, app);
});

test('with an LLM: a spinner while it writes, then the AI draft in the customer’s language, never sent by itself', async ({ page }) => {
  const app = await boot(page, { seeded: true, llm: 'cloud', draftMs: 900 });
  await open(page, PARCEL_ZH);
  const button = page.getByTestId('draft-reply');
  await button.click();
  await expect(button).toBeDisabled();
  await expect(button).toHaveText('Drafting…');
  await expect(page.getByTestId('draft-working')).toContainText('Writing a draft…');
  await page.screenshot({ path: join(SHOTS, 'draft-llm-working-en.png') });

  await expect(banner(page)).toHaveAttribute('data-source', 'llm');
  await expect(banner(page)).toHaveText('AI draft — read and edit before sending');
  await expect(page.getByTestId('draft-working')).toHaveCount(0);
  await expect(button).toBeEnabled();
  await expect(input(page)).toHaveValue(/^赵敏，您好：/);
  await expect(input(page)).toHaveValue(/AUR-2026-0388/);
  await expect(input(page)).toHaveValue(/Aurora Audio Support$/);
  await page.screenshot({ path: join(SHOTS, 'draft-llm-en.png') });

  await page.waitForTimeout(800);
  await nothingSent(page, app);
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'open');
});

test('when the LLM fails, the draft is a saved reply and the note says why', async ({ page }) => {
  await boot(page, { seeded: true, llm: 'cloud', draftMs: 200, llmDraftError: 'the model provider did not answer within 60 s' });
  await open(page, ADDRESS);
  await page.getByTestId('draft-reply').click();
  await expect(banner(page)).toHaveAttribute('data-source', 'saved_reply');
  await expect(banner(page)).toContainText('From saved reply “Where is my order”');
  await expect(page.getByTestId('draft-note')).toHaveText(
    'The AI could not write a draft (the model provider did not answer within 60 s); this one is a saved reply.',
  );
  await expect(input(page)).toHaveValue(ADDRESS_DRAFT);
  await page.screenshot({ path: join(SHOTS, 'draft-llm-failed-en.png') });

  // The LLM answers again: the next draft is the AI's (after confirming, since the box has text).
  await page.evaluate(() => window.__sbFake!.failLlmDrafts(null));
  await page.getByTestId('draft-reply').click();
  await page.getByTestId('draft-replace').click();
  await expect(banner(page)).toHaveAttribute('data-source', 'llm');
  await expect(page.getByTestId('draft-note')).toHaveCount(0);
  await expect(input(page)).toHaveValue(/^Hi Maria,\n\nThank you for writing to us about "Change of delivery address"/);
});

test('no saved reply fits and no LLM: the box says so in plain words and leads to the saved replies', async ({ page }) => {
  const app = await boot(page, { seeded: true, savedReplies: false });
  await open(page, DAMAGED);
  await input(page).fill('Draft: ');
  await page.getByTestId('draft-reply').click();
  const error = page.getByTestId('draft-error');
  await expect(error).toHaveAttribute('data-code', 'no_draft');
  await expect(error).toContainText('No draft for this ticket');
  await expect(error).toContainText('No saved reply fits it, and no AI service is set up to write one.');
  await expect(input(page)).toHaveValue('Draft: ');
  await page.screenshot({ path: join(SHOTS, 'draft-no-draft-en.png') });

  // Dismissed, it goes; asked again, it comes back.
  await page.getByTestId('draft-error-dismiss').click();
  await expect(error).toHaveCount(0);
  await page.getByTestId('draft-reply').click();
  await expect(error).toBeVisible();

  // The way out: write a saved reply for any ticket in English.
  await page.getByTestId('draft-manage').click();
  await expect(manager(page)).toBeVisible();
  await expect(page.getByTestId('saved-replies-empty')).toContainText('No saved replies yet');
  await page.getByTestId('saved-reply-add').click();
  await page.getByTestId('saved-reply-title').fill('Looking into it');
  await page.getByTestId('saved-reply-body').fill('Hello {{customer_name}}, we are looking into ticket #{{ticket_number}}.');
  await page.getByTestId('saved-reply-language').selectOption('en');
  await page.getByTestId('saved-reply-save').click();
  await expect(replyRows(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(manager(page)).toHaveCount(0);

  await input(page).fill('');
  await page.getByTestId('draft-reply').click();
  await expect(input(page)).toHaveValue('Hello Sophie Dubois, we are looking into ticket #1004.');
  await expect(banner(page)).toHaveText('From saved reply “Looking into it”');
  await expect(error).toHaveCount(0);
  await nothingSent(page, app);
});

test('saved replies: the starters, add with variables, edit, delete with a confirm; Escape closes', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(page.getByTestId('open-saved-replies')).toHaveText('Saved replies');
  await openManager(page);
  await expect(manager(page).getByRole('heading', { name: 'Saved replies' })).toBeVisible();
  await expect(page.getByTestId('saved-reply-row-title')).toHaveText([
    'Invoice',
    'Refund started',
    'Thanks, we are on it',
    'Where is my order',
    '发票',
    '已收到',
    '物流查询',
    '退款处理',
  ]);
  const where = replyRow(page, 'Where is my order');
  await expect(where.getByTestId('saved-reply-row-category')).toHaveText('Shipping & delivery');
  await expect(where.getByTestId('saved-reply-row-language')).toHaveText('English');
  await expect(where.getByTestId('saved-reply-row-body')).toContainText('Thanks for getting in touch about {{order_number}}.');
  await expect(replyRow(page, 'Thanks, we are on it').getByTestId('saved-reply-row-category')).toHaveText('Any category');
  await expect(replyRow(page, '物流查询').getByTestId('saved-reply-row-language')).toHaveText('中文');
  await page.screenshot({ path: join(SHOTS, 'saved-replies-en.png') });

  // Add: problems first, then a reply built with the variable buttons.
  await page.getByTestId('saved-reply-add').click();
  const form = page.getByTestId('saved-reply-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('saved-reply-title')).toBeFocused();
  await expect(page.getByTestId('saved-reply-category')).toHaveValue('');
  await expect(page.getByTestId('saved-reply-language')).toHaveValue('');
  await expect(page.getByTestId('saved-reply-variable')).toHaveText([
    '{{customer_name}}',
    '{{first_name}}',
    '{{ticket_number}}',
    '{{subject}}',
    '{{order_number}}',
    '{{agent_name}}',
  ]);
  await page.getByTestId('saved-reply-save').click();
  await expect(page.getByTestId('saved-reply-problems')).toContainText('Some fields need attention.');
  await expect(form.getByTestId('field-error')).toHaveText(['Enter a title.', 'Enter the text of the reply.']);
  await expect(page.getByTestId('saved-reply-title')).toBeFocused();
  expect(await app.calls('save_saved_reply')).toEqual([]);

  await page.getByTestId('saved-reply-title').fill('Export guide');
  const body = page.getByTestId('saved-reply-body');
  await body.fill('Hi ');
  await page.locator('[data-testid="saved-reply-variable"][data-variable="first_name"]').click();
  await expect(body).toBeFocused();
  await body.pressSequentially(',\n\nGo to Settings → Data → Export. {{coupon}}\n\n');
  await page.locator('[data-testid="saved-reply-variable"][data-variable="agent_name"]').click();
  await expect(body).toHaveValue('Hi {{first_name}},\n\nGo to Settings → Data → Export. {{coupon}}\n\n{{agent_name}}');
  await expect(page.getByTestId('saved-reply-unknown-variables')).toContainText('{{coupon}}');
  await page.getByTestId('saved-reply-category').selectOption('technical_support');
  await page.getByTestId('saved-reply-language').selectOption('en');
  await page.screenshot({ path: join(SHOTS, 'saved-reply-form-en.png') });
  await body.fill('Hi {{first_name}},\n\nGo to Settings → Data → Export.\n\n{{agent_name}}');
  await expect(page.getByTestId('saved-reply-unknown-variables')).toHaveCount(0);
  await page.getByTestId('saved-reply-save').click();
  await expect(manager(page)).toHaveAttribute('data-screen', 'list');
  await expect(replyRows(page)).toHaveCount(9);
  expect((await app.calls('save_saved_reply')).map((c) => c.args)).toEqual([
    {
      id: null,
      form: {
        title: 'Export guide',
        body: 'Hi {{first_name}},\n\nGo to Settings → Data → Export.\n\n{{agent_name}}',
        category: 'technical_support',
        language: 'en',
      },
    },
  ]);
  await expect(replyRow(page, 'Export guide').getByTestId('saved-reply-row-category')).toHaveText('After-sales & technical support');

  // Edit: the form starts from the reply; a refused save keeps what was typed and says why.
  await replyRow(page, 'Invoice').getByTestId('saved-reply-edit').click();
  await expect(manager(page).getByRole('heading', { name: 'Edit “Invoice”' })).toBeVisible();
  await expect(page.getByTestId('saved-reply-title')).toHaveValue('Invoice');
  await expect(page.getByTestId('saved-reply-category')).toHaveValue('billing');
  await expect(page.getByTestId('saved-reply-language')).toHaveValue('en');
  await expect(body).toHaveValue(/^Hi \{\{first_name\}\},\n\nPlease find the corrected invoice for \{\{order_number\}\} attached\./);
  await page.getByTestId('saved-reply-title').fill('Corrected invoice');
  await page.getByTestId('saved-reply-category').selectOption('');
  await page.evaluate(() =>
    window.__sbFake!.failNext('save_saved_reply', { code: 'invalid_input', message: 'a saved reply needs a title and a text' }),
  );
  await page.getByTestId('saved-reply-save').click();
  await expect(page.getByTestId('saved-reply-error')).toContainText('Check the saved reply');
  await expect(page.getByTestId('saved-reply-error')).toContainText('A saved reply needs a title and a text');
  await expect(page.getByTestId('saved-reply-title')).toHaveValue('Corrected invoice');
  await page.getByTestId('saved-reply-save').click();
  await expect(manager(page)).toHaveAttribute('data-screen', 'list');
  const corrected = replyRow(page, 'Corrected invoice');
  await expect(corrected.getByTestId('saved-reply-row-category')).toHaveText('Any category');
  await expect(replyRow(page, 'Invoice')).toHaveCount(0);
  expect((await app.calls('save_saved_reply')).at(-1)!.args).toMatchObject({ id: 3, form: { title: 'Corrected invoice', category: null, language: 'en' } });

  // Cancel leaves it as it was.
  await corrected.getByTestId('saved-reply-edit').click();
  await page.getByTestId('saved-reply-title').fill('Never saved');
  await page.getByTestId('saved-reply-cancel').click();
  await expect(replyRow(page, 'Corrected invoice')).toHaveCount(1);

  // Delete asks first; Escape closes the question, not the manager.
  await corrected.getByTestId('saved-reply-delete').click();
  await expect(corrected.getByTestId('saved-reply-confirm')).toContainText('Delete “Corrected invoice”?');
  await expect(corrected.getByTestId('saved-reply-delete-confirm')).toBeFocused();
  await page.screenshot({ path: join(SHOTS, 'saved-reply-delete-en.png') });
  await page.keyboard.press('Escape');
  await expect(corrected.getByTestId('saved-reply-confirm')).toHaveCount(0);
  await expect(manager(page)).toBeVisible();
  await corrected.getByTestId('saved-reply-delete').click();
  await corrected.getByTestId('saved-reply-delete-confirm').click();
  await expect(replyRow(page, 'Corrected invoice')).toHaveCount(0);
  await expect(replyRows(page)).toHaveCount(8);
  expect((await app.calls('delete_saved_reply')).map((c) => c.args)).toEqual([{ id: 3 }]);

  // Escape closes the manager; focus goes back to where it was.
  await page.keyboard.press('Escape');
  await expect(manager(page)).toHaveCount(0);
  await expect(page.getByTestId('open-saved-replies')).toBeFocused();

  // The new reply is what a technical-support ticket in English now starts from.
  await open(page, EXPORT);
  await page.getByTestId('draft-reply').click();
  await expect(input(page)).toHaveValue('Hi Sophie,\n\nGo to Settings → Data → Export.\n\nAurora Audio Support');
  await expect(banner(page)).toHaveText('From saved reply “Export guide”');
});

test('the shortcut help lists Alt+D', async ({ page }) => {
  await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await page.locator('body').press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toContainText('Draft a reply (AI or saved reply)');
  await expect(help.locator('dt', { has: page.locator('kbd', { hasText: 'Alt' }) })).toHaveText(/Alt\s*\+\s*D/);
});

test('简体中文: the draft banner, the note, the error and the manager speak Chinese', async ({ page }) => {
  const app = await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await open(page, PARCEL_ZH);
  const button = page.getByTestId('draft-reply');
  await expect(button).toHaveText('起草回复');
  await button.click();
  await expect(input(page)).toHaveValue(PARCEL_ZH_DRAFT);
  await expect(banner(page)).toHaveText('来自常用回复“物流查询”');
  await page.screenshot({ path: join(SHOTS, 'draft-saved-reply-zh-CN.png') });

  await input(page).press('End');
  await page.getByTestId('draft-reply').click();
  await expect(page.getByTestId('draft-replace-confirm')).toContainText('草稿已准备好。要替换您已写的内容吗？');
  await expect(page.getByTestId('draft-replace')).toHaveText('替换');
  await expect(page.getByTestId('draft-keep')).toHaveText('保留我的内容');
  await page.screenshot({ path: join(SHOTS, 'draft-replace-confirm-zh-CN.png') });
  await page.getByTestId('draft-keep').click();

  // The manager.
  await expect(page.getByTestId('open-saved-replies')).toHaveText('常用回复');
  await openManager(page);
  await expect(manager(page).getByRole('heading', { name: '常用回复' })).toBeVisible();
  await expect(replyRow(page, '物流查询').getByTestId('saved-reply-row-category')).toHaveText('物流配送');
  await expect(replyRow(page, '已收到').getByTestId('saved-reply-row-category')).toHaveText('任意分类');
  await expect(replyRow(page, 'Invoice').getByTestId('saved-reply-row-category')).toHaveText('账单与发票');
  await page.screenshot({ path: join(SHOTS, 'saved-replies-zh-CN.png') });
  await replyRow(page, '已收到').getByTestId('saved-reply-edit').click();
  await expect(manager(page).getByRole('heading', { name: '编辑“已收到”' })).toBeVisible();
  await expect(page.getByTestId('saved-reply-category').locator('option').first()).toHaveText('任意分类');
  await expect(page.getByTestId('saved-reply-language').locator('option')).toHaveText(['任意语言', 'English', '中文']);
  await expect(page.getByTestId('saved-reply-variables')).toContainText('工单中找到的订单号');
  await page.getByTestId('saved-reply-body').fill('');
  await page.getByTestId('saved-reply-save').click();
  await expect(page.getByTestId('field-error')).toHaveText('请输入回复内容。');
  await page.screenshot({ path: join(SHOTS, 'saved-reply-form-zh-CN.png') });
  await page.getByTestId('saved-reply-cancel').click();
  await replyRow(page, '物流查询').getByTestId('saved-reply-delete').click();
  await expect(page.getByTestId('saved-reply-confirm')).toContainText('删除“物流查询”？');
  await page.getByTestId('saved-reply-delete-cancel').click();
  await page.keyboard.press('Escape');
  await expect(manager(page)).toHaveCount(0);
  await nothingSent(page, app);
});

test('简体中文: the LLM failure note and the no-draft error', async ({ page }) => {
  await boot(page, { seeded: true, llm: 'local', draftMs: 100, llmDraftError: '连接被拒绝' }, { locale: 'zh-CN' });
  await open(page, PARCEL_ZH);
  await page.getByTestId('draft-reply').click();
  await expect(banner(page)).toHaveText(/来自常用回复“物流查询”/);
  await expect(page.getByTestId('draft-note')).toHaveText('AI 未能起草（连接被拒绝），此草稿来自常用回复。');
  await page.screenshot({ path: join(SHOTS, 'draft-llm-failed-zh-CN.png') });
});

test('简体中文: nothing fits', async ({ page }) => {
  await boot(page, { seeded: true, savedReplies: false }, { locale: 'zh-CN' });
  await open(page, PARCEL_ZH);
  await page.getByTestId('draft-reply').click();
  const error = page.getByTestId('draft-error');
  await expect(error).toContainText('无法为此工单起草');
  await expect(error).toContainText('没有适合它的常用回复');
  await expect(page.getByTestId('draft-manage')).toHaveText('常用回复');
  await page.screenshot({ path: join(SHOTS, 'draft-no-draft-zh-CN.png') });
});

test('the minimum window (960 × 600) fits the draft banner, the buttons and the manager', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await boot(page, { seeded: true, llm: 'cloud', draftMs: 50, llmDraftError: 'the model provider did not answer within 60 s' }, { locale: 'zh-CN' });
  await open(page, DAMAGED);
  await page.getByTestId('draft-reply').click();
  await expect(page.getByTestId('draft-note')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(960);
  for (const id of ['draft-reply', 'send-reply', 'draft-source', 'reply-input']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(960);
    expect(box.y + box.height, id).toBeLessThanOrEqual(600);
  }
  await page.screenshot({ path: join(SHOTS, 'draft-min-window-zh-CN.png') });

  await openManager(page);
  await page.getByTestId('saved-reply-add').click();
  for (const id of ['saved-reply-title', 'saved-reply-category', 'saved-reply-language', 'saved-reply-save']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(960);
    expect(box.y + box.height, id).toBeLessThanOrEqual(600);
  }
  await page.screenshot({ path: join(SHOTS, 'saved-reply-form-min-window-zh-CN.png') });
});

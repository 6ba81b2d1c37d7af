// Files in the composer: picked with Attach files, dropped on the box or pasted; listed as chips with
// their size and the total; at most 18 MB (checked before anything is sent); sent with the reply or the
// note, listed on the message, and kept with the text when sending fails.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, SHOTS } from './helpers';

const DAMAGED = 4; // an English email ticket of the demo workspace (Sophie Dubois)
const MB = 1024 * 1024;

/** A PDF-looking file with every byte value in it, so encoding mistakes show. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF')]);
const LOG = Buffer.from('2026-11-30 06:12:04 ERROR export failed: disk full\n');

const input = (page: Page) => page.getByTestId('reply-input');
const chips = (page: Page) => page.getByTestId('file-chip');
const picker = (page: Page) => page.getByTestId('attach-input');

async function open(page: Page, id: number) {
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + id}`);
}

// Uncaught errors and console warnings (a runaway effect, a failed render) fail the test.
const problems = new WeakMap<Page, string[]>();
test.beforeEach(({ page }) => {
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (e) => seen.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'warning') seen.push(m.text());
  });
});
test.afterEach(({ page }) => {
  expect(problems.get(page), 'errors in the page').toEqual([]);
});

test('two files picked, one removed: the reply carries the other, base64 and named, and the sent message lists it', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await expect(page.getByTestId('attach-files')).toHaveAttribute('title', 'Attach files (or drop them on the box, or paste them)');

  await picker(page).setInputFiles([
    { name: 'crash-log.txt', mimeType: 'text/plain', buffer: LOG },
    { name: '发票-2026.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect(chips(page)).toHaveCount(2);
  await expect(chips(page).nth(0)).toContainText('crash-log.txt');
  await expect(chips(page).nth(0)).toContainText(`${LOG.length} B`);
  await expect(chips(page).nth(1)).toContainText('发票-2026.pdf');
  await expect(page.getByTestId('files-total')).toHaveText(`2 files · ${LOG.length + PDF.length} B of 18 MB`);
  await input(page).fill('Hi Sophie,\n\nThe corrected invoice is attached.');
  await page.screenshot({ path: join(SHOTS, 'composer-files-en.png') });

  await page.getByRole('button', { name: 'Remove crash-log.txt' }).click();
  await expect(chips(page)).toHaveCount(1);
  await expect(page.getByTestId('files-total')).toHaveText(`1 file · ${PDF.length} B of 18 MB`);
  expect(await app.calls('send_reply')).toEqual([]);

  await page.getByTestId('send-reply').click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(1);
  const [call] = await app.calls('send_reply');
  expect(call?.args).toEqual({
    ticketId: DAMAGED,
    body: 'Hi Sophie,\n\nThe corrected invoice is attached.',
    files: [{ filename: '发票-2026.pdf', content_type: 'application/pdf', data_base64: PDF.toString('base64') }],
  });
  // Sent: the box starts empty again, files too.
  await expect(input(page)).toHaveValue('');
  await expect(chips(page)).toHaveCount(0);
  await expect(page.getByTestId('files-total')).toHaveCount(0);

  const outboxId = Number(await page.getByTestId('outbox-item').getAttribute('data-outbox-id'));
  await page.evaluate((id) => window.__sbFake!.setOutboxState(id, 'sent'), outboxId);
  const sent = page.locator('[data-testid="message"][data-direction="outbound"]').last();
  await expect(sent).toContainText('The corrected invoice is attached.');
  await expect(sent.getByTestId('attachment')).toHaveCount(1);
  await expect(sent.getByTestId('attachment')).toContainText('发票-2026.pdf');
  await expect(sent.getByTestId('attachment')).toContainText(`${PDF.length} B`);
});

test('over 18 MB: the box says so and sends nothing until a file is removed', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await input(page).fill('Both recordings of the call.');
  await picker(page).setInputFiles([
    { name: 'call-1.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(17 * MB, 1) },
    { name: 'call-2.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(2 * MB, 2) },
  ]);
  const over = page.getByTestId('files-over-cap');
  await expect(over).toHaveText('These files come to 19 MB; a reply or note can carry at most 18 MB. Remove some to send.');
  await expect(page.getByTestId('files-total')).toHaveText('2 files · 19 MB of 18 MB');
  await expect(page.getByTestId('send-reply')).toBeDisabled();
  await page.screenshot({ path: join(SHOTS, 'composer-files-over-cap-en.png') });
  await input(page).press('Control+Enter');
  await page.waitForTimeout(300);
  expect(await app.calls('send_reply')).toEqual([]);
  await expect(page.getByTestId('outbox-item')).toHaveCount(0);

  await page.getByRole('button', { name: 'Remove call-1.wav' }).click();
  await expect(over).toHaveCount(0);
  await page.getByTestId('send-reply').click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(1);
  const [call] = await app.calls('send_reply');
  expect((call?.args.files as { filename: string }[]).map((f) => f.filename)).toEqual(['call-2.wav']);
});

test('a send that fails keeps the text and the files; sending again works', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await input(page).fill('Log attached.');
  await picker(page).setInputFiles({ name: 'crash-log.txt', mimeType: 'text/plain', buffer: LOG });
  await page.evaluate(() => window.__sbFake!.failNext('send_reply', { code: 'database', message: 'the workspace could not be written: disk full' }));
  await page.getByTestId('send-reply').click();
  await expect(page.getByTestId('error-message')).toHaveText('the workspace could not be written: disk full');
  await expect(input(page)).toHaveValue('Log attached.');
  await expect(chips(page)).toHaveCount(1);
  await expect(chips(page)).toContainText('crash-log.txt');
  await expect(page.getByTestId('outbox-item')).toHaveCount(0);

  await page.getByTestId('send-reply').click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(1);
  await expect(chips(page)).toHaveCount(0);
  const calls = await app.calls('send_reply');
  expect(calls).toHaveLength(2);
  expect(calls[1]?.args.files).toEqual([{ filename: 'crash-log.txt', content_type: 'text/plain', data_base64: LOG.toString('base64') }]);
});

test('an internal note carries its file, and the note lists it', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await open(page, DAMAGED);
  await page.getByTestId('mode-note').click();
  await picker(page).setInputFiles({ name: 'photo of the box.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
  await input(page).fill('Courier photo of the damaged box.');
  await page.getByTestId('add-note').click();
  await expect(chips(page)).toHaveCount(0);
  const [call] = await app.calls('add_note');
  expect(call?.args).toEqual({
    ticketId: DAMAGED,
    body: 'Courier photo of the damaged box.',
    files: [{ filename: 'photo of the box.jpg', content_type: 'image/jpeg', data_base64: '/9j/4AAQ' }],
  });
  const note = page.locator('[data-testid="message"][data-direction="note"]').last();
  await expect(note).toContainText('Courier photo of the damaged box.');
  await expect(note.getByTestId('attachment')).toContainText('photo of the box.jpg');
  expect(await app.calls('send_reply')).toEqual([]);
});

test('files dropped on the box or pasted into it are attached; pasted text stays text', async ({ page }) => {
  await boot(page, { seeded: true });
  await open(page, DAMAGED);
  const box = page.locator('[data-composer]');
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['hello'], 'dropped.txt', { type: 'text/plain' }));
    return data;
  });
  // A drop that misses the box attaches nothing, and the app refuses it so the file never replaces the page.
  const refused = await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['hello'], 'missed.txt', { type: 'text/plain' }));
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    document.querySelector('[data-testid="ticket-row"]')!.dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  expect(refused).toBe(true);
  await expect(chips(page)).toHaveCount(0);
  await box.dispatchEvent('dragover', { dataTransfer: dropped });
  await expect(page.getByTestId('files-drop')).toHaveText('Drop the files to attach them');
  await box.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('files-drop')).toHaveCount(0);
  await expect(chips(page)).toHaveCount(1);
  await expect(chips(page)).toContainText('dropped.txt');

  await input(page).focus();
  await page.evaluate(() => {
    const paste = (data: DataTransfer) =>
      document.querySelector('#reply-input')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const image = new DataTransfer();
    image.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' }));
    paste(image);
    const text = new DataTransfer();
    text.setData('text/plain', 'just words');
    paste(text);
  });
  await expect(chips(page)).toHaveCount(2);
  await expect(chips(page).nth(1)).toContainText('image.png');
});

test('zh-CN: the chips, the total and the 18 MB message in Chinese', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await open(page, DAMAGED);
  await expect(page.getByTestId('attach-files')).toHaveAttribute('aria-label', '添加附件');
  await picker(page).setInputFiles([
    { name: '通话录音.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(19 * MB, 1) },
    { name: '发票.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect(page.getByTestId('files-total')).toHaveText('2 个文件 · 19.1 MB，上限 18 MB');
  await expect(page.getByTestId('files-over-cap')).toHaveText('这些文件共 19.1 MB，一条回复或备注最多只能带 18 MB。请移除一些再发送。');
  await expect(page.getByRole('button', { name: '移除 发票.pdf' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'composer-files-zh-CN.png') });
});

// The agent's actions by keyboard, palette and mouse: selection + bulk bar, assign, tags, snooze, undo,
// internal notes, the phone channel's note-only box, and logging a call.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { backendCounts, boot, rows, SHOTS } from './helpers';

const row = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
const key = (page: Page, k: string) => page.locator('body').press(k);
const count = (page: Page, view: string) => page.getByTestId(`view-${view}`).getByTestId('view-count');
const idsOf = (page: Page) => rows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-ticket-id'))));

async function openRow(page: Page, id: number) {
  await row(page, id).click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
}

test('x selects three rows, e resolves them in one call, counts follow, u puts each back', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const before = await backendCounts(page);
  const firstThree = (await idsOf(page)).slice(0, 3);
  const statuses = await rows(page).evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-status')));

  await key(page, 'x');
  await key(page, 'j');
  await key(page, 'x');
  await key(page, 'j');
  await key(page, 'x');
  await expect(page.getByTestId('bulk-count')).toHaveText('3 selected');
  await expect(rows(page).and(page.locator('[data-checked="true"]'))).toHaveCount(3);
  await page.screenshot({ path: join(SHOTS, 'bulk-bar-en.png'), animations: 'disabled' });

  await key(page, 'e');
  await expect.poll(async () => (await app.calls('set_tickets_status')).map((c) => c.args)).toEqual([{ ticketIds: firstThree, status: 'resolved' }]);
  // They left the view, and the selection with them.
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  await expect(page.getByTestId('toast-message')).toHaveText('Resolved 3 tickets');
  await expect(count(page, 'all_open')).toHaveText(String(before.all_open! - 3));
  await expect(count(page, 'resolved')).toHaveText(String(before.resolved! + 3));
  await page.screenshot({ path: join(SHOTS, 'undo-toast-en.png') });

  await key(page, 'u');
  await expect(page.getByTestId('toast-message')).toHaveText('Undone');
  const inverse = (await app.calls('set_tickets_status')).slice(1).map((c) => c.args as { ticketIds: number[]; status: string });
  const restored = Object.fromEntries(inverse.flatMap((c) => c.ticketIds.map((id) => [id, c.status])));
  expect(restored).toEqual(Object.fromEntries(firstThree.map((id, i) => [id, statuses[i]])));
  await expect(count(page, 'all_open')).toHaveText(String(before.all_open));
  await expect(count(page, 'resolved')).toHaveText(String(before.resolved));

  // Esc clears the selection; * selects every loaded row.
  await key(page, 'Escape');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  await key(page, '*');
  await expect(page.getByTestId('bulk-count')).toHaveText(`${before.all_open} selected`);
});

test('a assigns the open ticket to me and back; Mine counts it; Ctrl+Z undoes', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await page.getByTestId('view-unassigned').click();
  await expect(rows(page).first()).toBeVisible();
  const mine = (await backendCounts(page)).mine!;
  const id = (await idsOf(page))[0]!;
  await openRow(page, id);

  await key(page, 'a');
  await expect.poll(async () => (await app.calls('assign_tickets')).map((c) => c.args)).toEqual([{ ticketIds: [id], toMe: true }]);
  await expect(count(page, 'mine')).toHaveText(String(mine + 1));
  await expect(page.getByTestId('assignee')).toHaveText('Assigned to you');
  await expect(page.getByTestId('toast-message')).toHaveText(`Assigned #${1000 + id} to you`);

  await page.locator('body').press('Control+z');
  await expect.poll(async () => (await app.calls('assign_tickets')).at(-1)?.args).toEqual({ ticketIds: [id], toMe: false });
  await expect(count(page, 'mine')).toHaveText(String(mine));

  // Once assigned, a unassigns (a toggle), from the header button too.
  await key(page, 'a');
  await expect(page.getByTestId('ticket-assign')).toHaveText(/Unassign/);
  await page.getByTestId('ticket-assign').click();
  await expect.poll(async () => (await app.calls('assign_tickets')).at(-1)?.args).toEqual({ ticketIds: [id], toMe: false });
  await expect(page.getByTestId('assignee')).toHaveText('Unassigned');
});

test('a knows from the start which tickets are mine: on one of them it unassigns', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await page.getByTestId('view-mine').click();
  await expect(rows(page).first()).toBeVisible();
  const id = (await idsOf(page))[0]!;
  await openRow(page, id);
  await expect(page.getByTestId('assignee')).toHaveText('Assigned to you');
  await expect(page.getByTestId('ticket-assign')).toHaveText(/Unassign/);
  await key(page, 'a');
  await expect.poll(async () => (await app.calls('assign_tickets')).map((c) => c.args)).toEqual([{ ticketIds: [id], toMe: false }]);
});

test('t opens the tag picker: suggestions from tags in use, Enter adds a new tag, × removes one', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openRow(page, 1);
  await expect(page.getByTestId('ticket-tag')).toHaveText(['refund-delay', 'vip']);
  await key(page, 't');
  const picker = page.getByTestId('tag-picker');
  await expect(picker).toBeVisible();
  await expect(page.getByTestId('tag-input')).toBeFocused();
  await expect(picker.getByTestId('tag-current').locator('[data-tag]')).toHaveCount(2);
  // Suggestions: tags in use that this ticket lacks, most used first.
  await expect(picker.getByTestId('tag-option').first()).toHaveAttribute('data-tag', 'double-charge');
  await page.keyboard.type('Callback');
  await expect(picker.getByTestId('tag-option').first()).toContainText('Add “Callback”');
  await page.screenshot({ path: join(SHOTS, 'tag-picker-en.png'), animations: 'disabled' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.calls('tag_tickets')).map((c) => c.args)).toEqual([{ ticketIds: [1], add: ['Callback'], remove: [] }]);
  await expect(picker.getByTestId('tag-current').locator('[data-tag]')).toHaveCount(3);

  await picker.locator('[data-tag="vip"]').getByTestId('tag-remove').click();
  await expect.poll(async () => (await app.calls('tag_tickets')).at(-1)?.args).toEqual({ ticketIds: [1], add: [], remove: ['vip'] });
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(page.getByTestId('ticket-tag')).toHaveText(['Callback', 'refund-delay']);
  await expect(row(page, 1).getByTestId('row-tag')).toHaveText(['Callback', 'refund-delay']);

  // The backend's rules hold in the fake too: at most 40 characters, at most 1000 tickets.
  const refused = await page.evaluate(async () => {
    const ipc = (window as unknown as { __TAURI_INTERNALS__: { invoke(c: string, a: unknown): Promise<unknown> } }).__TAURI_INTERNALS__;
    const out: unknown[] = [];
    for (const [cmd, args] of [
      ['tag_tickets', { ticketIds: [1], add: ['x'.repeat(41)], remove: [] }],
      ['assign_tickets', { ticketIds: Array.from({ length: 1001 }, (_, i) => i + 1), toMe: true }],
      ['snooze_tickets', { ticketIds: [1], until: Date.now() - 1000 }],
    ] as const) {
      out.push(await ipc.invoke(cmd, args).catch((e: unknown) => e));
    }
    return out;
  });
  expect(refused).toEqual([
    { code: 'invalid_input', message: 'a tag has at most 40 characters' },
    { code: 'invalid_input', message: 'at most 1000 tickets can be changed at once' },
    { code: 'invalid_input', message: 'a ticket can only be snoozed until a time in the future' },
  ]);
});

test('z snoozes: the ticket leaves All open for Snoozed with its wake time; Wake now brings it back', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const before = await backendCounts(page);
  const id = (await idsOf(page))[1]!;
  await openRow(page, id);

  await key(page, 'z');
  const picker = page.getByTestId('snooze-picker');
  await expect(picker).toBeVisible();
  await expect(picker.getByTestId('snooze-option')).toHaveCount(3);
  await expect(picker.getByTestId('snooze-wake')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'snooze-picker-en.png'), animations: 'disabled' });
  await page.keyboard.press('2');
  await expect(picker).toHaveCount(0);
  const until = (await app.calls('snooze_tickets'))[0]!.args.until as number;
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  expect(until).toBe(tomorrow.getTime());
  await expect(count(page, 'all_open')).toHaveText(String(before.all_open! - 1));
  await expect(count(page, 'snoozed')).toHaveText(String(before.snoozed! + 1));
  await expect(row(page, id)).toHaveCount(0);
  await expect(page.getByTestId('ticket-snoozed')).toContainText('Snoozed until');

  await page.getByTestId('view-snoozed').click();
  await expect(row(page, id).getByTestId('row-snoozed')).toBeVisible();
  await openRow(page, id);
  await page.getByTestId('ticket-snooze').click();
  await picker.getByTestId('snooze-wake').click();
  await expect.poll(async () => (await app.calls('snooze_tickets')).at(-1)?.args).toEqual({ ticketIds: [id], until: null });
  await expect(count(page, 'snoozed')).toHaveText(String(before.snoozed));
  await expect(count(page, 'all_open')).toHaveText(String(before.all_open));
});

test('n writes an internal note: add_note, shown as a note, nothing in the outbox', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openRow(page, 1);
  const notes = page.locator('[data-testid="message"][data-direction="note"]');
  const had = await notes.count();
  await key(page, 'n');
  await expect(page.getByTestId('reply-input')).toBeFocused();
  await expect(page.getByTestId('mode-note')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.type('Customer prefers a call after 5 pm.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await app.calls('add_note')).map((c) => c.args)).toEqual([{ ticketId: 1, body: 'Customer prefers a call after 5 pm.', files: [] }]);
  await expect(notes).toHaveCount(had + 1);
  await expect(notes.last()).toContainText('Customer prefers a call after 5 pm.');
  expect(await app.calls('send_reply')).toEqual([]);
  await expect(page.getByTestId('outbox-item')).toHaveCount(0);
  // r goes back to replying.
  await page.getByTestId('reply-input').press('Escape');
  await key(page, 'r');
  await expect(page.getByTestId('mode-reply')).toHaveAttribute('aria-checked', 'true');
});

test('a phone ticket opens in note mode: replies cannot be sent on the phone channel', async ({ page }) => {
  await boot(page, { seeded: true });
  await page.getByTestId('view-channel-phone').click();
  await expect(rows(page).first()).toHaveAttribute('data-channel', 'phone');
  await rows(page).first().click();
  await expect(page.getByTestId('mode-note')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('mode-reply')).toBeDisabled();
  await expect(page.getByTestId('phone-no-send')).toHaveText(/Replies cannot be sent on the phone channel/);
  await expect(page.getByTestId('send-reply')).toHaveCount(0);
  await expect(page.getByTestId('add-note')).toBeVisible();
});

test('l logs a call: the backend’s refusal shows inline with the input kept, then the new ticket opens', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const phone = (await backendCounts(page))['channel-phone']!;
  await key(page, 'l');
  await expect(page.getByTestId('log-call')).toBeVisible();
  await expect(page.getByTestId('call-name')).toBeFocused();
  await page.getByTestId('call-name').fill('Grace Hopper');
  await page.getByTestId('call-contact').fill('call me maybe');
  await page.getByTestId('call-subject').fill('Warranty for a broken kettle');
  await page.getByTestId('call-request').fill('The kettle stopped heating after two weeks; wants a replacement.');
  await page.getByTestId('call-notes').fill('Called from the shop floor.');
  await page.getByTestId('call-save').click();
  await expect(page.getByTestId('call-error')).toHaveText("'call me maybe' is neither a phone number nor an email address");
  await expect(page.getByTestId('call-name')).toHaveValue('Grace Hopper');
  await page.screenshot({ path: join(SHOTS, 'log-call-error-en.png') });

  await page.getByTestId('call-contact').fill('+1 415 555 0100');
  await page.getByTestId('call-contact').press('Control+Enter');
  await expect(page.getByTestId('log-call')).toHaveCount(0);
  await expect(page.getByTestId('ticket-subject')).toHaveText('Warranty for a broken kettle');
  await expect(page.locator('[data-testid="message"][data-direction="note"]')).toContainText('Called from the shop floor.');
  await expect(page.getByTestId('mode-note')).toHaveAttribute('aria-checked', 'true');
  await expect(count(page, 'channel-phone')).toHaveText(String(phone + 1));
  expect((await app.calls('log_manual_ticket')).at(-1)?.args).toEqual({
    ticket: {
      customer_name: 'Grace Hopper',
      customer_contact: '+1 415 555 0100',
      subject: 'Warranty for a broken kettle',
      request: 'The kettle stopped heating after two weeks; wants a replacement.',
      notes: 'Called from the shop floor.',
    },
  });
});

/** A ticket's triage fields as the (fake) backend has them now. */
async function triageOf(page: Page, id: number): Promise<{ category: string | null; priority: string }> {
  return page.evaluate(async (ticketId) => {
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string, args: unknown): Promise<unknown> } }).__TAURI_INTERNALS__;
    const detail = (await internals.invoke('get_ticket', { ticketId })) as { ticket: { category: string | null; priority: string } };
    return { category: detail.ticket.category, priority: detail.ticket.priority };
  }, id);
}

test('palette and mouse: bulk priority by checkboxes (shift+click range) in one call, then undo from the palette', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const ids = (await idsOf(page)).slice(0, 4);
  const was = await Promise.all(ids.map(async (id) => (await triageOf(page, id)).priority));
  await row(page, ids[0]!).getByTestId('row-check').click();
  await row(page, ids[3]!).getByTestId('row-check').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('4 selected');
  await page.getByTestId('bulk-priority').click();
  await page.getByTestId('priority-picker').locator('[data-option-id="urgent"]').click();
  // One all-or-nothing call for the whole selection, none per ticket.
  await expect
    .poll(async () => (await app.calls('correct_tickets')).map((c) => c.args))
    .toEqual([{ ticketIds: ids, correction: { category: null, priority: 'urgent', sentiment: null } }]);
  await expect(page.getByTestId('toast-message')).toHaveText('Priority of 4 tickets: Urgent');
  expect(await app.calls('correct_ticket')).toEqual([]);
  for (const id of ids) expect((await triageOf(page, id)).priority).toBe('urgent');

  await page.getByTestId('open-palette').click();
  await page.keyboard.type('undo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast-message')).toHaveText('Undone');
  // Only the tickets that were not urgent before get a correction back: one call per value they had.
  const back = (await app.calls('correct_tickets')).slice(1).map((c) => c.args as { ticketIds: number[]; correction: { priority: string } });
  expect(back.length).toBeGreaterThan(0);
  const expected = [...new Set(was.filter((p) => p !== 'urgent'))].map((p) => ({ ids: ids.filter((_, i) => was[i] === p), priority: p }));
  expect(back.map((c) => ({ ids: c.ticketIds, priority: c.correction.priority }))).toEqual(expected);
  for (const [i, id] of ids.entries()) expect((await triageOf(page, id)).priority).toBe(was[i]);
  expect(await app.calls('correct_ticket')).toEqual([]);
});

test('a bulk correction with a ticket that no longer exists shows the error and changes none', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  const ids = (await idsOf(page)).slice(0, 3);
  const was = await Promise.all(ids.map((id) => triageOf(page, id)));
  const category = was.some((t) => t.category === 'shipping') ? 'billing' : 'shipping';
  await key(page, 'x');
  await key(page, 'j');
  await key(page, 'x');
  await key(page, 'j');
  await key(page, 'x');
  await expect(page.getByTestId('bulk-count')).toHaveText('3 selected');
  // The middle ticket goes away behind the app's back (as if deleted elsewhere).
  await page.evaluate((id) => window.__sbFake!.forgetTicket(id), ids[1]!);

  await page.getByTestId('bulk-category').click();
  await page.getByTestId('category-picker').locator(`[data-category-id="${category}"]`).click();
  await expect(page.getByTestId('error-banner')).toContainText(`ticket ${ids[1]!} does not exist`);
  expect((await app.calls('correct_tickets')).map((c) => c.args)).toEqual([
    { ticketIds: ids, correction: { category, priority: null, sentiment: null } },
  ]);
  expect(await app.calls('correct_ticket')).toEqual([]);
  // All or none: the tickets that are still there kept their category.
  expect(await triageOf(page, ids[0]!)).toEqual(was[0]);
  expect(await triageOf(page, ids[2]!)).toEqual(was[2]);
  // No undo is offered for a change that did not happen, and the selection stays for another try.
  await expect(page.getByTestId('toast-message')).toHaveCount(0);
  await expect(page.getByTestId('bulk-count')).toHaveText('3 selected');
});

test('zh-CN: the bulk bar, tag and snooze pickers and the log-a-call form in Chinese; dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('view-mine')).toContainText('我的');
  await expect(page.getByTestId('view-snoozed')).toContainText('已暂缓');
  await key(page, 'x');
  await key(page, 'j');
  await key(page, 'x');
  await expect(page.getByTestId('bulk-count')).toHaveText('已选 2 个');
  await expect(page.getByTestId('bulk-assign')).toContainText('分配给我');
  await page.screenshot({ path: join(SHOTS, 'bulk-bar-zh-CN-dark.png'), animations: 'disabled' });
  await page.getByTestId('bulk-tag').click();
  await expect(page.getByTestId('tag-input')).toHaveAttribute('placeholder', '添加标签…');
  await page.screenshot({ path: join(SHOTS, 'tag-picker-zh-CN-dark.png'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  await key(page, 'z');
  await expect(page.getByTestId('snooze-picker')).toContainText('明天');
  await page.screenshot({ path: join(SHOTS, 'snooze-picker-zh-CN-dark.png'), animations: 'disabled' });
  await page.keyboard.press('1');
  await expect(page.getByTestId('toast-message')).toHaveText('已暂缓 2 个工单');
  await page.screenshot({ path: join(SHOTS, 'undo-toast-zh-CN-dark.png') });

  await page.emulateMedia({ colorScheme: 'light' });
  await key(page, 'l');
  await page.getByTestId('call-save').click();
  await expect(page.getByTestId('call-error')).toBeVisible();
  await expect(page.getByTestId('log-call')).toContainText('记录来电或到访');
  await page.screenshot({ path: join(SHOTS, 'log-call-zh-CN.png') });
});

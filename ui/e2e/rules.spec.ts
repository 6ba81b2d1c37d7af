// Settings → Rules: the ordered list (switches, move up/down by mouse and keyboard, delete, last error),
// the editor with the backend's refusals shown next to it, the dry run, and export / import of the file.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, rows, SHOTS } from './helpers';

const ruleRows = (page: Page) => page.getByTestId('rule-row');
const ruleIds = (page: Page) => ruleRows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rule-id'))));

async function openRules(page: Page) {
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('open-rules').click();
  await expect(ruleRows(page)).toHaveCount(9);
}

test('the rules list: day-one rules in order, the last error, switches, moving by mouse and Alt+arrows, delete', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openRules(page);
  await expect(ruleRows(page).first().getByTestId('rule-name')).toHaveText('Angry complaints');
  const skipped = ruleRows(page).nth(8);
  await expect(skipped).toHaveAttribute('data-enabled', 'false');
  await expect(skipped.getByTestId('rule-last-error')).toHaveText("Last skipped: there is no saved reply called 'Thanks, we are on it'");
  await expect(skipped).toContainText('Replies automatically');
  await page.screenshot({ path: join(SHOTS, 'rules-en.png') });

  // The switch turns a rule off at once.
  await ruleRows(page).first().getByTestId('rule-enabled').click();
  await expect.poll(async () => (await app.calls('set_rule_enabled')).map((c) => c.args)).toEqual([{ id: 1, enabled: false }]);
  await expect(ruleRows(page).first()).toHaveAttribute('data-enabled', 'false');
  await expect(ruleRows(page).first()).toContainText('Off');

  // Down by mouse, then back up by keyboard on the focused row.
  await ruleRows(page).first().getByTestId('rule-down').click();
  await expect.poll(() => ruleIds(page)).toEqual([2, 1, 3, 4, 5, 6, 7, 8, 9]);
  expect((await app.calls('reorder_rules')).at(-1)!.args).toEqual({ ids: [2, 1, 3, 4, 5, 6, 7, 8, 9] });
  await expect(ruleRows(page).first().getByTestId('rule-up')).toBeDisabled();
  await ruleRows(page).nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => ruleIds(page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect((await app.calls('reorder_rules')).at(-1)!.args).toEqual({ ids: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
  // The moved rule keeps the focus, so it can go on moving.
  await expect(ruleRows(page).first()).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => ruleIds(page)).toEqual([2, 3, 1, 4, 5, 6, 7, 8, 9]);

  // A refused reorder puts the list back and says why.
  await page.evaluate(() => window.__sbFake!.failNext('reorder_rules', { code: 'invalid_input', message: 'the new order must list every rule exactly once' }));
  await ruleRows(page).nth(3).getByTestId('rule-up').click();
  await expect(page.getByTestId('rules-notice')).toHaveText('the new order must list every rule exactly once');
  await expect.poll(() => ruleIds(page)).toEqual([2, 3, 1, 4, 5, 6, 7, 8, 9]);

  // Delete asks first; Cancel keeps it; Delete removes it.
  const legal = ruleRows(page).filter({ hasText: 'Legal threats' });
  await legal.getByTestId('rule-delete').click();
  await expect(legal.getByTestId('rule-delete-confirm')).toContainText('Delete “Legal threats”? This cannot be undone.');
  await legal.getByTestId('rule-delete-cancel').click();
  await expect(legal.getByTestId('rule-delete-confirm')).toHaveCount(0);
  await legal.getByTestId('rule-delete').click();
  await legal.getByTestId('rule-delete-yes').click();
  await expect(ruleRows(page)).toHaveCount(8);
  expect((await app.calls('delete_rule')).map((c) => c.args)).toEqual([{ id: 6 }]);
  await expect(page.getByText('Legal threats')).toHaveCount(0);
});

test('a new rule: the invalid regex is refused next to the form, the dry run shows matches and what would not change, then it saves', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openRules(page);
  await page.getByTestId('rules-new').click();
  const editor = page.getByTestId('rule-editor');
  await expect(page.getByTestId('rule-name-input')).toBeFocused();
  await page.getByTestId('rule-name-input').fill('Billing to high');
  await page.getByTestId('rule-trigger').selectOption('classified');
  // after_hours only for the time-based trigger.
  await expect(page.getByTestId('rule-after-hours')).toHaveCount(0);
  await page.getByTestId('rule-trigger').selectOption('time_in_status');
  await expect(page.getByTestId('rule-after-hours')).toBeVisible();
  await page.getByTestId('rule-trigger').selectOption('classified');

  await page.getByTestId('rule-add-condition').click();
  const first = page.getByTestId('rule-condition').first();
  // Only the comparisons a field allows.
  await first.getByTestId('condition-field').selectOption('confidence');
  await expect(first.getByTestId('condition-op').locator('option')).toHaveText(['is below', 'is at least', 'is empty', 'is set']);
  await first.getByTestId('condition-field').selectOption('category');
  await expect(first.getByTestId('condition-op').locator('option')).toHaveText([
    'is',
    'is not',
    'is one of',
    'contains any of',
    'matches (regex)',
    'is empty',
    'is set',
  ]);
  await first.getByTestId('condition-value').selectOption('billing');

  await page.getByTestId('rule-add-condition').click();
  const second = page.getByTestId('rule-condition').nth(1);
  await second.getByTestId('condition-field').selectOption('subject');
  await second.getByTestId('condition-op').selectOption('matches');
  await second.getByTestId('condition-value').fill('a(');

  const action = page.getByTestId('rule-action').first();
  await action.getByTestId('action-kind').selectOption('set_priority');
  await action.getByTestId('action-value').selectOption('high');
  await page.getByTestId('rule-add-action').click();
  const tag = page.getByTestId('rule-action').nth(1);
  await tag.getByTestId('action-value').fill('billing-check');

  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-error')).toContainText("rule 'Billing to high': 'a(' is not a valid regular expression");
  // Nothing typed is lost; the dry run refuses it the same way.
  await expect(second.getByTestId('condition-value')).toHaveValue('a(');
  await page.getByTestId('rule-dry-run').click();
  await expect(page.getByTestId('rule-error')).toContainText('is not a valid regular expression');

  await second.getByTestId('condition-remove').click();
  await page.getByTestId('rule-dry-run').click();
  await expect(page.getByTestId('rule-error')).toHaveCount(0);
  const matches = page.getByTestId('dry-run-match');
  await expect(matches.first()).toBeVisible();
  const count = await matches.count();
  expect(count).toBeGreaterThan(2);
  await expect(page.getByTestId('dry-run-count')).toHaveText(`${count} tickets would match. Nothing was changed.`);
  const dry = (await app.calls('dry_run_rule')).at(-1)!.args.definition as { conditions: unknown[] };
  expect(dry.conditions).toEqual([{ field: 'category', op: 'is', value: 'billing' }]);
  // A ticket already high: that action is greyed, with what it would have been.
  const noChange = page.locator('[data-testid="dry-run-action"][data-effective="false"]').first();
  await expect(noChange).toContainText('priority: high → high');
  await expect(noChange).toContainText('no effect');
  await expect(page.locator('[data-testid="dry-run-action"][data-effective="true"]').first()).toBeVisible();
  // Nothing was changed by it.
  expect(await app.calls('correct_ticket')).toEqual([]);
  await page.getByTestId('dry-run').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'rules-dry-run-en.png') });
  // Changing the form marks the results stale.
  await page.getByTestId('rule-name-input').fill('Billing to high priority');
  await expect(page.getByTestId('dry-run-stale')).toBeVisible();

  await page.getByTestId('rule-save').click();
  await expect(editor).toHaveCount(0);
  await expect(ruleRows(page)).toHaveCount(10);
  await expect(ruleRows(page).last().getByTestId('rule-name')).toHaveText('Billing to high priority');
  const saved = (await app.calls('save_rule')).at(-1)!.args;
  expect(saved).toEqual({
    id: null,
    enabled: true,
    definition: {
      name: 'Billing to high priority',
      trigger: 'classified',
      after_hours: null,
      match: 'all',
      conditions: [{ field: 'category', op: 'is', value: 'billing' }],
      actions: [
        { kind: 'set_priority', value: 'high' },
        { kind: 'add_tag', value: 'billing-check' },
      ],
      allow_auto_reply: false,
      auto_reply_every_hours: 24,
      stop_after: false,
    },
  });
});

test('automatic replies are refused unless allowed, and the editor warns that they go out by themselves', async ({ page }) => {
  await boot(page, { seeded: true });
  await openRules(page);
  await ruleRows(page).nth(8).getByTestId('rule-edit').click();
  await expect(page.getByTestId('rule-auto-warning')).toContainText('go out to customers automatically, without anyone reading them first');
  await page.getByTestId('rule-allow-auto-reply').uncheck();
  await expect(page.getByTestId('rule-auto-warning')).toContainText('only works when automatic replies are allowed');
  await page.getByTestId('rule-action').first().getByTestId('action-value').selectOption('Where is my order');
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-error')).toHaveText(
    "rule 'Acknowledge new mail outside business hours': it sends an automatic reply but automatic replies are not allowed for it",
  );
  await page.getByTestId('rule-allow-auto-reply').check();
  await page.getByTestId('rule-auto-every').fill('0');
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-error')).toHaveText("rule 'Acknowledge new mail outside business hours': automatic replies need at least one hour between them");
  await page.getByTestId('rule-auto-every').fill('12');
  await page.getByTestId('rule-save').click();
  // Saving clears the last error.
  await expect(ruleRows(page).nth(8).getByTestId('rule-last-error')).toHaveCount(0);
});

test('export saves the rules file where the agent chooses; import adds its rules after the others, or says why it cannot', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openRules(page);
  await page.getByTestId('rules-export').click();
  await expect(page.getByTestId('rules-notice')).toContainText('Saved 9 rules to /home/agent/Documents/switchboard-rules-');
  const saved = (await app.calls('save_rules_file')).at(-1)!;
  expect(String(saved.args.fileName)).toMatch(/^switchboard-rules-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByTestId('rules-notice')).toHaveText(`Saved 9 rules to /home/agent/Documents/${String(saved.args.fileName)}.`);
  // What the shell wrote is the backend's export.
  const text = (await page.evaluate(() =>
    (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string): Promise<unknown> } }).__TAURI_INTERNALS__.invoke('export_rules'),
  )) as string;
  const file = JSON.parse(text) as { switchboard_rules: number; rules: { name: string; enabled: boolean }[] };
  expect(file.switchboard_rules).toBe(1);
  expect(file.rules.map((r) => r.name)[0]).toBe('Angry complaints');
  expect(file.rules).toHaveLength(9);
  // Cancelling the save dialog says nothing and changes nothing.
  await page.evaluate(() => ((window as unknown as { __sbNextSave: string | null }).__sbNextSave = null));
  await page.getByTestId('rules-export').click();
  await expect(page.getByTestId('rules-notice')).toHaveCount(0);

  await page.getByTestId('rules-import-file').setInputFiles({ name: 'team-rules.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('rules-notice')).toHaveText('Imported 9 rules from team-rules.json; they run after the existing ones.');
  await expect(ruleRows(page)).toHaveCount(18);
  expect((await app.calls('import_rules')).at(-1)!.args.json).toBe(text);

  await page.getByTestId('rules-import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('rules-notice')).toContainText('notes.txt was not imported: this is not a Switchboard rules file');
  await expect(page.getByTestId('rules-notice')).toHaveAttribute('data-tone', 'danger');
  // One invalid rule: none are added.
  const broken = JSON.stringify({ switchboard_rules: 1, rules: [{ ...file.rules[0], name: 'Fine' }, { ...file.rules[0], name: '' }] });
  await page.getByTestId('rules-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.getByTestId('rules-notice')).toHaveText('broken.json was not imported: a rule needs a name');
  await expect(ruleRows(page)).toHaveCount(18);
});

test('简体中文: the rules screen and the dry run', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('open-rules').click();
  await expect(ruleRows(page)).toHaveCount(9);
  await expect(page.getByTestId('rules-screen')).toContainText('规则从上到下依次运行');
  await expect(ruleRows(page).nth(8).getByTestId('rule-last-error')).toContainText('上次被跳过：');
  await page.screenshot({ path: join(SHOTS, 'rules-zh.png') });
  await ruleRows(page).first().getByTestId('rule-edit').click();
  await expect(page.getByTestId('rule-condition').first().getByTestId('condition-field')).toHaveValue('category');
  await page.getByTestId('rule-condition').first().getByTestId('condition-value').selectOption('billing');
  await page.getByTestId('rule-condition').nth(1).getByTestId('condition-remove').click();
  await page.getByTestId('rule-dry-run').click();
  await expect(page.getByTestId('dry-run-count')).toContainText('个工单会匹配。未做任何更改。');
  await page.getByTestId('dry-run').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'rules-dry-run-zh.png') });
  await page.getByTestId('dry-run').evaluate((el) => el.closest('.scroll')!.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'rule-editor-zh.png') });
});

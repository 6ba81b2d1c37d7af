import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { boot, rows, SHOTS } from './helpers';

const screen = (page: Page) => page.getByTestId('ai-settings');
const status = (page: Page) => page.getByTestId('llm-status');
const result = (page: Page) => page.getByTestId('llm-test-result');
const usageRows = (page: Page) => page.getByTestId('llm-usage-row');

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

async function openAiSettings(page: Page) {
  await page.getByTestId('open-ai-settings').click();
  await expect(screen(page)).toBeVisible();
  await expect(page.getByTestId('llm-form')).toBeVisible();
}

test('configure DeepSeek: a bad key fails in words, a good one classifies the sample, save shows the cloud badge', async ({ page }) => {
  const app = await boot(page, { seeded: true, llmTestMs: 400 });
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('open-ai-settings')).toContainText('AI settings');

  await openAiSettings(page);
  await expect(screen(page).getByRole('heading', { name: 'AI settings' })).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-kind', 'offline');
  await expect(status(page)).toContainText('Offline model (no network)');
  await expect(page.getByTestId('llm-status-badge')).toHaveCount(0);
  await expect(page.getByTestId('llm-preset')).toHaveValue('custom');
  await expect(page.getByTestId('llm-enabled')).toBeChecked();
  await expect(page.getByTestId('llm-mask')).toBeChecked();
  await expect(page.getByTestId('llm-remove-key')).toHaveCount(0);
  await expect(page.getByTestId('llm-privacy')).toContainText('never as instructions');
  await expect(page.getByTestId('llm-privacy')).toContainText('Local AI only');
  await page.screenshot({ path: join(SHOTS, 'ai-settings-empty-en.png') });

  // Picking a preset fills the endpoint and the model, and shows its note.
  await page.getByTestId('llm-preset').selectOption('deepseek');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('https://api.deepseek.com/v1');
  await expect(page.getByTestId('llm-model')).toHaveValue('deepseek-chat');
  await expect(page.getByTestId('llm-preset-note')).toContainText('API key from platform.deepseek.com.');
  await expect(page.getByTestId('llm-api-key')).toHaveAttribute('type', 'password');

  // A bad key: the provider's refusal in words, nothing saved.
  await page.getByTestId('llm-api-key').fill('bad-key');
  await page.getByTestId('llm-price-in').fill('0.27');
  await page.getByTestId('llm-price-out').fill('1.10');
  await page.getByTestId('llm-test').click();
  await expect(page.getByTestId('llm-test')).toBeDisabled();
  await expect(page.getByTestId('llm-testing')).toContainText('sample ticket');
  await expect(result(page)).toHaveAttribute('data-ok', 'false');
  await expect(result(page)).toContainText('✗');
  await expect(result(page)).toContainText('Test failed');
  await expect(result(page)).toContainText('The model provider refused the request (HTTP 401): invalid api key');
  await page.screenshot({ path: join(SHOTS, 'ai-settings-test-failed-en.png') });

  // A good key: the sample ticket's category by name, the time and the tokens.
  await page.getByTestId('llm-api-key').fill('sk-deepseek-live');
  await expect(page.getByText('The settings changed since this test.')).toBeVisible();
  await page.getByTestId('llm-org').fill('org-acme');
  await page.getByTestId('llm-test').click();
  await expect(result(page)).toHaveAttribute('data-ok', 'true');
  await expect(result(page)).toContainText('✓');
  await expect(result(page)).toContainText('Classified the sample ticket as Shipping & delivery in 842 ms, 412 tokens');
  await expect(page.getByText('The settings changed since this test.')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'ai-settings-test-ok-en.png') });

  const form = {
    enabled: true,
    preset: 'deepseek',
    baseUrl: 'https://api.deepseek.com/v1',
    model: 'deepseek-chat',
    keyHeader: null,
    extraHeaders: [['OpenAI-Organization', 'org-acme']],
    priceInputPerMillion: 0.27,
    priceOutputPerMillion: 1.1,
    maskPersonalData: true,
    timeoutSeconds: 60,
  };
  const tests = await app.calls('test_llm_settings');
  expect(tests.map((c) => c.args.apiKey)).toEqual(['bad-key', 'sk-deepseek-live']);
  expect(tests[1]!.args.form).toEqual(form);

  await page.getByTestId('llm-save').click();
  await expect(page.getByTestId('llm-saved')).toContainText('Saved');
  await expect(status(page)).toHaveAttribute('data-kind', 'cloud');
  await expect(status(page)).toContainText('deepseek-chat at api.deepseek.com');
  await expect(page.getByTestId('llm-status-badge')).toHaveText('Cloud');
  // The key went to the keychain: the field is empty again and says so.
  await expect(page.getByTestId('llm-api-key')).toHaveValue('');
  await expect(page.getByTestId('llm-api-key')).toHaveAttribute('placeholder', 'stored in keychain — unchanged');
  await expect(page.getByTestId('llm-remove-key')).toBeVisible();
  // The test of exactly these settings still stands: its key is the stored one now.
  await expect(result(page)).toHaveAttribute('data-ok', 'true');
  await expect(page.getByText('The settings changed since this test.')).toHaveCount(0);
  const saves = await app.calls('save_llm_settings');
  expect(saves.map((c) => c.args)).toEqual([{ form, apiKey: 'sk-deepseek-live' }]);
  await page.screenshot({ path: join(SHOTS, 'ai-settings-saved-cloud-en.png') });

  // Escape closes; opening again reads the saved settings back.
  await page.keyboard.press('Escape');
  await expect(screen(page)).toHaveCount(0);
  await expect(page.getByTestId('open-ai-settings')).toBeFocused();
  await openAiSettings(page);
  await expect(page.getByTestId('llm-preset')).toHaveValue('deepseek');
  await expect(page.getByTestId('llm-org')).toHaveValue('org-acme');
  await expect(page.getByTestId('llm-price-out')).toHaveValue('1.1');
  await expect(status(page)).toContainText('deepseek-chat at api.deepseek.com');

  // Testing again without typing the key uses the stored one.
  await page.getByTestId('llm-test').click();
  await expect(result(page)).toHaveAttribute('data-ok', 'true');
  expect((await app.calls('test_llm_settings')).at(-1)!.args.apiKey).toBeNull();
});

test('Ollama runs on this computer; the key can be removed; switching off goes back to the offline model', async ({ page }) => {
  const app = await boot(page, { seeded: true, llmTestMs: 100 });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);

  await page.getByTestId('llm-preset').selectOption('openai');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('https://api.openai.com/v1');
  await expect(page.getByTestId('llm-model')).toHaveValue('gpt-4o-mini');
  await page.getByTestId('llm-api-key').fill('sk-openai');
  await page.getByTestId('llm-save').click();
  await expect(page.getByTestId('llm-status-badge')).toHaveText('Cloud');
  await expect(status(page)).toContainText('gpt-4o-mini at api.openai.com');

  await page.getByTestId('llm-preset').selectOption('ollama');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('http://localhost:11434/v1');
  await expect(page.getByTestId('llm-model')).toHaveValue('llama3.2');
  await expect(page.getByTestId('llm-preset-note')).toContainText('Nothing leaves this computer.');
  await expect(page.getByText('Not needed for a server on this computer.')).toBeVisible();
  // Unsaved: the status still shows what classifies now.
  await expect(page.getByTestId('llm-status-badge')).toHaveText('Cloud');
  await page.getByTestId('llm-test').click();
  await expect(result(page)).toContainText('Classified the sample ticket as Shipping & delivery');
  await page.getByTestId('llm-save').click();
  await expect(status(page)).toHaveAttribute('data-kind', 'local');
  await expect(status(page)).toContainText('llama3.2 at localhost:11434');
  await expect(page.getByTestId('llm-status-badge')).toHaveText('Runs on this computer');
  expect((await app.calls('save_llm_settings')).at(-1)!.args).toMatchObject({ apiKey: null, form: { preset: 'ollama', keyHeader: null } });
  await page.screenshot({ path: join(SHOTS, 'ai-settings-local-en.png') });

  // Remove key: sends "" with the saved settings, and the field no longer claims a stored key.
  await page.getByTestId('llm-remove-key').click();
  await expect(page.getByTestId('llm-saved')).toHaveText('The API key was removed from the keychain.');
  await expect(page.getByTestId('llm-remove-key')).toHaveCount(0);
  await expect(page.getByTestId('llm-api-key')).toHaveAttribute('placeholder', '');
  expect((await app.calls('save_llm_settings')).at(-1)!.args).toMatchObject({ apiKey: '', form: { preset: 'ollama' } });

  // Switched off: the offline model classifies again.
  await page.getByTestId('llm-enabled').uncheck();
  await page.getByTestId('llm-save').click();
  await expect(status(page)).toHaveAttribute('data-kind', 'offline');
  await expect(status(page)).toContainText('Offline model (no network)');
  await expect(page.getByTestId('llm-saved')).toContainText('The offline model classifies new tickets.');
  expect((await app.calls('save_llm_settings')).at(-1)!.args).toMatchObject({ form: { enabled: false, model: 'llama3.2' } });

  await page.getByTestId('close-ai-settings').click();
  await expect(screen(page)).toHaveCount(0);
});

test('problems are shown before anything is sent; the backend says what is wrong with Azure; no keychain', async ({ page }) => {
  const app = await boot(page, { seeded: true, llmTestMs: 100 });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);

  // An empty form: the fields to fix, nothing sent.
  await page.getByTestId('llm-save').click();
  await expect(page.getByTestId('llm-problems')).toHaveText('Some fields need attention.');
  await expect(page.getByTestId('llm-base-url')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('llm-base-url')).toBeFocused();
  await expect(page.getByTestId('llm-model')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter an address starting with https:// (or http:// for this computer).')).toBeVisible();
  await page.getByTestId('llm-base-url').fill('api.example.com/v1');
  await page.getByTestId('llm-model').fill('m');
  await page.getByTestId('llm-price-in').fill('-1');
  await page.getByTestId('llm-timeout').fill('0');
  await page.getByTestId('llm-test').click();
  await expect(page.getByTestId('llm-base-url')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('llm-price-in')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a price of 0 or more, like 0.15.')).toBeVisible();
  await expect(page.getByText('Enter a whole number of seconds from 5 to 600.')).toBeVisible();
  expect(await app.calls('save_llm_settings')).toHaveLength(0);
  expect(await app.calls('test_llm_settings')).toHaveLength(0);

  // Azure: the key header comes with the preset; its placeholder URL is refused by the backend.
  await page.getByTestId('llm-preset').selectOption('azure');
  await page.getByTestId('llm-price-in').fill('');
  await page.getByTestId('llm-timeout').fill('30');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('https://YOUR-RESOURCE.openai.azure.com/openai/v1');
  await expect(page.getByTestId('llm-preset-note')).toContainText('Replace YOUR-RESOURCE');
  await expect(page.getByText('Sent in the api-key header; kept in the system keychain.')).toBeVisible();
  await expect(page.getByTestId('llm-problems')).toHaveCount(0);
  await page.getByTestId('llm-api-key').fill('azure-key');
  await page.getByTestId('llm-save').click();
  const error = page.getByTestId('llm-error');
  await expect(error).toHaveAttribute('data-code', 'invalid_llm');
  await expect(error).toContainText('Check the settings');
  await expect(error).toContainText('Replace YOUR-RESOURCE in the base URL with your Azure resource name');
  await expect(status(page)).toHaveAttribute('data-kind', 'offline');
  await page.screenshot({ path: join(SHOTS, 'ai-settings-invalid-en.png') });

  // Plain http to another machine would carry the key in clear text.
  await page.getByTestId('llm-base-url').fill('http://llm.acme.internal/v1');
  await page.getByTestId('llm-test').click();
  await expect(error).toContainText('use https:// for servers that are not on this computer');

  // No keychain: nothing saved, everything typed stays.
  await page.getByTestId('llm-base-url').fill('https://acme.openai.azure.com/openai/v1');
  await page.getByTestId('llm-model').fill('triage-gpt4o-mini');
  await page.getByTestId('llm-api-key').fill('no-keychain');
  await page.getByTestId('llm-save').click();
  await expect(page.getByTestId('llm-keychain-error')).toContainText('No keychain to keep the API key');
  await expect(page.getByTestId('llm-keychain-error')).toContainText('install and unlock GNOME Keyring or KWallet');
  // In English the backend's own sentence says it: no second explanation.
  await expect(page.getByTestId('llm-keychain-error').getByTestId('failure-explained')).toHaveCount(0);
  await expect(page.getByTestId('llm-error')).toHaveCount(0);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByTestId('llm-model')).toHaveValue('triage-gpt4o-mini');
  await expect(page.getByTestId('llm-api-key')).toHaveValue('no-keychain');
  await expect(status(page)).toHaveAttribute('data-kind', 'offline');

  await page.getByTestId('llm-api-key').fill('azure-key');
  await page.getByTestId('llm-save').click();
  await expect(status(page)).toContainText('triage-gpt4o-mini at acme.openai.azure.com');
  expect((await app.calls('save_llm_settings')).at(-1)!.args).toMatchObject({
    apiKey: 'azure-key',
    form: { preset: 'azure', keyHeader: 'api-key', timeoutSeconds: 30, priceInputPerMillion: 0 },
  });
});

test('the usage table lists days and models with the total of the last 30 days', async ({ page }) => {
  await boot(page, { seeded: true });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);

  const usage = page.getByTestId('llm-usage');
  await usage.scrollIntoViewIfNeeded();
  await expect(usageRows(page)).toHaveCount(5);
  const first = usageRows(page).first();
  await expect(first.locator('td')).toHaveText([/\w+ \d+/, 'gpt-4o-mini', '42', '18,340', '2,150', '$0.0040']);
  await expect(usageRows(page).nth(2).locator('td').nth(5)).toHaveText('$0.12');
  await expect(usageRows(page).nth(3).locator('td').nth(1)).toHaveText('llama3.2');
  await expect(usageRows(page).nth(3).locator('td').nth(5)).toHaveText('$0.00');
  // The 41-day-old row is listed but not in the total.
  const total = page.getByTestId('llm-usage-total');
  await expect(total).toContainText('Last 30 days');
  await expect(total.locator('td')).toHaveText(['1,698', '730,052', '83,558', '$0.17']);
  await usage.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(SHOTS, 'ai-settings-usage-en.png') });
});

test('no LLM calls yet', async ({ page }) => {
  await boot(page, { seeded: true, llmUsage: false });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);
  await expect(page.getByTestId('llm-usage-empty')).toContainText('No LLM calls yet');
  await expect(usageRows(page)).toHaveCount(0);
  await expect(page.getByTestId('llm-usage-total')).toHaveCount(0);
});

test('the AI settings in 简体中文', async ({ page }) => {
  await boot(page, { seeded: true, llmTestMs: 100 }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('open-ai-settings')).toContainText('AI 设置');
  await openAiSettings(page);
  await expect(screen(page).getByRole('heading', { name: 'AI 设置' })).toBeVisible();
  await expect(status(page)).toContainText('离线模型（不联网）');
  await expect(page.getByText('使用大语言模型（LLM）为新工单分类')).toBeVisible();
  await expect(page.getByText('发送前遮盖邮箱地址、电话号码和银行卡号')).toBeVisible();
  await expect(page.getByTestId('llm-test')).toHaveText('测试');
  await expect(page.getByTestId('llm-save')).toHaveText('保存');
  await expect(page.getByTestId('llm-privacy')).toContainText('模型能看到什么');
  await expect(page.getByTestId('llm-usage-total')).toContainText('最近 30 天');
  await expect(page.getByTestId('llm-usage').locator('th').first()).toHaveText('日期');

  await page.getByTestId('llm-preset').selectOption('qwen');
  await expect(page.getByTestId('llm-preset-note')).toContainText('使用 DashScope（阿里云百炼）的 API 密钥');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('https://dashscope.aliyuncs.com/compatible-mode/v1');
  await expect(page.getByTestId('llm-model')).toHaveValue('qwen-plus');
  await page.getByTestId('llm-api-key').fill('bad-key');
  await page.getByTestId('llm-test').click();
  await expect(result(page)).toHaveAttribute('data-ok', 'false');
  await expect(result(page)).toContainText('测试失败');
  await expect(result(page)).toContainText('服务商拒绝了请求（HTTP 401）：invalid api key');
  await page.screenshot({ path: join(SHOTS, 'ai-settings-test-failed-zh-CN.png') });
  await page.getByTestId('llm-api-key').fill('sk-qwen');
  await page.getByTestId('llm-test').click();
  await expect(result(page)).toContainText('已将示例工单分类为“物流配送”，用时 842 毫秒，消耗 412 个 token');
  await page.getByTestId('llm-save').click();
  await expect(status(page)).toContainText('qwen-plus（dashscope.aliyuncs.com）');
  await expect(page.getByTestId('llm-status-badge')).toHaveText('云端');
  await expect(page.getByTestId('llm-api-key')).toHaveAttribute('placeholder', '已保存在钥匙串中 — 不变');
  await page.screenshot({ path: join(SHOTS, 'ai-settings-saved-zh-CN.png') });

  await page.getByTestId('llm-preset').selectOption('azure');
  await page.getByTestId('llm-save').click();
  await expect(page.getByTestId('llm-error')).toContainText('请检查设置');
  await page.getByTestId('llm-usage').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(SHOTS, 'ai-settings-usage-zh-CN.png') });
});

test('the AI settings fit the minimum window (960 × 600)', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);
  await page.getByTestId('llm-preset').selectOption('deepseek');
  for (const id of ['llm-test', 'llm-save', 'llm-preset', 'llm-status', 'close-ai-settings']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(960);
    expect(box.y + box.height, id).toBeLessThanOrEqual(600);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(960);
  await page.screenshot({ path: join(SHOTS, 'ai-settings-min-window-zh-CN.png') });
});

test('an email account kept on this computer: the form saves it and the list tags it', async ({ page }) => {
  const app = await boot(page, { seeded: true, sampleAccounts: true, syncStepMs: 50 });
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId('open-accounts').click();
  const support = page.locator('[data-testid="account-row"][data-account-id="1"]');
  await expect(support).toBeVisible();
  await expect(page.getByTestId('local-ai-tag')).toHaveCount(0);

  await support.getByTestId('edit-account').click();
  const box = page.getByTestId('local-ai-only');
  await expect(box).not.toBeChecked();
  await expect(page.getByText("Keep this account's mail on this computer (never send it to a cloud AI)")).toBeVisible();
  await page.getByText("Keep this account's mail on this computer (never send it to a cloud AI)").click();
  await expect(box).toBeChecked();
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'account-local-ai-en.png') });
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('account-form')).toHaveCount(0);
  expect((await app.calls('save_email_account')).at(-1)!.args).toMatchObject({ accountId: 1, form: { localAiOnly: true, password: null } });

  const tag = support.getByTestId('local-ai-tag');
  await expect(tag).toHaveText('Local AI only');
  await expect(page.getByTestId('local-ai-tag')).toHaveCount(1);
  await page.screenshot({ path: join(SHOTS, 'accounts-local-ai-en.png') });

  // Editing again shows it checked; the tag reads in Chinese too.
  await support.getByTestId('edit-account').click();
  await expect(page.getByTestId('local-ai-only')).toBeChecked();
  await page.getByTestId('cancel-account').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await page.getByTestId('open-accounts').click();
  await expect(support.getByTestId('local-ai-tag')).toHaveText('仅本地 AI');
  await support.getByTestId('edit-account').click();
  await expect(page.getByText('此账户的邮件只留在本机（绝不发送给云端 AI）')).toBeVisible();
  await page.getByTestId('local-ai-only').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'account-local-ai-zh-CN.png') });
});

const offline = (page: Page) => page.getByTestId('offline-model');
const retrain = (page: Page) => page.getByTestId('retrain-model');
const trainingProgress = (page: Page) => page.getByTestId('model-training-progress');

test('the offline model: what it learnt, retrain now with progress, then the new count; the app retraining by itself shows too', async ({ page }) => {
  const app = await boot(page, { seeded: true, trainingMs: 2_500 });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);

  await offline(page).scrollIntoViewIfNeeded();
  await expect(offline(page).getByRole('heading', { name: 'Offline model' })).toBeVisible();
  await expect(offline(page)).toContainText(
    'Runs on this computer. It classifies when no AI service is set up, when offline, when the service fails, and for accounts kept on this computer.',
  );
  await expect(page.getByTestId('offline-model-summary')).toHaveText('Learnt from 412 examples · trained 2d ago');
  await expect(page.getByTestId('offline-model-new-labels')).toHaveText('7 new labels since');
  await expect(offline(page)).toContainText('It retrains by itself after 20 new labels (agent corrections and confident AI answers).');
  await expect(retrain(page)).toHaveText('Retrain now');
  await expect(retrain(page)).toBeEnabled();
  await expect(trainingProgress(page)).toHaveCount(0);
  await offline(page).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, 'offline-model-en.png') });

  // Retrain now: the button waits, the bar follows the events.
  await retrain(page).click();
  await expect(retrain(page)).toBeDisabled();
  await expect(retrain(page)).toHaveText('Retraining…');
  await expect(trainingProgress(page)).toBeVisible();
  await expect(trainingProgress(page)).toHaveAttribute('data-total', '36');
  await expect
    .poll(async () => Number(await trainingProgress(page).getAttribute('data-done')))
    .toBeGreaterThanOrEqual(12);
  const bar = trainingProgress(page).getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(trainingProgress(page)).toContainText(/Retraining the offline model\s*\d+ of 36 · \d+%/);
  await page.screenshot({ path: join(SHOTS, 'offline-model-training-en.png') });

  // Done: a short confirmation, and the status read again.
  await expect(page.getByTestId('model-trained')).toHaveText('Retrained on 419 examples');
  await expect(trainingProgress(page)).toHaveCount(0);
  await expect(page.getByTestId('offline-model-summary')).toHaveText('Learnt from 419 examples · trained just now');
  await expect(page.getByTestId('offline-model-new-labels')).toHaveText('0 new labels since');
  await expect(retrain(page)).toBeEnabled();
  await expect(retrain(page)).toHaveText('Retrain now');
  await page.screenshot({ path: join(SHOTS, 'offline-model-done-en.png') });
  expect(await app.calls('retrain_offline_model')).toHaveLength(1);
  expect((await app.calls('offline_model_status')).length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('model-trained')).toHaveCount(0, { timeout: 8_000 });

  // The app retrains by itself (after 20 new labels): the sheet shows it the same way.
  await page.evaluate(() => window.__sbFake?.retrainModel());
  await expect(trainingProgress(page)).toBeVisible();
  await expect(retrain(page)).toBeDisabled();
  await expect(page.getByTestId('model-trained')).toHaveText('Retrained on 419 examples');
  await expect(retrain(page)).toBeEnabled();
  expect(await app.calls('retrain_offline_model')).toHaveLength(1);
});

test('a retrain that fails says why in plain words and keeps the previous model', async ({ page }) => {
  await boot(page, { seeded: true, retrainFails: true });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);
  await offline(page).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('offline-model-summary')).toHaveText('Learnt from 412 examples · trained 2d ago');

  await retrain(page).click();
  await expect(trainingProgress(page)).toBeVisible();
  const error = page.getByTestId('model-training-error');
  await expect(error).toContainText('Retraining failed');
  await expect(error).toContainText('Training stopped: out of memory');
  await expect(error).toContainText('The previous model is still in use.');
  await expect(trainingProgress(page)).toHaveCount(0);
  await expect(page.getByTestId('model-trained')).toHaveCount(0);
  await expect(retrain(page)).toBeEnabled();
  await expect(page.getByTestId('offline-model-summary')).toHaveText('Learnt from 412 examples · trained 2d ago');
  await expect(page.getByTestId('offline-model-new-labels')).toHaveText('7 new labels since');
  await offline(page).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, 'offline-model-failed-en.png') });

  // Trying again starts a new retrain and clears the old failure.
  await retrain(page).click();
  await expect(error).toHaveCount(0);
  await expect(trainingProgress(page)).toBeVisible();
  await expect(error).toContainText('Training stopped: out of memory');
});

test('the offline model in 简体中文', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);
  await offline(page).scrollIntoViewIfNeeded();
  await expect(offline(page).getByRole('heading', { name: '离线模型' })).toBeVisible();
  await expect(offline(page)).toContainText('在本机运行。');
  await expect(page.getByTestId('offline-model-summary')).toHaveText('已从 412 个样本中学习 · 2天前训练');
  await expect(page.getByTestId('offline-model-new-labels')).toHaveText('此后新增 7 个标注');
  await expect(offline(page)).toContainText('每新增 20 个标注');
  await expect(retrain(page)).toHaveText('立即重新训练');
  await offline(page).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, 'offline-model-zh-CN.png') });

  await retrain(page).click();
  await expect(retrain(page)).toHaveText('正在重新训练…');
  await expect(page.getByTestId('model-trained')).toHaveText('已用 419 个样本重新训练');
  await expect(page.getByTestId('offline-model-summary')).toHaveText('已从 419 个样本中学习 · 刚刚训练');
  await expect(page.getByTestId('offline-model-new-labels')).toHaveText('此后新增 0 个标注');
  await page.screenshot({ path: join(SHOTS, 'offline-model-done-zh-CN.png') });
});

test('the offline model fails in 简体中文 with its reason', async ({ page }) => {
  await boot(page, { seeded: true, retrainFails: true }, { locale: 'zh-CN' });
  await expect(rows(page).first()).toBeVisible();
  await openAiSettings(page);
  await retrain(page).click();
  const error = page.getByTestId('model-training-error');
  await expect(error).toContainText('重新训练失败');
  await expect(error).toContainText('Training stopped: out of memory');
  await expect(error).toContainText('仍在使用之前的模型。');
  await offline(page).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, 'offline-model-failed-zh-CN.png') });
});

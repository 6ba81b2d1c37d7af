// Safety around a customer's HTML mail: remote images stay blocked until the agent asks (the backend
// fetches them; the page only ever gets data: URLs), links are listed with their real targets and
// open only after a confirmation (phishing tricks are flagged, and refused by the backend), and
// attachments open in the system's program (never programs or scripts) or are saved.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, HTML_TICKET_ID, SHOTS } from './helpers';

const MESSAGE_ID = HTML_TICKET_ID * 100;
const inner = (page: Page) => page.frameLocator('[data-testid="message-html"]');

async function openHtmlTicket(page: Page) {
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${HTML_TICKET_ID}"]`).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(`#${1000 + HTML_TICKET_ID}`);
  await expect(inner(page).locator('body')).toContainText('weekly newsletter');
}

// Uncaught errors and console warnings fail the test.
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

test('remote images load only when asked, as data: URLs, and failures say why', async ({ page, noExternalRequests }) => {
  const app = await boot(page, { seeded: true });
  await openHtmlTicket(page);
  const bar = page.getByTestId('remote-images');
  await expect(bar).toContainText('Remote images are blocked to protect your privacy (3)');
  await expect(bar).toContainText('Load images');

  // Nothing loads before the click: no fetchable src in the frame, nothing left the machine.
  await expect(inner(page).locator('img')).toHaveCount(3);
  await expect(inner(page).locator('img[src]')).toHaveCount(0);
  expect(await app.calls('load_remote_images')).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'remote-images-blocked-en.png') });

  await page.getByTestId('load-images').click();
  await expect(page.getByTestId('remote-images-summary')).toHaveText('2 of 3 images loaded; 1 could not be (details)');
  expect(await app.calls('load_remote_images')).toEqual([{ cmd: 'load_remote_images', args: { messageId: MESSAGE_ID } }]);
  const sources = await inner(page).locator('img[src]').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src') ?? ''));
  expect(sources).toHaveLength(2);
  for (const src of sources) expect(src.startsWith('data:image/png;base64,')).toBe(true);
  // The header image really rendered (the CSP lets data: images in).
  expect(await inner(page).locator('img[alt="Weekly news"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await expect(inner(page).locator('img[alt="Sale banner"]')).not.toHaveAttribute('src', /./);
  const srcdoc = (await page.getByTestId('message-html').getAttribute('srcdoc'))!;
  expect(srcdoc).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);

  await page.getByTestId('remote-images-summary').click();
  await expect(page.getByTestId('remote-image-failure')).toHaveText('https://cdn.example/broken/banner.png — the server answered 404 Not Found');
  await page.screenshot({ path: join(SHOTS, 'remote-images-loaded-en.png') });

  expect(app.external()).toEqual([]);
  expect(noExternalRequests.entries).toEqual([]);
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual([]);

  // Per showing: another ticket and back, and the images are blocked again.
  await page.locator('[data-testid="ticket-row"][data-ticket-id="1"]').click();
  await expect(page.getByTestId('ticket-number')).toHaveText('#1001');
  await openHtmlTicket(page);
  await expect(page.getByTestId('remote-images-blocked')).toBeVisible();
  await expect(inner(page).locator('img[src]')).toHaveCount(0);
});

test('all images loaded says so; a backend failure shows its message', async ({ page }) => {
  await boot(page, { seeded: true });
  await page.evaluate(() =>
    window.__sbFake!.failNext('load_remote_images', { code: 'store', message: 'the message could not be read' }),
  );
  await openHtmlTicket(page);
  await page.getByTestId('load-images').click();
  await expect(page.getByTestId('remote-images-error')).toHaveText('The images could not be loaded: the message could not be read');
  await expect(inner(page).locator('img[src]')).toHaveCount(0);
});

test('links list their real targets, flag phishing, and open only after a confirmation', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openHtmlTicket(page);
  const list = page.getByTestId('message-links');
  await expect(list.locator('summary')).toHaveText('Links (4)');
  const links = page.getByTestId('message-link');
  await expect(links.first()).toBeHidden();
  await list.locator('summary').click();
  await expect(links).toHaveCount(4);

  const [normal, deceptive, hiddenUser, phone] = [links.nth(0), links.nth(1), links.nth(2), links.nth(3)];
  await expect(normal).toContainText('unsubscribe');
  await expect(normal.getByTestId('link-host')).toHaveText('news.example');
  await expect(normal.getByTestId('link-warning')).toHaveCount(0);
  await expect(deceptive).toContainText('https://news.example/account');
  await expect(deceptive.getByTestId('link-host')).toHaveText('news-account.example');
  await expect(deceptive.getByTestId('link-warning')).toHaveText(
    'Careful: the text looks like another address than where the link really goes (news-account.example)',
  );
  await expect(hiddenUser.getByTestId('link-host')).toHaveText('login.example');
  await expect(hiddenUser.getByTestId('link-warning')).toContainText('hides a user name before its real host login.example');
  await page.screenshot({ path: join(SHOTS, 'message-links-en.png') });

  // Open asks first, showing the full real address; Cancel calls nothing.
  await normal.getByTestId('open-link').click();
  await expect(normal.getByTestId('confirm-link')).toContainText('Open this address in your browser?');
  await expect(normal.getByTestId('confirm-link-url')).toHaveText('https://news.example/unsubscribe?u=42&list=weekly');
  await normal.getByRole('button', { name: 'Cancel' }).click();
  await expect(normal.getByTestId('confirm-link')).toHaveCount(0);
  expect(await app.calls('open_link')).toEqual([]);

  await deceptive.getByTestId('open-link').click();
  await expect(deceptive.getByTestId('confirm-link-url')).toHaveText('https://news-account.example/login');
  await deceptive.getByTestId('confirm-open-link').click();
  await expect(deceptive.getByTestId('confirm-link')).toHaveCount(0);
  expect(await app.calls('open_link')).toEqual([{ cmd: 'open_link', args: { url: 'https://news-account.example/login' } }]);
  await expect(deceptive.getByTestId('link-refused')).toHaveCount(0);

  // The backend refuses a hidden user name and other kinds of links; its reason shows.
  await hiddenUser.getByTestId('open-link').click();
  await hiddenUser.getByTestId('confirm-open-link').click();
  await expect(hiddenUser.getByTestId('link-refused')).toHaveText(
    "Not opened: 'https://news.example@login.example/verify' hides a user name before its real host, a phishing trick; it is not opened",
  );
  await phone.getByTestId('open-link').click();
  await phone.getByTestId('confirm-open-link').click();
  await expect(phone.getByTestId('link-refused')).toHaveText("Not opened: links of the kind 'tel:' are not opened from a customer's message");
  await page.screenshot({ path: join(SHOTS, 'message-links-refused-en.png') });

  // javascript: links never survive the backend's sanitizer; should one be asked for, it is refused too.
  const refusal = await page.evaluate(async () => {
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string, args: unknown): Promise<unknown> } }).__TAURI_INTERNALS__;
    return internals.invoke('open_link', { url: 'javascript:alert(1)' }).then(
      () => null,
      (e: { message: string }) => e.message,
    );
  });
  expect(refusal).toBe("links of the kind 'javascript:' are not opened from a customer's message");
});

test('attachments open or save; programs and scripts can only be saved', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openHtmlTicket(page);
  const chip = (name: string) => page.locator(`[data-testid="attachment"][data-filename="${name}"]`);
  await expect(page.getByTestId('attachment')).toHaveCount(3);

  // The SVG is a chip like any other file, never drawn in the page.
  await expect(page.locator('img[src*="svg"], object, embed')).toHaveCount(0);
  await expect(inner(page).locator('svg, object, embed')).toHaveCount(0);

  await chip('newsletter-screenshot.pdf').getByTestId('open-attachment').click();
  await expect.poll(() => app.calls('open_attachment')).toEqual([{ cmd: 'open_attachment', args: { attachmentId: HTML_TICKET_ID * 10 + 5 } }]);
  await expect(chip('newsletter-screenshot.pdf').getByTestId('attachment-error')).toHaveCount(0);

  const program = chip('unsubscribe-tool.exe');
  await expect(program.getByTestId('open-attachment')).toHaveCount(0);
  await expect(program.getByTestId('attachment-runnable')).toHaveAttribute('title', 'A program or script: it can only be saved');
  await program.getByTestId('save-attachment').click();
  await expect(program.getByTestId('attachment-saved')).toHaveText('Saved to /home/agent/Downloads/unsubscribe-tool.exe');
  expect(await app.calls('save_attachment')).toEqual([{ cmd: 'save_attachment', args: { attachmentId: HTML_TICKET_ID * 10 + 6 } }]);
  await page.screenshot({ path: join(SHOTS, 'message-attachments-en.png') });

  // The backend's refusal shows on the chip, should it come (the UI does not offer Open for these).
  await page.evaluate(() =>
    window.__sbFake!.failNext('open_attachment', {
      code: 'invalid_input',
      message: "'logo.svg' could not be opened: no program for it",
    }),
  );
  await chip('logo.svg').getByTestId('open-attachment').click();
  await expect(chip('logo.svg').getByTestId('attachment-error')).toHaveText("'logo.svg' could not be opened: no program for it");
  const refusal = await page.evaluate(async (id) => {
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke(cmd: string, args: unknown): Promise<unknown> } }).__TAURI_INTERNALS__;
    return internals.invoke('open_attachment', { attachmentId: id }).then(
      () => null,
      (e: { message: string }) => e.message,
    );
  }, HTML_TICKET_ID * 10 + 6);
  expect(refusal).toBe("'unsubscribe-tool.exe' is a program or script and is not opened from a customer's message; save it instead if you must");

  // A failed save shows the backend's reason.
  await page.evaluate(() => window.__sbFake!.failNext('save_attachment', { code: 'io', message: 'the disk is full' }));
  await chip('logo.svg').getByTestId('save-attachment').click();
  await expect(chip('logo.svg').getByTestId('attachment-error')).toHaveText('the disk is full');
});

test('in Simplified Chinese, and in the dark theme', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await openHtmlTicket(page);
  await expect(page.getByTestId('remote-images')).toContainText('为保护您的隐私，已阻止远程图片（3）');
  await page.screenshot({ path: join(SHOTS, 'remote-images-blocked-zh-CN.png') });
  await page.getByTestId('load-images').click();
  await expect(page.getByTestId('remote-images-summary')).toHaveText('已加载 3 张图片中的 2 张；1 张无法加载 （详情）');
  await page.getByTestId('message-links').locator('summary').click();
  await expect(page.getByTestId('message-links').locator('summary')).toHaveText('链接（4）');
  await expect(page.getByTestId('link-warning').first()).toHaveText('注意：链接文字看起来是另一个地址，实际却指向 news-account.example');
  await page.getByTestId('message-link').first().getByTestId('open-link').click();
  await expect(page.getByTestId('confirm-link')).toContainText('要在浏览器中打开此地址吗？');
  await page.locator('[data-filename="unsubscribe-tool.exe"]').getByTestId('save-attachment').click();
  await expect(page.getByTestId('attachment-saved')).toHaveText('已保存到 /home/agent/Downloads/unsubscribe-tool.exe');
  await page.screenshot({ path: join(SHOTS, 'message-safety-zh-CN.png'), fullPage: true });

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300); // the buttons' colour transition
  await page.screenshot({ path: join(SHOTS, 'message-safety-dark-zh-CN.png'), fullPage: true });
});

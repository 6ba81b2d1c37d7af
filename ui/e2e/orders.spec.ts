// Settings → Customers & orders: a shop's CSV export imported (Shopify, WooCommerce, or any CSV with
// its columns named), the progress while the backend reads it, the summary with the rows it could not
// use, and the backend's refusal in plain words; the imported orders reach the ticket's sidebar.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { boot, SHOTS } from './helpers';

const sheet = (page: Page) => page.getByTestId('orders');
const EXPORT = '/home/agent/Downloads/orders_export.csv';

async function openSheet(page: Page) {
  await page.getByTestId('open-orders').click();
  await expect(sheet(page)).toBeVisible();
}

/** The path the system's open dialog answers with next (null: the agent cancels it). */
async function nextPick(page: Page, path: string | null) {
  await page.evaluate((p) => ((window as unknown as { __sbNextPick: string | null }).__sbNextPick = p), path);
}

test('a Shopify export imports with progress, then the summary and the rows it could not use', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openSheet(page);
  await expect(sheet(page).getByRole('heading', { name: 'Customers & orders' })).toBeVisible();
  await expect(page.getByTestId('orders-format-shopify')).toBeChecked();
  await expect(page.getByTestId('orders-import')).toBeDisabled();

  // Cancelling the dialog changes nothing.
  await nextPick(page, null);
  await page.getByTestId('orders-choose').click();
  await expect(page.getByTestId('orders-file')).toHaveText('No file chosen');
  await nextPick(page, EXPORT);
  await page.getByTestId('orders-choose').click();
  await expect(page.getByTestId('orders-file')).toHaveText('orders_export.csv');
  await expect(page.getByTestId('orders-choose')).toHaveText('Choose another file…');

  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-progress')).toHaveText('Reading orders_export.csv; large exports take a moment.');
  await expect(page.getByTestId('orders-import')).toHaveText('Importing…');
  await expect(page.getByTestId('orders-summary')).toBeVisible();
  await expect(page.getByTestId('orders-progress')).toHaveCount(0);
  await expect(page.getByTestId('orders-count')).toHaveText('128');
  await expect(page.getByTestId('orders-customers')).toHaveText('17');
  await expect(page.getByTestId('orders-skipped')).toHaveText('3');
  await expect(page.getByTestId('orders-problems').locator('li')).toHaveText([
    "line 14: '31/02/2026' is not a date",
    "line 57: 'twelve' is not an amount",
    'order #1187 has no email or phone',
  ]);
  expect((await app.calls('import_orders')).map((c) => c.args)).toEqual([{ path: EXPORT, format: { kind: 'shopify' } }]);
  await page.screenshot({ path: join(SHOTS, 'orders-import-en.png') });

  // Bob's new order now shows beside his ticket.
  await page.keyboard.press('Escape');
  await expect(sheet(page)).toHaveCount(0);
  await page.locator('[data-testid="ticket-row"][data-ticket-id="9"]').click();
  await expect(page.getByTestId('customer-order')).toHaveCount(1);
  await expect(page.getByTestId('customer-order')).toHaveAttribute('data-number', '#2104');
});

test('the wrong format and a bad column mapping are refused in plain words; a good mapping imports', async ({ page }) => {
  const app = await boot(page, { seeded: true });
  await openSheet(page);
  await page.getByTestId('orders-choose').click();
  await page.getByTestId('orders-format-woocommerce').check();
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-error')).toHaveText(
    'The import failed: No order number column (looked for order_number, Order Number, order_id, Order ID); is this a woocommerce export?',
  );

  // Other CSV: the required columns are asked for before anything is sent.
  await page.getByTestId('orders-format-mapped').check();
  await expect(page.getByTestId('orders-error')).toHaveCount(0);
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-form-problem')).toHaveText('Name the columns for the order number and the order date.');
  await page.getByTestId('map-number').fill('Order No');
  await page.getByTestId('map-placed_at').fill('Created at');
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-form-problem')).toHaveText(
    'Name the column for the customer’s email or phone: without one, orders cannot be linked to customers.',
  );
  await page.getByTestId('map-email').fill('Email');
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-error')).toHaveText('The import failed: No order number column (looked for Order No); is this a csv export?');
  await page.screenshot({ path: join(SHOTS, 'orders-import-error-en.png') });

  await page.getByTestId('map-number').fill('Name');
  await page.getByTestId('map-total').fill('Total');
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-count')).toHaveText('128');
  const calls = (await app.calls('import_orders')).map((c) => c.args);
  expect(calls.at(-1)).toEqual({
    path: EXPORT,
    format: {
      kind: 'mapped',
      mapping: { number: 'Name', placed_at: 'Created at', email: 'Email', phone: null, customer_name: null, status: null, fulfillment_status: null, total: 'Total', currency: null, item_name: null, item_quantity: null, item_price: null },
    },
  });
});

test('a file that cannot be read says so', async ({ page }) => {
  await boot(page, { seeded: true });
  await openSheet(page);
  await nextPick(page, '/home/agent/Downloads/gone.csv');
  await page.getByTestId('orders-choose').click();
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-error')).toHaveText(
    'The import failed: Cannot read /home/agent/Downloads/gone.csv: No such file or directory (os error 2)',
  );
});

test('the import screen in Chinese', async ({ page }) => {
  await boot(page, { seeded: true }, { locale: 'zh-CN' });
  await openSheet(page);
  await page.getByTestId('orders-format-mapped').check();
  await page.getByTestId('orders-choose').click();
  await page.getByTestId('map-number').fill('Name');
  await page.getByTestId('map-placed_at').fill('Created at');
  await page.getByTestId('map-email').fill('Email');
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-summary')).toContainText('导入的订单');
  await page.screenshot({ path: join(SHOTS, 'orders-import-zh.png') });
});

test('the command palette opens the import', async ({ page }) => {
  await boot(page, { seeded: true });
  await page.locator('body').press('Control+k');
  await page.keyboard.type('import orders');
  await page.keyboard.press('Enter');
  await expect(sheet(page)).toBeVisible();
  await page.getByTestId('close-orders').click();
  await expect(sheet(page)).toHaveCount(0);
});

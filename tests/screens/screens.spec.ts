import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

// Every page of the commune (French) at a phone's and a desktop's width, whole,
// in one folder: the product as a person sees it. Run by scripts/screenshots.sh.

const OUT = process.env.MANDAT_SCREENSHOTS ?? 'target/screenshots';
const WIDTHS = [375, 1280];

/** Name, path, and the hospital's order 2002 paid by mandate for its upload zone. */
const PAGES: [string, string][] = [
  ['orders', '/'],
  ['checkout-1001', '/orders/1001/checkout'],
  ['checkout-1003-mandate-under-review', '/orders/1003/checkout'],
  ['mandate-1003-under-review', '/orders/1003/mandate'],
  ['mandate-1004-rejected', '/orders/1004/mandate'],
  ['invoices', '/invoices'],
  ['invoice-FR1000001-awaiting-validation', '/invoices/FR1000001'],
  ['invoice-FR1000002-completed', '/invoices/FR1000002'],
  ['invoice-FR1000003-suspended', '/invoices/FR1000003'],
  ['invoice-FR1000004-a-recycler', '/invoices/FR1000004'],
  ['invoice-FR1000005-rejected', '/invoices/FR1000005'],
  ['invoice-FR1000006-paid-on-time', '/invoices/FR1000006'],
  ['invoice-FR1000007-overdue', '/invoices/FR1000007'],
  ['invoice-FR1000012-paid-late', '/invoices/FR1000012'],
  ['invoice-unknown', '/invoices/FR9999999'],
  ['renewals', '/renewals'],
  ['not-found', '/nowhere'],
  ['host-checkout', '/host/?view=checkout&orderId=1001'],
  ['host-invoice', '/host/?view=invoice&billId=FR1000003'],
];

test('screenshots of every page of the commune at 375 and 1280 px', async ({ page, request }) => {
  test.setTimeout(300_000);
  mkdirSync(OUT, { recursive: true });
  expect((await request.post('/sandbox/reset')).ok()).toBeTruthy();
  await page.goto('/sandbox/login?account=commune&next=/');
  for (const [name, path] of PAGES) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      if (path.startsWith('/host/')) {
        await expect(page.locator('body')).toHaveAttribute('data-mounted', '');
      }
      await expect(page.locator('.mandat-main h1, .mandat-main h2').first()).toBeVisible();
      await expect(page.locator('.mandat-loading')).toHaveCount(0);
      await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: true });
    }
  }
});

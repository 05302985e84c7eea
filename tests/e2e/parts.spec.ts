import type { Page, Request } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, signIn } from './fixtures';

// The release build is split (scripts/split.mjs): the payment step is the first
// part; each other view comes in its own part, fetched when first needed.

/** Every part of the bundle the page asked for, by name (`split_invoices_part`, `chunk_12`). */
function partsRequested(page: Page): string[] {
  const parts: string[] = [];
  page.on('request', (request: Request) => {
    const name = /mandat-[0-9a-f]+-(\w+)\.wasm$/.exec(new URL(request.url()).pathname)?.[1];
    if (name) parts.push(name);
  });
  return parts;
}

const views = ['split_orders_part', 'split_mandate_part', 'split_invoices_part', 'split_invoice_part', 'split_renewals_part'];

test('the payment step fetches no other view’s code before its methods are usable', async ({ page }) => {
  // The moment the methods are in the page, on the page's own clock.
  await page.addInitScript(() => {
    const look = () => {
      if (document.querySelector('input[type="radio"]')) (window as any).__methodsAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await signIn(page, 'commune', '/orders/1001/checkout');
  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const { methodsAt, wasm } = await page.evaluate(() => ({
    methodsAt: (window as any).__methodsAt as number,
    wasm: performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm'))
      .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
  }));
  const main = wasm.filter((w) => /mandat-[0-9a-f]+_bg\.wasm$/.test(w.name));
  expect(main).toHaveLength(1);
  const early = wasm.filter((w) => !main.includes(w) && w.start < methodsAt).map((w) => w.name);
  expect(early, 'other parts asked for before the payment methods were shown').toEqual([]);
});

test('embedded, a host that shows only the checkout gets only the first part', async ({ page }) => {
  const parts = partsRequested(page);
  await signIn(page, 'commune', '/host/?view=checkout&orderId=1001');
  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Still nothing once the page has been idle: only a view shown, or a link
  // pointed at, brings its part.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null))));
  await page.waitForLoadState('networkidle');
  expect(parts).toEqual([]);
});

test('a view’s part is fetched once: when a link to it is pointed at, not again when it is shown or shown again', async ({ page }) => {
  const parts = partsRequested(page);
  await signIn(page, 'commune', '/orders/1001/checkout');
  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The renewals are not among the parts fetched when the browser is idle.
  expect(parts.filter((p) => p === 'split_renewals_part')).toEqual([]);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Renouvellements' }).hover();
  await expect.poll(() => parts.filter((p) => p === 'split_renewals_part').length).toBe(1);
  await nav.getByRole('link', { name: 'Renouvellements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renouvellements' })).toBeVisible();
  await nav.getByRole('link', { name: 'Mes factures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes factures' })).toBeVisible();
  await nav.getByRole('link', { name: 'Renouvellements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renouvellements' })).toBeVisible();
  for (const view of views) {
    expect(parts.filter((p) => p === view).length, view).toBeLessThanOrEqual(1);
  }
  expect(parts.filter((p) => p === 'split_renewals_part')).toHaveLength(1);
});

test('standalone, once the checkout is idle the next step’s part is fetched ahead', async ({ page }) => {
  const parts = partsRequested(page);
  await signIn(page, 'commune', '/orders/1001/checkout');
  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeVisible();
  await expect.poll(() => parts).toContain('split_mandate_part');
});

test('opened directly on another view, its part comes with the page, once', async ({ page }) => {
  const parts = partsRequested(page);
  await signIn(page, 'commune', '/invoices');
  await expect(page.getByTestId('invoice-row').first()).toBeVisible();
  expect(parts.filter((p) => p === 'split_invoices_part')).toHaveLength(1);
  expect(parts).not.toContain('split_renewals_part');
});

test('a part that does not arrive is asked for again, then said with « Réessayer », which brings it', async ({ page, consoleErrors }) => {
  // As after a deploy that replaced the files under an open page: the
  // renewals' part is gone from the server (404), then back.
  const dist = path.resolve('dist');
  const part = fs.readdirSync(dist).find((f) => /^mandat-[0-9a-f]+-split_renewals_part\.wasm$/.test(f))!;
  const hidden = path.join(dist, `.${part}.away`);
  const parts = partsRequested(page);
  await signIn(page, 'commune', '/invoices');
  await expect(page.getByTestId('invoice-row').first()).toBeVisible();
  fs.renameSync(path.join(dist, part), hidden);
  try {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Renouvellements' }).click();
    const missing = page.getByTestId('part-missing');
    await expect(missing).toContainText('Cette page n’a pas pu être chargée');
    // Three attempts in all: the first and two more.
    expect(parts.filter((p) => p === 'split_renewals_part').length).toBeGreaterThanOrEqual(3);
    // The rest of the app still answers.
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  } finally {
    fs.renameSync(hidden, path.join(dist, part));
  }
  await page.getByTestId('part-missing').getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renouvellements' })).toBeVisible();
  await expect(page.getByTestId('part-missing')).toHaveCount(0);
  // The loader said each failed attempt in the console: those, and only those.
  const said = consoleErrors.filter((e) => /split_renewals_part|WebAssembly|Failed to load/.test(e)).length;
  expect(said).toBeGreaterThan(0);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/split_renewals_part|WebAssembly|Failed to load/.test(e)));
});

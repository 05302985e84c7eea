import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';

// Demo data from the sandbox seed (README, "Demo accounts").
const ORDER = 1001;
const CHECKOUT_DATA = [
  `/api/me/order/${ORDER}`,
  `/api/me/order/${ORDER}/details`,
  `/api/me/order/${ORDER}/paymentMethods`,
  '/api/me/chorus',
];

/**
 * Holds the app's wasm back until every path of `data` has been asked of the
 * API (10 s at most): the page's data must not wait for the app's code.
 * Returns the API paths asked, in order, and whether the wasm was held until
 * the data had left.
 */
async function holdCodeUntilData(page: Page, data: string[]) {
  const asked: string[] = [];
  let dataLeft = () => {};
  const left = new Promise<boolean>((resolve) => (dataLeft = () => resolve(true)));
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith('/api/')) return;
    asked.push(path);
    if (data.every((p) => asked.includes(p))) dataLeft();
  });
  let heldUntilData = false;
  await page.route('**/*_bg.wasm', async (route) => {
    heldUntilData = await Promise.race([left, new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    await route.continue();
  });
  return { asked, heldUntilData: () => heldUntilData };
}

function duplicates(paths: string[]) {
  return paths.filter((p, i) => paths.indexOf(p) !== i);
}

test("the checkout's data is asked for while the app's code is on its way, and only once", async ({ page }) => {
  const load = await holdCodeUntilData(page, CHECKOUT_DATA);
  await signIn(page, 'commune', `/orders/${ORDER}/checkout`);
  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeVisible();
  expect(load.heldUntilData(), 'every request of the page left before its code arrived').toBe(true);
  for (const path of CHECKOUT_DATA) expect(load.asked, path).toContain(path);
  expect(duplicates(load.asked)).toEqual([]);
});

test("embedded, the view's data is asked for beside the app's code, and only once", async ({ page }) => {
  const load = await holdCodeUntilData(page, CHECKOUT_DATA);
  await signIn(page, 'commune', `/host/?view=checkout&orderId=${ORDER}`);
  const slot = page.getByTestId('host-slot');
  await expect(slot.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeVisible();
  expect(load.heldUntilData(), 'every request of the view left before its code arrived').toBe(true);
  expect(duplicates(load.asked)).toEqual([]);
});

test('an order the API is briefly too busy to give on the first try still shows, asked again by the app', async ({ page }) => {
  let refused = 0;
  await page.route(`**/api/me/order/${ORDER}`, (route) => {
    if (refused++ === 0) {
      return route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"busy"}' });
    }
    return route.continue();
  });
  await signIn(page, 'commune', `/orders/${ORDER}/checkout`);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(refused).toBe(2);
});

import type { Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, acceptNetworkErrors, euros } from './fixtures';

// Demo data from the sandbox seed (README, "Demo accounts").
const COMMUNE_ORDER = 1001;
const HOSPITAL_ORDER = 2001;

test('the commune sees its order lines and fr-FR totals on the checkout page', async ({ page }) => {
  await signIn(page, 'commune', `/orders/${COMMUNE_ORDER}/checkout`);
  const order = await (await page.request.get(`/api/me/order/${COMMUNE_ORDER}`)).json();
  const details = await (await page.request.get(`/api/me/order/${COMMUNE_ORDER}/details`)).json();
  expect(details.length).toBeGreaterThan(1);

  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(COMMUNE_ORDER));
  const table = page.getByRole('table');
  for (const line of details) {
    const row = table.getByRole('row').filter({ hasText: line.description });
    await expect(row).toContainText(euros(line.totalPrice.value));
  }
  const main = page.getByRole('main');
  await expect(main).toContainText(euros(order.priceWithoutTax.value));
  await expect(main).toContainText(euros(order.tax.value));
  await expect(main).toContainText(euros(order.priceWithTax.value));
  await expect(page).toHaveTitle(/.+/);
  await expectNoAxeViolations(page);
});

test('every page of the app loads directly by its URL', async ({ page }) => {
  await signIn(page, 'commune', '/');
  for (const path of ['/', `/orders/${COMMUNE_ORDER}/checkout`, `/orders/${COMMUNE_ORDER}/mandate`, '/invoices', '/renewals']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
  }
});

test('the home page lists the account orders with links to their checkout', async ({ page }) => {
  await signIn(page, 'hopital', '/');
  await page.getByRole('link', { name: new RegExp(String(HOSPITAL_ORDER)) }).first().click();
  await expect(page).toHaveURL(new RegExp(`/orders/${HOSPITAL_ORDER}/`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(HOSPITAL_ORDER));
});

test("another account's order is shown as not found", async ({ page }) => {
  await signIn(page, 'entreprise', `/orders/${COMMUNE_ORDER}/checkout`);
  await expect(page.getByRole('alert')).toContainText('Commande introuvable');
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('without a session the page says the session has expired', async ({ page }) => {
  await page.goto(`/orders/${COMMUNE_ORDER}/checkout`);
  await expect(page.getByRole('alert')).toContainText('Votre session a expiré');
});

test('the API is unreachable, then back: retrying shows the order', async ({ page, consoleErrors }) => {
  await signIn(page, 'commune', '/');
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.goto(`/orders/${COMMUNE_ORDER}/checkout`);
  await expect(page.getByRole('alert')).toContainText('Le service est injoignable');
  await page.unroute('**/api/**');
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The browser reports each refused request (the order and its lines); nothing else is allowed.
  expect(acceptNetworkErrors(consoleErrors, /net::ERR_CONNECTION_REFUSED/)).toBeGreaterThanOrEqual(1);
});

test('a response that breaks the contract gives a clear message, not a crash', async ({ page }) => {
  await signIn(page, 'commune', '/');
  await page.route(`**/api/me/order/${COMMUNE_ORDER}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"orderId":"oops"}' }),
  );
  await page.goto(`/orders/${COMMUNE_ORDER}/checkout`);
  await expect(page.getByRole('alert')).toContainText('Réponse illisible du service');
});

test('the app and the demo host page have their icon, and a page load asks for nothing missing', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(new URL(r.url()).pathname);
  });
  for (const [account, path] of [
    ['commune', '/'],
    ['commune', '/orders/1003/mandate'],
    ['entreprise', '/orders/3001/checkout'],
    ['commune', '/host/?view=invoices'],
  ]) {
    await signIn(page, account, path);
    await expect(page.locator('main, #panel-main').first()).toBeVisible();
    const icon = await page.locator('link[rel=icon]').getAttribute('href');
    const answer = await page.request.get(icon!);
    expect(answer.status(), `${path}: ${icon}`).toBe(200);
    expect(answer.headers()['content-type']).toContain('image/svg+xml');
  }
  // The mandate's state has a drawn icon, not a character a font may lack.
  await signIn(page, 'commune', '/orders/1003/mandate');
  await expect(page.getByTestId('mandate-state-icon')).toBeVisible();
  expect(missing).toEqual([]);
});

test('the orders page is a to-do list: each order in words, only the actions that apply, what waits for the buyer first', async ({ page }) => {
  // The seeded orders, whatever the specs before this one paid.
  expect((await page.request.post('/sandbox/reset')).status()).toBe(204);
  await signIn(page, 'commune', '/');
  const rows = page.getByTestId('order-row');
  await expect(rows.first()).toBeVisible();
  const states = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-order'), tr.getAttribute('data-state')]));
  // The refused mandate first, then the orders to pay, then the one under review, then the delivered.
  expect(states.slice(0, 4)).toEqual([
    ['1004', 'send-new-mandate'],
    ['1002', 'pay'],
    ['1001', 'pay'],
    ['1003', 'mandate-under-review'],
  ]);
  expect(states.slice(4).every(([, state]) => state === 'delivered')).toBe(true);

  const row = (id: number) => rows.filter({ has: page.locator(`th:text("n° ${id}")`) });
  await expect(row(1004).getByTestId('order-state')).toHaveText('Mandat refusé : envoyez-en un nouveau');
  await expect(row(1004).getByRole('link')).toHaveText([`Mandat de la commande n° 1004`]);
  // Its mandate to send again: the order still expires, the row and the to-do list say when.
  const expiry = row(1004).locator('td').nth(3).locator('time');
  await expect(expiry).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  const expiryDay = (await expiry.getAttribute('datetime'))!.slice(0, 10);
  await expect(todoItem(page, 'send-new-mandate', '1004').getByTestId('todo-date').locator('time')).toHaveAttribute(
    'datetime',
    expiryDay,
  );
  // Unpaid: its expiry date, and the checkout only.
  await expect(row(1001).getByTestId('order-state')).toHaveText('À payer');
  await expect(row(1001).locator('td').nth(3)).toContainText('2026');
  await expect(row(1001).getByRole('link')).toHaveText([`Payer la commande n° 1001`]);
  await expect(row(1003).getByRole('link')).toHaveText([`Mandat de la commande n° 1003`]);
  // Delivered: nothing to do, no action offered.
  await expect(row(1101).getByTestId('order-state')).toHaveText('Livrée');
  await expect(row(1101).getByRole('link')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Mandat de la commande n° 1004' }).click();
  await expect(page).toHaveURL(/\/orders\/1004\/mandate$/);
});

/** The entry of the to-do list on `/` of this kind, about this order, invoice or renewal. */
function todoItem(page: Page, kind: string, subject: string) {
  return page.locator(`[data-testid=todo-item][data-kind=${kind}][data-subject="${subject}"]`);
}

test('the to-do list on / has the invoices waiting for the buyer, each with the link to where it is done', async ({ page }) => {
  // The seeded invoices, whatever the specs before this one did to them.
  expect((await page.request.post('/sandbox/reset')).status()).toBe(204);
  await signIn(page, 'commune', '/');
  await expect(page.getByRole('heading', { level: 2, name: 'À faire' })).toBeVisible();
  await expect(todoItem(page, 'send-documents', 'FR1000003').getByTestId('todo-what')).toHaveText(
    'Facture FR1000003 suspendue : les pièces demandées sont à envoyer',
  );
  await expect(todoItem(page, 'correct-routing', 'FR1000004').getByTestId('todo-what')).toHaveText(
    'Facture FR1000004 à recycler : son acheminement est à corriger',
  );
  // The interest and indemnity, by the day the API's deadline says they are due.
  const interest = todoItem(page, 'pay-late-interest', 'FR1000012');
  await expect(interest.getByTestId('todo-what')).toHaveText(
    'Facture FR1000012 payée en retard : les intérêts moratoires et l’indemnité forfaitaire de 40 € sont dus',
  );
  const { deadline } = await (await page.request.get('/api/me/bill/FR1000012')).json();
  expect(deadline.state).toBe('paidLate');
  await expect(interest.getByTestId('todo-date').locator('time')).toHaveAttribute('datetime', deadline.payBy);
  const owed = (deadline.interest.interestCents + deadline.interest.indemnityCents) / 100;
  await expect(interest.getByTestId('todo-amount')).toHaveText(`Montant : ${euros(owed)}`);
  // Awaiting validation, rejected, paid on time: nothing for the buyer to do.
  for (const id of ['FR1000001', 'FR1000005', 'FR1000006']) {
    await expect(page.locator(`[data-testid=todo-item][data-subject=${id}]`), id).toHaveCount(0);
  }
  await expectNoAxeViolations(page);

  for (const [kind, id, action] of [
    ['send-documents', 'FR1000003', 'Envoyer les pièces'],
    ['correct-routing', 'FR1000004', 'Corriger l’acheminement'],
    ['pay-late-interest', 'FR1000012', 'Voir les intérêts dus'],
  ]) {
    await page.goto('/');
    await todoItem(page, kind, id).getByRole('link', { name: action }).click();
    await expect(page).toHaveURL(new RegExp(`/invoices/${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(id);
  }
});

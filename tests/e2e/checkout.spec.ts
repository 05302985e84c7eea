import { test, expect, signIn, expectNoAxeViolations, acceptNetworkErrors } from './fixtures';
import type { APIRequestContext, Page } from '@playwright/test';

// Demo data from the sandbox seed (README, "Demo accounts").
const COMMUNE_SIRET = '21445012400018';
const COMMUNE_ORDER = 1001;
const COMMUNE_SECOND_ORDER = 1002;
const HOSPITAL_ORDER = 2001;
const COMPANY_ORDER = 3001;
// Passes the checksum, but no Chorus Pro structure has it.
const UNKNOWN_SIRET = '732 829 320 00074';
const PAID_BY_MANDATE = 'Paiement par mandat administratif';

/** Every test starts from the seed, so that the orders it pays are unpaid. */
test.beforeEach(async ({ request }) => {
  expect((await request.post('/sandbox/reset')).status()).toBe(204);
});

async function openCheckout(page: Page, account: string, orderId: number) {
  await signIn(page, account, `/orders/${orderId}/checkout`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paiement de la commande n° ${orderId}`);
}

async function chooseMandate(page: Page) {
  await page.getByRole('radio', { name: /Payer par mandat administratif/ }).check();
  await expect(page.getByTestId('chorus-fields')).toBeVisible();
}

/** How many times the API recorded a payment by mandate for the order. */
async function mandatePayments(request: APIRequestContext, orderId: number): Promise<number> {
  const followUp = await (await request.get(`/api/me/order/${orderId}/followUp`)).json();
  return followUp.history.filter((event: { label: string }) => event.label === PAID_BY_MANDATE).length;
}

test('the commune pays by mandate, routed to the right code service', async ({ page }) => {
  await openCheckout(page, 'commune', COMMUNE_ORDER);
  const methods = page.getByRole('radio');
  for (const radio of await methods.all()) await expect(radio).not.toBeChecked();

  await expect(page.getByTestId('tripartite-note')).toContainText('convention tripartite');
  // The guide's prerequisites, where the mandate is offered.
  await expect(page.getByText(/Il faut un compte Chorus Pro pour la valider, et que votre compte client soit déclaré comme administration publique/)).toBeVisible();
  await chooseMandate(page);
  const siret = page.getByLabel('SIRET de la structure à facturer');
  await expect(siret).toHaveValue(/214\s?450\s?124\s?00018/);
  await siret.focus();
  await siret.blur();
  await expect(page.getByTestId('siret-status')).toContainText('Structure trouvée');
  const codeService = page.getByLabel('Code service');
  // Only active services are offered, and never the reserved one.
  await expect(codeService.locator('option[value="SERV-INFO"]')).toHaveCount(0);
  await expect(codeService.locator('option[value="FACTURES_PUBLIQUES"]')).toHaveCount(0);
  await codeService.selectOption('SERV-FIN');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  const confirmation = page.getByTestId('payment-confirmation');
  await expect(confirmation).toContainText('Paiement par mandat administratif enregistré');
  await expect(confirmation).toContainText('Prochaines étapes');
  await expect(page.getByTestId('mandate-upload-link')).toHaveAttribute('href', `/orders/${COMMUNE_ORDER}/mandate`);
  await expectNoAxeViolations(page);

  const mandate = await (await page.request.get(`/api/me/order/${COMMUNE_ORDER}/mandate`)).json();
  expect(mandate.siret).toBe(COMMUNE_SIRET);
  expect(mandate.codeService).toBe('SERV-FIN');
  expect(mandate.state).toBe('awaitingDocument');
  expect(await (await page.request.get(`/api/me/order/${COMMUNE_ORDER}/status`)).json()).toBe('documentsRequested');
  expect(await mandatePayments(page.request, COMMUNE_ORDER)).toBe(1);

  // The e-mail the journey promises: named on the confirmation, in the outbox once.
  const me = await (await page.request.get('/api/me')).json();
  await expect(page.getByTestId('confirm-email')).toHaveText(
    `Un e-mail avec le formulaire pré-rempli et la marche à suivre vient d’être envoyé à ${me.email}.`,
  );
  const mails = await (await page.request.get('/sandbox/outbox?account=commune')).json();
  const about = mails.filter((m: { orderId: number }) => m.orderId === COMMUNE_ORDER);
  expect(about).toHaveLength(1);
  expect(about[0].to).toBe(me.email);
  expect(about[0].text).toContain(`/api/me/order/${COMMUNE_ORDER}/mandate/form`);
  await page.goto('/sandbox/outbox/');
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(String(COMMUNE_ORDER));
});

test('the hospital is asked for its numéro d’engagement, not for a code service', async ({ page }) => {
  await openCheckout(page, 'hopital', HOSPITAL_ORDER);
  await chooseMandate(page);
  await expect(page.getByLabel('Code service')).toHaveCount(0);
  const engagement = page.getByLabel('Numéro d’engagement');
  await expect(engagement).toBeVisible();

  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  const message = 'Indiquez le numéro d’engagement fourni par votre service financier.';
  await expect(summary).toContainText(message);
  await expect(page.locator('#mandat-engagement-error')).toContainText(message);
  await expect(engagement).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: message }).click();
  await expect(engagement).toBeFocused();

  await engagement.fill('EJ-2026-000042');
  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  await expect(page.getByTestId('payment-confirmation')).toBeVisible();
  const mandate = await (await page.request.get(`/api/me/order/${HOSPITAL_ORDER}/mandate`)).json();
  expect(mandate.numeroEngagement).toBe('EJ-2026-000042');
});

test('the private company sees why the mandate is unavailable, as text with the fix', async ({ page }) => {
  // Nothing the browser would log: the company has no Chorus structure, a plain null.
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await openCheckout(page, 'entreprise', COMPANY_ORDER);
  await expect(page.getByRole('radio').first()).toBeVisible();
  await expect(page.getByRole('radio', { name: /mandat administratif/ })).toHaveCount(0);
  const unavailable = page.getByTestId('mandate-unavailable');
  await expect(unavailable).toContainText('non disponible pour ce compte');
  await expect(unavailable.getByRole('link')).toHaveCount(1);
  // The tripartite convention is for public bodies: not offered to a company.
  await expect(page.getByTestId('tripartite-note')).toHaveCount(0);
  // At 1280 px, beside the payment step, the order's table shows every column
  // without scrolling: the last one with its amounts in euros.
  expect(page.viewportSize()?.width).toBe(1280);
  const wrap = page.getByTestId('order-summary').locator('.mandat-table-wrap');
  expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(wrap.locator('tbody tr').first().locator('td').last()).toHaveText(/€$/);
  expect(failed).toEqual([]);
  await expectNoAxeViolations(page);
});

test('an invalid SIRET is explained as the field is left, and nothing typed is lost', async ({ page }) => {
  await openCheckout(page, 'commune', COMMUNE_ORDER);
  await chooseMandate(page);
  await page.getByLabel('Code service').selectOption('SERV-FIN');
  const siret = page.getByLabel('SIRET de la structure à facturer');
  const error = page.locator('#mandat-siret-error');

  await siret.fill('214 450 123 00011');
  await siret.blur();
  await expect(error).toHaveText(/un chiffre a peut-être été mal recopié/);
  await expect(siret).toHaveAttribute('aria-invalid', 'true');

  await siret.fill('214 450 123');
  await siret.blur();
  await expect(error).toHaveText(/14 chiffres/);

  await siret.fill('214 45O 123 00010');
  await siret.blur();
  await expect(error).toHaveText(/ne contient que des chiffres/);

  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByTestId('error-summary')).toContainText('ne contient que des chiffres');
  await expect(siret).toHaveValue('214 45O 123 00010');
  await expect(page.getByLabel('Code service')).toHaveValue('SERV-FIN');
  expect(await mandatePayments(page.request, COMMUNE_ORDER)).toBe(0);
});

test('a SIRET unknown to Chorus Pro is reported after the look-up', async ({ page }) => {
  await openCheckout(page, 'commune', COMMUNE_ORDER);
  await chooseMandate(page);
  const siret = page.getByLabel('SIRET de la structure à facturer');
  await siret.fill(UNKNOWN_SIRET);
  await siret.blur();
  await expect(page.locator('#mandat-siret-error')).toHaveText(/Aucune structure Chorus Pro ne correspond à ce SIRET/);
  await expect(siret).toHaveValue(UNKNOWN_SIRET);
});

test('a double click sends one payment', async ({ page }) => {
  await openCheckout(page, 'commune', COMMUNE_SECOND_ORDER);
  await chooseMandate(page);
  await page.getByLabel('Code service').selectOption('SERV-FIN');
  const payRequests: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/order/${COMMUNE_SECOND_ORDER}/pay`)) {
      payRequests.push(request.headers()['idempotency-key'] ?? '');
    }
  });
  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).dblclick();
  await expect(page.getByTestId('payment-confirmation')).toBeVisible();
  expect(payRequests.length).toBeGreaterThanOrEqual(1);
  expect(new Set(payRequests).size, 'every request of one attempt carries the same key').toBe(1);
  expect(payRequests[0]).not.toBe('');
  expect(await mandatePayments(page.request, COMMUNE_SECOND_ORDER)).toBe(1);
});

test('an order paid meanwhile (409) is explained with a link to the order', async ({ page }) => {
  await openCheckout(page, 'commune', COMMUNE_ORDER);
  await chooseMandate(page);
  await page.getByLabel('Code service').selectOption('SERV-FIN');
  // Paid from another tab while this one was open.
  const elsewhere = await page.request.post(`/api/me/order/${COMMUNE_ORDER}/pay`, {
    headers: { 'Idempotency-Key': 'another-tab' },
    data: {
      paymentMethod: { paymentType: 'ADMINISTRATIVE_MANDATE' },
      chorus: { siret: COMMUNE_SIRET, codeService: 'SERV-FIN', numeroEngagement: '' },
    },
  });
  expect(elsewhere.status()).toBe(200);

  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  const problem = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Cette commande est déjà payée' }) });
  await expect(problem).toContainText('Aucun second paiement n’a été fait');
  await expect(problem.getByRole('link', { name: `Voir le mandat de la commande n° ${COMMUNE_ORDER}` })).toHaveAttribute(
    'href',
    `/orders/${COMMUNE_ORDER}/mandate`,
  );
  expect(await mandatePayments(page.request, COMMUNE_ORDER)).toBe(1);
});

test('the API down at submit, then back: retrying keeps everything typed and pays once', async ({ page, consoleErrors }) => {
  await openCheckout(page, 'hopital', HOSPITAL_ORDER);
  await chooseMandate(page);
  await page.getByLabel('Numéro d’engagement').fill('EJ-RETRY-7');
  await page.route('**/pay', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  const problem = page.getByTestId('pay-problem');
  await expect(problem).toContainText('Le service est injoignable');
  await expect(page.getByLabel('Numéro d’engagement')).toHaveValue('EJ-RETRY-7');
  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeChecked();

  await page.unroute('**/pay');
  await problem.getByRole('button', { name: /Réessayer/ }).click();
  await expect(page.getByTestId('payment-confirmation')).toBeVisible();
  expect(await mandatePayments(page.request, HOSPITAL_ORDER)).toBe(1);
  expect(acceptNetworkErrors(consoleErrors, /net::ERR_CONNECTION_REFUSED/)).toBeGreaterThanOrEqual(1);
});

test('a retry whose answers come back out of order keeps the method chosen meanwhile', async ({ page, consoleErrors }) => {
  await signIn(page, 'commune', '/');
  // The order alone fails (the app asks it three times), its lines load.
  const orderUrl = new RegExp(`/api/me/order/${COMMUNE_ORDER}$`);
  await page.route(orderUrl, (route) => route.abort('connectionrefused'));
  await page.goto(`/orders/${COMMUNE_ORDER}/checkout`);
  await expect(page.getByRole('alert')).toContainText('Le service est injoignable');

  // On the retry the order answers at once and its lines only later.
  await page.unroute(orderUrl);
  let releaseLines = () => {};
  const linesHeld = new Promise<void>((resolve) => (releaseLines = resolve));
  await page.route(`**/api/me/order/${COMMUNE_ORDER}/details`, async (route) => {
    await linesHeld;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await chooseMandate(page);
  const linesAnswered = page.waitForResponse(`**/api/me/order/${COMMUNE_ORDER}/details`);
  releaseLines();
  await linesAnswered;

  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeChecked();
  await expect(page.getByTestId('chorus-fields')).toBeVisible();
  expect(acceptNetworkErrors(consoleErrors, /net::ERR_CONNECTION_REFUSED/)).toBeGreaterThanOrEqual(1);
});

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard only, from the page to the mandate upload', async ({ page }) => {
  await openCheckout(page, 'commune', COMMUNE_ORDER);
  await expect(page.getByRole('radio').first()).toBeVisible();
  await tabTo(page, 'input[type="radio"]');
  // Arrow keys move within the radio group, as in every radio group.
  for (let i = 0; i < 5; i++) {
    if (await page.getByRole('radio', { name: /Payer par mandat administratif/ }).isChecked()) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.getByRole('radio', { name: /Payer par mandat administratif/ })).toBeChecked();

  await tabTo(page, '#mandat-code-service');
  for (let i = 0; i < 6 && (await page.locator('#mandat-code-service').inputValue()) !== 'SERV-FIN'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.locator('#mandat-code-service')).toHaveValue('SERV-FIN');

  await tabTo(page, '[data-testid="pay-submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-confirmation')).toBeVisible();
  await tabTo(page, '[data-testid="mandate-upload-link"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/orders/${COMMUNE_ORDER}/mandate$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mandat de la commande n° ${COMMUNE_ORDER}`);
});

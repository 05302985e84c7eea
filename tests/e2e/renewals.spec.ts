import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

// Demo data from the sandbox seed (README, "Demo accounts"): the hospital's
// server renews early next calendar year, with this year's numéro
// d'engagement only; the commune's hosting renews to a code service.
const HOSPITAL_RENEWAL = 2501;
const LABEL = 'Serveur dédié Advance-2 - 12 mois';

test.beforeEach(async ({ request }) => {
  expect((await request.post('/sandbox/reset')).status()).toBe(204);
});

/** The budget year of the hospital's next renewal, as the API says. */
async function renewalYear(page: Page): Promise<string> {
  const response = await page.request.get('/api/me/renewal');
  expect(response.status()).toBe(200);
  const [renewal] = await response.json();
  return String(renewal.nextRenewalDate).slice(0, 4);
}

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The operator route: the renewal falls due now and its invoice is issued. */
async function issue(page: Page, renewalId: number) {
  const response = await page.request.post(`/sandbox/renewals/${renewalId}/issue`);
  expect(response.status()).toBe(200);
  return response.json();
}

async function invoiceRow(page: Page, billId: string) {
  await page.goto(`/invoices`);
  const row = page.locator(`[data-testid=invoice-row][data-bill="${billId}"]`);
  await expect(row).toBeVisible();
  return row;
}

test('keyboard only: the hospital gives next year’s engagement before the renewal, whose invoice is then made available', async ({ page }) => {
  await signIn(page, 'hopital', '/');
  const year = await renewalYear(page);

  // The orders page lists it among the things to do, with a link.
  const todo = page.locator('[data-testid=todo-item][data-kind=give-engagement]');
  await expect(todo.getByTestId('todo-what')).toHaveText(`Numéro d’engagement ${year} à donner pour « ${LABEL} »`);
  await tabTo(page, '[data-testid=todo-item][data-kind=give-engagement] a');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/renewals$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renouvellements');
  await expect(page).toHaveTitle(/^Renouvellements – /);

  // The page says it first: the renewal and the year.
  const warning = page.getByTestId('renewal-warning');
  await expect(warning).toContainText(`Numéro d’engagement ${year} à donner`);
  await expect(warning).toContainText(LABEL);
  await expect(page.getByTestId('renewal-engagement-state')).toHaveText(`Exigé, manquant pour l’exercice ${year}`);
  await expectNoAxeViolations(page);

  // The warning's link and the card's button name one action alike.
  const action = `Donner le numéro d’engagement ${year} de « ${LABEL} »`;
  await expect(page.getByTestId('renewal-warning').getByRole('link')).toHaveAccessibleName(action);
  await expect(page.getByTestId('renewal-edit')).toHaveAccessibleName(action);

  // From the warning's link to the editor, the cursor in the number's field,
  // empty: last year's number is only a reminder.
  await tabTo(page, '[data-testid=renewal-warning] a');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('renewal-form')).toBeVisible();
  await expect(page.locator('#mandat-engagement')).toBeFocused();
  await expect(page.locator('#mandat-engagement')).toHaveValue('');
  await expect(page.locator('#mandat-siret')).toHaveValue('267 654 325 00013');
  await expect(page.getByTestId('engagement-note').first()).toContainText(`exercice ${year}`);
  await expect(page.getByTestId('engagement-note').nth(1)).toContainText(`Numéro ${Number(year) - 1} : `);

  // No number: the same checks as the checkout, with the error summary.
  await tabTo(page, '[data-testid=renewal-save]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.locator('#mandat-engagement-error')).toBeVisible();
  await expect(page.locator('#mandat-engagement')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // The summary's link leads to the field; next year's number, saved.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#mandat-engagement')).toBeFocused();
  await page.keyboard.type(`EJ-${year}-0007`);
  await tabTo(page, '[data-testid=renewal-save]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('renewal-saved-status')).toHaveText(`Acheminement enregistré pour « ${LABEL} ».`);
  await expect(page.locator(`#mandat-renewal-${HOSPITAL_RENEWAL}`)).toBeFocused();
  await expect(page.getByTestId('renewal-form')).toHaveCount(0);
  await expect(page.getByTestId('renewal-warning')).toHaveCount(0);
  await expect(page.getByTestId('renewal-engagement')).toHaveText(`EJ-${year}-0007 (exercice ${year})`);
  await expect(page.getByTestId('renewal-engagement-state')).toHaveText(`Exigé, donné pour l’exercice ${year}`);
  await expectNoAxeViolations(page);

  // Kept: loaded afresh, the page says the same; the orders page has nothing left to do for it.
  await page.reload();
  await expect(page.getByTestId('renewal-engagement')).toHaveText(`EJ-${year}-0007 (exercice ${year})`);
  await tabTo(page, 'nav a[href="/"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes commandes');
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await expect(page.locator('[data-testid=todo-item][data-kind=give-engagement]')).toHaveCount(0);

  // The renewal falls due: its invoice reaches the structure.
  const issued = await issue(page, HOSPITAL_RENEWAL);
  expect(issued.chorusStatus).toBe('MISE_A_DISPOSITION');
  const row = await invoiceRow(page, issued.billId);
  await expect(row).toContainText('Mise à disposition du destinataire');
  await expect(row).toContainText('Renouvellement automatique');
  // Carrying the number given in advance.
  const tracking = await (await page.request.get(`/api/me/bill/${issued.billId}/chorus`)).json();
  expect(tracking.numeroEngagement).toBe(`EJ-${year}-0007`);
  await page.goto(`/invoices/${issued.billId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(issued.billId);
  await expect(page.locator('main')).toContainText(`EJ-${year}-0007`);
});

test('without next year’s engagement, the renewal’s invoice comes back to recycle', async ({ page }) => {
  await signIn(page, 'hopital', '/renewals');
  const year = await renewalYear(page);
  await expect(page.getByTestId('renewal-warning')).toBeVisible();
  const issued = await issue(page, HOSPITAL_RENEWAL);
  expect(issued.chorusStatus).toBe('A_RECYCLER');
  const row = await invoiceRow(page, issued.billId);
  await expect(row).toContainText('À recycler');
  await page.goto(`/invoices/${issued.billId}`);
  await expect(page.getByText(`Numéro d'engagement manquant pour l'exercice ${year}`).first()).toBeVisible();

  // The next renewal moved on a year, and still needs its number.
  await page.goto('/renewals');
  await expect(page.getByTestId('renewal-next-date').locator('time')).toHaveAttribute(
    'datetime',
    new RegExp(`^${Number(year) + 1}-`),
  );
  await expect(page.getByTestId('renewal-warning')).toContainText(`Numéro d’engagement ${Number(year) + 1} à donner`);
});

test('a wrong SIRET is said beside its field, as at the checkout', async ({ page }) => {
  await signIn(page, 'commune', '/renewals');
  await expect(page.getByTestId('renewal-warning')).toHaveCount(0);
  await expect(page.getByTestId('renewal-engagement-state')).toHaveText('Non exigé');
  await page.getByTestId('renewal-edit').click();
  await expect(page.locator('#mandat-code-service')).toHaveValue('SERV-FIN');
  await page.locator('#mandat-siret').fill('214 450 124 00019');
  await page.locator('#mandat-siret').blur();
  await expect(page.locator('#mandat-siret-error')).toBeVisible();
  await page.getByTestId('renewal-save').click();
  await expect(page.getByTestId('error-summary')).toContainText(await page.locator('#mandat-siret-error').innerText());
  await expectNoAxeViolations(page);
});

test('saving the routing as it is sends nothing and says so', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/routing')) sent.push(r.url());
  });
  await signIn(page, 'commune', '/renewals');
  await page.getByTestId('renewal-edit').click();
  await expect(page.locator('#mandat-siret')).toBeFocused();
  await page.getByTestId('renewal-save').click();
  await expect(page.getByTestId('renewal-unchanged')).toHaveText(/^Aucune modification/);
  await expect(page.getByTestId('renewal-saved')).toHaveCount(0);
  expect(sent).toEqual([]);
});

test('at 640 px with text at 200 %, the cards hold their routing and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await signIn(page, 'hopital', '/renewals');
  // Through the CSSOM: the page's policy refuses an inline style sheet.
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
  await expect(page.getByTestId('renewal-routing').first()).toBeVisible();
  const outside = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`document ${root.scrollWidth}px for ${root.clientWidth}px`);
    for (const card of document.querySelectorAll('[data-testid=renewal]')) {
      const edge = card.getBoundingClientRect().right;
      for (const el of card.querySelectorAll('*')) {
        if (el.getBoundingClientRect().right > edge + 0.5) found.push(`${el.tagName} «${el.textContent?.trim().slice(0, 40)}»`);
      }
    }
    return found;
  });
  expect(outside).toEqual([]);
});

test('a company without a Chorus Pro structure gets a plain page, no error', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await signIn(page, 'entreprise', '/renewals');
  await expect(page.getByTestId('renewals-none')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await expect(page.locator('[data-testid=todo-item][data-kind=give-engagement]')).toHaveCount(0);
  expect(failed).toEqual([]);
});

test('in English, embedded: the renewals view warns and saves', async ({ page }) => {
  await signIn(page, 'hopital', '/host/?view=renewals&locale=en');
  await expect(page.locator('body')).toHaveAttribute('data-mounted', '');
  const year = await renewalYear(page);
  const slot = page.getByTestId('host-slot');
  await expect(slot.getByRole('heading', { level: 1 })).toHaveText('Renewals');
  await expect(slot.getByTestId('renewal-warning')).toContainText(`${year} numéro d’engagement to give`);
  // The French term is read with a French voice.
  await expect(slot.getByTestId('renewal-warning').locator('h2 [lang=fr]')).toHaveText('numéro d’engagement');
  await expect(slot.getByTestId('renewal-engagement-state')).toHaveText(`Required, missing for the ${year} budget year`);
  await expectNoAxeViolations(page);
  await slot.getByTestId('renewal-edit').click();
  await slot.locator('#mandat-engagement').fill(`EJ-${year}-0008`);
  await slot.getByTestId('renewal-save').click();
  await expect(slot.getByTestId('renewal-saved-status')).toHaveText(`Routing saved for “${LABEL}”.`);
  await expect(slot.getByTestId('renewal-engagement')).toHaveText(`EJ-${year}-0008 (${year} budget year)`);
  await expect(slot.getByTestId('renewal-warning')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('the page and its navigation link are in English', async ({ page }) => {
    await signIn(page, 'hopital', '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Renewals' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renewals');
    await expect(page.getByTestId('renewal-next-date')).toContainText('15 January');
    await expectNoAxeViolations(page);
  });
});

import { test, expect, signIn, frDay } from './fixtures';

// What a person is told and can find on each page, whatever the account:
// where they are, what an order waits for, what a list announces.

/** The order's expiry as the app writes it: its Paris day, in words. */
async function expiryOf(request: import('@playwright/test').APIRequestContext, orderId: number) {
  const order = await (await request.get(`/api/me/order/${orderId}`)).json();
  // en-CA writes a day as YYYY-MM-DD.
  const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(order.expirationDate));
  return frDay(parisDay);
}

test('the navigation marks the page the person is on', async ({ page }) => {
  await signIn(page, 'commune', '/invoices');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Mes factures' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Mes commandes' })).not.toHaveAttribute('aria-current', /.*/);
  await nav.getByRole('link', { name: 'Renouvellements' }).click();
  await expect(nav.getByRole('link', { name: 'Renouvellements' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Mes factures' })).not.toHaveAttribute('aria-current', /.*/);
  // Inside a part of the app: the part is marked, not as the page itself.
  await page.goto('/invoices/FR1000001');
  await expect(nav.getByRole('link', { name: 'Mes factures' })).toHaveAttribute('aria-current', 'true');
});

test('each page opens with its header: the title, then what the person must know first', async ({ page }) => {
  await signIn(page, 'commune', '/');
  const header = page.locator('.mandat-page-header');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Mes commandes');
  await expect(header).toContainText('Mairie de Saint-Aubin-sur-Loire');

  await page.goto('/orders/1001/checkout');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Paiement de la commande n° 1001');
  await expect(header.getByTestId('order-figures')).toContainText(/Total TTC\s*463,02\s€/);
  await expect(header.getByTestId('order-expiry')).toHaveText(await expiryOf(page.request, 1001));

  await page.goto('/orders/1004/mandate');
  await expect(header.getByTestId('stepper')).toContainText('Étape 2 sur 5');
  await expect(header.getByTestId('mandate-state')).toHaveText(/État\s:\sRefusé/);

  await page.goto('/renewals');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Renouvellements');
  await expect(header).toContainText('Un numéro d’engagement vaut pour un exercice budgétaire');

  await page.goto('/invoices');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Mes factures');
  await expect(page.locator('.mandat-page-header')).toHaveCount(1);
});

test('the checkout of an order whose mandate was refused says so, with its expiry and the way on', async ({ page }) => {
  await signIn(page, 'commune', '/orders/1004/checkout');
  const expiry = await expiryOf(page.request, 1004);
  const body = page.getByTestId('not-payable-body');
  await expect(body).toHaveText(`Le formulaire signé envoyé a été refusé : envoyez-en un nouveau avant le ${expiry}, date d’expiration de la commande.`);
  await expect(page.getByText(/déjà été payée ou annulée/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Envoyer le mandat signé' }).click();
  await expect(page).toHaveURL(/\/orders\/1004\/mandate$/);
});

test('the checkout of an order whose signed form is under review says it is being checked', async ({ page }) => {
  await signIn(page, 'commune', '/orders/1003/checkout');
  await expect(page.getByTestId('not-payable-body')).toHaveText(
    'Le formulaire signé a été reçu : il est en cours de vérification. Rien n’est à faire pour l’instant.',
  );
  await expect(page.getByRole('link', { name: 'Envoyer le mandat signé' })).toHaveCount(0);
});

test('the mandate page shows the step of the journey and the order’s expiry date', async ({ page }) => {
  await signIn(page, 'commune', '/orders/1004/mandate');
  const expiry = await expiryOf(page.request, 1004);
  const stepper = page.getByTestId('stepper');
  await expect(stepper).toContainText('Étape 2 sur 5 : Signer le formulaire');
  await expect(stepper.locator('[aria-current=step]')).toContainText('Signer le formulaire');
  await expect(page.getByTestId('stepper-note')).toHaveText(`À faire avant le ${expiry}, date d’expiration de la commande.`);

  await page.goto('/orders/1003/mandate');
  await expect(stepper).toContainText('Étape 4 sur 5 : Vérification');
  await expect(page.getByTestId('stepper-note')).toContainText(expiry);
  // The download is a drawn icon, not a character a font may lack.
  await page.goto('/orders/1004/mandate');
  await expect(page.getByTestId('form-download').locator('svg')).toHaveCount(1);
});

test('a company is not told of the mandate or of Chorus Pro it does not use', async ({ page }) => {
  await signIn(page, 'entreprise', '/invoices');
  await expect(page.getByTestId('invoice-row').first()).toBeVisible();
  await expect(page.locator('.mandat-header')).not.toContainText('mandat');
  await expect(page.getByLabel('Statut Chorus Pro')).toBeHidden();
  await expect(page.getByRole('columnheader', { name: 'Statut Chorus Pro' })).toHaveCount(0);
  await expect(page.getByText('Hors Chorus Pro')).toHaveCount(0);
  await expect(page.getByLabel('Ordre')).toBeVisible();
});

test('filtering and paging the invoices are announced, also when the count stays the same', async ({ page }) => {
  await signIn(page, 'commune', '/invoices');
  const announce = page.getByTestId('invoice-announce');
  await expect(announce).toHaveAttribute('role', 'status');
  await expect(announce).toHaveText(/^\d+ factures\. Page 1 sur 1\.$/);
  // Each of these statuses has one invoice of the commune: the count stays, the words change.
  await page.getByLabel('Statut Chorus Pro').selectOption('A_RECYCLER');
  await expect(announce).toHaveText('1 facture, statut À recycler. Page 1 sur 1.');
  await page.getByLabel('Statut Chorus Pro').selectOption('REJETEE');
  await expect(announce).toHaveText('1 facture, statut Rejetée. Page 1 sur 1.');

  await signIn(page, 'bench', '/invoices');
  await expect(announce).toHaveText(/^1\s000 factures\. Page 1 sur 20\.$/);
  await page.getByTestId('page-next').click();
  await expect(announce).toHaveText(/^1\s000 factures\. Page 2 sur 20\.$/);
});

test('on a phone, the invoice list opens on the invoices: the filters fold behind one button that counts them', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, 'commune', '/invoices');
  const row = page.getByTestId('invoice-row').first();
  await expect(row).toBeVisible();
  expect((await row.boundingBox())!.y, 'the first invoice starts on the first screen').toBeLessThan(800);
  const status = page.getByLabel('Statut Chorus Pro');
  await expect(status).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Filtrer et trier' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await status.selectOption('SUSPENDUE');
  await expect(page.getByTestId('invoice-announce')).toHaveText(/statut Suspendue/);
  await expect(toggle).toHaveText('Filtrer et trier · 1 filtre actif');
  await expect(status, 'the panel stays open while it is used').toBeVisible();
  await toggle.click();
  await expect(status).toBeHidden();
  // On a desktop the fields are always there, under their heading, with no toggle.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(status).toBeVisible();
  await expect(toggle).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Filtrer et trier' })).toBeVisible();
});

test('on a phone, the invoices and the checkout show each amount, state and action without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, 'commune', '/invoices');
  const row = page.getByTestId('invoice-row').first();
  await expect(row).toBeVisible();
  for (const cell of [row.locator('.mandat-cell--amount'), row.locator('.mandat-badge'), row.getByRole('link')]) {
    const box = (await cell.first().boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
  await page.goto('/orders/1001/checkout');
  const total = page.getByTestId('total-ttc');
  await expect(total).toBeVisible();
  const box = (await total.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
});

import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

// The commune's invoice 4 (sandbox/src/seed.rs) came back « à recycler »: it was
// sent to SERV-INFO, a service the mairie has closed. Its order is 1104.
const BILL = 'FR1000004';
const ORDER = 1104;

test.beforeAll(async ({ request }) => {
  expect((await request.post('/sandbox/reset')).status()).toBe(204);
});

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Replaces the focused field's text, as a user does with the keyboard. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test('an invoice to recycle is routed again, keyboard only, and the page follows it to its new recipient', async ({ page }) => {
  await signIn(page, 'commune', `/invoices/${BILL}`);
  // What it was sent with, and why it came back.
  const routing = page.getByTestId('routing');
  await expect(routing).toContainText('214 450 124 00018');
  await expect(routing).toContainText('SERV-INFO');
  await expect(page.getByTestId('next-step-reason')).toHaveText(
    'Le service SERV-INFO est fermé : adressez la facture à un service actif de la mairie.',
  );
  await expect(page.getByTestId('deadline-state')).toContainText('la facture est revenue pour être recyclée');
  const panel = page.getByTestId('recycle-panel');
  await expect(panel.getByLabel(/SIRET/)).toHaveValue('214 450 124 00018');
  await expect(panel.getByTestId('siret-status')).toHaveText('Structure trouvée : Commune de Saint-Aubin-sur-Loire');
  // Only the active services are offered: the closed one is not.
  await expect(panel.locator('#mandat-code-service option[value="SERV-INFO"]')).toHaveCount(0);
  await expect(panel.locator('#mandat-code-service option[value="SERV-FIN"]')).toHaveCount(1);

  const corrections: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().endsWith(`/api/me/bill/${BILL}/chorus/routing`)) {
      corrections.push(r.headers()['idempotency-key'] ?? '');
    }
  });
  await page.evaluate(() => {
    (window as any).heard = [];
    document.addEventListener('mandat:routing-corrected', (e) =>
      (window as any).heard.push((e as CustomEvent).detail),
    );
  });

  // First a SIRET mistyped: said beside the field, and in the summary; nothing sent.
  await tabTo(page, '#mandat-siret');
  await retype(page, '214 450 124 00019');
  await page.keyboard.press('Tab');
  await expect(page.locator('#mandat-siret-error')).toHaveText(
    'Ce SIRET n’est pas valide : un chiffre a peut-être été mal recopié. Vérifiez-le sur vos documents.',
  );
  await expect(page.locator('#mandat-siret')).toHaveAttribute('aria-invalid', 'true');
  await tabTo(page, '[data-testid="recycle-submit"]');
  await page.keyboard.press('Enter');
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  // The closed service the invoice was sent to is named too.
  await expect(summary.getByRole('link')).toHaveText([/SIRET n’est pas valide/, /choisissez un service dans la liste/]);
  await expectNoAxeViolations(page);
  expect(corrections).toHaveLength(0);

  // Then right: the SIRET, and an active service.
  await tabTo(page, '#mandat-siret');
  await retype(page, '21445012400018');
  await page.keyboard.press('Tab');
  await expect(page.locator('#mandat-siret-error')).toHaveCount(0);
  await tabTo(page, '#mandat-code-service');
  for (let i = 0; i < 6 && (await page.locator('#mandat-code-service').inputValue()) !== 'SERV-FIN'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.locator('#mandat-code-service')).toHaveValue('SERV-FIN');
  await tabTo(page, '[data-testid="recycle-submit"]');
  await page.keyboard.press('Enter');

  const done = page.getByTestId('recycle-done');
  await expect(done).toContainText('Acheminement corrigé');
  await expect(done).toContainText('Code service : SERV-FIN.');
  await expect(done.getByRole('heading')).toBeFocused();
  await expect(page.getByTestId('recycle-done-order')).toContainText(`commande n° ${ORDER}`);
  expect(corrections).toHaveLength(1);
  expect(corrections[0]).not.toBe('');
  // Re-deposited at once: shown and announced.
  await expect(page.getByTestId('current-status')).toHaveText('En cours d’acheminement');
  await expect(page.getByTestId('timeline-event').last()).toHaveAttribute('data-status', 'EN_COURS_ACHEMINEMENT');
  await expect(page.getByTestId('live-region')).toContainText('Nouveau statut sur Chorus Pro : En cours d’acheminement');
  await expect(page.getByTestId('recycle-form')).toHaveCount(0);
  // The deadline says what is true now: routed again, no longer coming back.
  await expect(page.getByTestId('deadline-state')).toContainText('la facture a été réacheminée');
  await expect(page.locator('main')).not.toContainText('revenue pour être recyclée');
  expect(await page.evaluate(() => (window as any).heard)).toEqual([
    {
      billId: BILL,
      orderId: ORDER,
      siret: '21445012400018',
      codeService: 'SERV-FIN',
      numeroEngagement: '',
      status: 'EN_COURS_ACHEMINEMENT',
    },
  ]);
  // The order keeps the routing for its next invoices.
  const mandate = await (await page.request.get(`/api/me/order/${ORDER}/mandate`)).json();
  expect(mandate.codeService).toBe('SERV-FIN');
  await expectNoAxeViolations(page);

  // Chorus Pro makes it available to the new recipient: the open page follows,
  // and the deadline starts again, in full.
  const pushed = await page.request.post(`/sandbox/bills/${BILL}/events`, { data: { status: 'MISE_A_DISPOSITION' } });
  expect(pushed.ok()).toBeTruthy();
  await expect(page.getByTestId('current-status')).toHaveText('Mise à disposition du destinataire', { timeout: 20_000 });
  await expect(page.getByTestId('live-region')).toContainText('Nouveau statut sur Chorus Pro : Mise à disposition du destinataire');
  await expect(page.getByTestId('next-step')).toHaveAttribute('data-step', 'validate');
  await expect(page.getByTestId('deadline-state')).toHaveText('Il reste 30 jours avant l’échéance.');
  // What was said of the correction stays.
  await expect(done).toBeVisible();
});

test('a correction sent for an invoice no longer to recycle is explained', async ({ page }) => {
  const bill = 'FR2000004';
  await signIn(page, 'hopital', `/invoices/${bill}`);
  const panel = page.getByTestId('recycle-panel');
  await expect(panel.getByLabel(/engagement/)).toHaveValue('EJ-2025-0999');
  await expect(page.getByTestId('next-step-reason')).toHaveText(
    'Le numéro d’engagement EJ-2025-0999 ne correspond à aucun engagement ouvert du centre hospitalier.',
  );
  // Meanwhile, corrected elsewhere (another tab, a colleague).
  const elsewhere = await page.request.put(`/api/me/bill/${bill}/chorus/routing`, {
    data: { siret: '26765432500013', numeroEngagement: 'EJ-2026-0042' },
  });
  expect(elsewhere.ok()).toBeTruthy();
  await panel.getByLabel(/engagement/).fill('EJ-2026-0043');
  await panel.getByTestId('recycle-submit').click();
  await expect(page.getByTestId('recycle-stale')).toContainText('Cette facture n’est plus à recycler');
  await expect(page.getByTestId('current-status')).toHaveText('En cours d’acheminement');
  await expect(page.getByTestId('recycle-form')).toHaveCount(0);
});

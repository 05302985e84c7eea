import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import { pdfOfSize, PNG } from './files.mjs';
import type { Page } from '@playwright/test';

// The commune's invoice 3 is suspended (sandbox/src/seed.rs): it asks for documents.
const SUSPENDED = 'FR1000003';
const REASON = 'Pièce manquante : <b>bon de livraison</b> <script>alert(1)</script>';

const PDF = pdfOfSize(1000);

/** A fresh sandbox: the tests below answer the suspension. */
test.beforeEach(async ({ page }) => {
  const reset = await page.request.post('/sandbox/reset');
  expect(reset.ok()).toBeTruthy();
});

/** Presses Tab until the element with `id` has the focus (as a keyboard user would). */
async function tabTo(page: Page, id: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

test('a suspended invoice is answered with two files, keyboard only, then completed: the completion and the new deadline show', async ({ page }) => {
  await signIn(page, 'commune', `/invoices/${SUSPENDED}`);
  const panel = page.getByTestId('documents-panel');
  await expect(panel.getByTestId('documents-requested')).toHaveText(REASON);
  await expect(page.locator('main b, main script')).toHaveCount(0);
  await expect(page.getByTestId('deadline')).toHaveAttribute('data-state', 'interrupted');
  await page.evaluate(() => {
    (window as any).sent = [];
    document.addEventListener('mandat:documents-sent', (e) => (window as any).sent.push((e as CustomEvent).detail));
  });

  // The picker, reached and opened with the keyboard.
  await tabTo(page, 'documents-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([
    { name: 'devis-signe.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'bon-de-livraison.png', mimeType: 'image/png', buffer: PNG },
  ]);
  await expect(panel.getByTestId('chosen-item')).toHaveCount(2);
  await expectNoAxeViolations(page);

  await tabTo(page, 'documents-send');
  await page.keyboard.press('Enter');
  const received = panel.getByTestId('received-document');
  await expect(received).toHaveCount(2);
  await expect(received.nth(0)).toContainText('devis-signe.pdf');
  await expect(received.nth(1)).toContainText('bon-de-livraison.png');
  await expect(received.nth(1)).toContainText('image PNG');
  await expect(panel.getByTestId('chosen-item')).toHaveCount(0);
  // Once the last file is in, the count is said and focus waits on the next step.
  await expect(panel.getByTestId('upload-announce')).toHaveText('2 pièces reçues.');
  await expect(page.locator('#documents-transmit')).toBeFocused();
  await page.keyboard.press('Enter');
  const state = panel.getByTestId('documents-state');
  await expect(state).toHaveAttribute('data-state', 'beingAdded');
  await expect(state).toHaveText(/^Pièces reçues le \d{1,2}(er)? \S+ \d{4}, en cours d’ajout sur Chorus Pro\.$/);
  await expect(state).toBeFocused();
  await expect(page.locator('input[type=file]')).toHaveCount(0);
  const sent = await page.evaluate(() => (window as any).sent);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    billId: SUSPENDED,
    documents: ['devis-signe.pdf', 'bon-de-livraison.png'],
    state: 'beingAdded',
  });
  expect(Date.parse(sent[0].receivedAt)).toBeGreaterThan(Date.now() - 60_000);
  await expectNoAxeViolations(page);

  // A second batch while the first is being added: refused, the first kept.
  const again = await page.request.put(`/api/me/bill/${SUSPENDED}/documents?name=encore.pdf`, { data: PDF });
  expect(again.status()).toBe(409);
  expect((await again.json()).errors[0].code).toBe('documents_being_added');

  // It survives a reload.
  await page.reload();
  await expect(state).toHaveAttribute('data-state', 'beingAdded');
  await expect(received).toHaveCount(2);

  // The provider completes the invoice on Chorus Pro: the open page follows.
  const completed = await page.request.post(`/sandbox/bills/${SUSPENDED}/documents/complete`);
  expect(completed.status(), await completed.text()).toBe(200);
  await expect(page.getByTestId('current-status')).toHaveText('Complétée', { timeout: 20_000 });
  const last = page.getByTestId('timeline-event').last();
  await expect(last).toHaveAttribute('data-status', 'COMPLETEE');
  await expect(last).toContainText('Pièces ajoutées : devis-signe.pdf, bon-de-livraison.png');
  await expect(page.getByTestId('live-region')).toContainText('Nouveau statut sur Chorus Pro : Complétée');
  // The new deadline, opened by the completion.
  await expect(page.getByTestId('deadline')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('due-date')).toBeVisible();
  await expect(page.getByTestId('deadline-more')).toBeVisible();
  await expect(state).toHaveAttribute('data-state', 'added');
  await expect(state).toContainText('ajoutées sur Chorus Pro : la facture a été complétée');
  await expectNoAxeViolations(page);
});

test('a file refused by its content is explained and can be removed; an invoice not suspended takes nothing', async ({ page }) => {
  await signIn(page, 'hopital', '/invoices/FR2000003');
  const panel = page.getByTestId('documents-panel');
  await page.getByLabel('Choisir les pièces à déposer').setInputFiles([
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('pas un PDF') },
    { name: 'devis.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect(panel.getByRole('alert').first()).toContainText('« notes.pdf » n’est ni un PDF');
  await expectNoAxeViolations(page);
  await panel.getByRole('button', { name: 'Retirer le fichier « notes.pdf »' }).click();
  await expect(panel.getByTestId('chosen-item')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Déposer les fichiers choisis' }).click();
  await expect(panel.getByTestId('received-document')).toHaveCount(1);

  // An invoice awaiting validation shows no panel, and the API refuses its uploads.
  await page.goto('/invoices/FR2000001');
  await expect(page.getByTestId('next-step')).toBeVisible();
  await expect(page.getByTestId('documents-panel')).toHaveCount(0);
  const refused = await page.request.put('/api/me/bill/FR2000001/documents?name=devis.pdf', { data: PDF });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).errors[0].code).toBe('bill_not_suspended');
});

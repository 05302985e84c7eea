import { execFileSync } from 'node:child_process';
import type { Page, Request } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, acceptNetworkErrors, runTimersFor } from './fixtures';
import { pdfOfSize, PNG } from './files.mjs';

// Demo data from the sandbox seed: the hospital's unpaid order 2002 is paid by
// mandate here (the hospital requires a numéro d'engagement); the commune's
// 1004 was rejected with a reason full of markup.
const ORDER = 2002;
const HOSPITAL_SIRET = '26765432500013';
const REJECTED_ORDER = 1004;
const MANDATE_PAGE = `/orders/${ORDER}/mandate`;
const UPLOAD = `**/api/me/order/${ORDER}/mandate/document**`;
const MB = 1024 * 1024;

/** A fresh sandbox for each test: the tests below change the mandate's state. */
test.beforeEach(async ({ page }) => {
  const reset = await page.request.post('/sandbox/reset');
  expect(reset.ok()).toBeTruthy();
});

/** Signs in as the hospital, pays order 2002 by mandate and opens its mandate page. */
async function openAwaitingMandate(page: Page) {
  await signIn(page, 'hopital', '/');
  const paid = await page.request.post(`/api/me/order/${ORDER}/pay`, {
    data: {
      paymentMethod: { paymentType: 'ADMINISTRATIVE_MANDATE' },
      chorus: { siret: HOSPITAL_SIRET, codeService: '', numeroEngagement: 'EJ-2026-0042' },
    },
  });
  expect(paid.status(), await paid.text()).toBe(200);
  await page.goto(MANDATE_PAGE);
  await expect(page.getByTestId('mandate-state')).toContainText('En attente du formulaire signé');
}

/** The pre-filled form as the page's download link serves it: a real PDF. */
async function downloadForm(page: Page): Promise<Buffer> {
  const link = page.getByRole('link', { name: /Télécharger le formulaire de mandat/ });
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const body = await response.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  return body;
}

function fileInput(page: Page) {
  return page.getByLabel('Choisir le formulaire signé');
}

async function choose(page: Page, name: string, buffer: Buffer, mimeType = 'application/pdf') {
  await fileInput(page).setInputFiles({ name, mimeType, buffer });
}

async function send(page: Page) {
  await page.getByRole('button', { name: /Envoyer le formulaire signé|Réessayer l’envoi/ }).click();
}

/** Counts the uploads (PUT/POST of the document) the page makes. */
function countUploads(page: Page) {
  const seen: Request[] = [];
  page.on('request', (req) => {
    if (/\/mandate\/document/.test(req.url()) && ['PUT', 'POST'].includes(req.method())) seen.push(req);
  });
  return seen;
}

async function mandateState(page: Page) {
  const response = await page.request.get(`/api/me/order/${ORDER}/mandate`);
  expect(response.status()).toBe(200);
  return response.json();
}

test('downloads the pre-filled form, uploads it signed, and sees it under review, also after a reload', async ({ page }) => {
  await openAwaitingMandate(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(ORDER));
  // The constraints are stated before anything is chosen.
  await expect(page.getByText('Formats acceptés : PDF, PNG ou JPEG. Taille maximale : 10 Mo.')).toBeVisible();
  await expectNoAxeViolations(page);

  const pdf = await downloadForm(page);
  await choose(page, 'mandat-2002-signé.pdf', pdf);
  await expect(page.getByTestId('chosen-file')).toContainText('mandat-2002-signé.pdf');
  await send(page);

  const state = page.getByTestId('mandate-state');
  await expect(state).toContainText('En cours de vérification');
  await expect(state).toBeFocused();
  await expect(page.getByText('Formulaire signé reçu.')).toBeVisible();
  await expect(page.getByTestId('current-document')).toContainText('mandat-2002-signé.pdf');
  // No upload zone while the copy is reviewed.
  await expect(fileInput(page)).toHaveCount(0);
  await expectNoAxeViolations(page);

  const api = await mandateState(page);
  expect(api.state).toBe('underReview');
  expect(api.document.name).toBe('mandat-2002-signé.pdf');
  expect(api.document.size).toBe(pdf.length);

  await page.reload();
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
  await expect(page.getByTestId('current-document')).toContainText('mandat-2002-signé.pdf');
});

test('the form saved from the page is the order’s mandate, with its totals and boxes to sign and stamp', async ({ page }) => {
  await openAwaitingMandate(page);
  const order = await (await page.request.get(`/api/me/order/${ORDER}`)).json();
  const saved = page.waitForEvent('download');
  await page.getByRole('link', { name: /Télécharger le formulaire de mandat/ }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe(`mandat-${ORDER}.pdf`);
  // Read as any PDF reader would (poppler's pdftotext, installed by scripts/setup.sh);
  // any white space (line breaks, the no-break spaces of amounts) as one space.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
  for (const expected of [
    `Commande n° ${ORDER}`,
    'Centre hospitalier de Saint-Aubin-sur-Loire',
    '267 654 325 00013',
    'EJ-2026-0042',
    'Numéro d’engagement',
    'TVA (20 %)',
    order.priceWithoutTax.text,
    order.tax.text,
    order.priceWithTax.text,
    'Cadre réservé à l’ordonnateur',
    'Nom et prénom du signataire',
    'Qualité du signataire',
    'Cachet de l’administration',
  ]) {
    expect(text).toContain(expected.replace(/\s+/g, ' '));
  }
});

test('a text file renamed .pdf is refused by its content; a PNG renamed .pdf is sent as the image it is', async ({ page }) => {
  await openAwaitingMandate(page);
  const uploads = countUploads(page);

  await choose(page, 'mandat.pdf', Buffer.from('Bon pour accord.\nLe maire\n'));
  const error = page.getByRole('alert').filter({ hasText: 'mandat.pdf' });
  await expect(error).toContainText('n’est ni un PDF, ni une image PNG ou JPEG');
  await expect(fileInput(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Envoyer le formulaire signé' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await choose(page, 'scan.pdf', PNG);
  await expect(page.getByTestId('chosen-file')).toContainText('image PNG');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await send(page);
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
  expect(uploads).toHaveLength(1);
  const api = await mandateState(page);
  expect(api.document.contentType).toBe('image/png');
  // Kept, and downloaded, under the extension of what it is.
  expect(api.document.name).toBe('scan.png');
});

test('an empty file and an 11 MB file are refused before sending; the server refuses 11 MB on its own', async ({ page }) => {
  await openAwaitingMandate(page);
  const uploads = countUploads(page);

  await choose(page, 'vide.pdf', Buffer.alloc(0));
  await expect(page.getByRole('alert')).toContainText('« vide.pdf » est vide (0 octet)');

  const big = pdfOfSize(11 * MB);
  await choose(page, 'scan-600dpi.pdf', big);
  await expect(page.getByRole('alert')).toContainText('« scan-600dpi.pdf » pèse 11\u00a0Mo');
  await expect(page.getByRole('alert')).toContainText('taille maximale de 10 Mo');
  await expect(page.getByRole('button', { name: 'Envoyer le formulaire signé' })).toHaveCount(0);
  expect(uploads).toHaveLength(0);

  // The client's check bypassed: the API says 413 itself, with its code.
  const refused = await page.request.put(`/api/me/order/${ORDER}/mandate/document?name=scan-600dpi.pdf`, {
    data: big,
    headers: { 'Content-Type': 'application/pdf' },
  });
  expect(refused.status()).toBe(413);
  const body = await refused.json();
  expect(body.errors[0].code).toBe('file_too_large');
  expect((await mandateState(page)).state).toBe('awaitingDocument');
});

test('the server’s own 413 and 415 are explained, and the file is kept', async ({ page }) => {
  await openAwaitingMandate(page);
  const pdf = await downloadForm(page);
  let answer = 413;
  await page.route(UPLOAD, (route) =>
    route.fulfill({
      status: answer,
      contentType: 'application/json',
      body: JSON.stringify({ class: 'Client::Refused', message: 'refused', errors: [] }),
    }),
  );
  await choose(page, 'mandat.pdf', pdf);
  await send(page);
  await expect(page.getByTestId('upload-failure')).toContainText('dépasse la taille maximale de 10 Mo');
  await expect(page.getByTestId('chosen-file')).toContainText('mandat.pdf');

  answer = 415;
  await choose(page, 'mandat.pdf', pdf);
  await send(page);
  await expect(page.getByTestId('upload-failure')).toContainText('n’est pas celui d’un PDF');
  await expect(page.getByTestId('chosen-file')).toContainText('mandat.pdf');
});

test('a PDF cut short passes the browser’s check; the server reads it whole and says it cannot be read', async ({ page }) => {
  await openAwaitingMandate(page);
  const uploads = countUploads(page);
  const damaged = pdfOfSize(4096).subarray(0, 3000);
  await choose(page, 'abimé.pdf', damaged);
  await expect(page.getByTestId('chosen-file')).toContainText('document PDF');
  await send(page);
  const failure = page.getByTestId('upload-failure');
  await expect(failure).toContainText('il ne peut pas être lu (fichier endommagé ou incomplet)');
  await expect(failure).not.toContainText('n’est pas celui d’un PDF');
  await expect(page.getByTestId('chosen-file')).toContainText('abimé.pdf');
  expect(uploads).toHaveLength(1);
  expect((await mandateState(page)).document ?? null).toBeNull();
  await expectNoAxeViolations(page);
});

test('cancel midway: nothing is stored, the file is kept, and sending it again works', async ({ page }) => {
  await openAwaitingMandate(page);
  const pdf = await downloadForm(page);
  // The upload never gets an answer until the route is removed.
  await page.route(UPLOAD, () => {});
  await choose(page, 'mandat.pdf', pdf);
  await send(page);

  const bar = page.getByRole('progressbar', { name: 'Envoi du formulaire signé' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(page.getByTestId('upload-announce')).toContainText(/Envoi en cours\s: \d+ %/);
  await expect(page.getByTestId('mandate-state')).toContainText('Envoi du formulaire en cours');
  const cancel = page.getByRole('button', { name: 'Annuler l’envoi' });
  await expect(cancel).toBeFocused();
  await cancel.click();

  await expect(page.getByTestId('upload-status')).toContainText('Envoi annulé. Votre fichier est conservé');
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('chosen-file')).toContainText('mandat.pdf');
  expect((await mandateState(page)).state).toBe('awaitingDocument');

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.getByRole('button', { name: 'Réessayer l’envoi' }).click();
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
});

test('in forced colours the progress bar still shows its filled part', async ({ page }) => {
  await openAwaitingMandate(page);
  const pdf = await downloadForm(page);
  // The upload never gets an answer: the bar stays on screen.
  await page.route(UPLOAD, () => {});
  await choose(page, 'mandat.pdf', pdf);
  await send(page);
  const bar = page.getByRole('progressbar', { name: 'Envoi du formulaire signé' });
  await expect(bar).toBeVisible();

  await page.emulateMedia({ forcedColors: 'active' });
  const colours = await bar.evaluate((el) => {
    const background = (selector: string) => getComputedStyle(el.querySelector(selector)!).backgroundColor;
    return { fill: background('.mandat-progress__fill'), track: background('.mandat-progress__track') };
  });
  // Without its own rule the fill takes the page's colour, like its track.
  expect(colours.fill).not.toBe('rgba(0, 0, 0, 0)');
  expect(colours.fill).not.toBe(colours.track);
  await page.emulateMedia({ forcedColors: 'none' });
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('a lost connection is retried on its own, and the upload goes through', async ({ page, consoleErrors }) => {
  await openAwaitingMandate(page);
  const pdf = await downloadForm(page);
  let attempts = 0;
  await page.route(UPLOAD, (route) => {
    attempts += 1;
    return attempts === 1 ? route.abort('connectionreset') : route.continue();
  });
  await choose(page, 'mandat.pdf', pdf);
  await send(page);
  await expect(page.getByTestId('upload-status')).toContainText('Nouvel essai dans 1 s (tentative 2 sur 4)');
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
  expect(attempts).toBe(2);
  // The browser reports the connection this test cut, once; nothing else is allowed.
  expect(acceptNetworkErrors(consoleErrors, /net::ERR_CONNECTION_RESET/)).toBe(1);
});

test('after every automatic attempt fails, the file is kept and a manual retry succeeds', async ({ page }) => {
  test.setTimeout(45_000);
  await openAwaitingMandate(page);
  const pdf = await downloadForm(page);
  let attempts = 0;
  await page.route(UPLOAD, (route) => {
    attempts += 1;
    return route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"busy"}' });
  });
  await choose(page, 'mandat.pdf', pdf);
  await send(page);
  // 1 s + 2 s + 4 s between the four attempts.
  await expect(page.getByTestId('upload-failure')).toContainText('après 4 tentatives', { timeout: 15_000 });
  expect(attempts).toBe(4);
  await expect(page.getByTestId('chosen-file')).toContainText('mandat.pdf');

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.getByRole('button', { name: 'Réessayer l’envoi' }).click();
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
});

test('the operator rejects (the reason shown as text, a new upload works), then accepts (the invoice link appears)', async ({ page }) => {
  test.setTimeout(45_000);
  await openAwaitingMandate(page);
  const pdf = await downloadForm(page);
  await choose(page, 'mandat.pdf', pdf);
  await send(page);
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');

  const reason = 'Signature manquante <script>alert(1)</script> <b>gras</b> – cachet absent';
  const rejected = await page.request.post(`/sandbox/orders/${ORDER}/mandate/reject`, { data: { reason } });
  expect(rejected.status(), await rejected.text()).toBe(200);

  // The page follows the review on its own.
  await expect(page.getByTestId('mandate-state')).toContainText('Refusé', { timeout: 10_000 });
  const shown = page.getByTestId('rejection-reason');
  await expect(shown).toHaveText(reason);
  await expect(shown.locator('b, script')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await choose(page, 'mandat-corrigé.pdf', pdf);
  await send(page);
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
  await expect(page.getByTestId('current-document')).toContainText('mandat-corrigé.pdf');

  const accepted = await page.request.post(`/sandbox/orders/${ORDER}/mandate/accept`);
  expect(accepted.status(), await accepted.text()).toBe(200);
  const billId = (await accepted.json()).billId;
  expect(billId).toBeTruthy();

  await expect(page.getByTestId('mandate-state')).toContainText('Accepté', { timeout: 10_000 });
  const invoice = page.getByRole('link', { name: `Voir la facture ${billId}` });
  await expect(invoice).toHaveAttribute('href', `/invoices/${billId}`);
  await expect(fileInput(page)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await invoice.click();
  await expect(page).toHaveURL(new RegExp(`/invoices/${billId}$`));
});

test('a seeded rejection shows its hostile reason as text, with no axe violation', async ({ page }) => {
  await signIn(page, 'commune', `/orders/${REJECTED_ORDER}/mandate`);
  await expect(page.getByTestId('mandate-state')).toContainText('Refusé');
  const shown = page.getByTestId('rejection-reason');
  await expect(shown).toContainText('<script>alert(1)</script> <b>gras</b>');
  await expect(shown.locator('b, script')).toHaveCount(0);
  await expect(fileInput(page)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an order not paid by mandate says so', async ({ page }) => {
  await signIn(page, 'hopital', `/orders/2001/mandate`);
  await expect(page.getByRole('alert')).toContainText('Aucun mandat pour cette commande');
});

test('drag and drop, and paste, choose the file as the picker does', async ({ page }) => {
  await openAwaitingMandate(page);
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['plain text'], 'glissé.pdf', { type: 'application/pdf' }));
    return data;
  });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByRole('alert')).toContainText('« glissé.pdf » n’est ni un PDF');

  await page.evaluate((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'collé.pdf', { type: 'application/pdf' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, [...pdfOfSize(1000)]);
  await expect(page.getByTestId('chosen-file')).toContainText('collé.pdf');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await send(page);
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
  expect((await mandateState(page)).document.name).toBe('collé.pdf');
});

test('leaving the page aborts the upload in flight and stops following the review', async ({ page }) => {
  // Timers on Playwright's clock: "no more reads" is shown by moving time on.
  await page.clock.install();
  await openAwaitingMandate(page);
  const pdf = await downloadForm(page);
  await page.route(UPLOAD, () => {});
  const aborted: string[] = [];
  page.on('requestfailed', (req) => {
    if (/\/mandate\/document/.test(req.url())) aborted.push(req.failure()?.errorText ?? '');
  });
  await choose(page, 'mandat.pdf', pdf);
  await send(page);
  await expect(page.getByRole('progressbar')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Mes commandes' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => aborted.length).toBe(1);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  expect((await mandateState(page)).state).toBe('awaitingDocument');

  // Order 1003 of the commune is under review: its page reads the state again
  // every few seconds, and stops once left.
  await signIn(page, 'commune', '/orders/1003/mandate');
  let reads = 0;
  page.on('request', (req) => {
    if (req.method() === 'GET' && req.url().endsWith('/api/me/order/1003/mandate')) reads += 1;
  });
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
  await expect.poll(() => reads, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  await nav.getByRole('link', { name: 'Mes commandes' }).click();
  await expect(page).toHaveURL(/\/$/);
  const afterLeaving = reads;
  await runTimersFor(page, 4_000);
  expect(reads).toBe(afterLeaving);
});

test('a mandate under review is read again less and less often, and never while the tab is hidden', async ({ page }) => {
  await page.clock.install();
  const reads: number[] = [];
  const answered: number[] = [];
  const isRead = (req: import('@playwright/test').Request) =>
    req.method() === 'GET' && req.url().endsWith('/api/me/order/1003/mandate');
  page.on('request', (req) => {
    if (isRead(req)) reads.push(Date.now());
  });
  page.on('requestfinished', (req) => {
    if (isRead(req)) answered.push(Date.now());
  });
  await signIn(page, 'commune', '/orders/1003/mandate');
  await expect(page.getByTestId('mandate-state')).toContainText('En cours de vérification');
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, hidden);
  await setHidden(true);
  const whileHidden = reads.length;
  // Past the first refresh (3 s): nothing asked while hidden.
  await runTimersFor(page, 4_500);
  expect(reads.length).toBe(whileHidden);
  // Shown again: read at once; nothing changed, so the next read waits twice
  // the first delay (6 s), not 3 s.
  await setHidden(false);
  await expect.poll(() => reads.length, { timeout: 2_000 }).toBe(whileHidden + 1);
  // The next delay counts from that read's answer: on a busy machine it can
  // come late, and the clock below must not run before it.
  await expect.poll(() => answered.length, { timeout: 5_000 }).toBe(whileHidden + 1);
  // The clock also flows on its own: 4 s on, past 3 s and short of 6 s.
  await runTimersFor(page, 4_000);
  expect(reads.length, 'read again after 3 s').toBe(whileHidden + 1);
  await page.clock.runFor(2_500);
  await expect.poll(() => reads.length, { timeout: 2_000 }).toBe(whileHidden + 2);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { test, expect, signIn, acceptNetworkErrors } from './fixtures';
import { pdfOfSize } from './files.mjs';

// Runs in the `faults` project (playwright.config.ts): a sandbox of its own whose
// API answers 20 % of requests 503 before applying them (`--fail-rate 0.2`), and
// applies half the payments and uploads then loses their answer, by a 502 or a
// closed connection (`--lose-rate 0.5`, `--fault-seed 2026`: the first payment's
// answer is lost): the client cannot know whether those were applied. The flows must still complete, through the app's own retries or
// the user's « Réessayer », with one payment and one document: counted by what
// the page received and what the sandbox recorded.

const ORDER = 1001;
const PAID_BY_MANDATE = 'Paiement par mandat administratif';
const DOCUMENT_RECEIVED = 'Mandat signé reçu';
const ENGAGEMENT = 'EJ-2026/<b>042</b> été';
const FILE_NAME = 'mandat signé 1001.pdf';

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ request }) => {
  // `/sandbox` is never faulted.
  expect((await request.post('/sandbox/reset')).status()).toBe(204);
});

/**
 * A GET of the API as a patient client: asked again while the sandbox answers 503
 * or 502, or closes the connection.
 */
async function apiGet(request: APIRequestContext, path: string) {
  for (let i = 0; i < 40; i++) {
    let response;
    try {
      response = await request.get(path);
    } catch {
      continue; // the connection was closed without an answer
    }
    if (response.status() !== 503 && response.status() !== 502) {
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      return response.json();
    }
  }
  throw new Error(`${path} kept failing`);
}

async function historyCount(request: APIRequestContext, label: string): Promise<number> {
  const followUp = await apiGet(request, `/api/me/order/${ORDER}/followUp`);
  return followUp.history.filter((event: { label: string }) => event.label === label).length;
}

/**
 * Waits for `target`, pressing « Réessayer » as a user would whenever the page
 * offers it. `beforeRetry` checks the page as it stands when an error shows.
 */
async function untilVisible(page: Page, target: Locator, beforeRetry?: () => Promise<void>) {
  const retry = page.getByRole('button', { name: /^Réessayer/ });
  const deadline = Date.now() + 60_000;
  let retries = 0;
  while (Date.now() < deadline) {
    if (await target.isVisible()) return retries;
    if (await retry.first().isVisible()) {
      if (beforeRetry) await beforeRetry();
      // The button may go away under the pointer (the page re-rendered, or its own
      // retry got through): a click on nothing is no click, look again.
      const clicked = await retry
        .first()
        .click({ timeout: 2_000 })
        .then(() => true, () => false);
      if (clicked) retries++;
    }
    // Look again as soon as it shows, or in 200 ms for an error to press on.
    await target.waitFor({ state: 'visible', timeout: 200 }).catch(() => {});
  }
  await expect(target).toBeVisible();
  return retries;
}

/** Counts the API's 503s the page met, per path. */
function count503(page: Page) {
  const seen: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 503) seen.push(new URL(response.url()).pathname);
  });
  return seen;
}

/**
 * What the page met of the answers lost after their request was applied (502s and
 * closed connections), and the payment receipts it received (200s of `/pay`).
 */
function countLostAndReceipts(page: Page) {
  const counts = { lost: [] as string[], receipts: 0 };
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() === 502) counts.lost.push(path);
    if (response.status() === 200 && path.endsWith('/pay')) counts.receipts++;
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) counts.lost.push(new URL(request.url()).pathname);
  });
  return counts;
}

/** The browser reports the connections the fault mode closed; nothing else is allowed. */
const CLOSED_ON_PURPOSE = /net::ERR_(EMPTY_RESPONSE|CONNECTION_CLOSED|CONNECTION_RESET)/;

test('the checkout by mandate and the upload complete through failures: one payment, one document', async ({ page, consoleErrors }) => {
  const failures = count503(page);
  const answers = countLostAndReceipts(page);
  await signIn(page, 'commune', `/orders/${ORDER}/checkout`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paiement de la commande n° ${ORDER}`);

  const mandate = page.getByRole('radio', { name: /Payer par mandat administratif/ });
  await untilVisible(page, mandate);
  await mandate.check();
  await expect(page.getByTestId('chorus-fields')).toBeVisible();
  const siret = page.getByLabel('SIRET de la structure à facturer');
  await expect(siret).toHaveValue(/214\s?450\s?124\s?00018/);
  const codeService = page.getByLabel('Code service');
  // SERV-TECH asks for a numéro d'engagement as well.
  await codeService.selectOption('SERV-TECH');
  const engagement = page.getByLabel('Numéro d’engagement');
  await expect(engagement).toBeVisible();
  await engagement.fill(ENGAGEMENT);

  const typedIsKept = async () => {
    await expect(mandate).toBeChecked();
    await expect(codeService).toHaveValue('SERV-TECH');
    await expect(engagement).toHaveValue(ENGAGEMENT);
    await expect(siret).toHaveValue(/214\s?450\s?124\s?00018/);
  };
  await page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  const confirmation = page.getByTestId('payment-confirmation');
  const retriesKeepingInput = await untilVisible(page, confirmation, typedIsKept);
  await expect(confirmation).toContainText('Paiement par mandat administratif enregistré');

  // The payment's first answer was lost after it was applied; the app's own
  // retry, with the same key, got the receipt replayed.
  expect(answers.lost.filter((path) => path.endsWith('/pay')).length).toBeGreaterThan(0);
  expect(answers.receipts).toBe(1);
  // Exactly one payment, with what was typed.
  expect(await historyCount(page.request, PAID_BY_MANDATE)).toBe(1);
  const paid = await apiGet(page.request, `/api/me/order/${ORDER}/mandate`);
  expect(paid.codeService).toBe('SERV-TECH');
  expect(paid.numeroEngagement).toBe(ENGAGEMENT.trim());
  expect(paid.state).toBe('awaitingDocument');

  // The upload, from the confirmation's link. Sent again (after the operator
  // refuses the copy) until one of the sends met a failure, so that the upload's
  // own retries are exercised: each round records exactly one more document.
  await page.getByTestId('mandate-upload-link').click();
  const input = page.getByLabel('Choisir le formulaire signé');
  const pdf = pdfOfSize(512 * 1024);
  const underReview = page.getByTestId('mandate-state').filter({ hasText: 'En cours de vérification' });
  const uploadFailed = () => failures.some((path) => path.endsWith('/mandate/document'));
  let rounds = 0;
  for (let round = 1; ; round++) {
    rounds = round;
    await untilVisible(page, input);
    await input.setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: /Envoyer le formulaire signé/ }).click();
    await untilVisible(page, underReview);
    expect(await historyCount(page.request, DOCUMENT_RECEIVED)).toBe(round);
    const sent = await apiGet(page.request, `/api/me/order/${ORDER}/mandate`);
    expect(sent.state).toBe('underReview');
    expect(sent.document.name).toBe(FILE_NAME);
    expect(sent.document.size).toBe(pdf.length);
    if (uploadFailed() || round === 25) break;
    const refused = await page.request.post(`/sandbox/orders/${ORDER}/mandate/reject`, {
      data: { reason: 'Signature <b>illisible</b>' },
    });
    expect(refused.status(), await refused.text()).toBe(200);
    await page.reload();
  }
  expect(uploadFailed(), 'an upload met a 503 and was sent again').toBeTruthy();
  // Still one payment after everything, and the page received one receipt for it.
  expect(await historyCount(page.request, PAID_BY_MANDATE)).toBe(1);
  expect(answers.receipts).toBe(1);
  // One stored copy of the signed form, however many were sent and replaced.
  const files = `${process.env.MANDAT_E2E_FAULTS_DB ?? `${TARGET}/e2e-faults.sqlite3`}.files`;
  const stored = readdirSync(files).filter((name) => name.startsWith(`mandate-${ORDER}-`));
  expect(stored, `${files}: ${stored.join(', ')}`).toHaveLength(1);

  test.info().annotations.push({ type: '503s met', description: failures.join(', ') || 'none' });
  test.info().annotations.push({ type: 'answers lost', description: answers.lost.join(', ') || 'none' });
  test.info().annotations.push({
    type: 'counts',
    description:
      `payments recorded ${await historyCount(page.request, PAID_BY_MANDATE)}, receipts received ${answers.receipts}, ` +
      `copies sent ${rounds}, documents recorded ${await historyCount(page.request, DOCUMENT_RECEIVED)}, ` +
      `stored copies ${stored.length}, ` +
      `« Réessayer » pressed with everything typed kept ${retriesKeepingInput}`,
  });
  expect(failures.length, 'the fault mode failed some of the requests').toBeGreaterThan(0);
  acceptNetworkErrors(consoleErrors, CLOSED_ON_PURPOSE);
});

test('payment retried by the user is applied once, the same answer each time', async ({ page, consoleErrors }) => {
  // Pays 1002 too, so that this run meets other draws of the fault sequence.
  const failures = count503(page);
  const answers = countLostAndReceipts(page);
  await signIn(page, 'commune', '/orders/1002/checkout');
  const mandate = page.getByRole('radio', { name: /Payer par mandat administratif/ });
  await untilVisible(page, mandate);
  await mandate.check();
  await page.getByLabel('Code service').selectOption('SERV-FIN');
  const submit = page.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' });
  await submit.click();
  await untilVisible(page, page.getByTestId('payment-confirmation'), async () => {
    await expect(page.getByLabel('Code service')).toHaveValue('SERV-FIN');
  });
  const followUp = await apiGet(page.request, '/api/me/order/1002/followUp');
  expect(followUp.history.filter((e: { label: string }) => e.label === PAID_BY_MANDATE)).toHaveLength(1);
  expect(await apiGet(page.request, '/api/me/order/1002/status')).toBe('documentsRequested');
  expect(answers.receipts).toBe(1);
  test.info().annotations.push({ type: '503s met', description: failures.join(', ') || 'none' });
  test.info().annotations.push({ type: 'answers lost', description: answers.lost.join(', ') || 'none' });
  acceptNetworkErrors(consoleErrors, CLOSED_ON_PURPOSE);
});

// ---------------------------------------------------------------------------
// The sandbox killed (SIGKILL) while an upload is in flight, then restarted on
// the same database: the app's own retries (or « Réessayer l’envoi ») send the
// copy again, and one document is recorded. This test runs its own sandbox.

const CRASH_PORT = Number(process.env.MANDAT_E2E_CRASH_PORT ?? 8789);
const CRASH_BASE = `http://127.0.0.1:${CRASH_PORT}`;
const TARGET = process.env.CARGO_TARGET_DIR ?? 'target';

async function startSandbox(extra: string[]): Promise<ChildProcess> {
  const child = spawn(
    `${TARGET}/debug/mandat-sandbox`,
    ['--port', String(CRASH_PORT), '--db', `${TARGET}/e2e-crash.sqlite3`, '--dist', 'dist', ...extra],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited (${child.exitCode})`);
    try {
      if ((await fetch(`${CRASH_BASE}/sandbox/accounts`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the sandbox did not start');
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

test('killed during an upload and restarted, the sandbox records the copy the app sends again', async ({ page, consoleErrors }) => {
  const order = 2002;
  // Slow answers keep the upload in flight long enough to kill the server under it.
  let server = await startSandbox(['--reseed', '--latency-ms', '1500']);
  try {
    await page.goto(`${CRASH_BASE}/sandbox/login?account=hopital&next=/`);
    const paid = await page.request.post(`${CRASH_BASE}/api/me/order/${order}/pay`, {
      data: {
        paymentMethod: { paymentType: 'ADMINISTRATIVE_MANDATE' },
        chorus: { siret: '26765432500013', codeService: '', numeroEngagement: 'EJ-2026-0042' },
      },
    });
    expect(paid.status(), await paid.text()).toBe(200);
    await page.goto(`${CRASH_BASE}/orders/${order}/mandate`);
    await expect(page.getByTestId('mandate-state')).toContainText('En attente du formulaire signé', { timeout: 15_000 });

    const pdf = pdfOfSize(3 * 1024 * 1024);
    let sends = 0;
    page.on('request', (r) => {
      if (/\/mandate\/document/.test(r.url()) && ['PUT', 'POST'].includes(r.method())) sends++;
    });
    await page.getByLabel('Choisir le formulaire signé').setInputFiles({ name: 'mandat.pdf', mimeType: 'application/pdf', buffer: pdf });
    const inFlight = page.waitForRequest(
      (r) => /\/mandate\/document/.test(r.url()) && ['PUT', 'POST'].includes(r.method()),
    );
    await page.getByRole('button', { name: /Envoyer le formulaire signé/ }).click();
    await inFlight;
    // The whole file is sent: the sandbox holds it while it delays its answer.
    await expect(page.getByTestId('upload-progress')).toHaveAttribute('aria-valuenow', '100');
    await kill(server);
    // The page tries again while the sandbox is down, then finds it back.
    await expect.poll(() => sends, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    server = await startSandbox([]);

    const underReview = page.getByTestId('mandate-state').filter({ hasText: 'En cours de vérification' });
    await untilVisible(page, underReview);
    const followUp = await (await page.request.get(`${CRASH_BASE}/api/me/order/${order}/followUp`)).json();
    expect(followUp.history.filter((e: { label: string }) => e.label === DOCUMENT_RECEIVED)).toHaveLength(1);
    const mandate = await (await page.request.get(`${CRASH_BASE}/api/me/order/${order}/mandate`)).json();
    expect(mandate.state).toBe('underReview');
    expect(mandate.document.size).toBe(pdf.length);
    // The send the kill cut, one refused while the sandbox was down, then the one that got through.
    expect(sends).toBeGreaterThanOrEqual(3);
  } finally {
    await kill(server);
  }
  // The browser reports the connections the kill cut or refused; nothing else is allowed.
  acceptNetworkErrors(consoleErrors, /net::ERR_(CONNECTION_RESET|CONNECTION_REFUSED|EMPTY_RESPONSE|CONNECTION_CLOSED|SOCKET_NOT_CONNECTED)/);
});

import { test, expect, signIn, expectNoAxeViolations, euros } from './fixtures';
import type { Page } from '@playwright/test';

// The app embedded in the demo host page (/host/, served by the sandbox with a
// strict Content-Security-Policy) through mount(element, config).

const ORDER = 1001;
const UNDER_REVIEW = 1003;

type HostEvent = { name: string; detail: Record<string, unknown>; slot: string | null };

declare global {
  interface Window {
    __csp: string[];
    __leaks: { listeners: () => number; timers: () => number; apiCalls: number };
    mandatHost: {
      mount: (config: Record<string, unknown>, slot?: string) => Promise<boolean>;
      unmount: (slot?: string) => void;
      events: HostEvent[];
    };
  }
}

test.beforeEach(async ({ page, request }) => {
  expect((await request.post('/sandbox/reset')).status()).toBe(204);
  // Any violation of the page's policy is recorded (the browser also logs it,
  // which the fixture counts as a console error).
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
});

test.afterEach(async ({ page }) => {
  const violations = await page.evaluate(() => window.__csp ?? []).catch(() => []);
  expect(violations, 'Content-Security-Policy violations').toEqual([]);
});

/** Signs in as `account` and opens the host page, which mounts the app from its query. */
async function openHost(page: Page, query: string, account = 'commune') {
  await signIn(page, account, `/host/?${query}`);
  await expect(page.locator('body')).toHaveAttribute('data-mounted', '');
}

async function hostEvents(page: Page, name?: string): Promise<HostEvent[]> {
  const all = await page.evaluate(() => window.mandatHost.events.map((e) => ({ ...e })));
  return name ? all.filter((e) => e.name === name) : all;
}

async function payByMandate(page: Page, words = {
  method: /Payer par mandat administratif/,
  codeService: 'Code service',
  confirm: 'Confirmer le paiement par mandat administratif',
}) {
  await page.getByRole('radio', { name: words.method }).check();
  await expect(page.getByTestId('chorus-fields')).toBeVisible();
  await page.getByLabel(words.codeService).selectOption('SERV-FIN');
  await page.getByRole('button', { name: words.confirm }).click();
}

test('the host page is sent with a strict policy and loads the app by its own script', async ({ page }) => {
  const response = await page.goto('/host/');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await expect(page.locator('body')).toHaveAttribute('data-ready', '');
  // Loading the module mounts nothing by itself: only mount() does.
  await expect(page.locator('.mandat')).toHaveCount(0);
});

test('the standalone page runs under the same policy, Trunk’s loader allowed by its hash only', async ({ page }) => {
  await signIn(page, 'commune', `/orders/${ORDER}/checkout`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paiement de la commande n° ${ORDER}`);
  const response = await page.request.get(`/orders/${ORDER}/checkout`);
  const csp = response.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+';/);
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await page.getByRole('radio', { name: /Payer par mandat administratif/ }).check();
  await expect(page.getByTestId('chorus-fields')).toBeVisible();
});

test('mounted on the host page, the checkout is paid by mandate and the host hears every step', async ({ page }) => {
  await openHost(page, `view=checkout&orderId=${ORDER}`);
  const slot = page.getByTestId('host-slot');
  await expect(slot.getByRole('heading', { level: 1 })).toHaveText(`Paiement de la commande n° ${ORDER}`);
  // The host keeps its own title, language and <main>.
  await expect(page).toHaveTitle(/Espace client/);
  await expect(page.locator('main')).toHaveCount(1);

  await payByMandate(page);
  await expect(slot.getByTestId('payment-confirmation')).toContainText('Paiement par mandat administratif enregistré');
  expect(await hostEvents(page, 'mandat:payment-method-chosen')).toEqual([
    { name: 'mandat:payment-method-chosen', detail: { orderId: ORDER, paymentType: 'ADMINISTRATIVE_MANDATE' }, slot: 'billing' },
  ]);
  expect(await hostEvents(page, 'mandat:order-paid')).toEqual([
    {
      name: 'mandat:order-paid',
      detail: { orderId: ORDER, paymentType: 'ADMINISTRATIVE_MANDATE', orderStatus: 'documentsRequested' },
      slot: 'billing',
    },
  ]);
  await expect(page.getByTestId('host-events').locator('li[data-event="mandat:order-paid"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  // The next step opens in place: the host's address does not change.
  const address = page.url();
  await slot.getByTestId('mandate-upload-link').click();
  await expect(slot.getByTestId('mandate-state')).toContainText('En attente du formulaire signé');
  expect(page.url()).toBe(address);

  const form = await page.request.get(`/api/me/order/${ORDER}/mandate/form`);
  expect(form.status()).toBe(200);
  await slot.getByLabel('Choisir le formulaire signé').setInputFiles({
    name: 'mandat-signe.pdf',
    mimeType: 'application/pdf',
    buffer: await form.body(),
  });
  await slot.getByRole('button', { name: 'Envoyer le formulaire signé' }).click();
  await expect(slot.getByTestId('mandate-state')).toContainText('En cours de vérification');
  await expect.poll(() => hostEvents(page, 'mandat:mandate-uploaded')).toEqual([
    { name: 'mandat:mandate-uploaded', detail: { orderId: ORDER, state: 'underReview' }, slot: 'billing' },
  ]);

  // The provider accepts it: the polling sees it, the host hears it.
  expect((await page.request.post(`/sandbox/orders/${ORDER}/mandate/accept`)).status()).toBeLessThan(300);
  await expect(slot.getByTestId('mandate-state')).toContainText('Accepté', { timeout: 10_000 });
  await expect
    .poll(async () => (await hostEvents(page, 'mandat:mandate-state-changed')).map((e) => e.detail))
    .toEqual([
      { orderId: ORDER, previousState: 'awaitingDocument', state: 'underReview' },
      { orderId: ORDER, previousState: 'underReview', state: 'accepted' },
    ]);
  await expectNoAxeViolations(page);
});

test('the host’s own links and back button keep working around the app', async ({ page }) => {
  await openHost(page, `view=checkout&orderId=${ORDER}`);
  const slot = page.getByTestId('host-slot');
  await expect(slot.getByRole('heading', { level: 1 })).toBeVisible();
  const start = page.url();

  // A route of the host's own (pushState) and back: the app does not take it over.
  await page.getByTestId('host-link-services').click();
  await expect(page).toHaveURL(/\/host\/services$/);
  await expect(page.getByTestId('host-title')).toHaveText('Mes services');
  await expect(slot.getByRole('heading', { level: 1 })).toHaveText(`Paiement de la commande n° ${ORDER}`);
  await page.goBack();
  await expect(page).toHaveURL(start);
  await expect(page.getByTestId('host-title')).toHaveText('Tableau de bord');
  await expect(slot.getByRole('heading', { level: 1 })).toHaveText(`Paiement de la commande n° ${ORDER}`);

  // A page of the host's, loaded as a page, and back.
  await page.getByTestId('host-link-support').click();
  await expect(page).toHaveURL(/\/host\/support$/);
  await expect(page.getByTestId('host-title')).toHaveText('Assistance');
  await page.goBack();
  await expect(page).toHaveURL(start);
  await expect(slot.getByRole('heading', { level: 1 })).toHaveText(`Paiement de la commande n° ${ORDER}`);
});

test('a link the host should follow is asked of the host: the legal-form settings', async ({ page }) => {
  await openHost(page, 'view=checkout&orderId=3001', 'entreprise');
  const unavailable = page.getByTestId('mandate-unavailable');
  await expect(unavailable).toBeVisible();
  await unavailable.getByRole('link').click();
  // The host cancelled the app's link and went to its own settings page.
  await expect(page).toHaveURL(/\/host\/settings\/legal-form$/);
  await expect(page.getByTestId('host-title')).toHaveText('Paramètres du compte');
});

test('unmounting leaves no listener, timer or request behind, also after a second mount', async ({ page }) => {
  // Real timers here (Playwright's clock gives ids past 2^31, which the app's
  // handles cannot hold, so no timer could be cleared under it). "Nothing
  // happens after unmounting" is shown by what could make it happen: no timer
  // pending and no listener left; a request in flight is aborted.
  await page.addInitScript(() => {
    const live = new Set<string>();
    let ids = 0;
    const keyOf = new WeakMap<object, number>();
    const key = (target: EventTarget, type: string, fn: unknown, options: unknown) => {
      const capture = typeof options === 'boolean' ? options : !!(options as { capture?: boolean })?.capture;
      const f = fn as object;
      if (!keyOf.has(f)) keyOf.set(f, ++ids);
      const who = target === window ? 'window' : target === document ? 'document' : 'other';
      return `${who} ${type} ${keyOf.get(f)} ${capture}`;
    };
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.addEventListener = function (type: string, fn: unknown, options?: unknown) {
      if ((this === window || this === document) && fn) live.add(key(this, type, fn, options));
      return add.call(this, type, fn as EventListener, options as AddEventListenerOptions);
    };
    EventTarget.prototype.removeEventListener = function (type: string, fn: unknown, options?: unknown) {
      if ((this === window || this === document) && fn) live.delete(key(this, type, fn, options));
      return remove.call(this, type, fn as EventListener, options as EventListenerOptions);
    };
    const pending = new Set<number>();
    const setT = window.setTimeout.bind(window);
    const clearT = window.clearTimeout.bind(window);
    const setI = window.setInterval.bind(window);
    const clearI = window.clearInterval.bind(window);
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = setT(
        (...a: unknown[]) => {
          pending.delete(id);
          if (typeof fn === 'function') fn(...a);
        },
        ms,
        ...args,
      );
      pending.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      clearT(id);
    }) as typeof window.clearTimeout;
    window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = setI(fn, ms, ...args);
      pending.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      clearI(id);
    }) as typeof window.clearInterval;
    window.__leaks = { listeners: () => live.size, timers: () => pending.size, apiCalls: 0 };
  });
  let apiCalls = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls++;
  });

  await signIn(page, 'commune', '/host/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', '');
  const slot = page.getByTestId('host-slot');

  // A mandate under review: the page polls it, and listens for paste.
  const cycle = async () => {
    await page.evaluate((id) => window.mandatHost.mount({ view: 'mandate', orderId: id }), UNDER_REVIEW);
    await expect(slot.getByTestId('mandate-state')).toContainText('En cours de vérification');
    const before = apiCalls;
    await expect.poll(() => apiCalls, { message: 'at least one poll', timeout: 10_000 }).toBeGreaterThan(before);
    await page.evaluate(() => window.mandatHost.unmount());
    await expect(slot.locator('.mandat')).toHaveCount(0);
    await expect(slot).toBeEmpty();
    return page.evaluate(() => ({ listeners: window.__leaks.listeners(), timers: window.__leaks.timers() }));
  };

  const first = await cycle();
  expect(first.timers, 'timers still pending after unmount').toBe(0);
  const calls = apiCalls;

  const second = await cycle();
  expect(second).toEqual(first);
  expect(second.timers, 'timers still pending after the second unmount').toBe(0);
  // Only the second mount's own reads came in between.
  expect(apiCalls).toBeGreaterThan(calls);

  // The host's own navigation still belongs to the host.
  await page.getByTestId('host-link-services').click();
  await expect(page.getByTestId('host-title')).toHaveText('Mes services');
  await page.goBack();
  await expect(page.getByTestId('host-title')).toHaveText('Tableau de bord');
  await expect(slot.locator('.mandat')).toHaveCount(0);
});

test('two mounts on one page do not interfere, and unmounting one leaves the other working', async ({ page }) => {
  await signIn(page, 'commune', '/host/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', '');
  await page.evaluate(async () => {
    await window.mandatHost.mount({ view: 'invoices' }, 'billing');
    await window.mandatHost.mount({ view: 'checkout', orderId: 1002, locale: 'en' }, 'billing-2');
  });
  const a = page.getByTestId('host-slot');
  const b = page.getByTestId('host-slot-2');
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Mes factures');
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Payment of order no. 1002');
  await page.evaluate(() => window.mandatHost.unmount('billing'));
  await expect(a.locator('.mandat')).toHaveCount(0);
  await b.getByRole('radio', { name: /Pay by administrative mandate/ }).check();
  await expect(b.getByTestId('chorus-fields')).toBeVisible();
  const chosen = await hostEvents(page, 'mandat:payment-method-chosen');
  expect(chosen.map((e) => [e.slot, e.detail.orderId])).toEqual([['billing-2', 1002]]);
});

test('a 401 raises session-expired, and the payment goes through once the host signs in again', async ({ page }) => {
  await openHost(page, `view=checkout&orderId=${ORDER}`);
  const slot = page.getByTestId('host-slot');
  await page.getByRole('radio', { name: /Payer par mandat administratif/ }).check();
  await expect(slot.getByTestId('chorus-fields')).toBeVisible();
  await slot.getByLabel('Code service').selectOption('SERV-FIN');

  // The session ends behind the app's back.
  expect((await page.request.get('/sandbox/logout')).status()).toBeLessThan(400);
  await slot.getByRole('button', { name: 'Confirmer le paiement par mandat administratif' }).click();
  await expect(page.getByTestId('host-session')).toBeVisible();
  const expired = await hostEvents(page, 'mandat:session-expired');
  expect(expired).toHaveLength(1);
  expect(expired[0].detail).toEqual({
    status: 401,
    method: 'POST',
    url: `/api/me/order/${ORDER}/pay`,
    willRetry: true,
  });
  await expect(slot.getByTestId('payment-confirmation')).toHaveCount(0);

  // The host signs the user in again and tells the app: the payment resumes.
  await page.getByTestId('host-signin').click();
  await expect(slot.getByTestId('payment-confirmation')).toContainText('Paiement par mandat administratif enregistré');
  expect(await hostEvents(page, 'mandat:order-paid')).toHaveLength(1);
  expect(await (await page.request.get(`/api/me/order/${ORDER}/status`)).json()).toBe('documentsRequested');
});

test('the whole checkout in English, with English amounts and dates', async ({ page }) => {
  await openHost(page, `view=checkout&orderId=${ORDER}&locale=en`);
  const slot = page.getByTestId('host-slot');
  await expect(slot.locator('.mandat')).toHaveAttribute('lang', 'en-GB');
  await expect(slot.getByRole('heading', { level: 1 })).toHaveText(`Payment of order no. ${ORDER}`);
  await expect(slot.getByRole('heading', { name: 'Order summary' })).toBeVisible();
  const order = await (await page.request.get(`/api/me/order/${ORDER}`)).json();
  await expect(slot.getByText(euros(order.priceWithTax.value, 'en-GB')).first()).toBeVisible();
  await expect(slot.getByRole('rowheader', { name: 'Total incl. VAT' })).toBeVisible();

  await page.getByRole('radio', { name: /Pay by administrative mandate/ }).check();
  await expect(slot.getByLabel('SIRET of the structure to invoice')).toBeVisible();
  await expect(slot.getByTestId('siret-status')).toBeVisible();
  await expectNoAxeViolations(page);
  await slot.getByLabel('Service code').selectOption('SERV-FIN');
  await slot.getByRole('button', { name: 'Confirm payment by administrative mandate' }).click();
  const confirmation = slot.getByTestId('payment-confirmation');
  await expect(confirmation).toContainText('Payment by administrative mandate recorded');
  await expect(confirmation).toContainText('Next steps');
  // Not a word of French left in the app's part of the page.
  const text = await slot.innerText();
  expect(text).not.toMatch(/Paiement|commande|Récapitulatif|Confirmer|Étape/);
  await expectNoAxeViolations(page);
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('the app follows the browser’s language when the host does not set one', async ({ page }) => {
    await openHost(page, 'view=invoices');
    await expect(page.getByTestId('host-slot').getByRole('heading', { level: 1 })).toHaveText('My invoices');
  });
});

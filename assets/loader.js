// Starts the API requests of the page being opened while the app's code is
// still on its way (downloaded, compiled, instantiated): the data no longer
// waits for the code. The app's client adopts these answers, each once and
// within 30 s, instead of asking again (`src/api/mod.rs`, `take_prefetched`); an error or
// a 503 adopted so goes through the client's usual retries and 401 handling.
//
// The standalone page loads this module itself and asks for the page in the
// address. A host page imports it and calls `prefetch(config)` with the
// config it gives `mount`, before the app's module is loaded.
//
// What each page asks for first must be the app's own first requests, to the
// byte: `tests/prefetch.rs` checks it against the app's client.

// Where the answers wait for the app: a Map of URL → { response,
// credentials, at } (`at`: when it was asked, by `Date.now()`; the app leaves
// an answer that has waited too long). No timer: nothing outlives the page's
// use of it.
const PENDING = '__mandatPrefetch';

/** The app's page at `path` (an app path with its query), as `Page::parse` reads it. */
function pageAt(path) {
  const [beforeQuery] = path.split('?');
  const [bare] = beforeQuery.split('#');
  const parts = bare.replace(/^\/+|\/+$/g, '').split('/');
  if (parts.length === 1 && parts[0] === '') return { view: 'orders' };
  if (parts.length === 3 && parts[0] === 'orders' && id(parts[1])) {
    if (parts[2] === 'checkout') return { view: 'checkout', orderId: id(parts[1]) };
    if (parts[2] === 'mandate') return { view: 'mandate', orderId: id(parts[1]) };
  }
  if (parts.length === 2 && parts[0] === 'invoices' && parts[1] !== '') {
    let billId = parts[1].replace(/\+/g, ' ');
    try {
      billId = decodeURIComponent(billId);
    } catch {
      billId = parts[1];
    }
    return { view: 'invoice', billId };
  }
  return null;
}

/** What the app asks the API for first on `page`, in the order it asks. */
function firstRequests(page) {
  if (!page) return [];
  const order = `/me/order/${page.orderId}`;
  const bill = `/me/bill/${encodeURIComponent(page.billId ?? '')}`;
  switch (page.view) {
    case 'orders':
      // The invoices that can wait for the buyer (`mandat_model::todo::bills_path(1)`).
      return ['/me', '/me/order', '/me/renewal', '/me/bill?chorusStatus=SUSPENDUE,A_RECYCLER,MISE_EN_PAIEMENT&page=1&pageSize=1000'];
    case 'checkout':
      return [order, `${order}/details`, `${order}/paymentMethods`, '/me/chorus'];
    case 'mandate':
      // The mandate, then its order for the expiry date the page shows.
      return [`${order}/mandate`, order];
    case 'invoice':
      return [bill, `${bill}/chorus`, `${bill}/debt`];
    // The list's request depends on its filters, which the model reads.
    default:
      return [];
  }
}

/** The page `mount(element, config)` opens: the address's under `basePath`, else `view`. */
function pageOfConfig(config) {
  const base = String(config.basePath ?? '').replace(/\/+$/, '');
  if (base) {
    const here = location.pathname + location.search;
    if (here.startsWith(base)) {
      const rest = here.slice(base.length);
      if (rest === '') return pageAt('/');
      if (rest.startsWith('/') || rest.startsWith('?')) {
        const page = pageAt(rest);
        if (page) return page;
      }
    }
  }
  const view = config.view == null ? 'orders' : String(config.view);
  const orderId = config.orderId == null ? null : id(String(config.orderId));
  switch (view) {
    case 'orders':
      return { view };
    case 'checkout':
    case 'mandate':
      return orderId ? { view, orderId } : null;
    case 'invoice':
      return config.billId == null ? null : { view, billId: String(config.billId) };
    default:
      return null;
  }
}

/** An order id as the app writes it back (`u64`), or null when it reads none. */
function id(s) {
  return /^\d{1,19}$/.test(s) ? s.replace(/^0+(?=\d)/, '') : null;
}

/**
 * Asks now for what the app will ask first on the page `config` opens (the
 * config of `mount`: view, orderId, billId, basePath, apiBase, credentials).
 */
export function prefetch(config = {}) {
  const base = String(config.apiBase ?? '/api').trim().replace(/\/+$/, '');
  const credentials = String(config.credentials ?? 'same-origin');
  const page = config.page != null ? pageAt(String(config.page)) : pageOfConfig(config);
  const pending = (window[PENDING] ??= new Map());
  for (const path of firstRequests(page)) {
    const url = base + path;
    const response = fetch(url, { credentials, headers: { Accept: 'application/json' } });
    // Not adopted, a refused request is nobody's error.
    response.catch(() => {});
    // A newer request for the same URL replaces an older one.
    pending.set(url, { response, credentials, at: Date.now() });
  }
}

// The standalone page (the one that names its API base): the page in the address.
const meta = document.querySelector('meta[name="mandat-api-base"]');
if (meta) {
  prefetch({ apiBase: meta.getAttribute('content') ?? '/api', page: location.pathname + location.search });
}

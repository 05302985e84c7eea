// The demo host page: a control panel that embeds mandat through
// mount(element, config). Loaded as an external module: the page allows no
// inline script (Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval').

const EVENTS = [
  'mandat:payment-method-chosen',
  'mandat:order-paid',
  'mandat:mandate-uploaded',
  'mandat:mandate-state-changed',
  'mandat:documents-sent',
  'mandat:session-expired',
  'mandat:navigate',
];

const params = new URLSearchParams(location.search);
const account = params.get('account') || 'commune';
const handles = new Map();
const events = [];
let app = null;

let files = null;
/** The built app's file names, from /host/app.json (once). */
function appFiles() {
  if (!files) files = fetch('/host/app.json').then((r) => r.json());
  return files;
}

/**
 * Asks for the data of the view `config` opens while the app's code loads:
 * the app's loader module, given the config that `mount` will get.
 */
async function prefetch(config) {
  try {
    const { loader } = await appFiles();
    if (loader) (await import(loader)).prefetch(config);
  } catch {
    // Without it the app asks for its data itself.
  }
}

/** Loads the built app once: its file names come from /host/app.json. */
async function loadApp() {
  if (!app) {
    app = (async () => {
      const files = await appFiles();
      for (const href of files.css) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        document.head.append(link);
      }
      const mod = await import(files.js);
      await mod.default({ module_or_path: files.wasm });
      return mod;
    })();
  }
  return app;
}

/** Mounts the app in the slot with id `slot` (replacing what was there). */
async function mount(config, slot = 'billing') {
  const [{ mount }] = await Promise.all([loadApp(), prefetch(config)]);
  unmount(slot);
  const handle = mount(document.getElementById(slot), config);
  handles.set(slot, handle);
  return true;
}

function unmount(slot = 'billing') {
  const handle = handles.get(slot);
  if (handle) {
    handle.unmount();
    handle.free();
    handles.delete(slot);
  }
}

/** Signs in again (the sandbox's sign-in), then lets every mounted app retry. */
async function signInAgain() {
  await fetch(`/sandbox/login?account=${encodeURIComponent(account)}&next=/sandbox/accounts`, {
    credentials: 'same-origin',
  });
  document.getElementById('panel-session').hidden = true;
  for (const handle of handles.values()) handle.retry();
}

function record(ev) {
  const entry = { name: ev.type, detail: ev.detail, slot: ev.target.id || null };
  events.push(entry);
  const item = document.createElement('li');
  item.dataset.event = ev.type;
  item.textContent = `${ev.type} ${JSON.stringify(ev.detail)}`;
  document.getElementById('panel-events').append(item);
  if (ev.type === 'mandat:session-expired') {
    document.getElementById('panel-session').hidden = false;
  }
  // The host has its own page for the account's legal form.
  if (ev.type === 'mandat:navigate' && ev.detail.target === 'legal-form-settings') {
    ev.preventDefault();
    location.assign('/host/settings/legal-form');
  }
}

for (const name of EVENTS) document.addEventListener(name, record);

// The host's own in-page routes: history entries the app must leave alone.
const titles = { '/host/services': 'Mes services', '/host/support': 'Assistance', '/host/legal': 'Mentions légales' };
function showRoute() {
  const title = titles[location.pathname] || (location.pathname.startsWith('/host/settings') ? 'Paramètres du compte' : 'Tableau de bord');
  document.getElementById('panel-title').textContent = title;
}
document.addEventListener('click', (ev) => {
  const link = ev.target instanceof Element ? ev.target.closest('a[data-host-route]') : null;
  if (link && !ev.defaultPrevented && ev.button === 0 && !ev.metaKey && !ev.ctrlKey) {
    ev.preventDefault();
    history.pushState({ host: true }, '', link.getAttribute('href'));
    showRoute();
  }
});
window.addEventListener('popstate', showRoute);
showRoute();

const form = document.getElementById('panel-controls');
form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const data = new FormData(form);
  const config = { view: data.get('view'), orderId: data.get('orderId'), billId: data.get('billId') };
  if (data.get('locale')) config.locale = data.get('locale');
  mount(config);
});
document.getElementById('panel-unmount').addEventListener('click', () => unmount());
document.getElementById('panel-signin').addEventListener('click', () => signInAgain());

window.mandatHost = { mount, unmount, signInAgain, events, handles, loadApp };

// /host/?view=checkout&orderId=1001&locale=en mounts at once.
if (params.get('view')) {
  const config = {};
  for (const key of ['view', 'orderId', 'billId', 'locale', 'basePath', 'apiBase', 'credentials']) {
    if (params.get(key)) config[key] = params.get(key);
  }
  mount(config).then(() => document.body.setAttribute('data-mounted', ''));
} else {
  loadApp().then(() => document.body.setAttribute('data-ready', ''));
}

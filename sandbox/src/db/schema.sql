-- The sandbox's tables. Applied at every start: `IF NOT EXISTS` keeps what is
-- there, and `migrate` (db/mod.rs) adds the columns added since.
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT NOT NULL,
    order_id INTEGER,
    bill_id TEXT
);
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    customer_code TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    legal_form TEXT NOT NULL,
    language TEXT NOT NULL,
    kind TEXT NOT NULL,
    listed INTEGER NOT NULL,
    structure_siret TEXT
);
CREATE TABLE IF NOT EXISTS structures (
    siret TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code_service_required INTEGER NOT NULL,
    engagement_required INTEGER NOT NULL,
    engagement_or_service INTEGER NOT NULL,
    deadline_days INTEGER NOT NULL,
    mep_not_reported INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS services (
    siret TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    active INTEGER NOT NULL,
    engagement_required INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (siret, code)
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    date TEXT NOT NULL,
    expiration_date TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL,
    description TEXT NOT NULL,
    domain TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_cents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS order_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    label TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS payments (
    order_id INTEGER PRIMARY KEY,
    payment_type TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    account_id TEXT NOT NULL,
    key TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    request TEXT,
    PRIMARY KEY (account_id, key)
);
CREATE TABLE IF NOT EXISTS mandates (
    order_id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    siret TEXT NOT NULL,
    code_service TEXT NOT NULL,
    numero_engagement TEXT NOT NULL,
    doc_name TEXT,
    doc_size INTEGER,
    doc_type TEXT,
    doc_path TEXT,
    uploaded_at TEXT,
    rejection_reason TEXT,
    bill_id TEXT
);
CREATE TABLE IF NOT EXISTS bills (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    category TEXT NOT NULL,
    ht_cents INTEGER NOT NULL,
    chorus_invoice_id TEXT,
    siret TEXT,
    code_service TEXT NOT NULL DEFAULT '',
    numero_engagement TEXT NOT NULL DEFAULT '',
    chorus_status TEXT,
    clock INTEGER NOT NULL DEFAULT 0,
    documents_sent_at TEXT
);
CREATE TABLE IF NOT EXISTS bill_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bill_id TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    path TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bills_by_account ON bills (account_id, date);
CREATE TABLE IF NOT EXISTS chorus_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bill_id TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX IF NOT EXISTS chorus_events_by_bill ON chorus_events (bill_id);
CREATE TABLE IF NOT EXISTS renewals (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    label TEXT NOT NULL,
    domain TEXT NOT NULL,
    next_date TEXT NOT NULL,
    period_months INTEGER NOT NULL,
    ht_cents INTEGER NOT NULL,
    siret TEXT,
    code_service TEXT NOT NULL DEFAULT '',
    numero_engagement TEXT NOT NULL DEFAULT '',
    engagement_year INTEGER
);

-- mottak's store: every document that enters, its state, what was decided and posted.
-- Kept portable with migrations/sqlite/0001_init.sql: integers are BIGINT, times are
-- microseconds since the Unix epoch, money is BIGINT minor units (øre), JSON is TEXT.

-- Content-addressed bytes: original documents and decoded attachments.
CREATE TABLE blobs (
    sha256      TEXT PRIMARY KEY,
    size_bytes  BIGINT NOT NULL,
    content     BYTEA NOT NULL
);

CREATE TABLE documents (
    id              TEXT PRIMARY KEY,          -- the ingest message id (UUID)
    channel         TEXT NOT NULL,             -- 'ehf' | 'email'
    source_name     TEXT,                      -- file name or origin given at ingest
    sha256          TEXT NOT NULL REFERENCES blobs (sha256),
    size_bytes      BIGINT NOT NULL,
    received_us     BIGINT NOT NULL,           -- when it was ingested
    doc_kind        TEXT,                      -- 'Invoice' | 'CreditNote'
    invoice_number  TEXT,
    supplier_name   TEXT,
    supplier_key    TEXT,                      -- e.g. '0192:987654325'
    state           TEXT NOT NULL,             -- received|validating|posting|posted|rejected|set_aside
    stage           TEXT,                      -- receiver|validator|poster: who decided it
    reasons         TEXT NOT NULL DEFAULT '[]',-- JSON array of findings
    invoice_json    TEXT,                      -- the parsed invoice
    updated_us      BIGINT NOT NULL
);
CREATE INDEX documents_state ON documents (state);
CREATE INDEX documents_supplier_number ON documents (supplier_key, invoice_number);

CREATE TABLE attachments (
    document_id     TEXT NOT NULL REFERENCES documents (id),
    position        BIGINT NOT NULL,
    sha256          TEXT REFERENCES blobs (sha256),
    filename        TEXT,
    declared_mime   TEXT,
    detected_type   TEXT,
    external_uri    TEXT,
    problem         TEXT,                      -- JSON, when the attachment is unusable
    PRIMARY KEY (document_id, position)
);

-- Invoice numbers already accepted, per supplier: the duplicate register.
CREATE TABLE invoice_numbers (
    supplier_key    TEXT NOT NULL,
    doc_kind        TEXT NOT NULL,
    invoice_number  TEXT NOT NULL,
    document_id     TEXT NOT NULL REFERENCES documents (id),
    PRIMARY KEY (supplier_key, doc_kind, invoice_number)
);

-- Peppol BIS Invoice Responses produced for returned invoices.
CREATE TABLE invoice_responses (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL UNIQUE REFERENCES documents (id),
    created_us      BIGINT NOT NULL,
    xml             TEXT NOT NULL
);

CREATE TABLE journal_entries (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL UNIQUE REFERENCES documents (id),
    entry_date      TEXT NOT NULL,             -- the invoice's issue date, YYYY-MM-DD
    doc_kind        TEXT NOT NULL,
    currency        TEXT NOT NULL,
    supplier_key    TEXT NOT NULL,
    supplier_name   TEXT,
    invoice_number  TEXT NOT NULL,
    payable_minor   BIGINT NOT NULL,
    posted_us       BIGINT NOT NULL,
    event_json      TEXT NOT NULL              -- the ledger.posted event, re-sent on redelivery
);

CREATE TABLE journal_lines (
    entry_id        TEXT NOT NULL REFERENCES journal_entries (id),
    line_no         BIGINT NOT NULL,
    account         TEXT NOT NULL,
    amount_minor    BIGINT NOT NULL,           -- debit positive, credit negative
    description     TEXT NOT NULL,
    vat_rate        TEXT,
    PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX journal_lines_account ON journal_lines (account);

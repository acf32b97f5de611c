-- E-mail intake (kept portable with migrations/postgres/0002_email.sql).
-- The raw message is the document (documents.sha256); what the intake read of it is here.

CREATE TABLE emails (
    document_id     TEXT PRIMARY KEY REFERENCES documents (id),
    message_id      TEXT,                      -- the mail's Message-ID
    from_address    TEXT,
    subject         TEXT,
    mail_json       TEXT NOT NULL,             -- headers that matter (from, reply-to, references...)
    parts_json      TEXT NOT NULL,             -- every MIME part: path, name, declared and detected type, counted
    reply_address   TEXT,                      -- where a reply goes; NULL when answering is suppressed
    suppressed      TEXT,                      -- why the sender is not answered (auto_submitted, rate_limited, ...)
    document_sha256 TEXT REFERENCES blobs (sha256), -- the accepted PDF or TIFF
    document_format TEXT,                      -- 'pdf' | 'tiff'
    pages           BIGINT,
    ubl_sha256      TEXT REFERENCES blobs (sha256), -- UBL/EHF embedded in the PDF, checked by the official rules
    capture_json    TEXT                       -- how the invoice was read: source and fields, each with where it was found
);
CREATE INDEX emails_from ON emails (from_address);

-- Reply mails sent to suppliers (turned away, returned, not an invoice).
CREATE TABLE mail_replies (
    id              TEXT PRIMARY KEY,          -- the reply's Message-ID
    document_id     TEXT NOT NULL UNIQUE REFERENCES documents (id),
    recipient       TEXT NOT NULL,             -- lower-cased address
    created_us      BIGINT NOT NULL,
    content         BLOB NOT NULL              -- the RFC 5322 message as published
);
CREATE INDEX mail_replies_recipient ON mail_replies (recipient, created_us);

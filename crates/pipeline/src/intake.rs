//! The e-mail intake stage and the reply mails: the shell around `mottak-email`.
//!
//! The intake keeps the raw message, lets [`mottak_email::intake::decide`] judge it, and
//! then either turns it away (state `rejected`, stage `intake`, with a reply), sets it aside
//! as not an invoice (with the one "this address takes invoices only" reply to a person),
//! sends a scan to a clerk (`awaiting_capture`), or reads the accepted PDF into an invoice
//! and hands it to the same validator as EHF. Like every stage it is idempotent: a
//! redelivered mail only re-sends what its first handling produced (same message ids).

use mottak_email::capture::{Capture, StructuredFormat};
use mottak_email::intake::{DocFormat, Intake, MailInfo, Reason, ReplyPolicy, Verdict};
use mottak_email::reply::{Problem, ReplyInput, ReplyKind};
use mottak_invoice::Attachment;
use mottak_invoice::filetype::FileType;
use mottak_rules::{Finding, Severity};
use sha2::{Digest, Sha256};

use crate::messages::{RawDocument, ToValidate};
use crate::stages::{Context, Outgoing, now_us, record_raw, resend_to_validate, to_json};
use crate::store::{DocState, NewEmail, Stage, StoreError, Tx};

/// What the intake needs to know besides the message.
#[derive(Debug, Clone)]
pub struct MailContext {
    pub intake: mottak_email::intake::IntakeConfig,
    /// Our own address: replies come from it.
    pub address: String,
    /// Display name of replies.
    pub from_name: String,
    /// At most one reply per sender within this window (µs).
    pub reply_window_us: i64,
}

/// A finding from an intake reason.
fn finding(reason: &Reason) -> Finding {
    let def = mottak_rules::rule(reason.code);
    Finding {
        rule: reason.code.to_owned(),
        code: def.code.to_owned(),
        severity: Severity::Fatal,
        message: reason.message(),
        location: None,
    }
}

fn capture_finding(nb: &str, en: &str) -> Finding {
    Finding {
        rule: "MOTTAK-CAPTURE".into(),
        code: "OTH".into(),
        severity: Severity::Fatal,
        message: format!("{nb} / {en}"),
        location: None,
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Intake: keep the mail, decide, and act on the decision.
#[tracing::instrument(skip_all, fields(document_id = %raw.document_id))]
pub(crate) async fn intake(
    tx: &mut Tx<'_>,
    ctx: &Context,
    raw: &RawDocument,
) -> Result<Vec<Outgoing>, StoreError> {
    let now = now_us();
    let (id, status) = record_raw(tx, raw, now).await?;
    let id = id.as_str();
    match status.state {
        DocState::Received => {}
        // Handled before; what it produced may not have been confirmed: send it again.
        DocState::Validating => {
            let ubl_sha256 = tx.email(id).await?.and_then(|e| e.ubl_sha256);
            return resend_to_validate(tx, raw, id, ubl_sha256).await;
        }
        DocState::Rejected | DocState::SetAside => return resend_reply(tx, id).await,
        _ => return Ok(Vec::new()),
    }

    let decided = mottak_email::intake::decide(&raw.bytes, &ctx.mail.intake);
    record_email(tx, id, &decided).await?;
    match &decided.verdict {
        Verdict::TurnAway(reason) | Verdict::NotInvoice(reason) => {
            // Turned away: rejected, and the sender is told why. Not an invoice: set aside;
            // a person who wrote to the invoice address hears, once, that it takes invoices
            // only; a bounce or an unreadable message is never answered.
            let (state, reply) = match &decided.verdict {
                Verdict::TurnAway(_) => (DocState::Rejected, Some(ReplyKind::TurnedAway)),
                _ => (
                    DocState::SetAside,
                    (reason.code == "MOTTAK-EMAIL-NO-DOCUMENT").then_some(ReplyKind::NotAnInvoice),
                ),
            };
            tracing::info!(reason = reason.code, %state, "mail not accepted");
            tx.transition(
                id,
                DocState::Received,
                state,
                Stage::Intake,
                Some(&[finding(reason)]),
                now,
            )
            .await?;
            let Some(kind) = reply else {
                return Ok(Vec::new());
            };
            let problems = [(reason.code.to_owned(), reason.nb.clone(), reason.en.clone())];
            Ok(answer(tx, ctx, id, kind, &problems, now)
                .await?
                .into_iter()
                .collect())
        }
        Verdict::Accept {
            part,
            format,
            pages,
        } => {
            let Some(part) = decided.parts.get(*part) else {
                return Err(StoreError::Corrupt(
                    "the accepted part is not among the parts".into(),
                ));
            };
            let sha256 = sha256_hex(&part.bytes);
            let attachment = Attachment {
                id: None,
                description: None,
                filename: part.filename.clone(),
                declared_mime: part.declared_type.clone(),
                detected: Some(FileType::detect(&part.bytes)),
                sha256: Some(sha256),
                size: u64::try_from(part.bytes.len()).ok(),
                external_uri: None,
                problem: None,
            };
            let format_name = match format {
                DocFormat::Pdf => "pdf",
                DocFormat::Tiff => "tiff",
            };
            tx.put_email_document(id, &attachment, &part.bytes, format_name, *pages)
                .await?;
            match format {
                DocFormat::Tiff => {
                    let capture = serde_json::json!({ "source": "none", "format": "tiff" });
                    tx.put_capture(id, &capture.to_string(), None).await?;
                    let why = capture_finding(
                        &format!(
                            "Fakturaen kom som TIFF-bilde ({pages} side(r)); en saksbehandler må registrere den"
                        ),
                        &format!(
                            "The invoice came as a TIFF image ({pages} page(s)); a clerk must capture it"
                        ),
                    );
                    await_capture(tx, id, why, now).await
                }
                DocFormat::Pdf => {
                    let capture = mottak_email::capture::capture_pdf(&part.bytes, &ctx.limits);
                    read_pdf(tx, raw, id, capture, now).await
                }
            }
        }
    }
}

/// Record what the intake read of the mail.
async fn record_email(tx: &mut Tx<'_>, id: &str, decided: &Intake) -> Result<(), StoreError> {
    let mail_json = to_json(&decided.mail)?;
    let parts_json = to_json(&decided.parts)?;
    let (reply_address, suppressed) = match &decided.reply {
        ReplyPolicy::Reply { to } => (Some(to.to_ascii_lowercase()), None),
        ReplyPolicy::Suppress(why) => (None, Some(why.as_str())),
    };
    tx.put_email(&NewEmail {
        document_id: id,
        message_id: decided.mail.message_id.as_deref(),
        from_address: decided.mail.from.as_ref().map(|m| m.address.as_str()),
        subject: decided.mail.subject.as_deref(),
        mail_json: &String::from_utf8_lossy(&mail_json),
        parts_json: &String::from_utf8_lossy(&parts_json),
        reply_address: reply_address.as_deref(),
        suppressed,
    })
    .await
}

async fn await_capture(
    tx: &mut Tx<'_>,
    id: &str,
    why: Finding,
    now: i64,
) -> Result<Vec<Outgoing>, StoreError> {
    tracing::info!("accepted; awaiting capture by a clerk");
    tx.transition(
        id,
        DocState::Received,
        DocState::AwaitingCapture,
        Stage::Intake,
        Some(&[why]),
        now,
    )
    .await?;
    Ok(Vec::new())
}

/// Names of the essential fields, for the clerk (bokmål, English).
fn field_names(field: &str) -> (&str, &str) {
    match field {
        "invoice_number" => ("fakturanummer", "invoice number"),
        "issue_date" => ("fakturadato", "invoice date"),
        "supplier_org" => (
            "leverandørens organisasjonsnummer",
            "supplier's organisation number",
        ),
        "payable_amount" => ("beløp å betale", "amount due"),
        other => (other, other),
    }
}

/// Turn the capture of an accepted PDF into an invoice on its way to validation, or into
/// work for a clerk.
async fn read_pdf(
    tx: &mut Tx<'_>,
    raw: &RawDocument,
    id: &str,
    capture: Capture,
    now: i64,
) -> Result<Vec<Outgoing>, StoreError> {
    let note = |text: &str| Finding {
        rule: "MOTTAK-CAPTURE-NOTE".into(),
        code: "OTH".into(),
        severity: Severity::Warning,
        message: text.to_owned(),
        location: None,
    };
    let (invoice, ubl_sha256, notes) = match capture {
        Capture::NoText {
            reason_nb,
            reason_en,
        } => {
            let summary = serde_json::json!({ "source": "none", "format": "pdf" });
            tx.put_capture(id, &summary.to_string(), None).await?;
            return await_capture(tx, id, capture_finding(&reason_nb, &reason_en), now).await;
        }
        Capture::Text {
            invoice,
            fields,
            missing,
            notes,
        } => {
            let summary = serde_json::json!({
                "source": "text",
                "fields": fields,
                "missing": missing,
                "notes": notes,
            });
            tx.put_capture(id, &summary.to_string(), None).await?;
            if !missing.is_empty() {
                let key = mottak_rules::supplier_key(&invoice);
                tx.describe(id, &invoice, key.as_deref()).await?;
                let (nb, en): (Vec<&str>, Vec<&str>) =
                    missing.iter().map(|f| field_names(f)).unzip();
                let why = capture_finding(
                    &format!(
                        "Teksten i PDF-en ble lest, men {} ble ikke funnet; en saksbehandler må registrere fakturaen",
                        nb.join(", ")
                    ),
                    &format!(
                        "The PDF's text was read, but the {} could not be found; a clerk must capture the invoice",
                        en.join(", ")
                    ),
                );
                return await_capture(tx, id, why, now).await;
            }
            (invoice, None, notes)
        }
        Capture::Structured {
            format,
            filename,
            xml,
            invoice,
            notes,
        } => {
            let sha256 = sha256_hex(&xml);
            let source = match format {
                StructuredFormat::Ubl => "ubl",
                StructuredFormat::Cii => "cii",
            };
            let found = filename.as_deref().unwrap_or("embedded XML");
            let summary = serde_json::json!({
                "source": source,
                "filename": filename,
                "sha256": sha256,
                "fields": mottak_email::capture::fields_from_invoice(&invoice, found),
                "notes": notes,
            });
            // The embedded XML is kept either way; the official EN16931 / Peppol rules read
            // UBL, while CII is judged by the receiver's rules only.
            tx.put_blob(&sha256, &xml).await?;
            let ubl = matches!(format, StructuredFormat::Ubl).then_some(sha256);
            tx.put_capture(id, &summary.to_string(), ubl.as_deref())
                .await?;
            (invoice, ubl, notes)
        }
    };
    let notes: Vec<Finding> = notes.iter().map(|n| note(n)).collect();
    let key = mottak_rules::supplier_key(&invoice);
    tx.describe(id, &invoice, key.as_deref()).await?;
    tx.transition(
        id,
        DocState::Received,
        DocState::Validating,
        Stage::Intake,
        Some(&notes),
        now,
    )
    .await?;
    let body = to_json(&ToValidate {
        document_id: id.to_owned(),
        ingested_us: raw.ingested_us,
        invoice,
        ubl_sha256,
    })?;
    Ok(vec![Outgoing::Validate {
        document_id: id.to_owned(),
        body,
    }])
}

/// The reply already produced for a document, to send again.
async fn resend_reply(tx: &mut Tx<'_>, id: &str) -> Result<Vec<Outgoing>, StoreError> {
    Ok(tx
        .mail_reply(id)
        .await?
        .map(|r| Outgoing::ReplyMail {
            document_id: id.to_owned(),
            reply_id: r.id,
            bytes: r.content,
        })
        .into_iter()
        .collect())
}

/// Answer the sender of e-mailed document `id`, unless answering is suppressed for this
/// mail or the sender was answered within the reply window. Each problem is
/// `(rule id, bokmål, English)`. Returns the reply to publish.
pub(crate) async fn answer(
    tx: &mut Tx<'_>,
    ctx: &Context,
    id: &str,
    kind: ReplyKind,
    problems: &[(String, String, String)],
    now: i64,
) -> Result<Option<Outgoing>, StoreError> {
    if let Some(existing) = tx.mail_reply(id).await? {
        return Ok(Some(Outgoing::ReplyMail {
            document_id: id.to_owned(),
            reply_id: existing.id,
            bytes: existing.content,
        }));
    }
    let Some(email) = tx.email(id).await? else {
        return Err(StoreError::Corrupt(format!("no e-mail recorded for {id}")));
    };
    let Some(to) = email.reply_address else {
        return Ok(None);
    };
    if let Some(last) = tx.last_reply_to(&to).await?
        && now.saturating_sub(last) < ctx.mail.reply_window_us
    {
        tracing::info!("sender answered recently; no reply this time");
        tx.suppress_reply(id, "rate_limited").await?;
        return Ok(None);
    }
    let original: MailInfo = serde_json::from_str(&email.mail_json)
        .map_err(|e| StoreError::Corrupt(format!("stored mail facts: {e}")))?;
    let domain = ctx
        .mail
        .address
        .rsplit_once('@')
        .map_or("mottak.invalid", |(_, d)| d);
    // Derived from the document: the same reply has the same id however often it is built.
    let reply_id = format!("<reply-{}@{domain}>", &sha256_hex(id.as_bytes())[..32]);
    let date = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(now) * 1000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let problems: Vec<Problem<'_>> = problems
        .iter()
        .map(|(rule_id, nb, en)| Problem { rule_id, nb, en })
        .collect();
    let bytes = mottak_email::reply::build_reply(&ReplyInput {
        original: &original,
        to: &to,
        from: &ctx.mail.address,
        from_name: &ctx.mail.from_name,
        message_id: &reply_id,
        date,
        kind,
        problems: &problems,
        peppol_id: &ctx.mail.intake.peppol_id,
    });
    tx.put_mail_reply(&reply_id, id, &to, &bytes, now).await?;
    Ok(Some(Outgoing::ReplyMail {
        document_id: id.to_owned(),
        reply_id,
        bytes,
    }))
}

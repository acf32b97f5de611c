//! What each stage does with one message, given a database transaction: the receiver
//! parses and stores, the validator judges, the poster posts. Transport-free, so the
//! workers (RabbitMQ) and the embedded mode (in-process queues) run the same code.
//!
//! Every handler is idempotent: it looks at the document's state first, and a message for
//! a document that already moved on only re-sends what that move produced (same message
//! ids), because the previous attempt may have committed without its messages confirmed.

use mottak_ehf::{DocumentRef, InvoiceResponse, ResponseParty, StatusReason};
use mottak_invoice::posting::{AccountMap, journal_entry};
use mottak_invoice::{DocumentKind, Invoice};
use mottak_rules::{Finding, Origin, ReceiverIdentity, Severity};
use sha2::{Digest, Sha256};

use crate::config::{ConfigError, Settings};
use crate::intake::MailContext;
use crate::messages::{Channel, LedgerPosted, RawDocument, SupplierRef, ToPost, ToValidate};
use crate::store::{
    DocState, DocStatus, NewDocument, Stage, StoreError, StoredEntry, StoredLine, Tx,
};

/// What the stages need to know besides the message.
#[derive(Debug, Clone)]
pub struct Context {
    pub receiver: ReceiverIdentity,
    pub limits: mottak_ehf::Limits,
    pub accounts: AccountMap,
    pub mail: MailContext,
}

impl Context {
    pub fn from_settings(settings: &Settings) -> Result<Context, ConfigError> {
        let receiver = settings.receiver()?;
        let address = settings.intake_address.trim().to_ascii_lowercase();
        Ok(Context {
            limits: settings.parse_limits(),
            accounts: settings.accounts.clone(),
            mail: MailContext {
                intake: mottak_email::intake::IntakeConfig {
                    own_addresses: vec![address.clone()],
                    max_message_bytes: usize::try_from(settings.max_mail_bytes)
                        .unwrap_or(usize::MAX),
                    peppol_id: format!("0192:{}", receiver.org),
                },
                address,
                from_name: format!("{} – fakturamottak", receiver.name),
                reply_window_us: i64::try_from(settings.reply_window_secs)
                    .unwrap_or(i64::MAX / 1_000_000)
                    .saturating_mul(1_000_000),
            },
            receiver,
        })
    }
}

/// A message a stage produced, to be published once its transaction has committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outgoing {
    Validate {
        document_id: String,
        body: Vec<u8>,
    },
    Post {
        document_id: String,
        body: Vec<u8>,
    },
    InvoiceResponse {
        document_id: String,
        response_id: String,
        xml: String,
    },
    LedgerPosted {
        document_id: String,
        event_id: String,
        body: String,
    },
    /// A reply mail (RFC 5322) to the sender of an e-mailed document.
    ReplyMail {
        document_id: String,
        /// The reply's Message-ID.
        reply_id: String,
        bytes: Vec<u8>,
    },
}

pub(crate) fn now_us() -> i64 {
    let now = time::OffsetDateTime::now_utc();
    i64::try_from(now.unix_timestamp_nanos() / 1000).unwrap_or(i64::MAX)
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))
}

/// The finding for a document whose processing failed for a reason no retry will cure (an
/// internal error or a panic): it is set aside for a clerk rather than left in flight.
pub(crate) fn internal_failure(problem: &str) -> Finding {
    Finding {
        rule: "MOTTAK-INTERNAL".into(),
        code: "OTH".into(),
        severity: Severity::Fatal,
        message: format!(
            "Dokumentet kunne ikke behandles på grunn av en intern feil og er lagt til side for en saksbehandler ({problem}). / \
             The document could not be processed because of an internal error and is set aside for a clerk ({problem})."
        ),
        location: None,
    }
}

/// The finding for a document the receiver could not read.
fn unreadable(err: &mottak_ehf::ParseError) -> Finding {
    let def = mottak_rules::rule(err.code());
    Finding {
        rule: err.code().to_owned(),
        code: def.code.to_owned(),
        severity: Severity::Fatal,
        message: err.message(),
        location: None,
    }
}

/// Receiver: keep the bytes, parse, keep the attachments, pass the invoice on — or set the
/// document aside with the reason it cannot be read.
#[tracing::instrument(skip_all, fields(document_id = %raw.document_id))]
pub(crate) async fn receive(
    tx: &mut Tx<'_>,
    ctx: &Context,
    raw: &RawDocument,
) -> Result<Vec<Outgoing>, StoreError> {
    let now = now_us();
    let (document_id, status) = record_raw(tx, raw, now).await?;
    let sha256 = status.sha256.clone();
    let id = document_id.as_str();
    match status.state {
        DocState::Received => {}
        DocState::Validating => return resend_to_validate(tx, raw, id, Some(sha256)).await,
        _ => {
            tracing::debug!(state = %status.state, "already past reception");
            return Ok(Vec::new());
        }
    }
    let parsed = match mottak_ehf::parse(&raw.bytes, &ctx.limits) {
        Ok(parsed) => parsed,
        Err(err) => {
            tracing::info!(reason = err.code(), "set aside: unreadable document");
            tx.transition(
                id,
                DocState::Received,
                DocState::SetAside,
                Stage::Receiver,
                Some(&[unreadable(&err)]),
                now,
            )
            .await?;
            return Ok(Vec::new());
        }
    };
    for decoded in &parsed.attachments {
        tx.put_blob(&decoded.sha256, &decoded.bytes).await?;
    }
    for (position, attachment) in parsed.invoice.attachments.iter().enumerate() {
        tx.add_attachment(id, position, attachment).await?;
    }
    let key = mottak_rules::supplier_key(&parsed.invoice);
    tx.describe(id, &parsed.invoice, key.as_deref()).await?;
    tx.transition(
        id,
        DocState::Received,
        DocState::Validating,
        Stage::Receiver,
        Some(&[]),
        now,
    )
    .await?;
    let body = to_json(&ToValidate {
        document_id: id.to_owned(),
        ingested_us: raw.ingested_us,
        invoice: parsed.invoice,
        ubl_sha256: Some(sha256),
    })?;
    Ok(vec![Outgoing::Validate {
        document_id: id.to_owned(),
        body,
    }])
}

/// A document received before is validating, and the message on to validation may not have
/// been confirmed: send what was stored then (not a re-read, which could differ under new
/// limits or a newer reader).
pub(crate) async fn resend_to_validate(
    tx: &mut Tx<'_>,
    raw: &RawDocument,
    id: &str,
    ubl_sha256: Option<String>,
) -> Result<Vec<Outgoing>, StoreError> {
    let Some(invoice) = tx.invoice(id).await? else {
        return Err(StoreError::Corrupt(format!(
            "document {id} is validating without an invoice"
        )));
    };
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

/// Keep a raw document's bytes and return its id and state. The same message id on
/// different bytes is a new document from a sender that reuses ids, not a redelivery: it
/// gets an id of its own rather than being lost.
pub(crate) async fn record_raw(
    tx: &mut Tx<'_>,
    raw: &RawDocument,
    now: i64,
) -> Result<(String, DocStatus), StoreError> {
    let sha256 = hex::encode(Sha256::digest(&raw.bytes));
    let mut document_id = raw.document_id.clone();
    let mut status = tx
        .receive(&new_document(raw, &document_id, &sha256, now))
        .await?;
    if status.sha256 != sha256 {
        document_id = format!("{}+{}", raw.document_id, &sha256[..16]);
        tracing::error!(reused_id = %raw.document_id, %document_id, "message id reused for different bytes");
        status = tx
            .receive(&new_document(raw, &document_id, &sha256, now))
            .await?;
    }
    Ok((document_id, status))
}

fn new_document<'a>(
    raw: &'a RawDocument,
    id: &'a str,
    sha256: &'a str,
    now_us: i64,
) -> NewDocument<'a> {
    NewDocument {
        id,
        channel: raw.channel,
        source_name: raw.source_name.as_deref(),
        sha256,
        bytes: &raw.bytes,
        received_us: raw.ingested_us,
        now_us,
    }
}

/// The official EN16931 / Peppol BIS rules on the stored UBL document, as findings.
async fn official_rules(tx: &mut Tx<'_>, sha256: &str) -> Result<Vec<Finding>, StoreError> {
    let Some(xml) = tx.blob(sha256).await? else {
        return Err(StoreError::Corrupt(format!(
            "the UBL document {sha256} is not stored"
        )));
    };
    Ok(match mottak_en16931::validate(&xml) {
        Ok(report) => mottak_rules::official_findings(&report),
        // The receiver read it, so this is rare (e.g. an encoding the official rules do not
        // accept); the document is still not valid Peppol BIS.
        Err(err) => {
            let def = mottak_rules::rule("MOTTAK-XML");
            vec![Finding {
                rule: def.id.to_owned(),
                code: def.code.to_owned(),
                severity: Severity::Fatal,
                message: format!(
                    "Dokumentet kan ikke kontrolleres mot de offisielle reglene: {err}. / \
                     The document cannot be checked against the official rules: {err}."
                ),
                location: None,
            }]
        }
    })
}

/// Validator: apply the official EN16931 / Peppol BIS rules, the receiver's rules and the
/// duplicate register; approve for posting or return to the supplier with an Invoice
/// Response (EHF) or a reply mail (e-mail).
#[tracing::instrument(skip_all, fields(document_id = %msg.document_id))]
pub(crate) async fn validate(
    tx: &mut Tx<'_>,
    ctx: &Context,
    msg: &ToValidate,
) -> Result<Vec<Outgoing>, StoreError> {
    let id = msg.document_id.as_str();
    let invoice = &msg.invoice;
    let Some(status) = tx.status(id).await? else {
        return Err(StoreError::Corrupt(format!(
            "validation message for unknown document {id}"
        )));
    };
    let key = mottak_rules::supplier_key(invoice).unwrap_or_else(|| format!("document:{id}"));
    match status.state {
        DocState::Validating => {}
        DocState::Posting => return Ok(vec![to_post(msg, key)?]),
        DocState::Rejected if status.channel == Channel::Email => {
            return Ok(tx
                .mail_reply(id)
                .await?
                .map(|r| Outgoing::ReplyMail {
                    document_id: id.to_owned(),
                    reply_id: r.id,
                    bytes: r.content,
                })
                .into_iter()
                .collect());
        }
        DocState::Rejected => {
            return Ok(tx
                .invoice_response(id)
                .await?
                .map(|(response_id, xml)| Outgoing::InvoiceResponse {
                    document_id: id.to_owned(),
                    response_id,
                    xml,
                })
                .into_iter()
                .collect());
        }
        _ => return Ok(Vec::new()),
    }

    let now = now_us();
    let origin = match status.channel {
        Channel::Ehf => Origin::Peppol,
        Channel::Email => Origin::Captured,
    };
    let mut verdict = mottak_rules::check_from(invoice, &ctx.receiver, origin);
    if let Some(sha256) = &msg.ubl_sha256 {
        let mut official = official_rules(tx, sha256).await?;
        official.append(&mut verdict.findings);
        verdict.findings = official;
    }
    // Warnings recorded earlier (e.g. how an e-mailed PDF was read) stay with the document.
    let mut earlier: Vec<Finding> = tx
        .reasons(id)
        .await?
        .into_iter()
        .filter(|f| !f.is_fatal())
        .collect();
    verdict.findings.append(&mut earlier);
    if let Some(number) = invoice
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let kind = invoice.kind.as_str();
        // Only an invoice that is otherwise acceptable claims its number: a returned invoice
        // may be sent again, corrected, under the same number.
        let holder = if verdict.is_rejected() {
            tx.number_holder(&key, kind, number).await?
        } else {
            Some(tx.claim_number(&key, kind, number, id).await?)
        };
        if let Some(holder) = holder.filter(|h| h != id) {
            // Named by date, not by internal id or file name: this text goes to the supplier.
            let first = tx.received_date(&holder).await?.unwrap_or_default();
            verdict
                .findings
                .push(mottak_rules::duplicate(number, &first));
        }
    }

    if verdict.is_rejected() {
        tracing::info!(rules = ?verdict.fatal().map(|f| f.rule.as_str()).collect::<Vec<_>>(), "rejected");
        // EHF is answered with an Invoice Response when a valid one can be addressed (when
        // not, the clerk is told so with the rejection); e-mail is answered by mail.
        let response = if status.channel == Channel::Email {
            None
        } else {
            let response = build_response(invoice, &verdict.findings, &ctx.receiver)
                .ok_or_else(|| {
                    "the invoice names no usable supplier endpoint (EndpointID with its scheme)"
                        .to_owned()
                })
                .and_then(|r| valid_response_xml(r.clone(), invoice.kind).map(|xml| (r, xml)));
            match response {
                Ok(response) => Some(response),
                Err(problem) => {
                    // Visible to the clerk, who must answer the supplier another way.
                    tracing::warn!(%problem, "no Invoice Response can be sent");
                    let def = mottak_rules::rule("MOTTAK-NO-RESPONSE");
                    verdict.findings.push(Finding {
                    rule: def.id.to_owned(),
                    code: def.code.to_owned(),
                    severity: Severity::Warning,
                    message: format!(
                        "Ingen Invoice Response kan sendes til leverandøren ({problem}); gi beskjed på annen måte. / \
                         No Invoice Response can be sent to the supplier ({problem}); tell them another way."
                    ),
                    location: None,
                });
                    None
                }
            }
        };
        tx.transition(
            id,
            DocState::Validating,
            DocState::Rejected,
            Stage::Validator,
            Some(&verdict.findings),
            now,
        )
        .await?;
        if status.channel == Channel::Email {
            // An e-mailed invoice is answered by mail, listing every rule it broke.
            let problems: Vec<(String, String, String)> = verdict
                .fatal()
                .map(|f| {
                    let (nb, en) = f
                        .message
                        .split_once(" / ")
                        .unwrap_or((f.message.as_str(), f.message.as_str()));
                    (f.rule.clone(), nb.to_owned(), en.to_owned())
                })
                .collect();
            return Ok(crate::intake::answer(
                tx,
                ctx,
                id,
                mottak_email::reply::ReplyKind::Returned,
                &problems,
                now,
            )
            .await?
            .into_iter()
            .collect());
        }
        let Some((response, xml)) = response else {
            return Ok(Vec::new());
        };
        let (response_id, xml) = tx.put_invoice_response(&response.id, id, &xml, now).await?;
        return Ok(vec![Outgoing::InvoiceResponse {
            document_id: id.to_owned(),
            response_id,
            xml,
        }]);
    }
    tx.transition(
        id,
        DocState::Validating,
        DocState::Posting,
        Stage::Validator,
        Some(&verdict.findings),
        now,
    )
    .await?;
    Ok(vec![to_post(msg, key)?])
}

fn to_post(msg: &ToValidate, supplier_key: String) -> Result<Outgoing, StoreError> {
    let body = to_json(&ToPost {
        document_id: msg.document_id.clone(),
        ingested_us: msg.ingested_us,
        supplier_key,
        invoice: msg.invoice.clone(),
    })?;
    Ok(Outgoing::Post {
        document_id: msg.document_id.clone(),
        body,
    })
}

/// The response as XML, if it is a valid Peppol BIS Invoice Response 3.0 (T111 rules): a
/// supplier's document type code outside the response's code list is replaced by the
/// kind's own (380/381); anything else that would make it invalid (an unknown endpoint
/// scheme, a malformed address) means no response is sent — the rejection carries the
/// warning `MOTTAK-NO-RESPONSE` for the clerk, who answers the supplier another way.
fn valid_response_xml(mut response: InvoiceResponse, kind: DocumentKind) -> Result<String, String> {
    let fatal = |xml: &str| -> Vec<mottak_ehf::T111Violation> {
        mottak_ehf::check_invoice_response(xml.as_bytes())
            .into_iter()
            .filter(mottak_ehf::T111Violation::is_fatal)
            .collect()
    };
    let xml = mottak_ehf::invoice_response(&response);
    if fatal(&xml).is_empty() {
        return Ok(xml);
    }
    response.document.type_code = Some(
        match kind {
            DocumentKind::Invoice => "380",
            DocumentKind::CreditNote => "381",
        }
        .into(),
    );
    let xml = mottak_ehf::invoice_response(&response);
    let violations = fatal(&xml);
    if violations.is_empty() {
        return Ok(xml);
    }
    Err(format!(
        "it would break the Invoice Response rules {}",
        violations
            .iter()
            .map(|v| format!("{} ({})", v.id, v.message))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// The Peppol BIS Invoice Response 3.0 returning `invoice`, when the supplier can be
/// addressed (it named an electronic address).
fn build_response(
    invoice: &Invoice,
    findings: &[Finding],
    receiver: &ReceiverIdentity,
) -> Option<InvoiceResponse> {
    let endpoint = invoice.supplier.endpoint.as_ref()?;
    // An address without its scheme is answered only when the scheme is beyond doubt.
    let endpoint_scheme = match endpoint.scheme.as_deref().map(str::trim) {
        Some(scheme) if !scheme.is_empty() => scheme.to_owned(),
        _ if mottak_invoice::ids::OrgNumber::parse(endpoint.value.trim()).is_ok() => {
            "0192".to_owned()
        }
        _ => return None,
    };
    let reasons: Vec<StatusReason> = findings
        .iter()
        .filter(|f| f.is_fatal())
        .map(|f| StatusReason {
            code: f.code.clone(),
            text: format!("[{}] {}", f.rule, f.message),
        })
        .collect();
    let only_duplicate = findings
        .iter()
        .filter(|f| f.is_fatal())
        .all(|f| f.rule == "MOTTAK-DUP");
    let action = if only_duplicate {
        StatusReason {
            code: "NOA".into(),
            text: "Ingen handling nødvendig. / No action required.".into(),
        }
    } else {
        StatusReason {
            code: "NIN".into(),
            text: "Send en ny, korrigert faktura. / Please issue a new, corrected invoice.".into(),
        }
    };
    let today = time::OffsetDateTime::now_utc().date();
    Some(InvoiceResponse {
        id: uuid::Uuid::now_v7().to_string(),
        issue_date: today,
        issue_time: None,
        note: None,
        sender: ResponseParty {
            endpoint_scheme: "0192".into(),
            endpoint: receiver.org.to_string(),
            name: receiver.name.clone(),
        },
        receiver: ResponseParty {
            endpoint_scheme,
            endpoint: endpoint.value.trim().to_owned(),
            // T111 forbids empty elements: a supplier without a name is named by its address.
            name: invoice
                .supplier_name()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or(endpoint.value.trim())
                .to_owned(),
        },
        response_code: "RE".into(),
        reasons,
        action: Some(action),
        document: DocumentRef {
            id: invoice
                .number
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or("(uten fakturanummer / no invoice number)")
                .to_owned(),
            issue_date: invoice.issue_date,
            type_code: invoice.type_code.clone().or_else(|| {
                Some(match invoice.kind {
                    DocumentKind::Invoice => "380".into(),
                    DocumentKind::CreditNote => "381".into(),
                })
            }),
        },
    })
}

/// Poster: one balanced journal entry per approved invoice, and a `ledger.posted` event.
#[tracing::instrument(skip_all, fields(document_id = %msg.document_id))]
pub(crate) async fn post(
    tx: &mut Tx<'_>,
    ctx: &Context,
    msg: &ToPost,
) -> Result<Vec<Outgoing>, StoreError> {
    let id = msg.document_id.as_str();
    let Some(status) = tx.status(id).await? else {
        return Err(StoreError::Corrupt(format!(
            "posting message for unknown document {id}"
        )));
    };
    let entry_id = format!("je-{id}");
    match status.state {
        DocState::Posting => {}
        DocState::Posted => {
            return Ok(tx
                .posted_event(id)
                .await?
                .map(|body| Outgoing::LedgerPosted {
                    document_id: id.to_owned(),
                    event_id: entry_id.clone(),
                    body,
                })
                .into_iter()
                .collect());
        }
        _ => return Ok(Vec::new()),
    }
    let now = now_us();
    let invoice = &msg.invoice;
    let entry = match journal_entry(invoice, &ctx.accounts)
        .map_err(|e| (e.nb(), e.to_string()))
        .and_then(|entry| to_stored_lines(&entry).map(|lines| (entry, lines)))
    {
        Ok(entry) => entry,
        Err((nb, en)) => {
            tracing::error!(problem = %en, "approved invoice cannot be posted: set aside for a clerk");
            let finding = Finding {
                rule: "MOTTAK-POSTING".into(),
                code: "OTH".into(),
                severity: Severity::Fatal,
                message: format!(
                    "Fakturaen kunne ikke bokføres: {nb}. / The invoice could not be posted: {en}."
                ),
                location: None,
            };
            tx.transition(
                id,
                DocState::Posting,
                DocState::SetAside,
                Stage::Poster,
                Some(&[finding]),
                now,
            )
            .await?;
            // Nothing was posted: a corrected invoice may come under the same number.
            tx.release_number(id).await?;
            return Ok(Vec::new());
        }
    };
    let (entry, lines) = entry;
    let dp = entry.currency.minor_units();
    let payable_minor = mottak_invoice::money::minor_units(entry.payable, dp)
        .ok_or_else(|| StoreError::Corrupt("payable amount does not fit".into()))?;
    let payment = mottak_rules::payment_means_to_use(invoice);
    let event = LedgerPosted {
        event: "ledger.posted".into(),
        event_id: entry_id.clone(),
        document_id: id.to_owned(),
        entry_id: entry_id.clone(),
        kind: invoice.kind.as_str().into(),
        invoice_number: invoice.number.clone().unwrap_or_default(),
        issue_date: entry.date.to_string(),
        due_date: invoice.due_date.map(|d| d.to_string()),
        supplier: SupplierRef {
            key: msg.supplier_key.clone(),
            name: invoice.supplier_name().map(str::to_owned),
            org_number: msg.supplier_key.strip_prefix("0192:").map(str::to_owned),
        },
        currency: entry.currency.to_string(),
        payable: entry.payable.to_string(),
        buyer_reference: invoice.buyer_reference.clone(),
        order_reference: invoice.order_reference.clone(),
        payment_id: payment.and_then(|p| p.payment_id.clone()),
        payment_account: payment.and_then(|p| p.account.clone()),
        payment_bic: payment.and_then(|p| p.bic.clone()),
        lines: entry.lines.clone(),
        ingested_us: msg.ingested_us,
        posted_us: now,
    };
    let event_json =
        serde_json::to_string(&event).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let body = tx
        .post_entry(&StoredEntry {
            id: &entry_id,
            document_id: id,
            date: entry.date,
            kind: invoice.kind.as_str(),
            currency: entry.currency.as_str(),
            supplier_key: &msg.supplier_key,
            supplier_name: invoice.supplier_name(),
            invoice_number: invoice.number.as_deref().unwrap_or_default(),
            payable_minor,
            posted_us: now,
            event_json: &event_json,
            lines,
        })
        .await?;
    tx.transition(
        id,
        DocState::Posting,
        DocState::Posted,
        Stage::Poster,
        None,
        now,
    )
    .await?;
    Ok(vec![Outgoing::LedgerPosted {
        document_id: id.to_owned(),
        event_id: entry_id,
        body,
    }])
}

fn to_stored_lines(
    entry: &mottak_invoice::posting::JournalEntry,
) -> Result<Vec<StoredLine>, (String, String)> {
    let dp = entry.currency.minor_units();
    entry
        .lines
        .iter()
        .map(|line| {
            let amount_minor =
                mottak_invoice::money::minor_units(line.amount, dp).ok_or_else(|| {
                    (
                        format!(
                            "beløpet {} på konto {} er ikke i hele øre",
                            line.amount, line.account
                        ),
                        format!(
                            "the amount {} on account {} is not in whole minor units",
                            line.amount, line.account
                        ),
                    )
                })?;
            Ok(StoredLine {
                account: line.account.clone(),
                amount_minor,
                description: line.description.clone(),
                vat_rate: line.vat_rate.map(|r| r.to_string()),
            })
        })
        .collect()
}

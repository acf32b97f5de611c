//! `fixtures/email/manifest.toml`: the expected outcome of every fixture mail, written in the
//! style of `fixtures/ehf/manifest.toml`.

use std::fmt::Write as _;

use crate::invoice::{CapturedValue, Invoice, plain};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    Posted,
    Rejected,
    SetAside,
    AwaitingCapture,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Intake,
    Validator,
    Poster,
}

/// What one fixture mail must become.
#[derive(Debug, Clone)]
pub(crate) struct Expect {
    pub(crate) state: State,
    pub(crate) stage: Stage,
    pub(crate) reasons: Vec<&'static str>,
    pub(crate) reply: bool,
    /// The invoice the pipeline reads (posted, or rejected by the validator).
    pub(crate) invoice: Option<Invoice>,
    /// Whether `[fixture.captured]` lists what the PDF prints.
    pub(crate) captured: bool,
    pub(crate) description: String,
}

impl Expect {
    pub(crate) fn new(state: State, stage: Stage, reasons: &[&'static str], reply: bool) -> Self {
        Expect {
            state,
            stage,
            reasons: reasons.to_vec(),
            reply,
            invoice: None,
            captured: false,
            description: String::new(),
        }
    }

    /// The invoice is read from the PDF's text layer or embedded XML.
    pub(crate) fn reading(mut self, invoice: &Invoice) -> Self {
        self.invoice = Some(invoice.clone());
        self.captured = true;
        self
    }

    pub(crate) fn describe(mut self, description: &str) -> Self {
        self.description = description.to_owned();
        self
    }
}

const HEADER: &str = r#"# Expected outcome of every e-mail fixture in this folder; the tests read it.
#
# GENERATED: do not edit. Every .eml file here and this manifest are written by
#     cargo run -p mottak-fixturegen --bin make-email-fixtures -- fixtures/email
# and `cargo test -p mottak-fixturegen` fails when the committed files differ from what the
# generator writes. Change crates/fixturegen/src/ and regenerate.
#
# Each mail is sent to faktura@digitools.no (Digitools AS, org 931235184) from its own
# sender address. Files are processed in sorted order; no two fixtures (nor any EHF fixture)
# share a supplier organisation number, so no duplicate rule fires across fixtures.
#
# file            the .eml file
# state           posted | rejected | set_aside | awaiting_capture
# stage           where the outcome is decided: intake | validator | poster
#                 (posted: poster; awaiting_capture: intake)
# reasons         fatal rule ids that must fire, as a set (MOTTAK-EMAIL-* from the intake,
#                 MOTTAK-* receiver rules from the validator, MOTTAK-CAPTURE for a document a
#                 clerk must capture by hand)
# warnings        warning rule ids, as a set
# reply           whether the sender gets a reply mail
# kind, supplier_org, invoice_number, payable
#                 the invoice the pipeline reads; omitted where it reads none (turned away or
#                 set aside at the intake, or waiting for manual capture). payable is the
#                 amount to pay as printed, as a plain decimal.
# after           fixtures that must be settled first (none here)
# [fixture.captured]
#                 for an invoice read from a PDF: the exact normalised value of every field the
#                 document prints, under the capture engineer's names: invoice_number,
#                 issue_date and due_date (YYYY-MM-DD), supplier_name, supplier_org (9 digits),
#                 supplier_vat (NO<org>MVA), bank_account (11 digits), kid, currency, buyer_name,
#                 buyer_org, buyer_reference ("Deres ref."), seller_reference ("Vår ref."),
#                 order_reference ("Bestillingsnr."), contact ("Att." at the buyer),
#                 net_amount, vat_amount, payable_amount (plain, two decimals) and lines (count).
#                 A field the document does not print is absent.
"#;

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(crate) fn render(fixtures: &[(String, Expect)]) -> String {
    let mut out = HEADER.to_owned();
    for (file, e) in fixtures {
        // Writing to a String cannot fail.
        let _ = writeln!(out, "\n[[fixture]]");
        let _ = writeln!(out, "file = {}", quote(file));
        if let Some(inv) = &e.invoice {
            let _ = writeln!(out, "kind = \"Invoice\"");
            let _ = writeln!(out, "supplier_org = {}", quote(&inv.supplier.org));
            let _ = writeln!(out, "invoice_number = {}", quote(inv.number));
            let _ = writeln!(out, "payable = {}", quote(&plain(inv.payable())));
        }
        let state = match e.state {
            State::Posted => "posted",
            State::Rejected => "rejected",
            State::SetAside => "set_aside",
            State::AwaitingCapture => "awaiting_capture",
        };
        let stage = match e.stage {
            Stage::Intake => "intake",
            Stage::Validator => "validator",
            Stage::Poster => "poster",
        };
        let _ = writeln!(out, "state = \"{state}\"");
        let _ = writeln!(out, "stage = \"{stage}\"");
        let reasons: Vec<String> = e.reasons.iter().map(|r| quote(r)).collect();
        let _ = writeln!(out, "reasons = [{}]", reasons.join(", "));
        let _ = writeln!(out, "warnings = []");
        let _ = writeln!(out, "reply = {}", e.reply);
        let _ = writeln!(out, "after = []");
        let _ = writeln!(out, "description = {}", quote(&e.description));
        if let (true, Some(inv)) = (e.captured, &e.invoice) {
            let _ = writeln!(out, "\n[fixture.captured]");
            for (name, value) in inv.captured() {
                match value {
                    CapturedValue::Text(t) => {
                        let _ = writeln!(out, "{name} = {}", quote(&t));
                    }
                    CapturedValue::Count(n) => {
                        let _ = writeln!(out, "{name} = {n}");
                    }
                }
            }
        }
    }
    out
}

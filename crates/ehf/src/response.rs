//! Writing a Peppol BIS Invoice Response 3.0 (a UBL 2.1 `ApplicationResponse`): how the
//! receiver tells a supplier, over Peppol, that an invoice was rejected (or accepted, or is
//! under query) and why.
//!
//! Element order follows the BIS Invoice Response 3 syntax structure (which is the UBL 2.1
//! `ApplicationResponse` schema order): CustomizationID, ProfileID, ID, IssueDate,
//! IssueTime, Note, SenderParty, ReceiverParty, DocumentResponse (Response, then
//! DocumentReference).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::response_rules::is_xs_time;

/// `cbc:CustomizationID` of BIS Invoice Response 3.
pub const INVOICE_RESPONSE_CUSTOMIZATION_ID: &str =
    "urn:fdc:peppol.eu:poacc:trns:invoice_response:3";
/// `cbc:ProfileID` of BIS Invoice Response 3.
pub const INVOICE_RESPONSE_PROFILE_ID: &str = "urn:fdc:peppol.eu:poacc:bis:invoice_response:3";

/// UNCL1001 `380`, written when the type of the referenced document is not known.
const COMMERCIAL_INVOICE: &str = "380";

const NS_APPLICATION_RESPONSE: &str =
    "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2";
const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/// A party of the response: its Peppol endpoint and legal name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseParty {
    /// EAS code of the endpoint, e.g. `0192`.
    pub endpoint_scheme: String,
    /// The endpoint identifier, e.g. `931235184`.
    pub endpoint: String,
    /// Legal name (`cac:PartyLegalEntity/cbc:RegistrationName`).
    pub name: String,
}

/// A clarification of the status: a code and a free-text explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusReason {
    /// An `OPStatusReason` code (e.g. `REF`) for a reason, or an `OPStatusAction` code
    /// (e.g. `NIN`) for the action.
    pub code: String,
    /// Free text; left out of the XML when empty.
    pub text: String,
}

/// The invoice (or credit note) the response is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The invoice number.
    pub id: String,
    pub issue_date: Option<Date>,
    /// UNCL1001 document type, e.g. `380` (invoice), `381` (credit note). The element is
    /// mandatory in an Invoice Response (`PEPPOL-T111-B03902`): `None` (or blank) writes
    /// `380`, the commercial invoice.
    pub type_code: Option<String>,
}

/// A BIS Invoice Response 3.0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceResponse {
    /// Our identifier of this response.
    pub id: String,
    pub issue_date: Date,
    /// `hh:mm:ss`, optionally with a fraction and a time zone, as UBL's `xs:time`. A value
    /// that is no `xs:time` (e.g. `9:30:00.0`, what `time::Time` displays) is left out
    /// rather than written into an invalid document.
    pub issue_time: Option<String>,
    pub note: Option<String>,
    /// Who sends the response: the receiver of the invoice (us).
    pub sender: ResponseParty,
    /// Who receives the response: the supplier.
    pub receiver: ResponseParty,
    /// UNCL4343 subset code, e.g. `RE` (rejected), `AP` (accepted), `UQ` (under query).
    pub response_code: String,
    /// One `cac:Status` with an `OPStatusReason` code per reason.
    pub reasons: Vec<StatusReason>,
    /// What the supplier should do, as an `OPStatusAction` code (e.g. `NIN`: issue a new
    /// invoice).
    pub action: Option<StatusReason>,
    pub document: DocumentRef,
}

/// The response as a UTF-8 XML document.
pub fn invoice_response(r: &InvoiceResponse) -> String {
    let mut w = XmlOut::default();
    w.line(0, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    w.line(
        0,
        &format!(
            r#"<ApplicationResponse xmlns="{NS_APPLICATION_RESPONSE}" xmlns:cac="{NS_CAC}" xmlns:cbc="{NS_CBC}">"#
        ),
    );
    w.leaf(
        1,
        "cbc:CustomizationID",
        &[],
        INVOICE_RESPONSE_CUSTOMIZATION_ID,
    );
    w.leaf(1, "cbc:ProfileID", &[], INVOICE_RESPONSE_PROFILE_ID);
    w.leaf(1, "cbc:ID", &[], &r.id);
    w.leaf(1, "cbc:IssueDate", &[], &format_date(r.issue_date));
    if let Some(time) = r.issue_time.as_deref().filter(|t| is_xs_time(t)) {
        w.leaf(1, "cbc:IssueTime", &[], time);
    }
    if let Some(note) = r.note.as_deref().filter(|n| !n.trim().is_empty()) {
        w.leaf(1, "cbc:Note", &[], note);
    }
    party(&mut w, "cac:SenderParty", &r.sender);
    party(&mut w, "cac:ReceiverParty", &r.receiver);

    w.open(1, "cac:DocumentResponse");
    w.open(2, "cac:Response");
    w.leaf(
        3,
        "cbc:ResponseCode",
        &[("listID", "UNCL4343OpSubset")],
        &r.response_code,
    );
    for reason in &r.reasons {
        status(&mut w, "OPStatusReason", reason);
    }
    if let Some(action) = &r.action {
        status(&mut w, "OPStatusAction", action);
    }
    w.close(2, "cac:Response");
    w.open(2, "cac:DocumentReference");
    w.leaf(3, "cbc:ID", &[], &r.document.id);
    if let Some(date) = r.document.issue_date {
        w.leaf(3, "cbc:IssueDate", &[], &format_date(date));
    }
    let type_code = r
        .document
        .type_code
        .as_deref()
        .filter(|code| !code.trim().is_empty())
        .unwrap_or(COMMERCIAL_INVOICE);
    w.leaf(
        3,
        "cbc:DocumentTypeCode",
        &[("listID", "UNCL1001")],
        type_code,
    );
    w.close(2, "cac:DocumentReference");
    w.close(1, "cac:DocumentResponse");
    w.line(0, "</ApplicationResponse>");
    w.out
}

fn party(w: &mut XmlOut, element: &str, party: &ResponseParty) {
    w.open(1, element);
    w.leaf(
        2,
        "cbc:EndpointID",
        &[("schemeID", &party.endpoint_scheme)],
        &party.endpoint,
    );
    w.open(2, "cac:PartyLegalEntity");
    w.leaf(3, "cbc:RegistrationName", &[], &party.name);
    w.close(2, "cac:PartyLegalEntity");
    w.close(1, element);
}

fn status(w: &mut XmlOut, list_id: &str, reason: &StatusReason) {
    if reason.code.trim().is_empty() && reason.text.trim().is_empty() {
        return;
    }
    w.open(3, "cac:Status");
    if !reason.code.trim().is_empty() {
        w.leaf(
            4,
            "cbc:StatusReasonCode",
            &[("listID", list_id)],
            &reason.code,
        );
    }
    if !reason.text.trim().is_empty() {
        w.leaf(4, "cbc:StatusReason", &[], &reason.text);
    }
    w.close(3, "cac:Status");
}

/// `YYYY-MM-DD`, as `xs:date` wants it.
fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Indented XML text, every value escaped.
#[derive(Default)]
struct XmlOut {
    out: String,
}

impl XmlOut {
    fn line(&mut self, depth: usize, markup: &str) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        self.out.push_str(markup);
        self.out.push('\n');
    }

    fn open(&mut self, depth: usize, element: &str) {
        self.line(depth, &format!("<{element}>"));
    }

    fn close(&mut self, depth: usize, element: &str) {
        self.line(depth, &format!("</{element}>"));
    }

    fn leaf(&mut self, depth: usize, element: &str, attrs: &[(&str, &str)], value: &str) {
        let mut markup = format!("<{element}");
        for (name, attr_value) in attrs {
            markup.push_str(&format!(r#" {name}="{}""#, escape(attr_value.trim())));
        }
        markup.push_str(&format!(">{}</{element}>", escape(value.trim())));
        self.line(depth, &markup);
    }
}

/// Escapes markup characters, and replaces characters XML 1.0 cannot carry at all (control
/// characters a clerk may have pasted) so the response is always well-formed.
fn escape(text: &str) -> String {
    let legal: String = text
        .chars()
        .map(|c| match c {
            '\t'
            | '\n'
            | '\r'
            | '\u{20}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}'
            | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect();
    quick_xml::escape::escape(legal.as_str()).into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use expect_test::expect;
    use quick_xml::NsReader;
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    use time::macros::date;

    fn rejection() -> InvoiceResponse {
        InvoiceResponse {
            id: "IR-2025-0001".into(),
            issue_date: date!(2025 - 11 - 14),
            issue_time: Some("09:30:00".into()),
            note: Some(
                "Fakturaen mangler referanse <Ref & Co> / The invoice lacks a reference".into(),
            ),
            sender: ResponseParty {
                endpoint_scheme: "0192".into(),
                endpoint: "931235184".into(),
                name: "Digitools AS".into(),
            },
            receiver: ResponseParty {
                endpoint_scheme: "0192".into(),
                endpoint: "987654325".into(),
                name: "Leverandør \"Ås\" & Sønn AS".into(),
            },
            response_code: "RE".into(),
            reasons: vec![
                StatusReason {
                    code: "REF".into(),
                    text: "Fakturaen mangler referanse (bestillingsnummer eller kontaktperson) / \
                           The invoice lacks a reference (order number or contact person)"
                        .into(),
                },
                StatusReason {
                    code: "LEG".into(),
                    text: String::new(),
                },
            ],
            action: Some(StatusReason {
                code: "NIN".into(),
                text: "Send en ny faktura / Issue a new invoice".into(),
            }),
            document: DocumentRef {
                id: "F-2025-001".into(),
                issue_date: Some(date!(2025 - 11 - 13)),
                type_code: Some("380".into()),
            },
        }
    }

    #[test]
    fn complete_rejection() {
        expect![[r#"
            <?xml version="1.0" encoding="UTF-8"?>
            <ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:invoice_response:3</cbc:CustomizationID>
              <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:invoice_response:3</cbc:ProfileID>
              <cbc:ID>IR-2025-0001</cbc:ID>
              <cbc:IssueDate>2025-11-14</cbc:IssueDate>
              <cbc:IssueTime>09:30:00</cbc:IssueTime>
              <cbc:Note>Fakturaen mangler referanse &lt;Ref &amp; Co&gt; / The invoice lacks a reference</cbc:Note>
              <cac:SenderParty>
                <cbc:EndpointID schemeID="0192">931235184</cbc:EndpointID>
                <cac:PartyLegalEntity>
                  <cbc:RegistrationName>Digitools AS</cbc:RegistrationName>
                </cac:PartyLegalEntity>
              </cac:SenderParty>
              <cac:ReceiverParty>
                <cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>
                <cac:PartyLegalEntity>
                  <cbc:RegistrationName>Leverandør &quot;Ås&quot; &amp; Sønn AS</cbc:RegistrationName>
                </cac:PartyLegalEntity>
              </cac:ReceiverParty>
              <cac:DocumentResponse>
                <cac:Response>
                  <cbc:ResponseCode listID="UNCL4343OpSubset">RE</cbc:ResponseCode>
                  <cac:Status>
                    <cbc:StatusReasonCode listID="OPStatusReason">REF</cbc:StatusReasonCode>
                    <cbc:StatusReason>Fakturaen mangler referanse (bestillingsnummer eller kontaktperson) / The invoice lacks a reference (order number or contact person)</cbc:StatusReason>
                  </cac:Status>
                  <cac:Status>
                    <cbc:StatusReasonCode listID="OPStatusReason">LEG</cbc:StatusReasonCode>
                  </cac:Status>
                  <cac:Status>
                    <cbc:StatusReasonCode listID="OPStatusAction">NIN</cbc:StatusReasonCode>
                    <cbc:StatusReason>Send en ny faktura / Issue a new invoice</cbc:StatusReason>
                  </cac:Status>
                </cac:Response>
                <cac:DocumentReference>
                  <cbc:ID>F-2025-001</cbc:ID>
                  <cbc:IssueDate>2025-11-13</cbc:IssueDate>
                  <cbc:DocumentTypeCode listID="UNCL1001">380</cbc:DocumentTypeCode>
                </cac:DocumentReference>
              </cac:DocumentResponse>
            </ApplicationResponse>
        "#]].assert_eq(&invoice_response(&rejection()));
        // And Peppol's T111 rules find nothing wrong with it.
        let found = crate::response_rules::check_invoice_response(
            invoice_response(&rejection()).as_bytes(),
        );
        assert_eq!(found, Vec::new());
    }

    #[test]
    fn optional_parts_are_left_out() {
        let mut r = rejection();
        r.issue_time = None;
        r.note = Some("  ".into());
        r.reasons.clear();
        r.action = None;
        r.response_code = "AP".into();
        r.document.issue_date = None;
        r.document.type_code = None;
        let xml = invoice_response(&r);
        for absent in [
            "IssueTime",
            "cbc:Note",
            "cac:Status",
            "<cbc:IssueDate>2025-11-13",
        ] {
            assert!(!xml.contains(absent), "{absent} in\n{xml}");
        }
        // Mandatory in an Invoice Response (PEPPOL-T111-B03902).
        assert!(
            xml.contains(r#"<cbc:DocumentTypeCode listID="UNCL1001">380</cbc:DocumentTypeCode>"#),
            "{xml}"
        );
    }

    #[test]
    fn an_issue_time_that_is_no_xs_time_is_left_out() {
        for (given, written) in [
            ("09:30:00", true),
            ("09:30:00.250+01:00", true),
            ("9:30:00.0", false),
            ("09:30", false),
            ("kl. 9", false),
        ] {
            let mut r = rejection();
            r.issue_time = Some(given.into());
            let xml = invoice_response(&r);
            assert_eq!(
                xml.contains(&format!("<cbc:IssueTime>{given}</cbc:IssueTime>")),
                written,
                "{given}"
            );
            assert_eq!(xml.contains("IssueTime"), written, "{given}");
        }
    }

    #[test]
    fn control_characters_cannot_break_the_document() {
        let mut r = rejection();
        r.note = Some("før\u{1}etter\u{FFFF}".into());
        let xml = invoice_response(&r);
        assert!(
            xml.contains("<cbc:Note>før\u{FFFD}etter\u{FFFD}</cbc:Note>"),
            "{xml}"
        );
    }

    /// An element with text content, as read back.
    struct Leaf {
        namespace: String,
        name: String,
        text: String,
        attrs: Vec<(String, String)>,
    }

    fn leaves(xml: &str) -> Vec<Leaf> {
        let mut reader = NsReader::from_str(xml);
        let mut open: Vec<Leaf> = Vec::new();
        let mut out = Vec::new();
        loop {
            match reader.read_resolved_event().unwrap() {
                (ResolveResult::Bound(ns), Event::Start(e)) => {
                    let attrs = e
                        .attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            let value = a
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap();
                            (a.key.as_ref().to_owned(), value.into_owned())
                        })
                        .collect();
                    open.push(Leaf {
                        namespace: ns.0.to_owned(),
                        name: e.local_name().as_ref().to_owned(),
                        text: String::new(),
                        attrs,
                    });
                }
                (_, Event::Text(t)) => {
                    if let Some(leaf) = open.last_mut() {
                        leaf.text.push_str(&t.xml10_content());
                    }
                }
                (_, Event::GeneralRef(r)) => {
                    let resolved = quick_xml::escape::resolve_predefined_entity(&r).unwrap();
                    open.last_mut().unwrap().text.push_str(resolved);
                }
                (_, Event::End(_)) => {
                    let mut leaf = open.pop().unwrap();
                    leaf.text = leaf.text.trim().to_owned();
                    if !leaf.text.is_empty() {
                        out.push(leaf);
                    }
                }
                (_, Event::Eof) => break,
                (_, Event::Start(e)) => panic!("element without namespace: {e:?}"),
                _ => {}
            }
        }
        assert!(open.is_empty());
        out
    }

    #[test]
    fn round_trip() {
        let r = rejection();
        let xml = invoice_response(&r);
        assert!(xml.contains(&format!(
            "<ApplicationResponse xmlns=\"{NS_APPLICATION_RESPONSE}\""
        )));
        let leaves = leaves(&xml);
        let find = |name: &str| -> Vec<(&str, &[(String, String)])> {
            leaves
                .iter()
                .filter(|leaf| leaf.name == name)
                .map(|leaf| (leaf.text.as_str(), leaf.attrs.as_slice()))
                .collect()
        };
        assert!(leaves.iter().all(|leaf| leaf.namespace == NS_CBC));
        assert_eq!(
            find("CustomizationID")[0].0,
            INVOICE_RESPONSE_CUSTOMIZATION_ID
        );
        assert_eq!(find("ProfileID")[0].0, INVOICE_RESPONSE_PROFILE_ID);
        assert_eq!(
            find("ID").iter().map(|(t, _)| *t).collect::<Vec<_>>(),
            ["IR-2025-0001", "F-2025-001"]
        );
        assert_eq!(find("Note")[0].0, r.note.as_deref().unwrap());
        assert_eq!(
            find("RegistrationName")
                .iter()
                .map(|(t, _)| *t)
                .collect::<Vec<_>>(),
            ["Digitools AS", "Leverandør \"Ås\" & Sønn AS"]
        );
        let endpoints = find("EndpointID");
        assert_eq!(endpoints[1].0, "987654325");
        assert_eq!(endpoints[1].1, [("schemeID".to_owned(), "0192".to_owned())]);
        let code = find("ResponseCode");
        assert_eq!(code[0].0, "RE");
        assert_eq!(
            code[0].1,
            [("listID".to_owned(), "UNCL4343OpSubset".to_owned())]
        );
        let reasons = find("StatusReasonCode");
        assert_eq!(
            reasons
                .iter()
                .map(|(t, a)| (*t, a[0].1.as_str()))
                .collect::<Vec<_>>(),
            [
                ("REF", "OPStatusReason"),
                ("LEG", "OPStatusReason"),
                ("NIN", "OPStatusAction")
            ]
        );
        assert_eq!(find("StatusReason").len(), 2);
        assert_eq!(find("DocumentTypeCode")[0].0, "380");
        assert_eq!(
            find("IssueDate")
                .iter()
                .map(|(t, _)| *t)
                .collect::<Vec<_>>(),
            ["2025-11-14", "2025-11-13"]
        );
    }
}

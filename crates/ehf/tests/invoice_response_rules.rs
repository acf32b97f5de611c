//! The Invoice Response checker held to Peppol's T111 rules, and the writer held to the
//! checker: a complete valid response, one broken variant per rule, the responses
//! `invoice_response` writes for the rejections mottak sends, and, when a copy of Peppol's
//! post-award repository is at hand, Peppol's own examples and rule tests.
//! Snapshots are updated with `UPDATE_EXPECT=1 cargo test -p mottak-ehf`.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

use expect_test::expect;
use mottak_ehf::{
    DocumentRef, InvoiceResponse, ResponseParty, StatusReason, T111Violation,
    check_invoice_response, invoice_response,
};
use proptest::prelude::*;
use time::macros::date;

/// A complete Invoice Response: every element of the data model, all of it valid.
const VALID: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:invoice_response:3</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:invoice_response:3</cbc:ProfileID>
  <cbc:ID>IR-7</cbc:ID>
  <cbc:IssueDate>2026-11-20</cbc:IssueDate>
  <cbc:IssueTime>08:15:00</cbc:IssueTime>
  <cbc:Note>Se begrunnelsene.</cbc:Note>
  <cac:SenderParty>
    <cbc:EndpointID schemeID="0192">931235184</cbc:EndpointID>
    <cac:PartyIdentification>
      <cbc:ID schemeID="0192">931235184</cbc:ID>
    </cac:PartyIdentification>
    <cac:PartyLegalEntity>
      <cbc:RegistrationName>Digitools AS</cbc:RegistrationName>
    </cac:PartyLegalEntity>
    <cac:Contact>
      <cbc:Name>Fakturamottak</cbc:Name>
      <cbc:Telephone>22 00 00 00</cbc:Telephone>
      <cbc:ElectronicMail>faktura@example.no</cbc:ElectronicMail>
    </cac:Contact>
  </cac:SenderParty>
  <cac:ReceiverParty>
    <cbc:EndpointID schemeID="0088">7330001000000</cbc:EndpointID>
    <cac:PartyIdentification>
      <cbc:ID>L-22</cbc:ID>
    </cac:PartyIdentification>
    <cac:PartyLegalEntity>
      <cbc:RegistrationName>Leverandør AS</cbc:RegistrationName>
    </cac:PartyLegalEntity>
  </cac:ReceiverParty>
  <cac:DocumentResponse>
    <cac:Response>
      <cbc:ResponseCode>RE</cbc:ResponseCode>
      <cbc:EffectiveDate>2026-11-20</cbc:EffectiveDate>
      <cac:Status>
        <cbc:StatusReasonCode listID="OPStatusReason">LEG</cbc:StatusReasonCode>
        <cbc:StatusReason>Kjøpers MVA-nummer er feil.</cbc:StatusReason>
        <cac:Condition>
          <cbc:AttributeID>BT-48</cbc:AttributeID>
          <cbc:Description>NO987654325MVA</cbc:Description>
        </cac:Condition>
      </cac:Status>
      <cac:Status>
        <cbc:StatusReasonCode listID="OPStatusAction">NIN</cbc:StatusReasonCode>
      </cac:Status>
    </cac:Response>
    <cac:DocumentReference>
      <cbc:ID>F-2026-17</cbc:ID>
      <cbc:IssueDate>2026-11-18</cbc:IssueDate>
      <cbc:DocumentTypeCode>380</cbc:DocumentTypeCode>
    </cac:DocumentReference>
    <cac:IssuerParty>
      <cac:PartyIdentification>
        <cbc:ID schemeID="0192">987654325</cbc:ID>
      </cac:PartyIdentification>
      <cac:PartyName>
        <cbc:Name>Leverandør AS</cbc:Name>
      </cac:PartyName>
    </cac:IssuerParty>
    <cac:RecipientParty>
      <cac:PartyIdentification>
        <cbc:ID schemeID="0192">931235184</cbc:ID>
      </cac:PartyIdentification>
      <cac:PartyName>
        <cbc:Name>Digitools AS</cbc:Name>
      </cac:PartyName>
    </cac:RecipientParty>
  </cac:DocumentResponse>
</ApplicationResponse>
"#;

/// `VALID` with each `(from, to)` replacement made once; every `from` must be there.
fn edited(edits: &[(&str, &str)]) -> String {
    let mut xml = VALID.to_owned();
    for (from, to) in edits {
        assert!(xml.contains(from), "{from:?} is not in the document");
        xml = xml.replacen(from, to, 1);
    }
    xml
}

/// The ids that fired, each once, sorted, with `!` after a warning's.
fn fired(xml: &str) -> Vec<String> {
    let mut ids: Vec<String> = check_invoice_response(xml.as_bytes())
        .iter()
        .map(|v| {
            if v.is_fatal() {
                v.id.to_owned()
            } else {
                format!("{}!", v.id)
            }
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn a_complete_valid_response_breaks_no_rule() {
    assert_eq!(check_invoice_response(VALID.as_bytes()), Vec::new());
}

/// A broken variant of `VALID`: what it is, the edits that make it, and every rule that must
/// fire (a warning's id ends in `!`) and nothing else.
type Case = (&'static str, Vec<(String, String)>, &'static [&'static str]);

#[test]
fn each_rule_fires_on_what_it_forbids_and_only_there() {
    const OTH: &str = r#"<cbc:StatusReasonCode listID="OPStatusReason">LEG</cbc:StatusReasonCode>"#;
    const REASON_TEXT: &str = "<cbc:StatusReason>Kjøpers MVA-nummer er feil.</cbc:StatusReason>";
    const ACTION: &str =
        r#"<cbc:StatusReasonCode listID="OPStatusAction">NIN</cbc:StatusReasonCode>"#;
    const SENDER_ENDPOINT: &str = r#"<cbc:EndpointID schemeID="0192">931235184</cbc:EndpointID>"#;
    const SENDER_ID: &str = r#"<cbc:ID schemeID="0192">931235184</cbc:ID>
    </cac:PartyIdentification>
    <cac:PartyLegalEntity>"#;
    const RECEIVER_ENDPOINT: &str =
        r#"<cbc:EndpointID schemeID="0088">7330001000000</cbc:EndpointID>"#;
    let no_codes: &[(&str, &str)] = &[
        (OTH, ""),
        (ACTION, "<cbc:StatusReason>Ny faktura</cbc:StatusReason>"),
    ];
    let sender_id = |scheme: &str, value: &str| {
        format!(
            r#"<cbc:ID schemeID="{scheme}">{value}</cbc:ID>
    </cac:PartyIdentification>
    <cac:PartyLegalEntity>"#
        )
    };
    let cases: Vec<Case> = vec![
        // --- the transaction rules
        (
            "rejected without a clarification code",
            own(no_codes),
            &["PEPPOL-T111-R001"],
        ),
        (
            "under query without a clarification code",
            own(&[
                no_codes,
                &[("<cbc:ResponseCode>RE", "<cbc:ResponseCode>UQ")],
            ]
            .concat()),
            &["PEPPOL-T111-R001"],
        ),
        (
            "conditionally accepted without a clarification code",
            own(&[
                no_codes,
                &[("<cbc:ResponseCode>RE", "<cbc:ResponseCode>CA")],
            ]
            .concat()),
            &["PEPPOL-T111-R001"],
        ),
        (
            "accepted needs no clarification code",
            own(&[
                no_codes,
                &[("<cbc:ResponseCode>RE", "<cbc:ResponseCode>AP")],
            ]
            .concat()),
            &[],
        ),
        (
            "an action code alone clarifies a rejection",
            own(&[(OTH, "")]),
            &[],
        ),
        (
            "a status code of two codes is one of CA UQ RE to R001, as published",
            own(&[
                no_codes,
                &[("<cbc:ResponseCode>RE", "<cbc:ResponseCode>CA UQ")],
            ]
            .concat()),
            &["PEPPOL-T111-B03001", "PEPPOL-T111-R001"],
        ),
        (
            "OTH without a text",
            own(&[
                (
                    OTH,
                    r#"<cbc:StatusReasonCode listID="OPStatusReason">OTH</cbc:StatusReasonCode>"#,
                ),
                (REASON_TEXT, ""),
            ]),
            &["PEPPOL-T111-R002!"],
        ),
        (
            "OTH as an action without a text",
            own(&[(
                ACTION,
                r#"<cbc:StatusReasonCode listID="OPStatusAction">OTH</cbc:StatusReasonCode>"#,
            )]),
            &["PEPPOL-T111-R002!"],
        ),
        (
            "OTH written with spaces is not OTH to R002, which compares the text as written",
            own(&[(
                ACTION,
                r#"<cbc:StatusReasonCode listID="OPStatusAction"> OTH </cbc:StatusReasonCode>"#,
            )]),
            &[],
        ),
        (
            "another specification identifier",
            own(&[(":trns:invoice_response:3<", ":trns:invoice_response:2<")]),
            &["PEPPOL-T111-R003"],
        ),
        (
            "a specification identifier that extends ours",
            own(&[(
                ":trns:invoice_response:3<",
                ":trns:invoice_response:3#ext:x<",
            )]),
            &[],
        ),
        (
            "PPD without a text",
            own(&[
                (
                    OTH,
                    r#"<cbc:StatusReasonCode listID="OPStatusReason">PPD</cbc:StatusReasonCode>"#,
                ),
                (REASON_TEXT, ""),
            ]),
            &["PEPPOL-T111-R004"],
        ),
        (
            "PPD with a rejection: R005 cannot fail as published",
            own(&[(
                OTH,
                r#"<cbc:StatusReasonCode listID="OPStatusReason">PPD</cbc:StatusReasonCode>"#,
            )]),
            &[],
        ),
        (
            "a reason code said to be an action",
            own(&[(
                ACTION,
                r#"<cbc:StatusReasonCode listID="OPStatusAction">REF</cbc:StatusReasonCode>"#,
            )]),
            &["PEPPOL-T111-R006"],
        ),
        (
            "an action code said to be a reason",
            own(&[(
                OTH,
                r#"<cbc:StatusReasonCode listID="OPStatusReason">NIN</cbc:StatusReasonCode>"#,
            )]),
            &["PEPPOL-T111-R007"],
        ),
        (
            "another process identifier",
            own(&[("bis:invoice_response:3<", "bis:billing:3<")]),
            &["PEPPOL-T111-R008"],
        ),
        (
            "the billing-with-response process identifier",
            own(&[(
                "urn:fdc:peppol.eu:poacc:bis:invoice_response:3",
                "urn:peppol:bis:billing_with_response",
            )]),
            &[],
        ),
        // --- the structure rules
        (
            "no specification identifier",
            own(&[(
                "<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:invoice_response:3</cbc:CustomizationID>",
                "",
            )]),
            &["PEPPOL-T111-B00101"],
        ),
        (
            "no process identifier",
            own(&[(
                "<cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:invoice_response:3</cbc:ProfileID>",
                "",
            )]),
            &["PEPPOL-T111-B00102"],
        ),
        (
            "no identifier",
            own(&[("<cbc:ID>IR-7</cbc:ID>", "")]),
            &["PEPPOL-T111-B00103"],
        ),
        (
            "no issue date",
            own(&[("<cbc:IssueDate>2026-11-20</cbc:IssueDate>", "")]),
            &["PEPPOL-T111-B00104"],
        ),
        (
            "a schema location",
            own(&[(
                "<ApplicationResponse ",
                r#"<ApplicationResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x x.xsd" "#,
            )]),
            &["PEPPOL-COMMON-R003!", "PEPPOL-T111-B00108"],
        ),
        (
            "an element outside the data model",
            own(&[("<cbc:Note>", "<cbc:UUID>a4f1</cbc:UUID><cbc:Note>")]),
            &["PEPPOL-T111-B00109"],
        ),
        (
            "an element in a namespace of its own",
            own(&[(
                "<cbc:Note>",
                r#"<x:Note xmlns:x="urn:x">a</x:Note><cbc:Note>"#,
            )]),
            &["PEPPOL-T111-B00109"],
        ),
        (
            "a sender without address",
            own(&[(SENDER_ENDPOINT, "")]),
            &["PEPPOL-T111-B00801"],
        ),
        (
            "a sender without name",
            own(&[(
                "<cac:PartyLegalEntity>\n      <cbc:RegistrationName>Digitools AS</cbc:RegistrationName>\n    </cac:PartyLegalEntity>",
                "",
            )]),
            &["PEPPOL-T111-B00802"],
        ),
        (
            "a sender with a trading name",
            own(&[(
                "<cac:Contact>",
                "<cac:PartyName><cbc:Name>DT</cbc:Name></cac:PartyName><cac:Contact>",
            )]),
            &["PEPPOL-T111-B00803"],
        ),
        (
            "a sender address without scheme",
            own(&[(
                SENDER_ENDPOINT,
                "<cbc:EndpointID>931235184</cbc:EndpointID>",
            )]),
            &["PEPPOL-T111-B00901"],
        ),
        (
            "a sender address in a retired scheme",
            own(&[(
                SENDER_ENDPOINT,
                r#"<cbc:EndpointID schemeID="9908">931235184</cbc:EndpointID>"#,
            )]),
            &["PEPPOL-T111-B00902"],
        ),
        (
            "a sender identification without identifier: Peppol publishes no rule against the element instead",
            own(&[(
                SENDER_ID,
                "<cbc:Name>x</cbc:Name>\n    </cac:PartyIdentification>\n    <cac:PartyLegalEntity>",
            )]),
            &["PEPPOL-T111-B01101"],
        ),
        (
            "a sender identifier in no ICD scheme",
            own(&[(SENDER_ID, &*sender_id("9999", "1"))]),
            &["PEPPOL-T111-B01201"],
        ),
        (
            "a sender legal entity without name",
            own(&[(
                "<cbc:RegistrationName>Digitools AS</cbc:RegistrationName>",
                "<cbc:CompanyID>931235184</cbc:CompanyID>",
            )]),
            &["PEPPOL-T111-B01401", "PEPPOL-T111-B01402"],
        ),
        (
            "a contact with a fax",
            own(&[(
                "<cbc:ElectronicMail>",
                "<cbc:Telefax>1</cbc:Telefax><cbc:ElectronicMail>",
            )]),
            &["PEPPOL-T111-B01601"],
        ),
        (
            "a receiver without address",
            own(&[(RECEIVER_ENDPOINT, "")]),
            &["PEPPOL-T111-B02001"],
        ),
        (
            "a receiver without name",
            own(&[(
                "<cac:PartyLegalEntity>\n      <cbc:RegistrationName>Leverandør AS</cbc:RegistrationName>\n    </cac:PartyLegalEntity>",
                "",
            )]),
            &["PEPPOL-T111-B02002"],
        ),
        (
            "a receiver with a contact",
            own(&[(
                "  </cac:ReceiverParty>",
                "<cac:Contact><cbc:Name>x</cbc:Name></cac:Contact></cac:ReceiverParty>",
            )]),
            &["PEPPOL-T111-B02003"],
        ),
        (
            "a receiver address without scheme",
            own(&[(
                RECEIVER_ENDPOINT,
                "<cbc:EndpointID>7330001000000</cbc:EndpointID>",
            )]),
            &["PEPPOL-T111-B02101"],
        ),
        (
            "a receiver address in an unknown scheme",
            own(&[(
                RECEIVER_ENDPOINT,
                r#"<cbc:EndpointID schemeID="NO:ORGNR">7330001000000</cbc:EndpointID>"#,
            )]),
            &["PEPPOL-T111-B02102"],
        ),
        (
            "a receiver identification without identifier",
            own(&[("<cbc:ID>L-22</cbc:ID>", "<cbc:Name>L</cbc:Name>")]),
            &["PEPPOL-T111-B02301"],
        ),
        (
            "a receiver identifier in no ICD scheme",
            own(&[(
                "<cbc:ID>L-22</cbc:ID>",
                r#"<cbc:ID schemeID="0192 ">L-22</cbc:ID>"#,
            )]),
            &["PEPPOL-T111-B02401"],
        ),
        (
            "a receiver legal entity without name",
            own(&[(
                "<cbc:RegistrationName>Leverandør AS</cbc:RegistrationName>",
                "<cbc:CompanyID>1</cbc:CompanyID>",
            )]),
            &["PEPPOL-T111-B02601", "PEPPOL-T111-B02602"],
        ),
        (
            "no response",
            own(&[
                ("<cac:Response>", "<cac:Ignored>"),
                ("</cac:Response>", "</cac:Ignored>"),
            ]),
            &["PEPPOL-T111-B02801", "PEPPOL-T111-B02803"],
        ),
        (
            "no document reference",
            own(&[
                ("<cac:DocumentReference>", "<cac:Ref>"),
                ("</cac:DocumentReference>", "</cac:Ref>"),
            ]),
            &["PEPPOL-T111-B02802", "PEPPOL-T111-B02803"],
        ),
        (
            "no status code",
            own(&[("<cbc:ResponseCode>RE</cbc:ResponseCode>", "")]),
            &["PEPPOL-T111-B02901"],
        ),
        (
            "a response with a description",
            own(&[(
                "<cbc:EffectiveDate>",
                "<cbc:Description>x</cbc:Description><cbc:EffectiveDate>",
            )]),
            &["PEPPOL-T111-B02902"],
        ),
        (
            "a status code outside the subset",
            own(&[("<cbc:ResponseCode>RE", "<cbc:ResponseCode>OK")]),
            &["PEPPOL-T111-B03001"],
        ),
        (
            "a status with a percent",
            own(&[(
                "<cac:Condition>",
                "<cbc:Percent>5</cbc:Percent><cac:Condition>",
            )]),
            &["PEPPOL-T111-B03201"],
        ),
        (
            "a clarification code in neither list",
            own(&[(
                OTH,
                r#"<cbc:StatusReasonCode listID="OPStatusReason">DUP</cbc:StatusReasonCode>"#,
            )]),
            &["PEPPOL-T111-B03301", "PEPPOL-T111-R007"],
        ),
        (
            "a clarification code without list",
            own(&[(OTH, "<cbc:StatusReasonCode>LEG</cbc:StatusReasonCode>")]),
            &["PEPPOL-T111-B03302"],
        ),
        (
            "a clarification code in another list",
            own(&[(
                OTH,
                r#"<cbc:StatusReasonCode listID="UNCL4343">LEG</cbc:StatusReasonCode>"#,
            )]),
            &["PEPPOL-T111-B03303"],
        ),
        (
            "a condition without detail type",
            own(&[("<cbc:AttributeID>BT-48</cbc:AttributeID>", "")]),
            &["PEPPOL-T111-B03601"],
        ),
        (
            "a condition with a measure",
            own(&[(
                "<cbc:AttributeID>BT-48</cbc:AttributeID>",
                "<cbc:AttributeID>BT-48</cbc:AttributeID><cbc:Measure>1</cbc:Measure>",
            )]),
            &["PEPPOL-T111-B03602"],
        ),
        (
            "a document reference without identifier",
            own(&[("<cbc:ID>F-2026-17</cbc:ID>", "")]),
            &["PEPPOL-T111-B03901"],
        ),
        (
            "a document reference without type",
            own(&[("<cbc:DocumentTypeCode>380</cbc:DocumentTypeCode>", "")]),
            &["PEPPOL-T111-B03902"],
        ),
        (
            "a document reference with a UUID",
            own(&[(
                "<cbc:ID>F-2026-17</cbc:ID>",
                "<cbc:ID>F-2026-17</cbc:ID><cbc:UUID>u</cbc:UUID>",
            )]),
            &["PEPPOL-T111-B03903"],
        ),
        (
            "a document type Peppol's UNCL 1001 edition does not have",
            own(&[("<cbc:DocumentTypeCode>380", "<cbc:DocumentTypeCode>875")]),
            &["PEPPOL-T111-B04201"],
        ),
        (
            "a seller without name",
            own(&[(
                "<cac:PartyName>\n        <cbc:Name>Leverandør AS</cbc:Name>\n      </cac:PartyName>",
                "",
            )]),
            &["PEPPOL-T111-B04301"],
        ),
        (
            "a seller with an address",
            own(&[(
                "</cac:IssuerParty>",
                "<cac:PostalAddress><cbc:CityName>Oslo</cbc:CityName></cac:PostalAddress></cac:IssuerParty>",
            )]),
            &["PEPPOL-T111-B04302"],
        ),
        (
            "a seller identification without identifier",
            own(&[(
                r#"<cbc:ID schemeID="0192">987654325</cbc:ID>"#,
                "<cbc:Name>x</cbc:Name>",
            )]),
            &["PEPPOL-T111-B04401"],
        ),
        (
            "a seller identifier in no ICD scheme",
            own(&[(
                r#"<cbc:ID schemeID="0192">987654325</cbc:ID>"#,
                r#"<cbc:ID schemeID="ZZZ">987654325</cbc:ID>"#,
            )]),
            &["PEPPOL-T111-B04501"],
        ),
        (
            "a seller name without name",
            own(&[(
                "<cbc:Name>Leverandør AS</cbc:Name>",
                "<cbc:Language>nb</cbc:Language>",
            )]),
            &["PEPPOL-T111-B04701"],
        ),
        (
            "a buyer without name",
            own(&[(
                "<cac:PartyName>\n        <cbc:Name>Digitools AS</cbc:Name>\n      </cac:PartyName>",
                "",
            )]),
            &["PEPPOL-T111-B04901"],
        ),
        (
            "a buyer with a contact",
            own(&[(
                "</cac:RecipientParty>",
                "<cac:Contact><cbc:Name>x</cbc:Name></cac:Contact></cac:RecipientParty>",
            )]),
            &["PEPPOL-T111-B04902"],
        ),
        (
            "a buyer identification without identifier",
            own(&[(
                "<cac:PartyIdentification>\n        <cbc:ID schemeID=\"0192\">931235184</cbc:ID>\n      </cac:PartyIdentification>\n      <cac:PartyName>\n        <cbc:Name>Digitools",
                "<cac:PartyIdentification><cbc:Name>x</cbc:Name></cac:PartyIdentification><cac:PartyName><cbc:Name>Digitools",
            )]),
            &["PEPPOL-T111-B05001"],
        ),
        (
            "a buyer identifier in no ICD scheme",
            own(&[(
                "<cbc:ID schemeID=\"0192\">931235184</cbc:ID>\n      </cac:PartyIdentification>\n      <cac:PartyName>\n        <cbc:Name>Digitools",
                "<cbc:ID schemeID=\"GLN\">931235184</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Digitools",
            )]),
            &["PEPPOL-T111-B05101"],
        ),
        (
            "a buyer name without name",
            own(&[(
                "<cbc:Name>Digitools AS</cbc:Name>",
                "<cbc:Language>nb</cbc:Language>",
            )]),
            &["PEPPOL-T111-B05301"],
        ),
        // --- the rules common to post-award documents
        (
            "an empty element",
            own(&[(
                "<cbc:Note>Se begrunnelsene.</cbc:Note>",
                "<cbc:Note> </cbc:Note>",
            )]),
            &["PEPPOL-COMMON-R001"],
        ),
        (
            "an empty group",
            own(&[(
                "<cac:Contact>\n      <cbc:Name>Fakturamottak</cbc:Name>\n      <cbc:Telephone>22 00 00 00</cbc:Telephone>\n      <cbc:ElectronicMail>faktura@example.no</cbc:ElectronicMail>\n    </cac:Contact>",
                "<cac:Contact/>",
            )]),
            &["PEPPOL-COMMON-R001"],
        ),
        (
            "an issue date with a time zone",
            own(&[(
                "<cbc:IssueDate>2026-11-20</cbc:IssueDate>",
                "<cbc:IssueDate>2026-11-20Z</cbc:IssueDate>",
            )]),
            &["PEPPOL-COMMON-R030"],
        ),
        (
            "an invoice date that does not exist",
            own(&[(
                "<cbc:IssueDate>2026-11-18</cbc:IssueDate>",
                "<cbc:IssueDate>2026-02-29</cbc:IssueDate>",
            )]),
            &["PEPPOL-COMMON-R030"],
        ),
        (
            "a GLN with a wrong check digit",
            own(&[(
                RECEIVER_ENDPOINT,
                r#"<cbc:EndpointID schemeID="0088">7330001000001</cbc:EndpointID>"#,
            )]),
            &["PEPPOL-COMMON-R040"],
        ),
        (
            "an organisation number with a wrong check digit",
            own(&[(
                SENDER_ENDPOINT,
                r#"<cbc:EndpointID schemeID="0192">931235185</cbc:EndpointID>"#,
            )]),
            &["PEPPOL-COMMON-R041"],
        ),
        (
            "an organisation number written with spaces",
            own(&[(
                SENDER_ENDPOINT,
                r#"<cbc:EndpointID schemeID="0192">931 235 184</cbc:EndpointID>"#,
            )]),
            &["PEPPOL-COMMON-R041"],
        ),
        (
            "a CVR number",
            own(&[(SENDER_ID, &*sender_id("0184", "DK1234567"))]),
            &["PEPPOL-COMMON-R042"],
        ),
        (
            "a Belgian number",
            own(&[(SENDER_ID, &*sender_id("0208", "0123456748"))]),
            &["PEPPOL-COMMON-R043"],
        ),
        (
            "an IPA code",
            own(&[(SENDER_ID, &*sender_id("0201", "ABC12"))]),
            &["PEPPOL-COMMON-R044!"],
        ),
        (
            "a codice fiscale",
            own(&[(SENDER_ID, &*sender_id("0210", "X"))]),
            &["PEPPOL-COMMON-R045!"],
        ),
        (
            "a codice fiscale as address",
            own(&[(
                SENDER_ENDPOINT,
                r#"<cbc:EndpointID schemeID="9907">X</cbc:EndpointID>"#,
            )]),
            &["PEPPOL-COMMON-R046!", "PEPPOL-T111-B00902"],
        ),
        (
            "a partita IVA",
            own(&[(SENDER_ID, &*sender_id("0211", "IT00743110158"))]),
            &["PEPPOL-COMMON-R047!"],
        ),
        (
            "a Swedish number",
            own(&[(SENDER_ID, &*sender_id("0007", "5560360794"))]),
            &["PEPPOL-COMMON-R049"],
        ),
        (
            "an ABN",
            own(&[(SENDER_ID, &*sender_id("0151", "51824753557"))]),
            &["PEPPOL-COMMON-R050"],
        ),
        (
            "a P-number",
            own(&[(SENDER_ID, &*sender_id("0096", "123"))]),
            &["PEPPOL-COMMON-R052"],
        ),
        (
            "an SE number",
            own(&[(SENDER_ID, &*sender_id("0198", "12345678"))]),
            &["PEPPOL-COMMON-R053"],
        ),
        (
            "a KVK number",
            own(&[(SENDER_ID, &*sender_id("0106", "1234567"))]),
            &["PEPPOL-COMMON-R054!"],
        ),
        (
            "an OIN",
            own(&[(SENDER_ID, &*sender_id("0190", "1"))]),
            &["PEPPOL-COMMON-R055!"],
        ),
        (
            "a Dutch VAT number as address",
            own(&[(
                SENDER_ENDPOINT,
                r#"<cbc:EndpointID schemeID="9944">NL1</cbc:EndpointID>"#,
            )]),
            &["PEPPOL-COMMON-R056-1!"],
        ),
        (
            "a Dutch VAT registration",
            own(&[(
                "<cac:PartyLegalEntity>\n      <cbc:RegistrationName>Digitools",
                "<cac:PartyTaxScheme><cbc:CompanyID>NL1</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity>\n      <cbc:RegistrationName>Digitools",
            )]),
            &["PEPPOL-COMMON-R056-2!", "PEPPOL-T111-B00803"],
        ),
        (
            "an establishment number",
            own(&[(SENDER_ID, &*sender_id("0217", "1"))]),
            &["PEPPOL-COMMON-R057!"],
        ),
        // --- what the UBL 2.1 schema requires
        (
            "elements out of schema order",
            own(&[(
                "<cbc:IssueDate>2026-11-20</cbc:IssueDate>\n  <cbc:IssueTime>08:15:00</cbc:IssueTime>",
                "<cbc:IssueTime>08:15:00</cbc:IssueTime><cbc:IssueDate>2026-11-20</cbc:IssueDate>",
            )]),
            &["MOTTAK-IR-ORDER"],
        ),
        (
            "an element the schema allows once, twice",
            own(&[(
                "<cbc:ID>IR-7</cbc:ID>",
                "<cbc:ID>IR-7</cbc:ID><cbc:ID>IR-8</cbc:ID>",
            )]),
            &["MOTTAK-IR-REPEAT"],
        ),
        (
            "notes, which may repeat",
            own(&[("<cbc:Note>", "<cbc:Note>a</cbc:Note><cbc:Note>")]),
            &[],
        ),
        (
            "an attribute the data type does not have",
            own(&[(
                "<cbc:RegistrationName>Digitools",
                r#"<cbc:RegistrationName listID="x">Digitools"#,
            )]),
            &["MOTTAK-IR-ATTRIBUTE"],
        ),
        (
            "the list attributes a code may have",
            own(&[(
                "<cbc:ResponseCode>",
                r#"<cbc:ResponseCode listID="UNCL4343OpSubset" listAgencyID="6">"#,
            )]),
            &[],
        ),
        (
            "a time without seconds",
            own(&[("<cbc:IssueTime>08:15:00", "<cbc:IssueTime>8:15")]),
            &["MOTTAK-IR-TIME"],
        ),
        (
            "a status date that does not exist",
            own(&[(
                "<cbc:EffectiveDate>2026-11-20",
                "<cbc:EffectiveDate>2026-11-31",
            )]),
            &["MOTTAK-IR-DATE"],
        ),
    ];
    let mut failures = Vec::new();
    for (what, edits, expected) in &cases {
        let edits: Vec<(&str, &str)> = edits
            .iter()
            .map(|(from, to)| (from.as_str(), to.as_str()))
            .collect();
        let got = fired(&edited(&edits));
        let mut want: Vec<String> = expected.iter().map(|id| (*id).to_owned()).collect();
        want.sort();
        if got != want {
            failures.push(format!("{what}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn own(edits: &[(&str, &str)]) -> Vec<(String, String)> {
    edits
        .iter()
        .map(|(from, to)| ((*from).to_owned(), (*to).to_owned()))
        .collect()
}

#[test]
fn locations_flags_and_messages() {
    let xml = edited(&[
        (
            r#"<cbc:EndpointID schemeID="0192">931235184</cbc:EndpointID>"#,
            r#"<cbc:EndpointID schemeID="0192">931235185</cbc:EndpointID>"#,
        ),
        (
            r#"<cbc:StatusReasonCode listID="OPStatusAction">NIN</cbc:StatusReasonCode>"#,
            r#"<cbc:StatusReasonCode listID="OPStatusAction">OTH</cbc:StatusReasonCode>"#,
        ),
    ]);
    let report: Vec<String> = check_invoice_response(xml.as_bytes())
        .iter()
        .map(T111Violation::to_string)
        .collect();
    expect![[r#"
        [PEPPOL-COMMON-R041] (fatal) '931235185' breaks the rule: A Norwegian organisation number (scheme 0192) is nine digits with a valid MOD11 check digit. at /ApplicationResponse[1]/cac:SenderParty[1]/cbc:EndpointID[1]
        [PEPPOL-T111-R002] (warning) Clarification code OTH (other) should come with a text saying what is meant (cbc:StatusReason). at /ApplicationResponse[1]/cac:DocumentResponse[1]/cac:Response[1]/cac:Status[2]"#]]
    .assert_eq(&report.join("\n"));
}

#[test]
fn what_cannot_be_read_is_one_fatal_violation() {
    for (xml, id) in [
        ("<ApplicationResponse>", "MOTTAK-IR-XML"),
        ("", "MOTTAK-IR-XML"),
        (
            "<!DOCTYPE x [<!ENTITY a 'b'>]><ApplicationResponse/>",
            "MOTTAK-IR-XML",
        ),
        ("<a/><b/>", "MOTTAK-IR-XML"),
        (
            r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#,
            "MOTTAK-IR-ROOT",
        ),
        ("<ApplicationResponse/>", "MOTTAK-IR-ROOT"),
    ] {
        let found = check_invoice_response(xml.as_bytes());
        assert_eq!(found.len(), 1, "{xml}: {found:?}");
        assert_eq!(found[0].id, id, "{xml}");
        assert!(found[0].is_fatal());
    }
    assert_eq!(
        check_invoice_response(b"\xFF<ApplicationResponse/>")[0].id,
        "MOTTAK-IR-XML"
    );
}

// ---------------------------------------------------------------------------------------------
// What the writer produces
// ---------------------------------------------------------------------------------------------

fn party(scheme: &str, endpoint: &str, name: &str) -> ResponseParty {
    ResponseParty {
        endpoint_scheme: scheme.into(),
        endpoint: endpoint.into(),
        name: name.into(),
    }
}

fn reason(code: &str, text: &str) -> StatusReason {
    StatusReason {
        code: code.into(),
        text: text.into(),
    }
}

/// A rejection as the validator sends it: status RE, one reason per broken rule with its
/// OPStatusReason code and `[RULE-ID] message`, and an action.
fn rejection(reasons: Vec<StatusReason>, action: &str) -> InvoiceResponse {
    InvoiceResponse {
        id: "0193a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b".into(),
        issue_date: date!(2026 - 11 - 22),
        issue_time: None,
        note: None,
        sender: party("0192", "931235184", "Digitools AS"),
        receiver: party("0192", "987654325", "Leverandør & Sønn AS"),
        response_code: "RE".into(),
        reasons,
        action: Some(reason(
            action,
            "Send en ny, korrigert faktura. / Please issue a new, corrected invoice.",
        )),
        document: DocumentRef {
            id: "F-2026-17".into(),
            issue_date: Some(date!(2026 - 11 - 18)),
            type_code: Some("380".into()),
        },
    }
}

/// Everything wrong with what the writer made of `r`.
fn written(r: &InvoiceResponse) -> Vec<T111Violation> {
    check_invoice_response(invoice_response(r).as_bytes())
}

#[test]
fn rejections_the_validator_sends_are_valid() {
    let mut duplicate_only = rejection(
        vec![reason(
            "OTH",
            "[MOTTAK-DUP] Fakturanummeret er allerede mottatt fra denne leverandøren. / This invoice number has already been received from this supplier.",
        )],
        "NOA",
    );
    duplicate_only.action = Some(reason(
        "NOA",
        "Ingen handling nødvendig. / No action required.",
    ));
    let mut with_everything = rejection(vec![reason("REF", "[MOTTAK-REF] x")], "NIN");
    with_everything.issue_time = Some("09:30:00".into());
    with_everything.note = Some("Se begrunnelsene / See the reasons".into());
    with_everything.receiver = party("0088", "7330001000000", "Seller company");
    let mut credit_note = rejection(vec![reason("FIN", "[BR-CO-15] sum")], "NIN");
    credit_note.document.type_code = Some("381".into());
    credit_note.document.issue_date = None;
    let cases = [
        (
            "one reference reason",
            rejection(
                vec![reason(
                    "REF",
                    "[MOTTAK-REF] Fakturaen mangler referanse. / The invoice lacks a reference.",
                )],
                "NIN",
            ),
        ),
        (
            "several reasons, codes repeated, a duplicate among them",
            rejection(
                vec![
                    reason(
                        "LEG",
                        "[MOTTAK-ORGNR] Organisasjonsnummeret er ugyldig. / The organisation number is invalid.",
                    ),
                    reason(
                        "LEG",
                        "[MOTTAK-MVA] MVA-nummeret er ugyldig. / The VAT number is invalid.",
                    ),
                    reason(
                        "FIN",
                        "[MOTTAK-TOTAL] Summene stemmer ikke. / The totals do not add up.",
                    ),
                    reason(
                        "PAY",
                        "[MOTTAK-BANK] Kontonummeret mangler. / The account number is missing.",
                    ),
                    reason(
                        "UNR",
                        "[MOTTAK-ENCODING] <ugyldig> & \"uleselig\" / unreadable",
                    ),
                    reason(
                        "OTH",
                        "[MOTTAK-DUP] Fakturanummeret er allerede mottatt. / Already received.",
                    ),
                ],
                "NIN",
            ),
        ),
        ("only a duplicate, no action required", duplicate_only),
        (
            "no reason at all, an action only",
            rejection(Vec::new(), "NOA"),
        ),
        ("every optional part", with_everything),
        ("a credit note without issue date", credit_note),
    ];
    for (what, r) in &cases {
        assert_eq!(written(r), Vec::new(), "{what}:\n{}", invoice_response(r));
    }
}

#[test]
fn writer_regression_document_type_is_mandatory() {
    let mut r = rejection(vec![reason("REF", "[MOTTAK-REF] x")], "NIN");
    r.document.type_code = None;
    assert_eq!(written(&r), Vec::new());
    r.document.type_code = Some("  ".into());
    assert_eq!(written(&r), Vec::new());
}

#[test]
fn writer_regression_issue_time_must_be_an_xs_time() {
    // `time::Time` displays as `9:30:00.0`, which is no xs:time.
    let mut r = rejection(vec![reason("REF", "[MOTTAK-REF] x")], "NIN");
    for time in ["9:30:00.0", "09:30", "09:30:00.5+01:00", "09:30:00"] {
        r.issue_time = Some(time.into());
        assert_eq!(written(&r), Vec::new(), "{time}");
    }
}

/// What the caller must not hand the writer: each of these values gives a response Peppol
/// refuses, and the checker says which rule.
#[test]
fn inputs_that_make_an_invalid_response() {
    let base = || rejection(vec![reason("REF", "[MOTTAK-REF] x")], "NIN");
    let mut cases: Vec<(&str, InvoiceResponse, &[&str])> = Vec::new();
    let mut r = base();
    r.receiver.name = String::new();
    cases.push(("a supplier without name", r, &["PEPPOL-COMMON-R001"]));
    let mut r = base();
    r.document.id = String::new();
    cases.push(("an invoice without number", r, &["PEPPOL-COMMON-R001"]));
    let mut r = base();
    r.receiver = party("0192", "7330001000000", "Seller company");
    cases.push((
        "a GLN addressed as an organisation number (the 0192 default)",
        r,
        &["PEPPOL-COMMON-R041"],
    ));
    let mut r = base();
    r.receiver.endpoint_scheme = "9908".into();
    cases.push(("a retired endpoint scheme", r, &["PEPPOL-T111-B02102"]));
    let mut r = base();
    r.receiver.endpoint_scheme = String::new();
    cases.push(("an empty endpoint scheme", r, &["PEPPOL-T111-B02102"]));
    let mut r = base();
    r.document.type_code = Some("875".into());
    cases.push((
        "a document type outside Peppol's UNCL 1001 edition",
        r,
        &["PEPPOL-T111-B04201"],
    ));
    let mut r = base();
    r.reasons = vec![reason("NIN", "x")];
    cases.push(("an action given as a reason", r, &["PEPPOL-T111-R007"]));
    let mut r = base();
    r.reasons = vec![reason("DUP", "x")];
    cases.push((
        "a reason code Peppol does not have",
        r,
        &["PEPPOL-T111-B03301", "PEPPOL-T111-R007"],
    ));
    let mut r = base();
    r.reasons.clear();
    r.action = None;
    cases.push(("a rejection without any code", r, &["PEPPOL-T111-R001"]));
    for (what, r, expected) in cases {
        let mut got: Vec<&str> = written(&r)
            .iter()
            .filter(|v| v.is_fatal())
            .map(|v| v.id)
            .collect();
        got.dedup();
        assert_eq!(got, expected, "{what}");
    }
}

proptest! {
    /// Whatever free text the clerk or a rule puts in, the response stays valid.
    #[test]
    fn any_text_gives_a_valid_response(
        note in "\\PC{0,40}",
        reason_text in "[\\PC\t\n\u{1}\u{FFFF}]{0,60}",
        name in "[a-zA-ZæøåÆØÅ0-9&<>\"' ./-]{0,30}[a-zA-ZæøåÆØÅ0-9]",
        number in "[A-Za-z0-9/-]{0,12}[0-9]",
    ) {
        let mut r = rejection(vec![reason("LEG", &reason_text), reason("OTH", "[MOTTAK-DUP] x")], "NIN");
        r.note = Some(note);
        r.receiver.name = name;
        r.document.id = number;
        let found = written(&r);
        prop_assert!(found.is_empty(), "{found:?}\n{}", invoice_response(&r));
    }
}

// ---------------------------------------------------------------------------------------------
// Peppol's own examples and rule tests, read from a copy of OpenPEPPOL/poacc-upgrade-3
// ---------------------------------------------------------------------------------------------

/// The git directory of a copy of Peppol's post-award repository: `$MOTTAK_POACC_GIT`, or
/// where the development machines mirror it. Nothing of it is kept in this repository.
fn poacc_git_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MOTTAK_POACC_GIT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/.mirror/OpenPEPPOL+poacc-upgrade-3/repo"));
    let usable = dir.is_dir()
        && Command::new("git")
            .arg("--git-dir")
            .arg(&dir)
            .args(["rev-parse", "--verify", "HEAD"])
            .output()
            .is_ok_and(|out| out.status.success());
    if !usable {
        eprintln!(
            "no copy of OpenPEPPOL/poacc-upgrade-3 at {}: Peppol's own T111 files not checked",
            dir.display()
        );
    }
    usable.then_some(dir)
}

fn git(dir: &PathBuf, args: &[&str]) -> Vec<u8> {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?} failed");
    out.stdout
}

/// The XML files under `under` at HEAD, as text (lossily: some are ISO-8859-1).
fn poacc_files(dir: &PathBuf, under: &str) -> Vec<(String, String)> {
    let listing = String::from_utf8(git(
        dir,
        &["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", under],
    ))
    .unwrap();
    listing
        .split('\0')
        .filter(|path| path.ends_with(".xml"))
        .map(|path| {
            let text =
                String::from_utf8_lossy(&git(dir, &["show", &format!("HEAD:{path}")])).into_owned();
            (path.to_owned(), text)
        })
        .collect()
}

#[test]
fn peppols_invoice_response_examples_are_valid() {
    let Some(dir) = poacc_git_dir() else {
        return;
    };
    let examples: Vec<(String, String)> = poacc_files(&dir, "rules/examples")
        .into_iter()
        .filter(|(_, text)| text.contains("urn:fdc:peppol.eu:poacc:trns:invoice_response:3"))
        .collect();
    assert!(examples.len() >= 10, "only {} examples", examples.len());
    eprintln!(
        "{} of Peppol's Invoice Response examples checked",
        examples.len()
    );
    let mut failures = Vec::new();
    for (path, text) in &examples {
        let found = check_invoice_response(text.as_bytes());
        if !found.is_empty() {
            failures.push(format!(
                "{path}:\n  {}",
                found
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Peppol's rule tests: each `<test>` holds a fragment and says which rules succeed, fail or
/// warn on it.
#[test]
fn peppols_t111_rule_tests_agree() {
    let Some(dir) = poacc_git_dir() else {
        return;
    };
    let sets = poacc_files(&dir, "rules/unit-invoice-response");
    assert!(!sets.is_empty());
    let mut judged = 0;
    let mut failures = Vec::new();
    for (path, text) in &sets {
        for (n, test) in text.split("<test").skip(1).enumerate() {
            let (Some(from), Some(to)) = (
                test.find("<ApplicationResponse"),
                test.rfind("</ApplicationResponse>"),
            ) else {
                continue;
            };
            let fragment = &test[from..to + "</ApplicationResponse>".len()];
            let found = check_invoice_response(fragment.as_bytes());
            for (tag, expect_fired, expect_fatal) in [
                ("success", false, false),
                ("error", true, true),
                ("warning", true, false),
            ] {
                for id in elements(test, tag) {
                    judged += 1;
                    let hit = found.iter().find(|v| v.id == id);
                    let ok = match hit {
                        None => !expect_fired,
                        Some(v) => expect_fired && v.is_fatal() == expect_fatal,
                    };
                    if !ok {
                        failures.push(format!("{path} test {}: {tag} {id}, found {hit:?}", n + 1));
                    }
                }
            }
        }
    }
    eprintln!("{judged} assertions of Peppol's T111 rule tests judged");
    assert!(judged >= 10, "only {judged} assertions judged");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The texts of `<tag>…</tag>` in `text`.
fn elements<'a>(text: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    text.match_indices(&open)
        .filter_map(|(at, _)| {
            let rest = &text[at + open.len()..];
            rest.find(&close).map(|end| rest[..end].trim())
        })
        .collect()
}

//! The reader's specification: small documents and what they must parse into (or why they
//! must be rejected). Snapshots are updated with `UPDATE_EXPECT=1 cargo test -p mottak-ehf`
//! and reviewed in the diff.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use expect_test::{Expect, expect};
use mottak_ehf::{Limits, ParseError, ParsedDocument, parse};
use mottak_invoice::{AttachmentProblem, DocumentKind, FileType};
use serde_json::Value;

const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const NS_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/// A bare `Invoice` with the usual prefixes around `body`.
fn invoice(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="{NS_INVOICE}" xmlns:cac="{NS_CAC}" xmlns:cbc="{NS_CBC}">{body}</Invoice>"#
    )
}

/// What a parse came to, as reviewable text: the error code and message, or the invoice as
/// JSON without empty fields, followed by the decoded attachments.
fn render(result: Result<ParsedDocument, ParseError>) -> String {
    match result {
        Err(err) => format!("{}: {}", err.code(), err.message()),
        Ok(doc) => {
            let mut value = serde_json::to_value(&doc.invoice).unwrap();
            prune(&mut value);
            let mut out = serde_json::to_string_pretty(&value).unwrap();
            for att in &doc.attachments {
                out.push_str(&format!(
                    "\nattachment[{}]: {} bytes, sha256 {}",
                    att.index,
                    att.bytes.len(),
                    att.sha256
                ));
            }
            out
        }
    }
}

fn prune(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.values_mut().for_each(prune);
            map.retain(|_, v| !is_empty(v));
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

#[track_caller]
fn check(input: &str, expected: Expect) {
    check_bytes(input.as_bytes(), expected);
}

#[track_caller]
fn check_bytes(input: &[u8], expected: Expect) {
    expected.assert_eq(&render(parse(input, &Limits::default())));
}

#[track_caller]
fn parse_ok(input: &str) -> ParsedDocument {
    match parse(input.as_bytes(), &Limits::default()) {
        Ok(doc) => doc,
        Err(err) => panic!("{}: {}", err.code(), err.message()),
    }
}

#[track_caller]
fn parse_err(input: &[u8], limits: &Limits) -> ParseError {
    match parse(input, limits) {
        Ok(doc) => panic!("expected an error, got {:?}", doc.invoice.kind),
        Err(err) => err,
    }
}

#[test]
fn bare_invoice() {
    check(
        &invoice(
            r#"
    <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
    <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
    <cbc:ID> F-2025-001 </cbc:ID>
    <cbc:IssueDate>2025-11-13</cbc:IssueDate>
    <cbc:DueDate>2025-12-01</cbc:DueDate>
    <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
    <cbc:Note>Første merknad</cbc:Note>
    <cbc:Note>Second &amp; last &#x263A;</cbc:Note>
    <cbc:Note>   </cbc:Note>
    <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
    <cbc:AccountingCost>4025:123</cbc:AccountingCost>
    <cbc:BuyerReference>Lisa Johnson</cbc:BuyerReference>
    <cac:OrderReference><cbc:ID>PO-77</cbc:ID><cbc:SalesOrderID>SO-9</cbc:SalesOrderID></cac:OrderReference>
    <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F-2024-9</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
    <cac:ContractDocumentReference><cbc:ID>K-1</cbc:ID></cac:ContractDocumentReference>
    <cac:AdditionalDocumentReference><cbc:ID>Timeliste</cbc:ID></cac:AdditionalDocumentReference>
    <cac:ProjectReference><cbc:ID>P-42</cbc:ID></cac:ProjectReference>
    <cac:AccountingSupplierParty>
        <cac:Party>
            <cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>
            <cac:PartyIdentification><cbc:ID schemeID="0192">987654325</cbc:ID></cac:PartyIdentification>
            <cac:PartyName><cbc:Name>Leverandør AS</cbc:Name></cac:PartyName>
            <cac:PostalAddress>
                <cbc:StreetName>Storgata 1</cbc:StreetName>
                <cbc:AdditionalStreetName>Bygg 2</cbc:AdditionalStreetName>
                <cbc:CityName>Oslo</cbc:CityName>
                <cbc:PostalZone>0150</cbc:PostalZone>
                <cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country>
            </cac:PostalAddress>
            <cac:PartyTaxScheme><cbc:CompanyID>NO987654325MVA</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
            <cac:PartyTaxScheme><cbc:CompanyID>Foretaksregisteret</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
            <cac:PartyLegalEntity>
                <cbc:RegistrationName>Leverandør Holding AS</cbc:RegistrationName>
                <cbc:CompanyID schemeID="0192">987654325</cbc:CompanyID>
            </cac:PartyLegalEntity>
            <cac:Contact><cbc:Name>Ola</cbc:Name><cbc:Telephone>22 22 22 22</cbc:Telephone><cbc:ElectronicMail>ola@leverandor.no</cbc:ElectronicMail></cac:Contact>
        </cac:Party>
    </cac:AccountingSupplierParty>
    <cac:AccountingCustomerParty>
        <cac:Party>
            <cbc:EndpointID schemeID="0192">931235184</cbc:EndpointID>
            <cac:PartyLegalEntity><cbc:RegistrationName>Digitools AS</cbc:RegistrationName><cbc:CompanyID>931235184</cbc:CompanyID></cac:PartyLegalEntity>
        </cac:Party>
    </cac:AccountingCustomerParty>
    <cac:PayeeParty>
        <cac:PartyName><cbc:Name>Factoring AS</cbc:Name></cac:PartyName>
        <cac:PartyLegalEntity><cbc:CompanyID schemeID="0192">999888777</cbc:CompanyID></cac:PartyLegalEntity>
    </cac:PayeeParty>
    <cac:PaymentMeans>
        <cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>
        <cbc:PaymentID>1234567890</cbc:PaymentID>
        <cac:PayeeFinancialAccount>
            <cbc:ID>12345678903</cbc:ID>
            <cbc:Name>Driftskonto</cbc:Name>
            <cac:FinancialInstitutionBranch><cbc:ID>DNBANOKK</cbc:ID></cac:FinancialInstitutionBranch>
        </cac:PayeeFinancialAccount>
    </cac:PaymentMeans>
    <cac:PaymentTerms><cbc:Note>30 dager netto</cbc:Note></cac:PaymentTerms>
    <cac:AllowanceCharge>
        <cbc:ChargeIndicator> TRUE </cbc:ChargeIndicator>
        <cbc:AllowanceChargeReasonCode>ABL</cbc:AllowanceChargeReasonCode>
        <cbc:AllowanceChargeReason>Miljøgebyr</cbc:AllowanceChargeReason>
        <cbc:MultiplierFactorNumeric>2.5</cbc:MultiplierFactorNumeric>
        <cbc:Amount currencyID="NOK">25</cbc:Amount>
        <cbc:BaseAmount currencyID="NOK">1000</cbc:BaseAmount>
        <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:AllowanceCharge>
    <cac:TaxTotal>
        <cbc:TaxAmount currencyID="NOK">256.25</cbc:TaxAmount>
        <cac:TaxSubtotal>
            <cbc:TaxableAmount currencyID="NOK">1025</cbc:TaxableAmount>
            <cbc:TaxAmount currencyID="NOK">256.25</cbc:TaxAmount>
            <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
        </cac:TaxSubtotal>
        <cac:TaxSubtotal>
            <cbc:TaxableAmount currencyID="NOK">0</cbc:TaxableAmount>
            <cbc:TaxAmount currencyID="NOK">0</cbc:TaxAmount>
            <cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent><cbc:TaxExemptionReasonCode>VATEX-EU-132</cbc:TaxExemptionReasonCode><cbc:TaxExemptionReason>Unntatt</cbc:TaxExemptionReason><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
        </cac:TaxSubtotal>
    </cac:TaxTotal>
    <cac:LegalMonetaryTotal>
        <cbc:LineExtensionAmount currencyID="NOK">1000</cbc:LineExtensionAmount>
        <cbc:TaxExclusiveAmount currencyID="NOK">1025</cbc:TaxExclusiveAmount>
        <cbc:TaxInclusiveAmount currencyID="NOK">1281.25</cbc:TaxInclusiveAmount>
        <cbc:AllowanceTotalAmount currencyID="NOK">0</cbc:AllowanceTotalAmount>
        <cbc:ChargeTotalAmount currencyID="NOK">25</cbc:ChargeTotalAmount>
        <cbc:PrepaidAmount currencyID="NOK">0.00</cbc:PrepaidAmount>
        <cbc:PayableRoundingAmount currencyID="NOK">-0.25</cbc:PayableRoundingAmount>
        <cbc:PayableAmount currencyID="NOK">1281.00</cbc:PayableAmount>
    </cac:LegalMonetaryTotal>
    <cac:InvoiceLine>
        <cbc:ID>1</cbc:ID>
        <cbc:Note>Linjemerknad</cbc:Note>
        <cbc:InvoicedQuantity unitCode="HUR">10</cbc:InvoicedQuantity>
        <cbc:LineExtensionAmount currencyID="NOK">1000</cbc:LineExtensionAmount>
        <cbc:AccountingCost>6540</cbc:AccountingCost>
        <cac:OrderLineReference><cbc:LineID>3</cbc:LineID></cac:OrderLineReference>
        <cac:AllowanceCharge>
            <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
            <cbc:AllowanceChargeReason>Rabatt</cbc:AllowanceChargeReason>
            <cbc:Amount currencyID="NOK">100</cbc:Amount>
        </cac:AllowanceCharge>
        <cac:Item>
            <cbc:Description>Konsulentbistand i november</cbc:Description>
            <cbc:Name>Konsulenttimer</cbc:Name>
            <cac:SellersItemIdentification><cbc:ID>KONS-1</cbc:ID></cac:SellersItemIdentification>
            <cac:CommodityClassification><cbc:ItemClassificationCode listID="STI">80111600</cbc:ItemClassificationCode></cac:CommodityClassification>
            <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
        </cac:Item>
        <cac:Price>
            <cbc:PriceAmount currencyID="NOK">110</cbc:PriceAmount>
            <cbc:BaseQuantity unitCode="HUR">1</cbc:BaseQuantity>
            <cac:AllowanceCharge>
                <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
                <cbc:Amount currencyID="NOK">10</cbc:Amount>
                <cbc:BaseAmount currencyID="NOK">120</cbc:BaseAmount>
            </cac:AllowanceCharge>
        </cac:Price>
    </cac:InvoiceLine>
"#,
        ),
        expect![[r#"
            {
              "accounting_cost": "4025:123",
              "allowance_charges": [
                {
                  "amount": "25",
                  "base_amount": "1000",
                  "is_charge": true,
                  "multiplier": "2.5",
                  "reason": "Miljøgebyr",
                  "reason_code": "ABL",
                  "tax_category": "S",
                  "tax_percent": "25"
                }
              ],
              "attachments": [
                {
                  "id": "Timeliste"
                }
              ],
              "billing_references": [
                "F-2024-9"
              ],
              "buyer_reference": "Lisa Johnson",
              "contract_reference": "K-1",
              "currency": "NOK",
              "customer": {
                "endpoint": {
                  "scheme": "0192",
                  "value": "931235184"
                },
                "legal_id": {
                  "value": "931235184"
                },
                "registration_name": "Digitools AS"
              },
              "customization_id": "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
              "due_date": "2025-12-01",
              "issue_date": "2025-11-13",
              "kind": "Invoice",
              "lines": [
                {
                  "accounting_cost": "6540",
                  "allowance_charges": [
                    {
                      "amount": "100",
                      "is_charge": false,
                      "reason": "Rabatt"
                    }
                  ],
                  "amount": "1000",
                  "base_quantity": "1",
                  "classifications": [
                    {
                      "scheme": "STI",
                      "value": "80111600"
                    }
                  ],
                  "id": "1",
                  "item_description": "Konsulentbistand i november",
                  "item_name": "Konsulenttimer",
                  "note": "Linjemerknad",
                  "order_line_reference": "3",
                  "price": "110",
                  "quantity": "10",
                  "sellers_item_id": "KONS-1",
                  "tax_category": "S",
                  "tax_percent": "25",
                  "unit": "HUR"
                }
              ],
              "notes": [
                "Første merknad",
                "Second & last ☺"
              ],
              "number": "F-2025-001",
              "order_reference": "PO-77",
              "payee": {
                "legal_id": {
                  "scheme": "0192",
                  "value": "999888777"
                },
                "name": "Factoring AS"
              },
              "payment_means": [
                {
                  "account": "12345678903",
                  "account_name": "Driftskonto",
                  "bic": "DNBANOKK",
                  "code": "30",
                  "payment_id": "1234567890"
                }
              ],
              "payment_terms": "30 dager netto",
              "profile_id": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
              "project_reference": "P-42",
              "sales_order_reference": "SO-9",
              "supplier": {
                "address": {
                  "additional_street": "Bygg 2",
                  "city": "Oslo",
                  "country": "NO",
                  "postal_zone": "0150",
                  "street": "Storgata 1"
                },
                "contact": {
                  "email": "ola@leverandor.no",
                  "name": "Ola",
                  "telephone": "22 22 22 22"
                },
                "endpoint": {
                  "scheme": "0192",
                  "value": "987654325"
                },
                "identifiers": [
                  {
                    "scheme": "0192",
                    "value": "987654325"
                  }
                ],
                "legal_id": {
                  "scheme": "0192",
                  "value": "987654325"
                },
                "name": "Leverandør AS",
                "registration_name": "Leverandør Holding AS",
                "tax_registrations": [
                  {
                    "company_id": "NO987654325MVA",
                    "scheme": "VAT"
                  },
                  {
                    "company_id": "Foretaksregisteret",
                    "scheme": "TAX"
                  }
                ]
              },
              "tax_subtotals": [
                {
                  "category": "S",
                  "percent": "25",
                  "tax_amount": "256.25",
                  "taxable_amount": "1025"
                },
                {
                  "category": "E",
                  "exemption_reason": "Unntatt",
                  "exemption_reason_code": "VATEX-EU-132",
                  "percent": "0",
                  "tax_amount": "0",
                  "taxable_amount": "0"
                }
              ],
              "tax_total": "256.25",
              "totals": {
                "allowance_total": "0",
                "charge_total": "25",
                "line_extension": "1000",
                "payable": "1281.00",
                "prepaid": "0.00",
                "rounding": "-0.25",
                "tax_exclusive": "1025",
                "tax_inclusive": "1281.25"
              },
              "type_code": "380"
            }"#]],
    );
}

#[test]
fn bare_credit_note_takes_due_date_from_payment_means() {
    check(
        &format!(
            r#"<CreditNote xmlns="{NS_CREDIT_NOTE}" xmlns:cac="{NS_CAC}" xmlns:cbc="{NS_CBC}">
    <cbc:ID>K-17</cbc:ID>
    <cbc:IssueDate>2025-11-20</cbc:IssueDate>
    <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
    <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
    <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F-1</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
    <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F-2</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
    <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>
    <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cbc:PaymentDueDate>2025-12-20</cbc:PaymentDueDate></cac:PaymentMeans>
    <cac:PaymentMeans><cbc:PaymentMeansCode>31</cbc:PaymentMeansCode><cbc:PaymentDueDate>2025-12-31</cbc:PaymentDueDate></cac:PaymentMeans>
    <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="NOK">-500</cbc:PayableAmount></cac:LegalMonetaryTotal>
    <cac:CreditNoteLine>
        <cbc:ID>1</cbc:ID>
        <cbc:CreditedQuantity unitCode="EA">-2</cbc:CreditedQuantity>
        <cbc:LineExtensionAmount currencyID="NOK">-500</cbc:LineExtensionAmount>
        <cac:Item><cbc:Name>Retur</cbc:Name></cac:Item>
    </cac:CreditNoteLine>
</CreditNote>"#
        ),
        expect![[r#"
            {
              "billing_references": [
                "F-1",
                "F-2"
              ],
              "currency": "NOK",
              "due_date": "2025-12-20",
              "issue_date": "2025-11-20",
              "kind": "CreditNote",
              "lines": [
                {
                  "amount": "-500",
                  "id": "1",
                  "item_name": "Retur",
                  "quantity": "-2",
                  "unit": "EA"
                }
              ],
              "number": "K-17",
              "payment_means": [
                {
                  "code": "30"
                },
                {
                  "code": "58",
                  "due_date": "2025-12-20"
                },
                {
                  "code": "31",
                  "due_date": "2025-12-31"
                }
              ],
              "totals": {
                "payable": "-500"
              },
              "type_code": "381"
            }"#]],
    );
}

#[test]
fn sbdh_wrapped_invoice_fills_the_envelope() {
    check(
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
  <StandardBusinessDocumentHeader>
    <HeaderVersion>1.0</HeaderVersion>
    <Sender><Identifier Authority="iso6523-actorid-upis">0192:987654325</Identifier></Sender>
    <Receiver><Identifier Authority="iso6523-actorid-upis">0192:931235184</Identifier></Receiver>
    <DocumentIdentification>
      <Standard>urn:oasis:names:specification:ubl:schema:xsd:Invoice-2</Standard>
      <TypeVersion>2.1</TypeVersion>
      <InstanceIdentifier>4f6b7c52-1d1e-4d7a-9a3c-0e5d5c3f9b11</InstanceIdentifier>
      <Type>Invoice</Type>
      <CreationDateAndTime>2025-11-13T10:00:00Z</CreationDateAndTime>
    </DocumentIdentification>
    <BusinessScope>
      <Scope>
        <Type>DOCUMENTID</Type>
        <InstanceIdentifier>urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1</InstanceIdentifier>
        <Identifier>busdox-docid-qns</Identifier>
      </Scope>
      <Scope>
        <Type>PROCESSID</Type>
        <InstanceIdentifier>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</InstanceIdentifier>
        <Identifier>cenbii-procid-ubl</Identifier>
      </Scope>
    </BusinessScope>
  </StandardBusinessDocumentHeader>
  <Invoice xmlns="{NS_INVOICE}" xmlns:cac="{NS_CAC}" xmlns:cbc="{NS_CBC}">
    <cbc:ID>F-9</cbc:ID>
    <cbc:IssueDate>2025-11-13</cbc:IssueDate>
  </Invoice>
</StandardBusinessDocument>"#
        ),
        expect![[r#"
            {
              "envelope": {
                "document_id_scope": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1",
                "document_type": "Invoice",
                "instance_id": "4f6b7c52-1d1e-4d7a-9a3c-0e5d5c3f9b11",
                "process_id_scope": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
                "receiver": {
                  "scheme": "iso6523-actorid-upis",
                  "value": "0192:931235184"
                },
                "sender": {
                  "scheme": "iso6523-actorid-upis",
                  "value": "0192:987654325"
                },
                "standard": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
              },
              "issue_date": "2025-11-13",
              "kind": "Invoice",
              "number": "F-9"
            }"#]],
    );
}

#[test]
fn prefixes_do_not_matter_only_namespaces() {
    let prefixed = format!(
        r#"<u:Invoice xmlns:u="{NS_INVOICE}" xmlns:agg="{NS_CAC}" xmlns:b="{NS_CBC}">
  <b:ID>F-1</b:ID>
  <b:DocumentCurrencyCode>NOK</b:DocumentCurrencyCode>
  <agg:LegalMonetaryTotal><b:PayableAmount currencyID="NOK">100</b:PayableAmount></agg:LegalMonetaryTotal>
  <agg:InvoiceLine><b:ID>1</b:ID><agg:Item><b:Name>Ting</b:Name></agg:Item></agg:InvoiceLine>
</u:Invoice>"#
    );
    // Every element in its namespace's default scope, no prefixes at all.
    let default_namespaces = format!(
        r#"<Invoice xmlns="{NS_INVOICE}">
  <ID xmlns="{NS_CBC}">F-1</ID>
  <DocumentCurrencyCode xmlns="{NS_CBC}">NOK</DocumentCurrencyCode>
  <LegalMonetaryTotal xmlns="{NS_CAC}"><PayableAmount xmlns="{NS_CBC}" currencyID="NOK">100</PayableAmount></LegalMonetaryTotal>
  <InvoiceLine xmlns="{NS_CAC}"><ID xmlns="{NS_CBC}">1</ID><Item><Name xmlns="{NS_CBC}">Ting</Name></Item></InvoiceLine>
</Invoice>"#
    );
    let usual = invoice(
        r#"<cbc:ID>F-1</cbc:ID><cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="NOK">100</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cac:InvoiceLine><cbc:ID>1</cbc:ID><cac:Item><cbc:Name>Ting</cbc:Name></cac:Item></cac:InvoiceLine>"#,
    );
    let expected = parse_ok(&usual).invoice;
    assert_eq!(expected.number.as_deref(), Some("F-1"));
    assert_eq!(expected.lines.len(), 1);
    assert_eq!(parse_ok(&prefixed).invoice, expected);
    assert_eq!(parse_ok(&default_namespaces).invoice, expected);

    // The usual prefixes bound to other namespaces are not UBL components.
    let impostor = format!(
        r#"<Invoice xmlns="{NS_INVOICE}" xmlns:cbc="urn:example:not-ubl"><cbc:ID>F-1</cbc:ID></Invoice>"#
    );
    assert_eq!(parse_ok(&impostor).invoice.number, None);
}

#[test]
fn extensions_and_foreign_elements_are_ignored() {
    let doc = parse_ok(&format!(
        r#"<Invoice xmlns="{NS_INVOICE}" xmlns:cac="{NS_CAC}" xmlns:cbc="{NS_CBC}"
          xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
  <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent>
    <cbc:ID>FROM-EXTENSION</cbc:ID>
    <cac:LegalMonetaryTotal><cbc:PayableAmount>1</cbc:PayableAmount></cac:LegalMonetaryTotal>
  </ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
  <cbc:ID>F-1</cbc:ID>
  <cac:Delivery><cac:DeliveryLocation><cbc:ID>999</cbc:ID></cac:DeliveryLocation></cac:Delivery>
</Invoice>"#
    ));
    assert_eq!(doc.invoice.number.as_deref(), Some("F-1"));
    assert_eq!(doc.invoice.totals.payable, None);
}

#[test]
fn tax_total_in_document_currency_carries_the_breakdown() {
    let doc = parse_ok(&invoice(
        r#"<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:TaxCurrencyCode>NOK</cbc:TaxCurrencyCode>
  <cac:TaxTotal><cbc:TaxAmount currencyID="NOK">2900</cbc:TaxAmount></cac:TaxTotal>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">250</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">1000</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">250</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent></cac:TaxCategory></cac:TaxSubtotal>
  </cac:TaxTotal>"#,
    ));
    assert_eq!(
        doc.invoice.tax_total.map(|d| d.to_string()).as_deref(),
        Some("250")
    );
    assert_eq!(
        doc.invoice
            .tax_total_in_tax_currency
            .map(|d| d.to_string())
            .as_deref(),
        Some("2900")
    );
    assert_eq!(doc.invoice.tax_subtotals.len(), 1);
    assert_eq!(doc.invoice.tax_subtotals[0].category.as_deref(), Some("S"));

    // No currency matches: the one with the breakdown wins.
    let doc = parse_ok(&invoice(
        r#"<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:TaxTotal><cbc:TaxAmount>7</cbc:TaxAmount></cac:TaxTotal>
  <cac:TaxTotal><cbc:TaxAmount>250</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxAmount>250</cbc:TaxAmount></cac:TaxSubtotal></cac:TaxTotal>"#,
    ));
    assert_eq!(
        doc.invoice.tax_total.map(|d| d.to_string()).as_deref(),
        Some("250")
    );
    assert_eq!(
        doc.invoice
            .tax_total_in_tax_currency
            .map(|d| d.to_string())
            .as_deref(),
        Some("7")
    );
}

#[test]
fn bad_values_become_field_errors() {
    check(
        &invoice(
            r#"<cbc:ID>F-1</cbc:ID>
  <cbc:IssueDate>13.11.2025</cbc:IssueDate>
  <cac:AllowanceCharge><cbc:ChargeIndicator>ja</cbc:ChargeIndicator><cbc:Amount>1e3</cbc:Amount></cac:AllowanceCharge>
  <cac:LegalMonetaryTotal>
    <cbc:PayableAmount currencyID="NOK">1 281,00</cbc:PayableAmount>
    <cbc:TaxInclusiveAmount currencyID="NOK"></cbc:TaxInclusiveAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>
  <cac:InvoiceLine><cbc:ID>2</cbc:ID><cac:Price><cbc:PriceAmount>12,50</cbc:PriceAmount></cac:Price></cac:InvoiceLine>"#,
        ),
        expect![[r#"
            {
              "allowance_charges": [
                {
                  "is_charge": false
                }
              ],
              "field_errors": [
                {
                  "expected": "date YYYY-MM-DD",
                  "field": "cbc:IssueDate",
                  "value": "13.11.2025"
                },
                {
                  "expected": "true or false",
                  "field": "cac:AllowanceCharge/cbc:ChargeIndicator",
                  "value": "ja"
                },
                {
                  "expected": "decimal number",
                  "field": "cac:AllowanceCharge/cbc:Amount",
                  "value": "1e3"
                },
                {
                  "expected": "decimal number",
                  "field": "cac:LegalMonetaryTotal/cbc:PayableAmount",
                  "value": "1 281,00"
                },
                {
                  "expected": "decimal number",
                  "field": "cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount",
                  "value": "12,50"
                }
              ],
              "kind": "Invoice",
              "lines": [
                {
                  "id": "1"
                },
                {
                  "id": "2"
                }
              ],
              "number": "F-1"
            }"#]],
    );
}

#[test]
fn attachments() {
    let pdf = STANDARD
        .encode(b"%PDF-1.7\n% a small attachment that needs more than one line of Base64\n");
    let wrapped: String = pdf
        .as_bytes()
        .chunks(16)
        .map(|chunk| format!("{}\r\n      ", String::from_utf8_lossy(chunk)))
        .collect();
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    check(
        &invoice(&format!(
            r#"<cbc:ID>F-1</cbc:ID>
  <cac:AdditionalDocumentReference>
    <cbc:ID>Vedlegg 1</cbc:ID>
    <cbc:DocumentDescription>Timeliste</cbc:DocumentDescription>
    <cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="timer.pdf">
      {wrapped}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>
  </cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference>
    <cbc:ID>Ødelagt</cbc:ID>
    <cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="x.pdf">JVBERi0x*Ljc=</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>
  </cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference>
    <cbc:ID>Bilde</cbc:ID>
    <cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="bilde.pdf">{png}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>
  </cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference>
    <cbc:ID>Tiff</cbc:ID>
    <cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="image/tiff" filename="scan.tif">SUkqAAgAAAA</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>
  </cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference>
    <cbc:ID>Lenke</cbc:ID>
    <cac:Attachment><cac:ExternalReference><cbc:URI>https://leverandor.no/f/1</cbc:URI></cac:ExternalReference></cac:Attachment>
  </cac:AdditionalDocumentReference>"#
        )),
        expect![[r#"
            {
              "attachments": [
                {
                  "declared_mime": "application/pdf",
                  "description": "Timeliste",
                  "detected": "pdf",
                  "filename": "timer.pdf",
                  "id": "Vedlegg 1",
                  "sha256": "ab37fc1e98ac5d9540d476d7105e07db986209f1b1461bc5f15d71cd21a6504a",
                  "size": 70
                },
                {
                  "declared_mime": "application/pdf",
                  "filename": "x.pdf",
                  "id": "Ødelagt",
                  "problem": {
                    "detail": "ugyldig tegn '*' ved tegn nr. 9 (mellomrom ikke medregnet) / invalid character '*' at symbol 9 (whitespace not counted)",
                    "kind": "corrupt_base64"
                  }
                },
                {
                  "declared_mime": "application/pdf",
                  "detected": "png",
                  "filename": "bilde.pdf",
                  "id": "Bilde",
                  "problem": {
                    "declared": "application/pdf",
                    "detected": "png",
                    "kind": "type_mismatch"
                  },
                  "sha256": "497790947d4666760ce38f3c00e852c71fdb66cae849bae8e9ede352719e1581",
                  "size": 70
                },
                {
                  "declared_mime": "image/tiff",
                  "detected": "tiff",
                  "filename": "scan.tif",
                  "id": "Tiff",
                  "problem": {
                    "declared": "image/tiff",
                    "kind": "mime_not_allowed"
                  },
                  "sha256": "e14e7408990dc136663693d7e57816e5e10b2c0668ede991ca62072d380c3d7a",
                  "size": 8
                },
                {
                  "external_uri": "https://leverandor.no/f/1",
                  "id": "Lenke"
                }
              ],
              "kind": "Invoice",
              "number": "F-1"
            }
            attachment[0]: 70 bytes, sha256 ab37fc1e98ac5d9540d476d7105e07db986209f1b1461bc5f15d71cd21a6504a
            attachment[2]: 70 bytes, sha256 497790947d4666760ce38f3c00e852c71fdb66cae849bae8e9ede352719e1581
            attachment[3]: 8 bytes, sha256 e14e7408990dc136663693d7e57816e5e10b2c0668ede991ca62072d380c3d7a"#]],
    );
}

#[test]
fn oversized_attachment_is_a_problem_not_an_error() {
    let pdf = STANDARD.encode([b"%PDF-1.7\n".as_slice(), &[b' '; 5000]].concat());
    let xml = invoice(&format!(
        r#"<cac:AdditionalDocumentReference><cbc:ID>Stor</cbc:ID><cac:Attachment>
  <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="stor.pdf">{pdf}</cbc:EmbeddedDocumentBinaryObject>
</cac:Attachment></cac:AdditionalDocumentReference>"#
    ));
    let limits = Limits {
        max_attachment_bytes: 1000,
        ..Limits::default()
    };
    let doc = parse(xml.as_bytes(), &limits).unwrap();
    assert!(doc.attachments.is_empty());
    let att = &doc.invoice.attachments[0];
    assert_eq!(
        att.problem,
        Some(AttachmentProblem::TooLarge {
            size: 5009,
            limit: 1000
        })
    );
    assert_eq!(att.detected, Some(FileType::Pdf));
    assert_eq!(att.filename.as_deref(), Some("stor.pdf"));
}

#[test]
fn rejected_documents() {
    let cases: &[(&str, &[u8], Expect)] = &[
        ("empty", b"", expect!["MOTTAK-XML: Dokumentet er tomt / The document is empty"]),
        ("whitespace only", b"  \n ", expect!["MOTTAK-XML: Dokumentet er tomt / The document is empty"]),
        ("no root", b"<?xml version=\"1.0\"?>\n<!-- nothing -->\n", expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: dokumentet har ikke noe rotelement (linje 3, kolonne 1, byte 39) / The document is not well-formed XML: the document has no root element (line 3, column 1, byte 39)"]),
        ("not UTF-8", b"<Invoice>\xC3\x28</Invoice>", expect!["MOTTAK-ENCODING: Dokumentet er ikke gyldig UTF-8 (linje 1, kolonne 10, byte 9); EHF/UBL-dokumenter skal være UTF-8 / The document is not valid UTF-8 (line 1, column 10, byte 9); EHF/UBL documents must be UTF-8"]),
        (
            "other declared encoding",
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Invoice/>",
            expect![[r#"MOTTAK-ENCODING: XML-deklarasjonen oppgir tegnsettet «ISO-8859-1»; EHF/UBL-dokumenter skal være UTF-8 / The XML declaration gives the encoding "ISO-8859-1"; EHF/UBL documents must be UTF-8"#]],
        ),
        ("UTF-16", b"\xFF\xFE<\0I\0", expect!["MOTTAK-ENCODING: Dokumentet er kodet i UTF-16; EHF/UBL-dokumenter skal være UTF-8 / The document is encoded in UTF-16; EHF/UBL documents must be UTF-8"]),
        (
            "wrong root",
            b"<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"><ID>1</ID></Order>",
            expect![[r#"MOTTAK-NOT-UBL: Rotelementet er «Order» i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:Order-2» (linje 1, kolonne 1, byte 0); forventet Invoice i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:Invoice-2» eller CreditNote i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2», eventuelt i en SBDH-konvolutt / The root element is "Order" in namespace "urn:oasis:names:specification:ubl:schema:xsd:Order-2" (line 1, column 1, byte 0); expected Invoice in namespace "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" or CreditNote in namespace "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", possibly in an SBDH envelope"#]],
        ),
        (
            "right root, wrong namespace",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"/>",
            expect![[r#"MOTTAK-NOT-UBL: Rotelementet er «Invoice» i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2» (linje 1, kolonne 1, byte 0); forventet Invoice i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:Invoice-2» eller CreditNote i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2», eventuelt i en SBDH-konvolutt / The root element is "Invoice" in namespace "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" (line 1, column 1, byte 0); expected Invoice in namespace "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" or CreditNote in namespace "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", possibly in an SBDH envelope"#]],
        ),
        ("right root, no namespace", b"<Invoice><ID>1</ID></Invoice>", expect![[r#"MOTTAK-NOT-UBL: Rotelementet er «Invoice» uten navnerom (linje 1, kolonne 1, byte 0); forventet Invoice i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:Invoice-2» eller CreditNote i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2», eventuelt i en SBDH-konvolutt / The root element is "Invoice" without a namespace (line 1, column 1, byte 0); expected Invoice in namespace "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" or CreditNote in namespace "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", possibly in an SBDH envelope"#]]),
        (
            "envelope with another document",
            b"<StandardBusinessDocument xmlns=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\">\n<StandardBusinessDocumentHeader/>\n<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>\n</StandardBusinessDocument>",
            expect![[r#"MOTTAK-NOT-UBL: Dokumentet i SBDH-konvolutten er «Order» i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:Order-2» (linje 3, kolonne 1, byte 139); forventet Invoice i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:Invoice-2» eller CreditNote i navnerommet «urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2» / The document in the SBDH envelope is "Order" in namespace "urn:oasis:names:specification:ubl:schema:xsd:Order-2" (line 3, column 1, byte 139); expected Invoice in namespace "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" or CreditNote in namespace "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2""#]],
        ),
        (
            "envelope without a document",
            b"<StandardBusinessDocument xmlns=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\"><StandardBusinessDocumentHeader/></StandardBusinessDocument>",
            expect!["MOTTAK-NOT-UBL: SBDH-konvolutten inneholder ikke noe faktura- eller kreditnotadokument / The SBDH envelope contains no invoice or credit note document"],
        ),
        (
            "undefined entity",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">\n  <Note>&foo;</Note>\n</Invoice>",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: entiteten &foo; er ikke definert (bare &lt; &gt; &amp; &apos; &quot; og tegnreferanser er tillatt) (linje 2, kolonne 9, byte 81) / The document is not well-formed XML: the entity &foo; is not defined (only &lt; &gt; &amp; &apos; &quot; and character references are allowed) (line 2, column 9, byte 81)"],
        ),
        (
            "undefined entity in an attribute",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" a=\"&bar;\"/>",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: entiteten &bar; er ikke definert (bare &lt; &gt; &amp; &apos; &quot; og tegnreferanser er tillatt) (linje 1, kolonne 1, byte 0) / The document is not well-formed XML: the entity &bar; is not defined (only &lt; &gt; &amp; &apos; &quot; and character references are allowed) (line 1, column 1, byte 0)"],
        ),
        (
            "character reference to a control character",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&#1;</Invoice>",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: tegnreferansen &#1; er ikke et gyldig XML-tegn (linje 1, kolonne 73, byte 72) / The document is not well-formed XML: the character reference &#1; is not a valid XML character (line 1, column 73, byte 72)"],
        ),
        (
            "truncated",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">\n  <Note>abc</Note>\n  <Note>de",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: elementet <Note> blir aldri avsluttet (dokumentet er avkortet eller ufullstendig) (linje 3, kolonne 3, byte 94) / The document is not well-formed XML: the element <Note> is never closed (the document is truncated or incomplete) (line 3, column 3, byte 94)"],
        ),
        (
            "truncated inside a tag",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">\n  <No",
            expect![[r#"MOTTAK-XML: Dokumentet er ikke gyldig XML: et merke blir ikke avsluttet med «>» før dokumentet slutter (linje 2, kolonne 3, byte 75) / The document is not well-formed XML: a tag is not closed with ">" before the end of the document (line 2, column 3, byte 75)"#]],
        ),
        (
            "trailing garbage",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>\ngarbage",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: innhold etter slutten av rotelementet (linje 1, kolonne 74, byte 73) / The document is not well-formed XML: content after the end of the root element (line 1, column 74, byte 73)"],
        ),
        (
            "second root",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/><Invoice/>",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: innhold etter slutten av rotelementet (linje 1, kolonne 74, byte 73) / The document is not well-formed XML: content after the end of the root element (line 1, column 74, byte 73)"],
        ),
        ("text before the root", b"hello <Invoice/>", expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: tekst før rotelementet (linje 1, kolonne 1, byte 0) / The document is not well-formed XML: text before the root element (line 1, column 1, byte 0)"]),
        (
            "mismatched end tag",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><a></b></Invoice>",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: sluttmerket </b> avslutter ikke det åpne elementet <a> (linje 1, kolonne 76, byte 75) / The document is not well-formed XML: the end tag </b> does not close the open element <a> (line 1, column 76, byte 75)"],
        ),
        (
            "duplicate attribute",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" a=\"1\" a=\"2\"/>",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: samme attributt står to ganger (linje 1, kolonne 79, byte 78) / The document is not well-formed XML: the same attribute appears twice (line 1, column 79, byte 78)"],
        ),
        (
            "undeclared prefix",
            b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID>1</cbc:ID></Invoice>",
            expect![[r#"MOTTAK-XML: Dokumentet er ikke gyldig XML: navneromsprefikset «cbc» er ikke deklarert (linje 1, kolonne 73, byte 72) / The document is not well-formed XML: the namespace prefix "cbc" is not declared (line 1, column 73, byte 72)"#]],
        ),
        (
            "declaration not first",
            b"\n<?xml version=\"1.0\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>",
            expect!["MOTTAK-XML: Dokumentet er ikke gyldig XML: XML-deklarasjonen <?xml ...?> må stå helt først i dokumentet (linje 2, kolonne 1, byte 1) / The document is not well-formed XML: the XML declaration <?xml ...?> must come first in the document (line 2, column 1, byte 1)"],
        ),
        (
            "DOCTYPE",
            b"<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice SYSTEM \"file:///etc/passwd\">\n<Invoice/>",
            expect!["MOTTAK-DTD: Dokumentet inneholder en DOCTYPE-deklarasjon (DTD) (linje 2, kolonne 1, byte 22); DTD er ikke tillatt i EHF/UBL / The document contains a DOCTYPE declaration (DTD) (line 2, column 1, byte 22); a DTD is not allowed in EHF/UBL"],
        ),
    ];
    for (name, input, expected) in cases {
        eprintln!("case: {name}");
        expected.assert_eq(&render(parse(input, &Limits::default())));
    }
}

#[test]
fn billion_laughs_is_refused_quickly() {
    let mut dtd = String::from("<!ENTITY lol \"lol\">\n");
    let mut previous = String::from("lol");
    for i in 1..=9 {
        let name = format!("lol{i}");
        let body = format!("&{previous};").repeat(10);
        dtd.push_str(&format!("<!ENTITY {name} \"{body}\">\n"));
        previous = name;
    }
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [\n{dtd}]>\n<Invoice xmlns=\"{NS_INVOICE}\"><Note>&{previous};</Note></Invoice>"
    );
    let started = Instant::now();
    let err = parse_err(xml.as_bytes(), &Limits::default());
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(err.code(), "MOTTAK-DTD");
    assert!(err.message().contains("line 2"), "{}", err.message());
}

#[test]
fn limits_are_enforced() {
    let xml = invoice("<cbc:ID>F-1</cbc:ID>");
    let size = u64::try_from(xml.len()).unwrap();
    let err = parse_err(
        xml.as_bytes(),
        &Limits {
            max_document_bytes: size - 1,
            ..Limits::default()
        },
    );
    assert_eq!(err.code(), "MOTTAK-SIZE");
    assert!(
        parse(
            xml.as_bytes(),
            &Limits {
                max_document_bytes: size,
                ..Limits::default()
            }
        )
        .is_ok()
    );

    let deep = invoice(&format!("{}{}", "<a>".repeat(100), "</a>".repeat(100)));
    let err = parse_err(deep.as_bytes(), &Limits::default());
    assert_eq!(err.code(), "MOTTAK-SIZE");
    assert!(err.message().contains("64"), "{}", err.message());
    let shallow = invoice(&format!("{}{}", "<a>".repeat(63), "</a>".repeat(63)));
    assert!(parse(shallow.as_bytes(), &Limits::default()).is_ok());
    let too_deep = invoice(&format!("{}{}", "<a>".repeat(64), "</a>".repeat(64)));
    assert_eq!(
        parse_err(too_deep.as_bytes(), &Limits::default()).code(),
        "MOTTAK-SIZE"
    );

    let declarations: String = (0..200)
        .map(|i| format!(" xmlns:p{i}=\"urn:x:{i}\""))
        .collect();
    let crowded = format!("<Invoice xmlns=\"{NS_INVOICE}\"{declarations}/>");
    let err = parse_err(crowded.as_bytes(), &Limits::default());
    assert_eq!(err.code(), "MOTTAK-XML");
    assert!(
        err.message()
            .contains("more than 128 namespace declarations"),
        "{}",
        err.message()
    );
}

#[test]
fn text_forms_are_unescaped() {
    let doc = parse_ok(&invoice(
        "<cbc:ID>A&amp;B&lt;&gt;&quot;&apos;&#65;&#x42;</cbc:ID><cbc:Note><![CDATA[<b>fet</b> & mer]]></cbc:Note><cbc:Note>linje 1\r\nlinje 2</cbc:Note>",
    ));
    assert_eq!(doc.invoice.number.as_deref(), Some("A&B<>\"'AB"));
    assert_eq!(doc.invoice.notes, ["<b>fet</b> & mer", "linje 1\nlinje 2"]);
}

#[test]
fn byte_order_mark_is_accepted_and_counted_in_positions() {
    let mut xml = b"\xEF\xBB\xBF".to_vec();
    xml.extend_from_slice(invoice("<cbc:ID>F-1</cbc:ID>").as_bytes());
    assert_eq!(
        parse(&xml, &Limits::default()).unwrap().invoice.kind,
        DocumentKind::Invoice
    );

    let mut bad = b"\xEF\xBB\xBF".to_vec();
    bad.extend_from_slice(
        b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&x;</Invoice>",
    );
    let err = parse_err(&bad, &Limits::default());
    assert!(err.message().contains("byte 75"), "{}", err.message());
}

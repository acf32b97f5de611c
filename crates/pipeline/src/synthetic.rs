//! Synthetic EHF invoices for benchmarks and load tests: valid Peppol BIS Billing 3.0
//! documents addressed to the configured receiver, unique per sequence number.

use base64::Engine as _;

/// Suppliers the generator invoices from (valid organisation numbers and bank accounts).
const SUPPLIERS: &[(&str, &str, &str)] = &[
    ("Fjordlys Elektro AS", "915726305", "15032055564"),
    ("Nordlys Kontor AS", "924188359", "12345678903"),
    ("Tindebyggs Verktøy AS", "918374604", "86011117947"),
];

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub lines: usize,
    /// Size of an embedded PDF attachment in KiB (0 for none).
    pub attachment_kb: usize,
}

/// A fake but well-formed-looking PDF of about `kb` KiB (its header is what matters to the
/// receiver's type detection; the body is a long comment).
fn pdf_bytes(kb: usize) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let filler =
        b"% mottak synthetic attachment filler ..........................................\n";
    while pdf.len() + filler.len() < kb * 1024 {
        pdf.extend_from_slice(filler);
    }
    pdf.extend_from_slice(b"%%EOF\n");
    pdf
}

fn base64_lines(bytes: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut out = String::with_capacity(encoded.len() + encoded.len() / 76 + 1);
    for (i, c) in encoded.chars().enumerate() {
        if i > 0 && i % 76 == 0 {
            out.push('\n');
        }
        out.push(c);
    }
    out
}

/// Invoice number `seq` (unique per `run`), addressed to `receiver_org`.
pub fn invoice(
    run: &str,
    seq: usize,
    receiver_org: &str,
    receiver_name: &str,
    spec: Spec,
) -> Vec<u8> {
    let (supplier, supplier_org, account) = SUPPLIERS[seq % SUPPLIERS.len()];
    let number = format!("{run}-{seq:07}");
    let mut lines_xml = String::new();
    let mut net_cents: i64 = 0;
    for i in 0..spec.lines.max(1) {
        let quantity = (i % 5 + 1) as i64;
        let price_cents = 10_000 + (i as i64 % 40) * 750;
        let amount_cents = quantity * price_cents;
        net_cents += amount_cents;
        lines_xml.push_str(&format!(
            r#"  <cac:InvoiceLine>
    <cbc:ID>{id}</cbc:ID>
    <cbc:Note>Leveranse {number}, linje {id}: tjenester og materiell etter avtale</cbc:Note>
    <cbc:InvoicedQuantity unitCode="EA">{quantity}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="NOK">{amount}</cbc:LineExtensionAmount>
    <cbc:AccountingCost>6540</cbc:AccountingCost>
    <cac:OrderLineReference><cbc:LineID>{id}</cbc:LineID></cac:OrderLineReference>
    <cac:Item>
      <cbc:Description>Artikkel {id} levert til prosjekt {number}; inkluderer montering, frakt og dokumentasjon</cbc:Description>
      <cbc:Name>Artikkel nr. {id}</cbc:Name>
      <cac:SellersItemIdentification><cbc:ID>ART-{id:05}</cbc:ID></cac:SellersItemIdentification>
      <cac:CommodityClassification><cbc:ItemClassificationCode listID="STI">4321{id:04}</cbc:ItemClassificationCode></cac:CommodityClassification>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="NOK">{price}</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
"#,
            id = i + 1,
            amount = cents(amount_cents),
            price = cents(price_cents),
        ));
    }
    // 25 % VAT, half away from zero to the øre (net is in whole øre, so ×25/100 has at most
    // two more decimals).
    let vat_cents = (net_cents * 25 + 50) / 100;
    let total_cents = net_cents + vat_cents;
    let attachment = if spec.attachment_kb > 0 {
        format!(
            r#"  <cac:AdditionalDocumentReference>
    <cbc:ID>{number}-vedlegg</cbc:ID>
    <cbc:DocumentDescription>Timeliste</cbc:DocumentDescription>
    <cac:Attachment>
      <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="{number}.pdf">{data}</cbc:EmbeddedDocumentBinaryObject>
    </cac:Attachment>
  </cac:AdditionalDocumentReference>
"#,
            data = base64_lines(&pdf_bytes(spec.attachment_kb))
        )
    } else {
        String::new()
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>{number}</cbc:ID>
  <cbc:IssueDate>2026-11-02</cbc:IssueDate>
  <cbc:DueDate>2026-12-02</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>4501-{seq}</cbc:BuyerReference>
  <cac:OrderReference><cbc:ID>PO-{seq}</cbc:ID></cac:OrderReference>
{attachment}  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0192">{supplier_org}</cbc:EndpointID>
      <cac:PartyName><cbc:Name>{supplier}</cbc:Name></cac:PartyName>
      <cac:PostalAddress><cbc:StreetName>Strandgaten 1</cbc:StreetName><cbc:CityName>Bergen</cbc:CityName><cbc:PostalZone>5004</cbc:PostalZone><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
      <cac:PartyTaxScheme><cbc:CompanyID>NO{supplier_org}MVA</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
      <cac:PartyLegalEntity><cbc:RegistrationName>{supplier}</cbc:RegistrationName><cbc:CompanyID schemeID="0192">{supplier_org}</cbc:CompanyID></cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0192">{receiver_org}</cbc:EndpointID>
      <cac:PartyName><cbc:Name>{receiver_name}</cbc:Name></cac:PartyName>
      <cac:PostalAddress><cbc:StreetName>Kongens gate 2</cbc:StreetName><cbc:CityName>Oslo</cbc:CityName><cbc:PostalZone>0153</cbc:PostalZone><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
      <cac:PartyLegalEntity><cbc:RegistrationName>{receiver_name}</cbc:RegistrationName><cbc:CompanyID schemeID="0192">{receiver_org}</cbc:CompanyID></cac:PartyLegalEntity>
      <cac:Contact><cbc:Name>Innkjøp</cbc:Name><cbc:ElectronicMail>faktura@example.no</cbc:ElectronicMail></cac:Contact>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>{account}</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="NOK">{vat}</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="NOK">{net}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="NOK">{vat}</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="NOK">{net}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="NOK">{net}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="NOK">{total}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="NOK">{total}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
{lines_xml}</Invoice>
"#,
        net = cents(net_cents),
        vat = cents(vat_cents),
        total = cents(total_cents),
    )
    .into_bytes()
}

fn cents(v: i64) -> String {
    format!("{}.{:02}", v / 100, (v % 100).abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use mottak_invoice::ids::OrgNumber;

    #[test]
    fn generated_invoices_pass_the_receiver_rules() {
        let receiver = mottak_rules::ReceiverIdentity {
            org: OrgNumber::parse("931235184").expect("valid"),
            name: "Digitools AS".into(),
        };
        for (seq, spec) in [
            (
                0,
                Spec {
                    lines: 10,
                    attachment_kb: 0,
                },
            ),
            (
                1,
                Spec {
                    lines: 3,
                    attachment_kb: 100,
                },
            ),
        ] {
            let bytes = invoice("t", seq, "931235184", "Digitools AS", spec);
            let parsed = mottak_ehf::parse(&bytes, &mottak_ehf::Limits::default()).expect("parses");
            let verdict = mottak_rules::check(&parsed.invoice, &receiver);
            assert!(verdict.findings.is_empty(), "{:?}", verdict.findings);
        }
        let size = invoice(
            "t",
            0,
            "931235184",
            "Digitools AS",
            Spec {
                lines: 10,
                attachment_kb: 0,
            },
        )
        .len();
        assert!(
            (10_000..20_000).contains(&size),
            "10-line invoice is ~15 KB, got {size}"
        );
    }
}

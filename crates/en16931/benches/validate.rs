//! Criterion benchmarks of [`mottak_en16931::validate`]: every official example of the
//! conformance corpus (`../shared/conformance`, when present), and generated invoices of 100,
//! 1,000 and 10,000 lines (the shape `mottak bench` sends), to show that the cost grows linearly.
//!
//! `cargo bench -p mottak-en16931 --bench validate`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The official examples listed in the corpus manifest (empty when the corpus is absent).
fn examples() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    let Ok(manifest) = std::fs::read_to_string(dir.join("manifest.tsv")) else {
        return Vec::new();
    };
    manifest
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let file = *cells.first()?;
            (cells.get(3) == Some(&"example"))
                .then(|| {
                    std::fs::read(dir.join(file))
                        .ok()
                        .map(|b| (file.to_owned(), b))
                })
                .flatten()
        })
        .collect()
}

fn cents(v: i64) -> String {
    format!("{}.{:02}", v / 100, (v % 100).abs())
}

/// A valid Peppol BIS invoice with `lines` lines (about 1.1 KB per line).
fn invoice(lines: usize) -> Vec<u8> {
    let number = "bench-0000001";
    let mut lines_xml = String::new();
    let mut net_cents: i64 = 0;
    for i in 0..lines.max(1) {
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
            id = i + 1, amount = cents(amount_cents), price = cents(price_cents),
        ));
    }
    let vat_cents = (net_cents * 25 + 50) / 100;
    let total_cents = net_cents + vat_cents;
    let (supplier, supplier_org, account, receiver_org, receiver_name, seq) = (
        "Fjordlys Elektro AS",
        "915726305",
        "15032055564",
        "931235184",
        "Digitools AS",
        1,
    );
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
  <cac:AccountingSupplierParty>
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
        net = cents(net_cents), vat = cents(vat_cents), total = cents(total_cents),
    ).into_bytes()
}

fn bench(c: &mut Criterion) {
    let examples = examples();
    if !examples.is_empty() {
        let total: usize = examples.iter().map(|(_, b)| b.len()).sum();
        let mut group = c.benchmark_group("official examples");
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function("all 87, one pass each", |b| {
            b.iter(|| {
                for (_, bytes) in &examples {
                    let _ = black_box(mottak_en16931::validate(black_box(bytes)));
                }
            });
        });
        // The example of median size, as the per-document figure.
        let mut by_size: Vec<&(String, Vec<u8>)> = examples.iter().collect();
        by_size.sort_by_key(|(_, b)| b.len());
        let (name, median) = by_size[by_size.len() / 2];
        group.throughput(Throughput::Bytes(median.len() as u64));
        group.bench_function(format!("median size: {name}"), |b| {
            b.iter(|| black_box(mottak_en16931::validate(black_box(median))));
        });
        group.finish();
    }
    let mut group = c.benchmark_group("generated invoice");
    group.sample_size(10);
    for lines in [100usize, 1_000, 10_000] {
        let bytes = invoice(lines);
        assert!(
            mottak_en16931::validate(&bytes).is_ok_and(|r| r.is_valid()),
            "the generated invoice must be valid"
        );
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("lines", lines), &bytes, |b, bytes| {
            b.iter(|| black_box(mottak_en16931::validate(black_box(bytes))));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! No input makes `mottak_en16931::validate` panic or take unreasonably long: arbitrary bytes,
//! XML-shaped token soup, and damaged versions of the official conformance corpus (read from
//! `../shared/conformance` at test time, never copied into the repository; skipped with a note
//! when it is absent).
//!
//! `PROPTEST_CASES` sets the number of cases per property (small by default so that CI stays
//! fast); a long run:
//! `PROPTEST_CASES=20000 cargo test --release -p mottak-en16931 --test no_panic -- --nocapture`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;

/// Generous: the largest official example validates in about a millisecond (release), and no
/// mutation below grows a document by more than a few times.
const REASONABLE: Duration = Duration::from_secs(5);

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance")
}

/// Every XML file of the corpus (examples and rule tests), read once per test binary.
fn corpus() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut files = Vec::new();
        collect(&corpus_dir(), &mut files);
        files.sort();
        let docs: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
        if docs.is_empty() {
            eprintln!(
                "no_panic: conformance corpus absent at {}; the corpus-based properties only \
                 see a built-in document",
                corpus_dir().display()
            );
        }
        docs
    })
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            collect(&path, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        {
            out.push(path);
        }
    }
}

/// A small valid-looking invoice, so the mutation properties have something to damage when
/// the corpus is absent.
const BUILT_IN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>1</cbc:ID><cbc:IssueDate>2024-01-31</cbc:IssueDate><cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="0192">915726305</cbc:EndpointID>
  <cac:PostalAddress><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyTaxScheme><cbc:CompanyID>NO915726305MVA</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:Amount currencyID="NOK">10</cbc:Amount>
  <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>
  <cac:TaxTotal><cbc:TaxAmount currencyID="NOK">27.50</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount currencyID="NOK">110</cbc:TaxableAmount>
  <cbc:TaxAmount currencyID="NOK">27.50</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
  <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
  <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="NOK">100</cbc:LineExtensionAmount>
  <cbc:PayableAmount currencyID="NOK">137.50</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="C62">2</cbc:InvoicedQuantity>
  <cbc:LineExtensionAmount currencyID="NOK">100</cbc:LineExtensionAmount><cac:InvoicePeriod><cbc:StartDate>2024-01-01</cbc:StartDate></cac:InvoicePeriod>
  <cac:Item><cbc:Name>x</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
  <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="NOK">50</cbc:PriceAmount><cbc:BaseQuantity unitCode="C62">1</cbc:BaseQuantity></cac:Price></cac:InvoiceLine>
</Invoice>
"#;

/// What each property has checked: documents, and how many of them were read as UBL (and so
/// reached the rules), printed now and then for long runs.
static CHECKED: [AtomicU64; 6] = [const { AtomicU64::new(0) }; 6];
static READ: [AtomicU64; 6] = [const { AtomicU64::new(0) }; 6];
const LABELS: [&str; 6] = ["bytes", "soup", "tree", "damaged", "well-formed", "fixed"];

/// Validate, and hold the outcome to what must be true of any input.
fn check(property: usize, bytes: &[u8]) {
    let started = Instant::now();
    let outcome = mottak_en16931::validate(bytes);
    let took = started.elapsed();
    let property = property.min(LABELS.len() - 1);
    let checked = CHECKED[property].fetch_add(1, Ordering::Relaxed) + 1;
    let read = READ[property].fetch_add(u64::from(outcome.is_ok()), Ordering::Relaxed)
        + u64::from(outcome.is_ok());
    if checked.is_multiple_of(50_000) {
        eprintln!(
            "no_panic: {}: {checked} documents checked, {read} read as UBL",
            LABELS[property]
        );
    }
    assert!(
        took < REASONABLE,
        "validate took {took:?} on {} bytes",
        bytes.len()
    );
    if let Ok(report) = outcome {
        let counted: u64 = report.firings.values().map(|&(_, n)| u64::from(n)).sum();
        assert_eq!(
            counted,
            report.locations.len() as u64,
            "counts and firings disagree"
        );
        for firing in &report.locations {
            assert!(
                mottak_en16931::rule(firing.id).is_some(),
                "{} unregistered",
                firing.id
            );
            assert!(firing.line >= 1);
            assert!(firing.location.starts_with('/'), "{}", firing.location);
        }
    }
}

/// Fragments the mutations insert: markup that must be refused or survived, numbers beyond
/// any decimal type, empty and repeated elements.
const FRAGMENTS: &[&str] = &[
    "<",
    ">",
    "&",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&#65;",
    "&undefined;",
    "]]>",
    "<![CDATA[",
    "<![CDATA[<a>]]>",
    "<!DOCTYPE Invoice [<!ENTITY x \"y\">]>",
    "<!-- -->",
    "<!--",
    "<?pi x?>",
    "</cbc:ID>",
    "</x>",
    "<cbc:ID/>",
    "<cbc:ID></cbc:ID>",
    "<cac:InvoiceLine/>",
    "<cac:TaxTotal><cac:TaxSubtotal/></cac:TaxTotal>",
    "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator></cac:AllowanceCharge>",
    "<cbc:Percent>1e999999</cbc:Percent>",
    "<cbc:Amount currencyID=\"NOK\">99999999999999999999999999999.999</cbc:Amount>",
    "<cbc:PayableAmount>-0.00000000000000000000000000001</cbc:PayableAmount>",
    "1e999999",
    "99999999999999999999999999999.999",
    "-79228162514264337593543950335",
    "NaN",
    "-",
    ".",
    "\u{0}",
    "\r\n",
    "\u{FEFF}",
    "é€😀",
    "x:y",
    " xmlns:cbc=\"urn:other\"",
    " xmlns=\"\"",
    " a=\"1\" a=\"2\"",
    "<p:a/>",
    "<cbc:IssueDate>2024-02-30</cbc:IssueDate>",
    "<cbc:EndpointID schemeID=\"0192\">000000000</cbc:EndpointID>",
    "<cbc:CompanyID schemeID=\"0007\">5567321707</cbc:CompanyID>",
];

/// `depth` nested elements, balanced or not.
fn nesting(depth: usize, balanced: bool) -> String {
    let mut s = "<cac:Item>".repeat(depth);
    if balanced {
        s.push_str(&"</cac:Item>".repeat(depth));
    }
    s
}

/// One damage to a document.
#[derive(Debug, Clone)]
enum Edit {
    /// Overwrite a byte.
    Byte(Index, u8),
    /// Insert a fragment at a position.
    Insert(Index, Index),
    /// Insert nesting of the given depth (balanced or not).
    Nest(Index, usize, bool),
    /// Replace the text after a '>' (up to the next '<') with a fragment.
    Text(Index, Index),
    /// Replace the text after a '>' (up to the next '<') with well-formed text.
    Tidy(Index, Index),
    /// Repeat an element (found from a '<' at the position) right after itself, `n` times.
    Duplicate(Index, usize),
    /// Remove a range of bytes.
    Remove(Index, usize),
    /// Remove an element (found from a '<' at the position).
    Drop(Index),
    /// Give an element (found from a '<' at the position) another UBL name.
    Rename(Index, Index),
}

/// The element whose start tag is the first '<' at or after `from`: its span and its name.
fn element_at(bytes: &[u8], from: usize) -> Option<(usize, usize, Vec<u8>)> {
    let start = from + bytes.get(from..)?.iter().position(|&b| b == b'<')?;
    let name_end = bytes[start + 1..]
        .iter()
        .position(|&b| matches!(b, b' ' | b'>' | b'/' | b'\n' | b'\t' | b'\r'))
        .map_or(bytes.len(), |p| start + 1 + p);
    let name = bytes[start + 1..name_end].to_vec();
    if name.is_empty() || matches!(name[0], b'/' | b'!' | b'?') {
        return None;
    }
    let mut close = b"</".to_vec();
    close.extend_from_slice(&name);
    close.push(b'>');
    let tag_end = name_end + bytes[name_end..].iter().position(|&b| b == b'>')? + 1;
    if bytes[..tag_end].ends_with(b"/>") {
        return Some((start, tag_end, name));
    }
    let end = bytes[tag_end..]
        .windows(close.len())
        .position(|w| w == close.as_slice())
        .map(|p| tag_end + p + close.len())?;
    Some((start, end, name))
}

/// UBL names a renamed element gets.
const NAMES: &[&str] = &[
    "cbc:ID",
    "cbc:Percent",
    "cbc:Amount",
    "cbc:TaxAmount",
    "cbc:PayableAmount",
    "cbc:ChargeIndicator",
    "cbc:CompanyID",
    "cbc:EndpointID",
    "cbc:IdentificationCode",
    "cbc:StartDate",
    "cbc:EndDate",
    "cbc:InvoicedQuantity",
    "cbc:CreditedQuantity",
    "cbc:BaseQuantity",
    "cbc:Note",
    "cbc:UBLVersionID",
    "cac:TaxTotal",
    "cac:TaxSubtotal",
    "cac:TaxCategory",
    "cac:ClassifiedTaxCategory",
    "cac:TaxScheme",
    "cac:InvoiceLine",
    "cac:CreditNoteLine",
    "cac:AllowanceCharge",
    "cac:Price",
    "cac:Party",
    "cac:PartyTaxScheme",
    "cac:PartyLegalEntity",
    "cac:AccountingSupplierParty",
    "cac:AccountingCustomerParty",
    "cac:TaxRepresentativeParty",
    "cac:PayeeParty",
    "cac:PaymentMeans",
    "cac:PostalAddress",
    "cac:Country",
    "cac:InvoicePeriod",
    "cac:Delivery",
    "cac:AdditionalDocumentReference",
    "cac:LegalMonetaryTotal",
    "cac:Item",
    "ext:UBLExtensions",
    "x:Unknown",
];

/// Text that keeps a document well-formed, for the edits that should reach the rules.
const TEXTS: &[&str] = &[
    "",
    " ",
    "0",
    "-0",
    "1",
    "-1",
    "0.005",
    "-1.005",
    "25",
    "100.00",
    "1e999999",
    "99999999999999999999999999999.999",
    "-79228162514264337593543950335",
    "79228162514264337593543950336",
    "0.0000000000000000000000000001",
    ".5",
    "5.",
    "+3",
    "NaN",
    "S",
    "Z",
    "E",
    "AE",
    "O",
    "VAT",
    "vat",
    "true",
    "false",
    "NO",
    "DE",
    "SE",
    "GR",
    "NOK",
    "EUR",
    "0192",
    "0007",
    "0088",
    "9906",
    "2024-01-31",
    "2024-02-30",
    "24-1-1",
    "380",
    "381",
    "130",
    "30",
    "58",
    "a &amp; b",
    "&#65;",
    "#AAA#note",
    "NO999999999MVA",
    "x\u{0301}",
    "😀😀😀",
];

/// Edits that keep a document well-formed (mostly), so that it reaches the rules.
fn tidy_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<Index>(), any::<Index>()).prop_map(|(i, f)| Edit::Tidy(i, f)),
        3 => (any::<Index>(), prop_oneof![1usize..3, 3usize..40]).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        2 => any::<Index>().prop_map(Edit::Drop),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Edit::Rename(i, t)),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Byte(i, b)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(i, f)| Edit::Insert(i, f)),
        1 => (any::<Index>(), prop_oneof![1usize..64, 250usize..300], any::<bool>())
            .prop_map(|(i, d, b)| Edit::Nest(i, d, b)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(i, f)| Edit::Text(i, f)),
        3 => (any::<Index>(), prop_oneof![1usize..3, 3usize..40]).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        2 => (any::<Index>(), 1usize..64).prop_map(|(i, n)| Edit::Remove(i, n)),
        1 => any::<Index>().prop_map(Edit::Drop),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Edit::Rename(i, t)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |i: &Index, len: usize| i.index(len + 1);
    match edit {
        Edit::Byte(i, b) => {
            if !bytes.is_empty() {
                let i = i.index(bytes.len());
                bytes[i] = *b;
            }
        }
        Edit::Insert(i, f) => {
            let i = at(i, bytes.len());
            let fragment = FRAGMENTS[f.index(FRAGMENTS.len())].as_bytes();
            bytes.splice(i..i, fragment.iter().copied());
        }
        Edit::Nest(i, depth, balanced) => {
            let i = at(i, bytes.len());
            bytes.splice(i..i, nesting(*depth, *balanced).into_bytes());
        }
        Edit::Text(i, f) | Edit::Tidy(i, f) => {
            let from = at(i, bytes.len());
            let Some(gt) = bytes[from..].iter().position(|&b| b == b'>') else {
                return;
            };
            let start = from + gt + 1;
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'<')
                .map_or(bytes.len(), |p| start + p);
            let fragment = match edit {
                Edit::Tidy(..) => TEXTS[f.index(TEXTS.len())].as_bytes(),
                _ => FRAGMENTS[f.index(FRAGMENTS.len())].as_bytes(),
            };
            bytes.splice(start..end, fragment.iter().copied());
        }
        Edit::Duplicate(i, n) => {
            let Some((start, end, _)) = element_at(bytes, at(i, bytes.len())) else {
                return;
            };
            let copies: Vec<u8> = bytes[start..end].repeat(*n);
            bytes.splice(end..end, copies);
        }
        Edit::Drop(i) => {
            if let Some((start, end, _)) = element_at(bytes, at(i, bytes.len())) {
                bytes.drain(start..end);
            }
        }
        Edit::Rename(i, t) => {
            let Some((start, end, name)) = element_at(bytes, at(i, bytes.len())) else {
                return;
            };
            let new = NAMES[t.index(NAMES.len())].as_bytes();
            let mut element = bytes[start..end].to_vec();
            // The start tag's name, and the end tag's when there is one.
            element.splice(1..1 + name.len(), new.iter().copied());
            let close_at = element.len().checked_sub(name.len() + 1);
            if element.ends_with(b">")
                && !element.ends_with(b"/>")
                && let Some(c) = close_at.filter(|&c| element[c..c + name.len()] == name[..])
            {
                element.splice(c..c + name.len(), new.iter().copied());
            }
            bytes.splice(start..end, element);
        }
        Edit::Remove(i, n) => {
            let start = at(i, bytes.len());
            let end = (start + n).min(bytes.len());
            bytes.drain(start..end);
        }
    }
}

/// Tokens that build XML-shaped documents from scratch, deep enough into the tree for the
/// rules to run on odd shapes.
const TOKENS: &[&str] = &[
    "<cbc:ID>",
    "</cbc:ID>",
    "<cbc:Percent>",
    "</cbc:Percent>",
    "<cbc:Amount currencyID=\"NOK\">",
    "</cbc:Amount>",
    "<cbc:TaxAmount currencyID=\"EUR\">",
    "</cbc:TaxAmount>",
    "<cbc:ChargeIndicator>",
    "</cbc:ChargeIndicator>",
    "<cac:TaxTotal>",
    "</cac:TaxTotal>",
    "<cac:TaxSubtotal>",
    "</cac:TaxSubtotal>",
    "<cac:TaxCategory>",
    "</cac:TaxCategory>",
    "<cac:TaxScheme>",
    "</cac:TaxScheme>",
    "<cac:InvoiceLine>",
    "</cac:InvoiceLine>",
    "<cac:AllowanceCharge>",
    "</cac:AllowanceCharge>",
    "<cac:LegalMonetaryTotal>",
    "</cac:LegalMonetaryTotal>",
    "<cac:Party>",
    "</cac:Party>",
    "<cac:AccountingSupplierParty>",
    "</cac:AccountingSupplierParty>",
    "<cac:PartyTaxScheme>",
    "</cac:PartyTaxScheme>",
    "<cbc:CompanyID>",
    "</cbc:CompanyID>",
    "<cbc:EndpointID schemeID=\"0192\">",
    "</cbc:EndpointID>",
    "<cac:Item>",
    "</cac:Item>",
    "<cac:ClassifiedTaxCategory>",
    "</cac:ClassifiedTaxCategory>",
    "<cac:Price>",
    "</cac:Price>",
    "<cbc:PriceAmount>",
    "</cbc:PriceAmount>",
    "<cbc:LineExtensionAmount>",
    "</cbc:LineExtensionAmount>",
    "<cbc:InvoicedQuantity unitCode=\"C62\">",
    "</cbc:InvoicedQuantity>",
    "<cbc:Note/>",
    "S",
    "E",
    "VAT",
    "true",
    "false",
    "25",
    "0",
    "-1.005",
    "1e999999",
    "99999999999999999999999999999.999",
    "NO",
    "DE",
    "2024-13-45",
    " ",
    "&amp;",
];

/// A generated element: a UBL name with an optional attribute, and text or children.
#[derive(Debug, Clone)]
enum Tree {
    Text(usize),
    Element(usize, Option<(usize, usize)>, Vec<Tree>),
}

impl Tree {
    fn write(&self, out: &mut String) {
        match self {
            Tree::Text(t) => out.push_str(TEXTS[*t % TEXTS.len()]),
            Tree::Element(name, attribute, children) => {
                let name = NAMES[*name % NAMES.len()];
                out.push('<');
                out.push_str(name);
                if name.starts_with("x:") {
                    out.push_str(" xmlns:x=\"urn:x\"");
                }
                if let Some((key, value)) = attribute {
                    let key =
                        ["currencyID", "schemeID", "unitCode", "listID", "mimeCode"][*key % 5];
                    out.push_str(&format!(" {key}=\"{}\"", TEXTS[*value % TEXTS.len()]));
                }
                out.push('>');
                for child in children {
                    child.write(out);
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = any::<usize>().prop_map(Tree::Text);
    leaf.prop_recursive(6, 96, 8, |inner| {
        (
            any::<usize>(),
            prop::option::of((any::<usize>(), any::<usize>())),
            prop::collection::vec(inner, 0..8),
        )
            .prop_map(|(name, attribute, children)| Tree::Element(name, attribute, children))
    })
}

const HEAD: &str = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" \
    xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" \
    xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">";

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // A failure is reported with its seed; regression tests live in this file.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(0, &bytes);
        // The same bytes behind a valid start, so the reader gets past the first byte.
        let mut prefixed = HEAD.as_bytes().to_vec();
        prefixed.extend_from_slice(&bytes);
        check(0, &prefixed);
    }

    #[test]
    fn xml_shaped_soup_never_panics(
        tokens in prop::collection::vec(any::<Index>(), 0..200),
        close in any::<bool>(),
    ) {
        let mut xml = String::from(HEAD);
        for t in &tokens {
            xml.push_str(TOKENS[t.index(TOKENS.len())]);
        }
        if close {
            xml.push_str("</Invoice>");
        }
        check(1, xml.as_bytes());
    }

    #[test]
    fn generated_trees_never_panic(children in prop::collection::vec(tree(), 0..24)) {
        let mut xml = String::from(HEAD);
        for child in &children {
            child.write(&mut xml);
        }
        xml.push_str("</Invoice>");
        check(2, xml.as_bytes());
    }

    #[test]
    fn damaged_corpus_documents_never_panic(
        which in any::<Index>(),
        edits in prop::collection::vec(edit(), 0..12),
        cut in any::<Index>(),
        truncate in prop::bool::weighted(0.2),
    ) {
        let corpus = corpus();
        let mut bytes = if corpus.is_empty() {
            BUILT_IN.as_bytes().to_vec()
        } else {
            corpus[which.index(corpus.len())].clone()
        };
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        check(3, &bytes);
    }

    #[test]
    fn well_formed_damage_reaches_the_rules_without_panic(
        which in any::<Index>(),
        edits in prop::collection::vec(tidy_edit(), 1..24),
    ) {
        let corpus = corpus();
        let mut bytes = if corpus.is_empty() {
            BUILT_IN.as_bytes().to_vec()
        } else {
            corpus[which.index(corpus.len())].clone()
        };
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        check(4, &bytes);
    }
}

#[test]
fn corpus_documents_validate_without_panic() {
    for bytes in corpus() {
        check(5, bytes);
    }
    check(5, BUILT_IN.as_bytes());
}

#[test]
fn nesting_at_and_past_the_limit_is_refused_or_read() {
    for depth in [200, 254, 255, 256, 257, 10_000] {
        let xml = format!("{HEAD}{}</Invoice>", nesting(depth, true));
        check(5, xml.as_bytes());
    }
}

#[test]
fn many_duplicated_elements_stay_linear() {
    let line_start = BUILT_IN.find("<cac:InvoiceLine>").expect("line");
    let line_end =
        BUILT_IN.find("</cac:InvoiceLine>").expect("line end") + "</cac:InvoiceLine>".len();
    let line = &BUILT_IN[line_start..line_end];
    let xml = format!(
        "{}{}{}",
        &BUILT_IN[..line_end],
        line.repeat(20_000),
        &BUILT_IN[line_end..]
    );
    check(5, xml.as_bytes());
}

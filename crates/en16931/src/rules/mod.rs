//! The rule registry and the single entry point [`validate`].
//!
//! Every rule keeps its official id and flag. A rule fires once per context node that violates
//! it, as the official Schematron does (the official unit tests count firings). Rules work on
//! the [`Doc`] tree, built once per document, and on [`Facts`] gathered from it once.

mod br;
mod br_cl;
mod br_co;
mod cen_codes;
mod codelists;
mod german;
mod greek;
mod messages;
mod messages_nb;
mod national;
mod no;
mod peppol;
mod peppol_codes;
mod ubl_cr;
mod ubl_sr;
mod vat;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

pub use messages::{ClerkMessage, clerk_message};

use rust_decimal::{Decimal, RoundingStrategy};

use crate::doc::{Doc, InputError, Kind, NodeId, Ns, Tag};

/// How serious a failed rule is, as the official rule set flags it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    Fatal,
    Warning,
}

impl Flag {
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Fatal => "fatal",
            Flag::Warning => "warning",
        }
    }
}

/// One official rule: its id, flag and what it demands (in our own words).
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: &'static str,
    pub flag: Flag,
    pub description: &'static str,
}

/// A fatal rule of the catalogue (shared by the rule-family files).
pub(super) const fn fatal(id: &'static str, description: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        flag: Flag::Fatal,
        description,
    }
}

/// A warning rule of the catalogue.
pub(super) const fn warning(id: &'static str, description: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        flag: Flag::Warning,
        description,
    }
}

/// Every registered rule, family by family.
pub fn rules() -> impl Iterator<Item = &'static RuleInfo> {
    [
        br::RULES,
        br_co::RULES,
        peppol::RULES,
        no::RULES,
        national::RULES,
        german::RULES,
        ubl_sr::RULES,
        ubl_cr::RULES,
        ubl_cr::SPECIAL_RULES,
        br_cl::RULES,
        greek::RULES,
        peppol_codes::RULES,
    ]
    .into_iter()
    .flatten()
    .chain(vat::family_rules())
}

/// Look a registered rule up by its official id.
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    registry().get(id).copied()
}

/// The registry indexed by id, built once on first use from the constant tables (it holds no
/// state: the same tables always give the same index).
fn registry() -> &'static HashMap<&'static str, &'static RuleInfo, BuildHasherDefault<Fnv>> {
    static INDEX: LazyLock<HashMap<&'static str, &'static RuleInfo, BuildHasherDefault<Fnv>>> =
        LazyLock::new(|| rules().map(|r| (r.id, r)).collect());
    &INDEX
}

/// FNV-1a: the registry's keys are our own short rule ids, not attacker-chosen, so a simple
/// fast hash serves better than the default DoS-resistant one (looked up for every rule that
/// fires).
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Where a rule fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Firing {
    pub id: &'static str,
    pub flag: Flag,
    /// XPath-like location of the context element.
    pub location: String,
    /// 1-based line of the context element's start tag.
    pub line: usize,
}

/// The outcome for one document.
#[derive(Debug, Clone)]
pub struct Report {
    pub document: Kind,
    /// Per official rule id: its flag and how many times it fired.
    pub firings: BTreeMap<&'static str, (Flag, u32)>,
    /// Every firing in the order found.
    pub locations: Vec<Firing>,
}

impl Report {
    /// No fatal rule fired.
    pub fn is_valid(&self) -> bool {
        !self.firings.values().any(|(flag, _)| *flag == Flag::Fatal)
    }

    /// How many times `id` fired (0 when it did not).
    pub fn count(&self, id: &str) -> u32 {
        self.firings.get(id).map_or(0, |(_, n)| *n)
    }
}

/// Read the document once and evaluate every registered rule on it.
pub fn validate(bytes: &[u8]) -> Result<Report, InputError> {
    let doc = Doc::parse(bytes)?;
    Ok(validate_doc(&doc))
}

/// Evaluate every registered rule on a parsed document.
pub fn validate_doc(doc: &Doc<'_>) -> Report {
    let facts = Facts::gather(doc);
    let mut cx = Ctx {
        doc,
        facts: &facts,
        fired: Vec::new(),
    };
    br::check(&mut cx);
    br_co::check(&mut cx);
    vat::check(&mut cx);
    peppol::check(&mut cx);
    no::check(&mut cx);
    national::check(&mut cx);
    german::check(&mut cx);
    ubl_sr::check(&mut cx);
    ubl_cr::check(&mut cx);
    br_cl::check(&mut cx);
    greek::check(&mut cx);
    peppol_codes::check(&mut cx);
    cx.finish()
}

/// What the rules need while they run.
pub(crate) struct Ctx<'a> {
    pub(crate) doc: &'a Doc<'a>,
    pub(crate) facts: &'a Facts<'a>,
    /// Every firing so far: rule id and context element. Locations and lines are worked out
    /// once at the end, only for what fired.
    fired: Vec<(&'static str, NodeId)>,
}

impl Ctx<'_> {
    /// Record that rule `id` failed on context element `node`.
    pub(crate) fn fire(&mut self, id: &'static str, node: NodeId) {
        debug_assert!(rule(id).is_some(), "rule {id} fires but is not registered");
        self.fired.push((id, node));
    }

    /// How many firings so far: a mark for [`Ctx::hoist`].
    pub(crate) fn mark(&self) -> usize {
        self.fired.len()
    }

    /// Move the firings recorded since mark `later` before those recorded since mark
    /// `earlier`: a family that evaluates its rules in a different order than it reports them
    /// (to share one walk) keeps its report order.
    pub(crate) fn hoist(&mut self, earlier: usize, later: usize) {
        if let Some(tail) = self.fired.get_mut(earlier..) {
            tail.rotate_left(later.saturating_sub(earlier).min(tail.len()));
        }
    }

    /// Fire `id` on `node` when `ok` is false.
    pub(crate) fn require(&mut self, ok: bool, id: &'static str, node: NodeId) {
        if !ok {
            self.fire(id, node);
        }
    }

    /// The report: counts per rule, and each firing's location and line.
    fn finish(self) -> Report {
        let mut firings: BTreeMap<&'static str, (Flag, u32)> = BTreeMap::new();
        let mut flags: Vec<Flag> = Vec::with_capacity(self.fired.len());
        for &(id, _) in &self.fired {
            // An unregistered id is a programming error (asserted above in debug builds);
            // reporting it as fatal errs on the safe side.
            let entry = firings
                .entry(id)
                .or_insert_with(|| (rule(id).map_or(Flag::Fatal, |r| r.flag), 0));
            entry.1 = entry.1.saturating_add(1);
            flags.push(entry.0);
        }
        let nodes: Vec<NodeId> = self.fired.iter().map(|&(_, node)| node).collect();
        let lines = self.doc.lines(&nodes);
        let locations = self
            .doc
            .locations(&nodes)
            .into_iter()
            .zip(lines)
            .zip(self.fired.iter().zip(flags))
            .map(|((location, line), (&(id, _), flag))| Firing {
                id,
                flag,
                location,
                line,
            })
            .collect();
        Report {
            document: self.doc.kind(),
            firings,
            locations,
        }
    }
}

/// A numeric value as an XPath `xs:decimal(...)` cast sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Num {
    /// No such element: comparisons with it are false.
    Missing,
    /// Not a decimal: the official XSLT stops with an error, so we judge nothing.
    Invalid,
    Val(Decimal),
}

/// Parse the text of an element as `xs:decimal` (sign, digits, one optional point).
pub(crate) fn decimal(text: &str) -> Option<Decimal> {
    // Amounts are rarely padded: trim (Unicode whitespace) only when an end is not an ASCII
    // graphic character.
    let t = match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => text,
        _ => text.trim(),
    };
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    // One pass over the digits: validates the syntax and, while the value fits, accumulates
    // the mantissa, so the common short amounts need no string parse and no allocation.
    let mut digits = 0usize;
    let mut points = 0usize;
    let mut fraction = 0u32;
    let mut mantissa = 0u64;
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                fraction += u32::from(points > 0);
                // 18 digits always fit in a u64; longer values take the general path below.
                if digits <= 18 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                }
            }
            b'.' => points += 1,
            _ => return None,
        }
    }
    if digits == 0 || points > 1 {
        return None;
    }
    // Bounded so that no rule's arithmetic (sums, products with a rate, scaling by 100) can
    // overflow; amounts this large are not judged, like text that is no number.
    const LIMIT: i64 = 10_000_000_000_000;
    let negative = t.starts_with('-');
    if digits <= 18 && !(negative && mantissa == 0) {
        // |value| = mantissa / 10^fraction <= LIMIT: certain with at most 13 integer digits
        // (the usual amounts); otherwise compared in integers (fraction <= 18, so
        // LIMIT * 10^fraction < 10^31 fits).
        if digits - fraction as usize > 13 {
            let bound = (LIMIT as u128).checked_mul(10u128.checked_pow(fraction)?)?;
            if u128::from(mantissa) > bound {
                return None;
            }
        }
        // Exactly what the string parse gives: the written digits at the written scale
        // (the mantissa fits in the low 64 of the 96 bits).
        return Some(Decimal::from_parts(
            mantissa as u32,
            (mantissa >> 32) as u32,
            0,
            negative,
            fraction,
        ));
    }
    let limit = Decimal::from(LIMIT);
    // Long values (and negative zero, whose sign the parse keeps): the general parse.
    let t = t.strip_prefix('+').unwrap_or(t);
    let t = t.strip_suffix('.').unwrap_or(t);
    let owned;
    let t = if let Some(rest) = t.strip_prefix("-.") {
        owned = format!("-0.{rest}");
        owned.as_str()
    } else if let Some(rest) = t.strip_prefix('.') {
        owned = format!("0.{rest}");
        owned.as_str()
    } else {
        t
    };
    t.parse::<Decimal>().ok().filter(|v| v.abs() <= limit)
}

impl Num {
    pub(crate) fn of(doc: &Doc, node: Option<NodeId>) -> Num {
        match node {
            None => Num::Missing,
            Some(id) => decimal(doc.raw(id)).map_or(Num::Invalid, Num::Val),
        }
    }
}

/// XPath `round(x * 100) div 100`: two decimals, halves toward positive infinity.
///
/// Worked out on the integer mantissa (the value is `mantissa / 10^scale`) when it is below
/// 2^60, which is every amount the rules see; the result has the value and the scale the
/// decimal arithmetic gives ([`round2_by_decimals`], which handles the rest).
pub(crate) fn round2(x: Decimal) -> Decimal {
    // Far below where multiplying by 100 could overflow or round in `Decimal`, and where its
    // division keeps every digit (proptested); the sums below fit in an i64.
    const EXACT: i64 = 1 << 60;
    let scale = x.scale();
    let mantissa = i64::try_from(x.mantissa()).ok().filter(|m| m.abs() < EXACT);
    // The value in hundredths, rounded: floor(mantissa / divisor + 1/2).
    let hundredths = mantissa.and_then(|m| match scale.checked_sub(2) {
        None => m.checked_mul(10i64.pow(2 - scale)),
        Some(0) => Some(m),
        Some(cut @ 1..=18) => {
            let divisor = 10i64.pow(cut);
            Some((2 * m + divisor).div_euclid(2 * divisor))
        }
        Some(_) => None,
    });
    match hundredths {
        None => round2_by_decimals(x),
        // Division by 100 keeps two decimals, unless the quotient is whole.
        Some(h) if h % 100 == 0 => Decimal::new(h / 100, 0),
        Some(h) => Decimal::new(h, 2),
    }
}

/// [`round2`] in decimal arithmetic, as XPath writes it.
fn round2_by_decimals(x: Decimal) -> Decimal {
    round_half_up(x * Decimal::ONE_HUNDRED) / Decimal::ONE_HUNDRED
}

/// XPath `round(x)`: halves toward positive infinity.
pub(crate) fn round_half_up(x: Decimal) -> Decimal {
    let strategy = if x.is_sign_negative() {
        RoundingStrategy::MidpointTowardZero
    } else {
        RoundingStrategy::MidpointAwayFromZero
    };
    x.round_dp_with_strategy(0, strategy)
}

/// XPath `string-length(substring-after(x, '.')) <= 2` on an optional element.
pub(crate) fn at_most_two_decimals(doc: &Doc, node: Option<NodeId>) -> bool {
    node.is_none_or(|id| {
        let text = &doc.raw(id);
        text.split_once('.')
            .is_none_or(|(_, after)| after.chars().count() <= 2)
    })
}

/// `cbc:ChargeIndicator` as an XPath boolean comparison sees it.
pub(crate) fn charge_indicator(doc: &Doc, allowance_charge: NodeId) -> Option<bool> {
    let id = doc.kid(allowance_charge, Ns::Cbc, Tag::ChargeIndicator)?;
    match doc.text(id) {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'` for a tax category element.
pub(crate) fn is_vat_scheme(doc: &Doc, category: NodeId) -> bool {
    doc.kids(category, Ns::Cac, Tag::TaxScheme).any(|scheme| {
        // Nearly always written exactly so: then no normalizing is needed.
        doc.kids(scheme, Ns::Cbc, Tag::ID)
            .any(|id| doc.raw(id) == "VAT" || upper_eq(&doc.norm(id), "VAT"))
    })
}

/// XPath `upper-case(s) = expected` for an upper-case ASCII `expected`, without allocating
/// when `s` is ASCII.
pub(crate) fn upper_eq(s: &str, expected: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(expected)
    } else {
        s.to_uppercase() == expected
    }
}

/// XPath `substring(text, start, len)` (1-based, in characters), borrowed from `text`.
pub(crate) fn substring(text: &str, start: usize, len: usize) -> &str {
    let from = text
        .char_indices()
        .nth(start.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let rest = text.get(from..).unwrap_or("");
    let end = rest.char_indices().nth(len).map_or(rest.len(), |(i, _)| i);
    rest.get(..end).unwrap_or("")
}

/// `Some(the item or none)` when `items` has at most one; `None` when it has several. Reads
/// at most two items, so a count needs no collecting.
pub(crate) fn at_most_one<T>(mut items: impl Iterator<Item = T>) -> Option<Option<T>> {
    let first = items.next();
    items.next().is_none().then_some(first)
}

/// The normalized `cbc:ID` values of a tax category (usually one).
pub(crate) fn category_codes<'d>(doc: &'d Doc<'_>, category: NodeId) -> Vec<Cow<'d, str>> {
    doc.kids(category, Ns::Cbc, Tag::ID)
        .map(|id| doc.norm(id))
        .collect()
}

/// One tax category element somewhere in the document.
#[derive(Debug, Clone)]
pub(crate) struct Category<'d> {
    pub(crate) node: NodeId,
    pub(crate) codes: Vec<Cow<'d, str>>,
    pub(crate) vat: bool,
    pub(crate) percent: Num,
}

impl Category<'_> {
    pub(crate) fn has(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c == code)
    }
}

/// Where a `cac:TaxCategory` / `cac:ClassifiedTaxCategory` sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// `cac:ClassifiedTaxCategory` (lines: BT-151).
    Classified,
    /// `cac:AllowanceCharge/cac:TaxCategory`, with the parent's charge indicator and whether the
    /// allowance/charge is on document level.
    AllowanceCharge { charge: Option<bool>, root: bool },
    /// `/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory` (BT-118).
    Subtotal,
    /// Any other `cac:TaxCategory`.
    Other,
}

/// Facts gathered in one walk over the tree and shared by the rules.
#[derive(Debug, Default)]
pub(crate) struct Facts<'d> {
    /// Every tax category in document order, with where it sits.
    pub(crate) categories: Vec<(Place, Category<'d>)>,
    /// Seller `PartyTaxScheme/CompanyID`: any scheme / VAT scheme.
    pub(crate) seller_tax_id: bool,
    pub(crate) seller_vat_id: bool,
    /// Tax representative `PartyTaxScheme[VAT]/CompanyID`.
    pub(crate) representative_vat_id: bool,
    /// Buyer `PartyTaxScheme[VAT]/CompanyID`.
    pub(crate) buyer_vat_id: bool,
    /// Buyer `PartyLegalEntity/CompanyID`.
    pub(crate) buyer_legal_id: bool,
    /// The seller's country as the national rule sets work it out ([`no::supplier_country`]),
    /// which several of them ask for.
    pub(crate) supplier_country: Cow<'d, str>,
    /// The raw seller address country codes anywhere in the document
    /// (`AccountingSupplierParty/Party/PostalAddress/Country/IdentificationCode`), which
    /// decide whether the national rule sets need to look further.
    pub(crate) seller_country_codes: Vec<&'d str>,
    /// Every `AccountingSupplierParty/Party` / `AccountingCustomerParty/Party` anywhere, in
    /// document order (several national rule sets look at each).
    pub(crate) seller_parties: Vec<NodeId>,
    pub(crate) buyer_parties: Vec<NodeId>,
    /// A `cbc:DueDate` anywhere (BR-CO-25).
    pub(crate) due_date: bool,
    /// A `cac:PaymentTerms` with a `cbc:Note` anywhere (BR-CO-25).
    pub(crate) payment_terms_note: bool,
}

impl<'d> Facts<'d> {
    fn gather(doc: &'d Doc<'_>) -> Facts<'d> {
        let mut facts = Facts {
            supplier_country: no::supplier_country(doc),
            ..Facts::default()
        };
        let root = doc.root();
        for id in doc.all() {
            let node = doc.node(id);
            if node.ns != Ns::Cac {
                if node.ns == Ns::Cbc {
                    match node.tag {
                        Tag::DueDate => facts.due_date = true,
                        Tag::IdentificationCode if is_seller_country(doc, node.parent) => {
                            facts.seller_country_codes.push(doc.raw(id));
                        }
                        _ => {}
                    }
                }
                continue;
            }
            match node.tag {
                Tag::Party if doc.is(node.parent, Ns::Cac, Tag::AccountingSupplierParty) => {
                    facts.seller_parties.push(id);
                }
                Tag::Party if doc.is(node.parent, Ns::Cac, Tag::AccountingCustomerParty) => {
                    facts.buyer_parties.push(id);
                }
                Tag::PaymentTerms => {
                    facts.payment_terms_note |= doc.kid(id, Ns::Cbc, Tag::Note).is_some();
                }
                Tag::TaxCategory | Tag::ClassifiedTaxCategory => {
                    let parent = node.parent;
                    let place = if node.tag == Tag::ClassifiedTaxCategory {
                        Place::Classified
                    } else if doc.is(parent, Ns::Cac, Tag::AllowanceCharge) {
                        Place::AllowanceCharge {
                            charge: charge_indicator(doc, parent),
                            root: doc.node(parent).parent == root,
                        }
                    } else if doc.is(parent, Ns::Cac, Tag::TaxSubtotal)
                        && doc.is(doc.node(parent).parent, Ns::Cac, Tag::TaxTotal)
                        && doc.node(doc.node(parent).parent).parent == root
                    {
                        Place::Subtotal
                    } else {
                        Place::Other
                    };
                    let category = Category {
                        node: id,
                        codes: category_codes(doc, id),
                        vat: is_vat_scheme(doc, id),
                        percent: Num::of(doc, doc.kid(id, Ns::Cbc, Tag::Percent)),
                    };
                    facts.categories.push((place, category));
                }
                Tag::PartyTaxScheme => {
                    let has_company_id = doc.kid(id, Ns::Cbc, Tag::CompanyID).is_some();
                    if !has_company_id {
                        continue;
                    }
                    let vat = is_vat_scheme(doc, id);
                    let party = node.parent;
                    let owner = doc.node(party).parent;
                    if doc.is(party, Ns::Cac, Tag::Party)
                        && doc.is(owner, Ns::Cac, Tag::AccountingSupplierParty)
                    {
                        facts.seller_tax_id = true;
                        facts.seller_vat_id |= vat;
                    } else if doc.is(party, Ns::Cac, Tag::Party)
                        && doc.is(owner, Ns::Cac, Tag::AccountingCustomerParty)
                    {
                        facts.buyer_vat_id |= vat;
                    } else if doc.is(party, Ns::Cac, Tag::TaxRepresentativeParty) {
                        facts.representative_vat_id |= vat;
                    }
                }
                Tag::PartyLegalEntity => {
                    let party = node.parent;
                    if doc.kid(id, Ns::Cbc, Tag::CompanyID).is_some()
                        && doc.is(party, Ns::Cac, Tag::Party)
                        && doc.is(
                            doc.node(party).parent,
                            Ns::Cac,
                            Tag::AccountingCustomerParty,
                        )
                    {
                        facts.buyer_legal_id = true;
                    }
                }
                _ => {}
            }
        }
        facts
    }
}

/// Whether `country` is an `AccountingSupplierParty/Party/PostalAddress/Country`.
fn is_seller_country(doc: &Doc, country: NodeId) -> bool {
    // Each step only once the previous one is known to be an element below the root.
    doc.is(country, Ns::Cac, Tag::Country) && {
        let address = doc.node(country).parent;
        doc.is(address, Ns::Cac, Tag::PostalAddress) && {
            let party = doc.node(address).parent;
            doc.is(party, Ns::Cac, Tag::Party)
                && doc.is(
                    doc.node(party).parent,
                    Ns::Cac,
                    Tag::AccountingSupplierParty,
                )
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! The `check(xml, expected)` helper the family tests share.

    use super::*;

    pub(crate) const HEAD: &str = r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">"#;

    /// Validate `<Invoice>body</Invoice>` and compare the firings of the rules named in
    /// `expected` (id, count; count 0 = must not fire).
    pub(crate) fn check(body: &str, expected: &[(&str, u32)]) {
        let xml = format!("{HEAD}{body}</Invoice>");
        let report = validate(xml.as_bytes()).expect("test document parses");
        for (id, n) in expected {
            assert!(rule(id).is_some(), "{id} is not registered");
            assert_eq!(report.count(id), *n, "{id} in {body}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The borrowed substring gives what the character-wise XPath reading gives.
    #[test]
    fn substring_counts_characters() {
        for text in ["", "E", "EL", "EL094259216", "ΕΛ09", "Ä1|x", "  GR "] {
            for start in 1..5 {
                for len in [0, 1, 2, 9] {
                    let expected: String = text.chars().skip(start - 1).take(len).collect();
                    assert_eq!(
                        substring(text, start, len),
                        expected,
                        "{text} {start} {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn decimals_follow_xs_decimal() {
        assert_eq!(decimal(" 12.50 "), Some(Decimal::new(1250, 2)));
        assert_eq!(decimal("-.5"), Some(Decimal::new(-5, 1)));
        assert_eq!(decimal("+3."), Some(Decimal::new(3, 0)));
        assert_eq!(decimal("1e3"), None);
        assert_eq!(decimal(""), None);
        assert_eq!(decimal("."), None);
        assert_eq!(decimal("1.2.3"), None);
        assert_eq!(decimal("9999999999999999999999999999"), None);
    }

    /// The digit-wise fast path gives exactly what the general string parse gives (value,
    /// scale and sign), and accepts exactly the same texts.
    #[test]
    fn fast_decimals_match_the_string_parse() {
        use proptest::prelude::*;
        fn reference(text: &str) -> Option<Decimal> {
            let t = text.trim();
            let body = t.strip_prefix(['-', '+']).unwrap_or(t);
            let digits = body.bytes().filter(u8::is_ascii_digit).count();
            let points = body.bytes().filter(|&b| b == b'.').count();
            if digits == 0 || points > 1 || digits + points != body.len() {
                return None;
            }
            let t = t.strip_prefix('+').unwrap_or(t);
            let t = t.strip_suffix('.').unwrap_or(t);
            let t = if let Some(rest) = t.strip_prefix("-.") {
                format!("-0.{rest}")
            } else if let Some(rest) = t.strip_prefix('.') {
                format!("0.{rest}")
            } else {
                t.to_owned()
            };
            let limit = Decimal::from(10_000_000_000_000_i64);
            t.parse::<Decimal>().ok().filter(|v| v.abs() <= limit)
        }
        let alphabet = prop::sample::select(vec!["0", "1", "5", "9", ".", "-", "+", " ", "e"]);
        proptest!(|(pieces in prop::collection::vec(alphabet, 0..24))| {
            let text: String = pieces.concat();
            let (fast, slow) = (decimal(&text), reference(&text));
            prop_assert_eq!(fast, slow);
            prop_assert_eq!(fast.map(|d| d.to_string()), slow.map(|d| d.to_string()));
        });
        for text in [
            "-0",
            "-0.00",
            "-.0",
            "0.10",
            "10000000000000",
            "10000000000000.01",
        ] {
            assert_eq!(
                decimal(text).map(|d| d.to_string()),
                reference(text).map(|d| d.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn huge_amounts_do_not_overflow() {
        let big = "9999999999999999999999999999";
        let xml = format!(
            "<cac:LegalMonetaryTotal><cbc:LineExtensionAmount>{big}</cbc:LineExtensionAmount>\
             <cbc:TaxExclusiveAmount>{big}</cbc:TaxExclusiveAmount><cbc:ChargeTotalAmount>{big}</cbc:ChargeTotalAmount>\
             <cbc:TaxInclusiveAmount>{big}</cbc:TaxInclusiveAmount><cbc:PayableAmount>{big}</cbc:PayableAmount></cac:LegalMonetaryTotal>\
             <cac:TaxTotal><cac:TaxSubtotal><cbc:TaxableAmount>{big}</cbc:TaxableAmount><cbc:TaxAmount>{big}</cbc:TaxAmount>\
             <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>{big}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>\
             </cac:TaxSubtotal></cac:TaxTotal><cac:InvoiceLine><cbc:InvoicedQuantity>{big}</cbc:InvoicedQuantity>\
             <cbc:LineExtensionAmount>{big}</cbc:LineExtensionAmount><cac:Price><cbc:PriceAmount>{big}</cbc:PriceAmount></cac:Price></cac:InvoiceLine>"
        );
        testing::check(&xml, &[("BR-CO-10", 0)]);
        let near_limit = "10000000000000";
        testing::check(&xml.replace(big, near_limit), &[("BR-CO-13", 1)]);
    }

    #[test]
    fn fast_rounding_matches_decimal_arithmetic() {
        use proptest::prelude::*;
        let same = |x: Decimal| {
            let (fast, slow) = (round2(x), round2_by_decimals(x));
            (fast == slow && fast.to_string() == slow.to_string())
                .then_some(())
                .ok_or((x, fast, slow))
        };
        proptest!(|(
            mantissa in any::<i64>(),
            amount in -10_000_000_000i64..10_000_000_000,
            scale in 0u32..=20,
            wide in any::<i128>(),
        )| {
            for m in [mantissa, amount] {
                prop_assert_eq!(same(Decimal::new(m, scale)), Ok(()));
            }
            // Mantissas on both sides of the fast path's limit, up to 28 decimals.
            let more = wide.unsigned_abs() as u32 % 9;
            let y = Decimal::from_i128_with_scale(wide % (1i128 << 61), scale + more);
            prop_assert_eq!(same(y), Ok(()));
        });
        for (m, s) in [
            (5, 3),
            (-5, 3),
            (15, 3),
            (-15, 3),
            (1005, 3),
            (-1005, 3),
            (-1, 0),
            (0, 5),
        ] {
            assert_eq!(same(Decimal::new(m, s)), Ok(()), "{m}e-{s}");
        }
    }

    #[test]
    fn rounding_is_half_up() {
        assert_eq!(round2(Decimal::new(1005, 3)), Decimal::new(101, 2));
        assert_eq!(round2(Decimal::new(-1005, 3)), Decimal::new(-100, 2));
        assert_eq!(round_half_up(Decimal::new(-25, 1)), Decimal::new(-2, 0));
    }

    /// Every rule id a family file mentions in a string literal must be registered, so that no
    /// rule can fire unregistered (that is a programming error the debug build asserts on).
    #[test]
    fn every_rule_id_in_the_sources_is_registered() {
        const SOURCES: &[&str] = &[
            include_str!("br.rs"),
            include_str!("br_cl.rs"),
            include_str!("br_co.rs"),
            include_str!("german.rs"),
            include_str!("greek.rs"),
            include_str!("national.rs"),
            include_str!("no.rs"),
            include_str!("peppol.rs"),
            include_str!("peppol_codes.rs"),
            include_str!("ubl_sr.rs"),
            include_str!("ubl_cr.rs"),
            include_str!("vat.rs"),
        ];
        const PREFIXES: &[&str] = &[
            "BR-", "UBL-", "PEPPOL-", "NO-R-", "DK-R-", "SE-R-", "NL-R-", "DE-R-", "IT-R-", "GR-",
            "IS-R-",
        ];
        let mut checked = 0;
        for source in SOURCES {
            // Text right after each quote, up to the next quote: escaped quotes inside test
            // strings only add candidates, which the shape test below discards.
            for literal in source.split('"').skip(1) {
                let looks_like_id = PREFIXES.iter().any(|p| literal.starts_with(p))
                    && literal.len() > 5
                    && literal
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
                    && literal.bytes().last().is_some_and(|b| b.is_ascii_digit());
                checked += usize::from(looks_like_id);
                if looks_like_id {
                    assert!(
                        rule(literal).is_some(),
                        "{literal} is used but not registered"
                    );
                }
            }
        }
        assert!(
            checked > 300,
            "only {checked} rule ids found in the sources"
        );
    }

    #[test]
    fn registry_ids_are_unique() {
        let mut ids: Vec<_> = rules().map(|r| r.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}

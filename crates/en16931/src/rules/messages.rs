//! Messages for the accounts payable clerk and the supplier, in Norwegian (bokmål) first and
//! English, for every registered rule.
//!
//! Three sources, in order: a hand-written pair for the rules a clerk meets most (below); else
//! the bokmål text of `messages_nb.rs` beside the rule's English description; else, for the
//! UBL-CR warnings about elements EN16931 does not use, one generated pair naming the element.

use std::borrow::Cow;

use super::{Flag, RuleInfo, messages_nb, rule};

/// A clerk-facing explanation of a failed rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClerkMessage {
    /// Norwegian (bokmål).
    pub nb: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

/// A hand-written pair, both languages written for the clerk.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pair {
    nb: &'static str,
    en: &'static str,
}

const fn m(nb: &'static str, en: &'static str) -> Pair {
    Pair { nb, en }
}

const MESSAGES: &[(&str, Pair)] = &[
    (
        "BR-16",
        m("Fakturaen har ingen linjer.", "The invoice has no lines."),
    ),
    (
        "BR-CO-10",
        m(
            "Summen av linjebeløpene stemmer ikke med fakturaens linjesum.",
            "The line amounts do not add up to the invoice's line total.",
        ),
    ),
    (
        "BR-CO-13",
        m(
            "Beløpet uten mva stemmer ikke med linjesum minus rabatter pluss gebyrer.",
            "The total without VAT does not match lines minus allowances plus charges.",
        ),
    ),
    (
        "BR-CO-14",
        m(
            "Total mva stemmer ikke med summen av mva per sats.",
            "The total VAT does not match the VAT of the breakdown.",
        ),
    ),
    (
        "BR-CO-15",
        m(
            "Beløpet med mva er ikke beløp uten mva pluss mva.",
            "The total with VAT is not the total without VAT plus VAT.",
        ),
    ),
    (
        "BR-CO-16",
        m(
            "Beløpet til betaling stemmer ikke med totalen, forskuddsbetalt beløp og avrunding.",
            "The amount due does not match the total, prepaid amount and rounding.",
        ),
    ),
    (
        "BR-CO-17",
        m(
            "Mva-beløpet for en sats stemmer ikke med grunnlag ganger sats.",
            "The VAT of a rate does not equal its taxable amount times the rate.",
        ),
    ),
    (
        "BR-CO-25",
        m(
            "Fakturaen har beløp til betaling, men verken forfallsdato eller betalingsbetingelser.",
            "An amount is due but neither a due date nor payment terms are given.",
        ),
    ),
    (
        "BR-S-08",
        m(
            "Grunnlaget for en mva-sats stemmer ikke med linjene med den satsen.",
            "The taxable amount of a VAT rate does not match the lines with that rate.",
        ),
    ),
    (
        "BR-S-09",
        m(
            "Mva for en sats er ikke grunnlag ganger sats.",
            "The VAT for a rate is not its taxable amount times the rate.",
        ),
    ),
    (
        "BR-06",
        m(
            "Leverandørens juridiske navn mangler.",
            "The supplier's legal name is missing.",
        ),
    ),
    (
        "BR-07",
        m(
            "Kjøpers juridiske navn mangler.",
            "The buyer's legal name is missing.",
        ),
    ),
    (
        "BR-61",
        m(
            "Betaling til konto er oppgitt uten kontonummer.",
            "Payment by credit transfer is given without an account number.",
        ),
    ),
    (
        "NO-R-001",
        m(
            "Leverandørens mva-nummer må være NO + gyldig organisasjonsnummer + MVA.",
            "The supplier's VAT number must be NO + a valid organisation number + MVA.",
        ),
    ),
    (
        "NO-R-002",
        m(
            "Leverandøren har ikke oppgitt «Foretaksregisteret».",
            "The supplier did not state 'Foretaksregisteret'.",
        ),
    ),
    (
        "PEPPOL-COMMON-R041",
        m(
            "Organisasjonsnummeret er ugyldig (kontrollsiffer).",
            "The organisation number is invalid (check digit).",
        ),
    ),
    (
        "PEPPOL-EN16931-R003",
        m(
            "Fakturaen mangler kjøpers referanse eller bestillingsnummer.",
            "The invoice lacks the buyer reference or order number.",
        ),
    ),
    (
        "PEPPOL-EN16931-R051",
        m(
            "Et beløp er i en annen valuta enn fakturaens valuta.",
            "An amount is in another currency than the invoice.",
        ),
    ),
    (
        "PEPPOL-EN16931-R120",
        m(
            "Linjebeløpet er ikke antall ganger pris pluss/minus linjetillegg og -rabatter.",
            "A line amount is not quantity times price plus line charges minus allowances.",
        ),
    ),
];

/// The clerk message for an official rule id; `None` only for an id that is not registered.
pub fn clerk_message(id: &str) -> Option<ClerkMessage> {
    if let Some(pair) = hand_written(id) {
        return Some(ClerkMessage {
            nb: Cow::Borrowed(pair.nb),
            en: Cow::Borrowed(pair.en),
        });
    }
    let rule = rule(id)?;
    if let Some(nb) = messages_nb::nb(id) {
        return Some(ClerkMessage {
            nb: Cow::Borrowed(nb),
            en: Cow::Borrowed(rule.description),
        });
    }
    not_used_path(rule).map(not_used_message)
}

/// The hand-written pair for `id`, when there is one.
pub(super) fn hand_written(id: &str) -> Option<Pair> {
    MESSAGES
        .iter()
        .find(|(rule, _)| *rule == id)
        .map(|(_, pair)| *pair)
}

/// The element or attribute path of a UBL-CR warning about something EN16931 does not use
/// ("... should be left out: cac:Delivery/cac:CarrierParty."), taken from its description.
pub(super) fn not_used_path(rule: &RuleInfo) -> Option<&'static str> {
    if !rule.id.starts_with("UBL-CR-") || rule.flag != Flag::Warning {
        return None;
    }
    let (_, path) = rule.description.rsplit_once("should be left out: ")?;
    let path = path.trim_end().trim_end_matches('.');
    (!path.is_empty()).then_some(path)
}

/// The one generated pair for the UBL-CR "not used" warnings, naming the element.
fn not_used_message(path: &str) -> ClerkMessage {
    let attribute = path
        .rsplit('/')
        .next()
        .is_some_and(|step| step.starts_with('@'));
    let (nb_kind, en_kind) = if attribute {
        ("attributtet", "attribute")
    } else {
        ("elementet", "element")
    };
    ClerkMessage {
        nb: Cow::Owned(format!(
            "Fakturaen inneholder {nb_kind} «{path}», som EN 16931 ikke bruker; leverandøren bør utelate det (fakturaen kan likevel behandles)."
        )),
        en: Cow::Owned(format!(
            "The invoice contains the {en_kind} '{path}', which EN 16931 does not use; the supplier should leave it out (the invoice can still be processed)."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_belongs_to_a_registered_rule() {
        for (id, _) in MESSAGES {
            assert!(crate::rules::rule(id).is_some(), "{id}");
        }
        assert!(clerk_message("BR-CO-15").is_some_and(|m| m.nb.contains("mva")));
    }

    #[test]
    fn every_registered_rule_has_a_clerk_message() {
        let missing: Vec<&str> = crate::rules::rules()
            .filter(|r| clerk_message(r.id).is_none())
            .map(|r| r.id)
            .collect();
        assert!(missing.is_empty(), "no clerk message for {missing:?}");
        assert_eq!(clerk_message("BR-999"), None);
    }

    #[test]
    fn every_clerk_message_is_two_sentences_in_two_languages() {
        for rule in crate::rules::rules() {
            let Some(message) = clerk_message(rule.id) else {
                continue;
            };
            let (nb, en) = (message.nb.trim(), message.en.trim());
            assert!(!nb.is_empty() && !en.is_empty(), "{}", rule.id);
            assert!(nb.ends_with('.'), "{}: {nb}", rule.id);
            assert!(en.ends_with('.'), "{}: {en}", rule.id);
            assert_ne!(nb, en, "{}", rule.id);
        }
    }

    #[test]
    fn hand_written_pair_comes_before_the_table() {
        let message = clerk_message("BR-S-08").expect("registered");
        assert_eq!(
            message.en,
            "The taxable amount of a VAT rate does not match the lines with that rate."
        );
    }

    #[test]
    fn table_text_is_shown_beside_the_rule_description() {
        let message = clerk_message("BR-02").expect("registered");
        assert_eq!(message.nb, "Fakturaen mangler fakturanummer (BT-1).");
        assert_eq!(
            Some(message.en.as_ref()),
            rule("BR-02").map(|r| r.description)
        );
    }

    #[test]
    fn not_used_warning_names_the_element() {
        let uuid = crate::rules::rules()
            .find(|r| not_used_path(r) == Some("cbc:UUID"))
            .expect("the UBL-CR rule for cbc:UUID");
        let message = clerk_message(uuid.id).expect("registered");
        assert!(
            message.nb.contains("elementet «cbc:UUID»"),
            "{}",
            message.nb
        );
        assert!(message.en.contains("element 'cbc:UUID'"), "{}", message.en);

        let attribute = crate::rules::rules()
            .find(|r| not_used_path(r).is_some_and(|p| p.contains("/@")))
            .expect("a UBL-CR rule for an attribute");
        let message = clerk_message(attribute.id).expect("registered");
        assert!(message.nb.contains("attributtet «"), "{}", message.nb);
    }

    #[test]
    fn special_ubl_cr_rules_are_not_taken_for_not_used_elements() {
        for id in [
            "UBL-CR-002",
            "UBL-CR-412",
            "UBL-CR-665",
            "UBL-CR-666",
            "UBL-CR-673",
        ] {
            let rule = rule(id).expect("registered");
            assert_eq!(not_used_path(rule), None, "{id}");
            assert!(messages_nb::nb(id).is_some(), "{id}");
        }
    }
}

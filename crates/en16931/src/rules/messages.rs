//! Messages for the accounts payable clerk, in Norwegian (bokmål) and English, for the rules a
//! clerk actually meets on supplier invoices. Other rules show only their description.

/// A clerk-facing explanation of a failed rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClerkMessage {
    /// Norwegian (bokmål).
    pub nb: &'static str,
    pub en: &'static str,
}

const fn m(nb: &'static str, en: &'static str) -> ClerkMessage {
    ClerkMessage { nb, en }
}

const MESSAGES: &[(&str, ClerkMessage)] = &[
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

/// The clerk message for an official rule id, when there is one.
pub fn clerk_message(id: &str) -> Option<ClerkMessage> {
    MESSAGES
        .iter()
        .find(|(rule, _)| *rule == id)
        .map(|(_, message)| *message)
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
}

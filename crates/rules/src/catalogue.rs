//! The catalogue of the receiver's rules: id, reason code, severity and what each means.
//!
//! Ids are stable: clerks, suppliers and integrators refer to them. The `code` is the
//! Peppol Invoice Response `OPStatusReason` code sent back to the supplier.

use crate::finding::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDef {
    pub id: &'static str,
    pub code: &'static str,
    pub severity: Severity,
    /// What the rule requires, in bokmål.
    pub nb: &'static str,
    /// What the rule requires, in English.
    pub en: &'static str,
}

const fn fatal(
    id: &'static str,
    code: &'static str,
    nb: &'static str,
    en: &'static str,
) -> RuleDef {
    RuleDef {
        id,
        code,
        severity: Severity::Fatal,
        nb,
        en,
    }
}

const fn warning(
    id: &'static str,
    code: &'static str,
    nb: &'static str,
    en: &'static str,
) -> RuleDef {
    RuleDef {
        id,
        code,
        severity: Severity::Warning,
        nb,
        en,
    }
}

/// Every rule the validator and the receiver apply, in the order they are checked.
pub const CATALOGUE: &[RuleDef] = &[
    // Set aside by the receiver: the document cannot be read at all.
    fatal(
        "MOTTAK-XML",
        "UNR",
        "Dokumentet må være gyldig XML.",
        "The document must be well-formed XML.",
    ),
    fatal(
        "MOTTAK-DTD",
        "UNR",
        "Dokumentet kan ikke ha DOCTYPE/DTD.",
        "The document must not contain a DOCTYPE/DTD.",
    ),
    fatal(
        "MOTTAK-NOT-UBL",
        "UNR",
        "Dokumentet må være en UBL 2.1 Invoice eller CreditNote (EHF 3.0 / Peppol BIS Billing 3.0).",
        "The document must be a UBL 2.1 Invoice or CreditNote (EHF 3.0 / Peppol BIS Billing 3.0).",
    ),
    fatal(
        "MOTTAK-SIZE",
        "UNR",
        "Dokumentet er for stort eller for dypt nøstet.",
        "The document is too large or too deeply nested.",
    ),
    fatal(
        "MOTTAK-ENCODING",
        "UNR",
        "Dokumentet må være kodet i UTF-8.",
        "The document must be encoded in UTF-8.",
    ),
    // The receiver's formal requirements.
    warning(
        "MOTTAK-PROFILE",
        "OTH",
        "Dokumentet bør følge Peppol BIS Billing 3.0 (CustomizationID).",
        "The document should follow Peppol BIS Billing 3.0 (CustomizationID).",
    ),
    fatal(
        "MOTTAK-FIELD",
        "LEG",
        "Verdier må ha riktig format (beløp, datoer, indikatorer).",
        "Values must have the right format (amounts, dates, indicators).",
    ),
    fatal(
        "MOTTAK-NUMBER",
        "LEG",
        "Fakturaen må ha et fakturanummer.",
        "The invoice must have an invoice number.",
    ),
    fatal(
        "MOTTAK-ISSUE-DATE",
        "LEG",
        "Fakturaen må ha en fakturadato.",
        "The invoice must have an issue date.",
    ),
    fatal(
        "MOTTAK-DUE-DATE",
        "PAY",
        "Fakturaen må ha en forfallsdato.",
        "The invoice must have a due date.",
    ),
    fatal(
        "MOTTAK-CURRENCY",
        "FIN",
        "Fakturaen må oppgi en gyldig valuta (ISO 4217).",
        "The invoice must state a valid currency (ISO 4217).",
    ),
    fatal(
        "MOTTAK-SUPPLIER",
        "LEG",
        "Leverandørens navn må oppgis.",
        "The supplier's name must be given.",
    ),
    fatal(
        "MOTTAK-ORGNR",
        "LEG",
        "Leverandørens organisasjonsnummer må oppgis og være gyldig.",
        "The supplier's organisation number must be given and valid.",
    ),
    fatal(
        "MOTTAK-MVA",
        "LEG",
        "MVA-registrerte leverandører må oppgi organisasjonsnummeret etterfulgt av MVA.",
        "VAT-registered suppliers must give their organisation number followed by MVA.",
    ),
    fatal(
        "MOTTAK-BANK",
        "PAY",
        "Norske leverandører må oppgi et gyldig kontonummer (11 siffer) eller IBAN.",
        "Norwegian suppliers must give a valid bank account number (11 digits) or IBAN.",
    ),
    fatal(
        "MOTTAK-IBAN",
        "PAY",
        "Utenlandske leverandører må oppgi gyldig IBAN og BIC (SWIFT).",
        "Foreign suppliers must give a valid IBAN and BIC (SWIFT).",
    ),
    fatal(
        "MOTTAK-BUYER",
        "LEG",
        "Kjøpers navn og organisasjonsnummer må oppgis.",
        "The buyer's name and organisation number must be given.",
    ),
    fatal(
        "MOTTAK-REC",
        "REC",
        "Fakturaen må være stilet til oss som kjøper.",
        "The invoice must be addressed to us as the buyer.",
    ),
    fatal(
        "MOTTAK-REF",
        "REF",
        "Fakturaen må ha en referanse: bestillerreferanse, ordrenummer, kontaktperson eller e-postadresse.",
        "The invoice must carry a reference: buyer reference, order number, contact person or e-mail address.",
    ),
    fatal(
        "MOTTAK-LINE",
        "ITM",
        "Hver linje må ha beskrivelse, enhet, enhetspris, antall og beløp.",
        "Every line must have a description, unit, unit price, quantity and amount.",
    ),
    fatal(
        "MOTTAK-LINE-AMOUNT",
        "PRI",
        "Linjebeløpet må være antall × enhetspris (± rabatter og gebyrer på linjen).",
        "The line amount must be quantity × unit price (± line allowances and charges).",
    ),
    fatal(
        "MOTTAK-NET",
        "FIN",
        "Summen av linjebeløpene må være lik nettobeløpet.",
        "The sum of the line amounts must equal the net amount.",
    ),
    fatal(
        "MOTTAK-VAT",
        "FIN",
        "MVA må være oppgitt per sats og summere riktig.",
        "VAT must be given per rate and add up.",
    ),
    fatal(
        "MOTTAK-TOTAL",
        "FIN",
        "Totalbeløpene må henge sammen: netto − rabatter + gebyrer + MVA = totalt.",
        "The totals must add up: net − allowances + charges + VAT = total.",
    ),
    fatal(
        "MOTTAK-ATTACHMENT",
        "OTH",
        "Vedlegg må være gyldig Base64 og innenfor størrelsesgrensen.",
        "Attachments must be valid Base64 and within the size limit.",
    ),
    warning(
        "MOTTAK-ATTACHMENT-TYPE",
        "OTH",
        "Vedlegg bør være av typen de oppgir, og en type Peppol BIS tillater (PDF, PNG, JPEG, CSV, XLSX, ODS).",
        "Attachments should be of the type they declare, and of a type Peppol BIS allows (PDF, PNG, JPEG, CSV, XLSX, ODS).",
    ),
    fatal(
        "MOTTAK-POSTING",
        "OTH",
        "Fakturaen må kunne bokføres (beløp i hele øre som balanserer).",
        "The invoice must be postable (amounts in whole minor units that balance).",
    ),
    // E-mail intake: the mail is turned away (rejected at intake) with one of these.
    fatal(
        "MOTTAK-EMAIL-SIZE",
        "UNR",
        "E-posten må være innenfor størrelsesgrensen for fakturamottaket.",
        "The e-mail must be within the invoice intake's size limit.",
    ),
    fatal(
        "MOTTAK-EMAIL-MULTIPLE",
        "UNR",
        "Én faktura per e-post, som ett dokument (faktura og vedlegg i én PDF- eller TIFF-fil).",
        "One invoice per e-mail, as one document (invoice and appendices in one PDF or TIFF file).",
    ),
    fatal(
        "MOTTAK-EMAIL-TYPE",
        "UNR",
        "Fakturaen må være en PDF- eller TIFF-fil; EHF-fakturaer sendes via Peppol.",
        "The invoice must be a PDF or TIFF file; EHF invoices are sent through Peppol.",
    ),
    fatal(
        "MOTTAK-EMAIL-PDF-ENCRYPTED",
        "UNR",
        "PDF-en kan ikke være passordbeskyttet.",
        "The PDF must not be password protected.",
    ),
    fatal(
        "MOTTAK-EMAIL-PDF-CORRUPT",
        "UNR",
        "PDF-en må kunne åpnes og ha minst én side.",
        "The PDF must open and have at least one page.",
    ),
    fatal(
        "MOTTAK-EMAIL-TIFF-CORRUPT",
        "UNR",
        "TIFF-filen må kunne leses, side for side.",
        "The TIFF file must be readable, page by page.",
    ),
    // E-mail that is not an invoice: set aside, never lost.
    fatal(
        "MOTTAK-EMAIL-NO-DOCUMENT",
        "OTH",
        "Adressen tar bare imot fakturaer; e-post uten fakturadokument legges til side.",
        "The address takes invoices only; mail without an invoice document is set aside.",
    ),
    fatal(
        "MOTTAK-EMAIL-BOUNCE",
        "OTH",
        "En leveringsrapport (retur av e-post) er aldri en faktura.",
        "A delivery-status report (bounced mail) is never an invoice.",
    ),
    fatal(
        "MOTTAK-EMAIL-UNREADABLE",
        "UNR",
        "Meldingen må være en lesbar e-post (RFC 5322).",
        "The message must be a readable e-mail (RFC 5322).",
    ),
    // An accepted e-mailed invoice that a person must read (a scan, or text not readable).
    fatal(
        "MOTTAK-CAPTURE",
        "OTH",
        "Fakturaen må registreres av en saksbehandler (skannet bilde eller tekst som ikke kunne leses).",
        "The invoice must be captured by a clerk (a scanned image, or text that could not be read).",
    ),
    warning(
        "MOTTAK-CAPTURE-NOTE",
        "OTH",
        "Noe ved innlesingen av PDF-en bør kontrolleres av en saksbehandler.",
        "Something about reading the PDF should be checked by a clerk.",
    ),
    warning(
        "MOTTAK-NO-RESPONSE",
        "OTH",
        "Et returnert EHF-dokument får en Invoice Response når leverandørens Peppol-adresse er gyldig; ellers må leverandøren varsles på annen måte.",
        "A returned EHF document gets an Invoice Response when the supplier's Peppol address is valid; otherwise the supplier must be told another way.",
    ),
    fatal(
        "MOTTAK-DUP",
        "OTH",
        "Fakturanummeret er allerede mottatt fra denne leverandøren.",
        "This invoice number has already been received from this supplier.",
    ),
];

/// The definition of rule `id`. Unknown ids give a generic definition rather than a panic,
/// so a renamed rule never takes a worker down.
pub fn rule(id: &str) -> RuleDef {
    CATALOGUE
        .iter()
        .copied()
        .find(|r| r.id == id)
        .unwrap_or(RuleDef {
            id: "MOTTAK-UNKNOWN",
            code: "OTH",
            severity: Severity::Fatal,
            nb: "Ukjent regel.",
            en: "Unknown rule.",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_codes_are_opstatusreason() {
        let codes = [
            "NON", "REF", "LEG", "REC", "QUA", "DEL", "PRI", "QTY", "ITM", "PAY", "UNR", "FIN",
            "PPD", "OTH",
        ];
        let mut seen = std::collections::HashSet::new();
        for r in CATALOGUE {
            assert!(seen.insert(r.id), "duplicate id {}", r.id);
            assert!(codes.contains(&r.code), "{} has code {}", r.id, r.code);
            assert!(r.id.starts_with("MOTTAK-"));
        }
    }
}

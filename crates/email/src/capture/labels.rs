//! The printed labels of a Norwegian (or English) invoice and how to find them in a line.
//!
//! Matching ignores letter case, accents other than æ/ø/å (`á pris` = `a pris`) and the
//! separators people vary freely (`Faktura nr.`, `Fakturanr`, `Faktura-nr:` are one label),
//! must start at a word and end before a letter (`Ref` does not match `Referanse`), and the
//! longest label at a position wins (`Sum eks. mva` is the net amount, not `Mva`). Short,
//! generic labels (`Mva`, `Total`, `Dato`, `Ref.`) are *anchored*: they count only at the
//! start of a cell or when a colon follows them.

use super::text::Cell;

/// What a label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    InvoiceNumber,
    IssueDate,
    DueDate,
    BankAccount,
    Iban,
    Bic,
    Kid,
    Currency,
    BuyerReference,
    SellerReference,
    OrderReference,
    SalesOrder,
    Contact,
    CustomerNumber,
    Net,
    Vat,
    Payable,
    Prepaid,
    Rounding,
    PaymentTerms,
    /// `Org.nr.` without saying whose.
    OrgLabel,
    /// `Deres org.nr.`, `Kundens org.nr.`.
    BuyerOrgLabel,
    /// `Vårt org.nr.`, `Foretaksregisteret`.
    SupplierOrgLabel,
    /// `MVA-nr.`, `VAT no.`.
    VatNoLabel,
    /// `Faktureres til`, `Kunde`, `Kjøper`: the buyer's address block.
    BuyerBlock,
    /// `Leverandør`, `Selger`, `Fra`: the supplier's address block.
    SupplierBlock,
    /// `Leveringsadresse`: neither party's legal address.
    DeliveryBlock,
    /// Dates that are not the invoice's (`Leveringsdato`, `Ordredato`, `Periode`).
    OtherDate,
    /// `Faktura`, `Invoice`.
    InvoiceTitle,
    /// `Kreditnota`, `Credit note`.
    CreditTitle,
    /// `Telefon`, `E-post`, `Web`: contact details that are not references.
    Communication,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label {
    pub(crate) key: Key,
    pub(crate) pattern: &'static str,
    /// Only at the start of a cell, or followed by a colon.
    pub(crate) anchored: bool,
    /// Lower is preferred when several labels give the same field.
    pub(crate) rank: u8,
    /// The value may stand on the next line, below the label.
    pub(crate) below: bool,
}

const fn l(key: Key, pattern: &'static str) -> Label {
    Label {
        key,
        pattern,
        anchored: false,
        rank: 0,
        below: true,
    }
}

/// Anchored.
const fn a(key: Key, pattern: &'static str) -> Label {
    Label {
        key,
        pattern,
        anchored: true,
        rank: 1,
        below: true,
    }
}

/// Anchored, value on the same line only, least preferred.
const fn weak(key: Key, pattern: &'static str) -> Label {
    Label {
        key,
        pattern,
        anchored: true,
        rank: 2,
        below: false,
    }
}

const fn ranked(label: Label, rank: u8) -> Label {
    Label { rank, ..label }
}

use Key::*;

/// Every label the reader knows.
pub(crate) const LABELS: &[Label] = &[
    // Invoice number.
    l(InvoiceNumber, "fakturanummer"),
    l(InvoiceNumber, "fakturanr"),
    l(InvoiceNumber, "faktura nummer"),
    l(InvoiceNumber, "faktura #"),
    l(InvoiceNumber, "fakt nr"),
    l(InvoiceNumber, "invoice number"),
    l(InvoiceNumber, "invoice no"),
    l(InvoiceNumber, "invoice nr"),
    l(InvoiceNumber, "invoice #"),
    l(InvoiceNumber, "kreditnotanummer"),
    l(InvoiceNumber, "kreditnotanr"),
    l(InvoiceNumber, "kreditnota nummer"),
    l(InvoiceNumber, "credit note number"),
    l(InvoiceNumber, "credit note no"),
    a(InvoiceNumber, "bilagsnr"),
    a(InvoiceNumber, "dokumentnr"),
    // Dates.
    l(IssueDate, "fakturadato"),
    l(IssueDate, "faktura dato"),
    l(IssueDate, "kreditnotadato"),
    l(IssueDate, "invoice date"),
    l(IssueDate, "date of issue"),
    l(IssueDate, "issue date"),
    l(IssueDate, "utstedelsesdato"),
    l(IssueDate, "dokumentdato"),
    a(IssueDate, "dato"),
    a(IssueDate, "date"),
    a(IssueDate, "utstedt"),
    l(DueDate, "forfallsdato"),
    l(DueDate, "forfalldato"),
    l(DueDate, "forfallsdag"),
    l(DueDate, "betalingsfrist"),
    l(DueDate, "betales innen"),
    l(DueDate, "betal innen"),
    l(DueDate, "due date"),
    l(DueDate, "payment due"),
    a(DueDate, "forfall"),
    a(DueDate, "forfaller"),
    a(DueDate, "due"),
    l(OtherDate, "leveringsdato"),
    l(OtherDate, "leveransedato"),
    l(OtherDate, "ordredato"),
    l(OtherDate, "bestillingsdato"),
    l(OtherDate, "utskriftsdato"),
    l(OtherDate, "delivery date"),
    l(OtherDate, "order date"),
    a(OtherDate, "periode"),
    a(OtherDate, "period"),
    // Payment.
    l(BankAccount, "kontonummer"),
    l(BankAccount, "kontonr"),
    l(BankAccount, "konto nr"),
    l(BankAccount, "bankkontonummer"),
    l(BankAccount, "bankkontonr"),
    l(BankAccount, "bankkonto"),
    l(BankAccount, "betales til konto"),
    l(BankAccount, "betal til konto"),
    l(BankAccount, "til konto"),
    l(BankAccount, "bank account"),
    l(BankAccount, "account number"),
    l(BankAccount, "account no"),
    a(BankAccount, "konto"),
    a(BankAccount, "kto"),
    a(BankAccount, "bank"),
    l(Iban, "iban"),
    l(Bic, "bic/swift"),
    l(Bic, "swift/bic"),
    l(Bic, "swift-kode"),
    l(Bic, "swift code"),
    l(Bic, "bic-kode"),
    l(Bic, "bic"),
    l(Bic, "swift"),
    l(Kid, "kid-nummer"),
    l(Kid, "kidnummer"),
    l(Kid, "kid nr"),
    l(Kid, "kid"),
    l(Currency, "valutakode"),
    l(Currency, "valuta"),
    l(Currency, "currency"),
    l(PaymentTerms, "betalingsbetingelser"),
    l(PaymentTerms, "betalingsvilkår"),
    l(PaymentTerms, "betingelser"),
    l(PaymentTerms, "payment terms"),
    a(PaymentTerms, "terms"),
    // References.
    l(BuyerReference, "deres referanse"),
    l(BuyerReference, "deres ref"),
    l(BuyerReference, "your reference"),
    l(BuyerReference, "your ref"),
    l(BuyerReference, "bestillerreferanse"),
    l(BuyerReference, "bestillerref"),
    l(BuyerReference, "kundereferanse"),
    l(BuyerReference, "kundens referanse"),
    l(BuyerReference, "kundens ref"),
    l(BuyerReference, "buyer reference"),
    l(BuyerReference, "fakturareferanse"),
    l(BuyerReference, "ressursnummer"),
    a(BuyerReference, "referanse"),
    a(BuyerReference, "reference"),
    a(BuyerReference, "ref"),
    a(BuyerReference, "bestiller"),
    l(SellerReference, "vår referanse"),
    l(SellerReference, "vår ref"),
    l(SellerReference, "our reference"),
    l(SellerReference, "our ref"),
    l(SellerReference, "vår kontaktperson"),
    l(SellerReference, "vår kontakt"),
    l(SellerReference, "saksbehandler"),
    a(SellerReference, "selger"),
    l(OrderReference, "bestillingsnummer"),
    l(OrderReference, "bestillingsnr"),
    l(OrderReference, "bestilling nr"),
    l(OrderReference, "deres bestillingsnr"),
    l(OrderReference, "deres bestilling"),
    l(OrderReference, "deres ordrenr"),
    l(OrderReference, "deres ordre"),
    l(OrderReference, "innkjøpsordrenummer"),
    l(OrderReference, "innkjøpsordrenr"),
    l(OrderReference, "innkjøpsordre"),
    l(OrderReference, "ordrenummer"),
    l(OrderReference, "ordrenr"),
    l(OrderReference, "ordre nr"),
    l(OrderReference, "rekvisisjonsnummer"),
    l(OrderReference, "rekvisisjonsnr"),
    l(OrderReference, "purchase order number"),
    l(OrderReference, "purchase order"),
    l(OrderReference, "order number"),
    l(OrderReference, "order no"),
    l(OrderReference, "your order"),
    l(OrderReference, "po number"),
    l(OrderReference, "po-nr"),
    a(OrderReference, "bestilling"),
    a(OrderReference, "ordre"),
    a(OrderReference, "po"),
    l(SalesOrder, "vår ordre"),
    l(SalesOrder, "vårt ordrenr"),
    l(SalesOrder, "vår ordrenr"),
    l(SalesOrder, "our order"),
    l(SalesOrder, "sales order"),
    l(SalesOrder, "ordrebekreftelse"),
    l(Contact, "deres kontaktperson"),
    l(Contact, "deres kontakt"),
    l(Contact, "kontaktperson"),
    l(Contact, "contact person"),
    l(Contact, "attention"),
    a(Contact, "attn"),
    a(Contact, "att"),
    l(CustomerNumber, "kundenummer"),
    l(CustomerNumber, "kundenr"),
    l(CustomerNumber, "kunde nr"),
    l(CustomerNumber, "kunde-id"),
    l(CustomerNumber, "kundeid"),
    l(CustomerNumber, "customer number"),
    l(CustomerNumber, "customer no"),
    l(CustomerNumber, "customer id"),
    // Totals.
    l(Net, "sum eks mva"),
    l(Net, "sum ekskl mva"),
    l(Net, "sum eksl mva"),
    l(Net, "sum eksklusiv mva"),
    l(Net, "sum uten mva"),
    l(Net, "totalt eks mva"),
    l(Net, "totalt ekskl mva"),
    l(Net, "total eks mva"),
    l(Net, "total ekskl mva"),
    l(Net, "beløp eks mva"),
    l(Net, "beløp ekskl mva"),
    l(Net, "nettobeløp"),
    l(Net, "netto beløp"),
    l(Net, "nettosum"),
    l(Net, "sum netto"),
    l(Net, "net amount"),
    l(Net, "net total"),
    l(Net, "total excl vat"),
    l(Net, "total excluding vat"),
    l(Net, "amount excl vat"),
    l(Net, "subtotal"),
    l(Net, "sub total"),
    a(Net, "netto"),
    weak(Net, "sum"),
    l(Vat, "merverdiavgift"),
    l(Vat, "mva-beløp"),
    l(Vat, "mva beløp"),
    l(Vat, "sum mva"),
    l(Vat, "totalt mva"),
    l(Vat, "total mva"),
    l(Vat, "mva totalt"),
    l(Vat, "herav mva"),
    l(Vat, "vat amount"),
    l(Vat, "total vat"),
    a(Vat, "mva"),
    a(Vat, "moms"),
    a(Vat, "vat"),
    weak(Vat, "tax"),
    l(Payable, "å betale"),
    l(Payable, "beløp å betale"),
    l(Payable, "totalt å betale"),
    l(Payable, "sum å betale"),
    l(Payable, "til betaling"),
    l(Payable, "amount due"),
    l(Payable, "total due"),
    l(Payable, "balance due"),
    l(Payable, "amount payable"),
    ranked(l(Payable, "totalt inkl mva"), 1),
    ranked(l(Payable, "total inkl mva"), 1),
    ranked(l(Payable, "sum inkl mva"), 1),
    ranked(l(Payable, "sum inklusiv mva"), 1),
    ranked(l(Payable, "beløp inkl mva"), 1),
    ranked(l(Payable, "totalbeløp"), 1),
    ranked(l(Payable, "totalsum"), 1),
    ranked(l(Payable, "fakturabeløp"), 1),
    ranked(l(Payable, "fakturatotal"), 1),
    ranked(l(Payable, "total incl vat"), 1),
    ranked(l(Payable, "total including vat"), 1),
    ranked(l(Payable, "amount incl vat"), 1),
    ranked(l(Payable, "total amount"), 1),
    ranked(l(Payable, "grand total"), 1),
    ranked(l(Payable, "sum totalt"), 1),
    weak(Payable, "totalt"),
    weak(Payable, "total"),
    l(Prepaid, "forskuddsbetalt"),
    l(Prepaid, "forskudd"),
    l(Prepaid, "allerede betalt"),
    l(Prepaid, "innbetalt"),
    l(Prepaid, "prepaid"),
    l(Prepaid, "already paid"),
    a(Prepaid, "betalt"),
    a(Prepaid, "paid"),
    l(Rounding, "øreavrunding"),
    l(Rounding, "avrunding"),
    l(Rounding, "rounding"),
    // Organisation numbers.
    l(BuyerOrgLabel, "deres org nr"),
    l(BuyerOrgLabel, "deres orgnr"),
    l(BuyerOrgLabel, "deres organisasjonsnummer"),
    l(BuyerOrgLabel, "kundens org nr"),
    l(BuyerOrgLabel, "kundens orgnr"),
    l(BuyerOrgLabel, "kundens organisasjonsnummer"),
    l(BuyerOrgLabel, "kunde org nr"),
    l(BuyerOrgLabel, "kjøpers org nr"),
    l(BuyerOrgLabel, "customer org no"),
    l(BuyerOrgLabel, "buyer org no"),
    l(SupplierOrgLabel, "vårt org nr"),
    l(SupplierOrgLabel, "vårt orgnr"),
    l(SupplierOrgLabel, "vårt organisasjonsnummer"),
    l(SupplierOrgLabel, "leverandørens org nr"),
    l(SupplierOrgLabel, "our org no"),
    l(SupplierOrgLabel, "foretaksregisteret"),
    l(OrgLabel, "organisasjonsnummer"),
    l(OrgLabel, "organisasjonsnr"),
    l(OrgLabel, "org nummer"),
    l(OrgLabel, "org nr"),
    l(OrgLabel, "orgnr"),
    l(OrgLabel, "org no"),
    l(OrgLabel, "organization number"),
    l(OrgLabel, "organisation number"),
    l(OrgLabel, "company reg no"),
    l(OrgLabel, "foretaksnummer"),
    l(OrgLabel, "foretaksnr"),
    l(OrgLabel, "enhetsregisteret"),
    a(OrgLabel, "org"),
    l(VatNoLabel, "mva-nr"),
    l(VatNoLabel, "mva nummer"),
    l(VatNoLabel, "mva-nummer"),
    l(VatNoLabel, "mva nr"),
    l(VatNoLabel, "mva-registrert"),
    l(VatNoLabel, "vat no"),
    l(VatNoLabel, "vat number"),
    l(VatNoLabel, "vat reg no"),
    l(VatNoLabel, "vat registration number"),
    l(VatNoLabel, "vat id"),
    l(VatNoLabel, "vat reg"),
    l(VatNoLabel, "ust idnr"),
    l(VatNoLabel, "ust-id"),
    l(VatNoLabel, "momsreg nr"),
    l(VatNoLabel, "momsregistreringsnummer"),
    l(VatNoLabel, "moms nr"),
    l(VatNoLabel, "cvr nr"),
    // Party blocks.
    l(BuyerBlock, "faktureres til"),
    l(BuyerBlock, "fakturamottaker"),
    l(BuyerBlock, "fakturaadresse"),
    l(BuyerBlock, "bill to"),
    l(BuyerBlock, "billed to"),
    l(BuyerBlock, "invoice to"),
    a(BuyerBlock, "kunde"),
    a(BuyerBlock, "kjøper"),
    a(BuyerBlock, "mottaker:"),
    a(BuyerBlock, "customer"),
    a(BuyerBlock, "buyer"),
    a(BuyerBlock, "til:"),
    l(SupplierBlock, "leverandør"),
    l(SupplierBlock, "supplier"),
    a(SupplierBlock, "seller"),
    a(SupplierBlock, "avsender"),
    a(SupplierBlock, "fra:"),
    a(SupplierBlock, "from:"),
    l(DeliveryBlock, "leveringsadresse"),
    l(DeliveryBlock, "leveres til"),
    l(DeliveryBlock, "levert til"),
    l(DeliveryBlock, "delivery address"),
    l(DeliveryBlock, "ship to"),
    // Titles.
    a(InvoiceTitle, "faktura"),
    a(InvoiceTitle, "invoice"),
    a(InvoiceTitle, "tax invoice"),
    a(CreditTitle, "kreditnota"),
    a(CreditTitle, "kreditfaktura"),
    a(CreditTitle, "credit note"),
    a(CreditTitle, "creditnote"),
    a(CreditTitle, "credit memo"),
    // Contact details.
    l(Communication, "telefon"),
    l(Communication, "tlf"),
    l(Communication, "mobil"),
    l(Communication, "phone"),
    l(Communication, "e-post"),
    l(Communication, "epost"),
    l(Communication, "e-mail"),
    l(Communication, "email"),
    a(Communication, "web"),
    a(Communication, "www"),
];

/// A label found in a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit {
    pub(crate) label: Label,
    /// Char index of the label's first character in the cell.
    pub(crate) start: usize,
    /// Char index just after the label and its punctuation (`:`, `.`, `#`).
    pub(crate) end: usize,
    /// Char index where this label's value ends: the next label, a `·`/`|`/`•`, or the cell's
    /// end.
    pub(crate) value_end: usize,
}

/// Folds a character for matching: lower case, accents off except on æ/ø/å.
pub(crate) fn fold(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'á' | 'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' => 'ø',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        other => other,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '/' | '_' | '\'' | '’')
}

fn is_value_break(c: char) -> bool {
    matches!(c, '·' | '|' | '•' | '¦')
}

/// Where `pattern` matches `text` starting at `start` (a char index), ignoring separators on
/// both sides; the char index after the match.
pub(crate) fn match_at(text: &[char], start: usize, pattern: &str) -> Option<usize> {
    let mut i = start;
    let mut matched_any = false;
    for p in pattern.chars() {
        if is_separator(p) {
            continue;
        }
        while text.get(i).is_some_and(|c| is_separator(*c)) && matched_any {
            i += 1;
        }
        let c = text.get(i)?;
        if fold(*c) != fold(p) {
            return None;
        }
        matched_any = true;
        i += 1;
    }
    // The label ends before a letter.
    if text.get(i).is_some_and(|c| c.is_alphabetic()) {
        return None;
    }
    Some(i)
}

/// Index after the label's trailing punctuation and spaces.
fn skip_punctuation(text: &[char], mut i: usize) -> usize {
    while text
        .get(i)
        .is_some_and(|c| matches!(c, ':' | '.' | ' ' | '#' | ')' | '('))
    {
        i += 1;
    }
    i
}

fn is_word_start(text: &[char], i: usize) -> bool {
    i == 0 || text.get(i - 1).is_some_and(|c| !c.is_alphanumeric())
}

/// The longest label starting at `i`.
fn best_label(text: &[char], i: usize, only: Option<&[Label]>) -> Option<(Label, usize)> {
    let labels = only.unwrap_or(LABELS);
    let first = fold(*text.get(i)?);
    let mut best: Option<(Label, usize)> = None;
    for label in labels {
        if label.pattern.chars().next().map(fold) != Some(first) {
            continue;
        }
        let Some(end) = match_at(text, i, label.pattern) else {
            continue;
        };
        // A short label glued to what follows ("PO-4471", "Ref.123") is part of a value.
        if label.anchored {
            let next = text.get(end);
            let after = text.get(end + 1);
            let glued = match next {
                None => false,
                Some(c) if c.is_whitespace() => false,
                Some(':' | '#' | ')' | '(') => false,
                Some('.') => after.is_some_and(|c| c.is_alphanumeric() || *c == '@'),
                Some(_) => true,
            };
            if glued {
                continue;
            }
        }
        if label.anchored {
            let at_start = text.get(..i).is_none_or(|before| {
                before
                    .iter()
                    .all(|c| c.is_whitespace() || matches!(c, '*' | '-' | '•'))
            });
            let colon = text
                .get(end..)
                .and_then(|rest| rest.iter().find(|c| **c != ' ' && **c != '.'))
                == Some(&':');
            if !at_start && !colon {
                continue;
            }
        }
        if best.is_none_or(|(_, e)| end > e) {
            best = Some((*label, end));
        }
    }
    best
}

/// Every label in a cell, in order.
pub(crate) fn hits_in(text: &str) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let mut raw: Vec<(Label, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_word_start(&chars, i)
            && chars
                .get(i)
                .is_some_and(|c| c.is_alphabetic() || *c == 'å' || *c == 'Å')
            && let Some((label, end)) = best_label(&chars, i, None)
        {
            raw.push((label, i, skip_punctuation(&chars, end)));
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    let mut out = Vec::with_capacity(raw.len());
    for (n, (label, start, end)) in raw.iter().enumerate() {
        let next_label = raw.get(n + 1).map_or(chars.len(), |r| r.1);
        let brk = (*end..next_label)
            .find(|k| chars.get(*k).is_some_and(|c| is_value_break(*c)))
            .unwrap_or(next_label);
        out.push(Hit {
            label: *label,
            start: *start,
            end: (*end).min(brk),
            value_end: brk,
        });
    }
    out
}

/// The text between two char indices.
pub(crate) fn slice(text: &str, from: usize, to: usize) -> String {
    text.chars()
        .skip(from)
        .take(to.saturating_sub(from))
        .collect()
}

/// The horizontal position of a char index inside a cell, by proportion.
pub(crate) fn x_of(cell: &Cell, index: usize) -> f32 {
    let n = cell.text.chars().count().max(1) as f32;
    cell.x0 + (cell.x1 - cell.x0) * (index as f32) / n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(Key, String)> {
        hits_in(text)
            .into_iter()
            .map(|h| {
                (
                    h.label.key,
                    slice(text, h.end, h.value_end).trim().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn variants_of_one_label() {
        for text in [
            "Fakturanr.: 10234",
            "Faktura nr 10234",
            "Fakturanummer 10234",
            "Invoice no. 10234",
            "Faktura-nr: 10234",
        ] {
            assert_eq!(
                keys(text),
                vec![(InvoiceNumber, "10234".to_owned())],
                "{text}"
            );
        }
    }

    #[test]
    fn longest_label_wins_and_generic_ones_are_anchored() {
        assert_eq!(
            keys("Sum eks. mva 1 000,00"),
            vec![(Net, "1 000,00".to_owned())]
        );
        assert_eq!(keys("Mva 25 %"), vec![(Vat, "25 %".to_owned())]);
        assert_eq!(keys("NO 987 654 325 MVA"), vec![]);
        assert_eq!(
            keys("Referanse: ABC"),
            vec![(BuyerReference, "ABC".to_owned())]
        );
        assert_eq!(
            keys("Deres ref.: Kari"),
            vec![(BuyerReference, "Kari".to_owned())]
        );
        assert_eq!(
            keys("Vår ref.: Ola"),
            vec![(SellerReference, "Ola".to_owned())]
        );
        assert_eq!(keys("Kundenr. 55"), vec![(CustomerNumber, "55".to_owned())]);
        assert_eq!(keys("PO-4471"), vec![]);
        assert_eq!(keys("ordre@firma.no"), vec![]);
        assert_eq!(keys("PO: 4471"), vec![(OrderReference, "4471".to_owned())]);
        assert_eq!(
            keys("Å betale kr 1 250,00"),
            vec![(Payable, "kr 1 250,00".to_owned())]
        );
        assert_eq!(keys("Totalt inkl. mva 1 250,00")[0].0, Payable);
    }

    #[test]
    fn several_labels_in_one_cell() {
        let found = keys("Firma AS · Org.nr. 987 654 325 MVA · Kontonr. 1503.12.34562");
        assert_eq!(
            found,
            vec![
                (OrgLabel, "987 654 325 MVA".to_owned()),
                (BankAccount, "1503.12.34562".to_owned())
            ]
        );
        let found = keys("Fakturanr: 10 Dato: 15.11.2026");
        assert_eq!(found[1], (IssueDate, "15.11.2026".to_owned()));
    }
}

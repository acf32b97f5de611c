//! The bilingual reason texts. A person reads them: the supplier in the reply mail, the AP
//! clerk in the UI. Each names what was found (file names, types) and what to do; `nb` and
//! `en` say the same thing.

use super::detect::{DetectedType, Flavor};
use super::walk::{Limit, Meta, Role};
use super::{MAX_NESTING, MAX_PARTS, MailInfo, Part, Reason, codes};
use crate::inspect::{PdfProblem, TiffProblem};

fn reason(code: &'static str, nb: String, en: String) -> Reason {
    Reason { code, nb, en }
}

const ONLY_PDF_TIFF_NB: &str = "Vi tar bare imot fakturaer som PDF eller TIFF.";
const ONLY_PDF_TIFF_EN: &str = "We accept invoices only as PDF or TIFF.";

fn peppol_nb(peppol_id: &str) -> String {
    format!(
        "EHF-fakturaer skal sendes over Peppol-nettverket til mottaker {peppol_id}, ikke på e-post."
    )
}

fn peppol_en(peppol_id: &str) -> String {
    format!("EHF invoices belong on the Peppol network, addressed to {peppol_id}, not in e-mail.")
}

/// `25,0 MB` / `25.0 MB` (binary megabytes, as mail programs show sizes).
fn megabytes(bytes: usize) -> (String, String) {
    let tenths = (bytes as u128 * 10 + 524_288) / 1_048_576;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    (format!("{whole},{tenth} MB"), format!("{whole}.{tenth} MB"))
}

/// `faktura.pdf (PDF)` or `et vedlegg uten filnavn (PDF)`.
fn item_nb(part: &Part, meta: &Meta) -> String {
    match &part.filename {
        Some(name) => format!("{name} ({})", meta.sniffed.label_nb()),
        None => format!("et vedlegg uten filnavn ({})", meta.sniffed.label_nb()),
    }
}

fn item_en(part: &Part, meta: &Meta) -> String {
    match &part.filename {
        Some(name) => format!("{name} ({})", meta.sniffed.label_en()),
        None => format!(
            "an attachment without a file name ({})",
            meta.sniffed.label_en()
        ),
    }
}

/// `a, b og c` / `a, b and c`.
fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// `MOTTAK-EMAIL-SIZE`.
pub(crate) fn size(size: usize, max: usize) -> Reason {
    let (size_nb, size_en) = megabytes(size);
    let (max_nb, max_en) = megabytes(max);
    reason(
        codes::SIZE,
        format!(
            "E-posten er {size_nb} stor, og vi tar imot e-post på inntil {max_nb}. \
             Send fakturaen som én PDF- eller TIFF-fil i en mindre e-post."
        ),
        format!(
            "The e-mail is {size_en}, and we accept e-mails of up to {max_en}. \
             Send the invoice as one PDF or TIFF file in a smaller e-mail."
        ),
    )
}

/// `MOTTAK-EMAIL-UNREADABLE`: not a mail message at all.
pub(crate) fn not_mail() -> Reason {
    reason(
        codes::UNREADABLE,
        "Innholdet er ikke en e-postmelding: det begynner ikke med e-posthoder (From, To, \
         Subject ...). Det er lagt til side for manuell kontroll."
            .into(),
        "The content is not an e-mail message: it does not begin with mail headers (From, To, \
         Subject ...). It has been set aside for a person to check."
            .into(),
    )
}

/// `MOTTAK-EMAIL-UNREADABLE`: the mail parser gave up.
pub(crate) fn parser_failed() -> Reason {
    reason(
        codes::UNREADABLE,
        "E-posten kan ikke tolkes (MIME-strukturen er ødelagt). Den er lagt til side for \
         manuell kontroll."
            .into(),
        "The e-mail cannot be parsed (its MIME structure is broken). It has been set aside for \
         a person to check."
            .into(),
    )
}

/// `MOTTAK-EMAIL-UNREADABLE`: a bound of the walk was exceeded.
pub(crate) fn limit(limit: Limit) -> Reason {
    let (nb, en) = match limit {
        Limit::Parts => (
            format!("den har mer enn {MAX_PARTS} MIME-deler"),
            format!("it has more than {MAX_PARTS} MIME parts"),
        ),
        Limit::Nesting => (
            format!("den har videresendte e-poster i mer enn {MAX_NESTING} nivåer"),
            format!("it nests forwarded e-mails more than {MAX_NESTING} levels deep"),
        ),
        Limit::MultipartDepth => (
            "MIME-strukturen er nøstet for dypt".to_string(),
            "its MIME structure is nested too deeply".to_string(),
        ),
    };
    reason(
        codes::UNREADABLE,
        format!(
            "E-posten er for sammensatt til å behandles automatisk: {nb}. Den er lagt til side \
             for manuell kontroll."
        ),
        format!(
            "The e-mail is too complex to process automatically: {en}. It has been set aside \
             for a person to check."
        ),
    )
}

/// `MOTTAK-EMAIL-BOUNCE`.
pub(crate) fn bounce(mail: &MailInfo) -> Reason {
    let sender = mail
        .from
        .as_ref()
        .map(|m| m.address.clone())
        .or_else(|| mail.return_path.clone().filter(|r| !r.is_empty()))
        .unwrap_or_else(|| "<>".into());
    reason(
        codes::BOUNCE,
        format!(
            "E-posten er en returmelding om at en e-post ikke kunne leveres (fra {sender}). \
             En returmelding er aldri en faktura, uansett hva den har med seg; den er lagt til \
             side og blir ikke besvart."
        ),
        format!(
            "The e-mail is a delivery failure report (bounce) from {sender}. A bounce is never \
             an invoice, whatever it carries; it has been set aside and is not answered."
        ),
    )
}

/// What a mail without documents is, for the NO-DOCUMENT text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoDocument {
    Plain,
    AutoReply,
    Report,
    Bulk,
}

/// `MOTTAK-EMAIL-NO-DOCUMENT`.
pub(crate) fn no_document(parts: &[Part], meta: &[Meta], kind: NoDocument) -> Reason {
    let (what_nb, what_en) = match kind {
        NoDocument::Plain => ("", ""),
        NoDocument::AutoReply => (" Den er et automatisk svar.", " It is an automatic reply."),
        NoDocument::Report => (
            " Den er en automatisk rapport (f.eks. en lesebekreftelse).",
            " It is an automatic report (e.g. a read receipt).",
        ),
        NoDocument::Bulk => (
            " Den er et nyhetsbrev eller en masseutsendelse.",
            " It is a newsletter or bulk mail.",
        ),
    };
    let ignored: Vec<&Part> = parts
        .iter()
        .zip(meta)
        .filter(|(_, m)| {
            matches!(
                m.role,
                Role::InlineImage | Role::Alternative | Role::Signature
            )
        })
        .map(|(p, _)| p)
        .collect();
    let (found_nb, found_en) = if ignored.is_empty() {
        (
            "Den har bare meldingstekst.".to_string(),
            "It has message text only.".to_string(),
        )
    } else {
        let names: Vec<String> = ignored
            .iter()
            .map(|p| {
                p.filename
                    .clone()
                    .unwrap_or_else(|| p.declared_type.clone().unwrap_or_default())
            })
            .collect();
        (
            format!(
                "Den har bare meldingstekst og innebygde deler som ikke er dokumenter ({}).",
                list(&names, "og")
            ),
            format!(
                "It has message text and embedded parts that are not documents ({}) only.",
                list(&names, "and")
            ),
        )
    };
    reason(
        codes::NO_DOCUMENT,
        format!(
            "E-posten har ingen vedlagt faktura. {found_nb}{what_nb} Denne adressen tar bare imot \
             fakturaer (én PDF- eller TIFF-fil per e-post); spørsmål og annen e-post blir ikke \
             behandlet her. E-posten er lagt til side."
        ),
        format!(
            "The e-mail has no invoice attached. {found_en}{what_en} This address takes invoices \
             only (one PDF or TIFF file per e-mail); questions and other mail are not handled \
             here. The e-mail has been set aside."
        ),
    )
}

/// `MOTTAK-EMAIL-MULTIPLE`: `docs` are the counted parts.
pub(crate) fn multiple(docs: &[(&Part, &Meta)], peppol_id: &str) -> Reason {
    let nb_items: Vec<String> = docs.iter().map(|(p, m)| item_nb(p, m)).collect();
    let en_items: Vec<String> = docs.iter().map(|(p, m)| item_en(p, m)).collect();
    let n = docs.len();
    let mut nb = format!(
        "E-posten inneholder {n} dokumenter: {}. Vi tar imot én faktura per e-post, som ett \
         dokument: fakturaen og eventuelle vedlegg samlet i én PDF- eller TIFF-fil. Send hver \
         faktura i en egen e-post.",
        list(&nb_items, "og")
    );
    let mut en = format!(
        "The e-mail contains {n} documents: {}. We accept one invoice per e-mail, as one \
         document: the invoice and any appendices together in one PDF or TIFF file. Send each \
         invoice in an e-mail of its own.",
        list(&en_items, "and")
    );
    if docs.iter().any(|(p, _)| p.detected == DetectedType::Ehf) {
        nb.push(' ');
        nb.push_str(&peppol_nb(peppol_id));
        en.push(' ');
        en.push_str(&peppol_en(peppol_id));
    }
    reason(codes::MULTIPLE, nb, en)
}

/// `MOTTAK-EMAIL-TYPE`: the one document is neither PDF nor TIFF.
pub(crate) fn wrong_type(part: &Part, meta: &Meta, peppol_id: &str) -> Reason {
    let sniffed = &meta.sniffed;
    let (mut nb, mut en) = match (&part.filename, meta.claimed) {
        (Some(name), Some(claim @ (DetectedType::Pdf | DetectedType::Tiff))) => (
            format!(
                "Filen {name} er ikke en {}, men {}.",
                claim.label_nb(),
                sniffed.describe_nb()
            ),
            format!(
                "The file {name} is not a {} but {}.",
                claim.label_en(),
                sniffed.describe_en()
            ),
        ),
        (None, Some(claim @ (DetectedType::Pdf | DetectedType::Tiff))) => (
            format!(
                "Vedlegget (uten filnavn) er oppgitt som {}, men er {}.",
                claim.label_nb(),
                sniffed.describe_nb()
            ),
            format!(
                "The attachment (without a file name) is declared as {} but is {}.",
                claim.label_en(),
                sniffed.describe_en()
            ),
        ),
        (Some(name), _) => (
            format!("Vedlegget {name} er {}.", sniffed.describe_nb()),
            format!("The attachment {name} is {}.", sniffed.describe_en()),
        ),
        (None, _) => (
            format!("Vedlegget (uten filnavn) er {}.", sniffed.describe_nb()),
            format!(
                "The attachment (without a file name) is {}.",
                sniffed.describe_en()
            ),
        ),
    };
    nb.push(' ');
    nb.push_str(ONLY_PDF_TIFF_NB);
    en.push(' ');
    en.push_str(ONLY_PDF_TIFF_EN);
    match (sniffed.detected, sniffed.flavor) {
        (DetectedType::Ehf, _) => {
            nb.push(' ');
            nb.push_str(&peppol_nb(peppol_id));
            en.push(' ');
            en.push_str(&peppol_en(peppol_id));
        }
        (DetectedType::Zip, _) => {
            nb.push_str(" ZIP-arkiver pakkes ikke ut.");
            en.push_str(" We do not unpack ZIP archives.");
        }
        (_, Flavor::Tnef) => {
            nb.push_str(
                " winmail.dat lages av Outlook når e-posten sendes i RTF-format; send fakturaen \
                 som et vanlig PDF-vedlegg.",
            );
            en.push_str(
                " Outlook creates winmail.dat when it sends mail in Rich Text format; send the \
                 invoice as a normal PDF attachment.",
            );
        }
        _ => {}
    }
    reason(codes::TYPE, nb, en)
}

fn pdf_name(part: &Part) -> (String, String) {
    match &part.filename {
        Some(name) => (format!("PDF-filen {name}"), format!("The PDF file {name}")),
        None => (
            "PDF-filen (uten filnavn)".to_string(),
            "The PDF file (without a file name)".to_string(),
        ),
    }
}

/// `MOTTAK-EMAIL-PDF-ENCRYPTED` or `MOTTAK-EMAIL-PDF-CORRUPT`.
pub(crate) fn pdf_problem(part: &Part, problem: &PdfProblem) -> Reason {
    let (file_nb, file_en) = pdf_name(part);
    if *problem == PdfProblem::Encrypted {
        return reason(
            codes::PDF_ENCRYPTED,
            format!(
                "{file_nb} er passordbeskyttet, så vi kan ikke åpne den. Send fakturaen som PDF \
                 uten passord."
            ),
            format!(
                "{file_en} is password protected, so we cannot open it. Send the invoice as a \
                 PDF without a password."
            ),
        );
    }
    let (what_nb, what_en) = match problem {
        PdfProblem::Truncated => (
            "er ufullstendig: den slutter uten PDF-filens avslutning (%%EOF) og er trolig \
             avkuttet under sending"
                .to_string(),
            "is incomplete: it ends without the PDF end marker (%%EOF) and was probably cut \
             off in transit"
                .to_string(),
        ),
        PdfProblem::NoPages => ("har ingen sider".to_string(), "has no pages".to_string()),
        PdfProblem::BrokenPageTree(detail) => (
            format!("er skadet: sideoversikten kan ikke leses (teknisk: {detail})"),
            format!("is damaged: its page tree cannot be read (technical: {detail})"),
        ),
        PdfProblem::BrokenPage { page, detail } => (
            format!("er skadet: side {page} kan ikke leses (teknisk: {detail})"),
            format!("is damaged: page {page} cannot be read (technical: {detail})"),
        ),
        PdfProblem::TooManyPages => (
            "har for mange sider til å kontrolleres".to_string(),
            "has too many pages to be checked".to_string(),
        ),
        PdfProblem::Unreadable(detail) => (
            format!("kan ikke åpnes; den er skadet (teknisk: {detail})"),
            format!("cannot be opened; it is damaged (technical: {detail})"),
        ),
        PdfProblem::NotPdf | PdfProblem::Encrypted => {
            ("kan ikke åpnes".to_string(), "cannot be opened".to_string())
        }
    };
    reason(
        codes::PDF_CORRUPT,
        format!("{file_nb} {what_nb}. Send en PDF-fil som lar seg åpne."),
        format!("{file_en} {what_en}. Please send a PDF file that opens."),
    )
}

/// `MOTTAK-EMAIL-TIFF-CORRUPT`.
pub(crate) fn tiff_problem(part: &Part, problem: &TiffProblem) -> Reason {
    let (file_nb, file_en) = match &part.filename {
        Some(name) => (
            format!("TIFF-filen {name}"),
            format!("The TIFF file {name}"),
        ),
        None => (
            "TIFF-filen (uten filnavn)".to_string(),
            "The TIFF file (without a file name)".to_string(),
        ),
    };
    let (what_nb, what_en) = match problem {
        TiffProblem::BrokenPage { page, detail } => (
            format!("er skadet: side {page} kan ikke leses (teknisk: {detail})"),
            format!("is damaged: page {page} cannot be read (technical: {detail})"),
        ),
        TiffProblem::TooManyPages => (
            "har for mange sider til å kontrolleres".to_string(),
            "has too many pages to be checked".to_string(),
        ),
        TiffProblem::NotTiff => ("kan ikke leses".to_string(), "cannot be read".to_string()),
    };
    reason(
        codes::TIFF_CORRUPT,
        format!("{file_nb} {what_nb}. Send en TIFF- eller PDF-fil som lar seg åpne."),
        format!("{file_en} {what_en}. Please send a TIFF or PDF file that opens."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_mail_program() {
        assert_eq!(
            megabytes(25 * 1024 * 1024),
            ("25,0 MB".into(), "25.0 MB".into())
        );
        assert_eq!(
            megabytes(31_457_280 + 104_858),
            ("30,1 MB".into(), "30.1 MB".into())
        );
        assert_eq!(megabytes(0), ("0,0 MB".into(), "0.0 MB".into()));
    }

    #[test]
    fn lists_read_naturally() {
        let items = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(list(&items, "og"), "a, b og c");
        assert_eq!(list(&items[..1], "and"), "a");
    }
}

//! The fixture mails, one function each, with what each must become.
//!
//! Every mail is written out header by header so that its oddity is exactly as intended;
//! dates, Message-IDs and MIME boundaries are fixed.

use anyhow::Result;
use time::macros::{date, time};
use time::{Date, Time};

use crate::documents as doc;
use crate::manifest::{Expect, Stage, State};
use crate::mime::{
    CRLF, Part, b_word, base64, crlf, q_words, q_words_latin1, quoted_printable, rfc2231,
    rfc5322_date,
};
use crate::ooxml::{DOCX_MIME, XLSX_MIME};
use crate::raster::logo_png;
use crate::suppliers as sup;

const TO: &str = "To: faktura@digitools.no";
const PREAMBLE: &str = "This is a multi-part message in MIME format.";

/// One generated mail and its expectation.
pub(crate) struct Fixture {
    pub(crate) file: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) expect: Expect,
}

fn fixture(file: &str, message: Part, expect: Expect) -> Fixture {
    Fixture {
        file: file.to_owned(),
        bytes: message.render(),
        expect,
    }
}

fn lines(headers: &[&str]) -> Vec<String> {
    headers.iter().map(|h| (*h).to_owned()).collect()
}

/// The top of a received mail: trace headers added by our MX, then the sender's headers.
struct Envelope<'a> {
    /// `Name <address>` or an already encoded form.
    from: &'a str,
    /// The SMTP envelope sender; empty for a bounce (`<>`).
    return_path: &'a str,
    /// The sending host and its address (documentation ranges).
    relay: (&'a str, &'a str),
    subject: &'a str,
    date: Date,
    time: Time,
    message_id: &'a str,
}

impl Envelope<'_> {
    /// The header lines, ending with `MIME-Version`; `extra` goes after `Message-ID`.
    fn headers(&self, extra: &[&str]) -> Vec<String> {
        let date = rfc5322_date(self.date, self.time, 2);
        let received_at = rfc5322_date(self.date, self.time + time::Duration::seconds(2), 2);
        let mut h = vec![
            format!("Return-Path: <{}>", self.return_path),
            format!(
                "Received: from {0}{CRLF}\t({0} [{1}]){CRLF}\tby mx1.digitools.no (Postfix) with ESMTPS id {2}{CRLF}\tfor <faktura@digitools.no>; {received_at}",
                self.relay.0,
                self.relay.1,
                queue_id(self.message_id)
            ),
            format!("From: {}", self.from),
            TO.to_owned(),
            format!("Subject: {}", self.subject),
            format!("Date: {date}"),
            format!("Message-ID: <{}>", self.message_id),
        ];
        h.extend(extra.iter().map(|e| (*e).to_owned()));
        h.push("MIME-Version: 1.0".to_owned());
        h
    }
}

/// A Postfix-like queue id derived from the Message-ID (fixed, looks real).
fn queue_id(message_id: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjkmnpqrstvwxyz";
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in message_id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..12)
        .map(|i| char::from(ALPHABET[((h >> (i * 5)) % ALPHABET.len() as u64) as usize]))
        .collect()
}

fn with(mut headers: Vec<String>, more: &[&str]) -> Vec<String> {
    headers.extend(more.iter().map(|m| (*m).to_owned()));
    headers
}

/// A `text/plain; charset=utf-8` part in quoted-printable.
fn text_qp(text: &str) -> Part {
    Part::leaf(
        lines(&[
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]),
        quoted_printable(text.as_bytes()),
    )
}

/// A `text/plain; charset=utf-8` part sent as 8bit.
fn text_8bit(text: &str) -> Part {
    Part::leaf(
        lines(&[
            "Content-Type: text/plain; charset=UTF-8; format=flowed",
            "Content-Transfer-Encoding: 8bit",
        ]),
        crlf(text),
    )
}

/// An attachment with `name=` and `filename=` (plain ASCII names), base64.
fn attachment(content_type: &str, filename: &str, bytes: &[u8]) -> Part {
    Part::leaf(
        vec![
            format!("Content-Type: {content_type}; name=\"{filename}\""),
            format!("Content-Disposition: attachment; filename=\"{filename}\""),
            "Content-Transfer-Encoding: base64".to_owned(),
        ],
        base64(bytes),
    )
}

fn pdf_attachment(filename: &str, bytes: &[u8]) -> Part {
    attachment("application/pdf", filename, bytes)
}

fn mixed(headers: Vec<String>, boundary: &str, parts: Vec<Part>) -> Part {
    Part::multipart(
        with(
            headers,
            &[&format!(
                "Content-Type: multipart/mixed; boundary=\"{boundary}\""
            )],
        ),
        boundary,
        Some(PREAMBLE),
        parts,
    )
}

pub(crate) fn all() -> Result<Vec<Fixture>> {
    Ok(vec![
        m01()?,
        m02()?,
        m03()?,
        m04()?,
        m05()?,
        m06(),
        m07()?,
        m08()?,
        m09()?,
        m10()?,
        m11()?,
        m12()?,
        m13()?,
        m14()?,
        m15()?,
        m16(),
        m17()?,
        m18()?,
        m19()?,
        m20()?,
        m21()?,
        m22(),
        m23()?,
        m24()?,
        m25()?,
    ])
}

fn m01() -> Result<Fixture> {
    let inv = sup::lysaker()?;
    let pdf = doc::lysaker_pdf(&inv)?;
    let env = Envelope {
        from: "Lysaker Renhold AS <faktura@lysakerrenhold.no>",
        return_path: "faktura@lysakerrenhold.no",
        relay: ("mail.lysakerrenhold.no", "192.0.2.41"),
        subject: "Faktura 2026-0412 fra Lysaker Renhold AS",
        date: date!(2026 - 04 - 14),
        time: time!(09:12:31),
        message_id: "20260414091231.7f3a2c@lysakerrenhold.no",
    };
    let body = "Hei,\n\nVedlagt følger faktura 2026-0412 for renhold i mars.\n\nTa gjerne kontakt om noe er uklart.\n\nMed vennlig hilsen\nHanne Lie\nLysaker Renhold AS\nTlf. 67 10 44 20\n";
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b01",
        vec![text_qp(body), pdf_attachment("Faktura_2026-0412.pdf", &pdf)],
    );
    Ok(fixture(
        "01-text-pdf-invoice.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("One text PDF, a complete invoice (label: value on one line, VAT 5976.125 rounds to 5976.13): posted with every field captured"),
    ))
}

fn m02() -> Result<Fixture> {
    let inv = sup::nordlys()?;
    let tif = doc::nordlys_tiff(&inv)?;
    let env = Envelope {
        from: "Kari Nilsen <post@nordlystrykk.no>",
        return_path: "post@nordlystrykk.no",
        relay: ("smtp.nordlystrykk.no", "198.51.100.23"),
        subject: "Skannet faktura 4471",
        date: date!(2026 - 04 - 15),
        time: time!(08:31:10),
        message_id: "SKM-20260415083110-4471@nordlystrykk.no",
    };
    let body = "Hei!\n\nVedlagt er faktura 4471 med følgeseddel, skannet (2 sider).\n\nMvh\nKari Nilsen\nNordlys Trykkeri AS\n";
    let msg = mixed(
        env.headers(&[]),
        "----=_Part_4471_1904716533.1776234670000",
        vec![
            text_qp(body),
            attachment("image/tiff", "SKMBT_C45826041508310.tif", &tif),
        ],
    );
    Ok(fixture(
        "02-tiff-two-pages.eml",
        msg,
        Expect::new(State::AwaitingCapture, Stage::Intake, &["MOTTAK-CAPTURE"], false)
            .describe("One 2-page greyscale TIFF (invoice 4471 and its delivery note, scanned): accepted, no text layer, waits for a clerk to capture it"),
    ))
}

fn m03() -> Result<Fixture> {
    let inv = sup::brattli()?;
    let (pdf, timesheet) = doc::brattli_pdfs(&inv)?;
    let env = Envelope {
        from: "Brattli Konsulent AS <regnskap@brattli-konsulent.no>",
        return_path: "regnskap@brattli-konsulent.no",
        relay: ("mail.brattli-konsulent.no", "203.0.113.17"),
        subject: "Faktura 26-118 og timeliste for mars",
        date: date!(2026 - 04 - 02),
        time: time!(10:05:44),
        message_id: "a81f3e0b-26118@brattli-konsulent.no",
    };
    let body = "Hei,\n\nVedlagt faktura 26-118 for rådgivning i mars, og timelisten som bilag.\n\nBeste hilsen\nOla Brattli\nBrattli Konsulent AS\n";
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b03",
        vec![
            text_qp(body),
            pdf_attachment("Faktura 26-118.pdf", &pdf),
            pdf_attachment("Timeliste mars 2026.pdf", &timesheet),
        ],
    );
    Ok(fixture(
        "03-two-pdfs.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-MULTIPLE"], true)
            .describe("Invoice and timesheet as two separate PDFs: one document per invoice is required; turned away with a reply"),
    ))
}

fn m04() -> Result<Fixture> {
    let inv = sup::sagvik()?;
    let (pdf, xlsx) = doc::sagvik_files(&inv)?;
    let env = Envelope {
        from: "Sagvik Elektro AS <faktura@sagvik-elektro.no>",
        return_path: "faktura@sagvik-elektro.no",
        relay: ("mx.sagvik-elektro.no", "192.0.2.88"),
        subject: &format!(
            "Faktura 50217 {} elektrikerarbeid Sandakerveien",
            q_words("–")
        ),
        date: date!(2026 - 04 - 07),
        time: time!(13:40:02),
        message_id: "50217.1775562002@sagvik-elektro.no",
    };
    let body = "Hei,\n\nHer kommer faktura 50217 for elektrikerarbeidet i 3. etasje. Spesifikasjon av materiell ligger ved som regneark.\n\nMvh\nSagvik Elektro AS\n";
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b04",
        vec![
            text_qp(body),
            pdf_attachment("Faktura_50217.pdf", &pdf),
            attachment(XLSX_MIME, "Materialspesifikasjon_50217.xlsx", &xlsx),
        ],
    );
    Ok(fixture(
        "04-pdf-and-xlsx.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-MULTIPLE"], true)
            .describe("Invoice PDF plus an Excel specification (XLSX): two documents; turned away with a reply"),
    ))
}

fn m05() -> Result<Fixture> {
    let inv = sup::hammerstad()?;
    let docx = doc::hammerstad_docx(&inv)?;
    let env = Envelope {
        from: "Hammerstad Bygg AS <kontor@hammerstadbygg.no>",
        return_path: "kontor@hammerstadbygg.no",
        relay: ("smtp.hammerstadbygg.no", "198.51.100.140"),
        subject: "Faktura nr 2026-031",
        date: date!(2026 - 04 - 08),
        time: time!(15:22:09),
        message_id: "000a01dcc7a3$5e1f2b40$1a5d81c0$@hammerstadbygg.no",
    };
    let body = "Hei\n\nVedlagt faktura for glassveggen.\n\nHilsen\nRune Hammerstad\n";
    let msg = mixed(
        env.headers(&["X-Mailer: Microsoft Outlook 16.0"]),
        "----=_NextPart_000_000B_01DCC7B4.21A8F340",
        vec![
            text_qp(body),
            attachment(DOCX_MIME, "Faktura 2026-031.docx", &docx),
        ],
    );
    Ok(fixture(
        "05-docx-only.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-TYPE"], true).describe(
            "The invoice as a Word document (DOCX) only: not PDF or TIFF; turned away with a reply",
        ),
    ))
}

fn m06() -> Fixture {
    let env = Envelope {
        from: "Fossum Transport AS <okonomi@fossumtransport.no>",
        return_path: "okonomi@fossumtransport.no",
        relay: ("mail.fossumtransport.no", "203.0.113.62"),
        subject: &q_words("Spørsmål om betaling av faktura 88412"),
        date: date!(2026 - 04 - 09),
        time: time!(11:03:57),
        message_id: "CAF-88412-q1@fossumtransport.no",
    };
    let body = "Hei,\n\nVi sendte faktura 88412 (forfall 31.03.2026, kr 14 375,00) for transport i februar, men kan ikke se at den er betalt.\n\nKan dere sjekke status og gi beskjed når den blir betalt?\n\nMed vennlig hilsen\nEirik Fossum\nØkonomi, Fossum Transport AS\nTlf. 69 13 40 50\n";
    let msg = Part::leaf(
        with(
            env.headers(&[]),
            &[
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
            ],
        ),
        quoted_printable(body.as_bytes()),
    );
    fixture(
        "06-question-no-attachment.eml",
        msg,
        Expect::new(State::SetAside, Stage::Intake, &["MOTTAK-EMAIL-NO-DOCUMENT"], true)
            .describe("A supplier's question about a payment, no attachment: set aside, one reply saying the address takes invoices only"),
    )
}

fn m07() -> Result<Fixture> {
    let inv = sup::kvitfjell()?;
    let pdf = doc::kvitfjell_pdf(&inv)?;
    let logo = logo_png("KK", "Kvitfjell Kaffe")?;
    let env = Envelope {
        from: "Silje Kvitfjell <kundeservice@kvitfjellkaffe.no>",
        return_path: "kundeservice@kvitfjellkaffe.no",
        relay: (
            "EUR05-AM6-obe.outbound.protection.outlook.com",
            "198.51.100.201",
        ),
        subject: "Faktura KK-88120",
        date: date!(2026 - 04 - 09),
        time: time!(11:30:18),
        message_id: "AM6PR05MB7731D2E0A4B1C66F1B2C9A0FD9C2A@AM6PR05MB7731.eurprd05.prod.outlook.com",
    };
    let plain = "Hei,\n\nVedlagt faktura KK-88120 for kaffe og maskinleie i april.\n\nMed vennlig hilsen\nSilje Kvitfjell\nKvitfjell Kaffe AS\n";
    let html = "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n</head>\n<body>\n<p>Hei,</p>\n<p>Vedlagt faktura KK-88120 for kaffe og maskinleie i april.</p>\n<p>Med vennlig hilsen<br>\nSilje Kvitfjell<br>\n<b>Kvitfjell Kaffe AS</b></p>\n<p><img src=\"cid:image001.png@01DCC8A2.4F1B3E70\" width=\"180\" height=\"40\" alt=\"Kvitfjell Kaffe\"></p>\n</body>\n</html>\n";
    let alternative = Part::multipart(
        lines(&["Content-Type: multipart/alternative; boundary=\"_000_AM6PR05MB7731alt_\""]),
        "_000_AM6PR05MB7731alt_",
        None,
        vec![
            text_qp(plain),
            Part::leaf(
                lines(&[
                    "Content-Type: text/html; charset=\"utf-8\"",
                    "Content-Transfer-Encoding: quoted-printable",
                ]),
                quoted_printable(html.as_bytes()),
            ),
        ],
    );
    let image = Part::leaf(
        lines(&[
            "Content-Type: image/png; name=\"image001.png\"",
            "Content-Description: image001.png",
            "Content-Disposition: inline; filename=\"image001.png\"; size=0",
            "Content-ID: <image001.png@01DCC8A2.4F1B3E70>",
            "Content-Transfer-Encoding: base64",
        ]),
        base64(&logo),
    );
    let related = Part::multipart(
        lines(&[
            "Content-Type: multipart/related; boundary=\"_004_AM6PR05MB7731rel_\"; type=\"multipart/alternative\"",
        ]),
        "_004_AM6PR05MB7731rel_",
        None,
        vec![alternative, image],
    );
    let msg = mixed(
        env.headers(&[
            "Thread-Topic: Faktura KK-88120",
            "Accept-Language: nb-NO, en-US",
            "Content-Language: nb-NO",
        ]),
        "_005_AM6PR05MB7731mix_",
        vec![related, pdf_attachment("Faktura KK-88120.pdf", &pdf)],
    );
    Ok(fixture(
        "07-html-inline-logo.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("Outlook HTML mail: multipart/related with an inline PNG signature logo (cid:), plus one PDF (labels and values in two columns, VAT 15 % and 25 %): the logo is not a document; posted"),
    ))
}

fn m08() -> Result<Fixture> {
    let inv = sup::tindeglimt()?;
    let pdf = doc::tindeglimt_pdf(&inv)?;
    let original = mixed(
        lines(&[
            "From: Tindeglimt Catering AS <faktura@tindeglimt.no>",
            "To: Jonas Berg <jonas.berg@digitools.no>",
            &format!(
                "Subject: {}",
                q_words("Faktura 10387 – lunsj styremøte 9. april")
            ),
            "Date: Fri, 10 Apr 2026 08:31:12 +0200",
            "Message-ID: <10387.20260410083112@tindeglimt.no>",
            "MIME-Version: 1.0",
        ]),
        "=_mottak_b08_inner",
        vec![
            text_qp(
                "Hei Jonas,\n\nTakk for oppdraget! Vedlagt faktura 10387 for lunsjen 9. april.\n\nHilsen Mona\nTindeglimt Catering AS\n",
            ),
            pdf_attachment("Faktura_10387.pdf", &pdf),
        ],
    );
    let env = Envelope {
        from: "Jonas Berg <jonas.berg@digitools.no>",
        return_path: "jonas.berg@digitools.no",
        relay: ("smtp.digitools.no", "192.0.2.10"),
        subject: "VS: Faktura 10387 fra Tindeglimt Catering",
        date: date!(2026 - 04 - 10),
        time: time!(12:02:45),
        message_id: "5b0c7e21-08aa-4d3f-9c61-2f8e5a1d0b08@digitools.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b08",
        vec![
            text_qp(
                "Hei,\n\nFikk denne direkte til meg. Videresender til fakturamottaket.\n\nJonas\n",
            ),
            Part::leaf(
                lines(&[
                    "Content-Type: message/rfc822; name=\"Faktura 10387 fra Tindeglimt Catering.eml\"",
                    "Content-Disposition: attachment; filename=\"Faktura 10387 fra Tindeglimt Catering.eml\"",
                ]),
                original.render(),
            ),
        ],
    );
    Ok(fixture(
        "08-forwarded-rfc822.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("An employee forwards the supplier's mail as a message/rfc822 attachment; the PDF inside (two VAT rates, 15 % and 25 %, Td positioning) is the one document: posted"),
    ))
}

fn m09() -> Result<Fixture> {
    let inv = sup::ornes()?;
    let pdf = doc::ornes_pdf(&inv)?;
    let filename = "faktura_åøæ.pdf";
    let env = Envelope {
        from: &format!("{} <faktura@ornesmaskin.no>", q_words("Ørnes Maskin AS")),
        return_path: "faktura@ornesmaskin.no",
        relay: ("smtp.ornesmaskin.no", "203.0.113.90"),
        subject: &q_words("Faktura ØM-2026-0207"),
        date: date!(2026 - 04 - 10),
        time: time!(14:25:00),
        message_id: "om20260207.14250@ornesmaskin.no",
    };
    let attachment = Part::leaf(
        vec![
            format!(
                "Content-Type: application/pdf; name=\"{}\"",
                b_word(filename)
            ),
            format!(
                "Content-Disposition: attachment; filename*={}",
                rfc2231(filename)
            ),
            "Content-Transfer-Encoding: base64".to_owned(),
        ],
        base64(&pdf),
    );
    let msg = mixed(
        env.headers(&["User-Agent: Mozilla Thunderbird"]),
        "------------mottak0b09ornes",
        vec![
            text_qp(
                "Hei,\n\nVedlagt faktura ØM-2026-0207 for deler levert 8. april.\n\nMvh\nTerje Ørnes\n",
            ),
            attachment,
        ],
    );
    Ok(fixture(
        "09-rfc2231-filename.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("File name faktura_åøæ.pdf as RFC 2231 filename* and RFC 2047 name=; PDF with \"Fakturanr.:\"/\"Forfall:\" in columns, amounts 1.234,50, octal-escaped æøå: posted"),
    ))
}

fn m10() -> Result<Fixture> {
    let inv = sup::saether()?;
    let pdf = doc::saether_pdf(&inv)?;
    let env = Envelope {
        from: &format!("{} <bjorn@saether-ror.no>", q_words_latin1("Bjørn Sæther")),
        return_path: "bjorn@saether-ror.no",
        relay: ("smtp.saether-ror.no", "192.0.2.160"),
        subject: &q_words_latin1("Faktura for rørleggerarbeid på kjøkkenet"),
        date: date!(2026 - 04 - 13),
        time: time!(16:07:31),
        message_id: "1893.bs@saether-ror.no",
    };
    let body = "Hei!\n\nHer er fakturaen for rørleggerarbeidet på kjøkkenet i 4. etasje.\nBlandebatteriene er montert og tett.\n\nHilsen Bjørn Sæther\nSæther Rør & Varme AS\n";
    let latin1: Vec<u8> = body.chars().map(|c| c as u32 as u8).collect();
    let msg = mixed(
        env.headers(&["X-Mailer: Eudora 7.1"]),
        "=_mottak_b10",
        vec![
            Part::leaf(
                lines(&[
                    "Content-Type: text/plain; charset=iso-8859-1",
                    "Content-Transfer-Encoding: quoted-printable",
                ]),
                quoted_printable(&latin1),
            ),
            pdf_attachment("Faktura 1893.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "10-iso-8859-1-headers.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("From name and Subject as RFC 2047 ISO-8859-1 Q words (æøå), body iso-8859-1 quoted-printable, one PDF: posted"),
    ))
}

fn m11() -> Result<Fixture> {
    let inv = sup::gronli()?;
    let pdf = doc::gronli_pdf(&inv)?;
    let env = Envelope {
        from: &format!("{} <billing@gronlidata.no>", q_words("Grønli Data AS")),
        return_path: "bounces+gd26188@gronlidata.no",
        relay: ("o1.mail.gronlidata.no", "198.51.100.77"),
        subject: "Faktura GD26188",
        date: date!(2026 - 04 - 14),
        time: time!(06:00:31),
        message_id: "gd26188.20260414060031@gronlidata.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b11",
        vec![
            text_qp("Hei,\n\nVedlagt følger faktura GD26188 for april.\n\nGrønli Data AS\n"),
            Part::leaf(
                lines(&[
                    "Content-Type: application/octet-stream; name=\"FAKTURA_GD26188\"",
                    "Content-Disposition: attachment; filename=\"FAKTURA_GD26188\"",
                    "Content-Transfer-Encoding: base64",
                ]),
                base64(&pdf),
            ),
        ],
    );
    Ok(fixture(
        "11-octet-stream-no-extension.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("The PDF declared application/octet-stream with a file name without extension (recognised from its bytes); boxed field layout, amounts 12345,50, FlateDecode content: posted"),
    ))
}

fn m12() -> Result<Fixture> {
    let inv = sup::vestby()?;
    let zip = doc::vestby_zip(&inv)?;
    let env = Envelope {
        from: "Vestby Papir AS <ordre@vestbypapir.no>",
        return_path: "ordre@vestbypapir.no",
        relay: ("mail.vestbypapir.no", "203.0.113.5"),
        subject: "Faktura VP-77120",
        date: date!(2026 - 04 - 14),
        time: time!(09:20:00),
        message_id: "vp77120-1@vestbypapir.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b12",
        vec![
            text_qp("Hei,\n\nFakturaen ligger vedlagt (komprimert).\n\nMvh\nVestby Papir AS\n"),
            pdf_attachment("faktura.pdf", &zip),
        ],
    );
    Ok(fixture(
        "12-zip-named-pdf.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-TYPE"], true)
            .describe("faktura.pdf declared application/pdf is a ZIP archive (holding the real PDF): not a PDF; turned away with a reply"),
    ))
}

fn m13() -> Result<Fixture> {
    let inv = sup::solheim()?;
    let pdf = doc::solheim_pdf(&inv)?;
    let env = Envelope {
        from: "Solheim Advokatfirma AS <post@solheimadvokat.no>",
        return_path: "post@solheimadvokat.no",
        relay: ("securemail.solheimadvokat.no", "192.0.2.201"),
        subject: &q_words("Faktura 2026-00219 – sikker forsendelse"),
        date: date!(2026 - 04 - 15),
        time: time!(10:31:12),
        message_id: "SA-2026-00219.sec@solheimadvokat.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b13",
        vec![
            text_qp(
                "Til Digitools AS\n\nVedlagt følger vår faktura 2026-00219. Dokumentet er passordbeskyttet; passordet sendes i egen SMS.\n\nMed vennlig hilsen\nSolheim Advokatfirma AS\n",
            ),
            pdf_attachment("Faktura_2026-00219.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "13-encrypted-pdf.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-PDF-ENCRYPTED"], true)
            .describe("PDF encrypted with a user password (standard security handler R3, RC4 128-bit): cannot be opened; turned away with a reply"),
    ))
}

fn m14() -> Result<Fixture> {
    let inv = sup::rypefjord()?;
    let pdf = doc::rypefjord_truncated(&inv)?;
    let env = Envelope {
        from: "Rypefjord Frakt AS <faktura@rypefjordfrakt.no>",
        return_path: "faktura@rypefjordfrakt.no",
        relay: ("mail.rypefjordfrakt.no", "198.51.100.9"),
        subject: "Faktura RF-5532",
        date: date!(2026 - 04 - 15),
        time: time!(12:10:40),
        message_id: "rf5532.121040@rypefjordfrakt.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b14",
        vec![
            text_qp(
                "Hei,\n\nVedlagt faktura RF-5532 for transport Hammerfest-Oslo.\n\nMvh\nRypefjord Frakt AS\n",
            ),
            pdf_attachment("Faktura_RF-5532.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "14-truncated-pdf.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-PDF-CORRUPT"], true)
            .describe("A text PDF cut at 60 % of its bytes (no xref, no %%EOF): unreadable; turned away with a reply"),
    ))
}

fn m15() -> Result<Fixture> {
    let inv = sup::alvheim()?;
    let (pdf, _cii) = doc::alvheim_factur_x(&inv)?;
    let env = Envelope {
        from: "Alvheim Industri AS <invoice@alvheim-industri.no>",
        return_path: "invoice@alvheim-industri.no",
        relay: ("mx.alvheim-industri.no", "203.0.113.150"),
        subject: "Faktura AI-2026-0342 (Factur-X)",
        date: date!(2026 - 04 - 15),
        time: time!(13:46:05),
        message_id: "AI-2026-0342.facturx@alvheim-industri.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b15",
        vec![
            text_qp(
                "Hei,\n\nVedlagt faktura AI-2026-0342. PDF-en inneholder også fakturaen som Factur-X (EN 16931).\n\nMed vennlig hilsen\nIngrid Alvheim\nAlvheim Industri AS\n",
            ),
            pdf_attachment("AI-2026-0342.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "15-factur-x.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("PDF with embedded Factur-X (factur-x.xml, CII EN 16931, /AF Alternative) and a matching text layer: captured from the CII; posted"),
    ))
}

fn m16() -> Fixture {
    let env = Envelope {
        from: "Per Kristian Moe <pkm@fjellheim-eiendom.no>",
        return_path: "pkm@fjellheim-eiendom.no",
        relay: (
            "EUR02-HE1-obe.outbound.protection.outlook.com",
            "198.51.100.66",
        ),
        subject: &q_words("Automatisk svar: Påminnelse om signert leieavtale"),
        date: date!(2026 - 04 - 16),
        time: time!(07:45:03),
        message_id: "HE1PR02MB3185B1A2E6D7C49F8E3A0B71D9C3A@HE1PR02MB3185.eurprd02.prod.outlook.com",
    };
    let body = "Takk for e-posten.\n\nJeg er på ferie til og med 21. april og leser ikke e-post i denne perioden. Ved hastesaker, kontakt sentralbordet på 22 11 40 00.\n\nMed vennlig hilsen\nPer Kristian Moe\nFjellheim Eiendom AS\n";
    let msg = Part::leaf(
        with(
            env.headers(&[
                "In-Reply-To: <20260416074412.kontrakt@digitools.no>",
                "Auto-Submitted: auto-replied",
                "X-Auto-Response-Suppress: All",
                "X-MS-Exchange-Inbox-Rules-Loop: pkm@fjellheim-eiendom.no",
            ]),
            &[
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
            ],
        ),
        quoted_printable(body.as_bytes()),
    );
    fixture(
        "16-out-of-office.eml",
        msg,
        Expect::new(State::SetAside, Stage::Intake, &["MOTTAK-EMAIL-NO-DOCUMENT"], false)
            .describe("An out-of-office reply (Auto-Submitted: auto-replied), no attachment: set aside, never answered"),
    )
}

fn m17() -> Result<Fixture> {
    let inv = sup::tverras()?;
    let pdf = doc::tverras_pdf(&inv)?;
    let env = Envelope {
        from: &format!(
            "{} <post@tverras-snekkeri.no>",
            q_words("Tverrås Snekkeri AS")
        ),
        return_path: "post@tverras-snekkeri.no",
        relay: ("smtp.tverras-snekkeri.no", "192.0.2.77"),
        subject: "Faktura T-2026-057",
        date: date!(2026 - 04 - 15),
        time: time!(19:23:50),
        message_id: "T2026057.192350@tverras-snekkeri.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b17",
        vec![
            text_qp(
                "Hei,\n\nVedlagt faktura for resepsjonsskranken.\n\nHilsen\nTverrås Snekkeri AS\n",
            ),
            pdf_attachment("Faktura T-2026-057.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "17-no-reference.eml",
        msg,
        Expect::new(State::Rejected, Stage::Validator, &["MOTTAK-REF"], true)
            .reading(&inv)
            .describe("A complete text PDF invoice except that it prints no reference (no Deres ref., no order number, no contact): returned with a reply"),
    ))
}

fn m18() -> Result<Fixture> {
    let inv = sup::lindeberg()?;
    let pdf = doc::lindeberg_pdf(&inv)?;
    let env = Envelope {
        from: "Lindeberg Kontorservice AS <faktura@lindeberg-kontor.no>",
        return_path: "faktura@lindeberg-kontor.no",
        relay: ("mail.lindeberg-kontor.no", "203.0.113.201"),
        subject: "Faktura LK-3391",
        date: date!(2026 - 04 - 16),
        time: time!(08:20:14),
        message_id: "LK-3391.082014@lindeberg-kontor.no",
    };
    // The boundary string appears inside a line of the 8bit text: mail-parser 0.11 takes any
    // `--boundary` as a delimiter, even in mid-line, and loses the rest of the text part.
    let body = "Hei,\n\nVedlagt faktura LK-3391 for arkivering og makulering i april.\n\nPS: Vi bruker skilletegnet --=_mottak_b18 i malen vår, så ikke bli\nforvirret om det dukker opp i teksten.\n\nMvh\nMarte Lindeberg\nLindeberg Kontorservice AS\n";
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b18",
        vec![text_8bit(body), pdf_attachment("Faktura_LK-3391.pdf", &pdf)],
    );
    Ok(fixture(
        "18-boundary-in-body.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("Regression for mail-parser 0.11: the 8bit text part contains the boundary --=_mottak_b18 in mid-line, then a valid PDF follows; the intake must still find exactly one PDF: posted"),
    ))
}

fn m19() -> Result<Fixture> {
    let inv = sup::bakken()?;
    let pdf = doc::bakken_pdf(&inv)?;
    // Our own earlier reply, returning Bakken's invoice, to an address that no longer exists.
    let original = mixed(
        lines(&[
            "From: Digitools AS Fakturamottak <faktura@digitools.no>",
            "To: regnskap@bakkenfrukt.no",
            "Subject: Faktura BF-26-1193 returnert / Invoice BF-26-1193 returned",
            "Date: Wed, 15 Apr 2026 14:00:07 +0200",
            "Message-ID: <reply.bf-26-1193.20260415140007@digitools.no>",
            "Auto-Submitted: auto-replied",
            "MIME-Version: 1.0",
        ]),
        "=_mottak_b19_orig",
        vec![
            text_qp(
                "Hei,\n\nFakturaen BF-26-1193 er returnert: den mangler referanse.\n\nDigitools AS\n",
            ),
            pdf_attachment("Faktura_BF-26-1193.pdf", &pdf),
        ],
    );
    let status = "Reporting-MTA: dns; mx.bakkenfrukt.no\nX-Postfix-Queue-ID: 4bKd2W0RqTz1x\nArrival-Date: Wed, 15 Apr 2026 14:00:09 +0200\n\nFinal-Recipient: rfc822; regnskap@bakkenfrukt.no\nOriginal-Recipient: rfc822;regnskap@bakkenfrukt.no\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mailstore.bakkenfrukt.no\nDiagnostic-Code: smtp; 550 5.1.1 <regnskap@bakkenfrukt.no>: Recipient address\n    rejected: User unknown in virtual mailbox table\n";
    let human = "This is the mail system at host mx.bakkenfrukt.no.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n                   The mail system\n\n<regnskap@bakkenfrukt.no>: host mailstore.bakkenfrukt.no said: 550 5.1.1\n    <regnskap@bakkenfrukt.no>: Recipient address rejected: User unknown in\n    virtual mailbox table\n";
    let env = Envelope {
        from: "MAILER-DAEMON@mx.bakkenfrukt.no (Mail Delivery System)",
        return_path: "",
        relay: ("mx.bakkenfrukt.no", "203.0.113.33"),
        subject: "Undelivered Mail Returned to Sender",
        date: date!(2026 - 04 - 15),
        time: time!(14:00:11),
        message_id: "20260415120011.9E1C21A0B3@mx.bakkenfrukt.no",
    };
    let boundary = "9E1C21A0B3.1776261611/mx.bakkenfrukt.no";
    let msg = Part::multipart(
        with(
            env.headers(&["Auto-Submitted: auto-replied"]),
            &[
                &format!(
                    "Content-Type: multipart/report; report-type=delivery-status;{CRLF}\tboundary=\"{boundary}\""
                ),
                "Content-Transfer-Encoding: 7bit",
            ],
        ),
        boundary,
        Some("This is a MIME-encapsulated message."),
        vec![
            Part::leaf(
                lines(&[
                    "Content-Description: Notification",
                    "Content-Type: text/plain; charset=us-ascii",
                ]),
                crlf(human),
            ),
            Part::leaf(
                lines(&[
                    "Content-Description: Delivery report",
                    "Content-Type: message/delivery-status",
                ]),
                crlf(status),
            ),
            Part::leaf(
                lines(&[
                    "Content-Description: Undelivered Message",
                    "Content-Type: message/rfc822",
                ]),
                original.render(),
            ),
        ],
    );
    Ok(fixture(
        "19-bounce-dsn.eml",
        msg,
        Expect::new(State::SetAside, Stage::Intake, &["MOTTAK-EMAIL-BOUNCE"], false)
            .describe("A delivery-status report (multipart/report, Return-Path <>, MAILER-DAEMON) returning our own reply with a supplier's PDF inside: set aside as a bounce, never answered"),
    ))
}

fn m20() -> Result<Fixture> {
    let inv = sup::holmen()?;
    let pdf = doc::holmen_scan(&inv)?;
    let env = Envelope {
        from: "Holmen Glass AS <faktura@holmenglass.no>",
        return_path: "faktura@holmenglass.no",
        relay: ("smtp.holmenglass.no", "192.0.2.130"),
        subject: "Faktura H-10442",
        date: date!(2026 - 04 - 16),
        time: time!(10:16:02),
        message_id: "scan.20260416101533.H10442@holmenglass.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b20",
        vec![
            text_qp(
                "Hei,\n\nVedlagt skannet faktura H-10442 for glassarbeid.\n\nHolmen Glass AS\n",
            ),
            pdf_attachment("Scan_20260416_101533.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "20-image-only-pdf.eml",
        msg,
        Expect::new(State::AwaitingCapture, Stage::Intake, &["MOTTAK-CAPTURE"], false)
            .describe("A scanned invoice (H-10442) as an image-only PDF: one page, one image XObject, no text layer; accepted, waits for a clerk to capture it"),
    ))
}

fn m21() -> Result<Fixture> {
    let inv = sup::eidsvoll()?;
    let (pdf, _ubl) = doc::eidsvoll_pdf_with_ubl(&inv)?;
    let env = Envelope {
        from: &format!(
            "{} <efaktura@eidsvollverktoy.no>",
            q_words("Eidsvoll Verktøy AS")
        ),
        return_path: "efaktura@eidsvollverktoy.no",
        relay: ("mail.eidsvollverktoy.no", "198.51.100.180"),
        subject: "Faktura EV-2026-1187",
        date: date!(2026 - 04 - 16),
        time: time!(13:41:20),
        message_id: "EV-2026-1187.134120@eidsvollverktoy.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b21",
        vec![
            text_qp(
                "Hei,\n\nVedlagt faktura EV-2026-1187. EHF-fakturaen ligger innebygd i PDF-en.\n\nMvh\nLars Eid\nEidsvoll Verktøy AS\n",
            ),
            pdf_attachment("Faktura_EV-2026-1187.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "21-pdf-with-ubl.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("PDF with an embedded EHF/Peppol BIS 3.0 UBL invoice (EV-2026-1187.xml in /AF, Alternative) and a matching compressed text layer: captured from the UBL; posted"),
    ))
}

fn m22() -> Fixture {
    let env = Envelope {
        from: "Kontorpartner <nyhetsbrev@kontorpartner.no>",
        return_path: "bounce-mc.us21_1044.7712-faktura=digitools.no@mail.kontorpartner.no",
        relay: ("mail.kontorpartner.no", "203.0.113.240"),
        subject: &q_words("Vårkampanje: 30 % på kontorstoler 🌷"),
        date: date!(2026 - 04 - 16),
        time: time!(06:00:00),
        message_id: "nl-2026-16.7712@mail.kontorpartner.no",
    };
    let html = "<!DOCTYPE html>\n<html lang=\"no\">\n<head><meta charset=\"utf-8\"><title>Vårkampanje</title></head>\n<body style=\"font-family: Arial, sans-serif\">\n<h1>Vårkampanje hos Kontorpartner</h1>\n<p>Nå får du 30 % rabatt på alle kontorstoler ut april. Gjelder også hev/senk-pulter fra Flexi.</p>\n<p><a href=\"https://kontorpartner.no/kampanje/var-2026?utm_source=nyhetsbrev\">Se alle tilbud</a></p>\n<p><img src=\"https://kontorpartner.no/img/nyhetsbrev/stol.jpg\" width=\"560\" alt=\"Kontorstol\"></p>\n<p style=\"font-size: 11px\">Du mottar denne e-posten fordi faktura@digitools.no er registrert som kunde. <a href=\"https://kontorpartner.no/avmeld?u=7712\">Meld deg av</a>.</p>\n</body>\n</html>\n";
    let msg = Part::leaf(
        with(
            env.headers(&[
                "List-Unsubscribe: <https://kontorpartner.no/avmeld?u=7712>, <mailto:avmeld@kontorpartner.no?subject=unsubscribe>",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "List-Id: Kontorpartner nyhetsbrev <nyhetsbrev.kontorpartner.no>",
                "Precedence: bulk",
                "X-Mailer: Mailchimp Mailer - **CID7712nl16**",
            ]),
            &[
                "Content-Type: text/html; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
            ],
        ),
        quoted_printable(html.as_bytes()),
    );
    fixture(
        "22-newsletter.eml",
        msg,
        Expect::new(State::SetAside, Stage::Intake, &["MOTTAK-EMAIL-NO-DOCUMENT"], false)
            .describe("A newsletter (List-Unsubscribe, Precedence: bulk), HTML only, no attachment: set aside, never answered"),
    )
}

fn m23() -> Result<Fixture> {
    let inv = sup::lunde()?;
    let xml = doc::lunde_xml(&inv)?;
    let env = Envelope {
        from: "Lunde IT-Service AS <faktura@lunde-it.no>",
        return_path: "faktura@lunde-it.no",
        relay: ("smtp.lunde-it.no", "192.0.2.99"),
        subject: "EHF-faktura LIT-26-0311",
        date: date!(2026 - 04 - 17),
        time: time!(09:02:12),
        message_id: "LIT-26-0311.ehf@lunde-it.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b23",
        vec![
            text_qp(
                "Hei,\n\nVi får ikke sendt via aksesspunktet vårt for tiden, så her er EHF-fakturaen som vedlegg.\n\nMvh\nLunde IT-Service AS\n",
            ),
            attachment("application/xml", "invoice.xml", xml.as_bytes()),
        ],
    );
    Ok(fixture(
        "23-ehf-xml-attached.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-TYPE"], true)
            .describe("A valid EHF (UBL Invoice) XML attached directly as invoice.xml: e-mail takes PDF or TIFF only; turned away with a reply telling the sender to use Peppol"),
    ))
}

fn m24() -> Result<Fixture> {
    let moen = sup::moen()?;
    let skaret = sup::skaret()?;
    let moen_pdf = doc::moen_pdf(&moen)?;
    let skaret_pdf = doc::skaret_pdf(&skaret)?;
    let env = Envelope {
        from: "Digitools AS Fakturamottak <faktura@digitools.no>",
        return_path: "faktura@digitools.no",
        relay: ("smtp.digitools.no", "192.0.2.10"),
        subject: "VS: Fakturaer til attestasjon",
        date: date!(2026 - 04 - 17),
        time: time!(07:00:02),
        message_id: "fwd.attest.20260417070002@digitools.no",
    };
    let msg = mixed(
        env.headers(&[]),
        "=_mottak_b24",
        vec![
            text_qp("Videresendt automatisk av regel \"Til attestasjon\".\n"),
            pdf_attachment("Faktura_MK-2026-0088.pdf", &moen_pdf),
            pdf_attachment("Faktura_SV-44810.pdf", &skaret_pdf),
        ],
    );
    Ok(fixture(
        "24-own-address-loop.eml",
        msg,
        Expect::new(State::Rejected, Stage::Intake, &["MOTTAK-EMAIL-MULTIPLE"], false)
            .describe("A mail from our own address faktura@digitools.no with two PDFs (a forwarding loop): turned away as two documents, but never answered"),
    ))
}

fn m25() -> Result<Fixture> {
    let inv = sup::glommen()?;
    let pdf = doc::glommen_pdf(&inv)?;
    let env = Envelope {
        from: "Glommen Kraft AS <noreply@billing.glommenkraft.no>",
        return_path: "noreply@billing.glommenkraft.no",
        relay: ("out3.billing.glommenkraft.no", "198.51.100.3"),
        subject: "Din faktura fra Glommen Kraft (700184432)",
        date: date!(2026 - 04 - 17),
        time: time!(02:15:09),
        message_id: "700184432.20260417021509.billing@glommenkraft.no",
    };
    let msg = mixed(
        env.headers(&[
            "Reply-To: Glommen Kraft kundeservice <kundeservice@glommenkraft.no>",
            "Auto-Submitted: auto-generated",
            "X-Auto-Response-Suppress: OOF, AutoReply",
        ]),
        "=_mottak_b25",
        vec![
            text_qp(
                "Hei,\n\nVedlagt er fakturaen for strømforbruket ditt i mars.\n\nDenne e-posten er sendt automatisk og kan ikke besvares. Spørsmål? Kontakt kundeservice@glommenkraft.no.\n\nGlommen Kraft AS\n",
            ),
            pdf_attachment("Faktura_700184432.pdf", &pdf),
        ],
    );
    Ok(fixture(
        "25-auto-generated-invoice.eml",
        msg,
        Expect::new(State::Posted, Stage::Poster, &[], false)
            .reading(&inv)
            .describe("An invoice from a billing system (Auto-Submitted: auto-generated) with one text PDF (boxed fields, compressed content): accepted and posted; only answering would be suppressed"),
    ))
}

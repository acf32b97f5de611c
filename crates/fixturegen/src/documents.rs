//! The attachments: every document a fixture mail carries, built from the supplier data.

use anyhow::Result;

use crate::invoice::{Invoice, Numbers, iso};
use crate::layout::{
    Fields, LABELS_ABBREVIATED, LABELS_FULL, LABELS_SHORT, Style, invoice_sheet, text_sheet,
    timesheet_sheet,
};
use crate::ooxml::{CellValue, docx, xlsx, zip};
use crate::pdf::{self, Embedded, Meta, Positioning, TextOptions};
use crate::raster::{Bitmap, tiff};
use crate::xml;

const PLAIN: TextOptions = TextOptions {
    positioning: Positioning::Tm,
    compress: false,
    octal_escapes: false,
};

/// Label: value on one line; "Faktureres til:"; "Å betale".
const STYLE_INLINE: Style = Style {
    fields: Fields::Inline,
    labels: LABELS_FULL,
    numbers: Numbers::SpaceGrouped,
    buyer_heading: "Faktureres til:",
    total_label: "Å betale",
    header_org: false,
};

/// Labels in a left column, values in a right one; "Kunde:"; "Totalt inkl. mva".
const STYLE_COLUMNS: Style = Style {
    fields: Fields::Columns,
    labels: LABELS_SHORT,
    numbers: Numbers::SpaceGrouped,
    buyer_heading: "Kunde:",
    total_label: "Totalt inkl. mva",
    header_org: false,
};

fn meta(inv: &Invoice, producer: &'static str, created: &'static str) -> Meta {
    Meta {
        title: format!("Faktura {}", inv.number),
        author: inv.supplier.name.to_owned(),
        creator: producer,
        producer,
        created,
    }
}

fn invoice_pdf(
    inv: &Invoice,
    style: &Style,
    options: TextOptions,
    producer: &'static str,
    created: &'static str,
) -> Result<Vec<u8>> {
    inv.check()?;
    pdf::text_pdf(
        &[invoice_sheet(inv, style)],
        &meta(inv, producer, created),
        options,
        &[],
        None,
    )
}

/// 01: the plain case. Inline fields, absolute positioning.
pub(crate) fn lysaker_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &STYLE_INLINE,
        PLAIN,
        "Tripletex",
        "D:20260413141502+02'00'",
    )
}

/// 02: two scanned pages (the invoice and a delivery note) as one TIFF.
pub(crate) fn nordlys_tiff(inv: &Invoice) -> Result<Vec<u8>> {
    inv.check()?;
    let mut page1 = Bitmap::a4(150, 255);
    page1.draw(&invoice_sheet(inv, &STYLE_COLUMNS), 0);
    let mut page2 = Bitmap::a4(150, 255);
    page2.draw(
        &text_sheet(
            "Følgeseddel 4471",
            &[
                "Nordlys Trykkeri AS - Storgata 88, 9008 Tromsø",
                "",
                "Levert til: Digitools AS, Sandakerveien 138, 0484 Oslo",
                "Levert dato: 13.04.2026",
                "",
                "4 pk   Visittkort, 4 ansatte à 250",
                "2000 stk   Konvolutter C5 med logo",
                "2 stk   Roll-up 85x200 cm",
                "",
                "Mottatt av: ______________________",
            ],
        ),
        0,
    );
    tiff(&[page1, page2], "KONICA MINOLTA bizhub C458")
}

/// 03: the invoice and its timesheet, as two PDFs.
pub(crate) fn brattli_pdfs(inv: &Invoice) -> Result<(Vec<u8>, Vec<u8>)> {
    let invoice = invoice_pdf(
        inv,
        &STYLE_INLINE,
        PLAIN,
        "PowerOffice Go",
        "D:20260402090000+02'00'",
    )?;
    let rows = [
        ("03.03.2026", "Ola Brattli", "Kartlegging, prosesser", "7,5"),
        ("10.03.2026", "Ola Brattli", "Workshop innkjøp", "7,5"),
        (
            "17.03.2026",
            "Ingrid Vik",
            "Oppsett leverandørregister",
            "7,5",
        ),
        ("24.03.2026", "Ingrid Vik", "Test fakturaflyt", "7,5"),
        ("31.03.2026", "Ola Brattli", "Opplæring", "7,5"),
    ];
    let sheet = timesheet_sheet(inv, "Timeliste mars 2026", &rows, "37,5");
    let timesheet = pdf::text_pdf(
        &[sheet],
        &Meta {
            title: "Timeliste mars 2026".to_owned(),
            author: inv.supplier.name.to_owned(),
            creator: "Microsoft Excel",
            producer: "Microsoft Excel",
            created: "D:20260401163011+02'00'",
        },
        PLAIN,
        &[],
        None,
    )?;
    Ok((invoice, timesheet))
}

/// 04: the invoice PDF and an Excel specification of the materials.
pub(crate) fn sagvik_files(inv: &Invoice) -> Result<(Vec<u8>, Vec<u8>)> {
    let invoice = invoice_pdf(
        inv,
        &STYLE_INLINE,
        PLAIN,
        "Visma Business",
        "D:20260407101500+02'00'",
    )?;
    use CellValue::{Number, Text};
    let rows = vec![
        vec![
            Text("Varenr."),
            Text("Beskrivelse"),
            Text("Antall"),
            Text("Pris"),
            Text("Sum"),
        ],
        vec![
            Text("EL-1044"),
            Text("Stikkontakt 2-veis jordet, hvit"),
            Number("24"),
            Number("89.9"),
            Number("2157.6"),
        ],
        vec![
            Text("EL-2210"),
            Text("Kabel PFSP 3G2,5 (m)"),
            Number("180"),
            Number("14.2"),
            Number("2556"),
        ],
        vec![
            Text("EL-3105"),
            Text("Kursautomat 16A C"),
            Number("8"),
            Number("252.35"),
            Number("2018.8"),
        ],
        vec![
            Text(""),
            Text("Sum materiell"),
            Text(""),
            Text(""),
            Number("6732.4"),
        ],
    ];
    Ok((invoice, xlsx("Materiell 50217", &rows)))
}

/// 05: an invoice written in Word.
pub(crate) fn hammerstad_docx(inv: &Invoice) -> Result<Vec<u8>> {
    inv.check()?;
    let n = Numbers::SpaceGrouped;
    let mut p: Vec<String> = vec![
        format!("**{}**", inv.supplier.name),
        format!(
            "{}, {} {}",
            inv.supplier.street, inv.supplier.postcode, inv.supplier.city
        ),
        format!("Org.nr. {}", inv.supplier.printed_vat()),
        String::new(),
        "**FAKTURA**".to_owned(),
        format!("Fakturanummer: {}", inv.number),
        format!("Fakturadato: {}", crate::invoice::norwegian(inv.issue)),
        format!("Forfallsdato: {}", crate::invoice::norwegian(inv.due)),
        format!("Deres ref.: {}", inv.buyer_reference.unwrap_or_default()),
        "Faktureres til: Digitools AS, Sandakerveien 138, 0484 Oslo".to_owned(),
        String::new(),
    ];
    for line in &inv.lines {
        p.push(format!(
            "{} – {} {} à {} = {}",
            line.description,
            n.quantity(line.quantity),
            line.unit,
            n.amount(line.price),
            n.amount(line.amount())
        ));
    }
    p.push(String::new());
    p.push(format!("Sum eks. mva: {}", n.amount(inv.net())));
    p.push(format!("Mva 25 %: {}", n.amount(inv.vat())));
    p.push(format!("**Å betale: NOK {}**", n.amount(inv.payable())));
    p.push(format!(
        "Betales til kontonummer {}",
        inv.supplier.printed_account()
    ));
    let refs: Vec<&str> = p.iter().map(String::as_str).collect();
    Ok(docx(&refs))
}

/// 07: columns layout with the short label spellings.
pub(crate) fn kvitfjell_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &STYLE_COLUMNS,
        PLAIN,
        "Fiken",
        "D:20260409111204+02'00'",
    )
}

/// 08: two VAT rates (15 % food, 25 % service), relative `Td` positioning.
pub(crate) fn tindeglimt_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &STYLE_INLINE,
        TextOptions {
            positioning: Positioning::Td,
            compress: false,
            octal_escapes: false,
        },
        "Uni Economy",
        "D:20260410083000+02'00'",
    )
}

/// 09: "Fakturanr." / "Forfall:", columns, dot-grouped amounts, octal escapes.
pub(crate) fn ornes_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &Style {
            fields: Fields::Columns,
            labels: LABELS_ABBREVIATED,
            numbers: Numbers::DotGrouped,
            buyer_heading: "Faktureres til:",
            total_label: "Å betale",
            header_org: true,
        },
        TextOptions {
            positioning: Positioning::Td,
            compress: false,
            octal_escapes: true,
        },
        "24SevenOffice",
        "D:20260410142233+02'00'",
    )
}

/// 10: inline fields with the org number in the header too.
pub(crate) fn saether_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &Style {
            header_org: true,
            ..STYLE_INLINE
        },
        PLAIN,
        "Microsoft: Print To PDF",
        "D:20260413160541+02'00'",
    )
}

/// 11: boxed fields, ungrouped amounts, FlateDecode content.
pub(crate) fn gronli_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &Style {
            fields: Fields::Boxed,
            labels: LABELS_SHORT,
            numbers: Numbers::Ungrouped,
            buyer_heading: "Kunde:",
            total_label: "Å betale",
            header_org: false,
        },
        TextOptions {
            positioning: Positioning::Tm,
            compress: true,
            octal_escapes: false,
        },
        "Xledger",
        "D:20260414060011+02'00'",
    )
}

/// 12: a ZIP archive holding the invoice PDF, sent under the name `faktura.pdf`.
pub(crate) fn vestby_zip(inv: &Invoice) -> Result<Vec<u8>> {
    let pdf = invoice_pdf(
        inv,
        &STYLE_INLINE,
        PLAIN,
        "Visma eAccounting",
        "D:20260414091000+02'00'",
    )?;
    Ok(zip(&[("Faktura_VP-77120.pdf", &pdf)]))
}

/// 13: encrypted with a user password (RC4 128-bit).
pub(crate) fn solheim_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    let clear = invoice_pdf(
        inv,
        &STYLE_COLUMNS,
        PLAIN,
        "Advokat.net Faktura",
        "D:20260415103000+02'00'",
    )?;
    pdf::encrypt(&clear, "Sol2026!", "solheim-eier-8841")
}

/// 14: a valid invoice PDF cut at 60 % of its bytes.
pub(crate) fn rypefjord_truncated(inv: &Invoice) -> Result<Vec<u8>> {
    let whole = invoice_pdf(
        inv,
        &STYLE_INLINE,
        PLAIN,
        "Tripletex",
        "D:20260415120000+02'00'",
    )?;
    Ok(pdf::truncate(&whole, 60))
}

/// 15: Factur-X: the text layer plus `factur-x.xml` (CII, EN 16931) as an associated file.
pub(crate) fn alvheim_factur_x(inv: &Invoice) -> Result<(Vec<u8>, String)> {
    inv.check()?;
    let cii = xml::cii(inv);
    let producer = "Alvheim ERP / Factur-X 1.0";
    let title = format!("Faktura {}", inv.number);
    let xmp = xml::factur_x_xmp(&title, producer, "2026-04-15T13:45:00+02:00");
    let pdf = pdf::text_pdf(
        &[invoice_sheet(inv, &STYLE_COLUMNS)],
        &meta(inv, producer, "D:20260415134500+02'00'"),
        PLAIN,
        &[Embedded {
            filename: "factur-x.xml",
            mime: "text/xml",
            description: "Factur-X Invoice",
            relationship: "Alternative",
            mod_date: "D:20260415134500+02'00'",
            compress: true,
            data: cii.clone().into_bytes(),
        }],
        Some(&xmp),
    )?;
    Ok((pdf, cii))
}

/// 17: no reference of any kind printed.
pub(crate) fn tverras_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &Style {
            labels: LABELS_ABBREVIATED,
            ..STYLE_INLINE
        },
        PLAIN,
        "Fiken",
        "D:20260415192211+02'00'",
    )
}

/// 18
pub(crate) fn lindeberg_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &Style {
            numbers: Numbers::DotGrouped,
            ..STYLE_COLUMNS
        },
        PLAIN,
        "Conta",
        "D:20260416081500+02'00'",
    )
}

/// 19
pub(crate) fn bakken_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &STYLE_INLINE,
        PLAIN,
        "Tripletex",
        "D:20260408100000+02'00'",
    )
}

/// 20: the invoice printed, then scanned to an image-only PDF.
pub(crate) fn holmen_scan(inv: &Invoice) -> Result<Vec<u8>> {
    inv.check()?;
    let mut page = Bitmap::a4(150, 255);
    page.draw(&invoice_sheet(inv, &STYLE_INLINE), 0);
    pdf::image_pdf(
        &page,
        &Meta {
            title: "Scan_20260416_101533".to_owned(),
            author: String::new(),
            creator: "Canon iR-ADV C5535",
            producer: "Canon iR-ADV C5535 PDF",
            created: "D:20260416101533+02'00'",
        },
    )
}

/// 21: the text layer plus the EHF (Peppol BIS 3.0 UBL) invoice as an associated file.
pub(crate) fn eidsvoll_pdf_with_ubl(inv: &Invoice) -> Result<(Vec<u8>, String)> {
    inv.check()?;
    let ubl = xml::ubl(inv, None);
    let pdf = pdf::text_pdf(
        &[invoice_sheet(inv, &STYLE_INLINE)],
        &meta(
            inv,
            "Eidsvoll Verktøy ordresystem",
            "D:20260416134000+02'00'",
        ),
        TextOptions {
            positioning: Positioning::Td,
            compress: true,
            octal_escapes: false,
        },
        &[Embedded {
            filename: "EV-2026-1187.xml",
            mime: "application/xml",
            description: "EHF-faktura (Peppol BIS Billing 3.0)",
            relationship: "Alternative",
            mod_date: "D:20260416134000+02'00'",
            compress: false,
            data: ubl.clone().into_bytes(),
        }],
        None,
    )?;
    Ok((pdf, ubl))
}

/// 23: the EHF XML on its own.
pub(crate) fn lunde_xml(inv: &Invoice) -> Result<String> {
    inv.check()?;
    Ok(xml::ubl(
        inv,
        Some(&format!("Support og utstyr april, {}", iso(inv.issue))),
    ))
}

/// 24
pub(crate) fn moen_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &STYLE_COLUMNS,
        PLAIN,
        "Tripletex",
        "D:20260401070000+02'00'",
    )
}

pub(crate) fn skaret_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &STYLE_INLINE,
        PLAIN,
        "Visma Business",
        "D:20260401071500+02'00'",
    )
}

/// 25: a billing system's invoice: boxed fields, compressed content.
pub(crate) fn glommen_pdf(inv: &Invoice) -> Result<Vec<u8>> {
    invoice_pdf(
        inv,
        &Style {
            fields: Fields::Boxed,
            labels: LABELS_FULL,
            numbers: Numbers::SpaceGrouped,
            buyer_heading: "Faktureres til:",
            total_label: "Totalt inkl. mva",
            header_org: true,
        },
        TextOptions {
            positioning: Positioning::Tm,
            compress: true,
            octal_escapes: false,
        },
        "Glommen Kraft fakturasystem (iText)",
        "D:20260417021503+02'00'",
    )
}

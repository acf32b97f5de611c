//! Where an invoice's text goes on an A4 page, independent of how it is drawn: the PDF text
//! layer and the raster "scans" render the same [`Sheet`].
//!
//! The layouts differ on purpose, as suppliers' invoices do: labels and values in one cell
//! (`Fakturanummer: 2026-0412`), labels in one column and values in another, or a boxed row of
//! labels over values; label spellings vary (`Fakturanummer`, `Faktura nr.`, `Fakturanr.`,
//! `Forfallsdato`, `Forfall`) and so does the amount format.

use crate::checks::grouped_org;
use crate::invoice::{
    BUYER_CITY, BUYER_NAME, BUYER_ORG, BUYER_POSTCODE, BUYER_STREET, Invoice, Numbers, norwegian,
    rate,
};

/// Page size in points (A4).
pub(crate) const PAGE_WIDTH: f64 = 595.0;
pub(crate) const PAGE_HEIGHT: f64 = 842.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 539.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Font {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    /// `x` is the right edge.
    Right,
}

/// One run of text: a single `Tj` in the PDF.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub(crate) x: f64,
    /// Baseline, from the bottom of the page.
    pub(crate) y: f64,
    pub(crate) size: f64,
    pub(crate) font: Font,
    pub(crate) align: Align,
    pub(crate) text: String,
}

/// A horizontal line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) x1: f64,
    pub(crate) x2: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Sheet {
    pub(crate) cells: Vec<Cell>,
    pub(crate) rules: Vec<Rule>,
}

impl Sheet {
    fn put(&mut self, x: f64, y: f64, size: f64, font: Font, align: Align, text: &str) {
        self.cells.push(Cell {
            x,
            y,
            size,
            font,
            align,
            text: text.to_owned(),
        });
    }
    pub(crate) fn text(&mut self, x: f64, y: f64, size: f64, text: &str) {
        self.put(x, y, size, Font::Regular, Align::Left, text);
    }
    pub(crate) fn bold(&mut self, x: f64, y: f64, size: f64, text: &str) {
        self.put(x, y, size, Font::Bold, Align::Left, text);
    }
    pub(crate) fn right(&mut self, x: f64, y: f64, size: f64, text: &str) {
        self.put(x, y, size, Font::Regular, Align::Right, text);
    }
    pub(crate) fn right_bold(&mut self, x: f64, y: f64, size: f64, text: &str) {
        self.put(x, y, size, Font::Bold, Align::Right, text);
    }
    pub(crate) fn rule(&mut self, x1: f64, x2: f64, y: f64, width: f64) {
        self.rules.push(Rule { x1, x2, y, width });
    }
}

/// How the field block is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fields {
    /// `Fakturanummer: 2026-0412` in one cell per field.
    Inline,
    /// Labels in a left column, values in a right column, one cell each.
    Columns,
    /// A boxed row of small labels over their values, across the page.
    Boxed,
}

/// The label spellings one supplier's invoice uses.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Labels {
    pub(crate) number: &'static str,
    pub(crate) issue: &'static str,
    pub(crate) due: &'static str,
    pub(crate) buyer_ref: &'static str,
    pub(crate) seller_ref: &'static str,
    pub(crate) order_ref: &'static str,
    pub(crate) kid: &'static str,
    pub(crate) account: &'static str,
}

pub(crate) const LABELS_FULL: Labels = Labels {
    number: "Fakturanummer:",
    issue: "Fakturadato:",
    due: "Forfallsdato:",
    buyer_ref: "Deres ref.:",
    seller_ref: "Vår ref.:",
    order_ref: "Bestillingsnr.:",
    kid: "KID:",
    account: "Kontonummer:",
};

pub(crate) const LABELS_SHORT: Labels = Labels {
    number: "Faktura nr.",
    issue: "Fakturadato",
    due: "Forfall",
    buyer_ref: "Deres ref.",
    seller_ref: "Vår ref.",
    order_ref: "Bestillingsnr.",
    kid: "KID",
    account: "Kontonr.",
};

pub(crate) const LABELS_ABBREVIATED: Labels = Labels {
    number: "Fakturanr.:",
    issue: "Fakturadato:",
    due: "Forfall:",
    buyer_ref: "Deres ref.:",
    seller_ref: "Vår ref.:",
    order_ref: "Bestillingsnr.:",
    kid: "KID-nr.:",
    account: "Bankkonto:",
};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub(crate) fields: Fields,
    pub(crate) labels: Labels,
    pub(crate) numbers: Numbers,
    /// `Faktureres til:` or `Kunde:`.
    pub(crate) buyer_heading: &'static str,
    /// `Å betale` or `Totalt inkl. mva`.
    pub(crate) total_label: &'static str,
    /// Also print `Org.nr. NO … MVA` under the supplier's address in the header.
    pub(crate) header_org: bool,
}

/// The invoice as a supplier's invoicing program prints it.
pub(crate) fn invoice_sheet(invoice: &Invoice, style: &Style) -> Sheet {
    let mut s = Sheet::default();
    let supplier = &invoice.supplier;
    let n = style.numbers;

    // Header: supplier left, title right.
    s.bold(LEFT, 786.0, 16.0, supplier.name);
    let mut y = 770.0;
    for line in [
        supplier.street.to_owned(),
        format!("{} {}", supplier.postcode, supplier.city),
        format!("Tlf. {}", supplier.phone),
        supplier.email.to_owned(),
    ] {
        s.text(LEFT, y, 9.0, &line);
        y -= 11.0;
    }
    if style.header_org {
        s.text(LEFT, y, 9.0, &format!("Org.nr. {}", supplier.printed_vat()));
    }
    s.right_bold(RIGHT, 786.0, 20.0, "FAKTURA");

    // Buyer block.
    s.text(LEFT, 700.0, 8.0, style.buyer_heading);
    s.bold(LEFT, 686.0, 10.0, BUYER_NAME);
    let mut y = 672.0;
    let mut buyer_lines = Vec::new();
    if let Some(contact) = invoice.contact {
        buyer_lines.push(format!("Att.: {contact}"));
    }
    buyer_lines.push(BUYER_STREET.to_owned());
    buyer_lines.push(format!("{BUYER_POSTCODE} {BUYER_CITY}"));
    buyer_lines.push(format!("Org.nr. {}", grouped_org(BUYER_ORG)));
    for line in &buyer_lines {
        s.text(LEFT, y, 10.0, line);
        y -= 14.0;
    }

    // Field block.
    let l = style.labels;
    let mut fields: Vec<(&str, String)> = vec![
        (l.number, invoice.number.to_owned()),
        (l.issue, norwegian(invoice.issue)),
        (l.due, norwegian(invoice.due)),
    ];
    for (label, value) in [
        (l.buyer_ref, invoice.buyer_reference),
        (l.seller_ref, invoice.seller_reference),
        (l.order_ref, invoice.order_reference),
    ] {
        if let Some(value) = value {
            fields.push((label, value.to_owned()));
        }
    }
    if let Some(kid) = &invoice.kid {
        fields.push((l.kid, kid.clone()));
    }
    fields.push((l.account, supplier.printed_account()));

    let table_top = match style.fields {
        Fields::Inline => {
            let mut y = 700.0;
            for (label, value) in &fields {
                s.text(330.0, y, 10.0, &format!("{label} {value}"));
                y -= 14.0;
            }
            y.min(600.0) - 30.0
        }
        Fields::Columns => {
            let mut y = 700.0;
            for (label, value) in &fields {
                s.text(330.0, y, 10.0, label);
                s.text(440.0, y, 10.0, value);
                y -= 14.0;
            }
            y.min(600.0) - 30.0
        }
        Fields::Boxed => {
            // Two rows of four boxes under the address blocks.
            let mut top = 600.0;
            for row in fields.chunks(4) {
                s.rule(LEFT, RIGHT, top + 12.0, 0.5);
                for (i, (label, value)) in row.iter().enumerate() {
                    let x = LEFT + 4.0 + i as f64 * 121.0;
                    s.text(x, top, 7.0, label.trim_end_matches(':'));
                    s.text(x, top - 13.0, 10.0, value);
                }
                top -= 34.0;
            }
            s.rule(LEFT, RIGHT, top + 12.0, 0.5);
            top - 26.0
        }
    };

    // Item table.
    let mut y = table_top;
    s.bold(LEFT, y, 9.0, "Beskrivelse");
    s.right_bold(330.0, y, 9.0, "Antall");
    s.bold(338.0, y, 9.0, "Enhet");
    s.right_bold(440.0, y, 9.0, "Enhetspris");
    s.right_bold(480.0, y, 9.0, "Mva %");
    s.right_bold(RIGHT, y, 9.0, "Beløp");
    s.rule(LEFT, RIGHT, y - 5.0, 0.75);
    y -= 20.0;
    for line in &invoice.lines {
        s.text(LEFT, y, 9.0, line.description);
        s.right(330.0, y, 9.0, &n.quantity(line.quantity));
        s.text(338.0, y, 9.0, line.unit);
        s.right(440.0, y, 9.0, &n.amount(line.price));
        s.right(480.0, y, 9.0, &rate(line.vat_rate));
        s.right(RIGHT, y, 9.0, &n.amount(line.amount()));
        y -= 15.0;
    }
    s.rule(LEFT, RIGHT, y + 8.0, 0.5);

    // Totals.
    y -= 12.0;
    s.text(330.0, y, 10.0, "Sum eks. mva");
    s.right(RIGHT, y, 10.0, &n.amount(invoice.net()));
    for group in invoice.vat_groups() {
        y -= 15.0;
        s.text(
            330.0,
            y,
            10.0,
            &format!("Mva {} % av {}", rate(group.rate), n.amount(group.base)),
        );
        s.right(RIGHT, y, 10.0, &n.amount(group.vat));
    }
    y -= 6.0;
    s.rule(330.0, RIGHT, y, 0.75);
    y -= 16.0;
    s.bold(330.0, y, 11.0, &format!("{} NOK", style.total_label));
    s.right_bold(RIGHT, y, 11.0, &n.amount(invoice.payable()));

    // Payment note.
    y -= 40.0;
    let mut note = format!(
        "Beløpet betales til kontonummer {}",
        supplier.printed_account()
    );
    if invoice.kid.is_some() {
        note.push_str(". Husk å oppgi KID ved betaling.");
    } else {
        note.push_str(". Oppgi fakturanummer ved betaling.");
    }
    s.text(LEFT, y, 9.0, &note);

    footer(&mut s, invoice);
    s
}

/// `<Supplier> · Org.nr. NO 9xx xxx xxx MVA · Kontonr. xxxx.xx.xxxxx`
fn footer(s: &mut Sheet, invoice: &Invoice) {
    let supplier = &invoice.supplier;
    s.rule(LEFT, RIGHT, 52.0, 0.5);
    s.text(
        LEFT,
        40.0,
        8.0,
        &format!(
            "{} · Org.nr. {} · Kontonr. {}",
            supplier.name,
            supplier.printed_vat(),
            supplier.printed_account()
        ),
    );
    s.text(
        LEFT,
        30.0,
        8.0,
        &format!(
            "{}, {} {} · Tlf. {} · {}",
            supplier.street, supplier.postcode, supplier.city, supplier.phone, supplier.email
        ),
    );
}

/// A timesheet: a PDF that belongs with an invoice but is not one.
pub(crate) fn timesheet_sheet(
    invoice: &Invoice,
    title: &str,
    rows: &[(&str, &str, &str, &str)],
    total_hours: &str,
) -> Sheet {
    let mut s = Sheet::default();
    s.bold(LEFT, 786.0, 16.0, invoice.supplier.name);
    s.right_bold(RIGHT, 786.0, 14.0, "TIMELISTE");
    s.text(LEFT, 750.0, 10.0, title);
    s.text(
        LEFT,
        735.0,
        10.0,
        &format!("Vedlegg til faktura {}", invoice.number),
    );
    s.text(LEFT, 720.0, 10.0, &format!("Kunde: {BUYER_NAME}"));
    let mut y = 680.0;
    s.bold(LEFT, y, 9.0, "Dato");
    s.bold(130.0, y, 9.0, "Konsulent");
    s.bold(260.0, y, 9.0, "Aktivitet");
    s.right_bold(RIGHT, y, 9.0, "Timer");
    s.rule(LEFT, RIGHT, y - 5.0, 0.75);
    y -= 20.0;
    for (date, who, activity, hours) in rows {
        s.text(LEFT, y, 9.0, date);
        s.text(130.0, y, 9.0, who);
        s.text(260.0, y, 9.0, activity);
        s.right(RIGHT, y, 9.0, hours);
        y -= 15.0;
    }
    s.rule(LEFT, RIGHT, y + 8.0, 0.5);
    y -= 10.0;
    s.bold(260.0, y, 10.0, "Sum timer");
    s.right_bold(RIGHT, y, 10.0, total_hours);
    s.text(
        LEFT,
        40.0,
        8.0,
        &format!(
            "{} · Org.nr. {}",
            invoice.supplier.name,
            invoice.supplier.printed_vat()
        ),
    );
    s
}

/// Plain paragraphs top-down (a letter, or page 2 of a scan).
pub(crate) fn text_sheet(title: &str, paragraphs: &[&str]) -> Sheet {
    let mut s = Sheet::default();
    s.bold(LEFT, 786.0, 14.0, title);
    let mut y = 750.0;
    for p in paragraphs {
        if p.is_empty() {
            y -= 8.0;
            continue;
        }
        s.text(LEFT, y, 10.0, p);
        y -= 15.0;
    }
    s
}

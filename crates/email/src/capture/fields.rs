//! The fields a Norwegian invoice prints, read from the lines of its text layer, and the
//! [`Invoice`] they make.
//!
//! **Labelled fields** (invoice number, dates, KID, account, references, totals, ...): every
//! label ([`super::labels`]) is found in every cell outside the item table; a field takes its
//! value from the first of its labels (best-ranked first, then in reading order) whose value
//! reads as the field's type. The value is the rest of the label's cell, else the next cell
//! on the line, else the cell just below the label (a label above its value). Amounts take
//! the rightmost amount on the label's line (`Mva 25 % av 10 000,00   2 500,00`); an amount
//! followed by words (`Netto 30 dager`) is not one. Without a due date, payment terms
//! (`14 dager netto`) give one from the issue date, recorded as computed.
//!
//! **Parties.** Organisation numbers are recognised only with context: an org-number label,
//! `NO` before or `MVA` after, or inside a party's address block. Whose number it is follows
//! from, in this order: a label that says so (`Deres org.nr.`, `Foretaksregisteret`); the
//! block it stands in (`Faktureres til`/`Kunde:`/`Kjøper` for the buyer, `Leverandør`/`Fra:`
//! for the supplier); `MVA` after it (the seller must print its VAT registration, and does so
//! mostly in the footer or letterhead); then position: the unlabelled recipient address block
//! (upper left of page 1, with a postcode line, not the letterhead at the very top) is the
//! buyer's; of otherwise unknown numbers, the one in the footer, else the first, is the
//! supplier's. Names come from the first line of the party's block, else from the company
//! name (a word such as `AS`, `ASA`) before the supplier's org number on its line, else from
//! the letterhead (the largest company-like text at the top of page 1). The buyer's contact
//! is `Att:`/`Kontaktperson`, or `v/ Name` in the buyer's block. A foreign supplier without a
//! Norwegian number is identified by a printed foreign VAT number (`SE556036079301`).
//!
//! **Amounts.** The item table and VAT rate lines/tables come from [`super::table`]. A fee or
//! discount printed between the table and the totals (`Fakturagebyr 49,00`) becomes a
//! document charge/allowance when the printed net is exactly the lines plus it. A credit note
//! (`Kreditnota`) printed with negative amounts is turned positive, as EHF carries it. The
//! currency is the printed one (`Valuta`, or a code on the totals lines / table header, `kr`
//! meaning NOK), else NOK for a supplier with a Norwegian organisation number (recorded as
//! implied).

use std::collections::HashSet;

use mottak_invoice::ids::{Bic, CurrencyCode, Iban, NorwegianAccount, OrgNumber};
use mottak_invoice::{
    Address, AllowanceCharge, DocumentKind, Identifier, Invoice, InvoiceLine, Party, PaymentMeans,
    TaxRegistration, TaxSubtotal,
};
use rust_decimal::Decimal;
use time::Duration;

use super::CapturedField;
use super::labels::{Hit, Key, fold, hits_in, slice, x_of};
use super::money_round;
use super::table::{self, Items, VatRow, category_for};
use super::text::{Cell, TextLine, TextPage};
use super::values::{self, OrgHit};

/// A line of the document with what the reader needs about its page and its labels.
#[derive(Debug)]
pub(crate) struct DocLine<'a> {
    pub(crate) page: u32,
    pub(crate) page_width: f32,
    pub(crate) page_height: f32,
    pub(crate) line: &'a TextLine,
    /// Labels found in each cell.
    pub(crate) hits: Vec<Vec<Hit>>,
}

impl DocLine<'_> {
    fn is_label_cell(&self, cell: usize) -> bool {
        self.hits
            .get(cell)
            .and_then(|h| h.first())
            .is_some_and(|h| h.start == 0)
    }

    fn cell(&self, cell: usize) -> Option<&Cell> {
        self.line.cells.get(cell)
    }

    /// In the bottom fifth of the page.
    fn in_footer(&self) -> bool {
        self.line.top > 0.8 * self.page_height
    }
}

/// What the reader made of a text layer.
#[derive(Debug)]
pub(crate) struct Read {
    pub(crate) invoice: Invoice,
    pub(crate) fields: Vec<CapturedField>,
    pub(crate) missing: Vec<&'static str>,
    pub(crate) notes: Vec<String>,
}

/// A value and where it was read.
#[derive(Debug, Clone)]
struct Found<T> {
    value: T,
    /// The label's line.
    line: usize,
    /// The value's line (the label's, or one below it).
    value_line: usize,
}

/// The totals as printed.
#[derive(Debug, Clone, Copy, Default)]
struct Printed {
    net: Option<Decimal>,
    vat: Option<Decimal>,
    payable: Option<Decimal>,
    prepaid: Option<Decimal>,
    rounding: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The first readable value after the label.
    First,
    /// The rightmost amount on the label's line.
    Amount,
}

/// One line of a party's address block.
#[derive(Debug, Clone)]
struct BlockLine {
    line: usize,
    /// Left edge of the block's cell on that line.
    x0: f32,
    text: String,
}

#[derive(Debug, Clone, Default)]
struct Block {
    lines: Vec<BlockLine>,
}

impl Block {
    /// Whether the cell starting at `x0` on `line` belongs to the block (a block shares its
    /// lines with whatever stands in the other columns).
    fn contains_cell(&self, line: usize, x0: f32) -> bool {
        self.lines
            .iter()
            .any(|b| b.line == line && (b.x0 - x0).abs() < 14.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whose {
    Buyer,
    Supplier,
    LikelySupplier,
    Unknown,
}

#[derive(Debug, Clone)]
struct OrgOccurrence {
    hit: OrgHit,
    line: usize,
    cell: usize,
    whose: Whose,
    /// Followed by MVA (on the number or in the next cell), or labelled as a VAT number.
    vat: bool,
}

struct Reader<'a> {
    lines: Vec<DocLine<'a>>,
    /// Lines that belong to the item table.
    table_lines: HashSet<usize>,
    fields: Vec<CapturedField>,
    notes: Vec<String>,
}

/// Reads the fields and builds the invoice.
pub(crate) fn read(pages: &[TextPage]) -> Read {
    let lines: Vec<DocLine<'_>> = pages
        .iter()
        .flat_map(|page| {
            page.lines.iter().map(move |line| DocLine {
                page: page.number,
                page_width: page.width,
                page_height: page.height,
                line,
                hits: line.cells.iter().map(|c| hits_in(&c.text)).collect(),
            })
        })
        .collect();
    let items = table::read_items(&lines);
    let mut reader = Reader {
        table_lines: items.used.clone(),
        lines,
        fields: Vec::new(),
        notes: Vec::new(),
    };
    reader.build(items)
}

fn company_like(text: &str) -> bool {
    const FORMS_UPPER: &[&str] = &[
        "AS", "DA", "SA", "BA", "KS", "AB", "SE", "AG", "BV", "IKS", "HF", "SF", "ENK",
    ];
    const FORMS_ANY: &[&str] = &[
        "asa",
        "a/s",
        "ans",
        "nuf",
        "gmbh",
        "ltd",
        "limited",
        "llc",
        "inc",
        "aps",
        "oy",
        "sarl",
        "kommune",
        "fylkeskommune",
        "stiftelse",
        "sa.",
        "as.",
    ];
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .any(|w| {
            let bare = w.trim_end_matches(['.', ',']);
            FORMS_UPPER.contains(&bare)
                || FORMS_ANY.contains(&w.to_lowercase().trim_end_matches(['.', ',']))
        })
        && text.chars().any(char::is_alphabetic)
}

/// `0155 Oslo`, `N-0155 OSLO`, `NO-0155 Oslo`.
fn postal_line(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let t = t
        .strip_prefix("NO-")
        .or_else(|| t.strip_prefix("N-"))
        .or_else(|| t.strip_prefix("NO "))
        .unwrap_or(t);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest = t.get(4..)?;
    if !rest.starts_with(' ') {
        return None;
    }
    let city = rest.trim();
    (city.chars().next().is_some_and(char::is_alphabetic) && city.len() <= 40)
        .then(|| (digits, city.to_owned()))
}

fn is_title(text: &str) -> bool {
    let folded: String = text
        .chars()
        .map(fold)
        .filter(|c| c.is_alphabetic())
        .collect();
    matches!(
        folded.as_str(),
        "faktura" | "invoice" | "kreditnota" | "creditnote" | "kreditfaktura" | "taxinvoice"
    )
}

impl<'a> Reader<'a> {
    fn cell_x0(&self, line: usize, cell: usize) -> f32 {
        self.lines
            .get(line)
            .and_then(|l| l.cell(cell))
            .map_or(0.0, |c| c.x0)
    }

    fn line_text(&self, line: usize) -> String {
        self.lines
            .get(line)
            .map(|l| l.line.text())
            .unwrap_or_default()
    }

    fn found_text(&self, label_line: usize, value_line: usize) -> String {
        if label_line == value_line {
            self.line_text(label_line)
        } else {
            format!(
                "{} / {}",
                self.line_text(label_line),
                self.line_text(value_line)
            )
        }
    }

    fn page_of(&self, line: usize) -> u32 {
        self.lines.get(line).map_or(1, |l| l.page)
    }

    fn record(&mut self, field: &'static str, value: String, line: usize, found: String) {
        let page = self.page_of(line);
        self.fields.push(CapturedField {
            field,
            value,
            page,
            found,
        });
    }

    fn record_found<T>(&mut self, field: &'static str, value: String, found: &Found<T>) {
        let text = self.found_text(found.line, found.value_line);
        let page = self.page_of(found.value_line);
        self.fields.push(CapturedField {
            field,
            value,
            page,
            found: text,
        });
    }

    /// Label hits for `keys` outside the item table, best first.
    fn hits_for(&self, keys: &[Key]) -> Vec<(usize, usize, Hit)> {
        let mut out: Vec<(usize, usize, Hit)> = Vec::new();
        for (li, line) in self.lines.iter().enumerate() {
            if self.table_lines.contains(&li) {
                continue;
            }
            for (ci, hits) in line.hits.iter().enumerate() {
                for hit in hits {
                    if keys.contains(&hit.label.key) {
                        out.push((li, ci, *hit));
                    }
                }
            }
        }
        out.sort_by_key(|(li, ci, h)| (h.label.rank, *li, *ci, h.start));
        out
    }

    /// The cell below a label, for a value printed under its label.
    fn cell_below(&self, li: usize, x0: f32, x1: f32) -> Option<(usize, &Cell)> {
        let line = self.lines.get(li)?;
        for next in li + 1..(li + 4).min(self.lines.len()) {
            let below = self.lines.get(next)?;
            if below.page != line.page {
                return None;
            }
            if below.line.top - line.line.top > 2.6 * line.line.size.max(below.line.size).max(6.0) {
                return None;
            }
            if self.table_lines.contains(&next) {
                return None;
            }
            for (ci, cell) in below.line.cells.iter().enumerate() {
                let overlaps = cell.x0 < x1 + 4.0 && cell.x1 > x0 - 4.0;
                let aligned = (cell.x0 - x0).abs() < 15.0;
                if overlaps || aligned {
                    if below.is_label_cell(ci) {
                        return None;
                    }
                    return Some((next, cell));
                }
            }
        }
        None
    }

    /// The value of the first label (of `keys`) that yields one.
    fn find<T>(
        &self,
        keys: &[Key],
        mode: Mode,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Found<T>> {
        for (li, ci, hit) in self.hits_for(keys) {
            if let Some(found) = self.value_of(li, ci, &hit, mode, &parse) {
                return Some(found);
            }
        }
        None
    }

    fn value_of<T>(
        &self,
        li: usize,
        ci: usize,
        hit: &Hit,
        mode: Mode,
        parse: &impl Fn(&str) -> Option<T>,
    ) -> Option<Found<T>> {
        let line = self.lines.get(li)?;
        let cell = line.cell(ci)?;
        let cell_len = cell.text.chars().count();
        let inline = slice(&cell.text, hit.end, hit.value_end);
        let inline = inline.trim();
        let last_in_cell = hit.value_end >= cell_len;
        // A weak, generic label ("Sum", "Total") counts only on its own: "Sum timer" is not
        // the net amount.
        if hit.label.rank >= 2 && inline.chars().any(char::is_alphabetic) {
            return None;
        }
        let found = |value, value_line| Found {
            value,
            line: li,
            value_line,
        };
        // Cells to the right, up to the next label.
        let right: Vec<&Cell> = if last_in_cell {
            line.line
                .cells
                .iter()
                .enumerate()
                .skip(ci + 1)
                .take_while(|(k, _)| !line.is_label_cell(*k))
                .map(|(_, c)| c)
                .collect()
        } else {
            Vec::new()
        };
        match mode {
            Mode::Amount => {
                if let Some(v) = right.iter().rev().find_map(|c| parse(&c.text)) {
                    return Some(found(v, li));
                }
                if !inline.is_empty() {
                    let amounts = values::amounts_in(inline);
                    // Words after the amount make it something else ("Netto 30 dager").
                    let tail_is_words = amounts.last().is_some_and(|(_, range)| {
                        inline
                            .get(range.end..)
                            .unwrap_or_default()
                            .split_whitespace()
                            .any(|w| {
                                w.chars().any(char::is_alphabetic)
                                    && !matches!(
                                        w.trim_matches(|c: char| !c.is_alphabetic()),
                                        "kr" | "Kr" | "NOK" | "EUR" | "SEK" | "DKK" | "USD" | "GBP"
                                    )
                            })
                    });
                    if let Some((_, range)) = amounts.last().filter(|_| !tail_is_words)
                        && let Some(v) = inline.get(range.clone()).and_then(|s| {
                            // Keep a sign printed just before the amount.
                            let start = range.start;
                            let signed = inline
                                .get(..start)
                                .filter(|b| b.trim_end().ends_with('-'))
                                .map(|_| format!("-{s}"));
                            parse(signed.as_deref().unwrap_or(s))
                        })
                    {
                        return Some(found(v, li));
                    }
                }
            }
            Mode::First => {
                if !inline.is_empty()
                    && let Some(v) = parse(inline)
                {
                    return Some(found(v, li));
                }
                if let Some(first) = right.first()
                    && let Some(v) = parse(&first.text)
                {
                    return Some(found(v, li));
                }
            }
        }
        if hit.label.below && inline.is_empty() && right.is_empty() {
            let x0 = x_of(cell, hit.start);
            let x1 = x_of(cell, hit.value_end).max(x0 + 20.0);
            if let Some((next, below)) = self.cell_below(li, x0, x1)
                && let Some(v) = parse(&below.text)
            {
                return Some(found(v, next));
            }
        }
        None
    }

    /// The address block that starts with a party label (`Faktureres til:`).
    fn labelled_block(&self, key: Key) -> Option<Block> {
        for (li, ci, hit) in self.hits_for(&[key]) {
            let line = self.lines.get(li)?;
            let cell = line.cell(ci)?;
            let inline = slice(&cell.text, hit.end, hit.value_end);
            let inline = inline.trim();
            let mut block = Block::default();
            let x_start;
            if !inline.is_empty() {
                block.lines.push(BlockLine {
                    line: li,
                    x0: cell.x0,
                    text: inline.to_owned(),
                });
                x_start = vec![cell.x0, x_of(cell, hit.end)];
            } else if let Some(right) = line.cell(ci + 1).filter(|_| !line.is_label_cell(ci + 1)) {
                block.lines.push(BlockLine {
                    line: li,
                    x0: right.x0,
                    text: right.text.trim().to_owned(),
                });
                x_start = vec![right.x0, cell.x0];
            } else {
                x_start = vec![cell.x0];
            }
            block.lines.extend(self.block_down(li, &x_start, 8));
            if block
                .lines
                .iter()
                .any(|b| b.text.chars().any(char::is_alphabetic))
            {
                return Some(block);
            }
        }
        None
    }

    /// Lines below `li` with a cell starting at one of `xs`, close together.
    fn block_down(&self, li: usize, xs: &[f32], max: usize) -> Vec<BlockLine> {
        let mut out = Vec::new();
        let Some(start) = self.lines.get(li) else {
            return out;
        };
        let mut previous_top = start.line.top;
        let mut previous_size = start.line.size.max(6.0);
        for next in li + 1..self.lines.len() {
            if out.len() >= max {
                break;
            }
            let Some(line) = self.lines.get(next) else {
                break;
            };
            if line.page != start.page
                || line.line.top - previous_top > 2.1 * previous_size.max(line.line.size)
                || self.table_lines.contains(&next)
            {
                break;
            }
            let Some((ci, cell)) = line
                .line
                .cells
                .iter()
                .enumerate()
                .find(|(_, c)| xs.iter().any(|x| (c.x0 - x).abs() < 14.0))
            else {
                // Another column's line in between: keep looking a little.
                if line.line.top - previous_top > 1.6 * previous_size {
                    break;
                }
                continue;
            };
            // A new labelled field (other than an org number or contact) ends the block.
            if line.is_label_cell(ci)
                && line.hits.get(ci).and_then(|h| h.first()).is_some_and(|h| {
                    !matches!(
                        h.label.key,
                        Key::OrgLabel
                            | Key::VatNoLabel
                            | Key::BuyerOrgLabel
                            | Key::SupplierOrgLabel
                            | Key::Contact
                            | Key::Communication
                    )
                })
            {
                break;
            }
            out.push(BlockLine {
                line: next,
                x0: cell.x0,
                text: cell.text.trim().to_owned(),
            });
            previous_top = line.line.top;
            previous_size = line.line.size.max(6.0);
        }
        out
    }

    /// The block (same column, close lines) a cell stands in.
    fn block_around(&self, li: usize, x: f32) -> Block {
        let mut first = li;
        let mut top = self.lines.get(li).map_or(0.0, |l| l.line.top);
        let page = self.page_of(li);
        let mut k = li;
        // Up, past lines of other columns that fall between the block's lines.
        while k > 0 {
            k -= 1;
            let Some(prev) = self.lines.get(k) else { break };
            let size = prev.line.size.max(6.0);
            if prev.page != page || self.table_lines.contains(&k) {
                break;
            }
            if prev.line.cells.iter().any(|c| (c.x0 - x).abs() < 14.0) {
                if top - prev.line.top > 2.1 * size {
                    break;
                }
                first = k;
                top = prev.line.top;
            } else if top - prev.line.top > 1.6 * size {
                break;
            }
        }
        let mut block = Block::default();
        if let Some(cell) = self
            .lines
            .get(first)
            .and_then(|l| l.line.cells.iter().find(|c| (c.x0 - x).abs() < 14.0))
        {
            block.lines.push(BlockLine {
                line: first,
                x0: cell.x0,
                text: cell.text.trim().to_owned(),
            });
        }
        block.lines.extend(self.block_down(first, &[x], 10));
        block
    }

    /// The first line of a block that names the party.
    fn block_name(&self, block: &Block) -> Option<(String, usize)> {
        for bl in &block.lines {
            let text = bl.text.trim();
            let hits = hits_in(text);
            let labelled = hits.first().is_some_and(|h| h.start == 0);
            if labelled
                || text.is_empty()
                || postal_line(text).is_some()
                || text.chars().next().is_some_and(|c| c.is_ascii_digit())
                || !values::org_numbers_in(text).is_empty() && !company_like(text)
                || is_title(text)
            {
                continue;
            }
            if let Some(name) = name_segments(text).into_iter().next() {
                return Some((name, bl.line));
            }
        }
        None
    }

    fn block_address(block: &Block) -> Address {
        let mut address = Address::default();
        for (k, bl) in block.lines.iter().enumerate() {
            if let Some((zip, city)) = postal_line(&bl.text) {
                address.postal_zone = Some(zip);
                address.city = Some(city);
                if k >= 2
                    && let Some(street) = block.lines.get(k - 1)
                    && hits_in(&street.text).is_empty()
                {
                    address.street = Some(street.text.clone());
                }
                break;
            }
        }
        address
    }

    /// Every organisation number printed with some sign that it is one.
    fn org_occurrences(
        &self,
        buyer: Option<&Block>,
        supplier: Option<&Block>,
    ) -> Vec<OrgOccurrence> {
        let mut out = Vec::new();
        for (li, line) in self.lines.iter().enumerate() {
            if self.table_lines.contains(&li) {
                continue;
            }
            for (ci, cell) in line.line.cells.iter().enumerate() {
                for hit in values::org_numbers_in(&cell.text) {
                    let char_pos = cell
                        .text
                        .get(..hit.range.start)
                        .map_or(0, |s| s.chars().count());
                    let hits = line.hits.get(ci).map(Vec::as_slice).unwrap_or_default();
                    let mut context = hits
                        .iter()
                        .rev()
                        .find(|h| h.start < char_pos)
                        .map(|h| h.label.key);
                    if context.is_none() && ci > 0 {
                        context = line
                            .hits
                            .get(ci - 1)
                            .and_then(|h| h.last())
                            .map(|h| h.label.key);
                    }
                    if context.is_none() && li > 0 {
                        // "Org.nr." printed above the number.
                        context = self.lines.get(li - 1).and_then(|above| {
                            above.line.cells.iter().enumerate().find_map(|(k, c)| {
                                let overlaps = c.x0 < cell.x1 && c.x1 > cell.x0 - 4.0;
                                (overlaps && above.is_label_cell(k))
                                    .then(|| {
                                        above
                                            .hits
                                            .get(k)
                                            .and_then(|h| h.first())
                                            .map(|h| h.label.key)
                                    })
                                    .flatten()
                            })
                        });
                    }
                    let next_says_mva = line
                        .cell(ci + 1)
                        .is_some_and(|c| c.text.trim().to_uppercase().starts_with("MVA"));
                    let vat = hit.mva || next_says_mva || context == Some(Key::VatNoLabel);
                    let in_buyer = buyer.is_some_and(|b| b.contains_cell(li, cell.x0));
                    let in_supplier = supplier.is_some_and(|b| b.contains_cell(li, cell.x0));
                    let org_context = matches!(
                        context,
                        Some(
                            Key::OrgLabel
                                | Key::BuyerOrgLabel
                                | Key::SupplierOrgLabel
                                | Key::VatNoLabel
                                | Key::BuyerBlock
                                | Key::SupplierBlock
                        )
                    );
                    if !(org_context || vat || hit.no_prefix || in_buyer || in_supplier) {
                        continue;
                    }
                    let whose = match context {
                        Some(Key::BuyerOrgLabel | Key::BuyerBlock) => Whose::Buyer,
                        Some(Key::SupplierOrgLabel | Key::SupplierBlock) => Whose::Supplier,
                        _ if in_buyer => Whose::Buyer,
                        _ if in_supplier => Whose::Supplier,
                        _ if vat => Whose::LikelySupplier,
                        _ => Whose::Unknown,
                    };
                    out.push(OrgOccurrence {
                        hit,
                        line: li,
                        cell: ci,
                        whose,
                        vat,
                    });
                }
            }
        }
        out
    }

    /// Unlabelled address blocks in the upper left of page 1 with a postcode line, in order.
    fn address_blocks(&self) -> Vec<Block> {
        let mut blocks: Vec<Block> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();
        for (li, line) in self.lines.iter().enumerate() {
            if line.page != 1 || line.line.top > 0.55 * line.page_height {
                continue;
            }
            if self.table_lines.contains(&li) || seen.contains(&li) {
                continue;
            }
            let Some(cell) = line.line.cells.iter().find(|c| {
                c.x0 < 0.55 * line.page_width
                    && (postal_line(&c.text).is_some() || fold_starts(&c.text, "postboks"))
            }) else {
                continue;
            };
            let block = self.block_around(li, cell.x0);
            for bl in &block.lines {
                seen.insert(bl.line);
            }
            if block.lines.len() >= 2 {
                blocks.push(block);
            }
        }
        blocks
    }

    fn build(&mut self, items: Items) -> Read {
        let mut inv = Invoice::empty(DocumentKind::Invoice);
        let page_one_top = |l: &DocLine<'_>| l.page == 1 && l.line.top < 0.45 * l.page_height;
        let credit = self
            .hits_for(&[Key::CreditTitle])
            .iter()
            .any(|(li, _, _)| self.lines.get(*li).is_some_and(page_one_top))
            || self
                .hits_for(&[Key::InvoiceNumber])
                .iter()
                .any(|(_, _, h)| {
                    h.label.pattern.starts_with("kredit") || h.label.pattern.starts_with("credit")
                });
        if credit {
            inv.kind = DocumentKind::CreditNote;
            inv.type_code = Some("381".to_owned());
        } else {
            inv.type_code = Some("380".to_owned());
        }

        // Invoice number: a labelled one, else a title followed by a number ("Faktura 10234").
        let number_parse = |s: &str| {
            let token = s
                .split_whitespace()
                .next()?
                .trim_end_matches([',', ';', '.']);
            (token.chars().any(|c| c.is_ascii_digit())
                && token.len() <= 30
                && token
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-_/.".contains(c))
                && values::date(token).is_none())
            .then(|| token.to_owned())
        };
        let number = self
            .find(&[Key::InvoiceNumber], Mode::First, number_parse)
            .or_else(|| {
                self.find(&[Key::InvoiceTitle, Key::CreditTitle], Mode::First, |s| {
                    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
                    number_parse(s)
                })
            });
        if let Some(f) = &number {
            inv.number = Some(f.value.clone());
            self.record_found("invoice_number", f.value.clone(), f);
        }

        let date_parse = |s: &str| values::date_in(s).map(|d| d.0);
        if let Some(f) = self.find(&[Key::IssueDate], Mode::First, date_parse) {
            inv.issue_date = Some(f.value);
            self.record_found("issue_date", f.value.to_string(), &f);
        }
        if let Some(f) = self.find(&[Key::DueDate], Mode::First, date_parse) {
            inv.due_date = Some(f.value);
            self.record_found("due_date", f.value.to_string(), &f);
        }
        if let Some(f) = self.find(&[Key::PaymentTerms], Mode::First, values::clean_text) {
            inv.payment_terms = Some(f.value.clone());
            if inv.due_date.is_none()
                && let (Some(issue), Some(days)) = (inv.issue_date, days_in(&f.value))
                && let Some(due) = issue.checked_add(Duration::days(days))
            {
                inv.due_date = Some(due);
                let text = format!(
                    "beregnet / computed: fakturadato + {days} dager ({})",
                    self.found_text(f.line, f.value_line)
                );
                self.record("due_date", due.to_string(), f.value_line, text);
            }
        }

        // Payment.
        let account = self
            .find(&[Key::BankAccount], Mode::First, |s| {
                values::accounts_in(s).first().map(|a| a.0.clone())
            })
            .or_else(|| self.grouped_account_anywhere());
        if let Some(f) = &account {
            self.record_found("bank_account", f.value.as_str().to_owned(), f);
        }
        let iban = self.find(&[Key::Iban, Key::BankAccount], Mode::First, iban_in);
        if let Some(f) = &iban {
            self.record_found("iban", f.value.as_str().to_owned(), f);
        }
        let bic = self.find(&[Key::Bic], Mode::First, |s| {
            let token: String = s.split_whitespace().take(1).collect();
            Bic::parse(token.trim_end_matches([',', '.', ';'])).ok()
        });
        if let Some(f) = &bic {
            self.record_found("bic", f.value.as_str().to_owned(), f);
        }
        let kid = self.find(&[Key::Kid], Mode::First, |s| {
            // The digit groups at the start of the value ("0010 0230 5", "884120 må oppgis").
            let digits: String = s
                .split(['·', '|', ','])
                .next()
                .unwrap_or(s)
                .split_whitespace()
                .take_while(|t| t.chars().all(|c| c.is_ascii_digit()))
                .collect();
            ((2..=25).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()))
                .then_some(digits)
        });
        if let Some(f) = &kid {
            self.record_found("kid", f.value.clone(), f);
        }

        // References.
        let reference = |s: &str| {
            values::clean_text(s).filter(|v| {
                let hits = hits_in(v);
                hits.first().is_none_or(|h| h.start > 0) && v.chars().count() <= 70
            })
        };
        if let Some(f) = self.find(&[Key::BuyerReference], Mode::First, reference) {
            inv.buyer_reference = Some(f.value.clone());
            self.record_found("buyer_reference", f.value.clone(), &f);
        }
        if let Some(f) = self.find(&[Key::SellerReference], Mode::First, reference) {
            self.record_found("seller_reference", f.value.clone(), &f);
        }
        if let Some(f) = self.find(&[Key::OrderReference], Mode::First, reference) {
            inv.order_reference = Some(f.value.clone());
            self.record_found("order_reference", f.value.clone(), &f);
        }
        if let Some(f) = self.find(&[Key::SalesOrder], Mode::First, reference) {
            inv.sales_order_reference = Some(f.value);
        }

        // Parties.
        self.read_parties(&mut inv);

        // Totals.
        let amount = |s: &str| values::amount(s);
        let net = self.find(&[Key::Net], Mode::Amount, amount);
        let mut vat = self.find(&[Key::Vat], Mode::Amount, amount);
        let payable = self.find(&[Key::Payable], Mode::Amount, amount);
        let prepaid = self.find(&[Key::Prepaid], Mode::Amount, amount);
        let rounding = self.find(&[Key::Rounding], Mode::Amount, amount);

        // Lines and the VAT breakdown.
        inv.lines = items.lines;
        let mut rows = table::read_vat_rows(&self.lines, &self.table_lines);
        let mut seen_rates = HashSet::new();
        rows.retain(|r| seen_rates.insert(r.percent.normalize()));
        if !rows.is_empty()
            && let Some(row_sum) = sum(rows.iter().map(|r| r.tax))
        {
            let vat_is_a_row = vat
                .as_ref()
                .is_none_or(|f| rows.iter().any(|r| r.line == f.line));
            if vat_is_a_row && rows.len() > 1 || vat.is_none() {
                let line = rows.first().map_or(0, |r| r.line);
                vat = Some(Found {
                    value: row_sum,
                    line,
                    value_line: rows.last().map_or(line, |r| r.line),
                });
            }
        }
        if let Some(f) = &net {
            self.record_found("net_amount", f.value.to_string(), f);
        }
        if let Some(f) = &vat {
            self.record_found("vat_amount", f.value.to_string(), f);
        }
        if let Some(f) = &payable {
            self.record_found("payable_amount", f.value.to_string(), f);
        }
        if !inv.lines.is_empty() {
            let header = items.header.unwrap_or(0);
            let text = self.line_text(header);
            self.record("lines", inv.lines.len().to_string(), header, text);
        }

        // Currency.
        let currency = self
            .find(&[Key::Currency], Mode::First, |s| {
                let token: String = s.split_whitespace().take(1).collect();
                CurrencyCode::parse(token.trim_matches(|c: char| !c.is_alphabetic())).ok()
            })
            .map(|f| {
                (
                    f.value.as_str().to_owned(),
                    self.found_text(f.line, f.value_line),
                    f.value_line,
                )
            })
            .or_else(|| {
                let lines: Vec<usize> = [&net, &vat, &payable]
                    .iter()
                    .filter_map(|f| f.as_ref().map(|f| f.line))
                    .chain(items.header)
                    .collect();
                lines.into_iter().find_map(|li| {
                    currency_on_line(&self.line_text(li)).map(|c| (c, self.line_text(li), li))
                })
            });
        match currency {
            Some((code, found, line)) => {
                inv.currency = Some(code.clone());
                self.record("currency", code, line, found);
            }
            None if inv.supplier.country().as_deref() == Some("NO") => {
                inv.currency = Some("NOK".to_owned());
                let line = self
                    .fields
                    .iter()
                    .find(|f| f.field == "supplier_org")
                    .map_or(1, |f| f.page);
                self.fields.push(CapturedField {
                    field: "currency",
                    value: "NOK".to_owned(),
                    page: line,
                    found: "implied: Norwegian supplier, no currency printed".to_owned(),
                });
            }
            None => {}
        }

        // Payment means.
        let norwegian = account.as_ref().map(|f| f.value.as_str().to_owned());
        let iban_value = iban.as_ref().map(|f| f.value.as_str().to_owned());
        let bic_value = bic.as_ref().map(|f| f.value.as_str().to_owned());
        let kid_value = kid.as_ref().map(|f| f.value.clone());
        let primary = norwegian.clone().or_else(|| iban_value.clone());
        if primary.is_some() || kid_value.is_some() {
            inv.payment_means.push(PaymentMeans {
                code: Some("30".to_owned()),
                payment_id: kid_value.clone(),
                account: primary,
                bic: if norwegian.is_some() && iban_value.is_some() {
                    None
                } else {
                    bic_value.clone()
                },
                ..PaymentMeans::default()
            });
            if norwegian.is_some() && iban_value.is_some() {
                inv.payment_means.push(PaymentMeans {
                    code: Some("30".to_owned()),
                    payment_id: kid_value,
                    account: iban_value,
                    bic: bic_value,
                    ..PaymentMeans::default()
                });
            }
        }

        // VAT and totals.
        let charges = self.document_charges(items.header);
        let printed = Printed {
            net: net.map(|f| f.value),
            vat: vat.map(|f| f.value),
            payable: payable.map(|f| f.value),
            prepaid: prepaid.map(|f| f.value),
            rounding: rounding.map(|f| f.value),
        };
        self.settle_amounts(&mut inv, charges, &rows, items.has_vat_column, printed);

        let mut missing = Vec::new();
        let has = |name: &str| self.fields.iter().any(|f| f.field == name);
        // A foreign supplier has no Norwegian organisation number; its VAT number (e.g.
        // SE556036079301) identifies it just as well for validation and duplicates.
        let foreign_vat = self
            .fields
            .iter()
            .any(|f| f.field == "supplier_vat" && !f.value.starts_with("NO"));
        for essential in super::ESSENTIAL_FIELDS {
            let found = has(essential) || (*essential == "supplier_org" && foreign_vat);
            if !found {
                missing.push(*essential);
                // Printed but not understood: tell the clerk where to look.
                let keys: &[Key] = match *essential {
                    "invoice_number" => &[Key::InvoiceNumber],
                    "issue_date" => &[Key::IssueDate],
                    "payable_amount" => &[Key::Payable],
                    _ => &[],
                };
                if let Some((li, _, _)) = self.hits_for(keys).first() {
                    let text = self.line_text(*li);
                    self.notes.push(format!(
                        "{essential}: etiketten står på side {page}, men verdien kunne ikke leses / \
                         the label is printed on page {page}, but its value could not be read: «{text}»",
                        page = self.page_of(*li)
                    ));
                }
            }
        }
        // Fields in the documented order.
        let mut fields = std::mem::take(&mut self.fields);
        fields.sort_by_key(|f| {
            super::FIELD_NAMES
                .iter()
                .position(|n| *n == f.field)
                .unwrap_or(usize::MAX)
        });
        Read {
            invoice: inv,
            fields,
            missing,
            notes: std::mem::take(&mut self.notes),
        }
    }

    /// An account number printed grouped (`1503.12.34562`) anywhere but the item table, when
    /// no label gave one.
    fn grouped_account_anywhere(&self) -> Option<Found<NorwegianAccount>> {
        for (li, line) in self.lines.iter().enumerate() {
            if self.table_lines.contains(&li) {
                continue;
            }
            for cell in &line.line.cells {
                for (account, range) in values::accounts_in(&cell.text) {
                    let printed = cell.text.get(range).unwrap_or_default();
                    if printed.contains(['.', ' ']) {
                        return Some(Found {
                            value: account,
                            line: li,
                            value_line: li,
                        });
                    }
                }
            }
        }
        None
    }

    fn read_parties(&mut self, inv: &mut Invoice) {
        let buyer_block = self.labelled_block(Key::BuyerBlock);
        let supplier_block = self.labelled_block(Key::SupplierBlock);
        let occurrences = self.org_occurrences(buyer_block.as_ref(), supplier_block.as_ref());

        let first_of = |whose: Whose, not: Option<&OrgNumber>| {
            occurrences
                .iter()
                .find(|o| o.whose == whose && not.is_none_or(|n| *n != o.hit.org))
        };
        let mut buyer_org = first_of(Whose::Buyer, None);
        let mut supplier_org =
            first_of(Whose::Supplier, buyer_org.map(|o| &o.hit.org)).or_else(|| {
                // Of VAT-registered numbers, one by "Foretaksregisteret" or in the footer first.
                let likely: Vec<&OrgOccurrence> = occurrences
                    .iter()
                    .filter(|o| {
                        o.whose == Whose::LikelySupplier
                            && buyer_org.is_none_or(|b| b.hit.org != o.hit.org)
                    })
                    .collect();
                likely
                    .iter()
                    .find(|o| self.lines.get(o.line).is_some_and(DocLine::in_footer))
                    .or_else(|| likely.first())
                    .copied()
            });
        let mut recipient: Option<Block> = None;
        if buyer_block.is_none() {
            // The unlabelled recipient block: the first upper-left address block that is not
            // the supplier's letterhead.
            let supplier_line = supplier_org.map(|o| (o.line, self.cell_x0(o.line, o.cell)));
            let blocks = self.address_blocks();
            let n_blocks = blocks.len();
            recipient = blocks.into_iter().enumerate().find_map(|(k, b)| {
                let is_supplier = supplier_line.is_some_and(|(l, x)| b.contains_cell(l, x))
                    || supplier_block
                        .as_ref()
                        .is_some_and(|s| s.lines.iter().any(|x| b.contains_cell(x.line, x.x0)));
                let letterhead = k == 0
                    && n_blocks > 1
                    && b.lines.first().is_some_and(|first| {
                        self.lines
                            .get(first.line)
                            .is_some_and(|l| l.line.top < 0.12 * l.page_height)
                    });
                (!is_supplier && !letterhead).then_some(b)
            });
            if buyer_org.is_none()
                && let Some(block) = &recipient
            {
                buyer_org = occurrences.iter().find(|o| {
                    let x0 = self.cell_x0(o.line, o.cell);
                    block.contains_cell(o.line, x0)
                        && supplier_org.is_none_or(|s| s.hit.org != o.hit.org)
                });
            }
        }
        if supplier_org.is_none() {
            let unknown: Vec<&OrgOccurrence> = occurrences
                .iter()
                .filter(|o| {
                    matches!(o.whose, Whose::Unknown | Whose::LikelySupplier)
                        && buyer_org.is_none_or(|b| b.hit.org != o.hit.org)
                })
                .collect();
            supplier_org = unknown
                .iter()
                .find(|o| self.lines.get(o.line).is_some_and(DocLine::in_footer))
                .or_else(|| unknown.first())
                .copied();
        }
        if buyer_org.is_none() {
            buyer_org = occurrences.iter().find(|o| {
                matches!(o.whose, Whose::Unknown)
                    && supplier_org.is_some_and(|s| s.hit.org != o.hit.org)
            });
        }

        // The buyer.
        let buyer_from_org =
            buyer_org.map(|o| self.block_around(o.line, self.cell_x0(o.line, o.cell)));
        // The buyer's block: labelled; else the block around its org number when that is an
        // address block (a postal line or a company name); else the recipient block; else
        // whatever stands around its org number.
        let is_address = |b: &Block| {
            b.lines.iter().any(|l| postal_line(&l.text).is_some())
                || self.block_name(b).is_some_and(|(n, _)| company_like(&n))
        };
        let buyer_source = buyer_block
            .clone()
            .or_else(|| buyer_from_org.clone().filter(is_address))
            .or_else(|| recipient.clone())
            .or(buyer_from_org);
        let buyer_name = buyer_source.as_ref().and_then(|b| self.block_name(b));
        if let Some((name, line)) = &buyer_name {
            inv.customer.registration_name = Some(name.clone());
            inv.customer.name = Some(name.clone());
            let text = self.line_text(*line);
            self.record("buyer_name", name.clone(), *line, text);
        }
        if let Some(block) = &buyer_source {
            inv.customer.address = Self::block_address(block);
        }
        if let Some(o) = buyer_org {
            set_org(&mut inv.customer, &o.hit.org, o.vat);
            let text = self.line_text(o.line);
            self.record("buyer_org", o.hit.org.as_str().to_owned(), o.line, text);
        }
        // The contact: "Att:" in the buyer's block, else any contact label.
        let contact = self.find(&[Key::Contact], Mode::First, |s| {
            values::clean_text(s).filter(|v| hits_in(v).first().is_none_or(|h| h.start > 0))
        });
        if let Some(f) = contact {
            inv.customer.contact.name = Some(f.value.clone());
            self.record_found("contact", f.value.clone(), &f);
        } else if let Some((name, line)) = buyer_source.as_ref().and_then(|b| {
            // "Digitools AS v/ Kari Nordmann", "v/Kari Nordmann": the person at the buyer.
            b.lines.iter().find_map(|bl| {
                let text = bl.text.as_str();
                let at = text
                    .find(" v/")
                    .map(|p| p + 3)
                    .or_else(|| text.starts_with("v/").then_some(2))
                    .or_else(|| text.starts_with("V/").then_some(2))?;
                let name = values::clean_text(text.get(at..)?)?;
                Some((name, bl.line))
            })
        }) {
            inv.customer.contact.name = Some(name.clone());
            let text = self.line_text(line);
            self.record("contact", name, line, text);
        }

        // The supplier.
        let buyer_name_text = buyer_name.as_ref().map(|(n, _)| n.clone());
        let not_buyer = |text: &str| buyer_name_text.as_deref().is_none_or(|b| !text.contains(b));
        let mut supplier_name: Option<(String, usize)> =
            supplier_block.as_ref().and_then(|b| self.block_name(b));
        if supplier_name.is_none()
            && let Some(o) = supplier_org
            && let Some(line) = self.lines.get(o.line)
        {
            // A company name before the number on its line: "Firma AS · Org.nr. ...", in the
            // number's cell or a cell before it.
            for (ci, cell) in line.line.cells.iter().enumerate().take(o.cell + 1) {
                let before = if ci == o.cell {
                    cell.text.get(..o.hit.range.start).unwrap_or_default()
                } else {
                    cell.text.as_str()
                };
                if let Some(name) = name_segments(before)
                    .into_iter()
                    .find(|s| company_like(s) && not_buyer(s))
                {
                    supplier_name = Some((name, o.line));
                    break;
                }
            }
            if supplier_name.is_none() {
                let block = self.block_around(o.line, self.cell_x0(o.line, o.cell));
                if buyer_source
                    .as_ref()
                    .is_none_or(|b| !b.lines.iter().any(|l| block.contains_cell(l.line, l.x0)))
                    && let Some((name, li)) = self.block_name(&block)
                    && company_like(&name)
                {
                    supplier_name = Some((name, li));
                }
            }
        }
        if supplier_name.is_none() {
            supplier_name = self.letterhead_name(buyer_source.as_ref(), &not_buyer);
        }
        if let Some((name, line)) = &supplier_name {
            inv.supplier.registration_name = Some(name.clone());
            inv.supplier.name = Some(name.clone());
            let text = self.line_text(*line);
            self.record("supplier_name", name.clone(), *line, text);
            if let Some(block) = &supplier_block {
                inv.supplier.address = Self::block_address(block);
            } else {
                let x = self
                    .lines
                    .get(*line)
                    .and_then(|l| l.line.cells.iter().find(|c| c.text.contains(name.as_str())))
                    .map_or(0.0, |c| c.x0);
                inv.supplier.address = Self::block_address(&self.block_around(*line, x));
            }
        }
        if supplier_org.is_none()
            && let Some(f) = self.find(&[Key::VatNoLabel, Key::OrgLabel], Mode::First, foreign_vat)
        {
            // A foreign supplier identifies itself by its VAT number.
            let (country, id) = f.value.clone();
            inv.supplier.address.country = Some(country);
            inv.supplier.tax_registrations.push(TaxRegistration {
                company_id: id.clone(),
                scheme: Some("VAT".to_owned()),
            });
            self.record_found("supplier_vat", id, &f);
        }
        if let Some(o) = supplier_org {
            let vat_line = occurrences
                .iter()
                .find(|x| x.hit.org == o.hit.org && x.vat)
                .map(|x| x.line);
            set_org(&mut inv.supplier, &o.hit.org, vat_line.is_some());
            let text = self.line_text(o.line);
            self.record("supplier_org", o.hit.org.as_str().to_owned(), o.line, text);
            if let Some(line) = vat_line {
                let text = self.line_text(line);
                self.record(
                    "supplier_vat",
                    format!("NO{}MVA", o.hit.org.as_str()),
                    line,
                    text,
                );
            }
        }
    }

    /// The supplier's name from the letterhead: the largest company-like text in the upper
    /// part of page 1 outside the buyer's block, else any company-like line outside it, else
    /// the largest text at the top that is not the document title.
    fn letterhead_name(
        &self,
        buyer: Option<&Block>,
        not_buyer: &dyn Fn(&str) -> bool,
    ) -> Option<(String, usize)> {
        let candidates = |upper_only: bool, need_company: bool| {
            let mut best: Option<(f32, String, usize)> = None;
            for (li, line) in self.lines.iter().enumerate() {
                if self.table_lines.contains(&li) {
                    continue;
                }
                if upper_only && (line.page != 1 || line.line.top > 0.3 * line.page_height) {
                    continue;
                }
                for (ci, cell) in line.line.cells.iter().enumerate() {
                    if buyer.is_some_and(|b| b.contains_cell(li, cell.x0)) {
                        continue;
                    }
                    let segments = name_segments(&cell.text);
                    let Some(first_segment) = segments.first().map(String::as_str) else {
                        continue;
                    };
                    if line.is_label_cell(ci)
                        || is_title(first_segment)
                        || !first_segment.chars().any(char::is_alphabetic)
                        || !not_buyer(first_segment)
                        || (need_company && !company_like(first_segment))
                    {
                        continue;
                    }
                    let name = strip_labels(first_segment);
                    if name.is_empty() {
                        continue;
                    }
                    if best
                        .as_ref()
                        .is_none_or(|(size, _, _)| line.line.size > *size + 0.5)
                    {
                        best = Some((line.line.size, name, li));
                    }
                }
            }
            best.map(|(_, name, li)| (name, li))
        };
        candidates(true, true)
            .or_else(|| candidates(false, true))
            .or_else(|| candidates(true, false))
    }

    /// Fees and discounts printed between the item table and the totals ("Fakturagebyr
    /// 49,00", "Rabatt -500,00"): document-level charges and allowances.
    fn document_charges(&self, header: Option<usize>) -> Vec<AllowanceCharge> {
        const CHARGES: &[&str] = &[
            "fakturagebyr",
            "gebyr",
            "miljøgebyr",
            "miljøavgift",
            "frakt",
            "fraktkostnad",
            "fraktkostnader",
            "porto",
            "ekspedisjonsgebyr",
            "emballasje",
            "pant",
        ];
        const ALLOWANCES: &[&str] = &["rabatt", "avslag", "kampanjerabatt", "discount"];
        let Some(header) = header else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (li, line) in self.lines.iter().enumerate().skip(header + 1) {
            if self.table_lines.contains(&li) || line.is_label_cell(0) {
                continue;
            }
            let Some(first) = line.line.cells.first() else {
                continue;
            };
            let word: String = first
                .text
                .chars()
                .map(fold)
                .take_while(|c| c.is_alphabetic())
                .collect();
            let is_charge = CHARGES.contains(&word.as_str());
            if !is_charge && !ALLOWANCES.contains(&word.as_str()) {
                continue;
            }
            let amount = line
                .line
                .cells
                .iter()
                .skip(1)
                .rev()
                .find_map(|c| values::amount(&c.text));
            if let Some(amount) = amount {
                out.push(AllowanceCharge {
                    is_charge,
                    reason: Some(first.text.trim().to_owned()),
                    amount: Some(amount.abs()),
                    ..AllowanceCharge::default()
                });
            }
        }
        out
    }

    fn settle_amounts(
        &mut self,
        inv: &mut Invoice,
        charges: Vec<AllowanceCharge>,
        rows: &[VatRow],
        has_vat_column: bool,
        printed: Printed,
    ) {
        let mut net_value = printed.net;
        let mut vat_value = printed.vat;
        let mut payable_value = printed.payable;
        let mut prepaid_value = printed.prepaid.map(|v| v.abs());
        let rounding_value = printed.rounding;

        // A credit note printed with negative amounts: EHF credit notes carry them positive.
        if inv.kind == DocumentKind::CreditNote && payable_value.is_some_and(|p| p < Decimal::ZERO)
        {
            for v in [
                &mut net_value,
                &mut vat_value,
                &mut payable_value,
                &mut prepaid_value,
            ] {
                *v = v.map(|x| x.abs());
            }
            for line in &mut inv.lines {
                line.amount = line.amount.map(|a| -a);
                if line.quantity.is_some_and(|q| q < Decimal::ZERO) {
                    line.quantity = line.quantity.map(|q| -q);
                } else if line.price.is_some_and(|p| p < Decimal::ZERO) {
                    line.price = line.price.map(|p| -p);
                }
            }
        }

        let line_sum = sum(inv.lines.iter().map(|l| l.amount)).filter(|_| !inv.lines.is_empty());
        // Fees and discounts are taken when the printed net is the lines plus them.
        let signed = |a: &AllowanceCharge| a.amount.map(|v| if a.is_charge { v } else { -v });
        let with_charges = line_sum
            .zip(sum(charges.iter().map(signed)))
            .and_then(|(l, c)| l.checked_add(c));
        let mut line_extension = None;
        if !charges.is_empty()
            && let (Some(lines), Some(net), Some(total)) = (line_sum, net_value, with_charges)
            && total == net
            && lines != net
        {
            line_extension = Some(lines);
            let total_of = |is_charge: bool| {
                sum(charges
                    .iter()
                    .filter(|a| a.is_charge == is_charge)
                    .map(|a| a.amount))
                .filter(|v| !v.is_zero())
            };
            inv.totals.charge_total = total_of(true);
            inv.totals.allowance_total = total_of(false);
            inv.allowance_charges = charges;
        }
        if net_value.is_none() {
            if let Some(s) = line_sum {
                net_value = Some(s);
                self.notes.push("Nettobeløp er ikke trykt; summen av linjene er brukt / the net amount is not printed; the sum of the lines is used".to_owned());
            } else if let (Some(p), Some(v)) = (payable_value, vat_value) {
                net_value = p.checked_sub(v);
                self.notes.push("Nettobeløp er ikke trykt; å betale minus mva er brukt / the net amount is not printed; payable less VAT is used".to_owned());
            }
        }

        // VAT breakdown.
        let lines_of_rate = |lines: &[InvoiceLine], p: Decimal| {
            let matching: Vec<&InvoiceLine> = lines
                .iter()
                .filter(|l| {
                    l.tax_percent
                        .is_some_and(|lp| lp.normalize() == p.normalize())
                })
                .collect();
            (!matching.is_empty())
                .then(|| sum(matching.iter().map(|l| l.amount)))
                .flatten()
        };
        let mut subtotals: Vec<TaxSubtotal> = rows
            .iter()
            .map(|row| {
                let basis = row
                    .basis
                    .or_else(|| (rows.len() == 1).then_some(net_value).flatten())
                    .or_else(|| lines_of_rate(&inv.lines, row.percent));
                TaxSubtotal {
                    taxable_amount: basis.map(|b| b.abs()),
                    tax_amount: row.tax.map(|t| t.abs()),
                    category: Some(
                        if row.exempt {
                            "E"
                        } else {
                            category_for(row.percent)
                        }
                        .to_owned(),
                    ),
                    percent: Some(row.percent),
                    ..TaxSubtotal::default()
                }
            })
            .collect();
        if subtotals.is_empty()
            && let Some(v) = vat_value
        {
            // One VAT amount without its rate: the lines' single rate, else the rate it
            // implies on the net amount.
            let line_rates: HashSet<Decimal> = inv
                .lines
                .iter()
                .filter_map(|l| l.tax_percent.map(|p| p.normalize()))
                .collect();
            let percent = if line_rates.len() == 1 {
                line_rates.iter().next().copied()
            } else if v.is_zero() {
                Some(Decimal::ZERO)
            } else {
                net_value
                    .filter(|n| !n.is_zero())
                    .and_then(|n| v.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(n))
                    .map(|p| p.round_dp(2))
                    .and_then(|p| {
                        [25u32, 15, 12, 0]
                            .iter()
                            .map(|r| Decimal::from(*r))
                            .chain(Decimal::from_str_exact("11.11").ok())
                            .find(|r| (p - *r).abs() < Decimal::new(5, 1))
                    })
            };
            if line_rates.len() <= 1 {
                subtotals.push(TaxSubtotal {
                    taxable_amount: net_value,
                    tax_amount: Some(v),
                    category: percent.map(|p| category_for(p).to_owned()),
                    percent,
                    ..TaxSubtotal::default()
                });
            }
        }
        // Lines without a VAT column take the single printed rate.
        if !has_vat_column && let [only] = subtotals.as_slice() {
            for line in &mut inv.lines {
                if line.tax_percent.is_none() {
                    line.tax_percent = only.percent;
                    line.tax_category.clone_from(&only.category);
                }
            }
        }
        inv.tax_total = vat_value.or_else(|| {
            sum(subtotals.iter().map(|s| s.tax_amount)).filter(|_| !subtotals.is_empty())
        });
        inv.tax_subtotals = subtotals;

        // Document charges take the single VAT rate.
        if let [only] = inv.tax_subtotals.as_slice() {
            let (category, percent) = (only.category.clone(), only.percent);
            for charge in &mut inv.allowance_charges {
                charge.tax_category.clone_from(&category);
                charge.tax_percent = percent;
            }
        }
        let totals = &mut inv.totals;
        totals.line_extension = line_extension.or(net_value);
        totals.tax_exclusive = net_value;
        totals.prepaid = prepaid_value;
        totals.rounding = rounding_value;
        totals.payable = payable_value;
        totals.tax_inclusive = match payable_value {
            Some(p) => p
                .checked_add(prepaid_value.unwrap_or_default())
                .and_then(|v| v.checked_sub(rounding_value.unwrap_or_default()))
                .map(money_round),
            None => net_value.and_then(|n| n.checked_add(inv.tax_total.unwrap_or_default())),
        };
    }
}

/// The pieces of a footer or letterhead line that may be a name: split at `·`, `|`, `•`,
/// commas and dashes, label words taken off both ends ("Leverandør: Firma AS – Org.nr").
fn name_segments(text: &str) -> Vec<String> {
    text.split(['·', '|', '•', ',', '–', '—'])
        .flat_map(|s| s.split(" - "))
        .map(|segment| {
            let stripped = strip_labels(segment);
            let hits = hits_in(&stripped);
            match hits.first() {
                Some(h) if h.start > 0 => slice(&stripped, 0, h.start).trim().to_owned(),
                _ => stripped,
            }
        })
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

/// Strips label words off the start of a company name ("Leverandør: Firma AS").
fn strip_labels(text: &str) -> String {
    let hits = hits_in(text);
    match hits.first() {
        Some(h) if h.start == 0 => slice(text, h.end, text.chars().count()).trim().to_owned(),
        _ => text.trim().to_owned(),
    }
}

fn fold_starts(text: &str, prefix: &str) -> bool {
    let folded: String = text.trim().chars().map(fold).collect();
    folded.starts_with(prefix)
}

fn set_org(party: &mut Party, org: &OrgNumber, vat: bool) {
    party.legal_id = Some(Identifier {
        value: org.as_str().to_owned(),
        scheme: Some("0192".to_owned()),
    });
    if vat {
        party.tax_registrations.push(TaxRegistration {
            company_id: format!("NO{}MVA", org.as_str()),
            scheme: Some("VAT".to_owned()),
        });
    }
    if party.address.country.is_none() {
        party.address.country = Some("NO".to_owned());
    }
}

/// An IBAN in text: the longest run of tokens from a country code that checks out.
fn iban_in(text: &str) -> Option<Iban> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for start in 0..tokens.len() {
        let first = tokens.get(start)?;
        if !(first.len() >= 2 && first.chars().take(2).all(|c| c.is_ascii_alphabetic())) {
            continue;
        }
        for end in (start + 1..=tokens.len().min(start + 9)).rev() {
            let candidate: String = tokens.get(start..end)?.concat();
            if let Ok(iban) = Iban::parse(candidate.trim_end_matches([',', '.', ';'])) {
                return Some(iban);
            }
        }
    }
    None
}

/// A foreign VAT number (`SE556036079301`, `DE 123 456 789`): country prefix and the
/// compact number. Norwegian numbers are read as organisation numbers instead.
fn foreign_vat(text: &str) -> Option<(String, String)> {
    let compact: String = text
        .split(['·', '|', ','])
        .next()?
        .split_whitespace()
        .take(5)
        .collect::<String>()
        .to_ascii_uppercase();
    let mut best = None;
    for end in (4..=compact.len().min(16)).rev() {
        let candidate = compact.get(..end)?;
        let country = candidate.get(..2)?;
        let rest = candidate.get(2..)?;
        if country != "NO"
            && country.chars().all(|c| c.is_ascii_uppercase())
            && mottak_invoice::ids::CountryCode::parse(country).is_ok()
            && rest.chars().all(|c| c.is_ascii_alphanumeric())
            && rest.chars().filter(char::is_ascii_digit).count() >= 7
            && (8..=14).contains(&rest.len())
        {
            best = Some((country.to_owned(), candidate.to_owned()));
            break;
        }
    }
    best
}

/// `14 dager`, `netto 30 dager`, `30 days`.
fn days_in(text: &str) -> Option<i64> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|w| match w {
        [n, unit] => {
            let unit: String = unit
                .chars()
                .map(fold)
                .filter(|c| c.is_alphabetic())
                .collect();
            let days = n.trim_end_matches('.').parse::<i64>().ok()?;
            (matches!(unit.as_str(), "dager" | "dgr" | "dg" | "days" | "d" | "dag")
                && (0..=365).contains(&days))
            .then_some(days)
        }
        _ => None,
    })
}

/// A currency printed on a totals line or table header: `NOK`, `EUR`, or `kr` for NOK.
fn currency_on_line(text: &str) -> Option<String> {
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.len() == 3
            && token.chars().all(|c| c.is_ascii_uppercase())
            && let Ok(code) = CurrencyCode::parse(token)
        {
            return Some(code.as_str().to_owned());
        }
        if token == "kr" || token == "Kr" {
            return Some("NOK".to_owned());
        }
    }
    None
}

fn sum(mut values: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names() {
        assert!(company_like("Leverandør AS"));
        assert!(company_like("Nordic Supply ASA"));
        assert!(!company_like("Storgata 1"));
        assert!(!company_like("Kari Nordmann"));
    }

    #[test]
    fn postal_lines() {
        assert_eq!(
            postal_line("0155 Oslo"),
            Some(("0155".to_owned(), "Oslo".to_owned()))
        );
        assert_eq!(
            postal_line("N-5003 BERGEN"),
            Some(("5003".to_owned(), "BERGEN".to_owned()))
        );
        assert_eq!(postal_line("12345 Oslo"), None);
    }

    #[test]
    fn payment_terms_days() {
        assert_eq!(days_in("14 dager netto"), Some(14));
        assert_eq!(days_in("Netto 30 dgr."), Some(30));
        assert_eq!(days_in("kontant"), None);
    }

    #[test]
    fn ibans() {
        assert_eq!(
            iban_in("NO93 8601 1117 947")
                .map(|i| i.as_str().to_owned())
                .as_deref(),
            Some("NO9386011117947")
        );
    }
}

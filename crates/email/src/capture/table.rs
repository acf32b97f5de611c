//! The item table and the VAT breakdown of a printed invoice.
//!
//! The item table is found by its header line: cells that are column titles (`Beskrivelse`,
//! `Antall`, `Enhet`, `Pris`, `Mva %`, `Beløp`, ...), at least a description, an amount and a
//! quantity or price. The rows below it, until the totals, are read column by column: each
//! cell goes to the column whose span (the header title widened to halfway to its
//! neighbours) holds the cell's middle, so left-aligned text and right-aligned numbers both
//! land where they belong. Text-only lines under a row continue its description.
//!
//! Units are mapped to UN/ECE Recommendation 20 codes. Pieces (`stk`, `pcs`) become `EA`
//! ("each"), the code Peppol BIS examples and Norwegian EHF senders use most; `H87` would be
//! as correct.

use std::collections::HashSet;

use mottak_invoice::{AllowanceCharge, InvoiceLine};
use rust_decimal::Decimal;

use super::fields::DocLine;
use super::labels::{Key, hits_in, match_at};
use super::money_round;
use super::text::Cell;
use super::values;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    No,
    ItemId,
    Desc,
    Qty,
    Unit,
    Price,
    Discount,
    Vat,
    Amount,
    /// An amount including VAT, used only when there is no net amount column.
    Gross,
}

const COLUMNS: &[(Col, &str)] = &[
    (Col::No, "nr"),
    (Col::No, "linje"),
    (Col::No, "lnr"),
    (Col::No, "pos"),
    (Col::No, "#"),
    (Col::ItemId, "varenummer"),
    (Col::ItemId, "varenr"),
    (Col::ItemId, "vare nr"),
    (Col::ItemId, "artikkelnummer"),
    (Col::ItemId, "artikkelnr"),
    (Col::ItemId, "art nr"),
    (Col::ItemId, "artnr"),
    (Col::ItemId, "produktnr"),
    (Col::ItemId, "produktnummer"),
    (Col::ItemId, "prod nr"),
    (Col::ItemId, "item no"),
    (Col::ItemId, "item number"),
    (Col::ItemId, "sku"),
    (Col::ItemId, "kode"),
    (Col::ItemId, "code"),
    (Col::Desc, "beskrivelse"),
    (Col::Desc, "varebeskrivelse"),
    (Col::Desc, "varetekst"),
    (Col::Desc, "varenavn"),
    (Col::Desc, "tekst"),
    (Col::Desc, "vare"),
    (Col::Desc, "produkt"),
    (Col::Desc, "ytelse"),
    (Col::Desc, "tjeneste"),
    (Col::Desc, "spesifikasjon"),
    (Col::Desc, "artikkel"),
    (Col::Desc, "description"),
    (Col::Desc, "item"),
    (Col::Desc, "product"),
    (Col::Desc, "service"),
    (Col::Qty, "antall"),
    (Col::Qty, "ant"),
    (Col::Qty, "mengde"),
    (Col::Qty, "kvantum"),
    (Col::Qty, "qty"),
    (Col::Qty, "quantity"),
    (Col::Unit, "enhet"),
    (Col::Unit, "enh"),
    (Col::Unit, "måleenhet"),
    (Col::Unit, "unit"),
    (Col::Unit, "uom"),
    (Col::Price, "enhetspris"),
    (Col::Price, "á pris"),
    (Col::Price, "à pris"),
    (Col::Price, "a pris"),
    (Col::Price, "apris"),
    (Col::Price, "stk pris"),
    (Col::Price, "stykkpris"),
    (Col::Price, "timepris"),
    (Col::Price, "timesats"),
    (Col::Price, "pris"),
    (Col::Price, "unit price"),
    (Col::Price, "price"),
    (Col::Price, "rate"),
    (Col::Discount, "rabatt"),
    (Col::Discount, "rab"),
    (Col::Discount, "discount"),
    (Col::Discount, "disc"),
    (Col::Vat, "mva-sats"),
    (Col::Vat, "mva sats"),
    (Col::Vat, "mva"),
    (Col::Vat, "moms"),
    (Col::Vat, "vat"),
    (Col::Vat, "tax"),
    (Col::Amount, "beløp"),
    (Col::Amount, "sum"),
    (Col::Amount, "totalt"),
    (Col::Amount, "total"),
    (Col::Amount, "linjesum"),
    (Col::Amount, "linjebeløp"),
    (Col::Amount, "nettobeløp"),
    (Col::Amount, "netto"),
    (Col::Amount, "amount"),
    (Col::Amount, "line total"),
    (Col::Amount, "net amount"),
    (Col::Gross, "beløp inkl mva"),
    (Col::Gross, "sum inkl mva"),
    (Col::Gross, "totalt inkl mva"),
    (Col::Gross, "total inkl mva"),
    (Col::Gross, "brutto"),
    (Col::Gross, "amount incl vat"),
];

/// Words allowed after a column title in its cell: `Pris (NOK)`, `Beløp eks. mva`, `Mva %`.
const TITLE_TAILS: &[&str] = &[
    "%",
    "(nok)",
    "nok",
    "kr",
    "(kr)",
    "i nok",
    "eks mva",
    "ekskl mva",
    "eksl mva",
    "excl vat",
    "eks",
    "ekskl",
    "(eks mva)",
    "(ekskl mva)",
    "sats",
    "%-sats",
];

#[derive(Debug, Clone, Copy)]
struct Column {
    col: Col,
    x0: f32,
    x1: f32,
}

/// The item lines read, and which document lines the tables took.
#[derive(Debug, Default)]
pub(crate) struct Items {
    pub(crate) lines: Vec<InvoiceLine>,
    /// Indices (in the document's line list) of header and row lines.
    pub(crate) used: HashSet<usize>,
    /// The first header line, to cite it.
    pub(crate) header: Option<usize>,
    pub(crate) has_vat_column: bool,
}

/// A printed VAT rate line or row: `Mva 25 % av 10 000,00  2 500,00`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VatRow {
    pub(crate) percent: Decimal,
    pub(crate) basis: Option<Decimal>,
    pub(crate) tax: Option<Decimal>,
    pub(crate) exempt: bool,
    pub(crate) line: usize,
}

/// Classifies a header cell (possibly several titles in one cell, `Antall Enhet`).
fn column_titles(cell: &Cell) -> Option<Vec<Column>> {
    let chars: Vec<char> = cell.text.trim().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let n = chars.len().max(1) as f32;
    let x_at = |k: usize| cell.x0 + (cell.x1 - cell.x0) * (k as f32) / n;
    while i < chars.len() {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let best = COLUMNS
            .iter()
            .filter_map(|(col, pattern)| match_at(&chars, i, pattern).map(|end| (*col, end)))
            .max_by_key(|(_, end)| *end);
        let Some((col, mut end)) = best else {
            // A tail word of the previous title?
            let tail_end = TITLE_TAILS
                .iter()
                .filter_map(|t| match_at(&chars, i, t))
                .max();
            if let Some(end) = tail_end
                && !out.is_empty()
            {
                i = end.max(i + 1);
                continue;
            }
            if chars
                .get(i)
                .is_some_and(|c| matches!(c, '%' | '(' | ')' | '.' | ':' | '-' | '/'))
            {
                i += 1;
                continue;
            }
            return None;
        };
        while chars
            .get(end)
            .is_some_and(|c| matches!(c, '.' | ':' | '%' | ')' | '('))
        {
            end += 1;
        }
        out.push(Column {
            col,
            x0: x_at(i),
            x1: x_at(end),
        });
        i = end;
    }
    if out.len() == 1
        && let Some(only) = out.first_mut()
    {
        only.x0 = cell.x0;
        only.x1 = cell.x1;
    }
    (!out.is_empty()).then_some(out)
}

fn fold_str(s: &str) -> String {
    s.chars()
        .map(super::labels::fold)
        .filter(|c| !matches!(c, '.' | '-' | ' '))
        .collect()
}

/// The columns of a header line, if it is one.
fn header_columns(line: &DocLine<'_>) -> Option<Vec<Column>> {
    let mut columns = Vec::new();
    let mut unknown = 0;
    for cell in &line.line.cells {
        match column_titles(cell) {
            Some(cols) => columns.extend(cols),
            None => unknown += 1,
        }
    }
    let has = |c: Col| columns.iter().any(|col| col.col == c);
    let ok = has(Col::Desc)
        && (has(Col::Amount) || has(Col::Gross))
        && (has(Col::Qty) || has(Col::Price))
        && columns.len() >= 3
        && unknown <= 1;
    ok.then_some(columns)
}

/// Whether a line ends the item rows: it carries a totals label.
fn is_totals_line(line: &DocLine<'_>) -> bool {
    let Some(first) = line.line.cells.first() else {
        return false;
    };
    let labelled = hits_in(&first.text).iter().any(|h| {
        h.start == 0
            && matches!(
                h.label.key,
                Key::Net | Key::Vat | Key::Payable | Key::Prepaid | Key::Rounding
            )
    });
    let first_word: String = first
        .text
        .chars()
        .map(super::labels::fold)
        .take_while(|c| c.is_alphabetic())
        .collect();
    labelled
        || matches!(
            first_word.as_str(),
            "sum"
                | "subtotal"
                | "delsum"
                | "total"
                | "totalt"
                | "transport"
                | "overført"
                | "carried"
        )
}

/// Reads every item table of the document.
pub(crate) fn read_items(lines: &[DocLine<'_>]) -> Items {
    let mut items = Items::default();
    let mut index = 0;
    while index < lines.len() {
        let Some(line) = lines.get(index) else { break };
        let Some(columns) = header_columns(line) else {
            index += 1;
            continue;
        };
        items.used.insert(index);
        items.header.get_or_insert(index);
        items.has_vat_column |= columns.iter().any(|c| c.col == Col::Vat);
        let bounds = column_bounds(&columns);
        let mut previous_top = line.line.top;
        let mut last_row_top: Option<f32> = None;
        let mut next = index + 1;
        while let Some(row_line) = lines.get(next) {
            if row_line.page != line.page
                || header_columns(row_line).is_some()
                || is_totals_line(row_line)
                || row_line.line.top - previous_top > 6.0 * row_line.line.size.max(6.0)
            {
                break;
            }
            previous_top = row_line.line.top;
            match read_row(row_line, &columns, &bounds) {
                Row::Item(mut item) => {
                    item.id = Some((items.lines.len() + 1).to_string());
                    items.lines.push(*item);
                    items.used.insert(next);
                    last_row_top = Some(row_line.line.top);
                }
                Row::Text(text) => {
                    // Under a row and close to it: more of its description.
                    let close = last_row_top.is_some_and(|t| {
                        row_line.line.top - t <= 2.6 * row_line.line.size.max(6.0)
                    });
                    if close && let Some(item) = items.lines.last_mut() {
                        let description = match item.item_description.take() {
                            Some(d) => format!("{d} {text}"),
                            None => text,
                        };
                        item.item_description = Some(description);
                        last_row_top = Some(row_line.line.top);
                    }
                    // Text inside the table (a section heading) is not a labelled field.
                    items.used.insert(next);
                }
                Row::Other => {}
            }
            next += 1;
        }
        index = next;
    }
    items
}

/// Each column's span: its title widened halfway to its neighbours.
fn column_bounds(columns: &[Column]) -> Vec<(f32, f32)> {
    let mut sorted: Vec<(usize, Column)> = columns.iter().copied().enumerate().collect();
    sorted.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
    let mut bounds = vec![(f32::NEG_INFINITY, f32::INFINITY); columns.len()];
    for (k, (orig, col)) in sorted.iter().enumerate() {
        let left = match k.checked_sub(1).and_then(|p| sorted.get(p)) {
            Some((_, prev)) => (prev.x1 + col.x0) / 2.0,
            None => f32::NEG_INFINITY,
        };
        let right = match sorted.get(k + 1) {
            Some((_, next)) => (col.x1 + next.x0) / 2.0,
            None => f32::INFINITY,
        };
        if let Some(b) = bounds.get_mut(*orig) {
            *b = (left, right);
        }
    }
    bounds
}

enum Row {
    Item(Box<InvoiceLine>),
    Text(String),
    Other,
}

fn looks_numeric(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().filter(char::is_ascii_digit).count() * 2
            >= t.chars().filter(|c| !c.is_whitespace()).count()
}

/// Numbers of neighbouring columns printed one space apart ("890,00 1 780,00") are split,
/// reading whole amounts from the right.
fn split_number_cells(cells: &[Cell]) -> Vec<Cell> {
    let mut out = Vec::new();
    for cell in cells {
        let text = cell.text.trim();
        let tokens = values::tokens(text);
        let numeric_only = !text.chars().any(char::is_alphabetic) && tokens.len() > 1;
        if !numeric_only || values::amount(text).is_some() {
            out.push(cell.clone());
            continue;
        }
        // Greedy from the right: the longest run of tokens that is one amount.
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut end = tokens.len();
        while end > 0 {
            let mut start = end - 1;
            while start > 0 {
                let (from, _) = tokens[start - 1];
                let (last_at, last) = tokens[end - 1];
                let span = text.get(from..last_at + last.len()).unwrap_or_default();
                if values::amount(span).is_some() {
                    start -= 1;
                } else {
                    break;
                }
            }
            pieces.push((start, end));
            end = start;
        }
        pieces.reverse();
        let n = text.chars().count().max(1) as f32;
        let width = cell.x1 - cell.x0;
        for (start, end) in pieces {
            let (from, _) = tokens[start];
            let (last_at, last) = tokens[end - 1];
            let to = last_at + last.len();
            let x_at = |byte: usize| {
                cell.x0 + width * text.get(..byte).map_or(0, |p| p.chars().count()) as f32 / n
            };
            out.push(Cell {
                x0: x_at(from),
                x1: x_at(to),
                text: text.get(from..to).unwrap_or_default().to_owned(),
            });
        }
    }
    out
}

fn read_row(line: &DocLine<'_>, columns: &[Column], bounds: &[(f32, f32)]) -> Row {
    let mut assigned: Vec<Vec<&Cell>> = vec![Vec::new(); columns.len()];
    let cells = split_number_cells(&line.line.cells);
    for cell in &cells {
        let middle = (cell.x0 + cell.x1) / 2.0;
        let mut target = bounds.iter().position(|(l, r)| middle >= *l && middle < *r);
        // Text that starts in the description column stays there however long it runs.
        if !looks_numeric(&cell.text)
            && let Some(desc) = columns.iter().position(|c| c.col == Col::Desc)
            && let Some((l, r)) = bounds.get(desc)
            && cell.x0 >= *l
            && cell.x0 < *r
        {
            target = Some(desc);
        }
        if let Some(slot) = target.and_then(|t| assigned.get_mut(t)) {
            slot.push(cell);
        }
    }
    let text_of = |col: Col| -> Option<String> {
        let idx = columns.iter().position(|c| c.col == col)?;
        let parts: Vec<&str> = assigned.get(idx)?.iter().map(|c| c.text.trim()).collect();
        let joined = parts.join(" ");
        (!joined.trim().is_empty()).then_some(joined)
    };
    let description = text_of(Col::Desc);
    let item_id = text_of(Col::ItemId);
    let amount = text_of(Col::Amount)
        .and_then(|t| values::amount(&t))
        .or_else(|| {
            (!columns.iter().any(|c| c.col == Col::Amount))
                .then(|| text_of(Col::Gross).and_then(|t| values::amount(&t)))
                .flatten()
        });
    let numbers_present = columns.iter().enumerate().any(|(i, c)| {
        !matches!(c.col, Col::Desc | Col::ItemId | Col::No)
            && assigned
                .get(i)
                .is_some_and(|cells| cells.iter().any(|c| looks_numeric(&c.text)))
    });
    let Some(amount) = amount else {
        if !numbers_present && let Some(text) = description {
            return Row::Text(text);
        }
        return Row::Other;
    };
    if description.is_none() && item_id.is_none() {
        return Row::Other;
    }
    let mut line_out = InvoiceLine {
        item_name: description.or_else(|| item_id.clone()),
        sellers_item_id: item_id,
        amount: Some(amount),
        ..InvoiceLine::default()
    };
    // Quantity, possibly with its unit in the same cell ("10 timer").
    if let Some(q) = text_of(Col::Qty) {
        let (number, unit) = split_quantity(&q);
        line_out.quantity = number;
        if let Some(unit) = unit {
            line_out.unit = Some(unit_code(&unit));
        }
    }
    if let Some(u) = text_of(Col::Unit) {
        let (number, unit) = split_quantity(&u);
        if line_out.quantity.is_none() {
            line_out.quantity = number;
        }
        if let Some(unit) = unit {
            line_out.unit = Some(unit_code(&unit));
        }
    }
    if let Some(p) = text_of(Col::Price) {
        // "1 200,00/t", "1 200,00 pr. stk"
        let price_text = p.split(['/']).next().unwrap_or(&p);
        let price_text = price_text.split(" pr").next().unwrap_or(price_text);
        line_out.price = values::amount(price_text)
            .or_else(|| values::amounts_in(price_text).first().map(|(v, _)| *v));
    }
    if let Some(v) = text_of(Col::Vat) {
        let folded = fold_str(&v);
        if folded.starts_with("fritatt")
            || folded.starts_with("unntatt")
            || folded.starts_with("exempt")
        {
            line_out.tax_category = Some("E".to_owned());
            line_out.tax_percent = Some(Decimal::ZERO);
        } else if let Some(p) = values::percent(&v) {
            line_out.tax_percent = Some(p);
            line_out.tax_category = Some(category_for(p).to_owned());
        }
    }
    if let Some(d) = text_of(Col::Discount)
        && let (Some(q), Some(p)) = (line_out.quantity, line_out.price)
        && let Some(gross) = q.checked_mul(p)
        && let Some(diff) = gross.checked_sub(amount)
        && diff > Decimal::ZERO
    {
        line_out.allowance_charges.push(AllowanceCharge {
            is_charge: false,
            reason: Some("Rabatt".to_owned()),
            amount: Some(money_round(diff)),
            base_amount: Some(money_round(gross)),
            multiplier: values::percent(&d).filter(|_| d.contains('%') || !d.contains(',')),
            ..AllowanceCharge::default()
        });
    }
    Row::Item(Box::new(line_out))
}

/// The VAT category for a printed rate: `S` (standard, any Norwegian rate above zero) or
/// `Z` (zero rate).
pub(crate) fn category_for(percent: Decimal) -> &'static str {
    if percent > Decimal::ZERO { "S" } else { "Z" }
}

/// `10 timer` → (10, "timer"); `10` → (10, None); `stk` → (None, "stk").
fn split_quantity(text: &str) -> (Option<Decimal>, Option<String>) {
    let t = text.trim();
    if let Some(q) = values::quantity(t) {
        return (Some(q), None);
    }
    let split = t
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(t.len(), |(i, _)| i);
    let (number, unit) = t.split_at(split);
    let unit = unit.trim();
    let unit = (!unit.is_empty()).then(|| unit.to_owned());
    (values::quantity(number.trim()), unit)
}

/// A printed unit as a UN/ECE Recommendation 20 code; an unknown one is kept as printed.
pub(crate) fn unit_code(printed: &str) -> String {
    let key: String = printed
        .trim()
        .trim_end_matches('.')
        .chars()
        .map(super::labels::fold)
        .collect();
    let code = match key.as_str() {
        "stk" | "st" | "stykk" | "styk" | "pcs" | "pc" | "piece" | "pieces" | "ea" | "each"
        | "x" => "EA",
        "t" | "time" | "timer" | "tim" | "h" | "hr" | "hrs" | "hour" | "hours" | "t." => "HUR",
        "min" | "minutt" | "minutter" | "minute" | "minutes" => "MIN",
        "eske" | "esker" | "box" | "boks" | "bx" => "BX",
        "kg" | "kilo" => "KGM",
        "g" | "gram" => "GRM",
        "tonn" | "tonne" => "TNE",
        "m" | "meter" | "metre" => "MTR",
        "km" => "KMT",
        "m2" | "m²" | "kvm" => "MTK",
        "m3" | "m³" => "MTQ",
        "l" | "liter" | "litre" | "ltr" => "LTR",
        "mnd" | "måned" | "måneder" | "mån" | "month" | "months" | "mo" => "MON",
        "pk" | "pakke" | "pakker" | "pkt" | "pack" | "pk." => "PK",
        "dag" | "dager" | "døgn" | "day" | "days" | "d" => "DAY",
        "uke" | "uker" | "week" | "weeks" => "WEE",
        "år" | "year" | "years" | "aar" => "ANN",
        "kwh" => "KWH",
        "sett" | "set" => "SET",
        "par" | "pair" => "PR",
        "rull" | "rl" | "roll" => "RO",
        "lisens" | "lisenser" | "license" | "licence" => "EA",
        _ => return printed.trim().to_owned(),
    };
    code.to_owned()
}

/// VAT rate lines and VAT table rows outside the item tables.
pub(crate) fn read_vat_rows(lines: &[DocLine<'_>], used: &HashSet<usize>) -> Vec<VatRow> {
    let mut rows = Vec::new();
    let mut table: Option<VatTable> = None;
    for (index, line) in lines.iter().enumerate() {
        if used.contains(&index) {
            continue;
        }
        if let Some(t) = vat_table_header(line) {
            table = Some(t);
            continue;
        }
        if let Some(t) = &table {
            if line.page != t.page || line.line.top - t.last_top > 4.0 * line.line.size.max(6.0) {
                table = None;
            } else if let Some(row) = t.row(line, index) {
                if let Some(t) = table.as_mut() {
                    t.last_top = line.line.top;
                }
                rows.push(row);
                continue;
            }
        }
        if let Some(row) = vat_line(line, index) {
            rows.push(row);
        }
    }
    rows
}

/// `Mva 25 % av 10 000,00   2 500,00`, `MVA 25%  2 500,00`, `Grunnlag 10 000,00 Mva 25 % 2 500,00`.
fn vat_line(line: &DocLine<'_>, index: usize) -> Option<VatRow> {
    let text = line.line.text();
    let folded = fold_str(&text);
    let mentions_vat = line.line.cells.iter().any(|c| {
        hits_in(&c.text).iter().any(|h| {
            matches!(h.label.key, Key::Vat | Key::Net) && (h.start == 0 || h.label.key == Key::Vat)
        })
    }) || folded.contains("mva")
        && (folded.contains("grunnlag") || folded.starts_with("herav"));
    if !mentions_vat {
        return None;
    }
    let (percent, pct_range) = values::percent_in(&text)?;
    let after_pct = text.get(pct_range.end..).unwrap_or_default();
    let before_pct = text.get(..pct_range.start).unwrap_or_default();
    let mut amounts: Vec<Decimal> = values::amounts_in(before_pct)
        .into_iter()
        .map(|a| a.0)
        .collect();
    amounts.extend(values::amounts_in(after_pct).into_iter().map(|a| a.0));
    let (basis, tax) = match amounts.as_slice() {
        [] => (None, None),
        [tax] => (None, Some(*tax)),
        [.., basis, tax] => (Some(*basis), Some(*tax)),
    };
    Some(VatRow {
        percent,
        basis,
        tax,
        exempt: folded.contains("fritatt") || folded.contains("unntatt"),
        line: index,
    })
}

struct VatTable {
    page: u32,
    last_top: f32,
    /// x-middle of the rate, basis and tax columns.
    rate_x: Option<f32>,
    basis_x: f32,
    tax_x: f32,
}

fn vat_table_header(line: &DocLine<'_>) -> Option<VatTable> {
    let mut rate_x = None;
    let mut basis_x = None;
    let mut tax_x = None;
    for cell in &line.line.cells {
        let f = fold_str(&cell.text);
        let mid = (cell.x0 + cell.x1) / 2.0;
        if f.contains("grunnlag") || f.starts_with("basis") || f.starts_with("taxable") {
            basis_x = Some(mid);
        } else if f.contains("sats")
            || f == "%"
            || f == "mva%"
            || f.starts_with("rate")
            || f == "vat%"
        {
            rate_x = Some(mid);
        } else if f.starts_with("mva")
            || f.starts_with("vat")
            || f.starts_with("moms")
            || f.starts_with("avgift")
        {
            tax_x = Some(mid);
        }
    }
    Some(VatTable {
        page: line.page,
        last_top: line.line.top,
        rate_x,
        basis_x: basis_x?,
        tax_x: tax_x?,
    })
}

impl VatTable {
    fn row(&self, line: &DocLine<'_>, index: usize) -> Option<VatRow> {
        let nearest = |x: f32| {
            line.line
                .cells
                .iter()
                .min_by(|a, b| {
                    let da = ((a.x0 + a.x1) / 2.0 - x).abs();
                    let db = ((b.x0 + b.x1) / 2.0 - x).abs();
                    da.total_cmp(&db)
                })
                .map(|c| c.text.as_str())
        };
        let text = line.line.text();
        let percent = match self.rate_x {
            Some(x) => nearest(x).and_then(values::percent),
            None => None,
        }
        .or_else(|| values::percent_in(&text).map(|p| p.0))?;
        let basis = nearest(self.basis_x).and_then(values::amount);
        let tax = nearest(self.tax_x).and_then(values::amount);
        if basis.is_none() && tax.is_none() {
            return None;
        }
        Some(VatRow {
            percent,
            basis,
            tax,
            exempt: false,
            line: index,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(unit_code("stk."), "EA");
        assert_eq!(unit_code("Timer"), "HUR");
        assert_eq!(unit_code("eske"), "BX");
        assert_eq!(unit_code("mnd"), "MON");
        assert_eq!(unit_code("fat"), "fat");
    }

    #[test]
    fn quantities_with_units() {
        assert_eq!(
            split_quantity("10 timer"),
            (Some(Decimal::TEN), Some("timer".to_owned()))
        );
        assert_eq!(
            split_quantity("2,5"),
            (Decimal::from_str_exact("2.5").ok(), None)
        );
    }

    #[test]
    fn header_titles() {
        let cell = Cell {
            x0: 0.0,
            x1: 100.0,
            text: "Antall Enhet".to_owned(),
        };
        let cols = column_titles(&cell).expect("two titles");
        assert_eq!(
            cols.iter().map(|c| c.col).collect::<Vec<_>>(),
            vec![Col::Qty, Col::Unit]
        );
        let cell = Cell {
            x0: 0.0,
            x1: 100.0,
            text: "Beløp eks. mva".to_owned(),
        };
        assert_eq!(column_titles(&cell).map(|c| c.len()), Some(1));
        let cell = Cell {
            x0: 0.0,
            x1: 100.0,
            text: "Konsulenttimer".to_owned(),
        };
        assert!(column_titles(&cell).is_none());
    }
}

//! The text layer of a PDF with its layout: the content streams are interpreted far enough
//! to know where each piece of text is drawn (text and graphics state, `cm`/`q`/`Q`, Form
//! XObjects), and the pieces are then put back together as lines of cells.
//!
//! A *run* is what one `Tj` (or one string of a `TJ`) draws. Runs on the same baseline form
//! a *line*; within a line, runs close together are joined (with a space when the gap is as
//! wide as a space), and a wide gap starts a new *cell*, so table columns and label/value
//! pairs stay apart. Two or more spaces inside a run (text laid out with spaces, as
//! monospaced ERP print does) also separate cells.
//!
//! All work is bounded: pages, operators, characters, decoded stream bytes and XObject depth.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::{Font, deref, number};

/// Bounds on the work spent reading a text layer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextLimits {
    pub(crate) max_pages: usize,
    pub(crate) max_operators: usize,
    pub(crate) max_chars: usize,
    /// Decoded bytes of one page's content (or one form's).
    pub(crate) max_stream_bytes: usize,
    pub(crate) max_form_depth: usize,
}

impl Default for TextLimits {
    fn default() -> TextLimits {
        TextLimits {
            max_pages: 200,
            max_operators: 2_000_000,
            max_chars: 1_000_000,
            max_stream_bytes: 32 * 1024 * 1024,
            max_form_depth: 8,
        }
    }
}

/// A gap wider than this (in ems of the larger font) is a space between words.
const SPACE_GAP: f32 = 0.12;
/// A gap wider than this (in ems) separates cells (columns).
const CELL_GAP: f32 = 0.6;

/// A piece of a line: text drawn together, with its horizontal extent in points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    pub(crate) text: String,
}

/// Text on one baseline, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextLine {
    /// Distance of the baseline from the top of the page, in points.
    pub(crate) top: f32,
    /// Font size (points) of the largest text on the line.
    pub(crate) size: f32,
    pub(crate) cells: Vec<Cell>,
}

impl TextLine {
    /// The line as text, cells separated by two spaces.
    pub(crate) fn text(&self) -> String {
        self.cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("  ")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextPage {
    /// 1-based.
    pub(crate) number: u32,
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) lines: Vec<TextLine>,
}

/// The text layer of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextLayer {
    pub(crate) pages: Vec<TextPage>,
    /// Image XObjects and inline images drawn.
    pub(crate) images: usize,
    /// Glyphs drawn whose font gives no text for them.
    pub(crate) undecoded: usize,
    /// Pages in the document (also those not read).
    pub(crate) page_count: usize,
    /// Something was cut short by a limit.
    pub(crate) truncated: bool,
}

impl TextLayer {
    /// Letters and digits in the whole layer.
    pub(crate) fn alphanumerics(&self) -> usize {
        self.pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.cells)
            .map(|c| c.text.chars().filter(|ch| ch.is_alphanumeric()).count())
            .sum()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix {
    a: f32,
    b: f32,
    c: f32,
    d: f32,
    e: f32,
    f: f32,
}

impl Matrix {
    const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    fn from_operands(v: &[f32]) -> Option<Matrix> {
        match v {
            [a, b, c, d, e, f] => Some(Matrix {
                a: *a,
                b: *b,
                c: *c,
                d: *d,
                e: *e,
                f: *f,
            }),
            _ => None,
        }
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix {
            e: x,
            f: y,
            ..Matrix::IDENTITY
        }
    }

    /// `self × other` in PDF's row-vector convention: apply `self` first.
    fn then(self, o: Matrix) -> Matrix {
        let m = Matrix {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        };
        if [m.a, m.b, m.c, m.d, m.e, m.f].iter().all(|v| v.is_finite()) {
            m
        } else {
            Matrix::IDENTITY
        }
    }
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> GraphicsState {
        GraphicsState {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// What one show operation drew, in device space.
#[derive(Debug, Clone)]
struct Run {
    start: (f32, f32),
    end: (f32, f32),
    /// Baseline direction, 0..=3 quarter turns counter-clockwise.
    orientation: u8,
    size: f32,
    text: String,
}

struct Interpreter<'a> {
    doc: &'a Document,
    limits: TextLimits,
    fonts: HashMap<ObjectId, Rc<Font>>,
    inline_fonts: HashMap<usize, Rc<Font>>,
    fallback_font: Rc<Font>,
    runs: Vec<Run>,
    operators: usize,
    chars: usize,
    images: usize,
    undecoded: usize,
    truncated: bool,
    /// Form XObjects being drawn, to stop cycles.
    forms: Vec<ObjectId>,
    /// Bytes of form content decoded so far.
    form_bytes: usize,
}

/// Reads the text layer of every page (up to the page limit).
pub(crate) fn read(doc: &Document, limits: TextLimits) -> TextLayer {
    let pages = doc.get_pages();
    let mut layer = TextLayer {
        page_count: pages.len(),
        ..TextLayer::default()
    };
    let mut interp = Interpreter {
        doc,
        limits,
        fonts: HashMap::new(),
        inline_fonts: HashMap::new(),
        fallback_font: Rc::new(Font::fallback()),
        runs: Vec::new(),
        operators: 0,
        chars: 0,
        images: 0,
        undecoded: 0,
        truncated: pages.len() > limits.max_pages,
        forms: Vec::new(),
        form_bytes: 0,
    };
    for (page_number, page_id) in pages.into_iter().take(limits.max_pages) {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let media_box = inherited(doc, page, b"MediaBox")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| {
                let v: Vec<f32> = a
                    .iter()
                    .filter_map(|o| deref(doc, Some(o)).and_then(number))
                    .collect();
                match v.as_slice() {
                    [x0, y0, x1, y1] => Some([x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1)]),
                    _ => None,
                }
            })
            .unwrap_or([0.0, 0.0, 595.0, 842.0]);
        let resources = inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok());
        interp.runs.clear();
        match doc.get_page_content_with_limit(page_id, limits.max_stream_bytes) {
            Ok(content) => {
                let mut gs = GraphicsState::new(Matrix::IDENTITY);
                interp.run(&content, resources, &mut gs, 0);
            }
            Err(_) => interp.truncated = true,
        }
        let runs = std::mem::take(&mut interp.runs);
        layer.pages.push(build_page(page_number, media_box, runs));
        if interp.operators >= limits.max_operators || interp.chars >= limits.max_chars {
            interp.truncated = true;
            break;
        }
    }
    layer.images = interp.images;
    layer.undecoded = interp.undecoded;
    layer.truncated = interp.truncated;
    layer
}

/// A page attribute that may be inherited from the page tree.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Some(value) = deref(doc, node.get(key).ok()) {
            return Some(value);
        }
        node = deref(doc, node.get(b"Parent").ok())?.as_dict().ok()?;
    }
    None
}

fn numbers(operands: &[Object]) -> Vec<f32> {
    operands.iter().filter_map(number).collect()
}

impl Interpreter<'_> {
    fn exhausted(&self) -> bool {
        self.operators >= self.limits.max_operators || self.chars >= self.limits.max_chars
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        gs: &mut GraphicsState,
        depth: usize,
    ) {
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in Content::decode_iter(content) {
            let Ok(op) = op else { break };
            self.operators += 1;
            if self.exhausted() {
                self.truncated = true;
                return;
            }
            let operands = &op.operands;
            match op.operator.as_str() {
                "q" if stack.len() < 64 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        *gs = saved;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(&numbers(operands)) {
                        gs.ctm = m.then(gs.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let [Object::Name(name), size] = operands.as_slice() {
                        gs.font = Some(self.font(resources, name));
                        gs.size = number(size).unwrap_or(0.0);
                    }
                }
                "Tc" => gs.char_spacing = numbers(operands).first().copied().unwrap_or(0.0),
                "Tw" => gs.word_spacing = numbers(operands).first().copied().unwrap_or(0.0),
                "Tz" => gs.h_scale = numbers(operands).first().copied().unwrap_or(100.0) / 100.0,
                "TL" => gs.leading = numbers(operands).first().copied().unwrap_or(0.0),
                "Ts" => gs.rise = numbers(operands).first().copied().unwrap_or(0.0),
                "Td" | "TD" => {
                    if let [tx, ty] = numbers(operands).as_slice() {
                        if op.operator == "TD" {
                            gs.leading = -ty;
                        }
                        tlm = Matrix::translate(*tx, *ty).then(tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(&numbers(operands)) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = operands.first() {
                        self.show(gs, &mut tm, bytes);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\""
                        && let [aw, ac, ..] = numbers(operands).as_slice()
                    {
                        gs.word_spacing = *aw;
                        gs.char_spacing = *ac;
                    }
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                    if let Some(Object::String(bytes, _)) = operands.last() {
                        self.show(gs, &mut tm, bytes);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => self.show(gs, &mut tm, bytes),
                                other => {
                                    if let Some(n) = number(other) {
                                        let tx = -n / 1000.0 * gs.size * gs.h_scale;
                                        tm = Matrix::translate(tx, 0.0).then(tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Object::Name(name)) = operands.first() {
                        self.xobject(resources, name, gs, depth);
                    }
                }
                "BI" | "EI" => self.images += usize::from(op.operator == "BI"),
                _ => {}
            }
        }
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| deref(doc, r.get(b"Font").ok()))
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(name).ok());
        match entry {
            Some(Object::Reference(id)) => {
                if let Some(font) = self.fonts.get(id) {
                    return Rc::clone(font);
                }
                let font = match deref(doc, entry).and_then(|o| o.as_dict().ok()) {
                    Some(dict) => Rc::new(Font::load(doc, dict)),
                    None => Rc::clone(&self.fallback_font),
                };
                if self.fonts.len() < 4096 {
                    self.fonts.insert(*id, Rc::clone(&font));
                }
                font
            }
            Some(Object::Dictionary(dict)) => {
                // A font written directly into the resources: cached by its address, which is
                // stable while the document is borrowed.
                let key = std::ptr::from_ref(dict) as usize;
                if let Some(font) = self.inline_fonts.get(&key) {
                    return Rc::clone(font);
                }
                let font = Rc::new(Font::load(doc, dict));
                if self.inline_fonts.len() < 4096 {
                    self.inline_fonts.insert(key, Rc::clone(&font));
                }
                font
            }
            _ => Rc::clone(&self.fallback_font),
        }
    }

    fn xobject(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &GraphicsState,
        depth: usize,
    ) {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| deref(doc, r.get(b"XObject").ok()))
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| x.get(name).ok());
        let id = match entry {
            Some(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let Some(stream) = deref(doc, entry).and_then(|o| o.as_stream().ok()) else {
            return;
        };
        match stream.dict.get(b"Subtype").ok() {
            Some(Object::Name(n)) if n == b"Image" => self.images += 1,
            Some(Object::Name(n)) if n == b"Form" => {
                if depth >= self.limits.max_form_depth
                    || id.is_some_and(|id| self.forms.contains(&id))
                {
                    self.truncated = true;
                    return;
                }
                // Every drawing of a form decodes it again: the total is bounded too.
                let budget = self
                    .limits
                    .max_stream_bytes
                    .saturating_mul(2)
                    .saturating_sub(self.form_bytes)
                    .min(self.limits.max_stream_bytes);
                let Ok(content) = stream.get_plain_content_with_limit(budget) else {
                    self.truncated = true;
                    return;
                };
                self.form_bytes = self.form_bytes.saturating_add(content.len());
                let matrix = deref(doc, stream.dict.get(b"Matrix").ok())
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| Matrix::from_operands(&numbers(a)))
                    .unwrap_or(Matrix::IDENTITY);
                let own =
                    deref(doc, stream.dict.get(b"Resources").ok()).and_then(|o| o.as_dict().ok());
                let mut inner = gs.clone();
                inner.ctm = matrix.then(gs.ctm);
                if let Some(id) = id {
                    self.forms.push(id);
                }
                self.run(&content, own.or(resources), &mut inner, depth + 1);
                if id.is_some() {
                    self.forms.pop();
                }
            }
            _ => {}
        }
    }

    fn show(&mut self, gs: &GraphicsState, tm: &mut Matrix, bytes: &[u8]) {
        let font = gs
            .font
            .clone()
            .unwrap_or_else(|| Rc::clone(&self.fallback_font));
        let params = Matrix {
            a: gs.size * gs.h_scale,
            b: 0.0,
            c: 0.0,
            d: gs.size,
            e: 0.0,
            f: gs.rise,
        };
        let start_m = params.then(*tm).then(gs.ctm);
        let mut text = String::new();
        for glyph in font.glyphs(bytes) {
            match glyph.text {
                Some(t) => {
                    for c in t.chars() {
                        match c {
                            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' => text.push(' '),
                            c if c.is_control() || c == '\u{fffd}' => {}
                            c => text.push(c),
                        }
                    }
                }
                None => self.undecoded += 1,
            }
            let spacing = gs.char_spacing
                + if glyph.is_space_code {
                    gs.word_spacing
                } else {
                    0.0
                };
            let tx = (glyph.width * gs.size + spacing) * gs.h_scale;
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
        self.chars += text.len();
        if text.is_empty() {
            return;
        }
        let end_m = params.then(*tm).then(gs.ctm);
        let size = start_m.c.hypot(start_m.d);
        let (dx, dy) = (start_m.a, start_m.b);
        let orientation = if dx.abs() >= dy.abs() {
            if dx >= 0.0 { 0 } else { 2 }
        } else if dy > 0.0 {
            1
        } else {
            3
        };
        if size.is_finite() && size > 0.01 && self.runs.len() < 500_000 {
            self.runs.push(Run {
                start: (start_m.e, start_m.f),
                end: (end_m.e, end_m.f),
                orientation,
                size,
                text,
            });
        }
    }
}

/// Device coordinates to reading coordinates for a baseline orientation: `u` along the text,
/// `v` down the page.
fn to_reading(orientation: u8, (x, y): (f32, f32)) -> (f32, f32) {
    match orientation {
        1 => (y, x),
        2 => (-x, y),
        3 => (-y, -x),
        _ => (x, -y),
    }
}

/// A run in reading coordinates.
struct Placed {
    u0: f32,
    u1: f32,
    v: f32,
    size: f32,
    text: String,
}

fn build_page(number: u32, media_box: [f32; 4], runs: Vec<Run>) -> TextPage {
    // The page reads in the direction most of its text runs in; text at other angles
    // (a rotated margin note) is left out.
    let mut weight = [0usize; 4];
    for run in &runs {
        if let Some(w) = weight.get_mut(usize::from(run.orientation)) {
            *w += run.text.len();
        }
    }
    let orientation = (0u8..4)
        .max_by_key(|o| weight.get(usize::from(*o)).copied().unwrap_or(0))
        .unwrap_or(0);
    let [bx0, by0, bx1, by1] = media_box;
    let corners =
        [(bx0, by0), (bx0, by1), (bx1, by0), (bx1, by1)].map(|p| to_reading(orientation, p));
    let u_min = corners.iter().map(|c| c.0).fold(f32::INFINITY, f32::min);
    let u_max = corners
        .iter()
        .map(|c| c.0)
        .fold(f32::NEG_INFINITY, f32::max);
    let v_min = corners.iter().map(|c| c.1).fold(f32::INFINITY, f32::min);
    let v_max = corners
        .iter()
        .map(|c| c.1)
        .fold(f32::NEG_INFINITY, f32::max);

    let mut placed: Vec<Placed> = runs
        .into_iter()
        .filter(|r| r.orientation == orientation)
        .map(|r| {
            let (u0, v) = to_reading(orientation, r.start);
            let (u1, _) = to_reading(orientation, r.end);
            Placed {
                u0: u0 - u_min,
                u1: (u1 - u_min).max(u0 - u_min),
                v: v - v_min,
                size: r.size,
                text: r.text,
            }
        })
        .collect();
    placed.sort_by(|a, b| a.v.total_cmp(&b.v).then(a.u0.total_cmp(&b.u0)));

    // Baselines within a third of the font size are one line.
    let mut groups: Vec<Vec<Placed>> = Vec::new();
    let mut reference: Option<(f32, f32)> = None;
    for run in placed {
        match (reference, groups.last_mut()) {
            (Some((v, size)), Some(group))
                if (run.v - v).abs() <= 0.35 * size.max(run.size).max(2.0) =>
            {
                group.push(run);
            }
            _ => {
                reference = Some((run.v, run.size));
                groups.push(vec![run]);
            }
        }
    }
    let lines = groups.into_iter().filter_map(build_line).collect();
    TextPage {
        number,
        width: (u_max - u_min).max(1.0),
        height: (v_max - v_min).max(1.0),
        lines,
    }
}

fn build_line(mut runs: Vec<Placed>) -> Option<TextLine> {
    runs.sort_by(|a, b| a.u0.total_cmp(&b.u0));
    let top = runs.first()?.v;
    let size = runs.iter().map(|r| r.size).fold(0.0, f32::max);
    let mut cells: Vec<(Cell, f32)> = Vec::new();
    let mut last: Option<(String, f32)> = None;
    for run in runs {
        // The same text drawn again almost on top of itself (simulated bold) is read once.
        if let Some((text, u0)) = &last
            && *text == run.text
            && (run.u0 - u0).abs() < 0.3 * run.size
        {
            continue;
        }
        last = Some((run.text.clone(), run.u0));
        match cells.last_mut() {
            Some((cell, cell_size)) => {
                let em = cell_size.max(run.size);
                let gap = run.u0 - cell.x1;
                if gap < SPACE_GAP * em {
                    cell.text.push_str(&run.text);
                } else if gap < CELL_GAP * em {
                    if !cell.text.ends_with(' ') && !run.text.starts_with(' ') {
                        cell.text.push(' ');
                    }
                    cell.text.push_str(&run.text);
                } else {
                    cells.push((
                        Cell {
                            x0: run.u0,
                            x1: run.u1,
                            text: run.text,
                        },
                        run.size,
                    ));
                    continue;
                }
                cell.x1 = cell.x1.max(run.u1);
                *cell_size = em;
            }
            None => cells.push((
                Cell {
                    x0: run.u0,
                    x1: run.u1,
                    text: run.text,
                },
                run.size,
            )),
        }
    }
    let cells: Vec<Cell> = cells
        .into_iter()
        .flat_map(|(cell, _)| split_on_wide_spaces(cell))
        .collect();
    (!cells.is_empty()).then_some(TextLine { top, size, cells })
}

/// Splits a cell at runs of two or more spaces, placing the parts proportionally.
fn split_on_wide_spaces(cell: Cell) -> Vec<Cell> {
    let chars: Vec<char> = cell.text.chars().collect();
    let n = chars.len().max(1) as f32;
    let width = cell.x1 - cell.x0;
    let x_at = |i: usize| cell.x0 + width * (i as f32) / n;
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= chars.len() {
        let at_break =
            i == chars.len() || (chars.get(i) == Some(&' ') && chars.get(i + 1) == Some(&' '));
        if at_break {
            let part: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let trimmed = part.trim();
            if !trimmed.is_empty() {
                let lead = part.len() - part.trim_start().len();
                let s = start + part.get(..lead).map_or(0, |p| p.chars().count());
                let e = s + trimmed.chars().count();
                out.push(Cell {
                    x0: x_at(s),
                    x1: x_at(e),
                    text: trimmed.to_owned(),
                });
            }
            while i < chars.len() && chars.get(i) == Some(&' ') {
                i += 1;
            }
            start = i;
            if i == chars.len() {
                break;
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(u0: f32, u1: f32, v: f32, text: &str) -> Placed {
        Placed {
            u0,
            u1,
            v,
            size: 10.0,
            text: text.to_owned(),
        }
    }

    #[test]
    fn gaps_decide_spaces_and_cells() {
        let line = build_line(vec![
            placed(10.0, 30.0, 100.0, "Faktura"),
            placed(33.0, 45.0, 100.0, "nr."),
            placed(45.5, 47.0, 100.0, ":"),
            placed(120.0, 150.0, 100.0, "10234"),
        ])
        .expect("a line");
        let texts: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["Faktura nr.:", "10234"]);
    }

    #[test]
    fn wide_spaces_split_cells() {
        let cells = split_on_wide_spaces(Cell {
            x0: 0.0,
            x1: 300.0,
            text: "Fakturanr:    10234  ".to_owned(),
        });
        let texts: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["Fakturanr:", "10234"]);
        assert!(cells[1].x0 > cells[0].x1);
    }
}

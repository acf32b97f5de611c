//! Pictures: "scanned" invoice pages (a sheet rendered with a 5×7 bitmap font, so a person
//! opening the fixture sees an invoice), the multi-page TIFF, and the small PNG logo of an
//! e-mail signature. No randomness: the "scan" is clean, its look comes from the blocky font.

use std::io::Cursor;

use anyhow::{Context, Result};
use tiff::encoder::{Compression, TiffEncoder, colortype::Gray8};
use tiff::tags::{ResolutionUnit, Tag};

use crate::layout::{Align, Font, PAGE_HEIGHT, Sheet};
use crate::pdf::deflate;

/// An 8-bit grey image, 0 black, 255 white, rows top-down.
#[derive(Debug, Clone)]
pub(crate) struct Bitmap {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) dpi: u32,
    pixels: Vec<u8>,
}

impl Bitmap {
    pub(crate) fn new(width: u32, height: u32, dpi: u32, paper: u8) -> Self {
        Bitmap {
            width,
            height,
            dpi,
            pixels: vec![paper; (width * height) as usize],
        }
    }

    /// An A4 page at `dpi`.
    pub(crate) fn a4(dpi: u32, paper: u8) -> Self {
        // 210 × 297 mm.
        let width = (210.0 / 25.4 * f64::from(dpi)).round() as u32;
        let height = (297.0 / 25.4 * f64::from(dpi)).round() as u32;
        Bitmap::new(width, height, dpi, paper)
    }

    fn fill(&mut self, x: i64, y: i64, w: i64, h: i64, ink: u8) {
        for yy in y.max(0)..(y + h).min(i64::from(self.height)) {
            for xx in x.max(0)..(x + w).min(i64::from(self.width)) {
                self.pixels[(yy as u32 * self.width + xx as u32) as usize] = ink;
            }
        }
    }

    /// 1 bit per pixel, rows padded to a byte, 1 = white (PDF DeviceGray, BitsPerComponent 1).
    pub(crate) fn packed_1bit(&self) -> Vec<u8> {
        let row_bytes = self.width.div_ceil(8) as usize;
        let mut out = vec![0u8; row_bytes * self.height as usize];
        for y in 0..self.height as usize {
            for x in 0..self.width as usize {
                if self.pixels[y * self.width as usize + x] >= 128 {
                    out[y * row_bytes + x / 8] |= 0x80 >> (x % 8);
                }
            }
        }
        out
    }

    /// Draw a sheet as a printer would put it on paper: text in the bitmap font, rules as bars.
    pub(crate) fn draw(&mut self, sheet: &Sheet, ink: u8) {
        let dpi = f64::from(self.dpi);
        let px = |pt: f64| (pt * dpi / 72.0).round() as i64;
        for r in &sheet.rules {
            let thickness = px(r.width).max(1);
            self.fill(
                px(r.x1),
                px(PAGE_HEIGHT - r.y),
                px(r.x2) - px(r.x1),
                thickness,
                ink,
            );
        }
        for cell in &sheet.cells {
            // Cap height of Helvetica is ~0.72 em; the font's 7 rows stand for it.
            let scale = ((cell.size * 0.72 * dpi / 72.0 / 7.0).round() as i64).max(1);
            let advance = 6 * scale;
            let width = advance * cell.text.chars().count() as i64;
            let left = match cell.align {
                Align::Left => px(cell.x),
                Align::Right => px(cell.x) - width,
            };
            let baseline = px(PAGE_HEIGHT - cell.y);
            for (i, c) in cell.text.chars().enumerate() {
                let rows = glyph(c);
                let x0 = left + i as i64 * advance;
                for (row, bits) in rows.iter().enumerate() {
                    for col in 0..5 {
                        if bits & (0x10 >> col) != 0 {
                            let y = baseline - (7 - row as i64) * scale;
                            self.fill(x0 + col * scale, y, scale, scale, ink);
                            if cell.font == Font::Bold {
                                self.fill(x0 + col * scale + 1, y, scale, scale, ink);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The pages as one multi-page greyscale TIFF (LZW), as a document scanner writes it.
pub(crate) fn tiff(pages: &[Bitmap], software: &str) -> Result<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    let mut encoder = TiffEncoder::new(&mut out)
        .context("TIFF header")?
        .with_compression(Compression::Lzw);
    for page in pages {
        let mut image = encoder
            .new_image::<Gray8>(page.width, page.height)
            .context("TIFF page")?;
        image.resolution(
            ResolutionUnit::Inch,
            tiff::encoder::Rational { n: page.dpi, d: 1 },
        );
        image
            .encoder()
            .write_tag(Tag::Software, software)
            .context("TIFF Software tag")?;
        image.write_data(&page.pixels).context("TIFF image data")?;
    }
    Ok(out.into_inner())
}

/// A small indexed-colour PNG: a coloured badge with white initials and the company name in
/// dark grey, the kind of logo an e-mail signature carries.
pub(crate) fn logo_png(initials: &str, name: &str) -> Result<Vec<u8>> {
    let (width, height) = (180u32, 40u32);
    // Palette: 0 white, 1 brand colour, 2 dark grey.
    let mut bitmap = Bitmap::new(width, height, 72, 0);
    bitmap.fill(0, 0, 40, 40, 1);
    let mut put = |text: &str, x0: i64, y0: i64, scale: i64, ink: u8| {
        for (i, c) in text.chars().enumerate() {
            for (row, bits) in glyph(c).iter().enumerate() {
                for col in 0..5 {
                    if bits & (0x10 >> col) != 0 {
                        bitmap.fill(
                            x0 + i as i64 * 6 * scale + col * scale,
                            y0 + row as i64 * scale,
                            scale,
                            scale,
                            ink,
                        );
                    }
                }
            }
        }
    };
    put(initials, 4, 6, 3, 0);
    put(name, 48, 13, 2, 2);
    let mut raw = Vec::with_capacity(((width + 1) * height) as usize);
    for row in bitmap.pixels.chunks(width as usize) {
        raw.push(0); // filter: none
        raw.extend_from_slice(row);
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 3, 0, 0, 0]); // 8 bit, indexed, deflate, adaptive, no interlace
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(
        &mut png,
        b"PLTE",
        &[0xFF, 0xFF, 0xFF, 0x1F, 0x5F, 0x8F, 0x33, 0x33, 0x33],
    );
    chunk(&mut png, b"IDAT", &deflate(&raw));
    chunk(&mut png, b"IEND", &[]);
    Ok(png)
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let crc = crc32(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

/// CRC-32 (IEEE 802.3), as PNG and ZIP use it.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A 5×7 glyph: 7 rows, top first, bit 4 the leftmost column. Lower case prints as upper
/// case; anything unknown as a blank.
fn glyph(c: char) -> [u8; 7] {
    let c = match c {
        'æ' => 'Æ',
        'ø' => 'Ø',
        'å' => 'Å',
        'é' => 'E',
        other => other.to_ascii_uppercase(),
    };
    match c {
        'A' => [0x0E, 0x11, 0x11, 0x11, 0x1F, 0x11, 0x11],
        'B' => [0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E],
        'C' => [0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E],
        'D' => [0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C],
        'E' => [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F],
        'F' => [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10],
        'G' => [0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F],
        'H' => [0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
        'I' => [0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E],
        'J' => [0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C],
        'K' => [0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11],
        'L' => [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F],
        'M' => [0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11],
        'N' => [0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11],
        'O' => [0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E],
        'P' => [0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10],
        'Q' => [0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D],
        'R' => [0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11],
        'S' => [0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E],
        'T' => [0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
        'U' => [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E],
        'V' => [0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04],
        'W' => [0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A],
        'X' => [0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11],
        'Y' => [0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04],
        'Z' => [0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F],
        'Æ' => [0x0F, 0x14, 0x14, 0x1F, 0x14, 0x14, 0x17],
        'Ø' => [0x0E, 0x13, 0x13, 0x15, 0x19, 0x19, 0x0E],
        'Å' => [0x04, 0x0A, 0x0E, 0x11, 0x1F, 0x11, 0x11],
        '0' => [0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E],
        '1' => [0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E],
        '2' => [0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F],
        '3' => [0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E],
        '4' => [0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02],
        '5' => [0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E],
        '6' => [0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E],
        '7' => [0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
        '8' => [0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E],
        '9' => [0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C],
        '.' => [0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C],
        ',' => [0x00, 0x00, 0x00, 0x00, 0x0C, 0x04, 0x08],
        ':' => [0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00],
        ';' => [0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x04, 0x08],
        '-' | '–' => [0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00],
        '/' => [0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00],
        '%' => [0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03],
        '(' => [0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02],
        ')' => [0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08],
        '@' => [0x0E, 0x11, 0x01, 0x0D, 0x15, 0x15, 0x0E],
        '&' => [0x0C, 0x12, 0x14, 0x08, 0x15, 0x12, 0x0D],
        '+' => [0x00, 0x04, 0x04, 0x1F, 0x04, 0x04, 0x00],
        '=' => [0x00, 0x00, 0x1F, 0x00, 0x1F, 0x00, 0x00],
        '·' => [0x00, 0x00, 0x00, 0x0C, 0x0C, 0x00, 0x00],
        '#' => [0x0A, 0x0A, 0x1F, 0x0A, 0x1F, 0x0A, 0x0A],
        _ => [0; 7],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}

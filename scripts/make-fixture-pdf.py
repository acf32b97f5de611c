#!/usr/bin/env python3
"""Make the small one-page PDF embedded in the EHF fixtures, and print it as Base64.

Stdlib only and deterministic (no dates, no random ids), so running it again gives the same
bytes as the fixture holds. The PDF is a genuine PDF 1.4 file: one A4 page, the Helvetica base
font (WinAnsiEncoding, so Norwegian letters work), an uncompressed content stream and a
cross-reference table with correct byte offsets.

Usage:
    scripts/make-fixture-pdf.py [--out FILE.pdf] LINE [LINE ...]

The first LINE is the heading (e.g. "Faktura FK-2026-1041"), drawn larger; the rest are body
lines. The Base64 is printed on stdout, wrapped at 76 characters per line (MIME style), ready
to paste into cbc:EmbeddedDocumentBinaryObject.

The PDF in fixtures/ehf/01-valid-nok-with-pdf.xml is:
    scripts/make-fixture-pdf.py "Faktura FK-2026-1041" \
        "Fjordlys Kontorutstyr AS, org.nr. NO 915726305 MVA" "Kokstaddalen 31, 5257 Kokstad" "" \
        "Til: Digitools AS, Sandakerveien 138, 0484 Oslo" "Deres ref.: DT-IT-4471" \
        "Fakturadato: 02.03.2026   Forfall: 01.04.2026" "" "Sum eks. mva: 24907.30 NOK" \
        "Mva 25 %: 6226.83 NOK" "Å betale: 31134.13 NOK" "Kontonummer: 1503.20.80119"
"""

import argparse
import base64
import sys


def pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding, with ( ) and \\ escaped."""
    raw = text.encode("cp1252")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def content_stream(lines: list[str]) -> bytes:
    heading, body = lines[0], lines[1:]
    ops = [b"BT", b"/F1 20 Tf", b"56 770 Td", pdf_string(heading) + b" Tj", b"/F1 11 Tf", b"0 -30 Td"]
    for line in body:
        ops.append(pdf_string(line) + b" Tj")
        ops.append(b"0 -16 Td")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def make_pdf(lines: list[str]) -> bytes:
    stream = content_stream(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"endstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n"
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\n"
    out += b"startxref\n" + str(xref_at).encode() + b"\n%%EOF\n"
    return bytes(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="also write the PDF itself to this file")
    parser.add_argument("lines", nargs="+", help="heading, then body lines")
    args = parser.parse_args()
    pdf = make_pdf(args.lines)
    if args.out:
        with open(args.out, "wb") as f:
            f.write(pdf)
    encoded = base64.b64encode(pdf).decode("ascii")
    for i in range(0, len(encoded), 76):
        sys.stdout.write(encoded[i : i + 76] + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

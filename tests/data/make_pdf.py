"""Write the tiny one-page test PDF (tests/data/tiny/report.pdf) without any PDF library.

Usage: python tests/data/make_pdf.py OUTPUT_PATH

The page uses the standard Type1 font Helvetica with WinAnsiEncoding, so accented
Latin letters (é, ó) come out of text extraction. Byte offsets in the xref table are
computed from the bytes actually written.
"""

from __future__ import annotations

import sys
from pathlib import Path

TITLE = "Police Training Programme: Summary Report"
LINES = [
    "The Regional Police Academy (RPA), directed by Commissioner Elena Vargas, trained",
    "120 officers of the National Civil Police of Guatemala in Flores, Petén, in May 2023.",
    "The ten-week course covered border patrols, evidence handling and human rights.",
    "The programme was funded with EUR 1.2 million from the government of Spain.",
]


def _pdf_string(text: str) -> bytes:
    """Encode text as a PDF literal string in WinAnsi (cp1252), escaping specials."""
    raw = text.encode("cp1252")
    for ch in (b"\\", b"(", b")"):
        raw = raw.replace(ch, b"\\" + ch)
    return b"(" + raw + b")"


def _content_stream() -> bytes:
    ops = [b"BT", b"/F1 16 Tf", b"72 720 Td", _pdf_string(TITLE) + b" Tj", b"/F1 11 Tf", b"0 -30 Td"]
    for i, line in enumerate(LINES):
        if i:
            ops.append(b"0 -16 Td")
        ops.append(_pdf_string(line) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def build_pdf() -> bytes:
    """Return the bytes of a valid one-page PDF 1.4 document."""
    content = _content_stream()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"endstream",
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


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_pdf.py OUTPUT_PATH", file=sys.stderr)
        return 2
    path = Path(argv[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_pdf())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

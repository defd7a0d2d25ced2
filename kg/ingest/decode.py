"""Bytes -> str, the way a careful reader would: BOMs, UTF-8, UTF-16, cp1252."""
from __future__ import annotations

from pathlib import Path

from ..errors import IngestError


def decode_bytes(path: Path, data: bytes) -> str:
    """Decode `data`, normalising newlines to "\\n" as Python's text mode does.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; other
    bytes that are not UTF-8 are read as cp1252 (then Latin-1), the usual case for
    legacy Western text. A file that looks binary is refused.

    >>> decode_bytes(Path("a.txt"), "caf\\u00e9\\r\\nx".encode("cp1252"))
    'café\\nx'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{path}: UTF-16 byte order mark but invalid UTF-16 at byte {exc.start}; "
                              "re-save as UTF-8", code="E018") from exc
    else:
        if _looks_binary(data):
            raise IngestError(f"{path}: binary content, not text; remove it or give it the right extension",
                              code="E019")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CONTROL = bytes(b for b in range(256) if b < 9 or 13 < b < 32 or b == 127)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if head.count(b"\x00") > len(head) // 10:
        return True
    ctrl = len(head) - len(head.translate(None, _CONTROL))
    return ctrl > max(2, len(head) // 40)     # text has almost none; random bytes about 10%

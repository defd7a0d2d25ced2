"""Read files into Document records.

Every offset kg records refers to `Document.text`: for plain text and Markdown
the file's characters as decoded (newlines normalised to "\\n", as Python's text
mode reads them); for HTML and PDF the extracted main text, which is stored on
the document node so a user can highlight any span.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import IngestError
from ..records import Document
from .clean import find_debris, find_date, find_title
from .decode import decode_bytes

TEXT_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A file (or a JSONL line) that gave no document, and why."""

    path: str
    message: str          # coded, one line
    skipped: bool = False  # True for files kg does not read (unsupported type), not errors


def iter_files(paths: list[Path]) -> Iterator[Path | IngestFailure]:
    """Yield the files under `paths` in a stable order; dangling links and loops become failures."""
    for root in paths:
        if root.is_symlink() and not root.exists():
            yield IngestFailure(str(root), f"[E011] {root}: dangling symbolic link; fix or remove it")
        elif root.is_dir():
            seen: set[tuple[int, int]] = set()
            for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
                st = os.stat(dirpath)
                if (st.st_dev, st.st_ino) in seen:
                    dirnames[:] = []
                    yield IngestFailure(dirpath, f"[E012] {dirpath}: symbolic link loop; not followed")
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    p = Path(dirpath) / name
                    if p.is_symlink() and not p.exists():
                        yield IngestFailure(str(p), f"[E011] {p}: dangling symbolic link; fix or remove it")
                    else:
                        yield p
        elif root.exists():
            yield root
        else:
            yield IngestFailure(str(root), f"[E013] {root}: no such file or folder")


def iter_documents(paths: list[Path]) -> Iterator[Document | IngestFailure]:
    """Yield a Document (or an IngestFailure) for every readable file under `paths`."""
    for item in iter_files(paths):
        if isinstance(item, IngestFailure):
            yield item
            continue
        try:
            yield from read_path(item)
        except IngestError as exc:
            yield IngestFailure(str(item), str(exc),
                                skipped=exc.code in ("E014",))


def read_path(path: Path) -> Iterator[Document | IngestFailure]:
    """Read one file; JSONL yields one Document per good line and a failure per bad one.

    Raises:
        IngestError: the file cannot be read at all (coded message naming the file).
    """
    suffix = path.suffix.lower()
    if path.exists() and not path.is_file():
        raise IngestError(f"{path}: not a regular file (a pipe, device or socket); kg reads only files",
                          code="E027")
    if suffix not in TEXT_SUFFIXES and suffix not in HTML_SUFFIXES and suffix not in (".pdf", ".jsonl"):
        raise IngestError(f"{path}: unsupported file type {suffix or '(none)'!r}; "
                          "kg reads .txt .md .html .htm .pdf .jsonl", code="E014")
    data = _read_bytes(path)
    if suffix == ".pdf":
        from .pdf import pdf_text
        yield _document(path, pdf_text(path, data), str(path), "application/pdf")
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, data)
    elif suffix in HTML_SUFFIXES:
        from .html import html_text
        text, title, date = html_text(path, decode_bytes(path, data))
        yield _document(path, text, str(path), "text/html", title=title, date=date)
    else:
        yield _document(path, decode_bytes(path, data), str(path), TEXT_SUFFIXES[suffix])


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"{path}: {size} bytes is over the {MAX_FILE_BYTES} byte limit; split it",
                              code="E015")
        return path.read_bytes()
    except PermissionError as exc:
        raise IngestError(f"{path}: permission denied; check the file's permissions", code="E016") from exc
    except IsADirectoryError as exc:
        raise IngestError(f"{path}: is a directory", code="E016") from exc
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror or exc}); check the file", code="E016") from exc


def _read_jsonl(path: Path, data: bytes) -> Iterator[Document | IngestFailure]:
    text = decode_bytes(path, data)
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestFailure(where, f"[E020] {where}: not valid JSON ({exc.msg}); fix the line")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield IngestFailure(where, f"[E021] {where}: record has no string 'text' field; "
                                "each line needs {\"text\": \"...\"}")
            continue
        body = rec["text"].replace("\r\n", "\n").replace("\r", "\n")
        rid = str(rec.get("id") or n)
        try:
            yield _document(path, body, str(rec.get("url") or path), "application/jsonl",
                            identifier=f"{path.name}#{rid}",
                            title=_str(rec.get("title")), date=_str(rec.get("date")))
        except IngestError as exc:
            yield IngestFailure(where, str(exc))


def _unskipped(text: str, skip) -> str:
    out, pos = [], 0
    for b, e in skip:
        out.append(text[pos:b])
        pos = e
    out.append(text[pos:])
    return " ".join(out)


def _str(v) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def _document(path: Path, text: str, source: str, media_type: str, *, identifier: str | None = None,
              title: str | None = None, date: str | None = None) -> Document:
    if "\x00" in text:
        text = text.replace("\x00", " ")
    if not text.strip():
        raise IngestError(f"{identifier or path}: no text (empty or whitespace only); nothing to extract",
                          code="E017")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    skip = find_debris(text)
    kept = len(text) - sum(e - b for b, e in skip)
    if kept < 20 or len(_unskipped(text, skip).split()) < 3:
        raise IngestError(f"{identifier or path}: no article text once page debris (menus, share lines, "
                          "bylines) is set aside; nothing to extract", code="E028")
    return Document(
        doc_id=digest[:16], identifier=identifier or path.name, source=source, text=text,
        content_hash=f"sha256:{digest}", title=title or find_title(text, skip),
        date=_iso_date(date) or find_date(text), media_type=media_type, skip=tuple(skip))


def _iso_date(s: str | None) -> str | None:
    if not s:
        return None
    from .clean import parse_date
    return parse_date(s)


def document_from_record(record: dict) -> Document:
    """The Document a store recorded (its text as read, identifier, source, title, date,
    format), for extracting it again when its file is gone.

    Deterministic: the same text gives the same doc_id, content hash and skipped spans as
    when the file was read.

    Raises:
        IngestError: [E017]/[E028] the recorded text has nothing to extract.
    """
    ident = record["identifier"]
    return _document(Path(ident), record["text"], record["source"], record.get("media_type") or "text/plain",
                     identifier=ident, title=record.get("title"), date=record.get("date"))

"""Text of a PDF, page by page, with pypdf."""
from __future__ import annotations

import io
from pathlib import Path

from ..errors import IngestError


def pdf_text(path: Path, data: bytes) -> str:
    """Return the text of every page, pages separated by a blank line.

    Raises:
        IngestError: the PDF is encrypted, corrupt, or has no text layer.
    """
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)   # its warnings would break our one-line errors

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(f"{path}: PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)", code="E024")
        pages = [(p.extract_text() or "").strip() for p in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{path}: corrupt PDF ({exc}); re-export it", code="E025") from exc
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise IngestError(f"{path}: PDF has no text layer (scanned?); run OCR first", code="E026")
    return text.replace("\r\n", "\n").replace("\r", "\n")

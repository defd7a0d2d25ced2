"""Main text of an HTML page, with trafilatura (navigation, footers and ads dropped)."""
from __future__ import annotations

from pathlib import Path

from ..errors import IngestError


def html_text(path: Path, html: str) -> tuple[str, str | None, str | None]:
    """Return (main text, title, ISO date) of an HTML page.

    Raises:
        IngestError: no main text could be found.
    """
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   include_links=False, include_images=False, deduplicate=False,
                                   with_metadata=False)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise IngestError(f"{path}: HTML could not be parsed ({type(exc).__name__}); check the file",
                          code="E022") from exc
    if not text or not text.strip():
        raise IngestError(f"{path}: no main text found in the HTML page", code="E023")
    title = meta.title if meta is not None and meta.title else None
    date = meta.date if meta is not None and meta.date else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text, title, date

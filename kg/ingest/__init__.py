"""Files -> Document records: decode, detect format, clean, hash."""
from .read import IngestFailure, read_path, iter_documents

__all__ = ["IngestFailure", "read_path", "iter_documents"]

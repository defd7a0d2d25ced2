"""One exception tree; every message is coded and says what to do next."""
from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose. Messages start with a code."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None):
        self.code = code or self.code
        super().__init__(f"[{self.code}] {message}")


class ConfigError(KgError):
    code = "E001"


class IngestError(KgError):
    """A file could not be read as a document."""

    code = "E010"


class ExtractionError(KgError):
    code = "E030"


class StoreError(KgError):
    code = "E050"


class StoreLocked(StoreError):
    code = "E051"


class ClusterError(KgError):
    """Extraction could not run where it was asked to (Dask missing, scheduler unreachable)."""

    code = "E060"


class QueryRejected(KgError):
    code = "E070"


class QueryError(KgError):
    code = "E071"


class ExportError(KgError):
    code = "E080"


class ViewError(KgError):
    """A view, path or statistics request that cannot be met (unknown entity, bad date...)."""

    code = "E100"


class ModelNotFound(KgError):
    code = "E090"

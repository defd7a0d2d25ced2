"""Throughput of `kg build` against the bare spaCy pipeline on the same texts (one process).

Prints medians of 3 runs. The corpus is the bundled sample corpus repeated to
reach about 200 documents; a realistic 10k-article generator is not written yet.
"""
from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kg.builder import build
from kg.config import load_settings
from kg.graph.store import KgStore
from kg.ingest import IngestFailure, iter_documents
from kg.nlp.extract import masked_text
from kg.nlp.pipeline import load_kg_pipeline, load_pipeline

ROOT = Path(__file__).resolve().parent.parent


def corpus(tmp: Path, copies: int = 15) -> tuple[Path, list[str]]:
    docs = [d for d in iter_documents([ROOT / "examples" / "corpus"]) if not isinstance(d, IngestFailure)]
    out = tmp / "corpus"
    out.mkdir()
    texts = []
    for i in range(copies):
        for j, d in enumerate(docs):
            text = f"{d.text}\n\n(copy {i})"   # a distinct content hash per copy
            (out / f"{i:03d}-{j:02d}.txt").write_text(text, encoding="utf-8")
            texts.append(text)
    return out, texts


def main() -> None:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        folder, texts = corpus(tmp)
        words = sum(len(x.split()) for x in texts)
        nlp = load_pipeline()
        kg_nlp = load_kg_pipeline()
        spacy_s, build_s = [], []
        for run in range(3):
            t0 = time.perf_counter()
            for _ in load_pipeline().pipe(texts, batch_size=32):
                pass
            spacy_s.append(time.perf_counter() - t0)
            store_dir = tmp / f"store{run}"
            t0 = time.perf_counter()
            with KgStore(store_dir) as st:
                build([folder], st, load_settings())
            build_s.append(time.perf_counter() - t0)
            shutil.rmtree(store_dir)
        sp, bd = statistics.median(spacy_s), statistics.median(build_s)
        print(f"BENCH docs {len(texts)} docs")
        print(f"BENCH words {words} words")
        print(f"BENCH spacy_words_per_s {words / sp:.0f} words/s")
        print(f"BENCH build_words_per_s {words / bd:.0f} words/s")
        print(f"BENCH build_vs_spacy_ratio {sp / bd:.2f} x")
        del nlp, kg_nlp


if __name__ == "__main__":
    main()

"""Throughput and memory of `kg build` against the bare spaCy pipeline on the same texts.

The corpus: news-like articles of about 150 words (benchmarks/corpus.py), 1,000 and 10,000.
Each measurement runs in a fresh Python process, with the model loaded before the clock
starts, for both: for kg, its whole pipeline (the spaCy model, the lexicon and the matcher of
the gazetteers' names: `kg.runners.warm`, about 3 s, paid once per build). The bare pipeline
is `nlp.pipe` over the texts with `n_process` 1 or 2, nothing else; `kg build` reads the files, extracts, resolves and writes the store, with 1 or
2 worker processes. Peak RSS is that of the measured process (the writer, which holds the
identity index) and of its largest worker.

At 1,000 documents each figure is the median of 5 runs, bare spaCy and kg alternated (the
machine's speed drifts over minutes; alternating exposes both to the same drift: single pairs
measured here ranged from 0.66 to 0.85 in one sitting, so 3 runs decided the 0.75 line by chance); at 10,000,
one run each. Lines: `BENCH <name> <value> <unit>`; ratios are kg words/s ÷ spaCy words/s
(the ratio of the medians).
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run_one(kind: str, n: int, folder: Path, store: Path) -> dict:
    """Measured in this (fresh) process; printed as JSON for the parent."""
    sys.path.insert(0, str(ROOT))
    from kg.config import load_settings
    from kg.nlp.pipeline import load_pipeline
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    if kind == "spacy":
        nlp = load_pipeline()
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64, n_process=n):
            pass
        seconds = time.perf_counter() - t0
        docs = len(texts)
    else:
        from kg.builder import build
        from kg.graph.store import KgStore
        from kg.runners import Job, warm
        settings = load_settings(workers=n)
        warm(Job(settings.model, settings.ontology_dir))     # model, lexicon, gazetteer matcher
        del texts
        t0 = time.perf_counter()
        with KgStore(store) as st:
            report = build([folder], st, settings)
        seconds = time.perf_counter() - t0
        assert report.ok, report.failed[:3]
        docs = len(report.built)
    return {"seconds": seconds, "words": words, "docs": docs,
            "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def measure_once(kind: str, n: int, folder: Path, store: Path) -> dict:
    """One measurement in a fresh process and a fresh store."""
    import shutil
    shutil.rmtree(store, ignore_errors=True)
    out = subprocess.run([sys.executable, "-m", "benchmarks.build", "one", kind, str(n), str(folder), str(store)],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"{kind} x{n} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_run(results: list[dict]) -> dict:
    """The run of median time."""
    ordered = sorted(results, key=lambda r: r["seconds"])
    return ordered[len(ordered) // 2]


def measure_pairs(n: int, folder: Path, tmp: Path, runs: int) -> tuple[dict, dict, list[float]]:
    """bare spaCy and kg build, alternated `runs` times (this machine's speed drifts by
    +-15% over minutes: alternating exposes both to the same drift). Returns the median
    run of each and the ratio of every pair."""
    spacy, kg = [], []
    for _ in range(runs):
        spacy.append(measure_once("spacy", n, folder, tmp / f"store-spacy-{n}"))
        kg.append(measure_once("kg", n, folder, tmp / f"store-kg-{n}"))
    ratios = [s["seconds"] / k["seconds"] for s, k in zip(spacy, kg)]
    return median_run(spacy), median_run(kg), ratios


def _report(label: str, r: dict, n: int) -> None:
    print(f"BENCH {label}_s {r['seconds']:.1f} s")
    print(f"BENCH {label}_words_per_s {r['words'] / r['seconds']:.0f} words/s")
    print(f"BENCH {label}_docs_per_s {r['docs'] / r['seconds']:.1f} docs/s")
    print(f"BENCH {label}_rss_mb {r['rss_self_mb']:.0f} MB")
    if n > 1:
        print(f"BENCH {label}_worker_rss_mb {r['rss_workers_mb']:.0f} MB")
    sys.stdout.flush()


def main() -> None:
    from .corpus import write_corpus
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        res: dict[tuple[str, int, int], dict] = {}
        ratios: dict[tuple[int, int], list[float]] = {}
        for size, n, runs in ((1000, 1, 5), (1000, 2, 5), (10000, 2, 1)):
            folder = tmp / f"corpus-{size}"
            if not folder.exists():
                _, words = write_corpus(folder, size)
                print(f"BENCH corpus_{size // 1000}k_words {words} words")
            sp, kg, ratios[(size, n)] = measure_pairs(n, folder, tmp, runs)
            res[("spacy", size, n)], res[("kg", size, n)] = sp, kg
            _report(f"spacy_{size // 1000}k_{n}p", sp, n)
            _report(f"kg_{size // 1000}k_{n}p", kg, n)
            if runs > 1:
                print(f"# {size} docs, {n} process(es): spaCy/kg ratio of each alternated pair: "
                      + ", ".join(f"{r:.2f}" for r in ratios[(size, n)]))
        ratio = lambda size, n: res[("spacy", size, n)]["seconds"] / res[("kg", size, n)]["seconds"]
        print(f"BENCH build_vs_spacy_ratio {ratio(1000, 1):.2f} x")
        print(f"BENCH build_vs_spacy_2w_ratio {ratio(1000, 2):.2f} x")
        print(f"BENCH build_vs_spacy_2w_10k_ratio {ratio(10000, 2):.2f} x")
        print(f"BENCH workers2_speedup {res[('kg', 1000, 1)]['seconds'] / res[('kg', 1000, 2)]['seconds']:.2f} x")
        print(f"BENCH spacy_2p_speedup {res[('spacy', 1000, 1)]['seconds'] / res[('spacy', 1000, 2)]['seconds']:.2f} x")
        print(f"BENCH rss_10k_vs_1k {res[('kg', 10000, 2)]['rss_self_mb'] / res[('kg', 1000, 2)]['rss_self_mb']:.2f} x")
        print(f"BENCH rss_workers_10k_vs_1k "
              f"{res[('kg', 10000, 2)]['rss_workers_mb'] / res[('kg', 1000, 2)]['rss_workers_mb']:.2f} x")


if __name__ == "__main__":
    if sys.argv[1:2] == ["one"]:
        kind, n, folder, store = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5])
        print(json.dumps(_run_one(kind, n, folder, store)))
    else:
        main()

"""Helpers for the robustness tests: run `kg` as a user does, read its stderr,
fingerprint a store, and the small news texts the tests build from.

Every text here was written for these tests (none is copied from a corpus).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CODED = re.compile(r"^\[E0\d\d\] \S")
SUMMARY = re.compile(r"^built (?P<built>\d+), replaced (?P<replaced>\d+), unchanged (?P<unchanged>\d+), "
                     r"skipped (?P<skipped>\d+), failed (?P<failed>\d+)(?:, re-extracted \d+, duplicates \d+)? -> \S")

# The reason shared by every build test that expects exit 2 (see the report of issue 7).
EXIT_BUG = ("kg.cli.main calls app(standalone_mode=False) and drops the value it returns: click turns "
            "`raise typer.Exit(2)` into a return value in that mode, so `kg build` exits 0 when documents "
            "failed (and with --strict when files were skipped); fix: sys.exit(app(standalone_mode=False) or 0)")

# two short articles shared by the robustness and security suites
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
SEIZURE = (ARTICLES / "seizure.txt").read_text(encoding="utf-8")

DONATION = (ARTICLES / "donation.txt").read_text(encoding="utf-8")

FRESH = """Army seizes weapons cache in Olancho

August 14, 2023

Soldiers of the Honduran Army seized 40 rifles and 12,000 rounds of ammunition in a raid near Catacamas, Olancho, on Sunday, the Defence Ministry said.
"""


def kg_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m kg`."""
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


@dataclass
class Run:
    """One finished `kg` process."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [l for l in self.stderr.splitlines() if l.strip()]

    def summary(self) -> dict[str, int]:
        found = [SUMMARY.match(l) for l in self.lines]
        found = [m for m in found if m]
        assert len(found) == 1, f"expected one summary line 'built N, ...', got:\n{self.stderr}"
        return {k: int(v) for k, v in found[0].groupdict().items()}

    def coded(self, code: str, where: str) -> list[str]:
        """The stderr lines that carry `code` and name `where`."""
        return [l for l in self.lines if l.startswith(f"[{code}] ") and where in l]

    def assert_one_coded_line(self, code: str, where: str) -> str:
        """Exactly one stderr line `[code] <where>...`: the coded message names the file, on one line."""
        hits = self.coded(code, where)
        assert len(hits) == 1, f"want one line '[{code}] ...{where}...' on stderr, got:\n{self.stderr}"
        assert hits[0].startswith(f"[{code}] {where}"), f"the message should begin with the file: {hits[0]!r}"
        return hits[0]

    def assert_no_traceback(self) -> None:
        assert "Traceback" not in self.stderr and "Traceback" not in self.stdout, self.stderr[-3000:]


def run_kg(*args, cwd: Path, timeout: float = 180) -> Run:
    """Run `kg ARGS` in `cwd` with a plain environment (no --debug, default terminal width)."""
    env = {k: v for k, v in os.environ.items() if k not in ("KG_DEBUG", "COLUMNS", "LINES")}
    env["NO_COLOR"] = "1"
    cmd = [*kg_command(), *map(str, args)]
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:  # subprocess.run has killed the child
        pytest.fail(f"`kg {' '.join(map(str, args))}` did not finish within {timeout:.0f} s")
    return Run(cmd, p.returncode, p.stdout, p.stderr)


@dataclass(frozen=True)
class Fingerprint:
    """What must not change when an operation fails: counts and the hash of the N-Triples export."""

    quads: int
    triples: int
    nt_sha256: str


def n_triples(store: Path) -> bytes:
    from kg.export.serialize import render
    from kg.graph.store import KgStore

    with KgStore(store, read_only=True) as st:
        return render(st, "nt")


def fingerprint(store: Path) -> Fingerprint:
    from kg.export.serialize import triples
    from kg.graph.store import KgStore

    with KgStore(store, read_only=True) as st:
        quads, n = len(st), len(triples(st))
    return Fingerprint(quads, n, hashlib.sha256(n_triples(store)).hexdigest())


def stored_texts(store: Path) -> dict[str, str]:
    """dcterms:identifier -> nif:isString of every stored document."""
    from kg.graph.store import KgStore
    from kg.query.run import run_query

    q = "SELECT ?id ?text WHERE { ?d a kg:Document ; dcterms:identifier ?id ; nif:isString ?text }"
    with KgStore(store, read_only=True) as st:
        return {i: t for i, t in run_query(st, q).rows}


def write_news(folder: Path) -> Path:
    """The two baseline documents: a police seizure and a donation."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "seizure.txt").write_text(SEIZURE, encoding="utf-8")
    (folder / "donation.txt").write_text(DONATION, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- files kg must refuse


def _binary(d: Path) -> None:
    data = random.Random(0).randbytes(4096)          # random bytes: NULs and control bytes
    assert b"\x00" in data
    (d / "binary.txt").write_bytes(data)


def _corrupt_pdf(d: Path) -> None:
    from pypdf import PdfWriter
    buf = io.BytesIO()
    w = PdfWriter()
    w.add_blank_page(612, 792)
    w.write(buf)
    (d / "broken.pdf").write_bytes(buf.getvalue()[:300])     # truncated


def _scanned_pdf(d: Path) -> None:
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(612, 792)                                 # a page without a text layer
    with open(d / "scan.pdf", "wb") as f:
        w.write(f)


def _bad_jsonl(d: Path) -> None:
    (d / "bad.jsonl").write_text("\n".join([
        '{"text": "The police of Peru seized',       # 1: broken JSON
        '{"text": 42}',                               # 2: text is a number
        '{"title": "Police raid in Lima"}',           # 3: no text
        '[1, 2, 3]',                                  # 4: not an object
    ]) + "\n", encoding="utf-8")


def _sparse_oversize(d: Path) -> None:
    with open(d / "oversize.txt", "wb") as f:        # sparse: 51 MB by stat, no disk used
        f.truncate(51 * 1024 * 1024)


BAD_FILES = {
    # id: (write the file(s) into the folder, [(code, where)] expected on stderr)
    "empty-file": (lambda d: (d / "empty.txt").write_bytes(b""), [("E017", "inbox/empty.txt")]),
    "whitespace-only": (lambda d: (d / "blank.txt").write_text(" \n\t\n   \r\n \u00a0\n", encoding="utf-8"),
                        [("E017", "inbox/blank.txt")]),
    "binary-as-txt": (_binary, [("E019", "inbox/binary.txt")]),
    "html-script-only": (lambda d: (d / "script.html").write_text(
        "<html><head><script>var seized = 1;</script></head>"
        "<body><script>alert(1)</script></body></html>", encoding="utf-8"),
        [("E023", "inbox/script.html")]),
    "corrupt-pdf": (_corrupt_pdf, [("E025", "inbox/broken.pdf")]),
    "pdf-without-text": (_scanned_pdf, [("E026", "inbox/scan.pdf")]),
    "jsonl-all-bad-lines": (_bad_jsonl, [("E020", "inbox/bad.jsonl:1"), ("E021", "inbox/bad.jsonl:2"),
                                         ("E021", "inbox/bad.jsonl:3"), ("E021", "inbox/bad.jsonl:4")]),
    "utf16-bom-truncated": (lambda d: (d / "odd.txt").write_bytes(b"\xff\xfeP\x00o\x00l"),
                            [("E018", "inbox/odd.txt")]),
    "dangling-symlink": (lambda d: os.symlink("nowhere.txt", d / "dangling.txt"),
                         [("E011", "inbox/dangling.txt")]),
    "symlink-loop": (lambda d: (d / "loop").mkdir() or os.symlink("..", d / "loop" / "up"),
                     [("E012", "inbox/loop/up")]),
    "over-size-limit": (_sparse_oversize, [("E015", "inbox/oversize.txt")]),
}


# --------------------------------------------------------------------------- files kg must build

WORD_PASTE = (b"Navy intercepts speedboat off La Ceiba\n\n"
              b"The Honduran Navy intercepted a speedboat carrying 800 kilos of cocaine off La Ceiba, the navy\x92s "
              b"spokesman said. \x93We followed it for two hours,\x94 he told reporters on Friday.\n")
SPANISH = ("La Polic\u00eda Nacional incaut\u00f3 200 kilos de coca\u00edna en San Pedro Sula\n\n"
           "El portavoz Jos\u00e9 Mart\u00ednez dijo que la operaci\u00f3n dur\u00f3 tres d\u00edas "
           "y que la polic\u00eda detuvo a cuatro personas.\n")
NAVY = ("Colombian Navy seizes two tons of cocaine near Cartagena\n\n"
        "The Navy of Colombia seized two tons of cocaine on a fishing boat near Cartagena on Friday, officials said.\n")
CUSTOMS = (b"Customs officers seize counterfeit cigarettes in Puerto Barrios\x00\n\n"
           b"Customs officers of Guatemala\x00 seized 300 boxes of counterfeit cigarettes in Puerto Barrios "
           b"on Monday, the tax agency said.\n")
URL_TOKEN = ("Police publish the list of vehicles seized in Lima\n\n"
             "The National Police of Peru published the list of vehicles seized in Lima at https://example.org/"
             + "a/b-c?d=e&" * 10_000 + " on Monday, a spokesman said.\n")
ARREST = ("Police arrest gang leader in Tegucigalpa\n\n"
          "The National Police of Honduras arrested the leader of a gang in Tegucigalpa on Thursday, "
          "a police spokesman said.\n")
JSONL_GOOD = {"id": "a1", "title": "Japan donates radios to the police of Guatemala",
              "text": "Japan donates radios to the police of Guatemala\n\nThe government of Japan donated 500 radios "
                      "worth USD 300,000 to the National Civil Police of Guatemala, the embassy said on Wednesday."}

# id: (file name, bytes, dcterms:identifier, strings the stored text must contain)
GOOD_FILES = {
    "fresh-document": ("fresh.txt", FRESH.encode("utf-8"), "fresh.txt", ["Catacamas, Olancho"]),
    "invalid-utf8-read-as-cp1252": ("word-paste.txt", WORD_PASTE, "word-paste.txt",
                                    ["the navy\u2019s spokesman", "\u201cWe followed it for two hours,\u201d"]),
    "cp1252-accents": ("latin.txt", SPANISH.encode("cp1252"), "latin.txt",
                       ["La Polic\u00eda Nacional incaut\u00f3", "Jos\u00e9 Mart\u00ednez", "operaci\u00f3n"]),
    "utf16-with-bom": ("utf16.txt", NAVY.encode("utf-16"), "utf16.txt", [NAVY]),
    "nul-bytes-in-text": ("customs.txt", CUSTOMS, "customs.txt", ["counterfeit cigarettes in Puerto Barrios"]),
    "100k-url-token": ("vehicles.txt", URL_TOKEN.encode("utf-8"), "vehicles.txt",
                       ["at https://example.org/a/b-c?d=e&a/b-c"]),
    "name-with-spaces-and-accents": ("informe polic\u00eda 2023.txt", ARREST.encode("utf-8"),
                                     "informe polic\u00eda 2023.txt", ["arrested the leader of a gang"]),
    "jsonl-good-line": ("recs.jsonl", (json.dumps(JSONL_GOOD) + "\n").encode("utf-8"), "recs.jsonl#a1",
                        ["donated 500 radios"]),
}
# the lines a JSONL file of the mixed folder adds after its good line
JSONL_BAD_LINES = ['{"text": "The police of Peru seized', '{"text": 42}', '{"title": "Police raid in Lima"}']

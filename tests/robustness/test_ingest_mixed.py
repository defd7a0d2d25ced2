"""One folder holding every kind of bad file next to good ones of every awkward kind
(encodings, NULs, a 100k-character token, an accented file name, a JSONL file with
good and bad lines). Ingestion never dies on a file: the good documents build, each
bad one is named in a coded line, and the store ends up exactly as if only the good
documents had been built (compared with a reference build of the good files alone)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from _robust import (BAD_FILES, EXIT_BUG, FRESH, GOOD_FILES, JSONL_BAD_LINES, Fingerprint, Run, fingerprint,
                     n_triples, run_kg, stored_texts)


@dataclass
class Built:
    run: Run
    store: Path
    fp: Fingerprint
    texts: dict[str, str]


def _write_good(folder: Path, with_bad_jsonl_lines: bool) -> None:
    for name, data, _, _ in GOOD_FILES.values():
        if name.endswith(".jsonl") and with_bad_jsonl_lines:
            data += ("\n".join(JSONL_BAD_LINES) + "\n").encode("utf-8")
        (folder / name).write_bytes(data)


def _build(baseline, work: Path) -> Built:
    shutil.copytree(baseline.store, work / "store")
    run = run_kg("build", "inbox", "--store", "store", cwd=work)
    return Built(run, work / "store", fingerprint(work / "store"), stored_texts(work / "store"))


@pytest.fixture(scope="module")
def reference(baseline, tmp_path_factory) -> Built:
    """The good files alone, built into a copy of the baseline store."""
    work = tmp_path_factory.mktemp("reference")
    (work / "inbox").mkdir()
    _write_good(work / "inbox", with_bad_jsonl_lines=False)
    return _build(baseline, work)


@pytest.fixture(scope="module")
def mixed(baseline, tmp_path_factory) -> Built:
    """Good files, every bad file, a .docx and three bad JSONL lines in one folder."""
    work = tmp_path_factory.mktemp("mixed")
    inbox = work / "inbox"
    inbox.mkdir()
    _write_good(inbox, with_bad_jsonl_lines=True)
    for write, _ in BAD_FILES.values():
        write(inbox)
    (inbox / "minutes.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    return _build(baseline, work)


COUNTS = (b"<https://w3id.org/kg/ontology#sourceCount>", b"<https://w3id.org/kg/ontology#publisherCount>")


def _lines(nt: bytes) -> set[bytes]:
    """The N-Triples lines of what was built, without the source counts: those are recounted
    by design when more documents tell the same fact (1 becomes 2), nothing built is lost."""
    return {line for line in nt.splitlines() if not any(c in line for c in COUNTS)}


@pytest.mark.parametrize("case", list(GOOD_FILES))
def test_awkward_document_builds(baseline, reference, mixed, case):
    name, _, identifier, wanted = GOOD_FILES[case]
    # alone: builds, exit 0, nothing on stderr but the summary
    assert reference.run.summary() == {"built": len(GOOD_FILES), "replaced": 0, "unchanged": 0,
                                       "skipped": 0, "failed": 0}, reference.run.stderr
    text = reference.texts.get(identifier)
    assert text is not None, f"{identifier!r} not stored; stored: {sorted(reference.texts)}"
    for w in wanted:
        assert w in text, f"{w!r} not in the stored text of {identifier}"
    assert "\x00" not in text and "\ufffd" not in text
    assert _lines(n_triples(baseline.store)) <= _lines(n_triples(reference.store)), "baseline triples lost"
    reference.run.assert_no_traceback()
    assert reference.run.returncode == 0, reference.run.stderr
    # next to every bad file: still built, and to exactly the same graph
    assert mixed.texts.get(identifier) == text
    assert mixed.fp == reference.fp, "bad files changed the store beyond the documents that built"
    mixed.run.assert_no_traceback()


@pytest.mark.parametrize("code, where", [pytest.param(c, w, id=f"{case}:{w.split('/')[-1]}")
                                         for case, (_, expected) in BAD_FILES.items() for c, w in expected]
                         + [pytest.param("E020", "inbox/recs.jsonl:2", id="jsonl-broken-line"),
                            pytest.param("E021", "inbox/recs.jsonl:3", id="jsonl-text-is-number"),
                            pytest.param("E021", "inbox/recs.jsonl:4", id="jsonl-text-missing")])
def test_mixed_folder_names_each_bad_file(mixed, code, where):
    mixed.run.assert_one_coded_line(code, where)
    mixed.run.assert_no_traceback()


def test_mixed_folder_summary(mixed):
    n_bad = sum(len(expected) for _, expected in BAD_FILES.values()) + len(JSONL_BAD_LINES)
    assert mixed.run.summary() == {"built": len(GOOD_FILES), "replaced": 0, "unchanged": 0,
                                   "skipped": 1, "failed": n_bad}, mixed.run.stderr
    mixed.run.assert_one_coded_line("E014", "inbox/minutes.docx")


def test_mixed_folder_exit_status(mixed):
    mixed.run.assert_no_traceback()
    assert mixed.run.returncode == 2, mixed.run.stderr


# --------------------------------------------------------------------------- pathological sizes


def _big(d: Path) -> None:
    (d / "huge.txt").write_text(("The police seized weapons in Honduras on Monday. " * 90_000)[:4_200_000],
                                encoding="utf-8")                      # 4.2 MB, one line


def _parens(d: Path) -> None:
    (d / "parens.txt").write_text("Police said " + "(" * 200_000 + " in Honduras.\n", encoding="utf-8")


@pytest.mark.parametrize("write, name, timeout", [
    pytest.param(_big, "huge.txt", 120, id="4MB-single-line"),
    pytest.param(_parens, "parens.txt", 20, id="200k-open-parens"),
])
def test_pathological_document_does_not_stop_the_build(baseline, store_copy, tmp_path, write, name, timeout):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "fresh.txt").write_text(FRESH, encoding="utf-8")
    write(tmp_path / "inbox")
    run = run_kg("build", "inbox", "--store", store_copy, cwd=tmp_path, timeout=timeout)
    run.assert_no_traceback()
    s = run.summary()
    assert "fresh.txt" in stored_texts(store_copy), "the good document next to it was not built"
    if s["failed"]:
        assert any(l.startswith("[E0") and f"inbox/{name}" in l for l in run.lines), run.stderr
    assert _lines(n_triples(baseline.store)) <= _lines(n_triples(store_copy)), "baseline triples lost"
    assert run.returncode == (2 if s["failed"] else 0), run.stderr

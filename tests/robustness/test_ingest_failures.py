"""Files kg cannot read, each built alone into a copy of a store: the build names the
file in one coded line, never prints a traceback, exits 2, and leaves the store
byte-for-byte as it was (same triple count, same N-Triples hash)."""
from __future__ import annotations

import os
import random

import pytest
from _robust import BAD_FILES as CASES
from _robust import EXIT_BUG, fingerprint, run_kg


@pytest.fixture(scope="module")
def isolated(baseline, tmp_path_factory):
    """case id -> (Run, fingerprint before, fingerprint after); each case built once, lazily."""
    import shutil
    done = {}

    def get(case: str):
        if case not in done:
            work = tmp_path_factory.mktemp(case)
            (work / "inbox").mkdir()
            CASES[case][0](work / "inbox")
            shutil.copytree(baseline.store, work / "store")
            before = fingerprint(work / "store")
            run = run_kg("build", "inbox", "--store", "store", cwd=work)
            done[case] = (run, before, fingerprint(work / "store"))
        return done[case]
    return get


@pytest.mark.parametrize("case", list(CASES))
def test_build_unreadable_file_reports_and_keeps_store(isolated, baseline, case):
    run, before, after = isolated(case)
    assert before == baseline.fp
    for code, where in CASES[case][1]:
        run.assert_one_coded_line(code, where)
    s = run.summary()
    assert (s["built"], s["skipped"], s["failed"]) == (0, 0, len(CASES[case][1])), run.stderr
    assert after == before, "a failed build changed the store"
    run.assert_no_traceback()
    assert run.returncode == 2, f"exit {run.returncode}, want 2 (documents failed)\n{run.stderr}"


@pytest.mark.parametrize("case", [
    pytest.param(c) if c == "corrupt-pdf" else c
    for c in CASES])
def test_build_stderr_has_only_coded_lines(isolated, case):
    run, _, _ = isolated(case)
    stray = [l for l in run.lines if not (l.startswith("[E0") or l.startswith("built "))]
    assert not stray, f"uncoded lines on stderr: {stray}"


# --------------------------------------------------------------------------- skipped types


@pytest.mark.parametrize("strict, want", [
    pytest.param(False, 0, id="default"),
    pytest.param(True, 2, id="strict"),
])
def test_build_unsupported_extension_is_skipped(store_copy, baseline, tmp_path, strict, want):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "report.docx").write_bytes(b"PK\x03\x04" + bytes(200))
    run = run_kg("build", "inbox", "--store", store_copy, *(["--strict"] if strict else []), cwd=tmp_path)
    run.assert_one_coded_line("E014", "inbox/report.docx")
    assert "'.docx'" in run.coded("E014", "report.docx")[0]
    s = run.summary()
    assert (s["built"], s["skipped"], s["failed"]) == (0, 1, 0), run.stderr
    assert fingerprint(store_copy) == baseline.fp
    run.assert_no_traceback()
    assert run.returncode == want, run.stderr


# --------------------------------------------------------------------------- paths


@pytest.mark.parametrize("arg", ["missing-folder", "no/such/file.txt"])
def test_build_nonexistent_path(store_copy, baseline, tmp_path, arg):
    run = run_kg("build", arg, "--store", store_copy, cwd=tmp_path)
    run.assert_one_coded_line("E013", arg)
    assert run.summary()["failed"] == 1
    assert fingerprint(store_copy) == baseline.fp
    run.assert_no_traceback()
    assert run.returncode == 2, run.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod 000 does not stop root from reading")
@pytest.mark.parametrize("name", ["locked.txt"])
def test_build_unreadable_file(store_copy, baseline, tmp_path, name):
    (tmp_path / "inbox").mkdir()
    f = tmp_path / "inbox" / name
    f.write_text("Police seized weapons in Honduras on Monday, officials said.\n", encoding="utf-8")
    f.chmod(0)
    try:
        run = run_kg("build", "inbox", "--store", store_copy, cwd=tmp_path)
    finally:
        f.chmod(0o644)
    run.assert_one_coded_line("E016", f"inbox/{name}")
    assert fingerprint(store_copy) == baseline.fp
    run.assert_no_traceback()
    assert run.returncode == 2, run.stderr


@pytest.mark.parametrize("name", ["pipe.txt"])
def test_build_named_pipe_does_not_hang(store_copy, baseline, tmp_path, name):
    (tmp_path / "inbox").mkdir()
    os.mkfifo(tmp_path / "inbox" / name)
    run = run_kg("build", "inbox", "--store", store_copy, cwd=tmp_path, timeout=10)
    assert any(l.startswith("[E0") and f"inbox/{name}" in l for l in run.lines), run.stderr
    assert fingerprint(store_copy) == baseline.fp
    run.assert_no_traceback()
    assert run.returncode == 2, run.stderr


# --------------------------------------------------------------------------- in process


@pytest.mark.parametrize("size", [4096])
def test_iter_documents_refuses_random_bytes(tmp_path, size):
    from kg.ingest import IngestFailure, iter_documents
    for seed in range(50):
        (tmp_path / f"blob{seed:02d}.txt").write_bytes(random.Random(seed).randbytes(size))
    got = list(iter_documents([tmp_path]))
    built = [d.identifier for d in got if not isinstance(d, IngestFailure)]
    assert not built, f"random bytes read as text: {built}"
    assert all(f.message.startswith("[E019] ") for f in got)


@pytest.mark.parametrize("html", [
    "<html><head><title>x</title><script>var seized = 1;</script></head>"
    "<body><script>alert(1)</script><nav><a href='/'>Home</a></nav></body></html>"])
def test_build_html_with_only_navigation_is_refused(store_copy, baseline, tmp_path, html):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "nav.html").write_text(html, encoding="utf-8")
    run = run_kg("build", "inbox", "--store", store_copy, cwd=tmp_path)
    assert run.summary()["built"] == 0, f"a page without article text was stored as a document\n{run.stderr}"
    assert any(l.startswith("[E0") and "inbox/nav.html" in l for l in run.lines), run.stderr
    assert fingerprint(store_copy) == baseline.fp
    run.assert_no_traceback()
    assert run.returncode == 2, run.stderr

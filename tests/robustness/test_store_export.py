"""The store and its outputs: exports never overwrite by surprise and are never
half-written, one writer at a time, and a rebuild of the same folder changes nothing."""
from __future__ import annotations

import os
import select
import subprocess
import sys

import pytest
from _robust import FRESH, fingerprint, n_triples, run_kg

FORMATS = ["turtle", "trig", "nt", "nq", "jsonld", "graphml", "csv"]


@pytest.mark.parametrize("command, name", [("export", "graph.nt"), ("view", "graph.html")])
def test_output_exists_without_force_is_refused(baseline, tmp_path, command, name):
    out = tmp_path / name
    out.write_bytes(b"precious work\n")
    extra = ["--format", "nt"] if command == "export" else []
    run = run_kg(command, "--store", baseline.store, *extra, "-o", name, cwd=tmp_path)
    run.assert_one_coded_line("E081", name)
    assert "--force" in run.coded("E081", name)[0]
    assert out.read_bytes() == b"precious work\n"
    assert sorted(os.listdir(tmp_path)) == [name], "a temporary file was left behind"
    assert fingerprint(baseline.store) == baseline.fp
    run.assert_no_traceback()
    assert run.returncode == 2, run.stderr


@pytest.mark.parametrize("fmt", ["nt"])
def test_export_force_replaces_the_file(baseline, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    out.write_bytes(b"old content\n")
    run = run_kg("export", "--store", baseline.store, "--format", fmt, "-o", out.name, "--force", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == n_triples(baseline.store)
    assert sorted(os.listdir(tmp_path)) == [out.name]
    assert fingerprint(baseline.store) == baseline.fp


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_leaves_no_temporary_file(baseline, tmp_path, fmt):
    run = run_kg("export", "--store", baseline.store, "--format", fmt, "-o", f"graph.{fmt}", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    run.assert_no_traceback()
    assert sorted(os.listdir(tmp_path)) == [f"graph.{fmt}"]
    assert (tmp_path / f"graph.{fmt}").stat().st_size > 0


@pytest.mark.parametrize("fmt", ["rdfxml", "../../etc/passwd"])
def test_export_unknown_format_writes_nothing(baseline, tmp_path, fmt):
    run = run_kg("export", "--store", baseline.store, "--format", fmt, "-o", "graph.out", cwd=tmp_path)
    assert any(l.startswith("[E082] unknown format") for l in run.lines), run.stderr
    assert os.listdir(tmp_path) == []
    run.assert_no_traceback()
    assert run.returncode == 2, run.stderr


@pytest.mark.parametrize("out", ["notes.txt/graph.nt"])
def test_export_to_unwritable_path_is_a_coded_error(baseline, tmp_path, out):
    (tmp_path / "notes.txt").write_text("a file, not a folder\n", encoding="utf-8")
    run = run_kg("export", "--store", baseline.store, "--format", "nt", "-o", out, cwd=tmp_path)
    run.assert_no_traceback()
    assert any(l.startswith("[E08") and out in l for l in run.lines), run.stderr
    assert sorted(os.listdir(tmp_path)) == ["notes.txt"]
    assert run.returncode == 2, run.stderr


def _disk_full(fd):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("force", [True])
def test_atomic_write_failure_keeps_the_old_file(tmp_path, monkeypatch, force):
    from kg.export import serialize
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old\n")
    monkeypatch.setattr(serialize.os, "fsync", _disk_full)
    with pytest.raises(Exception):
        serialize.atomic_write(target, b"new\n" * 1000, force=force)
    assert target.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["graph.ttl"], "the temporary file was left behind"


@pytest.mark.parametrize("force", [True])
def test_atomic_write_failure_is_a_coded_export_error(tmp_path, monkeypatch, force):
    from kg.errors import ExportError
    from kg.export import serialize
    monkeypatch.setattr(serialize.os, "fsync", _disk_full)
    with pytest.raises(ExportError, match=r"^\[E08\d\] .*graph\.ttl"):
        serialize.atomic_write(tmp_path / "graph.ttl", b"new\n", force=force)


# --------------------------------------------------------------------------- one writer at a time

HOLD = ("import sys, time\n"
        "from kg.graph.store import KgStore\n"
        "st = KgStore(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "time.sleep(120)\n")


@pytest.fixture
def held_store(store_copy):
    """A copy of the baseline store held open for writing by another process."""
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(store_copy)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([p.stdout], [], [], 60)
        assert ready and p.stdout.readline().strip() == "ready", p.stderr.read() if p.poll() is not None else ""
        yield store_copy
    finally:
        p.terminate()
        p.wait(timeout=30)


@pytest.mark.parametrize("how", ["cli", "api"])
def test_second_writer_is_refused(baseline, held_store, tmp_path, how):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "fresh.txt").write_text(FRESH, encoding="utf-8")
    if how == "cli":
        run = run_kg("build", "inbox", "--store", held_store, cwd=tmp_path)
        line = run.assert_one_coded_line("E051", str(held_store))
        assert "another kg process is writing" in line
        run.assert_no_traceback()
        assert run.returncode == 2, run.stderr
    else:
        import kg
        from kg.errors import StoreLocked
        with pytest.raises(StoreLocked, match=r"^\[E051\] .*another kg process is writing"):
            kg.build(tmp_path / "inbox", store=held_store)
    assert fingerprint(held_store) == baseline.fp   # read while the other writer still holds it


# --------------------------------------------------------------------------- idempotence


@pytest.mark.parametrize("times", [2])
def test_rebuilding_the_same_folder_changes_nothing(baseline, store_copy, times):
    for _ in range(times - 1):
        run = run_kg("build", baseline.folder, "--store", store_copy, cwd=baseline.work)
        assert run.summary() == {"built": 0, "replaced": 0, "unchanged": 2, "skipped": 0, "failed": 0}, run.stderr
        run.assert_no_traceback()
        assert run.returncode == 0, run.stderr
    assert fingerprint(store_copy) == baseline.fp

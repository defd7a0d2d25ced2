"""Reading each supported format from tests/data/tiny, and the coded failures."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest import IngestFailure, iter_documents, read_path
from kg.records import Document

TINY = Path(__file__).resolve().parents[2] / "data" / "tiny"


def _docs(items):
    return [d for d in items if isinstance(d, Document)]


def _failures(items):
    return [d for d in items if isinstance(d, IngestFailure)]


@pytest.mark.parametrize("name, title, date", [
    ("one.txt", "Anti-narcotics unit seizes cocaine in Cartagena port", "2022-03-03"),
])
def test_read_txt(name, title, date):
    (doc,) = list(read_path(TINY / name))
    assert doc.text == (TINY / name).read_text(encoding="utf-8")
    assert doc.media_type == "text/plain"
    assert doc.identifier == name
    assert doc.title == title
    assert doc.date == date
    assert doc.content_hash.startswith("sha256:") and doc.content_hash[7:23] == doc.doc_id


@pytest.mark.parametrize("name, expected", [
    ("two.jsonl", {"two.jsonl#tiny-sulu-2017": ("2017-06-19", "Three navies launch Sulu Sea patrols",
                                                "https://example.org/tiny/sulu-patrols"),
                   "two.jsonl#tiny-anom-2021": ("2021-06-08", "ANOM sting leads to 800 arrests",
                                                "https://example.org/tiny/anom")}),
])
def test_read_jsonl(name, expected):
    docs = list(read_path(TINY / name))
    assert {d.identifier: (d.date, d.title, d.source) for d in docs} == expected
    assert all(d.media_type == "application/jsonl" for d in docs)
    records = [json.loads(l) for l in (TINY / name).read_text(encoding="utf-8").splitlines() if l.strip()]
    assert [d.text for d in docs] == [r["text"] for r in records]


@pytest.mark.parametrize("bad_line, code", [
    ('{"id": "broken", "text": "unterminated', "E020"),
    ('{"id": "no-text", "title": "A record without its text"}', "E021"),
    ('["a", "list"]', "E021"),
])
def test_read_jsonl_bad_line_is_one_failure(tmp_path, bad_line, code):
    good1 = {"id": "a", "text": "Police in Lima arrested two men on Monday."}
    good2 = {"id": "b", "text": "The navy seized a boat off Manta on Tuesday."}
    f = tmp_path / "wire.jsonl"
    f.write_text("\n".join([json.dumps(good1), bad_line, "", json.dumps(good2)]) + "\n", encoding="utf-8")
    items = list(iter_documents([f]))
    assert [d.identifier for d in _docs(items)] == ["wire.jsonl#a", "wire.jsonl#b"]
    (failure,) = _failures(items)
    assert failure.path == f"{f}:2"
    assert failure.message.startswith(f"[{code}]") and not failure.skipped


@pytest.mark.parametrize("name, kept, dropped", [
    ("page.html",
     ["Australia and the Philippines carried out their first joint maritime and air patrol",
      "Royal Australian Navy frigate HMAS Toowoomba", "The Philippines has held similar joint sails"],
     ["Investigations", "Subscribe to our newsletter", "All rights reserved", "Privacy", "Home"]),
])
def test_read_html_main_text_only(name, kept, dropped):
    (doc,) = list(read_path(TINY / name))
    assert doc.media_type == "text/html"
    assert doc.title == "Australia and the Philippines hold first joint patrol in the South China Sea"
    assert doc.date == "2023-11-26"
    for s in kept:
        assert s in doc.text
    for s in dropped:
        assert s not in doc.text, s


@pytest.mark.parametrize("name, phrases", [
    ("report.pdf", ["Police Training Programme: Summary Report", "Regional Police Academy (RPA)",
                    "Flores, Petén, in May 2023", "EUR 1.2 million from the government of Spain"]),
])
def test_read_pdf_text(name, phrases):
    (doc,) = list(read_path(TINY / name))
    assert doc.media_type == "application/pdf"
    for s in phrases:
        assert s in doc.text
    assert doc.title == "Police Training Programme: Summary Report"


@pytest.mark.parametrize("name, sentence", [
    ("report.pdf", "The Regional Police Academy (RPA), directed by Commissioner Elena Vargas, trained"),
])
def test_read_pdf_body_not_skipped(name, sentence):
    (doc,) = list(read_path(TINY / name))
    i = doc.text.index(sentence)
    assert not any(b < i + len(sentence) and i < e for b, e in doc.skip)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\ufeff".encode("utf-8")])
def test_empty_file_is_failure_e017(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    (failure,) = list(iter_documents([tmp_path]))
    assert isinstance(failure, IngestFailure)
    assert failure.message.startswith("[E017]") and not failure.skipped
    assert "empty.txt" in failure.message


@pytest.mark.parametrize("name", ["notes.docx", "data.csv", "README", "image.png"])
def test_unsupported_extension_is_skipped(tmp_path, name):
    (tmp_path / name).write_bytes(b"Police seized a boat.")
    (tmp_path / "ok.txt").write_text("Police in Lima arrested two men on Monday.", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    (failure,) = _failures(items)
    assert failure.skipped and failure.message.startswith("[E014]")
    assert [d.identifier for d in _docs(items)] == ["ok.txt"]


@pytest.mark.parametrize("hidden", [".hidden.txt", ".git/config.txt"])
def test_hidden_files_not_read(tmp_path, hidden):
    p = tmp_path / hidden
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("Police in Lima arrested two men on Monday.", encoding="utf-8")
    assert list(iter_documents([tmp_path])) == []


@pytest.mark.parametrize("missing", ["nope", "nope.txt"])
def test_missing_path_is_failure_e013(tmp_path, missing):
    (failure,) = list(iter_documents([tmp_path / missing]))
    assert failure.message.startswith("[E013]") and not failure.skipped


@pytest.mark.parametrize("folder, expected", [
    (TINY, ["one.txt", "page.html", "report.pdf", "two.jsonl#tiny-sulu-2017", "two.jsonl#tiny-anom-2021"]),
])
def test_folder_reads_in_stable_order(folder, expected):
    assert [d.identifier for d in iter_documents([folder])] == expected

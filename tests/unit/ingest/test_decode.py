"""Bytes -> text: BOMs, UTF-8, UTF-16, cp1252, newline normalisation, binary refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import IngestError
from kg.ingest import iter_documents, read_path
from kg.ingest.decode import decode_bytes

TEXT = "Policía Nacional seized café — 3 tonnes\nin Bogotá."


@pytest.mark.parametrize("data, expected", [
    pytest.param(TEXT.encode("utf-8"), TEXT, id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, id="utf-8-bom"),
    pytest.param("Polic\u00eda caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "Polic\u00eda caf\u00e9 \u201cquoted\u201d",
                 id="cp1252"),
    pytest.param(TEXT.encode("utf-16"), TEXT, id="utf-16-bom-native"),
    pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT, id="utf-16-le-bom"),
    pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT, id="utf-16-be-bom"),
])
def test_decode_bytes_encodings(data, expected):
    assert decode_bytes(Path("a.txt"), data) == expected


@pytest.mark.parametrize("data, expected", [
    (b"one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
    ("a\r\nb".encode("utf-16"), "a\nb"),
])
def test_decode_bytes_normalises_newlines(data, expected):
    assert decode_bytes(Path("a.txt"), data) == expected


@pytest.mark.parametrize("data", [
    pytest.param(bytes(range(256)) * 8, id="all-bytes"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 500 + b"IHDR", id="png-like"),
    pytest.param(b"\x00\x01\x02\x03" * 100, id="control-bytes"),
])
def test_decode_bytes_refuses_binary(data):
    with pytest.raises(IngestError) as exc:
        decode_bytes(Path("x.txt"), data)
    assert exc.value.code == "E019"
    assert str(exc.value).startswith("[E019]")
    assert "x.txt" in str(exc.value)


@pytest.mark.parametrize("data", [bytes(range(256)) * 8])
def test_read_binary_txt_is_a_coded_failure(tmp_path, data):
    f = tmp_path / "image.txt"
    f.write_bytes(data)
    with pytest.raises(IngestError) as exc:
        list(read_path(f))
    assert exc.value.code == "E019"
    (failure,) = list(iter_documents([tmp_path]))
    assert "[E019]" in failure.message and not failure.skipped


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
def test_read_txt_offsets_refer_to_decoded_text(tmp_path, encoding):
    body = "Police in Bogotá arrested two men.\r\nThe army seized a boat."
    f = tmp_path / "doc.txt"
    f.write_bytes(body.encode(encoding))
    (doc,) = list(read_path(f))
    assert doc.text == body.replace("\r\n", "\n")
    i = doc.text.index("Bogotá")
    assert doc.text[i:i + len("Bogotá")] == "Bogotá"

"""A worker's read-only handle follows the store: a write made after it opened is seen by the next query."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.server.protocol import QueryRequest
from kg.server.worker import StoreHandle, answer, store_state

N = ox.NamedNode


@pytest.mark.parametrize("flush", [False, True])
def test_handle_sees_writes_made_after_it_opened(tmp_path, flush) -> None:
    path = str(tmp_path / "store")
    writer = ox.Store(path)
    writer.add(ox.Quad(N("urn:a"), N("urn:p"), N("urn:b"), N("urn:g1")))
    writer.flush()
    handle = StoreHandle(path)
    ask = QueryRequest("ASK { <urn:c> <urn:p> <urn:d> }", "application/sparql-results+json")
    assert answer(handle, ask)[2].endswith(b"false}")
    before = store_state(path)
    writer.add(ox.Quad(N("urn:c"), N("urn:p"), N("urn:d"), N("urn:g2")))
    if flush:
        writer.flush()
    assert store_state(path) != before
    assert answer(handle, ask)[2].endswith(b"true}")


@pytest.mark.parametrize("graphs,expected", [(("urn:g1",), b"true}"), (("urn:g2",), b"false}")])
def test_default_graph_parameter_limits_the_answer(tmp_path, graphs, expected) -> None:
    path = str(tmp_path / "store")
    writer = ox.Store(path)
    writer.add(ox.Quad(N("urn:a"), N("urn:p"), N("urn:b"), N("urn:g1")))
    writer.flush()
    req = QueryRequest("ASK { <urn:a> <urn:p> <urn:b> }", "application/json", graphs, (), None, union=False)
    assert answer(StoreHandle(path), req)[2].endswith(expected)

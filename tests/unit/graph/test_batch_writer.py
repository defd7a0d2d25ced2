"""The store's writer thread: what waits to be written stays bounded, and everything is written."""
from __future__ import annotations

import threading
import time

import pytest

from kg.graph.store import BatchWriter


class SlowStore:
    """Records batches; each write waits until the test lets it through."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.go = threading.Event()

    def put_documents(self, items):
        self.go.wait(10)
        self.written.extend(d for d, _, _ in items)


@pytest.mark.parametrize("max_docs, quads_per_doc", [(2, 1), (4, 30_000)])
def test_writer_holds_up_put_when_too_much_waits(max_docs, quads_per_doc):
    store = SlowStore()
    body = b"<s> <p> <o> <g> .\n" * quads_per_doc
    w = BatchWriter(store, max_docs=max_docs)
    handed = []

    def feed():
        for i in range(40):
            w.put(f"d{i}", body)
            handed.append(i)
    t = threading.Thread(target=feed, daemon=True)
    t.start()
    time.sleep(0.5)                           # the writer is stuck on its first batch
    assert t.is_alive() and len(handed) < 40  # put waits instead of piling up documents
    assert w.waiting[1] <= 4 * max_docs
    store.go.set()
    t.join(10)
    w.close()
    assert store.written == [f"d{i}" for i in range(40)]

"""50 clients query `kg serve` for a minute while a build writes to the same store:
no 5xx, and every answer is a state the store really passed through (document
counts between the old and the new, never going back for a client)."""
from __future__ import annotations

import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "integration"))
from _servers import free_port, kg, start, stop  # noqa: E402

CLIENTS, SECONDS = 50, 60
COUNT = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }"


@pytest.mark.slow
def test_fifty_clients_for_a_minute_during_a_build(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert kg("build", str(REPO / "tests" / "data" / "tiny"), "--store", str(store)).returncode == 0
    port = free_port()
    base = f"http://127.0.0.1:{port}/sparql"
    server = start([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                    "--timeout", "30"], base + "?query=ASK%7B%7D")
    url = base + "?" + urllib.parse.urlencode({"query": COUNT})
    seen: list[list[tuple[int, int]]] = [[] for _ in range(CLIENTS)]
    stop_at = time.monotonic() + SECONDS

    def client(i: int) -> None:
        while time.monotonic() < stop_at:
            try:
                req = urllib.request.Request(url, headers={"Accept": "text/csv"})
                with urllib.request.urlopen(req, timeout=60) as r:
                    seen[i].append((r.status, int(r.read().decode().splitlines()[1])))
            except urllib.error.HTTPError as exc:
                seen[i].append((exc.code, -1))
            except OSError as exc:          # refused or reset: a failure too
                seen[i].append((0, -1))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    time.sleep(2)
    build = kg("build", str(REPO / "examples" / "corpus"), "--store", str(store), timeout=SECONDS + 120)
    for t in threads:
        t.join()
    stop(server)
    assert build.returncode == 0, build.stderr
    answers = [a for s in seen for a in s]
    assert answers, "no answer at all"
    assert all(status == 200 for status, _ in answers), {s for s, _ in answers}
    counts = sorted({n for _, n in answers})
    print(f"{len(answers)} answers from {CLIENTS} clients in {SECONDS} s; document counts seen: {counts}")
    assert counts[0] >= 5 and counts[-1] <= 5 + 12, counts
    for s in seen:          # a client never sees the store go back
        ns = [n for _, n in s]
        assert ns == sorted(ns)

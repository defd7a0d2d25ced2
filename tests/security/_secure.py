"""Helpers for the security tests: run `kg` as a user does, fingerprint a store,
and a loopback HTTP server that records every request a query makes."""
from __future__ import annotations

import hashlib
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

# two short articles shared by the robustness and security suites
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
SEIZURE = (ARTICLES / "seizure.txt").read_text(encoding="utf-8")

DONATION = (ARTICLES / "donation.txt").read_text(encoding="utf-8")


def kg_command() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [l for l in self.stderr.splitlines() if l.strip()]

    def assert_coded(self, code: str) -> str:
        """stderr is exactly one line, `[code] ...`, and holds no traceback."""
        assert "Traceback" not in self.stderr, self.stderr[-3000:]
        assert len(self.lines) == 1 and self.lines[0].startswith(f"[{code}] "), \
            f"want one line '[{code}] ...' on stderr, got:\n{self.stderr}"
        return self.lines[0]


def run_kg(*args, cwd: Path, timeout: float = 120) -> Run:
    env = {k: v for k, v in os.environ.items() if k not in ("KG_DEBUG", "COLUMNS", "LINES")}
    env["NO_COLOR"] = "1"
    try:
        p = subprocess.run([*kg_command(), *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`kg {' '.join(map(str, args))}` did not finish within {timeout:.0f} s")
    return Run(p.returncode, p.stdout, p.stderr)


def fingerprint(store: Path) -> tuple[int, str]:
    """(quad count, SHA-256 of the N-Triples export)."""
    from kg.export.serialize import render
    from kg.graph.store import KgStore

    with KgStore(store, read_only=True) as st:
        return len(st), hashlib.sha256(render(st, "nt")).hexdigest()


class Recorder:
    """A loopback HTTP server that answers 500 and remembers every path asked for."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                hits.append(self.path)
                self.send_response(500)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = _any

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

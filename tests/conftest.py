"""Shared fixtures: the real model (once per session), the lexicon, stores built
once per session, the eval folder, Chromium, and a guard that forbids any
network connection that does not stay on this machine."""
from __future__ import annotations

import ipaddress
import shutil
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TINY = REPO / "tests" / "data" / "tiny"
CORPUS = REPO / "examples" / "corpus"
ARTIFACTS = REPO / "tests" / ".artifacts"
CHROMIUM = Path("/usr/bin/chromium")


# --------------------------------------------------------------------- network guard
class NetworkBlocked(RuntimeError):
    """A test tried to open a connection to a host that is not this machine."""


_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%", 1)[0]
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Guard:
    """What the `no_network` fixture gives a test: the check and the patched callables."""

    Blocked = NetworkBlocked

    def __init__(self) -> None:
        self.real_connect = socket.socket.connect
        self.real_connect_ex = socket.socket.connect_ex
        self.real_create_connection = socket.create_connection
        guard = self

        def connect(sock, address):
            guard.check(address, sock.family)
            return guard.real_connect(sock, address)

        def connect_ex(sock, address):
            guard.check(address, sock.family)
            return guard.real_connect_ex(sock, address)

        def create_connection(address, *args, **kwargs):
            guard.check(address)
            return guard.real_create_connection(address, *args, **kwargs)

        self.connect, self.connect_ex, self.create_connection = connect, connect_ex, create_connection

    @staticmethod
    def check(address, family=None) -> None:
        """Raise NetworkBlocked unless `address` is a unix socket or a loopback host."""
        if family == getattr(socket, "AF_UNIX", object()) or isinstance(address, (str, bytes)):
            return
        host = address[0] if isinstance(address, tuple) and address else address
        if not _is_loopback(host):
            raise NetworkBlocked(f"test tried to connect to {address!r}: only loopback is allowed")


@pytest.fixture(scope="session", autouse=True)
def no_network():
    """Forbid non-loopback connections for the whole session (session fixtures included)."""
    guard = _Guard()
    mp = pytest.MonkeyPatch()
    mp.setattr(socket.socket, "connect", guard.connect)
    mp.setattr(socket.socket, "connect_ex", guard.connect_ex)
    mp.setattr(socket, "create_connection", guard.create_connection)
    yield guard
    mp.undo()


# --------------------------------------------------------------------- model and lexicon
@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load_kg_pipeline
    return load_kg_pipeline()


@pytest.fixture(scope="session")
def lexicon():
    from kg.nlp.lexicon import load_lexicon
    return load_lexicon()


# --------------------------------------------------------------------- stores
@pytest.fixture(scope="session")
def tiny_store(tmp_path_factory):
    """tests/data/tiny built once (writable Graph, closed at the end)."""
    import kg
    g = kg.build(TINY, store=tmp_path_factory.mktemp("tiny") / "store")
    assert g.report.ok, g.report.failed
    yield g
    g.close()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """examples/corpus built once, then reopened read-only so other processes may read it too."""
    import kg
    path = tmp_path_factory.mktemp("demo") / "store"
    g = kg.build(CORPUS, store=path)
    report = g.report
    g.close()
    assert report.ok, report.failed
    ro = kg.open_store(path, read_only=True)
    ro.report = report
    yield ro
    ro.close()


# --------------------------------------------------------------------- outside resources
@pytest.fixture(scope="session")
def eval_dir() -> Path:
    d = (REPO / ".." / "shared" / "eval").resolve()
    if not (d / "docs").is_dir() or not (d / "score.py").is_file():
        pytest.skip(f"{d} not found (the shared eval set is only next to the project checkout)")
    return d


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} missing: run 'make chromium' (Debian's chromium package) to run browser tests")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    return CHROMIUM


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def kg_cmd() -> list[str]:
    """The installed console script, or `python -m kg` when there is none."""
    import sys
    exe = Path(sys.executable).parent / "kg"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg"]

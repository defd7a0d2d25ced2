"""No network: an audit hook that refuses every connection that leaves this machine.

kg never needs the network at run time (models and gazetteers are installed
packages and data files); a SPARQL server the user names on the command line
(`--endpoint`, `--store http://...`) is the one exception, allowed by host.
Installed by the CLI and the server; irreversible for the process, as audit
hooks are.
"""
from __future__ import annotations

import ipaddress
import sys

from .errors import KgError

_allowed: set[str] = set()
_installed = False


class NetworkRefused(KgError):
    code = "E090"


def is_local(host) -> bool:
    """True for loopback addresses and names.

    >>> is_local("127.0.0.1"), is_local("::1"), is_local("localhost"), is_local("192.0.2.1")
    (True, True, True, False)
    """
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%", 1)[0].lower()
    if host in ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allow(host: str) -> None:
    """Let connections to `host` through (a SPARQL server the user named)."""
    _allowed.add(host.lower())


def _hook(event: str, args) -> None:
    if event not in ("socket.connect", "socket.getaddrinfo"):
        return
    if event == "socket.connect":
        address = args[1]
        if not isinstance(address, tuple):
            return          # unix sockets
        host = address[0]
    else:
        host = args[0]
    if host is None or is_local(host) or str(host).lower() in _allowed:
        return
    raise NetworkRefused(f"network access to {host} refused: kg works offline "
                         "(only loopback and servers named with --endpoint/--store are reached)")


def install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True

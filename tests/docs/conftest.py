"""Fixtures for the documentation tests: the docs generator (tools/gendocs.py) as a module."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def gendocs():
    spec = importlib.util.spec_from_file_location("gendocs", REPO / "tools" / "gendocs.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["gendocs"] = mod          # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod

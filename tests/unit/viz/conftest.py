"""Fixtures for the viz tests: the hand-made entity graph of viz_graphs.py."""
from __future__ import annotations

import networkx as nx
import pytest
from viz_graphs import make_graph


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return make_graph()

"""The public Python API is documented and typed (PEP 561), and usable as the README says."""
from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import pytest

import kg

REPO = Path(__file__).resolve().parents[2]
PUBLIC = [getattr(kg, n) for n in kg.__all__ if n != "__version__"]
METHODS = [m for _, m in inspect.getmembers(kg.Graph, inspect.isfunction) if not m.__name__.startswith("_")]


def test_api_is_typed_package():
    assert (REPO / "kg" / "py.typed").is_file()
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in data["tool"]["setuptools"]["package-data"]["kg"]


@pytest.mark.parametrize("obj", PUBLIC + METHODS, ids=lambda o: o.__qualname__)
def test_api_documented_and_annotated(obj):
    assert inspect.getdoc(obj), f"{obj.__qualname__} has no docstring"
    if inspect.isclass(obj):
        return
    sig = inspect.signature(obj)
    missing = [p for p, v in sig.parameters.items() if p != "self" and v.annotation is inspect.Parameter.empty]
    assert not missing, f"{obj.__qualname__}: parameters without a type: {missing}"
    assert sig.return_annotation is not inspect.Signature.empty, f"{obj.__qualname__}: no return type"


@pytest.mark.parametrize("sparql", ["SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"])
def test_api_results_convert_to_pandas(demo_store, sparql):
    pd = pytest.importorskip("pandas")
    df = demo_store.query(sparql).to_pandas()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == ["s"] and len(df) == 3


def test_api_query_stays_the_function_after_the_query_package_loads():
    """`kg.query` is the function even after kg.query.run was imported (by any query)."""
    import importlib
    importlib.import_module("kg.query.run")
    assert callable(kg.query) and kg.query is kg.api.query

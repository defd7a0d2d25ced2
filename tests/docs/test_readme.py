"""Every command the README shows is exercised here.

Commands are the `make`, `kg`, `.venv/bin/kg` and `.venv/bin/pip` lines of the README's code
blocks (python, sparql and text blocks aside). Each is one of:

- a synopsis (`kg build PATH... --store DIR [--model NAME]`): the command and every option it
  names must exist in the CLI;
- a concrete `kg` command (the cookbook, the examples): run as a user would, on the sample
  corpus built once (`demo/store` stands for it; other `demo/` paths go to a temp folder);
- `make demo`: its recipe is run (the kg steps, into a temp folder); `make test` is this suite;
- `pip install -e '.[EXTRA]'`: the extra exists in pyproject.toml.

A command that fits none of these fails `test_readme_every_command_is_covered`: add a test for it.
The Python block of the README is run too.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
NOT_SHELL = {"python", "sparql", "text", "mermaid", "json", "toml", "turtle", "ttl"}
PREFIXES = ("make ", "kg ", ".venv/bin/kg ", ".venv/bin/pip ")
# Options the README describes ahead of the branch that adds them (Scaling out). When that branch
# is merged, the strict xfail below turns into a failure: then empty this set.
PENDING_OPTIONS: set[tuple[str, str]] = set()


def code_blocks(text: str) -> list[tuple[str, str]]:
    """Return (language, body) of every fenced code block of `text`.

    >>> code_blocks("a\\n```sh\\nkg queries\\n```\\n```python\\nx = 1\\n```\\n")
    [('sh', 'kg queries'), ('python', 'x = 1')]
    """
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)\n```", text, re.S | re.M)]


def readme_commands(text: str = README) -> list[str]:
    """Return the shell commands of the README's code blocks, comments stripped, in order."""
    out = []
    for lang, body in code_blocks(text):
        if lang in NOT_SHELL:
            continue
        for line in body.splitlines():
            line = line.strip()
            if line.startswith(PREFIXES):
                out.append(shlex.join(shlex.split(line, comments=True)))
    return out


def is_synopsis(cmd: str) -> bool:
    """A synopsis names placeholders (DIR, PATH..., [--opt X], a|b) instead of values."""
    return bool(re.search(r"\[|\(|\||\.\.\.|(?<![\w/.-])[A-Z][A-Z_]{1,}(?![a-z])", cmd))


def kind_of(cmd: str) -> str:
    words = shlex.split(cmd)
    head = words[0]
    if head == "make":
        return f"make {words[1]}"
    if head.endswith("pip"):
        return "pip"
    return "synopsis" if is_synopsis(cmd) else "run"


COMMANDS = readme_commands()
SYNOPSES = [c for c in COMMANDS if kind_of(c) == "synopsis"]
RUNNABLE = list(dict.fromkeys(c for c in COMMANDS if kind_of(c) == "run"))


def test_readme_quick_start_is_exactly_two_commands():
    lang, first = code_blocks(README)[0]
    assert [" ".join(shlex.split(l, comments=True)) for l in first.splitlines()] == ["make demo", "make test"]


def test_readme_every_command_is_covered():
    known = {"synopsis", "run", "make demo", "make test", "pip"}
    unknown = [c for c in COMMANDS if kind_of(c) not in known]
    assert not unknown, f"README commands no test exercises (add one to tests/docs/test_readme.py): {unknown}"
    assert len(RUNNABLE) >= 10


# --------------------------------------------------------------------------- synopses
def _cli_options() -> dict[str, set[str]]:
    import typer.main

    from kg.cli import app
    root = typer.main.get_command(app)
    return {name: {o for p in cmd.params for o in [*getattr(p, "opts", []), *getattr(p, "secondary_opts", [])]}
            for name, cmd in root.commands.items()}


@pytest.mark.parametrize("cmd", SYNOPSES)
def test_readme_synopsis_names_real_options(cmd):
    words = shlex.split(cmd.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ").replace("|", " "))
    sub = words[1]
    options = _cli_options()
    assert sub in options, f"kg {sub}: no such command"
    named = {w.split("=", 1)[0] for w in words[2:] if w.startswith("-") and not w.startswith("---")}
    missing = sorted(o for o in named - options[sub] if (sub, o) not in PENDING_OPTIONS)
    assert not missing, f"kg {sub} has no option {missing}"


# --------------------------------------------------------------------------- concrete commands
def _localise(cmd: str, kg_cmd: list[str], store: Path, tmp: Path) -> list[str]:
    words = shlex.split(cmd)
    if words[0] in ("kg", ".venv/bin/kg"):
        words = [*kg_cmd, *words[1:]]
    out = []
    for w in words:
        if w == "demo/store":
            w = str(store)
        elif w.startswith("demo/"):
            w = str(tmp / w[len("demo/"):])
        out.append(w)
    return out


def _run(args: list[str], cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1",
           "PYTHONPATH": os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def demo_path(demo_store) -> Path:
    return Path(demo_store.settings.store)


@pytest.mark.parametrize("cmd", RUNNABLE)
def test_readme_command_runs(cmd, kg_cmd, demo_path, tmp_path):
    """Each concrete command runs from the repository root, exits 0 and prints an answer."""
    p = _run(_localise(cmd, kg_cmd, demo_path, tmp_path))
    assert p.returncode == 0, f"{cmd}: exit {p.returncode}\n{p.stderr}"
    if " query " in f" {cmd} ":
        assert len(p.stdout.strip().splitlines()) >= 2, p.stdout   # a header and at least one row


# --------------------------------------------------------------------------- make and pip
def _recipe(target: str) -> list[str]:
    lines = (REPO / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, l in enumerate(lines) if re.match(rf"{re.escape(target)}:", l))
    out = []
    for l in lines[start + 1:]:
        if not l.startswith("\t"):
            break
        out.append(l.strip())
    return out


@pytest.mark.slow
def test_readme_make_demo_recipe_runs(kg_cmd, tmp_path):
    """`make demo` minus the virtualenv: its kg steps, with demo/ in a temp folder."""
    steps = [l for l in _recipe("demo") if l.startswith("$(KG)")]
    assert [s.split()[1] for s in steps] == ["build", "export", "view", "validate"]
    for step in steps:
        args = [*kg_cmd, *[str(tmp_path / w[5:]) if w.startswith("demo/") else w
                           for w in shlex.split(step.replace("$(KG)", "kg"))[1:]]]
        p = _run(args)
        assert p.returncode == 0, f"{step}: {p.stderr}"
    assert (tmp_path / "graph.ttl").stat().st_size > 10_000
    assert (tmp_path / "graph.html").is_file()


def test_readme_make_test_runs_this_suite():
    assert any("pytest" in l and "tests" in l for l in _recipe("test"))


@pytest.mark.parametrize("cmd", [c for c in COMMANDS if kind_of(c) == "pip"])
def test_readme_pip_extra_exists(cmd):
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for want in re.findall(r"\.\[([\w,]+)\]", cmd):
        for extra in want.split(","):
            assert extra in extras, f"{cmd}: pyproject.toml has no extra {extra!r}"


# --------------------------------------------------------------------------- the Python block
@pytest.mark.slow
def test_readme_python_example_runs(tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    blocks = [body for lang, body in code_blocks(README) if lang == "python"]
    assert blocks
    (tmp_path / "examples").symlink_to(REPO / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for body in blocks:
        scope: dict = {}
        exec(compile(body, "README.md", "exec"), scope)   # noqa: S102 - our own README
    assert (tmp_path / "demo" / "graph.ttl").is_file() and (tmp_path / "demo" / "graph.html").is_file()

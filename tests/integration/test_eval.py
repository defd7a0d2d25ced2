"""The shared evaluation set: kg's output must be readable by the scorer (no thresholds here)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import kg

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("fmt, suffix", [("turtle", "ttl")])
def test_eval_score_runs_and_attributes(eval_dir, tmp_path, fmt, suffix):
    with kg.build(eval_dir / "docs", store=tmp_path / "store") as g:
        assert g.report.ok, g.report.failed
        assert len(g.report.built) == len(list((eval_dir / "docs").iterdir()))
        out = g.export(tmp_path / f"out.{suffix}", fmt)
    p = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(out), "--gold",
                        str(eval_dir / "gold" / "seeds.jsonl"), "--docs", str(eval_dir / "docs"),
                        "--ontology", str(REPO / "ontology")],
                       capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert p.returncode == 0, p.stderr
    assert re.search(r"^SCORE ", p.stdout, re.M), p.stdout
    mentions = re.search(r"mentions attributed: (\d+)", p.stdout)
    statements = re.search(r"evidence statements: (\d+)", p.stdout)
    assert mentions and int(mentions.group(1)) > 0, p.stdout
    assert statements and int(statements.group(1)) > 0, p.stdout

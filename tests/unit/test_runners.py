"""Where extraction runs: a worker refuses to extract with another extractor than the build's."""
from __future__ import annotations

from dataclasses import replace

import pytest

from kg.config import load_settings
from kg.errors import ClusterError
from kg.extractor import current_extractor
from kg.runners import Job, check_extractor, warm


@pytest.mark.parametrize("field, value", [("model_version", "0.0.1"), ("data_fingerprint", "sha256:00"),
                                          ("kg_version", "0.0.0")])
def test_a_worker_with_another_extractor_refuses(field: str, value: str) -> None:
    s = load_settings()
    here = current_extractor(s.model, s.ontology_dir)
    job = Job(s.model, s.ontology_dir, extractor=here)
    nlp, _ = warm(job)
    check_extractor(nlp, job)                     # the same: extracts
    with pytest.raises(ClusterError, match=r"^\[E063\] worker on .* instead of "):
        check_extractor(nlp, replace(job, extractor=replace(here, **{field: value})))

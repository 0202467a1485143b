"""helpers.render.runner: a notebook run in this process's IPython shell has the outputs a kernel run by papermill gives.

Each test runs the runner in a fresh process (the shell is one a process, as in the report's warm process) and
compares the notebook it writes with papermill's, cell by cell: source, outputs, numbers, metadata (the injected
cell's random id apart)."""

import json
import subprocess
import sys

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.render import runner
from helpers.render.notebooks import run_notebook

# Made-up cells covering what the report's notebooks do: printing, a value shown, display(), Markdown, a DataFrame's
# HTML, a trailing ';', a figure shown inline, an empty cell, text on stderr, parameters.
CELLS = [
    ("import sys\nimport pandas as pd\nfrom IPython.display import Markdown, display", None),
    ('NAME = "default"\nCOUNT = 1\nOPTIONS = {}', ["parameters"]),
    ("print(NAME, COUNT)\nprint('a second line')", None),
    ("COUNT * 2", None),
    ("display(Markdown(f'**{NAME}**'))\nprint('between')\ndisplay(pd.DataFrame({'a': [1, 2]}))\n3", None),
    ("OPTIONS;", None),
    ("", None),
    ("print('to stderr', file=sys.stderr)", None),
    ("%matplotlib inline\nimport matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(2, 1))\nax.plot([1, 2])\n"
     "plt.show()", None),
    ("pd.DataFrame({'x': [0.5], 'y': ['中文']})", None),
]
PARAMETERS = {"NAME": 'made "up"', "COUNT": 3, "OPTIONS": {"min_coverage": 0.2, "names": ["a", "b"]}, "UNKNOWN": 1}


def made_notebook(folder, cells=CELLS):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for source, tags in cells:
        cell = nbformat.v4.new_code_cell(source)
        if tags:
            cell.metadata["tags"] = tags
        nb.cells.append(cell)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("Some prose."))
    path = folder / "made.ipynb"
    nbformat.write(nb, path)
    return path


#: The runner in a fresh process, as the report's warm process runs it (a process forked from this one would inherit
#: what earlier tests changed: matplotlib's settings, a shell made before); prints its failure, if any, as JSON.
RUN = """import json, os, sys
from pathlib import Path
from helpers.render import runner
notebook, output, parameters = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
os.chdir(notebook.parent)
streams = sys.stdout, sys.stderr
try:
    runner.run_file(notebook, output, parameters)
    said = {}
except runner.CellFailed as failed:
    said = {"ename": failed.ename, "evalue": failed.evalue, "cell": failed.cell_index}
said["streams_restored"] = (sys.stdout, sys.stderr) == streams
print(json.dumps(said))
"""


def run_here(notebook, output, parameters) -> dict:
    """The runner in a fresh process; its failure, if any, as a dict, and whether it put the streams back."""
    done = subprocess.run([sys.executable, "-c", RUN, str(notebook), str(output), json.dumps(parameters)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def comparable(path):
    nb = nbformat.read(path, as_version=4)
    cells = [{k: v for k, v in cell.items() if k != "id"} for cell in nb.cells]
    return nb.metadata, cells


def test_a_notebook_run_here_has_the_outputs_papermill_gives(tmp_path):
    notebook = made_notebook(tmp_path)
    run_notebook(notebook, tmp_path / "papermill.ipynb", PARAMETERS)
    assert run_here(notebook, tmp_path / "here.ipynb", PARAMETERS) == {"streams_restored": True}
    assert comparable(tmp_path / "here.ipynb") == comparable(tmp_path / "papermill.ipynb")
    metadata, cells = comparable(tmp_path / "here.ipynb")
    kinds = [output["output_type"] for cell in cells for output in cell.get("outputs", [])]
    # what the comparison covered: each kind of output, the injected cell, numbers skipping the empty cell
    assert {"stream", "execute_result", "display_data"} <= set(kinds)
    injected = [cell for cell in cells if "injected-parameters" in cell["metadata"]["tags"]]
    assert injected and "UNKNOWN" not in injected[0]["source"] and 'NAME = "made \\"up\\""' in injected[0]["source"]
    assert any(output.get("name") == "stderr" for cell in cells for output in cell.get("outputs", []))
    assert any("image/png" in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


def test_two_runs_write_the_same_cell_ids(tmp_path):
    """Papermill and the runner give the injected cell a random id; it is cleaned to a fixed one, so two reports of
    one document are the same files (every other cell keeps the committed notebook's id)."""
    from helpers.render.notebooks import INJECTED_CELL_ID

    notebook = made_notebook(tmp_path)
    run_notebook(notebook, tmp_path / "papermill.ipynb", PARAMETERS)
    run_here(notebook, tmp_path / "here.ipynb", PARAMETERS)
    run_here(notebook, tmp_path / "again.ipynb", PARAMETERS)
    ids = [[cell.id for cell in nbformat.read(tmp_path / name, as_version=4).cells]
           for name in ("papermill.ipynb", "here.ipynb", "again.ipynb")]
    assert ids[0] == ids[1] == ids[2] and INJECTED_CELL_ID in ids[0]
    assert set(ids[0]) - {INJECTED_CELL_ID} == {cell.id for cell in nbformat.read(notebook, as_version=4).cells}


def test_a_failing_cell_stops_the_run_as_a_kernel_does(tmp_path):
    notebook = made_notebook(tmp_path, CELLS[:3] + [("1 / 0", None), ("print('never')", None)])
    said = run_here(notebook, tmp_path / "here.ipynb", {})
    assert said["ename"] == "ZeroDivisionError" and said["evalue"] == "division by zero"
    _, cells = comparable(tmp_path / "here.ipynb")
    failed = cells[said["cell"]]
    assert failed["outputs"][0]["output_type"] == "error" and failed["outputs"][0]["ename"] == "ZeroDivisionError"
    assert cells[-1]["outputs"] == [] and cells[-1]["execution_count"] is None   # not run


def test_the_parameters_cell_names_what_is_injected(tmp_path):
    nb = nbformat.read(made_notebook(tmp_path), as_version=4)
    assert runner.notebook_parameters(nb) == {"NAME", "COUNT", "OPTIONS"}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(value=JSON)
def test_a_value_is_written_as_papermill_writes_it(value):
    from papermill.translators import PythonTranslator

    assert runner.python_literal(value) == PythonTranslator.translate(value)


@settings(max_examples=50, deadline=None)
@given(parameters=st.dictionaries(st.from_regex(r"[A-Z][A-Z_]{0,8}", fullmatch=True), JSON, max_size=4))
def test_the_injected_source_is_papermills(parameters):
    from papermill.translators import PythonTranslator

    assert runner.parameters_source(parameters) == PythonTranslator.codify(parameters)


def test_the_runner_leaves_the_streams_as_it_found_them(tmp_path):
    notebook = made_notebook(tmp_path, [("print('x')", None)])
    assert run_here(notebook, tmp_path / "here.ipynb", {}) == {"streams_restored": True}
    assert comparable(tmp_path / "here.ipynb")[1][0]["outputs"][0]["text"] == "x\n"


@pytest.mark.parametrize("value, written", [({"a": (1, 2)}, '{"a": "(1, 2)"}'), (b"x", '"b\'x\'"')])
def test_values_json_lacks_are_written_as_text(value, written):
    from papermill.translators import PythonTranslator

    assert runner.python_literal(value) == PythonTranslator.translate(value) == written

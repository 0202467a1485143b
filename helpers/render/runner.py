"""Running a notebook in this process, as a Jupyter kernel would: each code cell through an IPython shell, its
results, displays, printed text and errors kept as the notebook's outputs, in the form a kernel's messages give them.

The report runs its notebooks this way in processes forked from its warm process (``helpers.render.kernels``), which
has imported and analysed everything once: a kernel would add its start (an application, five sockets, a heartbeat)
and every output's trip as a message, then the report's own client (papermill, nbclient) on the other side. What a
notebook computes and shows is the same: the same IPython shell classes (the display formatter, ``%matplotlib
inline``, a trailing ';', ``display()``), the parameters injected as papermill injects them (a cell tagged
``injected-parameters`` after the one tagged ``parameters``), cells numbered as a kernel numbers them, and an error
that stops the run as a kernel's does. ``tests/test_runner.py`` holds each executed notebook to papermill's.

A notebook opened alone (JupyterLab, nbval, ``make notebooks``) uses the ordinary kernel; nothing here is needed.
"""

from __future__ import annotations

import base64
import io
import json
import math
import sys

from .notebooks import clean_metadata

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"


class CellFailed(Exception):
    """A cell raised: its error as a kernel reports it (``ename``, ``evalue``), which ``errors.failure`` reads."""

    def __init__(self, ename: str, evalue: str, cell_index: int):
        super().__init__(f"{ename}: {evalue}")
        self.ename, self.evalue, self.cell_index = ename, evalue, cell_index


# ---- parameters, as papermill injects them ------------------------------------------------------

def python_literal(value) -> str:
    """A JSON-like value as papermill writes it into a Python cell (its ``PythonTranslator``, without black).

    >>> python_literal({"min_coverage": 0.2, "names": ["a", "b"], "on": True, "path": 'a"b'})
    '{"min_coverage": 0.2, "names": ["a", "b"], "on": True, "path": "a\\\\"b"}'
    """
    if value is None or isinstance(value, (bool, int)):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return str(value)
        return "float('nan')" if math.isnan(value) else ("float('-inf')" if value < 0 else "float('inf')")
    if isinstance(value, dict):
        return "{" + ", ".join(f"{python_literal(str(k)) if isinstance(k, str) else _escaped(k)}: {python_literal(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    return _escaped(value)


def _escaped(value) -> str:
    if isinstance(value, str):
        value = value.encode("unicode_escape").decode("utf-8").replace('"', r'\"')
    return f'"{value}"'


def parameters_source(parameters: dict) -> str:
    """The injected cell's source: a comment line, then one assignment a line."""
    return "# Parameters\n" + "".join(f"{name} = {python_literal(value)}\n" for name, value in parameters.items())


def notebook_parameters(nb) -> set[str]:
    """The names the cell tagged ``parameters`` assigns (papermill passes a notebook only those)."""
    import ast

    for cell in nb.cells:
        if cell.cell_type == "code" and PARAMETERS_TAG in cell.metadata.get("tags", []):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                return set()
            return {target.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                    for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(target, ast.Name)}
    return set()


def inject_parameters(nb, parameters: dict) -> None:
    """Put ``parameters`` in a new cell tagged ``injected-parameters``: in place of an earlier one, else after the cell
    tagged ``parameters``, else first (as papermill does)."""
    import nbformat

    cell = nbformat.v4.new_code_cell(source=parameters_source(parameters))
    cell.metadata["tags"] = [INJECTED_TAG]
    tagged = [i for i, c in enumerate(nb.cells) if INJECTED_TAG in c.metadata.get("tags", [])]
    if tagged:
        nb.cells[tagged[0]] = cell
        return
    marked = [i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.metadata.get("tags", [])]
    nb.cells.insert(marked[0] + 1 if marked else 0, cell)


# ---- the shell -----------------------------------------------------------------------------------

class _Outputs:
    """One cell's outputs as they come: printed text gathered into one stream output per run of writes (a kernel's
    are flushed before each display, as here), displays and the result as the kernel's messages carry them."""

    def __init__(self):
        self.outputs: list = []
        self.pending: dict[str, list[str]] = {"stdout": [], "stderr": []}

    def write(self, name: str, text: str) -> None:
        if text:
            self.pending[name].append(text)

    def flush(self) -> None:
        from nbformat.v4 import output_from_msg

        for name in ("stdout", "stderr"):
            if self.pending[name]:
                text = "".join(self.pending[name])
                self.pending[name] = []
                last = self.outputs[-1] if self.outputs else None
                if last is not None and last.output_type == "stream" and last.name == name:
                    last.text += text
                else:
                    self.outputs.append(output_from_msg(_message("stream", name=name, text=text)))

    def add(self, kind: str, **content) -> None:
        from nbformat.v4 import output_from_msg

        self.flush()
        self.outputs.append(output_from_msg(_message(kind, **_as_json(content))))


def _message(kind: str, **content) -> dict:
    return {"header": {"msg_type": kind}, "content": content}


def _json_default(value):
    """What a kernel's session does with values JSON lacks: bytes as base64 (an image), the rest as text."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def _as_json(content: dict) -> dict:
    """``content`` as it arrives from a kernel: through JSON (tuples become lists, bytes base64)."""
    return json.loads(json.dumps(content, default=_json_default, ensure_ascii=False))


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` while a cell runs: its text becomes the cell's stream output."""

    def __init__(self, name: str, sink):
        self.name, self.sink = name, sink

    @property
    def encoding(self):
        return "UTF-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        outputs = self.sink()
        if outputs is not None:
            outputs.write(self.name, text)
        return len(text)


def make_shell():
    """An IPython shell whose results, displays and errors go to the running cell's outputs (one a process: the
    shell is a singleton). No history file: a kernel's history is nobody's concern here."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    class ResultHook(DisplayHook):
        """The cell's value (``Out[n]``) as an ``execute_result``, numbered as the kernel numbers it."""

        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            self.shell.cell_outputs.add("execute_result", data=format_dict, metadata=md_dict or {},
                                        execution_count=self.prompt_count)

        def finish_displayhook(self):
            self._is_active = False

    class Publisher(DisplayPublisher):
        """``display()`` as a ``display_data`` output (the kernel's ``ZMQDisplayPublisher``)."""

        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            self.shell.cell_outputs.add("display_data", data=data, metadata=metadata or {})

        def clear_output(self, wait=False):
            outputs = self.shell.cell_outputs
            outputs.flush()
            outputs.outputs.clear()

    class Shell(InteractiveShell):
        cell_outputs = None

        def enable_gui(self, gui=None):
            """``%matplotlib inline`` asks for no event loop: a kernel's shell does nothing here either."""

        def _showtraceback(self, etype, evalue, stb):
            self.cell_outputs.add("error", ename=str(etype.__name__), evalue=str(evalue), traceback=stb)

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    shell = Shell.instance(config=config, displayhook_class=ResultHook, display_pub_class=Publisher)
    shell.cell_outputs = None
    return shell


def execute(nb, shell=None) -> None:
    """Run every code cell of ``nb`` (a NotebookNode, changed in place) in ``shell`` (``make_shell()``), in this
    process and its working directory, as papermill and nbclient run a notebook: outputs and counts cleared first,
    cells without code skipped, each cell's outputs and number set; a cell that raises stops the run
    (``CellFailed``, its error output kept in the notebook)."""
    shell = shell or make_shell()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.execution_count = None
            cell.outputs = []
    saved = sys.stdout, sys.stderr
    sys.stdout = _Stream("stdout", lambda: shell.cell_outputs)
    sys.stderr = _Stream("stderr", lambda: shell.cell_outputs)
    try:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            shell.cell_outputs = outputs = _Outputs()
            result = shell.run_cell(cell.source, store_history=True)
            outputs.flush()
            cell.outputs = outputs.outputs
            cell.execution_count = result.execution_count
            if not result.success:
                error = result.error_in_exec or result.error_before_exec
                raise CellFailed(type(error).__name__ if error else "Error", str(error) if error else "", index)
    finally:
        shell.cell_outputs = None
        sys.stdout, sys.stderr = saved


def run_file(notebook, output, parameters: dict, shell=None) -> None:
    """Run the notebook file ``notebook`` with ``parameters`` (those its parameters cell names; the rest ignored, as
    papermill ignores them) in this process and write it, outputs and all, metadata cleaned, to ``output`` — also
    when a cell fails (``CellFailed``, raised after the write), so the executed notebook shows the failing cell."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    nb = nbformat.v4.upgrade(nb) or nb   # as papermill reads it: the newest minor version
    for cell in nb.cells:  # papermill gives every cell a list of tags, empty where it had none
        cell.metadata.setdefault("tags", [])
    known = notebook_parameters(nb)
    given = {name: value for name, value in parameters.items() if name in known}
    if given:   # none given, papermill injects no cell
        inject_parameters(nb, given)
    try:
        execute(nb, shell)
    finally:
        clean_metadata(nb)
        nbformat.write(nb, output)

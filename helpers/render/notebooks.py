"""Running the numbered notebooks: on a document with papermill (the report), or in place on the seed
(``make notebooks``), with run metadata stripped so the committed notebooks stay stable."""

from __future__ import annotations

from pathlib import Path

from ..paths import NOTEBOOKS
from .errors import failure

KERNEL = "python3"
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
CELL_TIMEOUT = 600
# The kernels' own log (a warning about TCP on every start, another when their parent exits) would add
# lines to a run's stderr that say nothing about the report; their errors still show.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]


def numbered_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks the report runs, in order: ``01-….ipynb`` to ``05-….ipynb``."""
    return sorted(folder.glob(NOTEBOOK_GLOB))


#: The id the cell of injected parameters keeps: papermill and ``runner.inject_parameters`` give it a random one.
INJECTED_CELL_ID = "injected-parameters"


def clean_metadata(nb) -> None:
    """Strip what changes from run to run: timings, papermill records, the kernel's exact Python version, and the
    injected parameters' random cell id (two reports of one document and parameters are the same files)."""
    for key in ("papermill", "widgets"):
        nb.metadata.pop(key, None)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell.id = INJECTED_CELL_ID
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("execution", None)


def execute_in_place(notebooks: list[Path] | None = None) -> list[Path]:
    """Run the committed notebooks on their default parameters, save them with outputs and clean metadata."""
    import nbformat  # heavy (jupyter): loaded only when notebooks run
    from nbclient import NotebookClient

    done = []
    for path in notebooks or numbered_notebooks():
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT, record_timing=False,
                                shutdown_kernel="immediate", resources={"metadata": {"path": str(path.parent)}},
                                extra_arguments=KERNEL_ARGUMENTS)
        try:
            client.execute()
        except Exception as exc:
            raise failure(path, exc) from None
        clean_metadata(nb)
        nbformat.write(nb, path)
        done.append(path)
    return done


def run_notebook(notebook: Path, output: Path, parameters: dict) -> None:
    """Execute one notebook with papermill in a fresh kernel, its folder as the kernel's working directory.

    The kernel is started in that folder (nbclient's ``resources``) rather than through papermill's ``cwd``, which
    changes this whole process's working directory: notebooks run side by side in threads, and two such changes
    crossing left the process in the notebooks' folder, so that a relative path read afterwards named another file.

    The report runs its notebooks without a kernel where it can (``helpers.render.kernels``), the same outputs; this
    runs the corpus page, the bench's floor, and any notebook the warm process could not run."""
    import nbformat
    import papermill

    known = papermill.inspect_notebook(str(notebook))
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters={k: v for k, v in parameters.items() if k in known},
            kernel_name=KERNEL, resources={"metadata": {"path": str(notebook.parent)}}, progress_bar=False, log_output=False,
            request_save_on_cell_execute=False, shutdown_kernel="immediate", execution_timeout=CELL_TIMEOUT,
            extra_arguments=KERNEL_ARGUMENTS,
        )
    except Exception as exc:
        raise failure(notebook, exc) from None
    nb = nbformat.read(output, as_version=4)
    clean_metadata(nb)
    nbformat.write(nb, output)



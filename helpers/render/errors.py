"""Why a report could not be built: one line for the user each."""

from __future__ import annotations

from pathlib import Path


class ReportError(Exception):
    """The report could not be built; the message is one line for the user."""


class NotebookFailed(ReportError):
    """A notebook raised while it ran (a bug, or a document the engine cannot handle)."""


def failure(notebook: Path, exc: Exception) -> NotebookFailed:
    """The one-line error for a notebook that raised ``exc`` while it ran."""
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = str(getattr(exc, "evalue", "") or "").strip().splitlines()
    detail = f"{ename}: {evalue[-1]}" if evalue else ename
    return NotebookFailed(f"{notebook.name} failed: {detail} (open the executed notebook to see the cell)")

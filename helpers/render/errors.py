"""Why a report could not be built: one line for the user each."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import ERRNO_IN_TEXT

# errors a kernel can meet writing figures that are the file system's doing, not the notebook's
OS_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS})


class ReportError(Exception):
    """The report could not be built; the message is one line for the user."""


class AssetMissing(ReportError):
    """reveal.js, which ``make env`` fetches, is missing or damaged (exit status 4)."""


class NotebookFailed(ReportError):
    """A notebook raised while it ran (a bug, or a document the engine cannot handle)."""


def failure(notebook: Path, exc: Exception) -> Exception:
    """The one-line error for a notebook that raised ``exc`` while it ran: a file-system error inside the
    kernel (disk full, permission) is that error, named as such, not the notebook's fault; anything else
    is NotebookFailed."""
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = str(getattr(exc, "evalue", "") or "").strip().splitlines()
    found = ERRNO_IN_TEXT.search(evalue[-1]) if evalue else None
    if found and int(found.group(1)) in OS_ERRNOS:
        code = int(found.group(1))
        return OSError(code, os.strerror(code), f"while {notebook.name} ran")
    if isinstance(exc, OSError):
        return exc
    detail = f"{ename}: {evalue[-1]}" if evalue else ename
    return NotebookFailed(f"{notebook.name} failed: {detail} (open the executed notebook to see the cell)")

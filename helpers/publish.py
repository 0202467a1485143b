"""Publish an output folder whole: never destroy what we did not write, never show two runs mixed.

``with publishing(target) as folder:`` yields a fresh temporary folder beside ``target``; the
caller writes everything into it. When the block ends without an exception, a marker file is
added and the folder replaces ``target`` in one step (an atomic exchange where the kernel offers
one, else two renames); on any exception, Ctrl-C included, the temporary folder is removed and
``target`` is left exactly as it was.

- A ``target`` that does not exist is created. One that holds a previous output of ours (it has
  the marker file ``MARKER``) or is empty is replaced as a unit; the previous one stays in place
  until the new one is complete. Anything else (a user's folder, a file, a symbolic link) is
  refused with ``OutputRefused`` before any work is done.
- One run per target: a lock file beside it (``.<name>.lock``) holds an advisory ``flock`` and the
  holder's PID. The kernel releases the lock when its holder dies however it dies, so a lock file
  left by a killed run is stale by construction and is taken over; a live holder makes the second
  run stop with ``OutputBusy`` naming its PID.
- What a killed run left (``.<name>.tmp-*`` folders, an ``.<name>.old-*`` previous output not yet
  removed) is cleaned by the next run on the same target, under the lock; a previous output caught
  between the two renames is put back first.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from . import errors

#: The file that marks a folder as one of our outputs, safe to replace whole.
MARKER = ".zh-en-framing-output"
MARKER_TEXT = ("This folder was written by the zh-en-framing bundle (python -m helpers) and is replaced whole "
               "by the next run that writes here. Put nothing of your own in it.\n")
RENAME_EXCHANGE = 2  # linux/fs.h: swap two paths in one step


class OutputRefused(Exception):
    """The target holds something we did not write; the message is one line for the user."""


class OutputBusy(Exception):
    """Another live run is writing the same target; the message names its PID."""


def _siblings(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{kind}-*"))


def check_target(target: str | Path) -> None:
    """Raise OutputRefused unless ``target`` is absent, empty, or one of our outputs (it holds MARKER)."""
    target = Path(target)
    if target.is_symlink():
        raise OutputRefused(f"{target}: is a symbolic link; give the folder itself as --out")
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputRefused(f"{target}: is a file, not an output folder; choose another --out")
    if (target / MARKER).is_file():
        return
    try:
        entries = sorted(p.name for p in target.iterdir())
    except OSError as exc:
        raise OutputRefused(f"{target}: cannot be listed ({exc.strerror})") from None
    if entries:
        example = ", ".join(entries[:3]) + (" …" if len(entries) > 3 else "")
        raise OutputRefused(f"{target}: holds files this program did not write ({example}); "
                            "choose an empty or new folder for --out")


@contextlib.contextmanager
def target_lock(target: Path) -> Iterator[Path]:
    """Hold ``.<name>.lock`` beside ``target`` for the block; raise OutputBusy if a live run holds it."""
    lock = target.parent / f".{target.name}.lock"
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise OutputBusy(f"{target}: another run (PID {holder}) is writing it; "
                             "try again when it ends, or choose another --out") from None
        except BaseException:
            os.close(fd)
            raise
        # The file we locked must still be the one at that path: a run that finished may have
        # removed it between our open and our lock, and a third run may have made a new one.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(lock))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield lock
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(fd)


def clean_leftovers(target: Path) -> None:
    """Remove what a killed run on ``target`` left; put back a previous output caught between renames."""
    for old in _siblings(target, "old"):
        if not target.exists() and (old / MARKER).is_file():
            os.rename(old, target)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for temporary in _siblings(target, "tmp"):
        shutil.rmtree(temporary, ignore_errors=True)
    # the layout before this module: ``.<name>.previous.*/<name>`` held the report being replaced
    for previous in sorted(target.parent.glob(f".{target.name}.previous.*")):
        kept = previous / target.name
        if not target.exists() and kept.is_dir():
            (kept / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # ours: only a run of ours put it there
            os.rename(kept, target)
        shutil.rmtree(previous, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _replace(folder: Path, target: Path) -> None:
    """Put the finished ``folder`` at ``target``, removing the output it replaces."""
    if not target.exists():
        os.rename(folder, target)
        return
    if _exchange(folder, target):
        shutil.rmtree(folder)  # now the previous output
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    os.rename(folder, target)
    shutil.rmtree(old)


#: Targets this process has published in full: an interruption that comes after must not say "nothing was written".
PUBLISHED: list[Path] = []


@contextlib.contextmanager
def publishing(target: str | Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``target``; on success it replaces ``target`` whole (see the module doc)."""
    target = Path(os.path.abspath(target))
    check_target(target)  # before the lock, so a refused target leaves nothing behind
    created_parent = not target.parent.exists()
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target_lock(target):
            clean_leftovers(target)
            check_target(target)
            folder, ours = None, None
            try:  # from before the folder exists: an interruption right after mkdtemp makes it still removes it
                folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
                ours = os.stat(folder).st_ino  # the target is ours once it is this folder: a swap is one rename
                os.chmod(folder, 0o777 & ~_umask())
                yield folder
                (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
                check_target(target)
                _replace(folder, target)
                PUBLISHED.append(target)
            except BaseException as exc:
                swapped = ours is not None and _inode(target) == ours  # an interruption can land right after the swap
                if swapped and target not in PUBLISHED:
                    PUBLISHED.append(target)
                if folder is not None:
                    shutil.rmtree(folder, ignore_errors=True)  # after a swap: the previous output, or nothing
                else:  # interrupted inside mkdtemp: under the lock, leftovers cleaned, its folder is the only one
                    for made in _siblings(target, "tmp"):
                        shutil.rmtree(made, ignore_errors=True)
                # an interruption, or the error a library raised in its place (errors.RECEIVED says a signal came)
                interrupted = isinstance(exc, KeyboardInterrupt) or bool(errors.RECEIVED)
                if interrupted and swapped:
                    exc.published = target  # the interruption came after the new output was in place
                elif interrupted and (target / MARKER).is_file():
                    exc.kept = target  # the one line printed for an interruption says so
                raise
    except BaseException:
        if created_parent:
            with contextlib.suppress(OSError):
                target.parent.rmdir()
        raise


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Read a source document: detect its encoding, refuse what is not text, keep newlines as they are."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

#: Files larger than this are refused, by their size before reading and by counting while reading (override with ``max_bytes``).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

BOMS = [  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]

# C0/C1 controls other than tab, newline, vertical tab, form feed and carriage return.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What a legacy Chinese text decodes into: ASCII, CJK ideographs and punctuation, full-width forms.
PLAUSIBLE_GB_CHARS = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
)


class InputError(Exception):
    """A document that cannot be read as text; the message is one line for the user."""


@dataclass(frozen=True)
class Document:
    """A decoded source: ``text`` is what every offset in every table indexes."""

    text: str
    encoding: str
    path: str = ""
    sha256: str = ""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and name the encoding found, e.g. ``(text, "gb18030")``; raise InputError."""
    for bom, name, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), codec
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {codec} byte-order mark but byte {exc.start + len(bom)} is invalid") from None
    if b"\x00" in data:
        raise InputError("looks binary: it contains NUL bytes and no UTF-16 byte-order mark")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise InputError(
                f"cannot be decoded: not UTF-8 (byte {utf8_error.start} is invalid), UTF-16 with a BOM, or GB18030/GBK"
            ) from None
        implausible = len(text) - len(PLAUSIBLE_GB_CHARS.findall(text))
        if implausible > 0.02 * len(text):
            raise InputError("cannot be decoded: not UTF-8, and as GB18030 it gives mostly rare characters")
    if len(CONTROL_CHARS.findall(text)) > 0.05 * max(len(text), 1):
        raise InputError("looks binary: more than 5% of its characters are control characters")
    return text, encoding


FILE_KINDS = [  # what a path can be instead of a regular file, as the user would call it
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
]
READ_CHUNK = 1 << 20


def not_a_regular_file(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, when it is not a regular file: ``"a named pipe (FIFO)"``; else None."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in FILE_KINDS if test(mode)), "not a regular file")


def read_bounded(fd: int, max_bytes: int, name: str) -> bytes:
    """Read ``fd`` to its end, but never more than ``max_bytes`` + 1 bytes: one more means too large."""
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = os.read(fd, min(READ_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(f"{name}: larger than the limit of {max_bytes} bytes")
    return b"".join(chunks)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``path`` as a Document; raise InputError with a one-line reason for anything unusable.

    Only a regular file is read: a FIFO, a device or a socket is refused before it is opened for
    reading (it could block forever or never end), and at most ``max_bytes`` + 1 bytes are read
    whatever the file claims its size is.
    """
    source = Path(path)
    try:
        info = source.stat()
    except FileNotFoundError:
        kind = "a broken symbolic link" if source.is_symlink() else None
        raise InputError(f"{source}: {kind or 'no such file'}") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror})") from None
    kind = not_a_regular_file(info.st_mode)
    if kind == "a directory":
        raise InputError(f"{source}: is a directory, not a document")
    if kind:
        raise InputError(f"{source}: is {kind}, not a regular file")
    if info.st_size > max_bytes:
        raise InputError(f"{source}: {info.st_size} bytes is larger than the limit of {max_bytes} bytes")
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since stat, opening must not wait for a writer
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror})") from None
    try:
        kind = not_a_regular_file(os.fstat(fd).st_mode)
        if kind:
            raise InputError(f"{source}: is {kind}, not a regular file")
        os.set_blocking(fd, True)
        data = read_bounded(fd, max_bytes, str(source))
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None
    if not text.strip():
        raise InputError(f"{source}: is empty or holds only whitespace")
    return Document(text=text, encoding=encoding, path=str(source), sha256=hashlib.sha256(data).hexdigest())

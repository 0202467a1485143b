"""Parsed data under ``.cache/``: pickled, or as an SQLite file read entry by entry (``DiskMapping``: a large
dictionary a process looks a few words up in); read back while its source is unchanged, rebuilt when missing or damaged.

The cache file's name carries whatever the parse depends on (source size and mtime, parser version…),
so a changed source or parser simply misses and builds a new file; the old one is never trusted.
"""

from __future__ import annotations

import marshal
import os
import pickle
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def load_or_build(cache_file: Path, build: Callable[[], T]) -> T:
    """The pickled value in ``cache_file``, or ``build()``'s, written there atomically for next time."""
    if cache_file.exists():
        try:
            with open(cache_file, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError):
            pass  # a damaged cache is rebuilt below
    value = build()
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
    with open(partial, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, cache_file)  # atomic: a concurrent reader sees the old file or the whole new one
    return value


class DiskMapping(Mapping):
    """A read-only ``str → value`` mapping kept in an SQLite file and read entry by entry: a process that looks up
    a few thousand words of a dictionary reads those, not the whole of it (hundreds of thousands of entries take
    half a second to unpickle). Each value is stored with ``marshal`` (tuples, strings, numbers), read once per
    process and kept. Pickles as its file's path; a forked process opens its own connection."""

    def __init__(self, path: str | Path, table: str = "entries"):
        self.path = Path(path)
        self.table = table
        self._connection = None
        self._pid = None
        self._kept: dict = {}
        self._missing: set = set()
        self._length: int | None = None

    def __reduce__(self):
        return DiskMapping, (self.path, self.table)

    def _rows(self, query: str, *arguments):
        if self._connection is None or self._pid != os.getpid():
            self._connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                               check_same_thread=False)
            self._pid = os.getpid()
        return self._connection.execute(query.format(table=self.table), arguments)

    def __getitem__(self, key):
        if key in self._kept:
            return self._kept[key]
        if key in self._missing or not isinstance(key, str):
            raise KeyError(key)
        row = self._rows("SELECT value FROM {table} WHERE key = ?", key).fetchone()
        if row is None:
            self._missing.add(key)
            raise KeyError(key)
        value = self._kept[key] = marshal.loads(row[0])
        return value

    def __contains__(self, key) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return (key for (key,) in self._rows("SELECT key FROM {table} ORDER BY rowid").fetchall())

    def __len__(self) -> int:
        if self._length is None:
            self._length = self._rows("SELECT count(*) FROM {table}").fetchone()[0]
        return self._length


def write_disk_mappings(path: Path, tables: dict[str, dict]) -> None:
    """Write ``tables`` (name → a ``str``-keyed dict of marshal-able values) into one SQLite file, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(partial)) as connection:
        for name, table in tables.items():
            connection.execute(f"CREATE TABLE {name} (key TEXT UNIQUE, value BLOB)")  # rowid: the dict's order
            connection.executemany(f"INSERT INTO {name} VALUES (?, ?)",
                                   ((key, marshal.dumps(value)) for key, value in table.items()))
        connection.commit()
    os.replace(partial, path)  # atomic: a concurrent reader sees no file or the whole one


def load_or_build_mappings(path: Path, names: tuple[str, ...], build: Callable[[], tuple[dict, ...]]) -> tuple[DiskMapping, ...]:
    """The tables ``names`` of the SQLite file ``path`` as ``DiskMapping``s; ``build()`` (one dict per name) written
    there first when the file is missing or unreadable."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            for name in names:
                connection.execute(f"SELECT count(*) FROM {name}").fetchone()
    except sqlite3.Error:
        write_disk_mappings(path, dict(zip(names, build())))
    return tuple(DiskMapping(path, name) for name in names)

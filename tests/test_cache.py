"""helpers.cache: a large dictionary kept on disk and read entry by entry answers as the dict it was written from."""

import os
import pickle

from hypothesis import given, settings, strategies as st

from helpers.cache import DiskMapping, load_or_build_mappings

VALUES = st.one_of(st.floats(allow_nan=False), st.text(max_size=5),
                   st.lists(st.lists(st.text(max_size=4), max_size=3).map(tuple), max_size=3).map(tuple))
TABLES = st.dictionaries(st.text(max_size=6), VALUES, max_size=30)


@settings(max_examples=40, deadline=None)
@given(table=TABLES, other=TABLES, probes=st.lists(st.text(max_size=6), max_size=10))
def test_a_disk_mapping_answers_as_the_dict_it_was_written_from(tmp_path_factory, table, other, probes):
    path = tmp_path_factory.mktemp("mappings") / "words.sqlite"
    first, second = load_or_build_mappings(path, ("first", "second"), lambda: (table, other))
    assert list(first) == list(table) and len(first) == len(table)  # the dict's order kept
    assert dict(first.items()) == table and dict(second.items()) == other
    for key in [*probes, *table]:
        assert (key in first) == (key in table)
        assert first.get(key, "absent") == table.get(key, "absent")
    assert pickle.loads(pickle.dumps(first)) == table


def test_a_written_file_is_read_not_rebuilt_and_a_damaged_one_is_rebuilt(tmp_path):
    path = tmp_path / "words.sqlite"
    (table,) = load_or_build_mappings(path, ("words",), lambda: ({"芯片": ("chip",)},))

    def no_build():
        raise AssertionError("built again although the file is whole")

    assert load_or_build_mappings(path, ("words",), no_build)[0]["芯片"] == ("chip",)
    path.write_bytes(b"not a database")
    assert load_or_build_mappings(path, ("words",), lambda: ({"云": ("cloud",)},))[0]["云"] == ("cloud",)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_a_forked_process_reads_through_its_own_connection(tmp_path):
    (table,) = load_or_build_mappings(tmp_path / "w.sqlite", ("words",), lambda: ({"a": 1.0, "b": 2.0},))
    assert table["a"] == 1.0  # the parent's connection opened
    pid = os.fork()
    if pid == 0:
        os._exit(0 if table["b"] == 2.0 and "c" not in table else 1)
    assert os.waitpid(pid, 0)[1] == 0
    assert isinstance(table, DiskMapping) and table["b"] == 2.0

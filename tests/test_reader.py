"""Reading: encodings detected and reported, newlines kept, unusable files refused with one line."""

import codecs
import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.text.reader import InputError, decode_bytes, read_bounded, read_document

SAMPLE = "中国 AI 实验室\r\nThe labs.\n第三行"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
)
def test_decodes_and_names_the_encoding(data, encoding):
    text, found = decode_bytes(data)
    assert text == SAMPLE  # BOM removed, \r\n kept as it was
    assert found == encoding


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x00\x01\x02binary\x00", "NUL"),
        (bytes(range(1, 32)) * 10, "control characters"),
        ("abc".encode("utf-8") + b"\xff\x80\x81\xfe\x90" * 50, "cannot be decoded"),
        (codecs.BOM_UTF8 + b"\xff\xff", "byte-order mark"),
    ],
)
def test_refuses_what_is_not_text(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


def test_read_document_reports_path_and_checksum(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.encode("gb18030"))
    document = read_document(path)
    assert document.encoding == "gb18030"
    assert document.text == SAMPLE
    assert len(document.sha256) == 64


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "is a directory"),
        (lambda p: (p.write_bytes(b""), p)[1], "empty"),
        (lambda p: (p.write_text(" \n\t\u3000\n", encoding="utf-8"), p)[1], "empty"),
    ],
)
def test_unusable_paths_raise_one_line(tmp_path, make, message):
    path = make(tmp_path / "doc.txt")
    with pytest.raises(InputError, match=message) as caught:
        read_document(path)
    assert "\n" not in str(caught.value)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:  # sparse: 65 MiB without writing them
        handle.truncate(65 * 1024 * 1024)
    with pytest.raises(InputError, match="larger than the limit"):
        read_document(path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_input_error(data):
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200).filter(lambda t: "\x00" not in t))
def test_utf8_text_round_trips(text):
    try:
        decoded, encoding = decode_bytes(text.encode("utf-8"))
    except InputError:
        return  # control-heavy text is refused as binary, which is allowed
    assert decoded == text.removeprefix("\ufeff") or encoding == "utf-8-sig"


@pytest.mark.parametrize("make, kind", [
    (lambda d: (os.mkfifo(d / "pipe.txt"), d / "pipe.txt")[1], "named pipe"),
    (lambda d: Path("/dev/zero"), "character device"),
    (lambda d: Path("/dev/urandom"), "character device"),
    (lambda d: (os.symlink(d / "gone.txt", d / "link.txt"), d / "link.txt")[1], "broken symbolic link"),
])
def test_what_is_not_a_regular_file_is_refused_before_it_is_read(tmp_path, make, kind):
    # A FIFO would block the reader forever and /dev/zero would be read until memory runs out:
    # each is refused at once, in one line, without being opened for reading.
    path = make(tmp_path)
    if not os.path.lexists(path):
        pytest.fail(f"{path} is not on this machine")  # never a skip: every Linux has these
    started = time.monotonic()
    with pytest.raises(InputError, match=kind) as caught:
        read_document(path)
    assert time.monotonic() - started < 2
    assert "\n" not in str(caught.value)


def test_the_size_limit_is_counted_while_reading_whatever_the_source_claims():
    # A pipe reports no size: the reader stops at the limit plus one byte and refuses.
    read_end, write_end = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(write_end, b"x" * 5000), os.close(write_end)))
    writer.start()
    try:
        with pytest.raises(InputError, match="larger than the limit of 4096 bytes"):
            read_bounded(read_end, 4096, "pipe")
        assert len(os.read(read_end, 10000)) == 5000 - 4097  # it read 4097 bytes and no more
    finally:
        writer.join()
        os.close(read_end)


@settings(max_examples=50, deadline=None)
@given(size=st.integers(0, 3000), limit=st.integers(0, 3000))
def test_bounded_read_returns_everything_up_to_the_limit_and_refuses_beyond(size, limit):
    read_end, write_end = os.pipe()
    os.write(write_end, b"y" * size)  # under the pipe's 64 KiB buffer: no writer thread needed
    os.close(write_end)
    try:
        if size <= limit:
            assert read_bounded(read_end, limit, "pipe") == b"y" * size
        else:
            with pytest.raises(InputError):
                read_bounded(read_end, limit, "pipe")
    finally:
        os.close(read_end)

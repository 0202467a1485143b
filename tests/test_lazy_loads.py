"""What the aligner loads on first use, loaded without the heavy packages around it: NLTK's Porter stemmer without
``nltk/__init__``, jieba's IDF table without importing jieba. Each check runs in a fresh interpreter, where nothing
has been imported yet."""

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.align.evidence import porter_class


def fresh(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_stemmer_loads_without_nltk_and_is_nltks_own_class():
    got = fresh(
        "import json, sys\n"
        "from helpers.align.evidence import porter_class\n"
        "cls = porter_class()\n"
        "stems = [cls().stem(w) for w in ['running', 'generalization', 'happiness', 'agreed']]\n"
        "loaded = 'nltk' in sys.modules\n"
        "import nltk\n"
        "from nltk.stem.porter import PorterStemmer\n"
        "from nltk.translate.gale_church import align_blocks\n"
        "print(json.dumps({'loaded': loaded, 'same': PorterStemmer is cls and nltk.stem.PorterStemmer is cls,\n"
        "                  'stems': stems, 'gale_church': align_blocks([10, 20], [11, 19])}))\n")
    assert got["loaded"] is False        # NLTK's __init__ not run for the stemmer
    assert got["same"] is True           # a later ``import nltk`` reuses the very class
    assert got["stems"] == ["run", "gener", "happi", "agre"]
    assert got["gale_church"] == [[0, 0], [1, 1]]   # the rest of NLTK still imports and works


def test_the_idf_table_is_read_without_importing_jieba():
    got = fresh(
        "import json, sys\n"
        "from helpers.align.dictionary import load_zh_idf\n"
        "table = load_zh_idf(cache_dir=None)\n"
        "print(json.dumps({'jieba': 'jieba' in sys.modules, 'chip': table['芯片'], 'size': len(table)}))\n")
    assert got["jieba"] is False
    assert 8 < got["chip"] < 10 and got["size"] > 100_000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'-", min_size=1, max_size=14))
def test_stems_are_nltks(word):
    from nltk.stem.porter import PorterStemmer

    assert porter_class()().stem(word) == PorterStemmer().stem(word)

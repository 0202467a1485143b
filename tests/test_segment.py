"""helpers.text.segment: one tokenizer per vocabulary, never changed once built, so a cut never depends on what ran
before in the process."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.paths import DEFAULT_SOURCE, ROOT
from helpers.tables.entities import load_gazetteer, tokenizer_for
from helpers.text.segment import quiet_jieba, tokenizer_with

FIXTURES = Path(__file__).parent / "fixtures"
SENTENCE = "美团和蚂蚁都在做模型,刀片电池也很火"

# Runs two documents, each with its own gazetteer, in the order given, in one fresh process; prints what each gave.
RUN_BOTH = """
import hashlib, json, sys
from helpers.pipeline import run
from helpers.tables.entities import load_gazetteer, tokenizer_for
from helpers.text.segment import Tokenizer
docs = {"seed": (sys.argv[1], None), "unseen": (sys.argv[2], sys.argv[3])}
out = {}
for name in sys.argv[4:]:
    path, gazetteer = docs[name]
    gazetteer = load_gazetteer(gazetteer) if gazetteer else None
    analysis = run(open(path, encoding="utf-8").read(), gazetteer=gazetteer)
    tables = analysis.named_tables()
    out[name] = {k: hashlib.sha1(v.to_csv(index=False).encode()).hexdigest() for k, v in tables.items()}
    out[name + ":plain"] = Tokenizer().cut({sentence!r})
    out[name + ":reference"] = tokenizer_for().cut({sentence!r})
print(json.dumps(out))
""".replace("{sentence!r}", repr(SENTENCE))


def run_in_order(*names: str) -> dict:
    args = [str(DEFAULT_SOURCE), str(FIXTURES / "unseen_article.txt"), str(FIXTURES / "unseen_gazetteer.csv"), *names]
    result = subprocess.run([sys.executable, "-c", RUN_BOTH, *args], capture_output=True, text=True, cwd=ROOT,
                            timeout=300, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def both_orders():
    return run_in_order("seed", "unseen"), run_in_order("unseen", "seed")


def test_two_documents_with_their_own_gazetteers_give_the_same_tables_in_either_order(both_orders):
    seed_first, unseen_first = both_orders
    assert seed_first["seed"] == unseen_first["seed"]
    assert seed_first["unseen"] == unseen_first["unseen"]
    assert seed_first["seed"] != seed_first["unseen"]


def test_no_analysis_teaches_another_tokenizer_its_names(both_orders):
    for run in both_orders:
        for name in ("seed", "unseen"):
            assert run[f"{name}:plain"][:2] == ["美", "团"]           # jieba alone: 美团 is not a word it knows
            assert run[f"{name}:reference"][:3] == ["美团", "和", "蚂蚁"]  # the reference gazetteer names it
            assert "刀片电池" not in run[f"{name}:reference"]          # only the unseen gazetteer knows the battery


def test_a_gazetteers_tokenizer_keeps_its_names_and_only_its_names():
    unseen = tokenizer_for(load_gazetteer(FIXTURES / "unseen_gazetteer.csv"))
    assert "刀片电池" in unseen.cut(SENTENCE)
    assert "美团" not in unseen.cut(SENTENCE)
    assert tokenizer_for().cut(SENTENCE)[:1] == ["美团"]


def test_building_tokenizers_leaves_jiebas_shared_instance_alone():
    jieba = quiet_jieba()
    before = dict(jieba.dt.user_word_tag_tab)
    tokenizer_for(load_gazetteer(FIXTURES / "unseen_gazetteer.csv")).cut(SENTENCE)
    assert jieba.dt.user_word_tag_tab == before


def test_one_tokenizer_per_word_list():
    words = (("刀片电池", 100000, "nz"),)
    assert tokenizer_with(words) is tokenizer_with(words)
    assert tokenizer_with(words) is not tokenizer_with(())


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="美团蚂蚁模型刀片电池和的 AIab1,。", max_size=30))
def test_tokens_tile_the_text_and_offsets_index_it(text):
    tokens = tokenizer_for().tokenize(text)
    assert "".join(t for t, _, _ in tokens) == text
    assert all(text[a:b] == t for t, a, b in tokens)

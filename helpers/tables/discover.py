"""Organisations the gazetteer does not list, found in the document itself, each with the evidence that made it one.

The gazetteer knows the names a user listed; an article names others. These rules turn a name in the text into a
mention, and each mention says which rule fired in its ``evidence`` column:

- ``versioned:<alias>``: a Latin word that is a gazetteer name with a version glued on ("Baichuan2-13B-Chat",
  "InternLM2"): the gazetteer's own boundaries keep "Baichuan" from matching inside it, yet it names Baichuan's
  model, so it is a mention of that entity (and rolls up to its organisation like any other);
- ``both_versions``: a name written in Latin script in the Chinese version that the English version also uses,
  which reads as an organisation: capitalised or CamelCase, not a stoplisted word, not a sentence opener that the
  text also writes in lowercase, and named beside an organisation cue in either version (``Inc.``, ``Labs``,
  ``AI``, ``team``; 公司, 团队, 实验室 …: ``DISCOVER_EN_CUE_RE``, ``DISCOVER_ZH_CUE_RE``; or English prose that calls it
  a company, as below) at least once;
- ``org_suffix``: a capitalised English name followed by a company suffix ("Foo Inc.", "Bar Labs"), or that English
  prose around it calls a company ("founded Foo", "acquired by Foo", "Foo, a Hangzhou startup", "Foo's CEO", "Foo
  raised"): the words say what it is even when the Chinese never writes it ("AI" or "team" alone do not: "Foo AI" may
  be a product, "the Foo team" a model's makers);
- ``prose_name``: a capitalised name ending in a ``weak`` word of ``org_name_words.csv`` (Compute, Cloud: words that end
  headings and kinds of product as often as companies' names), the whole name written in Latin letters inside a
  sentence of each version ("data centres run by Foo Compute", "Foo Compute 运营"; not "Hybrid Cloud" on a line of its
  own, nor "Private Cloud", whose head is a stoplisted word);
- ``said``: a capitalised name only the English writes in Latin letters, that it makes the source of a report
  ("according to Foo", "Foo's spokesperson", "a spokesperson for Foo", "Foo said"), where the text never writes it as a
  person's (after a
  capitalised first name: "Lena Varga" makes "Varga said" a person's) and a word of the candidate stoplist is none
  ("Analysts said");
- ``platform``: a one-word Latin name the text sends its readers to ("Join us on Foo or Bar", "find us on our Foo",
  加入我们的 Foo, 欢迎关注 Foo): a platform or community, which the gold counts as an organisation
  (``platform_names``);
- ``made_by:<maker>`` and ``tied_<how>:<name>``: a model-like name tied to its maker, and a Chinese name tied to a Latin
  one (``_made_by_rows``, ``helpers.tables.ties``);
- ``chinese_only``: a name written in Han characters only (in the Chinese, or in both versions), tied to nothing: a
  coined head of two characters (no word of the
  dictionary: 鹿鸣 and 远帆 cut into single characters, where 风险 in 风险资本 or 头部 in 头部大学 is a word and describes),
  or a word the dictionary tags as a proper name and has seldom seen (北辰 in 北辰集团; ``rare_proper_name``)
  before a word that ends organisations' names and seldom descriptions (资本, 集团, 研究院, 大学 …: ``strong`` in
  ``org_name_words_zh.csv``); its organisation is the Chinese name itself. Before a word that ends descriptions as
  often (智能, 机器人: ``_weak_word_rows``) the text must also treat the name as an organisation's (listed beside one,
  青禾机器人和数渊科技; doing what organisations do, 微澜智能最近也在招聘);
  before 公司, which ends descriptions and names alike (这家公司, 设计公司), a coined head of two to four characters
  that the Chinese also writes alone (鹿鸣公司宣布…, then 鹿鸣还计划…) is the company's name (``_company_name_rows``);
- ``glossed``: a Latin name in brackets right after a Han name that follows a word saying what kind of organisation
  it is (无人机公司芬域无人机（Fennick Drones）, 本地速遞公司大坑速遞（Tai Hang Express）: ``GLOSSED_ORG_RE``), the way news
  reports introduce a company; no title of a person's in the Han run (公司执行长卡域（Owen Carrick）), no function word
  opening it (公司在某地（Foo）). Every place either
  version writes the Latin name (its first word alone too: "Fennick said") and every place the Chinese writes the Han
  name count for it (the Han name with ``tied_paired:<name>`` evidence), in either version or in the Chinese alone;
- ``publication``: a title in 《》 that a Chinese sentence cites as the source of a report (据《海湾日报》报道, 據美國產業電子報
  《The Ledger》報導, 《Foo》援引): a newspaper, wire or newsletter, which the gold counts as an organisation; a Latin title
  counts where the English writes it too ("the newsletter The Ledger"). A title with a digit or a document's word
  (报告, 白皮书, 条例 …: ``PUBLICATION_NOT_RE``) is a document, not a publication;
- ``initials:<name>``: an acronym that is the initials of one discovered name (ACF where the other version spells out
  Arvensis Computing Foundation: ``_initials_rows``).

A gazetteer organisation's name that the text writes as a person's is no mention (``outside_person_names``: "By Nora
Dell", "Nora Dell, a partner at", 浙大教授高通).

A name the text also writes as a model's or framework's (a version glued on, "Foo-7B"; "Foo 框架", "Foo models") is
none of these: its "team" or "AI" are its makers' (``_names_a_product``).

Such a mention has type ``discovered``; its ``entity`` and ``org`` are the name itself (the casefolded name as
entity id, the name as written the first time as org), so that it counts in the lab-mention tables, marked as
discovered, and in the "named only in the Chinese/English" lists. A user promotes one by adding a gazetteer row:
the gazetteer's mention then takes the span and the discovery no longer fires.

What is never discovered (the false friends): a word of the candidate stoplist (GPU, API), a gazetteer name of a
person, place, model or product (they are mentions already), a capitalised sentence opener alone, an all-lowercase
word, a number or unit (13B, 4K), a name inside a URL or an e-mail address (``outside_urls`` drops the
gazetteer's own mentions there too).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from ..frames import column
from ..paths import REFERENCE
from ..patterns import (
    CAMEL_RE, CAPITALISED_RE, LATIN_CLASS, DISCOVER_EN_AFTER_MORE_RE, DISCOVER_EN_AFTER_RE, DISCOVER_EN_BEFORE_MORE_RE,
    DISCOVER_EN_BEFORE_RE, DISCOVER_EN_CUE_RE, DISCOVER_FILE_EXTENSION_RE, DISCOVER_FILE_NAME_RE, DISCOVER_REPO_ID_RE, DISCOVER_EN_SAID_AFTER_RE, DISCOVER_EN_SAID_BEFORE_RE, DISCOVER_LOWER_RE, DISCOVER_NAMED_WORD_RE, DISCOVER_NAME_WORD_AFTER_RE,
    DISCOVER_OF_BEFORE_RE, DISCOVER_PLATFORM_CUE_RE, DISCOVER_PLATFORM_NAMES_RE, DISCOVER_PRODUCT_AFTER, DISCOVER_PRODUCT_BEFORE_RE,
    DISCOVER_EMAIL_ADDRESS_RE, DISCOVER_EMAIL_LOCAL_CHAR_RE, DISCOVER_URL_RE, DISCOVER_WEB_ADDRESS_RE, DISCOVER_ZH_BEFORE_RE, DISCOVER_ZH_CUE_RE, HAS_DIGIT_RE, HAS_UPPER_RE,
    LATIN_CHAR_RE, MADE_BY_AFTER_RE, MADE_BY_AUTHOR_LINE_RE, MADE_BY_BEFORE_RE, MADE_BY_ITS_RE, MADE_BY_OWN_RE,
    MADE_BY_ZH_VERB_RE, HAN_BEFORE_RE, PERSON_AFTER_RE, PERSON_BEFORE_RE, PERSON_GIVEN_NAME_BEFORE_RE,
    PERSON_TITLE_ZH_BEFORE_RE, ZH_ORG_ACTION_AFTER_RE, ZH_ORG_LIST_JOIN_RE, ACRONYM_RE, ACRONYM_SKIPPED_WORDS,
    PROSE_NAME_PRODUCT_AFTER_RE, HAN_RUN, PATH_RUN_CHARS, literal_not_after,
)
from ..text.segment import SentenceCuts
from ..vocab import load_stopwords, load_vocabulary
from . import entities, ties

DISCOVERED = "discovered"
EVIDENCE_VERSIONED = "versioned"
EVIDENCE_BOTH = "both_versions"
EVIDENCE_SUFFIX = "org_suffix"
EVIDENCE_MADE_BY = "made_by"
EVIDENCE_PLATFORM = "platform"
EVIDENCE_PINYIN = "pinyin"
EVIDENCE_SAID = "said"
EVIDENCE_ZH_ONLY = "chinese_only"
EVIDENCE_PROSE = "prose_name"
EVIDENCE_INITIALS = "initials"
#: The length of a coined head a Chinese-only name takes (鹿鸣资本): a third character before it is as often a verb's.
ZH_ONLY_HEAD_CHARS = 2
#: Measure words for companies: right before a head and 公司 (一家钠电公司, 这间设计公司) they make it a description.
COMPANY_MEASURE_WORDS = frozenset("家间間")
#: The word that ends a company's name and descriptions alike (鹿鸣公司, 这家公司): ``_company_name_rows``.
COMPANY_WORD = "公司"
#: The fewest and most characters of a coined head before 公司 that the Chinese also writes alone (鹿鸣, 维拉莫).
COMPANY_HEAD_CHARS = (2, 4)
#: jieba's dictionary tags of proper names (a person's, a transliterated name, another proper noun, an organisation's):
#: a dictionary word so tagged before a strong organisation word heads a name (北辰集团), where a common word
#: describes (风险资本, 头部大学, 大型集团). Places (ns) are left out: 国内大学 and 中国大学 describe as often as they name.
ZH_PROPER_TAGS = frozenset({"nr", "nrt", "nz", "nt"})
#: The most often jieba's dictionary may have seen such a word for it to head a name: the dictionary tags common words
#: as proper names too (明星 2130, 智慧 1581, 卓越 592 are nr), and those describe; a proper name that heads a firm's is
#: a rare word (北辰 15). Nine in ten of the dictionary's two-character words are seen fewer than 327 times; a bar
#: below that keeps the common words out.
ZH_ONLY_MAX_HEAD_FREQ = 200
#: The most often the dictionary may have seen a common noun for it to head a name ending in a word that ends
#: descriptions too (微澜 6 in 微澜智能, 云雀 33 in 云雀机器人): far below ZH_ONLY_MAX_HEAD_FREQ, as such a word names a
#: kind as often (家用 153 in 家用机器人, 人形 257 in 人形机器人); the rarer kinds (码垛, 矿用) are kept out by the cue the
#: name needs (``_treated_as_org``: no kind of robot raises money or is listed beside a company).
ZH_WEAK_HEAD_MAX_FREQ = 50
#: jieba's tag initials of function words (conjunctions, prepositions, particles, adverbs, pronouns, verbs, modal
#: particles): a character so tagged between a person's title and a name is no surname (创始人和小米).
ZH_FUNCTION_TAGS = frozenset("cpudrvy")
#: jieba's tags of numerals and measure words: a head cut into characters holding one counts or sorts (四足, 类脑).
ZH_NUMBER_TAGS = frozenset({"m", "q", "mq"})
#: jieba's tags of a pronoun, preposition, conjunction or adverb: a head opening on one is a clause (他说公司…, 并说公司…), not a name.
ZH_CLAUSE_OPENER_TAGS = frozenset({"r", "p", "c", "d"})
#: A verb's result or aspect complement: a head ending on one is a verb phrase (问到公司是否…, 说了公司…: 'asked the
#: company'), not a name (bilingual review round 20: an earnings call's 分析师 Priya Raman 问到，… read 问到 as a firm).
ZH_VERB_TAILS = frozenset("到了过着過著")
MODEL_TYPE = "model"
ORG_NAME_WORDS_PATH = REFERENCE / "org_name_words.csv"
#: ``org_name_words.csv``'s roles: a word that ends a name, a legal form after it, a word that opens it before "of", a
#: word that ends a name as often as a heading's or a category's ("Foo Compute", "Hybrid Cloud": ``_prose_name``).
ROLE_SUFFIX, ROLE_LEGAL, ROLE_OF, ROLE_WEAK = "suffix", "legal", "of", "weak"
#: What ends a sentence (a closing quote or bracket after it aside): a line that ends so is prose, not a heading.
SENTENCE_ENDS = ".!?;:。！？；："
CLOSING_MARKS = "\"'”’)）」』】 \t\r"
#: Name words a name may stretch over after its head ("Brightlake Research Institute Inc.").
MAX_NAME_WORDS = 3
#: The suffix that says no more than "Foo AI": a product's name as often as a company's (no English-only evidence).
WEAK_SUFFIX = "AI"

DISCOVERY_COLUMNS = entities.MENTION_RESULT_COLUMNS + ["evidence"]
EVIDENCE_GLOSSED = "glossed"
#: A kind of organisation, then its Han name, then the Latin name in brackets (either script: a Traditional text is
#: read as written here): 送货公司光翼航空（Brightwing Aerial）, 芯片厂商X（Foo Semi）. The Han run is taken shortest, two to six
#: characters; the Latin name is one to four capitalised words.
ORG_KIND_WORDS = (
    r"(?:公司|业者|業者|厂商|廠商|机构|機構|集团|集團|企业|企業|初创|初創|新创|新創|平台|平臺|品牌|供应商|供應商|服务商|服務商"
    r"|运营商|運營商|制造商|製造商|零售商|开发商|開發商|芯片商|晶片商|设计商|設計商|软件商|軟件商|軟體商|电商|電商|车企|車企"
    r"|药企|藥企|券商|银行|銀行|通讯社|通訊社|媒体|媒體|网站|網站)")
GLOSSED_ORG_RE = re.compile(
    ORG_KIND_WORDS +
    r"(?P<han>[\u4e00-\u9fff]{2,6}?)[ \u00A0]*[（(][ \u00A0]*"
    r"(?P<latin>[A-Z][A-Za-z0-9&'-]*(?:[ \u00A0]+[A-Z][A-Za-z0-9&'-]*){0,3})[ \u00A0]*[）)]")
EVIDENCE_QUOTED = "quoted"
#: A kind of organisation, then its name in quotation marks, the way Hong Kong and Taiwan reports introduce a company
#: (本港一間初創企業「港灣智算」, 晶片商「某某科技」): two to ten Han characters, letters or digits inside 「」, 『』 or “”.
QUOTED_ORG_RE = re.compile(ORG_KIND_WORDS + r"[「『“](?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,10})[」』”]")
EVIDENCE_PUBLICATION = "publication"
#: A title in 《》 cited as a report's source: 据/據/根据 before it (a few characters between: 美國產業電子報《…》), or
#: 报道/報導/援引/引述/披露 right after it.
PUBLICATION_RE = re.compile(
    r"(?:(?:据|據|根据|根據|援引|引述)[^《》，。；！？\n]{0,10}《(?P<a>[^《》\n]{2,24})》(?:[（(][ A-Za-z0-9&'.-]{2,40}[）)])?(?:的)?"
    r"(?:报道|報道|報導|报导|消息|披露|指出|称|稱)"
    r"|《(?P<b>[^《》\n]{2,24})》(?:[（(][ A-Za-z0-9&'.-]{2,40}[）)])?(?:周[一二三四五六日]|週[一二三四五六日]|日前|近日|昨日|今日|早前)?"
    r"(?:报道|報道|報導|报导|援引|引述|披露))")  # a Latin gloss may stand between the title and the verb (round 17)
#: A Latin name in brackets right after a Han title in 《》: the publication's own name (《子午报》（The Noon Post）).
PUBLICATION_GLOSS_RE = re.compile(r"[ \u00A0]*[（(][ \u00A0]*(?P<latin>(?:The[ \u00A0]+)?[A-Z][A-Za-z0-9&'.-]*(?:[ \u00A0]+[A-Z][A-Za-z0-9&'.-]*){0,4})[ \u00A0]*[）)]")
#: What makes a title a document's rather than a publication's: a digit, or a kind of document.
PUBLICATION_NOT_RE = re.compile(r"\d|报告|報告|白皮书|白皮書|条例|條例|规定|規定|办法|辦法|通知|意见|意見|法案|计划|計劃|指南|纲要|綱要|协议|協議")
#: Characters that open a clause, not a name, right after the kind word (公司在某地（Foo）, 公司将与（Foo）): prepositions,
#: conjunctions and adverbs.
GLOSSED_NOT_OPENING = frozenset("在于於是的将將与與和同跟向从從对對把被为為也亦已则則还還都就及并並由让讓给給")
#: A person's title inside the Han run: the bracketed name is the person's (公司执行长卡域（Owen Carrick）).
GLOSSED_PERSON_TITLE_RE = re.compile(
    r"总裁|總裁|创始人|創始人|创办人|創辦人|执行长|執行長|首席|发言人|發言人|主席|董事|经理|經理|教授|记者|記者|官员|官員|主管|负责人|負責人"
    r"|高管|员工|員工|工程师|工程師|研究员|研究員|分析师|分析師|总监|總監|合伙人|合夥人|顾问|顧問|律师|律師|主任|秘书|秘書|代表")


#: How many distinct words' verdicts a process keeps per (gazetteer, stoplist) before starting afresh (memory bound).
WORD_VERDICTS_KEPT = 50_000


@lru_cache(maxsize=8)
def _word_verdicts(key: tuple[tuple[str, ...], ...], stoplist: frozenset[str]) -> dict[str, tuple]:
    """word -> (versioned entity and alias or None, model-like, org-shaped): what the rules say of a word alone, kept
    across the documents of a process for one gazetteer and stoplist."""
    return {}


def _entity_types(gazetteer: pd.DataFrame) -> dict[str, str]:
    """Entity id -> type (the last row of an id wins); made once for a settled gazetteer (``entities.settled_gazetteer``)."""
    if entities.is_settled(gazetteer):
        return _types_of(entities._gazetteer_key(gazetteer))
    return gazetteer.set_index("entity")["type"].to_dict() if len(gazetteer) else {}


@lru_cache(maxsize=8)
def _types_of(key: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    return {row[0]: row[3] for row in key}


def _latin_aliases(gazetteer: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """The gazetteer's single-word Latin aliases: (exact-case alias → entity, casefolded alias → entity)."""
    return _latin_aliases_of(entities._gazetteer_key(gazetteer))


@lru_cache(maxsize=8)
def _latin_aliases_of(key: tuple[tuple[str, ...], ...]) -> tuple[dict[str, str], dict[str, str]]:
    """``_latin_aliases`` of a gazetteer's key (built once per gazetteer; do not mutate)."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for row in key:
        for alias, ignore in entities._surface_forms(row):
            if " " in alias or not LATIN_CHAR_RE.match(alias[0]) or not LATIN_CHAR_RE.match(alias[-1]):
                continue
            if ignore:
                folded.setdefault(alias.casefold(), row[0])
            else:
                exact.setdefault(alias, row[0])
    return exact, folded


def _versioned_entity(word: str, exact: dict[str, str], folded: dict[str, str]) -> tuple[str, str] | None:
    """(entity, alias) when ``word`` is a gazetteer alias with a version glued on: the alias, then a digit.

    >>> _versioned_entity("Baichuan2-13B", {"Baichuan": "baichuan"}, {})
    ('baichuan', 'Baichuan')
    >>> _versioned_entity("Baichuanese", {"Baichuan": "baichuan"}, {}) is None
    True
    >>> _versioned_entity("Zorb4All", {"Zorb": "zorb"}, {}) is None  # someone else's project named after Zorb-4
    True
    """
    for cut in range(len(word) - 1, 0, -1):
        if not word[cut].isdigit() or word[cut - 1].isdigit():
            continue
        head = word[:cut]
        entity = exact.get(head) or folded.get(head.casefold())
        if entity:
            return None if _word_after_version(word[cut:]) else (entity, head)
    return None


def _word_after_version(tail: str) -> bool:
    """Whether a word follows the version glued to a name ("4All" in "Zorb4All", "2chat"): then the whole is another
    project named after the model, not the model itself. A version's own letters are no word: a size or variant
    letter ("4o", "34B") or an acronym ("2VL"), and whatever follows a hyphen, dot or underscore ("2-Chat").

    >>> [_word_after_version(t) for t in ("4All", "2chat", "4o", "2VL", "2.5-Chat", "34B", "3")]
    [True, True, False, False, False, False, False]
    """
    index = 0
    while index < len(tail) and (tail[index].isdigit() or (tail[index] == "." and tail[index + 1:index + 2].isdigit())):
        index += 1
    letters = ""
    while index < len(tail) and tail[index].isascii() and tail[index].isalpha():
        letters += tail[index]
        index += 1
    if len(letters) < 2:
        return False
    capitalised_word = letters[0].isupper() and any(ch.islower() for ch in letters[1:])
    return capitalised_word or (letters.islower() and len(letters) >= 3)


@lru_cache(maxsize=4)
def load_org_name_words(path: str = str(ORG_NAME_WORDS_PATH)) -> dict[str, frozenset[str]]:
    """``org_name_words.csv``: word -> its roles (suffix, legal, of); ValueError names a bad row's line."""
    table = load_vocabulary(path, ["word", "role", "source"], required=("word", "role", "source"))
    header = 0  # the '#' lines above the header row, so that an error names the file's own line
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            header += 1
    first_line = header + 2
    roles: dict[str, set[str]] = defaultdict(set)
    for index, (word, role) in enumerate(zip(table["word"], table["role"])):
        if role not in (ROLE_SUFFIX, ROLE_LEGAL, ROLE_OF, ROLE_WEAK):
            raise ValueError(f"{path}, line {first_line + index}: role must be suffix, legal, of or weak, not {role!r}")
        roles[word].add(role)
    return {word: frozenset(r) for word, r in roles.items()}


def name_extent(text: str, start: int, end: int, blocked: bytes | bytearray = b"", *,
                weak: bool = False) -> tuple[int, int, tuple[str, ...]]:
    """The whole organisation name a name word heads: (start, end, the name words taken in), stretched over the name
    words after it ("Tidewell Labs", "Pellucid Systems Inc.", "Brightlake Research Institute") and an opening
    "University of" before it; never into a mention or an address (``blocked``).

    >>> text = "Researchers at the University of Eastmere and Pellucid Systems, Inc. met."
    >>> name_extent(text, 33, 41), name_extent(text, 46, 54)
    ((19, 41, ('University',)), (46, 68, ('Systems', 'Inc.')))
    >>> text = "Ann Vale of Brightwater Policy Lab and Kestrel Compute met."
    >>> name_extent(text, 12, 23), name_extent(text, 38, 45), name_extent(text, 0, 3)
    ((12, 34, ('Policy', 'Lab')), (38, 45, ()), (0, 3, ()))

    A field suffix and 'for' before the words found open the name, the field's capitalised words after them close it:

    >>> text = "A fellow at the Center for Strategic Compute Policy spoke."
    >>> text[slice(*name_extent(text, 27, 36, weak=True)[:2])]
    'Center for Strategic Compute Policy'

    ``weak``: a ``weak`` name word ends a name too ("Kestrel Compute"), as ``_prose_name`` asks.

    >>> name_extent("Run by Kestrel Compute.", 7, 14), name_extent("Run by Kestrel Compute.", 7, 14, weak=True)
    ((7, 14, ()), (7, 22, ('Compute',)))
    """
    words = load_org_name_words()
    taken: list[str] = []
    pending: list[tuple[str, int]] = []  # capitalised words that join the name only if a name word follows them
    while len(taken) + len(pending) < MAX_NAME_WORDS:
        match = DISCOVER_NAME_WORD_AFTER_RE.match(text, end if not pending else pending[-1][1])
        if match is None:
            break
        word = match.group("word")
        if word not in words and word.endswith(".") and word[:-1] in words:
            word = word[:-1]  # a full stop after the name ("… by Foo Labs."), not its part
        roles = words.get(word, frozenset())
        if weak and ROLE_WEAK in roles:
            roles = roles | {ROLE_SUFFIX}
        legal = ROLE_LEGAL in roles
        word_end = match.start("word") + len(word)
        if blocked and blocked.find(1, match.start("word"), word_end) >= 0:
            break
        if match.group("comma") and not legal:
            break
        if not (roles & {ROLE_SUFFIX, ROLE_LEGAL}):
            # a capitalised word between the head and a name word other than "AI" ("Brightwater Policy Lab"): held
            # until one comes
            if taken or word.endswith(".") or not word[1:].islower():
                break
            pending.append((word, word_end))
            continue
        if pending and word == WEAK_SUFFIX:
            break  # "Scalable Personal AI": a heading's capitalised words before "AI" make no name
        taken += [w for w, _ in pending] + [word]
        pending = []
        end = word_end
    # a body's field after its suffix ('Ravensworth Centre for AI Governance', 'Institute for Progress'): the name's
    # own words, capitalised ones after 'for' (bilingual review round 15: a centre found without its field)
    field = FIELD_AFTER_SUFFIX_RE.match(text, end) if taken and taken[-1] in FIELD_SUFFIXES else None
    if field is not None and not (blocked and blocked.find(1, field.start(), field.end()) >= 0):
        end = field.end()
    opening = DISCOVER_OF_BEFORE_RE.search(text, max(0, start - 30), start)
    if opening is not None and ROLE_OF in words.get(opening.group("word"), frozenset()) and \
            not (blocked and blocked.find(1, opening.start("word"), start) >= 0):
        taken.insert(0, opening.group("word"))
        start = opening.start("word")
    # a nationality or scope word before a name that a suffix ends is the name's own ('American Trucking Associations',
    # 'National Retail Federation'): bilingual review round 7 found 'Trucking Associations' alone
    # a body named by its suffix and field ('Center for Strategic Compute Policy'): the suffix and 'for' before the
    # words found, and the field's capitalised words after them (bilingual review round 20: 'Strategic Compute')
    suffix_for = FIELD_SUFFIX_BEFORE_RE.search(text, max(0, start - 20), start)
    if suffix_for is not None and suffix_for.group("word") in FIELD_SUFFIXES and \
            not (blocked and blocked.find(1, suffix_for.start("word"), start) >= 0):
        rest = FIELD_REST_RE.match(text, end)
        if rest is not None and not (blocked and blocked.find(1, rest.start(), rest.end()) >= 0):
            end = rest.end()
        taken.insert(0, suffix_for.group("word"))
        start = suffix_for.start("word")
    adjective = NAME_ADJECTIVE_BEFORE_RE.search(text, max(0, start - 20), start)
    if adjective is not None and any(ROLE_SUFFIX in words.get(w, frozenset()) for w in taken) and \
            not (blocked and blocked.find(1, adjective.start("word"), start) >= 0):
        taken.insert(0, adjective.group("word"))
        start = adjective.start("word")
    return start, end, tuple(taken)


#: The suffixes a body's field may follow ('Centre for AI Governance'), and the field: 'for', then one to four
#: capitalised words or acronyms, joined by 'and' or '&' ('for Security and Emerging Technology').
FIELD_SUFFIXES = frozenset({"Centre", "Center", "Institute", "Council", "Foundation", "Office", "Agency", "Academy",
                            "Society", "Commission", "Alliance", "Coalition", "Consortium"})
FIELD_AFTER_SUFFIX_RE = re.compile(r"[ \u00A0]for[ \u00A0](?:[A-Z][\w'’-]*|&|and)(?:[ \u00A0](?:[A-Z][\w'’-]*|&|and)){0,4}"
                                   r"(?<!\band)(?<!&)(?![\w-])")
#: A field suffix and 'for' right before a name's words ('Center for ' of 'Center for Strategic Compute Policy').
FIELD_SUFFIX_BEFORE_RE = re.compile(r"(?<![\w-])(?P<word>[A-Z][a-z]+)[ \u00A0]+for[ \u00A0]+$")
#: The field's capitalised words after the name's words ('Policy', 'Policy and Security'): up to three.
FIELD_REST_RE = re.compile(r"(?:[ \u00A0](?:[A-Z][\w'’-]*|&|and)){1,3}(?<!\band)(?<!&)(?![\w-])")
#: The nationality and scope words that open organisations' names ('American …', 'National …', 'International …').
NAME_ADJECTIVE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?P<word>American|British|Chinese|European|Japanese|Korean|Indian|German|French|Canadian|Australian"
    r"|Mexican|Asian|African|National|International|Federal|Global|Royal)[ \u00A0]$")


def _suffixed_anywhere(text: str, word: str, name_words: dict[str, frozenset[str]]) -> bool:
    """Whether the file writes ``word`` with a name word that makes it an organisation's (suffix or legal form, not
    'AI' nor a weak one) anywhere, furniture included: a post about 'Lumora' whose © line or editor's note says
    'Lumora Labs' names the company it is about in both versions (bilingual review round 6).

    >>> _suffixed_anywhere("© 2026 Lumora Labs. Lumora ships.", "Lumora", {"Labs": frozenset({"suffix"})})
    True
    >>> _suffixed_anywhere("Lumora AI ships.", "Lumora", {"AI": frozenset({"suffix"})})
    False
    """
    strong = [w for w, roles in name_words.items() if w != WEAK_SUFFIX and roles & {ROLE_SUFFIX, ROLE_LEGAL}]
    if not strong:
        return False
    return bool(re.search(rf"(?<![\w-]){re.escape(word)}[ \u00A0]+(?:{'|'.join(map(re.escape, strong))})(?![\w])", text))


def _has_org_cue(text: str, start: int, end: int) -> bool:
    """Whether an organisation cue follows the name (公司, 团队, 实验室 … or Inc., Labs, AI, team …), precedes it in
    Chinese (创业公司 Foo, 电商平台 Foo, 一家叫 Foo 的) or English prose around it says it is a company (``_context_cue``)."""
    after = text[end : end + 40]
    cue = DISCOVER_EN_CUE_RE.match(after)
    if cue and KIND_NOUN_CUE_RE.search(cue.group()) and INDEFINITE_BEFORE_RE.search(text, max(0, start - 12), start):
        cue = None  # 'a Pittsburgh company', 'a Delaware startup': the name says where or what, the company is unnamed
    return bool(DISCOVER_ZH_CUE_RE.match(after.lstrip(" ")) or cue
                or (DISCOVER_ZH_BEFORE_RE.search(text, max(0, start - 8), start) and not _followed_by_capitalised(text, end))) \
        or _context_cue(text, start, end)


#: The cue words that are nouns of a kind (a company, a startup, a team), not parts of a name (Inc., Labs) ...
KIND_NOUN_CUE_RE = re.compile(r"\b(?:team|company|startup)\b")
#: ... and an indefinite article right before the name: 'a Pittsburgh company' describes an unnamed company.
INDEFINITE_BEFORE_RE = re.compile(r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)[ \u00A0]+$")


def _context_cue(text: str, start: int, end: int) -> bool:
    """Whether the English around a name says it is a company: "founded Rokid", "acquired by Rokid", "Rokid, a Hangzhou
    startup", "Rokid's CEO", "Rokid raised" (``DISCOVER_EN_BEFORE_RE``, ``DISCOVER_EN_AFTER_RE``); "led by Rokid", "the
    startup Rokid", "a partner at Rokid" where no capitalised word follows the name (a person's: "led by Ann Lee"),
    "Rokid launched" where none stands before it (``DISCOVER_EN_BEFORE_MORE_RE``, ``DISCOVER_EN_AFTER_MORE_RE``).

    >>> text = "He founded Zorbit. Zorbit, a small startup, grew. Zorbit models are good."
    >>> [_context_cue(text, s, s + 6) for s in (11, 19, 51)]
    [True, True, False]
    >>> text = "It was led by Zorbit. It was led by Ann Lee. Ann Lee launched it."
    >>> [_context_cue(text, s, e) for s, e in ((14, 20), (35, 38), (48, 51))]
    [True, False, False]
    """
    before = text[max(0, start - 40) : start]
    if DISCOVER_EN_BEFORE_RE.search(before) or DISCOVER_EN_AFTER_RE.match(text, end, min(len(text), end + 60)):
        return True
    if DISCOVER_EN_BEFORE_MORE_RE.search(before) and not _followed_by_capitalised(text, end):
        return True
    return bool(DISCOVER_EN_AFTER_MORE_RE.match(text, end, min(len(text), end + 30))) and \
        not _preceded_by_capitalised(text, start)


def _said_cue(text: str, word: str, places: list[tuple[int, int, str]]) -> bool:
    """Whether the English makes the name the source of a report ("according to Foo", "Foo's spokesperson", "Foo
    said": ``DISCOVER_EN_SAID_BEFORE_RE``, ``DISCOVER_EN_SAID_AFTER_RE``) where no capitalised word follows it, and the
    text never writes the name as a person's (``_written_as_person``).

    >>> text = "Prices fell, according to Zorbit. Lena Varga said so. Varga said it twice."
    >>> _said_cue(text, "Zorbit", [(26, 32, "en")]), _said_cue(text, "Varga", [(53, 58, "en")])
    (True, False)
    >>> _said_cue("One founder in Berlin told me so.", "Berlin", [(15, 21, "en")])
    False
    """
    if not any(part == "en" and (DISCOVER_EN_SAID_BEFORE_RE.search(text, max(0, start - 40), start)
                                 or (DISCOVER_EN_SAID_AFTER_RE.match(text, end)
                                     and not PLACE_BEFORE_RE.search(text, max(0, start - 12), start)))
               and not _followed_by_capitalised(text, end)
               and not OFFICE_TITLE_BEFORE_RE.search(text, max(0, start - 80), start)
               for start, end, part in places):
        return False
    return not _written_as_person(text, word)


#: A capitalised office's title running up to the name: the name is its last word ("Minister for Digital Development
#: and Information said"), not an organisation of its own (bilingual review round 18).
OFFICE_TITLE_BEFORE_RE = re.compile(r"\b(?:Minister|Ministry|Department|Secretary|Office|Bureau|Commission|Committee|"
                                    r"Agency|Council|Authority)\s+(?:(?:for|of|and|&|the)\s+|[A-Z][\w-]*\s+)*$")


#: A place's preposition right before a name: the speaker is someone there ("a founder in Berlin told me"), not the
#: name.
PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|near|outside|across|around|throughout)\s+$", re.IGNORECASE)


#: What follows a cited author's surname in an academic text: 'et al.', a year in brackets, 'and Zhou (2024)', or in a
#: reference list a comma and an initial ('Roberts, H.'): a person, never an organisation (bilingual review round 11).
CITED_AUTHOR_AFTER = (r"(?:\s+et\s+al\.?|\s+\((?:19|20)\d{2}[a-z]?\)|\s+(?:and|&)\s+[A-Z][a-z]+\s+\((?:19|20)\d{2}"
                      r"|,\s+[A-Z]\.(?:,|\s|$))")


@lru_cache(maxsize=8)
def _cited_authors(text: str) -> frozenset[str]:
    """The words the text cites as authors (``CITED_AUTHOR_AFTER`` right after them), read in one pass per text."""
    return frozenset(m.group(1) for m in re.finditer(rf"(?<![{LATIN_CLASS}])([{LATIN_CLASS}][{LATIN_CLASS}'’-]*)(?={CITED_AUTHOR_AFTER})", text))


def _written_as_person(text: str, word: str) -> bool:
    """Whether the text writes ``word`` right after a capitalised word that is no common English word: a surname
    after its first name ("Lena Varga"), not a name after "The" or "According"."""
    stopwords = load_stopwords("en")
    # a cited author: 'Roberts et al. (2023)', 'Sheehan (2024)', a reference entry 'Roberts, H.' (a paper's citations)
    if word in _cited_authors(text):
        return True
    places = list(re.finditer(literal_not_after(LATIN_CLASS, re.escape(word)) + rf"(?![{LATIN_CLASS}])", text))
    for match in places:
        if not _preceded_by_capitalised(text, match.start()):
            continue
        before = re.search(rf"([{LATIN_CLASS}]+)[ \u00A0]$", text[max(0, match.start() - 40) : match.start()])
        if before is not None and before.group(1).casefold() not in stopwords:
            return True
    # a Chinese name in its own order, surname first ("Lin Zhao", "Chen Meiling"): a word of one pinyin syllable (a
    # surname: Lin, Wang) right before a Title-case given name of one or two makes "Lin said" a person's (bilingual
    # review round 10: a founder's profile counted its founder as the English's most-named organisation); a company's
    # name over its pinyin product ("Tencent Hunyuan") is no surname
    if not PINYIN_SURNAME.fullmatch(word.casefold()):
        return False
    # and the surname stands alone somewhere ('Lin said'): a place's or a company's first word (Tai Hang Express) never does
    if not any(not _followed_by_capitalised(text, m.end()) for m in places):
        return False
    for match in re.finditer(literal_not_after(LATIN_CLASS, re.escape(word)) + r"[ \u00A0]([A-Z][a-z]+)\b", text):
        given = match.group(1)
        if given.casefold() not in stopwords and PINYIN_GIVEN.fullmatch(given.casefold()):
            return True
    return False


def _named_in_full(text: str, word: str) -> bool:
    """Whether the text writes ``word`` after a capitalised first name inside a sentence ('研究者Mara Ellison', 'the
    researcher Mara Ellison'), not at a sentence's opening, where a capitalised verb stands ('Take Fennick:')."""
    stopwords = load_stopwords("en")
    for match in re.finditer(rf"(?<![{LATIN_CLASS}])([A-Z][a-z]+)[ \u00A0]{re.escape(word)}(?![{LATIN_CLASS}])", text):
        before = text[:match.start()].rstrip(" \u00A0")
        if match.group(1).casefold() not in stopwords and before and before[-1] not in ".!?:;\n\"“”'‘’(（[【「":
            return True
    return False


#: One or two pinyin syllables (toneless): a Chinese given name as English writes it (Zhao, Hao, Meiling).
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u)")
PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,2}}")
#: One pinyin syllable: a Chinese surname as English writes it (Lin, Wang, Zhang).
PINYIN_SURNAME = re.compile(_PINYIN_SYLLABLE)


def _preceded_by_capitalised(text: str, start: int) -> bool:
    """Whether a capitalised word ends one space before ``start`` ("Ann" in "Ann Lee"), not at a line's start."""
    index = start - 1
    if index < 1 or text[index] not in " \u00A0":
        return False
    word_end = index
    while index > 0 and text[index - 1].isascii() and text[index - 1].isalpha():
        index -= 1
    if text[index:word_end].lower() in OPENING_FUNCTION_WORDS and (
            index == 0 or SENTENCE_START_BEFORE_RE.search(text, max(0, index - 6), index)):
        return False  # 'At Redpoint, we …': a sentence's opening preposition, no name's first word (review round 21)
    return word_end > index and text[index].isupper() and (index == 0 or not text[index - 1].isalnum())


#: Function words that open a sentence capitalised before a name ('At Redpoint, we …', 'For Nvidia, …'), no part of it.
OPENING_FUNCTION_WORDS = frozenset({"at", "in", "on", "for", "from", "with", "to", "of", "as", "and", "but",
                                    "after", "before", "since", "under", "like", "unlike", "about", "among", "while",
                                    "when", "if", "than", "via", "per", "into", "within", "without", "beyond"})
#: A sentence's start before a word: a line's start, or a stop and its space (quotes and brackets between).
SENTENCE_START_BEFORE_RE = re.compile(r"(?:[.!?…。！？][\"”’')\]]*\s+|\n[ \t]*)$")


def url_mask(text: str) -> bytearray:
    """1 for each character inside a URL or an e-mail address, else 0."""
    return bytearray(_url_mask(text))


@lru_cache(maxsize=1)
def _url_mask(text: str) -> bytes:
    """``url_mask`` of the text last asked about (an extract asks twice: the gazetteer's mentions, then discovery)."""
    mask = bytearray(len(text))
    for start, end in url_spans(text):
        mask[start:end] = b"\x01" * (end - start)
    return bytes(mask)


def url_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of what ``DISCOVER_URL_RE.finditer`` finds in ``text``: web addresses and e-mail addresses.

    The same matches, found without trying the e-mail alternative at every character: that pattern's local part reads
    a run of word characters to its end from each of its characters (a Chinese sentence is one such run), 0.8 to 2.6
    ms on a 15 to 28 kB README holding an "@". An e-mail address ends its local part right before an "@", so it is
    looked for only at the start of the run before each "@"; the leftmost of the two kinds is taken, the web address
    where both start together (the alternation's order).

    >>> text = "联系我们abc@x.org 或 https://a.example/b。邮箱：@nobody"  # Han characters are word characters to re
    >>> url_spans(text) == [m.span() for m in DISCOVER_URL_RE.finditer(text)] == [(0, 13), (16, 35)]
    True
    """
    if "@" not in text:
        return [match.span() for match in DISCOVER_WEB_ADDRESS_RE.finditer(text)]
    ats = [match.start() for match in _AT.finditer(text)]
    # what an "@" gives, whatever the local part's first character (the same address from any of them): its address's
    # end, or 0 for none; asked once
    ends: dict[int, int] = {}
    spans: list[tuple[int, int]] = []
    position, first_at = 0, 0
    web = DISCOVER_WEB_ADDRESS_RE.search(text)
    while True:
        if web is not None and web.start() < position:
            web = DISCOVER_WEB_ADDRESS_RE.search(text, position)
        while first_at < len(ats) and ats[first_at] <= position:
            first_at += 1
        # the leftmost e-mail address from ``position``: the first "@" whose local part (read back from it, not before
        # ``position``) is not empty and whose address matches; an address for a later "@" starts after this one, so
        # none can start before a web address that starts at or before this "@"
        email = None
        for k in range(first_at, len(ats)):
            at = ats[k]
            if web is not None and k > first_at and ats[k - 1] >= web.start():
                break
            start = at
            while start > position and _email_local_char(text, start - 1):
                start -= 1
            if start == at:
                continue
            end = ends.get(at)
            if end is None:
                match = _email_address(text, start)
                end = ends[at] = match.end() if match is not None else 0
            if end:
                email = (start, end)
                break
        if email is not None and (web is None or email[0] < web.start()):
            spans.append(email)
            position = email[1]
        elif web is not None:
            spans.append(web.span())
            position = web.end()
        else:
            return spans


_AT = re.compile("@")
_email_local_char, _email_address = DISCOVER_EMAIL_LOCAL_CHAR_RE.match, DISCOVER_EMAIL_ADDRESS_RE.match


def outside_urls(text: str, mentions: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` less those inside a URL or an e-mail address (a name there is an address, not a mention).

    >>> import pandas as pd
    >>> m = pd.DataFrame({"start": [0, 26], "end": [6, 32]})
    >>> outside_urls("GitHub: https://github.com/x", m)["start"].tolist()
    [0]
    """
    if mentions.empty:
        return mentions
    mask = url_mask(text)
    starts, ends = column(mentions, "start").tolist(), column(mentions, "end").tolist()
    keep = [mask.find(1, s, e) < 0 for s, e in zip(starts, ends)]
    if all(keep):  # no address holds a mention (the usual case): no boolean selection to make
        return mentions.reset_index(drop=True)
    return mentions[keep].reset_index(drop=True)


def outside_person_names(text: str, mentions: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` less an organisation's name that the text writes as a person's (``_written_as_person_name``): a
    surname a company shares ("By Nora Dell"), a Chinese name after a person's title (浙大教授高通).

    >>> import pandas as pd
    >>> text = "By Nora Dell" + chr(10) + "Dell sells servers. 教授高通说，高通的芯片很好。"
    >>> m = pd.DataFrame({"start": [8, 13, 35, 40], "end": [12, 17, 37, 42], "type": ["company"] * 2 + ["chip_maker"] * 2})
    >>> outside_person_names(text, m)["start"].tolist()
    [13, 40]
    """
    if mentions.empty:
        return mentions
    types = column(mentions, "type").tolist()
    spans = list(zip(column(mentions, "start").tolist(), column(mentions, "end").tolist()))
    ends = {end for _, end in spans}
    keep = [kind not in entities.ORG_TYPES or not _written_as_person_name(text, start, end, ends)
            for kind, (start, end) in zip(types, spans)]
    if all(keep):
        return mentions
    return mentions[keep].reset_index(drop=True)


def _written_as_person_name(text: str, start: int, end: int, mention_ends: set[int] = frozenset()) -> bool:
    """Whether ``text[start:end]`` stands as part of a person's name: a Latin word after a capitalised first name (no
    common word, no name word, no other mention) where the text marks that pair as a person's somewhere
    (``PERSON_BEFORE_RE``: "By Nora Dell", "Professor Nora Dell", 作者 Nora Dell; ``PERSON_AFTER_RE``: "Nora Dell, a
    partner at", "Nora Dell said"), or Han characters right after a person's title (教授高通: ``PERSON_TITLE_ZH_BEFORE_RE``).

    >>> text = "Founded by Nora Dell. Nora Dell, a partner at Foo, met Dell."
    >>> _written_as_person_name(text, 16, 20), _written_as_person_name(text, 55, 59)
    (True, False)
    >>> _written_as_person_name("Chinese Startup Dell raised money.", 16, 20)  # a headline's capitals: no person's mark
    False
    """
    surface = text[start:end]
    if not LATIN_CHAR_RE.match(surface[:1]):
        if PERSON_TITLE_ZH_BEFORE_RE.search(text, max(0, start - 5), start):
            return True
        # a surname between the title and the name (创办人李小米): one Han character that is no function word
        return start > 0 and bool(HAN_RUN.fullmatch(text[start - 1])) and \
            PERSON_TITLE_ZH_BEFORE_RE.search(text, max(0, start - 6), start - 1) is not None and \
            not _is_function_character(text[start - 1])
    if " " in surface:
        return False
    given = PERSON_GIVEN_NAME_BEFORE_RE.search(text, max(0, start - 30), start)
    if given is None or given.end(1) in mention_ends:
        return False
    first = given.group(1)
    if first.casefold() in load_stopwords("en") or first in load_org_name_words():
        return False
    pair_re = literal_not_after(LATIN_CLASS, re.escape(first)) + rf"[ \u00A0]+{re.escape(surface)}(?![{LATIN_CLASS}])"
    for pair in re.finditer(pair_re, text):
        if PERSON_BEFORE_RE.search(text, max(0, pair.start() - 20), pair.start()) or PERSON_AFTER_RE.match(text, pair.end()):
            return True
    return False


def _is_function_character(char: str) -> bool:
    """Whether jieba's dictionary tags a Han character as a function word (和, 与, 的, 在, 说, 是), never a surname.

    >>> [_is_function_character(c) for c in "李张和的在是"]
    [False, False, True, True, True, True]
    """
    tag = entities.tokenizer_for().rjieba.tag(char, False)[0][1]
    return tag[:1] in ZH_FUNCTION_TAGS


def discover_mentions(
    text: str, claims: pd.DataFrame, mentions: pd.DataFrame, gazetteer: pd.DataFrame, *,
    stoplist: frozenset[str] | None = None, cuts: SentenceCuts | None = None,
) -> pd.DataFrame:
    """Mentions of names the gazetteer does not list, found by the three rules above (DISCOVERY_COLUMNS).

    ``claims`` gives each offset its part (the Chinese version is the commentary, the English the original);
    ``mentions`` are the gazetteer's, never overlapped. Sorted by start. ``cuts``: the document's one cut of each
    sentence by the gazetteer's tokenizer (``SentenceCuts``), if the claims made it; else the sentences are cut here.
    """
    stoplist = entities.load_stoplist() if stoplist is None else stoplist
    types = _entity_types(gazetteer)
    orgs = entities._rollup(entities._gazetteer_key(gazetteer))
    covered = bytearray(len(text))
    for start, end in zip(column(mentions, "start").tolist(), column(mentions, "end").tolist()):
        covered[start:end] = b"\x01" * (end - start)
    urls = url_mask(text)
    part_of = _parts(text, claims)
    exact, folded = _latin_aliases(gazetteer)
    # a word in a web address or a file name is no evidence that the text writes a name in lowercase
    # ("…/news/corvane-q3", "images/corvane-plant.jpg")
    # (a text without a file name's extension holds no file name: the scan for one is skipped)
    files = ([match.span() for match in DISCOVER_FILE_NAME_RE.finditer(text)]
             if "." in text and DISCOVER_FILE_EXTENSION_RE.search(text) else [])
    # nor is a repository id's owner ("acme-lab/Zorb-7B": an account's name, the same organisation as "Acme Lab")
    if "/" in text:
        files += repo_id_spans(text)
    if urls.find(1) < 0 and not files:
        lowered = DISCOVER_LOWER_RE.findall(text)
    else:
        in_files = bytearray(urls)
        for start, end in files:
            in_files[start:end] = b"\x01" * (end - start)
        lowered = [match.group() for match in DISCOVER_LOWER_RE.finditer(text) if not in_files[match.start()]]
    # a word without a hyphen is its own only part
    lowercase_words = frozenset(lowered) | frozenset(part for word in lowered if "-" in word for part in word.split("-"))

    rows: list[tuple] = []
    words: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # name -> (start, end, part)
    models: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # model-like name -> (start, end, part)
    # what each rule says of a word depends on the word alone: asked once per distinct word (speed)
    seen: dict[str, tuple[tuple[str, str] | None, bool, bool]] = {}
    # and the part that does not depend on the document, once per distinct word in the process (speed: corpus mode)
    verdicts = _word_verdicts(entities._gazetteer_key(gazetteer), stoplist)
    if len(verdicts) > WORD_VERDICTS_KEPT:
        verdicts.clear()
    # a mention's or an address's characters, in one mask
    blocked = (np.frombuffer(covered, dtype=np.uint8) | np.frombuffer(urls, dtype=np.uint8)).tobytes()  # (as numbers: 25 times slower)
    # the words of DISCOVER_WORD_RE that hold a capital or a digit: no rule says anything of an all-lowercase word
    for match in DISCOVER_NAMED_WORD_RE.finditer(text):
        start, end = match.span()
        if blocked.find(1, start, end) >= 0 or not part_of[start]:
            continue
        word = match.group()
        verdict = seen.get(word)
        if verdict is None:
            known = verdicts.get(word)
            if known is None:
                # a version needs a digit (a word here is Latin letters, ASCII digits and .-&+): the search for one
                # reads every character, so a word without a digit skips it
                versioned = _versioned_entity(word, exact, folded) if HAS_DIGIT_RE.search(word) else None
                known = verdicts[word] = (versioned, versioned is None and _looks_like_model_name(word, stoplist),
                                          versioned is None and _has_org_shape(word, stoplist))
            # _looks_like_org_name: the shape of the word, and not a word this text also writes in lowercase
            verdict = seen[word] = (known[0], known[1], known[2] and word.lower() not in lowercase_words)
        versioned, model_like, name_like = verdict
        if versioned is not None:
            entity, alias = versioned
            rows.append((start, end, word, entity, orgs.get(entity, ""), types.get(entity, ""),
                         f"{EVIDENCE_VERSIONED}:{alias}"))
            continue
        if model_like:
            models[word].append((start, end, part_of[start]))
        if not name_like:
            continue
        words[word].append((start, end, part_of[start]))

    platforms = platform_names(text)
    name_words = load_org_name_words()
    undecided: dict[str, list[tuple[int, int, str]]] = {}  # names with no evidence yet, in their whole extent
    for word, places in words.items():
        if word in name_words:
            continue  # "Labs", "Systems", "University" alone: a part of a name, or a sentence's first word
        # a word right after a known name is part of that name's company name ("Zorbia Intelligent Technology")
        places = [(s, e, p) for s, e, p in places if not _after_mention(text, s, covered)]
        if not places:
            continue
        # a word that every place writes right after another capitalised word is the tail of a longer name that the
        # name-word rules do not take whole ("Wellspring Action", an NGO's): its tail alone is no organisation's name,
        # said less rather than wrong
        if all(_tail_of_name(text, s, stoplist) for s, _, _ in places):
            continue
        # each place in the whole name it heads ("Tidewell Labs", "University of Eastmere")
        extents = [name_extent(text, s, e, blocked) for s, e, _ in places]
        whole = [(xs, xe, p) for (xs, xe, _), (_, _, p) in zip(extents, places)]
        parts = {part for _, _, part in places}
        if word in platforms and not _names_a_product(text, word):
            evidence = EVIDENCE_PLATFORM
        else:
            cue = any(taken or _has_org_cue(text, xs, xe) for xs, xe, taken in extents) or (
                parts == {"zh", "en"} and _suffixed_anywhere(text, word, name_words))
            # a source of a report that the Chinese never writes in Latin letters (a wire story's company, which the
            # Chinese transliterates or drops; "according to Foo" in a technical text cites Foo's paper, kept as is)
            if not cue and parts == {"en"} and _said_cue(text, word, whole) and not _names_a_product(text, word):
                rows += _named_rows(text, whole, EVIDENCE_SAID)
                continue
            # a name ending in a weak name word that both versions write in Latin letters in a sentence ("run by Foo
            # Compute", "Foo Compute 运营"): no heading ("Hybrid Cloud" on a line of its own), no category's word
            if not cue and parts == {"zh", "en"} and (prose := _prose_name(text, places, blocked)) is not None \
                    and not _names_a_product(text, word) and not _names_a_product(text, _name_of(text, prose)) \
                    and not any(PROSE_NAME_PRODUCT_AFTER_RE.match(text, e) for _, e, _ in prose):
                rows += _named_rows(text, prose, EVIDENCE_PROSE)
                continue
            if not cue:
                undecided[word] = whole
                continue
            if _names_a_product(text, word):
                continue
            # a person's surname ("Mara Ellison" in the byline) whose only mark of an organisation is a word around it
            # (Ellison团队 'Ellison's team'): the person's, no organisation's name (bilingual review round 16)
            if not any(taken for _, _, taken in extents) and _named_in_full(text, word):
                undecided[word] = whole
                continue
            # a name word other than "AI" makes the name an organisation's in either version ("Meridian Wire" in a
            # Chinese credit line, "Foo Labs" in the English)
            strong = any(any(w != WEAK_SUFFIX for w in taken) for _, _, taken in extents)
            evidence = EVIDENCE_BOTH if {"zh", "en"} <= parts else \
                EVIDENCE_SUFFIX if strong or _suffix_cue(text, whole) else ""
        if not evidence:
            undecided[word] = whole
            continue
        rows += _named_rows(text, whole, evidence)
    rows += _pinyin_rows(text, claims, undecided, gazetteer, part_of, covered, cuts)
    rows += _glossed_rows(text, blocked, part_of, {r[2] for r in rows})
    rows += _publication_rows(text, blocked, part_of, {r[2] for r in rows})
    rows += _quoted_rows(text, blocked, part_of, {r[2] for r in rows}, entities.tokenizer_for(gazetteer))
    rows = _without_overlaps(rows)
    # a name the text calls a tool or a product in both versions ("the data-cleaning tool Sieveline", 数据清洗工具
    # Sieveline) is read as a model's is: it counts for the maker the words around it name, if any
    named = {r[2] for r in rows}
    for word, places in words.items():
        if word not in models and word not in named and word not in name_words and \
                {part for _, _, part in places} == {"zh", "en"} and _names_a_product(text, word):
            models[word] = places
    rows += _made_by_rows(text, models, mentions, rows, types, claims["start"].tolist())
    rows += _tied_rows(text, claims, mentions, rows, gazetteer, types, part_of, covered, cuts)
    org_spans = [(start, end) for start, end, org in
                 zip(*(column(mentions, c).tolist() for c in ("start", "end", "org"))) if org]
    rows += _chinese_only_rows(text, claims, rows, gazetteer, part_of, covered, cuts, org_spans)
    rows += _initials_rows(text, rows, blocked, part_of, stoplist, _defined_acronyms(text, mentions))
    rows.sort()
    return entities._frame(rows, DISCOVERY_COLUMNS)


def _glossed_rows(text: str, blocked: bytes | bytearray, part_of: list[str], named: set[str]) -> list[tuple]:
    """Rows for the names a Chinese sentence introduces as an organisation's, its Han name then its Latin one in
    brackets after a kind of organisation (``GLOSSED_ORG_RE``); a Latin name another rule named already is left to it.

    >>> text = "无人机公司芬域无人机（Fennick Drones）也在申请。芬域无人机拒绝评论。Fennick said no."
    >>> parts = ["zh"] * 34 + ["en"] * (len(text) - 34)
    >>> [(r[2], r[4], r[6]) for r in _glossed_rows(text, bytes(len(text)), parts, set())]
    [('芬域无人机', 'Fennick Drones', 'tied_paired:Fennick Drones'), ('Fennick Drones', 'Fennick Drones', 'glossed'), \
('芬域无人机', 'Fennick Drones', 'tied_paired:Fennick Drones'), ('Fennick', 'Fennick Drones', 'glossed')]
    """
    if "（" not in text and "(" not in text:
        return []
    rows: list[tuple] = []
    done: set[str] = set()
    for match in GLOSSED_ORG_RE.finditer(text):
        han, latin = match.group("han"), " ".join(match.group("latin").split())
        head = latin.split(" ")[0]
        if part_of[match.start()] != "zh" or latin in done or latin in named or head in named or \
                GLOSSED_PERSON_TITLE_RE.search(han) or han[0] in GLOSSED_NOT_OPENING or blocked.find(1, match.start("han"), match.end("latin")) >= 0 or \
                _written_as_person(text, head) or han in ties.load_zh_stoplist():
            continue  # a common noun (数据中心 in 新科电信媒体数据中心（STT GDC）, its kind word 媒体 inside the name) names no one
        done.add(latin)
        places: list[tuple[int, int, str]] = []
        for found in re.finditer(re.escape(han), text):
            if part_of[found.start()] == "zh" and blocked.find(1, found.start(), found.end()) < 0:
                places.append((found.start(), found.end(), "han"))
        # the whole Latin name, or its first word where no capitalised word follows it ("Fennick said")
        name_re = re.compile(literal_not_after(r"\w-", re.escape(head))
                             + rf"(?:(?P<rest>{re.escape(latin[len(head):])})|(?![\w-]| [A-Z]))")
        for found in name_re.finditer(text):
            if part_of[found.start()] and blocked.find(1, found.start(), found.end()) < 0:
                places.append((found.start(), found.end(), "latin"))
        for start, end, kind in sorted(places):
            evidence = f"{ties.EVIDENCE_TIED}_{ties.HOW_PAIRED}:{latin}" if kind == "han" else EVIDENCE_GLOSSED
            rows.append((start, end, text[start:end], latin.casefold(), latin, DISCOVERED, evidence))
    return rows


#: What opens a phrase in scare quotes, not a name (公司「不作为」, 企业「被裁员」): the clause openers above and negations,
#: and a modal or aspect word (会, 将, 已, 正): the quote is a clause someone said (公司“会遵守…”), not a name (bilingual
#: review round 7).
QUOTED_NOT_OPENING = GLOSSED_NOT_OPENING | frozenset("不没沒无無非未莫别別") | frozenset("会會将將已正要能可应應")


def _quoted_rows(text: str, blocked: bytes | bytearray, part_of: list[str], named: set[str], tokenizer=None) -> list[tuple]:
    """Rows for the names a Chinese sentence introduces in quotation marks after a kind of organisation
    (``QUOTED_ORG_RE``): every place the Chinese writes the name, quoted or not; a name another rule named already, or
    that a person's title precedes inside the marks, is left alone.

    >>> text = "本港一間初創企業「港灣智算」表示成本上升。港灣智算正在招聘。"
    >>> [(r[2], r[6]) for r in _quoted_rows(text, bytes(len(text)), ["zh"] * len(text), set())]
    [('港灣智算', 'quoted'), ('港灣智算', 'quoted')]
    >>> _quoted_rows("公司「不作为」引发批评。", bytes(12), ["zh"] * 12, set()), _quoted_rows("企业「躺平」。", bytes(7), ["zh"] * 7, set())
    ([], [])
    """
    if not any(mark in text for mark in "「『“"):
        return []
    tokenizer = tokenizer or entities.tokenizer_for()
    rows: list[tuple] = []
    done: set[str] = set()
    for match in QUOTED_ORG_RE.finditer(text):
        name = match.group("name")
        if part_of[match.start()] != "zh" or name in done or name in named or name[0] in QUOTED_NOT_OPENING \
                or GLOSSED_PERSON_TITLE_RE.search(name) or blocked.find(1, match.start("name"), match.end("name")) >= 0:
            continue
        words = list(tokenizer.cut(name)) if HAN_RUN.fullmatch(name) else []
        if len(words) == 1 and not rare_proper_name(tokenizer, name):
            continue  # one common word in scare quotes (公司「躺平」), not a name
        done.add(name)
        for found in re.finditer(re.escape(name), text):
            if part_of[found.start()] == "zh" and blocked.find(1, found.start(), found.end()) < 0:
                rows.append((found.start(), found.end(), name, name, name, DISCOVERED, EVIDENCE_QUOTED))
    return rows


def _publication_rows(text: str, blocked: bytes | bytearray, part_of: list[str], named: set[str]) -> list[tuple]:
    """Rows for the publications a Chinese sentence cites as a report's source (``PUBLICATION_RE``): every place the
    text writes the title inside 《》, and a Latin title wherever the English writes it.

    >>> text = "據美國產業電子報《The Ledger》報導，營收增加。Revenue rose, according to The Ledger."
    >>> parts = ["zh"] * 25 + ["en"] * (len(text) - 25)
    >>> [(r[2], r[4], r[6]) for r in _publication_rows(text, bytes(len(text)), parts, set())]
    [('The Ledger', 'The Ledger', 'publication'), ('The Ledger', 'The Ledger', 'publication')]
    >>> _publication_rows("据《2025年行业报告》报道，需求上升。", bytes(19), ["zh"] * 19, set())
    []
    """
    if "《" not in text:
        return []
    rows: list[tuple] = []
    done: set[str] = set()
    for match in PUBLICATION_RE.finditer(text):
        group = "a" if match.group("a") is not None else "b"
        title = match.group(group).strip()
        if part_of[match.start(group)] != "zh" or title in done or title in named or PUBLICATION_NOT_RE.search(title):
            continue
        done.add(title)
        latin = not HAN_RUN.search(title)
        pattern = re.compile(literal_not_after(r"\w-", re.escape(title)) + r"(?![\w-])" if latin else re.escape(f"《{title}》"))
        for found in pattern.finditer(text):
            start, end = (found.start(), found.end()) if latin else (found.start() + 1, found.end() - 1)
            if part_of[start] and blocked.find(1, start, end) < 0:
                rows.append((start, end, text[start:end], title.casefold(), title, DISCOVERED, EVIDENCE_PUBLICATION))
        # A Han title glossed with its Latin name in brackets (《子午报》（The Noon Post）): the Latin name, with or
        # without its article, is the same publication wherever either version writes it.
        gloss = None if latin else re.search(re.escape(f"《{title}》") + PUBLICATION_GLOSS_RE.pattern, text)
        if gloss and part_of[gloss.start()] == "zh":
            name = re.sub(r"^(?:The|the)[ \u00A0]+", "", gloss.group("latin"))
            for found in re.finditer(literal_not_after(r"\w-", re.escape(name)) + r"(?![\w-])", text):
                start, end = found.start(), found.end()
                if part_of[start] and blocked.find(1, start, end) < 0 and not gloss.start() <= start < gloss.end():
                    rows.append((start, end, text[start:end], title.casefold(), title, DISCOVERED, EVIDENCE_PUBLICATION))
    return rows


def repo_id_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each ``DISCOVER_REPO_ID_RE`` match in ``text``, in order, read only in the runs of path
    characters that hold a slash: a match opens where no path character stands before it and holds only path
    characters, so it is its run's opening (the pattern tried there alone; scanning the whole text tried it at every
    character).

    >>> repo_id_spans("见 acme-lab/Zorb-7B 与 and/or, https://x.org/a/b-2")
    [(2, 18)]
    """
    spans: list[tuple[int, int]] = []
    chars, size = PATH_RUN_CHARS, len(text)
    slash = text.find("/")
    while slash >= 0:
        start, end = slash, slash + 1
        while start > 0 and text[start - 1] in chars:
            start -= 1
        while end < size and text[end] in chars:
            end += 1
        match = DISCOVER_REPO_ID_RE.match(text, start, end)
        if match is not None:
            spans.append(match.span())
        slash = text.find("/", end)
    return spans


def _defined_acronyms(text: str, mentions) -> dict[str, set[tuple[str, str, str]]]:
    """A listed name the text defines with its acronym in brackets right after it ('Bureau of Industry and Security
    (BIS)', '美国商务部工业与安全局（BIS）'): the acronym is that name's wherever the text writes it."""
    out: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    if mentions is None or len(mentions) == 0:
        return out
    for start, end, surface, entity, org, kind in zip(*(column(mentions, c).tolist() for c in
                                                         ("start", "end", "surface", "entity", "org", "type"))):
        if not org:
            continue
        found = re.match(r"\s?[（(]([A-Z][A-Za-z&]{1,7})[)）]", text[end:end + 12])
        if found and (re.search(r"[\u4e00-\u9fff]", surface) or _initials(surface) == found.group(1).upper()):
            out[found.group(1)].add((entity, org, kind))
    return out


def _initials_rows(text: str, rows: list[tuple], blocked: bytes | bytearray, part_of: list[str],
                   stoplist: frozenset[str], defined: dict | None = None) -> list[tuple]:
    """Rows for the acronyms that are the initials of one discovered name of two words or more ("ACF" where a version
    spells out "Arvensis Computing Foundation"; the small words of ``ACRONYM_SKIPPED_WORDS`` left out), evidence
    ``initials:<name>``: a name one version writes as its acronym. Never a stoplisted acronym (API, GPU), one inside a
    mention or an address, or one that two names share.

    >>> rows = [(40, 69, "Arvensis Computing Foundation", "arvensis computing foundation", "Arvensis Computing Foundation",
    ...          "discovered", "org_suffix")]
    >>> text = "算力由 ACF 提供，API 也是。" + " " * 20 + "Arvensis Computing Foundation"
    >>> [(r[2], r[4], r[6]) for r in _initials_rows(text, rows, bytes(len(text)), ["zh"] * len(text), frozenset({"api"}))]
    [('ACF', 'Arvensis Computing Foundation', 'initials:Arvensis Computing Foundation')]
    """
    by_initials: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for _, _, _, entity, org, kind, _ in rows:
        if kind == DISCOVERED and org and " " in org:
            by_initials[_initials(org)].add((entity, org, kind))
    for acronym, owners in (defined or {}).items():
        by_initials[acronym] |= owners
    if not by_initials:
        return []
    taken = bytearray(blocked)
    for start, end, *_ in rows:
        taken[start:end] = b"\x01" * (end - start)
    out = []
    for match in ACRONYM_RE.finditer(text):
        start, end = match.span()
        owners = by_initials.get(match.group(), set())
        if len(owners) != 1 or not part_of[start] or taken.find(1, start, end) >= 0 or \
                entities._is_stopword(match.group(), stoplist):
            continue
        entity, org, kind = next(iter(owners))
        out.append((start, end, match.group(), entity, org, kind, f"{EVIDENCE_INITIALS}:{org}"))
    return out


def _initials(name: str) -> str:
    """A name's initials, its small words left out.

    >>> _initials("Arvensis Computing Foundation"), _initials("Institute for Quiet Machines")
    ('ACF', 'IQM')
    """
    return "".join(word[0].upper() for word in name.split() if word.casefold() not in ACRONYM_SKIPPED_WORDS)


def _prose_name(text: str, places: list[tuple[int, int, str]], blocked: bytes | bytearray) -> list[tuple[int, int, str]] | None:
    """The places of a name in their whole extent when a ``weak`` name word ends it ("Tarnwell Compute", "Oskara Cloud")
    and each version writes that whole name, in Latin letters, in a sentence (``_in_prose``); else None. A heading or a
    label ("Hybrid Cloud" on a line of its own, in both versions) is no sentence; a category's word before the name word
    ("Private Cloud") is a stoplisted word, never a head.

    >>> text = "由 Kestrel Compute 运营。" + chr(10) + "Run by Kestrel Compute." + chr(10) + "Hybrid Cloud"
    >>> _prose_name(text, [(2, 9, "zh"), (29, 36, "en")], b"")
    [(2, 17, 'zh'), (29, 44, 'en')]
    >>> _prose_name("Hybrid Cloud" + chr(10) + "Hybrid Cloud", [(0, 6, "zh"), (13, 19, "en")], b"") is None
    True
    """
    words = load_org_name_words()
    extents = [name_extent(text, s, e, blocked, weak=True) for s, e, _ in places]
    named = [(xs, xe, part) for (xs, xe, taken), (_, _, part) in zip(extents, places)
             if any(ROLE_WEAK in words.get(w, ()) for w in taken)]
    if len({" ".join(text[xs:xe].split()) for xs, xe, _ in named}) != 1:
        return None  # no weak name word, or two names ("Foo Cloud", "Foo Compute"): the text does not say which
    if {part for xs, xe, part in named if _in_prose(text, xs, xe)} != {"zh", "en"}:
        return None
    return [(xs, xe, part) for (xs, xe, _), (_, _, part) in zip(extents, places)]


def _name_of(text: str, places: list[tuple[int, int, str]]) -> str:
    """The longest form of a name at its places, spaces made one ("Oskara Cloud")."""
    return max((" ".join(text[s:e].split()) for s, e, _ in places), key=len)


def _in_prose(text: str, start: int, end: int) -> bool:
    """Whether the line holding ``text[start:end]`` is a sentence: it ends in a sentence's mark and holds more than it.

    >>> [_in_prose(t, 0, 12) for t in ("Oskara Cloud declined to comment.", "Oskara Cloud", "Oskara Cloud：")]
    [True, False, False]
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].rstrip(CLOSING_MARKS)
    rest = (line[: start - line_start] + line[end - line_start :]).strip(SENTENCE_ENDS + CLOSING_MARKS + "\u00A0\u3000")
    return line.endswith(tuple(SENTENCE_ENDS)) and bool(rest)


def _named_rows(text: str, places: list[tuple[int, int, str]], evidence: str) -> list[tuple]:
    """One discovered row per place of a name; the organisation is its longest form in the text, spaces made one
    ("Halvard Robotics" for "Halvard" too)."""
    name = max((_without_legal_form(" ".join(text[s:e].split())) for s, e, _ in places), key=len)
    # a shorter form counts for the name only where no other capitalised word runs on from it or into it: "National"
    # of "National Meteorological Center", "Index" of "AI Index 2026" head or end other names
    return [(s, e, text[s:e], name.casefold(), name, DISCOVERED, evidence) for s, e, _ in places
            if " ".join(text[s:e].split()) == name or not (_runs_on(text, e) or _preceded_by_capitalised(text, s))]


def _runs_on(text: str, end: int) -> bool:
    """Whether a capitalised word or a number follows ``end`` after one space (``Meteorological`` in "National
    Meteorological Center", ``2026`` in "Index 2026")."""
    rest = text[end:end + 2]
    return len(rest) == 2 and rest[0] == " " and (rest[1].isupper() or rest[1].isdigit())


def _without_overlaps(rows: list[tuple]) -> list[tuple]:
    """The rows less any that overlaps one before it, the longer first where two start together (a whole name taken in
    over a word that another name starts with: "Foo Inc.Bar" glued)."""
    kept: list[tuple] = []
    end = -1
    for row in sorted(rows, key=lambda r: (r[0], -r[1])):
        if row[0] >= end:
            kept.append(row)
            end = row[1]
    return kept


def _without_legal_form(name: str) -> str:
    """A name less the legal forms that end it ("Pellucid Systems Inc." → "Pellucid Systems", "Foo, Inc." → "Foo").

    >>> _without_legal_form("Pellucid Systems Inc."), _without_legal_form("Foo, Inc."), _without_legal_form("Inc")
    ('Pellucid Systems', 'Foo', 'Inc')
    """
    words = load_org_name_words()
    parts = name.split(" ")
    while len(parts) > 1 and (ROLE_LEGAL in words.get(parts[-1], ()) or ROLE_LEGAL in words.get(parts[-1].rstrip("."), ())):
        parts.pop()
    return " ".join(parts).rstrip(",")


def _pinyin_rows(text: str, claims: pd.DataFrame, undecided: dict[str, list[tuple[int, int, str]]],
                 gazetteer: pd.DataFrame, part_of: list[str], covered: bytearray,
                 cuts: SentenceCuts | None = None) -> list[tuple]:
    """Names with no evidence of their own that the Chinese writes in Han characters: a Latin name in its whole
    extent, with a name word after it or written in both versions, whose letters are the pinyin of a Chinese
    organisation name's head (Lingshu AI and 灵枢智能), evidence ``pinyin:<the Chinese name>``."""
    candidates = {word: places for word, places in undecided.items()
                  if len(ties.letters(word)) >= ties.MIN_PINYIN_LETTERS
                  and (any(e - s > len(word) for s, e, _ in places) or {"zh", "en"} <= {p for _, _, p in places})}
    if not candidates:
        return []
    starts, ends = column(claims, "start").tolist(), column(claims, "end").tolist()
    spans = [(s, e) for s, e in zip(starts, ends) if part_of[s] == "zh"]
    tokenizer = cuts if cuts is not None else entities.tokenizer_for(gazetteer)
    names = ties.chinese_names(text, spans, tokenizer, covered, ties.load_zh_stoplist(),
                               _place_names(gazetteer))
    readings: dict[str, set[str]] = defaultdict(set)
    for name, places in names.items():
        readings[ties.pinyin(places[0][2])].add(name)
    rows = []
    for word, places in candidates.items():
        partners = readings.get(ties.letters(word), set())
        if len(partners) == 1 and not _names_a_product(text, word):
            rows += _named_rows(text, places, f"{EVIDENCE_PINYIN}:{next(iter(partners))}")
    return rows


def platform_names(text: str) -> frozenset[str]:
    """The one-word Latin names a text sends its readers to as a platform or community: "Join us on Foo or Bar", "find
    us on our Foo", 加入我们的 Foo, 欢迎关注 Foo. A name followed by another capitalised word is left out (it
    is part of a longer name); whether each is a name at all (capitalised, not stoplisted: "Join us on Tuesday") is
    judged with every other word.

    >>> sorted(platform_names("Chat with us on 🎮 Zorbit or Quux. 欢迎关注我们的官方 Blorp 和 Hugging Face。"))
    ['Blorp', 'Quux', 'Zorbit']
    """
    found = set()
    for cue in DISCOVER_PLATFORM_CUE_RE.finditer(text):
        position = cue.end()
        while (names := DISCOVER_PLATFORM_NAMES_RE.match(text, position)) is not None:
            if not _followed_by_capitalised(text, names.end("name")):
                found.add(names.group("name"))
            if not names.group("sep"):
                break
            position = names.end()
    return frozenset(found)


def _followed_by_capitalised(text: str, end: int) -> bool:
    """Whether a capitalised word follows ``end`` after spaces ("Hugging" in "Hugging Face")."""
    index = end
    while index < len(text) and text[index] in " \u00A0":
        index += 1
    return index > end and index < len(text) and text[index].isascii() and text[index].isupper()


def _made_by_rows(text: str, models: dict[str, list[tuple[int, int, str]]], mentions: pd.DataFrame,
                  rows: list[tuple], types: dict[str, str], sentence_starts: list[int] = ()) -> list[tuple]:
    """Mentions of model-like names written in both versions that the text ties to one maker ("Zorb-7B, developed by
    Acme", "Acme's Zorb-7B", "艾克米推出的 Zorb-7B", or a document whose author line names Acme, "Posted by the Acme
    team", introducing it in the first person, "we are releasing Zorb-7B", 我们发布 Zorb-7B, or its maker's pronoun,
    "Its Zorb-7B" where the sentence and the one before it name one organisation, ``_its_maker``): each place the name
    stands counts for that maker.

    The maker is an organisation: a gazetteer name of an organisation type (the model's type is then ``model``, and it
    counts for that organisation like a gazetteer model) or a discovered name (then ``discovered``); never a model, a
    person or a place.
    """
    makers: list[tuple[int, int, str, str, str]] = [  # (start, end, org, surface, the model's type)
        (s, e, org, surface, MODEL_TYPE) for s, e, surface, entity, org in
        zip(*(column(mentions, c).tolist() for c in ("start", "end", "surface", "entity", "org")))
        if org and types.get(entity, "") in entities.ORG_TYPES]
    makers += [(s, e, org, surface, DISCOVERED) for s, e, surface, _, org, kind, _ in rows if kind == DISCOVERED]
    if not makers:
        return []
    by_start = {s: (org, (surface, kind), e) for s, e, org, surface, kind in makers}
    author = _author(text, by_start)
    by_end = {e: (org, (surface, kind)) for s, e, org, surface, kind in makers}
    taken = {(s, e) for s, e, *_ in rows}
    out: list[tuple] = []
    makers_of: dict[str, tuple[str, str, str]] = {}  # a model tied to its maker -> (org, surface, the model's type)
    untied: dict[str, list[tuple[int, int, str]]] = {}  # a model written in both versions whose maker is not said
    for word, places in models.items():
        places = [p for p in places if (p[0], p[1]) not in taken]
        if not places or {part for _, _, part in places} != {"zh", "en"}:
            continue
        found: dict[str, tuple[str, str]] = {}  # maker's org -> (surface, the model's type)
        for start, end, _ in places:
            for maker_start in range(end, min(len(text), end + 40) + 1):
                maker = by_start.get(maker_start)
                if maker and MADE_BY_AFTER_RE.fullmatch(text[end:maker_start]):
                    if not text[end:maker_start].strip().startswith("由") or MADE_BY_ZH_VERB_RE.match(text, maker[2]):
                        found.setdefault(maker[0], maker[1])
                    break
            for maker_end in range(start, max(0, start - 40) - 1, -1):
                maker = by_end.get(maker_end)
                if maker and MADE_BY_BEFORE_RE.fullmatch(text[maker_end:start]):
                    found.setdefault(maker[0], maker[1])
                    break
        if not found and author is not None and any(MADE_BY_OWN_RE.search(text, max(0, s - 30), s) for s, _, _ in places):
            found[author[0]] = author[1]  # the author's own release: "Posted by the Acme team" … "we are releasing Zorb-7B"
        if not found:
            for start, _, _ in places:
                maker = _its_maker(text, start, makers, sentence_starts)
                if maker is not None:
                    found.setdefault(maker[0], maker[1])
        if len(found) != 1:
            untied[word] = places
            continue  # no maker, or two: the text does not say whose it is
        org, (surface, kind) = next(iter(found.items()))
        makers_of[word] = (org, surface, kind)
        for start, end, _ in places:
            out.append((start, end, word, word.casefold(), org, kind, f"{EVIDENCE_MADE_BY}:{surface}"))
    for word, places in untied.items():
        family = _family_of(word, makers_of)
        if family is not None:
            org, surface, kind = makers_of[family]
            out += [(start, end, word, word.casefold(), org, kind, f"{EVIDENCE_MADE_BY}:{surface}")
                    for start, end, _ in places]
    return out


def _family_of(word: str, makers_of: dict[str, tuple]) -> str | None:
    """The longest model name tied to a maker that ``word`` extends with a hyphen or a dot ("Zorb-2-7B" of "Zorb-2"): a
    size or a variant of that family, made by the same maker; None where none does.

    >>> _family_of("Zorb-2-7B", {"Zorb-2": ("acme", "Acme", "model")}), _family_of("Zorb-27B", {"Zorb-2": ()})
    ('Zorb-2', None)
    """
    families = [name for name in makers_of if len(word) > len(name) + 1 and word.startswith(name)
                and word[len(name)] in "-." and word[len(name) + 1].isalnum()]
    return max(families, key=len) if families else None


def _its_maker(text: str, start: int, makers: list[tuple[int, int, str, str, str]],
               sentence_starts: list[int]) -> tuple[str, tuple[str, str]] | None:
    """The maker a pronoun right before a model's name points to ("Its Zorb-7B", 其 Zorb-7B: ``MADE_BY_ITS_RE``), as
    (org, (surface, the model's type)): the one organisation named from the start of the sentence before the name's
    to the pronoun; None where there is no pronoun, no organisation or two ("Acme works with Bolt. Its Zorb-7B").

    >>> makers = [(0, 4, "acme", "Acme", "model"), (16, 20, "bolt", "Bolt", "model")]
    >>> text = "Acme works with Bolt. Its Zorb-7B is fast."
    >>> _its_maker(text, 26, makers, [0, 22]), _its_maker(text, 26, makers[:1], [0, 22])
    (None, ('acme', ('Acme', 'model')))
    """
    cue = MADE_BY_ITS_RE.search(text, max(0, start - 30), start)
    if cue is None:
        return None
    opened = sorted(s for s in sentence_starts if s <= cue.start())
    window = opened[-2] if len(opened) > 1 else 0
    named = {org: (surface, kind) for s, e, org, surface, kind in makers if window <= s and e <= cue.start()
             and not _funds_it(text, s, e)}
    return next(iter(named.items())) if len(named) == 1 else None


#: An organisation named as an investor ("a round led by Acme", "由红杉资本领投"): it funds the company, it does not
#: make its models, so a pronoun after it ("its latest model", 其最新模型) points to the company, not to it.
FUNDER_BEFORE_RE = re.compile(r"(?:\b(?:led|backed|funded|co-led)[ \u00A0]+by|\binvestors?[ \u00A0]+(?:including|such as)|由)[ \u00A0]*(?:the[ \u00A0]+)?$")
FUNDER_AFTER_RE = re.compile(r"[ \u00A0]*(?:等机构)?(?:领投|跟投|参投|投资|注资|联合领投)")


def _funds_it(text: str, start: int, end: int) -> bool:
    """Whether the organisation at text[start:end] is named as an investor (``FUNDER_BEFORE_RE``/``FUNDER_AFTER_RE``).

    >>> _funds_it("a round led by Acme, and its Zorb", 15, 19), _funds_it("由红杉领投；其模型", 1, 3), _funds_it("Acme's", 0, 4)
    (True, True, False)
    """
    # 由 alone before the name is no funder's mark ('由Acme开发'): only with 领投 after it, which the first test reads
    return bool(FUNDER_AFTER_RE.match(text, end)) or (
        FUNDER_BEFORE_RE.search(text, max(0, start - 25), start) is not None and text[start - 1:start] != "由")


def _author(text: str, by_start: dict[int, tuple]) -> tuple[str, tuple[str, str]] | None:
    """The organisation a line of its own names as the document's author ("Posted by the Acme team", "By Acme"), as
    (org, (surface, the model's type)); None where no line does, or lines name two.

    >>> _author("Intro" + chr(10) + "Posted by the Acme team" + chr(10) + "Text", {20: ("acme", ("Acme", "model"), 24)})
    ('acme', ('Acme', 'model'))
    """
    found = {}
    for line in MADE_BY_AUTHOR_LINE_RE.finditer(text):
        maker = by_start.get(line.start("name"))
        if maker is not None and maker[2] == line.end("name"):
            found[maker[0]] = maker[1]
    return next(iter(found.items())) if len(found) == 1 else None


def _looks_like_model_name(word: str, stoplist: frozenset[str]) -> bool:
    """A model's name: a letter first, then CamelCase or a digit ("Zorb-7B", "ZorbChat", "MX450"), not stoplisted, not an
    acronym.

    >>> [_looks_like_model_name(w, frozenset()) for w in ("Zorb-7B", "ZorbChat", "Zorb", "GSM", "13B", "MX450")]
    [True, True, False, False, False, True]
    """
    if not LATIN_CHAR_RE.match(word[0]) or word[0].isdigit() or entities._is_stopword(word, stoplist):
        return False
    if word.isupper() and not HAS_DIGIT_RE.search(word):
        return False  # an acronym ("GSM"); with a digit it is a product's code ("MI350", "XR7")
    return bool(CAMEL_RE.search(word) or any(ch.isdigit() for ch in word))


def _tied_rows(text: str, claims: pd.DataFrame, mentions: pd.DataFrame, rows: list[tuple], gazetteer: pd.DataFrame,
               types: dict[str, str], part_of: list[str], covered: bytearray,
               cuts: SentenceCuts | None = None) -> list[tuple]:
    """The Chinese names ``ties.tie_names`` ties to an organisation named in Latin letters (gazetteer or discovered)."""
    english: dict[tuple[str, str, str], list[tuple[int, int, str, str, bool]]] = defaultdict(list)
    taken = bytearray(covered)
    named = (column(mentions, c).tolist() for c in ("start", "end", "surface", "entity", "org"))
    for start, end, surface, entity, org in zip(*named):
        if org and part_of[start]:
            english[(org, org, types.get(org, ""))].append((start, end, surface, part_of[start], entity == org))
    for start, end, surface, entity, org, kind, _ in rows:
        taken[start:end] = b"\x01" * (end - start)
        if org and part_of[start]:
            identity = (entity, org, kind) if kind == DISCOVERED and entity == org.casefold() else (org, org, types.get(org, ""))
            english[identity].append((start, end, surface, part_of[start], entity == org.casefold()))
    # a discovered organisation's products (Aster-3, made by Meridian Labs) name the organisation itself: one identity,
    # or a Chinese name written beside both (子午线实验室Aster-3, 子午线实验室（Meridian Labs）) is claimed by two and tied to
    # neither (bilingual review round 20)
    for key in [k for k in english if k[2] == "" and (k[1].casefold(), k[1], DISCOVERED) in english]:
        english[(key[1].casefold(), key[1], DISCOVERED)].extend(english.pop(key))
    english = {k: v for k, v in english.items() if any(LATIN_CHAR_RE.search(sf) for _, _, sf, _, _ in v)}
    if not english:
        return []
    places = _place_names(gazetteer)
    written = frozenset(gazetteer.loc[gazetteer["name_zh"].astype(str).str.strip() != "", "entity"])
    return ties.tie_names(text, claims, part_of, taken, english, entities.tokenizer_for(gazetteer), places=places,
                          cuts=cuts, written_in_chinese=written)


def _chinese_only_rows(text: str, claims: pd.DataFrame, rows: list[tuple], gazetteer: pd.DataFrame, part_of: list[str],
                       covered: bytearray, cuts: SentenceCuts | None = None,
                       org_spans: list[tuple[int, int]] = ()) -> list[tuple]:
    """Rows for the names written in Han characters only, in the Chinese version or in both (``EVIDENCE_ZH_ONLY``): a
    coined head of ``ZH_ONLY_HEAD_CHARS`` characters that the tokenizer cuts apart, before a strong organisation word,
    where no mention or tied name stands.

    >>> import pandas as pd
    >>> text = "国内的鹿鸣资本也在看。风险资本很谨慎。"
    >>> claims = pd.DataFrame({"start": [0, 11], "end": [11, 19], "part": ["commentary", "commentary"]})
    >>> from helpers.tables.entities import default_gazetteer
    >>> [(r[2], r[6]) for r in _chinese_only_rows(text, claims, [], default_gazetteer(), ["zh"] * 20, bytearray(19))]
    [('鹿鸣资本', 'chinese_only')]
    """
    # both versions: an English that writes a Chinese organisation in Han characters too (北辰集团 in both) names it
    spans = [(s, e) for s, e in zip(column(claims, "start").tolist(), column(claims, "end").tolist()) if part_of[s]]
    if not spans:
        return []
    strong = any(ties.strong_zh_org_word_re().search(text, s, e) for s, e in spans)
    weak = any(ties.weak_zh_org_word_re().search(text, s, e) for s, e in spans)
    company = any(text.find(COMPANY_WORD, s, e) >= 0 for s, e in spans)
    if not strong and not weak and not company:
        return []
    taken = bytearray(covered)
    for start, end, *_ in rows:
        taken[start:end] = b"\x01" * (end - start)
    tokenizer = entities.tokenizer_for(gazetteer)
    if not strong and not weak:
        return _company_name_rows(text, spans, taken, gazetteer, tokenizer)
    names = ties.chinese_names(text, spans, cuts if cuts is not None else tokenizer, taken, ties.load_zh_stoplist(),
                               _place_names(gazetteer), ties.strong_zh_org_word_re()) if strong else {}
    out = []
    for name, places in names.items():
        head = places[0][2]
        if len(head) != ZH_ONLY_HEAD_CHARS:
            continue
        if any(len(word) > 1 for word in tokenizer.cut(head)) and not rare_proper_name(tokenizer, head):
            continue  # a common word of the dictionary before the organisation word describes (风险资本, 头部大学)
        # a head cut from a longer name (尔特 in 博尔特科技, after 博, a name's character; 沃森 in 哈尔沃森科技…, after
        # the transliteration's 哈尔) is none
        places = [p for p in places if not _after_name_character(tokenizer, text, p[0])]
        out += [(s, e, name, name, name, DISCOVERED, EVIDENCE_ZH_ONLY) for s, e, _ in places
                if not any(taken[s:e])]
    if weak:
        known = list(org_spans) + [(s, e) for s, e, *_ in rows] + [(s, e) for s, e, *_ in out]
        for start, end, *_ in out:
            taken[start:end] = b"\x01" * (end - start)
        out += _weak_word_rows(text, spans, taken, known, gazetteer, tokenizer, cuts)
    if company:
        for start, end, *_ in out:
            taken[start:end] = b"\x01" * (end - start)
        out += _company_name_rows(text, spans, taken, gazetteer, tokenizer)
    return out


def _company_name_rows(text: str, spans: list[tuple[int, int]], taken: bytearray, gazetteer: pd.DataFrame,
                       tokenizer) -> list[tuple]:
    """Rows for a coined name written once with 公司 and elsewhere without it (鹿鸣公司宣布…, then 鹿鸣还计划…): 公司 ends
    descriptions as often as names (这家公司, 设计公司), but a coined head (the tokenizer cuts it into characters, no numeral
    or measure word: ``_coined``) of ``COMPANY_HEAD_CHARS`` characters that the Chinese also writes alone is the
    company's own name. Every place the Chinese writes the head counts, with 公司 or without (the span is the head's).

    >>> from helpers.tables.entities import default_gazetteer, tokenizer_for
    >>> text = "据报道，鹿鸣公司宣布签约。鹿鸣还计划扩张。这家公司很大。两家公司都在看。"
    >>> rows = _company_name_rows(text, [(0, len(text))], bytearray(len(text)), default_gazetteer(), tokenizer_for())
    >>> [(r[0], r[2], r[6]) for r in rows]
    [(4, '鹿鸣', 'chinese_only'), (13, '鹿鸣', 'chinese_only')]
    """
    places = _place_names(gazetteer)
    heads: dict[str, None] = {}
    for start, end in spans:
        for found in re.finditer(COMPANY_WORD, text[start:end]):
            at = start + found.start()
            run = HAN_BEFORE_RE.search(text, max(start, at - COMPANY_HEAD_CHARS[1]), at)
            if run is None:
                continue
            # the longest coined head before 公司 that the Chinese also writes alone (上周鹿鸣公司: 鹿鸣, not 周鹿鸣)
            for size in range(min(len(run.group()), COMPANY_HEAD_CHARS[1]), COMPANY_HEAD_CHARS[0] - 1, -1):
                head = run.group()[-size:]
                if head in places or any(taken[at - size:at]) or not _coined(tokenizer, head):
                    continue
                if text[at - size - 1:at - size] in COMPANY_MEASURE_WORDS:
                    continue  # 又一家钠电公司, 这间设计公司: a company of a kind, described, not named
                if any(_written_alone(text, s, e, head) for s, e in spans):
                    heads.setdefault(head)
                    break
    out = []
    for head in heads:
        for start, end in spans:
            for found in re.finditer(re.escape(head), text[start:end]):
                s = start + found.start()
                if not any(taken[s:s + len(head)]):
                    out.append((s, s + len(head), head, head, head, DISCOVERED, EVIDENCE_ZH_ONLY))
    return out


def _written_alone(text: str, start: int, end: int, head: str) -> bool:
    """Whether ``text[start:end]`` writes ``head`` without 公司 after it and no Han character right before it."""
    for found in re.finditer(re.escape(head), text[start:end]):
        at = start + found.start()
        if not text.startswith(COMPANY_WORD, at + len(head)) and not (at > 0 and HAN_BEFORE_RE.search(text[at - 1:at])):
            return True
    return False


def _weak_word_rows(text: str, spans: list[tuple[int, int]], taken: bytearray, known: list[tuple[int, int]],
                    gazetteer: pd.DataFrame, tokenizer, cuts: SentenceCuts | None = None) -> list[tuple]:
    """Rows for the Chinese-only names ending in a word that ends descriptions as often (青禾机器人, 微澜智能: 智能, 机器人
    …, ``ties.weak_zh_org_word_re``): the head is coined (cut into characters, no numeral or measure word: 四足机器人 is
    none) or a rare noun of the dictionary (``_rare_noun``), and the text treats the name as an organisation's at one
    of its places (``_treated_as_org``: listed beside an organisation, or doing what organisations do). A name found so
    joins ``known``, so the next in a list is read beside it.

    >>> import pandas as pd
    >>> text = "青禾机器人和鹿鸣资本都在杭州。微澜智能最近也在招聘。人形机器人和四足机器人很热。具身智能也在融资。"
    >>> spans = [(0, 15), (15, 26), (26, 39), (39, 48)]
    >>> from helpers.tables.entities import default_gazetteer, tokenizer_for
    >>> rows = _weak_word_rows(text, spans, bytearray(48), [(6, 10)], default_gazetteer(), tokenizer_for())
    >>> sorted((r[0], r[2], r[6]) for r in rows)
    [(0, '青禾机器人', 'chinese_only'), (15, '微澜智能', 'chinese_only')]
    """
    names = ties.chinese_names(text, spans, cuts if cuts is not None else tokenizer, taken, ties.load_zh_stoplist(),
                               _place_names(gazetteer), ties.weak_zh_org_word_re())
    heads = {name: places for name, places in names.items()
             if len(places[0][2]) == ZH_ONLY_HEAD_CHARS and _coined_or_rare_head(tokenizer, places[0][2])}
    out: list[tuple] = []
    known = list(known)
    cities = _place_names(gazetteer)
    while heads:
        found = {name for name, places in heads.items()
                 if any((_treated_as_org(text, s, e, known) or (_located(text, s, cities) and _coined(tokenizer, head)))
                        and not _after_name_character(tokenizer, text, s)
                        for s, e, head in places)}
        if not found:
            break
        for name in sorted(found):
            places = [(s, e) for s, e, _ in heads.pop(name) if not any(taken[s:e])]
            out += [(s, e, name, name, name, DISCOVERED, EVIDENCE_ZH_ONLY) for s, e in places]
            known += places
    return out


#: The most characters a place name takes before a name (乌鲁木齐 4, 呼和浩特市 5), with its 的.
PLACE_BEFORE_MAX_CHARS = 6


def _located(text: str, start: int, places: frozenset[str]) -> bool:
    """Whether a place the gazetteer lists stands right before ``start``, maybe with 的 (杭州的青禾智能, 深圳青禾智能): a
    firm placed in a city.

    >>> _located("杭州的青禾智能", 3, frozenset({"杭州"})), _located("他们的青禾智能", 3, frozenset({"杭州"}))
    (True, False)
    """
    before = text[max(0, start - PLACE_BEFORE_MAX_CHARS - 1):start]
    before = before[:-1] if before.endswith("的") else before
    return any(before.endswith(place) for place in places if place and not place.isascii())


def _coined(tokenizer, head: str) -> bool:
    """A head the tokenizer cuts into single characters, none a numeral or a measure word (青禾, 澄溪): coined, where a
    word of the dictionary (码垛, 家用, 人形) names a kind as often as a firm."""
    if head[-1:] in ZH_VERB_TAILS:
        return False  # 问到, 说了: a verb and its complement, no coined name
    tagged = tokenizer.rjieba.tag(head, False)
    return (len(tagged) > 1 and all(len(word) == 1 and tag not in ZH_NUMBER_TAGS for word, tag in tagged)
            and tagged[0][1] not in ZH_CLAUSE_OPENER_TAGS)


def _coined_or_rare_head(tokenizer, head: str) -> bool:
    """Whether a head may name a firm before a word that ends descriptions too: coined (the tokenizer cuts it into
    characters, none of them a numeral or a measure word: 青禾, not 四足 or 类脑), a rare proper name (北辰), or a noun the
    dictionary has seldom seen (微澜, 云雀: ``ZH_WEAK_HEAD_MAX_FREQ``); not a common word (人形, 工业).

    >>> from helpers.tables.entities import tokenizer_for
    >>> [_coined_or_rare_head(tokenizer_for(), w) for w in ("青禾", "微澜", "四足", "类脑", "人形", "工业", "安防")]
    [True, True, False, False, False, False, False]
    """
    tagged = tokenizer.rjieba.tag(head, False)
    if len(tagged) > 1:
        return all(len(word) == 1 and tag not in ZH_NUMBER_TAGS for word, tag in tagged)
    word, tag = tagged[0]
    return rare_proper_name(tokenizer, head) or (
        tag.startswith("n") and tag != "ns" and tokenizer.rjieba.suggest_freq(word) <= ZH_WEAK_HEAD_MAX_FREQ)


def _treated_as_org(text: str, start: int, end: int, known: list[tuple[int, int]]) -> bool:
    """Whether the text treats the name at ``text[start:end]`` as an organisation's: doing what organisations do right
    after it (招聘, 融资, 宣布 …: ``ZH_ORG_ACTION_AFTER_RE``), or listed right beside a name ``known`` as an organisation's
    (和, 与, 、: ``ZH_ORG_LIST_JOIN_RE``).

    >>> _treated_as_org("青禾机器人和鹿鸣资本", 0, 5, [(6, 10)]), _treated_as_org("人形机器人很热", 0, 5, [])
    (True, False)
    """
    if ZH_ORG_ACTION_AFTER_RE.match(text, end):
        return True
    join = ZH_ORG_LIST_JOIN_RE.match(text, end)
    if join is not None and any(s == join.end() for s, _ in known):
        return True
    return any(e <= start and ZH_ORG_LIST_JOIN_RE.fullmatch(text, e, start) for _, e in known)


def rare_proper_name(tokenizer, word: str) -> bool:
    """Whether jieba's dictionary keeps ``word`` whole as a proper name it has seldom seen (``ZH_PROPER_TAGS``,
    ``ZH_ONLY_MAX_HEAD_FREQ``): the head of a name (北辰 in 北辰集团), not a common word that describes (风险, 明星).

    >>> from helpers.tables.entities import tokenizer_for
    >>> [rare_proper_name(tokenizer_for(), w) for w in ("北辰", "风险", "明星", "国内", "远帆")]
    [True, False, False, False, False]
    """
    tagged = tokenizer.rjieba.tag(word, False)
    return len(tagged) == 1 and tagged[0][1] in ZH_PROPER_TAGS and \
        tokenizer.rjieba.suggest_freq(word) <= ZH_ONLY_MAX_HEAD_FREQ


#: jieba's tags of a person's or a transliterated name (nr, nrt, nrfg): such a token right before a coined head makes
#: the head the tail of that name.
TRANSLITERATION_TAGS = frozenset({"nr", "nrt", "nrfg"})


def _after_name_character(tokenizer, text: str, start: int) -> bool:
    """Whether a Han character that the tokenizer leaves alone and tags as a noun's stands right before ``start``
    (博 before 尔特科技), not a function word (的, 和) or the end of a longer word (投资方).

    >>> from helpers.tables.entities import tokenizer_for
    >>> [_after_name_character(tokenizer_for(), t, 1) for t in ("博尔特科技", "和元通集团", "的北辰集团")]
    [True, False, False]
    >>> _after_name_character(tokenizer_for(), "美国哈尔沃森科技政策研究所", 4)
    True
    """
    before = HAN_BEFORE_RE.search(text, max(0, start - 4), start)
    if before is None:
        return False
    last = tokenizer.rjieba.tag(before.group(), False)[-1]
    # or a transliterated name's first characters (哈尔 before 沃森科技 in 哈尔沃森科技政策研究所: bilingual review round 6)
    return (len(last[0]) == 1 and last[1].startswith("n")) or last[1] in TRANSLITERATION_TAGS


def _place_names(gazetteer: pd.DataFrame) -> frozenset[str]:
    """The Chinese names of the gazetteer's places; made once for a settled gazetteer (``entities.settled_gazetteer``)."""
    if entities.is_settled(gazetteer):
        return _place_names_of(entities._gazetteer_key(gazetteer))
    return frozenset(name for name in gazetteer.loc[gazetteer["type"] == "place", "name_zh"] if name)


@lru_cache(maxsize=8)
def _place_names_of(key: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(row[2] for row in key if row[3] == "place" and row[2])


def _names_a_product(text: str, word: str) -> bool:
    """Whether the text writes ``word`` as a model's or product's name somewhere: with a version glued on, or followed by
    a kind of thing made (``DISCOVER_PRODUCT_AFTER``: 框架, 模型, "framework", "models" …), or after one ("the evaluation
    tool Zorb", 评测工具 Zorb: ``DISCOVER_PRODUCT_BEFORE_RE``). Such a name's "team" or "AI"
    ("the Zorb team", "Zorb AI 框架") is its makers' or its own, not an organisation called Zorb.

    >>> _names_a_product("Zorb 团队发布了 Zorb-7B。", "Zorb"), _names_a_product("Rokid 公司发布了眼镜。", "Rokid")
    (True, False)
    >>> _names_a_product("We used the evaluation tool Zorbo.", "Zorbo"), _names_a_product("工具 Zorbos。", "Zorbo")
    (True, False)
    >>> _names_a_product("the most capable model Lumora has ever built", "Lumora")
    False
    """
    name = re.escape(word)
    if re.search(literal_not_after(LATIN_CLASS, name) + DISCOVER_PRODUCT_AFTER, text) is not None:
        return True
    # the kind of thing before the name: read before each place the name stands (a pattern that opens with the name
    # is found fast; one that opens with a list of kinds would read the whole text at every character)
    return any(DISCOVER_PRODUCT_BEFORE_RE.search(text, max(0, match.start() - 20), match.start())
               and not CLAUSE_SUBJECT_AFTER_RE.match(text, match.end())
               for match in re.finditer(literal_not_after(LATIN_CLASS, name) + rf"(?![{LATIN_CLASS}])", text))


#: A name that a relative clause's verb follows is that clause's subject, not the thing before it: 'the most capable
#: model Lumora has ever built' names Lumora as the model's maker (bilingual review round 6).
CLAUSE_SUBJECT_AFTER_RE = re.compile(r"[ \u00A0]+(?:has|have|had|is|was|will|would|can|could|ever|just|built|made|"
                                     r"released|trained|shipped)\b")


#: A capitalised Latin word right before a name, one space between ('Wellspring Action': the word before 'Action').
CAPITALISED_BEFORE_RE = re.compile(r"(?<![\w.])([A-Z][A-Za-z0-9&'’-]*) $")


def _tail_of_name(text: str, start: int, stoplist: frozenset[str]) -> bool:
    """Whether a capitalised word that is no stoplisted one ('The', 'At': the function words a sentence opens with)
    comes right before ``start``, one space between: the word at ``start`` goes on a longer name. A name every place
    of which is so written is withheld, so a sentence that opens with a capitalised word before it costs a finding,
    never makes a false one.

    >>> _tail_of_name("the group Wellspring Action said", 21, frozenset()), _tail_of_name("met The Foo", 8, frozenset({"the"}))
    (True, False)
    >>> _tail_of_name("Ann met Foo", 8, frozenset())
    False
    """
    match = CAPITALISED_BEFORE_RE.search(text, max(0, start - 40), start)
    return match is not None and match.group(1).lower() not in stoplist


def _after_mention(text: str, start: int, covered: bytearray) -> bool:
    """Whether a gazetteer mention ends right before ``start``, with at most spaces between."""
    index = start - 1
    while index >= 0 and text[index] in " \t\u00A0":
        index -= 1
    return index >= 0 and index < start - 1 and bool(covered[index])


def _suffix_cue(text: str, places: list[tuple[int, int, str]]) -> bool:
    """Whether some English occurrence is followed by a company suffix (Inc., Labs, Ltd …), not just 'AI' or 'team', or
    stands where English prose says it is a company (``_context_cue``)."""
    return any((DISCOVER_EN_CUE_RE.match(text[e : e + 40]) and not text[e : e + 4].strip().startswith("AI")
                and not text[e : e + 6].strip().startswith("team"))
               or _context_cue(text, s, e)
               for s, e, part in places if part == "en")


def _looks_like_org_name(word: str, stoplist: frozenset[str], lowercase_words: frozenset[str]) -> bool:
    """Capitalised or CamelCase, not stoplisted, not an ordinary word the text also writes in lowercase (hyphenated
    compounds too), not a capitalised compound with lowercase parts, no digit.

    >>> _looks_like_org_name("Multi-agent", frozenset(), frozenset())
    False
    >>> _looks_like_org_name("Rokid", frozenset(), frozenset({"multi-agent"}))
    True
    """
    return word.lower() not in lowercase_words and _has_org_shape(word, stoplist)


def _has_org_shape(word: str, stoplist: frozenset[str]) -> bool:
    """``_looks_like_org_name`` less what depends on the text (its lowercase words): the word alone."""
    if any(ch.isdigit() for ch in word) or not HAS_UPPER_RE.search(word):
        return False
    if entities._is_stopword(word, stoplist):
        return False
    head, *tail = word.split("-")
    if tail and all(part[:1].islower() for part in tail) and not CAMEL_RE.search(word):
        return False  # a capitalised compound ("Multi-agent", "Open-source"): a word at a sentence's start
    return bool(CAMEL_RE.search(word) or CAPITALISED_RE.match(word))


def _parts(text: str, claims: pd.DataFrame) -> list[str]:
    """Per character: 'zh' before the English version's first sentence, 'en' from it on, '' outside every claim."""
    starts, ends = column(claims, "start").tolist(), column(claims, "end").tolist()
    parts = column(claims, "part").tolist()
    en_start = min((s for s, part in zip(starts, parts) if part == "original"), default=len(text))
    where = [""] * (len(text) + 1)
    english = " ".join(text[s:e] for s, e in zip(starts, ends) if s >= en_start)
    for start, end in zip(starts, ends):
        part = "zh" if start < en_start else "en"
        # a verbatim quote of the English inside the Chinese (a "> " block quote): the English's words, not the Chinese's
        if part == "zh" and not re.search(r"[\u4e00-\u9fff]", text[start:end]):
            quoted = text[start:end].lstrip("> \u3000").strip()
            if len(quoted) >= 20 and quoted in english:
                part = "en"
        where[start:end] = [part] * (end - start)
    return where

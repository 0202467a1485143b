"""Column names of every table the engine writes, defined once."""

BLOCK_COLUMNS = ["block_id", "part", "kind", "lang", "section", "start", "end", "text"]

CLAIM_BASE_COLUMNS = ["claim_id", "part", "block_id", "kind", "lang", "section", "start", "end", "text"]
CLAIM_ANALYSIS_COLUMNS = [
    "voice",        # commentator | reported (zh part); first_person | reported | plain (en part)
    "voice_cue",    # the cue that decided the voice, verbatim, or ""
    "hedges",       # hedge cues found, "|"-joined, verbatim
    "boosters",     # booster cues found, "|"-joined
    "negated",      # True when a negation cue occurs
    "numbers",      # numbers and amounts found, "|"-joined, verbatim
    "entities",     # canonical ids of the entities mentioned, "|"-joined, in order of first mention
    "orgs",         # organisations those entities roll up to, "|"-joined, deduplicated
]
CLAIM_COLUMNS = CLAIM_BASE_COLUMNS + CLAIM_ANALYSIS_COLUMNS

MENTION_COLUMNS = [
    "mention_id", "claim_id", "start", "end", "surface", "entity", "org", "type", "lang", "part",
    "evidence",  # "" for a gazetteer name; else the rule that found it (helpers.tables.discover)
    "via",       # "" when the text names the organisation itself; "model" or "product" when `org` is implied through
                 # one of its models or products (MacBook → Apple), so that a page can say "named or implied"
]
CANDIDATE_COLUMNS = ["start", "end", "surface", "reason", "claim_id", "part"]

ALIGNMENT_COLUMNS = ["zh_claim_id", "en_claim_id", "score", "relation"]
# Why the aligner linked each Chinese sentence where it did, or withheld or left it (helpers.align.decode.explain_links):
# the unit decoded (English block id, <NA> for none), the unit covering it best, their coverages and gains, the link's
# margin and order support with the margin it needed, and the outcome (LINK_OUTCOMES)
LINK_DECISION_COLUMNS = ["zh_claim_id", "unit", "best_unit", "coverage", "best_coverage", "best_gain", "margin",
                         "support", "needed_margin", "outcome"]

# The framing tables (helpers.framing.shifts; data/reference/README-framing.md says what each column means).
TAG_COLUMNS = ["claim_id", "frame", "cue", "start", "end"]
FRAME_MIX_COLUMNS = ["part", "frame", "claims", "weight_claims", "weight_chars", "share_claims", "share_chars"]
COVERAGE_COLUMNS = ["section", "heading", "claims", "chars", "carried_claims", "carried_chars",
                    "share_claims", "share_chars"]
ADDITION_COLUMNS = ["addition", "zh_claim_id", "voice", "entity", "org", "type", "surface", "zh_claims", "text"]
OMISSION_COLUMNS = ["section", "heading", "topic", "claims", "chars"]
CERTAINTY_COLUMNS = ["zh_claim_id", "en_claim_ids", "zh_hedges", "zh_boosters", "en_hedges", "en_boosters",
                     "zh_other_cues", "en_other_cues", "zh_certainty", "en_certainty", "certainty_shift"]
VOICE_COLUMNS = ["zh_claim_id", "en_claim_ids", "zh_voice", "en_voices", "en_voice", "voice_shift"]
GENERALISATION_COLUMNS = ["zh_claim_id", "en_claim_ids", "zh_categories", "en_categories", "zh_only_entities",
                          "en_only_entities", "generalisation_shift"]
FRAMING_COLUMNS = ["zh_claim_id", "en_claim_ids", "score", "relation", "certainty_shift", "voice_shift",
                   "generalisation_shift", "zh_frames", "en_frames", "zh_text", "en_text"]
SHIFT_COUNT_COLUMNS = ["shift", "value", "claims"]

# The theme and lab tables (helpers.framing.themes, helpers.framing.labs).
TERM_COLUMNS = ["lang", "term", "count", "claims"]
HIT_COLUMNS = ["claim_id", "theme", "cue"]
POSITION_COLUMNS = ["claim_id", "theme", "part", "lang", "section", "start", "end"]
SHARE_COLUMNS = ["theme", "lang", "claims", "headings", "hits", "share", "cues", "heading_hits"]
ORG_COUNT_COLUMNS = ["org", "part", "lang", "mentions"]
KWIC_COLUMNS = ["mention_id", "org", "part", "left", "surface", "right"]

# Values of the `part` column.
PART_COMMENTARY = "commentary"   # the Chinese write-up
PART_ORIGINAL = "original"       # the English source it summarises
PART_NONCONTENT = "noncontent"   # ads, subscribe prompts, bylines, signatures, footers
PARTS = [PART_COMMENTARY, PART_ORIGINAL, PART_NONCONTENT]

# Values of the `kind` column.
# title: the document's title line in the Chinese version; label: a label of the Chinese writer's outline alone on its
# line ('Summary', 'TL;DR', '要点总结：'). Both are headings that are not sentences: never linked, never an aside, not
# counted among the Chinese sentences (a label opens a section). image_placeholder ('Image 1', '![…](…)') and caption (a figure's
# caption or alt text) are furniture, like bylines and boilerplate. code: a line of a fenced code block (```…```), its
# fences included: part of the version it stands in, but neither language's prose (the same in both versions of a README
# or a tech post), so, like a title or a label, not a sentence: never linked, counted or tagged.
KINDS = ["heading", "paragraph", "list_item", "byline", "boilerplate", "title", "image_placeholder", "caption", "label",
         "code"]
CONTENT_KINDS = ["heading", "paragraph", "list_item"]
NONCONTENT_KINDS = ["byline", "boilerplate", "image_placeholder", "caption"]


def units_noun(kinds, *, one: bool = False) -> str:
    """What a count of content units is called: 'sentences', or 'sentences and headings' when ``kinds`` (the
    document's content kinds) hold a heading, so that a count never calls a heading a sentence. The two are counted
    together: a count of sentences alone would be wrong wherever a heading is read as a sentence or one the other way.

    >>> units_noun(["paragraph", "list_item"]), units_noun(["heading", "paragraph"])
    ('sentences', 'sentences and headings')
    >>> units_noun(["heading"], one=True)
    'sentence or heading'
    """
    headings = "heading" in set(kinds)
    if one:
        return "sentence or heading" if headings else "sentence"
    return "sentences and headings" if headings else "sentences"


def semicolon_note(texts) -> str:
    """Said beside a count of Chinese sentences when some of them end at a semicolon: the parser cuts a Chinese
    sentence at ； as at 。 (a list of clauses 一是…；二是… aligns clause by clause), where a reader counting full
    stops gets fewer, and the English is not cut at ';'. '' when none does.

    >>> semicolon_note(["一是快；", "二是稳。"])
    '1 of them ending at a semicolon ；, read here as a sentence end'
    >>> semicolon_note(["好。"])
    ''
    """
    ends = sum(1 for t in texts if str(t).rstrip().rstrip("”’」』）)】》\"'").endswith(("；", ";")))
    return f"{ends} of them ending at a semicolon ；, read here as a sentence end" if ends else ""


# Values of the `lang` column.
LANGS = ["zh", "en", "mixed"]

# Values of the alignment's `relation` column.
SUMMARISES = "summarises"       # a Chinese sentence linked to one English sentence
ONE_TO_MANY = "one-to-many"     # linked to several English sentences of one paragraph (one row each)
ADDITION = "addition"           # a Chinese sentence linked to nothing: en_claim_id is empty
OMISSION = "omission"           # an English sentence nothing draws on: zh_claim_id is empty
BEYOND = "beyond"               # a Chinese sentence that draws on English the file does not hold (an excerpt's rest)
UNSURE = "unsure"               # a Chinese sentence whose link the aligner withheld: other places in the English hold its
                                # words about as well (en_claim_id is empty); neither linked nor the writer's own
RELATIONS = [SUMMARISES, ONE_TO_MANY, ADDITION, OMISSION, BEYOND, UNSURE]
# Values of explain_links' `outcome`: linked; withheld (its margin under the bar its order support sets); unlinked with
# no unit clearing the bars (coverage and z, after an aside's penalty); unlinked though a unit clears them (the order
# costs more than the link earns)
LINK_OUTCOMES = ["linked", "withheld: margin", "unlinked: below the bars", "unlinked: order"]

# The document caveats (helpers.framing.caveats): what a reader must know before any finding.
CAVEAT_COLUMNS = ["kind", "evidence", "affects"]
CAVEAT_KINDS = ["english_excerpt", "chinese_much_shorter", "several_originals", "traditional_script", "own_reporting",
                "translation", "commentary", "few_links"]

"""Column names of every table the engine writes, defined once."""

BLOCK_COLUMNS = ["block_id", "part", "kind", "lang", "start", "end", "text"]

CLAIM_BASE_COLUMNS = ["claim_id", "part", "block_id", "kind", "lang", "start", "end", "text"]
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
]
CANDIDATE_COLUMNS = ["start", "end", "surface", "reason", "claim_id", "part"]

ALIGNMENT_COLUMNS = ["zh_claim_id", "en_claim_id", "score", "relation"]

# Values of the `part` column.
PART_COMMENTARY = "commentary"   # the Chinese write-up
PART_ORIGINAL = "original"       # the English source it summarises
PART_NONCONTENT = "noncontent"   # ads, subscribe prompts, bylines, signatures, footers
PARTS = [PART_COMMENTARY, PART_ORIGINAL, PART_NONCONTENT]

# Values of the `kind` column.
KINDS = ["heading", "paragraph", "list_item", "byline", "boilerplate"]
CONTENT_KINDS = ["heading", "paragraph", "list_item"]

# Values of the `lang` column.
LANGS = ["zh", "en", "mixed"]

# Values of the alignment's `relation` column.
SUMMARISES = "summarises"       # a Chinese sentence linked to one English sentence
ONE_TO_MANY = "one-to-many"     # linked to several English sentences of one paragraph (one row each)
ADDITION = "addition"           # a Chinese sentence linked to nothing: en_claim_id is empty
OMISSION = "omission"           # an English sentence nothing draws on: zh_claim_id is empty
RELATIONS = [SUMMARISES, ONE_TO_MANY, ADDITION, OMISSION]

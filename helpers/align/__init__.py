"""The aligner: each Chinese commentary sentence linked to the English sentences it draws on, or to none.

The stages, one module each, in the order they run: ``evidence`` (what each sentence shares with each English
paragraph, and the gain of each link; the method is told in its docstring), ``decode`` (the order-aware pass that
picks one paragraph or none per sentence), ``link`` (the alignment table), then ``evaluate`` (scoring against gold,
and the length-only Gale–Church baseline). ``dictionary`` (CC-CEDICT under the glossary) and ``ecdict`` (ECDICT)
supply the evidence's two directions. This package re-exports what callers use.
"""


from ..columns import ADDITION, OMISSION, ONE_TO_MANY, RELATIONS, SUMMARISES, UNSURE
from ..params import AlignParams, params_dict
from .decode import (WITHHELD, backtrack, decode_banded, decode_monotone, explain_links, link_margins, order_support,
                     withhold_ambiguous)
from .evaluate import GOLD_COLUMNS, SUMMARY_KINDS, align_gale_church, evaluate_alignment, read_gold
from .evidence import (SCORE_COLUMNS, ZH_TERM, AlignmentTooLarge, EnglishTerms, aside_marked, check_size, content_units,
                       english_units, score_paragraphs, zh_concepts)
from .link import align_claims

__all__ = [
    "ADDITION", "GOLD_COLUMNS", "OMISSION", "ONE_TO_MANY", "RELATIONS", "SCORE_COLUMNS", "SUMMARISES", "SUMMARY_KINDS",
    "ZH_TERM", "AlignParams", "AlignmentTooLarge", "EnglishTerms", "align_claims", "align_gale_church", "aside_marked",
    "backtrack", "check_size", "content_units", "decode_banded", "decode_monotone", "english_units", "evaluate_alignment",
    "explain_links", "order_support", "params_dict", "read_gold",
    "score_paragraphs", "zh_concepts", "UNSURE", "WITHHELD", "link_margins", "withhold_ambiguous",
]

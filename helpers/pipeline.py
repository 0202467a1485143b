"""The whole analysis of one document: the tables (``helpers.tables``), the alignment (``helpers.align``) and the
framing tables on top (``helpers.framing``)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .align import align_claims
from .framing import shifts as fr
from .framing.shifts import framing_table, tag_frames
from .params import AlignParams
from .tables.entities import default_gazetteer, tokenizer_for
from .tables.extract import Tables, extract

__all__ = ["Analysis", "Tables", "analyse", "extract"]


@dataclass
class Analysis:
    """The extracted tables, the alignment of the Chinese to the English, and the framing tables on top."""

    tables: Tables
    alignment: pd.DataFrame
    frame_tags: pd.DataFrame
    framing: pd.DataFrame

    def named_tables(self) -> dict[str, pd.DataFrame]:
        """Every table by the file name it is written under (``<name>.csv``)."""
        t = self.tables
        return {
            "claims": t.claims, "mentions": t.mentions, "blocks": t.blocks,
            "candidates": t.candidates, "repairs": t.repairs,
            "alignment": self.alignment,
            "framing": self.framing,
            "coverage": fr.section_coverage(self.alignment, t.claims),
            "additions": fr.additions(self.alignment, t.claims, t.mentions),
            "omissions": fr.omissions(self.alignment, t.claims, self.frame_tags),
            "frames": self.frame_tags,
            "frame_mix": fr.frame_mix(t.claims, self.frame_tags),
            "shifts": fr.shift_counts(self.framing),
        }


def analyse(text: str, *, gazetteer: pd.DataFrame | None = None, align_params=None) -> Analysis:
    """Extract the tables, align the commentary to the original and measure the framing shifts.

    One tokenizer, the gazetteer's (``tables.entities.tokenizer_for``), cuts the Chinese at every stage.
    """
    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    tokenizer = tokenizer_for(gazetteer)
    tables = extract(text, gazetteer=gazetteer, tokenizer=tokenizer)
    alignment = align_claims(tables.claims, mentions=tables.mentions, params=align_params or AlignParams(),
                             tokenizer=tokenizer)
    tags = tag_frames(tables.claims, tokenizer=tokenizer)
    framing = framing_table(alignment, tables.claims, tables.mentions, tags, tokenizer=tokenizer)
    return Analysis(tables=tables, alignment=alignment, frame_tags=tags, framing=framing)

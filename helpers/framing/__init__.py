"""Stage 4, framing: on top of the alignment, how the Chinese reframes the English (``shifts``: certainty, voice,
generalisation, coverage, additions, omissions, frame mix), what each version talks about (``themes``), and
which labs each names and how (``labs``)."""

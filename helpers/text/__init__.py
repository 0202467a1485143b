"""Stage 1, text: a document read and decoded (``reader``), cut into words (``segment``), and parsed into parts,
blocks and sentences (``parse``)."""

"""Take a bilingual "原文附后" article apart: blocks, sentences, claims, entity mentions,
alignment of the Chinese commentary to its English original, and the framing shifts between them.

The package is laid out as the stages it runs, each importing only from those before it
(``tests/test_layout.py`` checks it):

- the bottom: ``paths``, ``columns``, ``patterns`` (every regex), ``vocab`` (reference files, the cue syntax), ``params``
  (every threshold), ``cache``, ``npm``, ``export``;
- ``text`` (read, cut, parse) → ``tables`` (mentions, claims) → ``align`` (evidence, decode, link, evaluate)
  → ``framing`` (themes, labs, shifts) → ``pipeline`` (the whole ``Analysis``) → ``render`` (figures, prose,
  the report);
- the drivers: ``corpus`` and ``cli`` (every subcommand of ``python -m helpers``).

Importing this package only defines things: no dictionary is loaded and nothing is logged.
"""

"""Take a bilingual "原文附后" article apart: blocks, sentences, claims, entity mentions,
alignment of the Chinese commentary to its English original, and the framing shifts between them.

Importing this package only defines things: no dictionary is loaded and nothing is logged.
"""

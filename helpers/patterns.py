"""The character classes and patterns more than one stage needs, each defined once.

Patterns that only one module uses stay in that module, named in UPPER_CASE at its top.
"""

from __future__ import annotations

import re

#: Han characters (CJK unified ideographs, extension A, compatibility ideographs): "Chinese script".
HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_CLASS}]")
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")

#: Any character of CJK text: Han (extension B onwards too), CJK punctuation, kana, radicals, full-width forms.
#: A name next to one needs no space boundary; a page holding one needs the CJK font.
CJK_CHAR = re.compile(
    f"[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF{HAN_CLASS}\uFE30-\uFE4F\uFF00-\uFFEF\U00020000-\U0002FA1F]"
)

#: Latin letters, accented ones included (À-ɏ), and with digits: what a Latin word is made of.
LATIN_LETTER_CLASS = r"A-Za-z\u00c0-\u024f"
LATIN_CLASS = LATIN_LETTER_CLASS + "0-9"
LATIN_LETTER = re.compile(f"[{LATIN_LETTER_CLASS}]")

#: An English possessive ending: "Nvidia's", "Acme’s".
POSSESSIVE = re.compile(r"['’][sS]$")
WHITESPACE = re.compile(r"\s+")

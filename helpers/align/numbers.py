"""Numbers as values, across scripts and units, so the aligner compares 2.4万 with "24,000", 1600万 with "16 million",
三成 with "30%" and 30倍 with "30x". The units and numerals are data (``data/reference/number_units.csv``).

>>> sorted(number_terms("涉及 2.4万个 欺诈账号与 1600万次 对话"))
['#16000000', '#24000']
>>> sorted(number_terms("over 16 million exchanges and approximately 24,000 accounts"))
['#16000000', '#24000']
>>> sorted(number_terms("三成用户，增长30倍") | number_terms("30% of users grew 30x"))
['#%30', '#x30']
>>> sorted(number_terms("速度翻倍，成本减少一半")), sorted(number_terms("twice as fast at half the cost"))
(['#%50', '#x2'], ['#%50', '#x2'])
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..paths import REFERENCE
from ..vocab import load_vocabulary

#: One Han character: a Chinese name before a version's hyphen (澜河-3).
HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")

NUMBER_UNITS_PATH = REFERENCE / "number_units.csv"
NUMBER_UNIT_COLUMNS = ["unit", "lang", "kind", "value", "source"]
KINDS = ("scale", "percent", "times", "digit", "times_word", "percent_word", "number_word", "power", "energy",
         "distance", "pixels")
#: A quantity's unit kind → its value term's mark: 30万千瓦 and "300 megawatts" are both #W:300000000 (watts), 945 TWh
#: and 9450亿千瓦时 #Wh:945000000000000 (watt-hours), 100 miles #m:160934.4 (metres).
MEASURES = {"power": "W:", "energy": "Wh:", "distance": "m:", "pixels": "px:"}
#: A unit of measure glued to its figure ('1.9kg', '128GB', '50cm', '5.1GHz'): a figure, not a thing's name as '4o' or
#: '3rd' are (bilingual review round 21: a hardware review's 'Weight: 1.9kg' read as no figure, so its 1.9 公斤 was
#: listed as a figure no English states). A bare 'B' or 'K' (70B, 285K) may name a model or a chip: not listed.
GLUED_UNIT = re.compile(r"(?:kg|mg|[kmgtp]b|[kmg]hz|km|cm|mm|nm|lbs?|oz|dba|db|fps|mah|ml)(?![A-Za-z0-9])", re.IGNORECASE)
NUMBER_TERM = "#"  # prefix of a value term: #24000, #%30 (a percentage), #x30 (a ratio); never an English stem


@lru_cache(maxsize=None)
def load_number_units(path: str = str(NUMBER_UNITS_PATH)) -> dict[str, dict[str, float]]:
    """The units by kind: ``{"scale": {"万": 10000.0, "million": 1e6, …}, "percent": …, "times": …, "digit": …}``."""
    table = load_vocabulary(path, NUMBER_UNIT_COLUMNS, required=("unit", "lang", "kind", "value"))
    units: dict[str, dict[str, float]] = {kind: {} for kind in KINDS}
    for row in table.to_dict("records"):
        if row["kind"] not in KINDS:
            raise ValueError(f"{path}: kind must be one of {list(KINDS)}, not {row['kind']!r}")
        units[row["kind"]][row["unit"].lower()] = float(row["value"])
    return units


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first; a Latin word must end where its letters end."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        body = r"\s".join(re.escape(w) for w in word.split())
        guard = r"(?![A-Za-z])" if word[-1:].isascii() and word[-1:].isalpha() else ""
        if word == "兆":  # 兆 counts 10^12 (2.5兆), but is mega- in a unit (兆瓦, 兆赫, 兆字节, 兆位): no scale there
            guard = r"(?![瓦赫字位比帕焦])"
        if word == "成":  # 三成 is 30%, but 这一成绩, 一成不变 are words (bilingual review round 18: 一成 read in 这一成绩)
            guard = r"(?![绩績功本员員立为為长長果熟交就型品都像不效])"
        parts.append(body + guard)
    return "|".join(parts)


@lru_cache(maxsize=None)
def _number_pattern(path: str = str(NUMBER_UNITS_PATH)) -> re.Pattern:
    """A number with its units, built from the unit table (as vocab builds a cue's pattern from its row)."""
    units = load_number_units(path)
    numerals = "".join(sorted(u for u in units["digit"] if len(u) == 1) + ["百千"])
    scale = _alternation(units["scale"])
    after = _alternation([*units["percent"], *units["times"], *(u for kind in MEASURES for u in units[kind])])
    return re.compile(
        r"(?P<pre>百分之)?"
        rf"(?:(?<![A-Za-z0-9.,])(?<![A-Za-z]-)(?P<arabic>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![\d])|(?P<han>[{numerals}]+))"
        rf"(?:[ \t-]?(?P<scale>{scale}))?"
        rf"(?:[ \t-]?(?P<after>{after}))?",
        re.IGNORECASE,
    )


def chinese_numeral(text: str, digits: dict[str, float]) -> float | None:
    """The value of a run of Chinese numerals (一千六百 = 1600, 三十 = 30, 十 = 10); None if it does not parse."""
    total, section, digit = 0.0, 0.0, None
    for char in text:
        if char in ("十", "百", "千"):
            factor = {"十": 10, "百": 100, "千": 1000}[char]
            section += (1 if digit is None else digit) * factor
            digit = None
        elif char in digits:
            if digit is not None:  # two digits in a row (二〇二四): read them as positional digits
                digit = digit * 10 + digits[char]
            else:
                digit = digits[char]
        else:
            return None
    return total + section + (digit or 0)


def _canonical(value: float) -> str:
    """24000.0 → "24000", 0.25 → "0.25": one spelling per value (six significant digits)."""
    value = float(f"{value:.6g}")
    return str(int(value)) if value.is_integer() else repr(value)


def _compound_numbers(text: str, found: list[tuple[int, int, str]], scale: dict[str, float]) -> list[tuple[int, int, str]]:
    """One number for a count written in two scales run together (1万5千 = 15000, 3亿2千万 = 320000000): a plain
    value that ends in a larger Chinese scale, then right after it a plain value smaller than that scale.

    >>> _compound_numbers("1万5千", [(0, 2, "#10000"), (2, 4, "#5000")], {"万": 1e4, "千": 1e3})
    [(0, 4, '#15000')]
    """
    out: list[tuple[int, int, str]] = []
    for start, end, term in found:
        if out and out[-1][1] == start and term[1:2].isdigit() and out[-1][2][1:2].isdigit():
            first = text[out[-1][0]:out[-1][1]]
            unit = next((u for u in ("万亿", "萬億", "亿", "億", "万", "萬") if first.endswith(u)), None)
            if unit and float(term[1:]) < scale.get(unit, 0) and not (text[end:end + 1] and text[end:end + 1] in "万萬亿億"):
                out[-1] = (out[-1][0], end, NUMBER_TERM + _canonical(float(out[-1][2][1:]) + float(term[1:])))
                continue
        out.append((start, end, term))
    return out


#: A year after a time qualifier and a hyphen ('mid-2027', 'early-2026'): a letter and a hyphen before digits name a
#: thing's version otherwise ('GPT-4'), so the number pattern leaves it, and the year the Chinese writes (2027年中) was
#: listed as a figure the English does not state (bilingual review round 20's recheck of a Hong Kong op-ed translation).
TIME_QUALIFIED_YEAR = re.compile(r"(?<![A-Za-z])(?:mid|early|late|pre|post|end|start)-((?:19|20)\d\d)(?![\d])", re.IGNORECASE)


def number_spans(text: str) -> list[tuple[int, int, str]]:
    """Each number's span and value term: ``(start, end, "#24000")``; a Chinese numeral needs a unit or 百分之."""
    units = load_number_units()
    found = []
    for m in _number_pattern().finditer(text):
        if not (m.group("arabic") or m.group("han")):
            continue
        scale, after = (m.group("scale") or "").lower(), (m.group("after") or "").lower()
        if m.group("han"):
            if not (scale or after or m.group("pre")):
                continue
            if m.group("han")[0] in "零〇" and len(m.group("han")) > 1:
                continue  # a count never opens on a zero (零一万物 is a name); 二〇二四 opens on 二
            value = chinese_numeral(m.group("han"), units["digit"])
            if value is None or value == 0:
                continue
        else:
            following = text[m.end():m.end() + 1]
            if not (scale or after) and following.isascii() and following.isalpha() \
                    and not GLUED_UNIT.match(text, m.end()):
                continue  # digits glued to letters name a thing (4o, 3rd), as in claims' numbers; not to a unit (1.9kg)
            if not (scale or after) and m.start() >= 2 and text[m.start() - 1] in "-‑" and HAN_CHAR.match(text[m.start() - 2]):
                continue  # a Chinese name's version (澜河-3, 通义千问-2), as 'Lanhe-3' is (bilingual review round 10)
            value = float(m.group("arabic").replace(",", ""))
        scale_key = re.sub(r"\s+", " ", scale)
        value *= units["scale"].get(scale_key, 1.0)
        after_key = re.sub(r"\s+", " ", after)
        end = m.end()
        if after_key == "成" and text[end:end + 1] == "半":  # 一成半 = 15%, 两成半 = 25%: half a tenth more
            value, end = value + 0.5, end + 1
        if m.group("pre") or after_key in units["percent"]:
            term = NUMBER_TERM + "%" + _canonical(value * units["percent"].get(after_key, 1.0))
        elif after_key in units["times"] and not scale_key:  # "16 million times" counts, "30 times" multiplies
            term = NUMBER_TERM + "x" + _canonical(value)
        elif measure := next((kind for kind in MEASURES if after_key in units[kind]), None):
            term = NUMBER_TERM + MEASURES[measure] + _canonical(value * units[measure][after_key])
        else:
            term = NUMBER_TERM + _canonical(value)
        found.append((m.start(), end, term))
    found += [(m.start(1), m.end(1), NUMBER_TERM + m.group(1)) for m in TIME_QUALIFIED_YEAR.finditer(text)]
    found.sort()
    found = _compound_numbers(text, found, units["scale"])
    found = _distribute_range_units(text, found)
    found = _distribute_contrast_units(text, found)
    taken = [(a, b) for a, b, _ in found]
    found += [w for w in _word_spans(text) if not any(a < w[1] and w[0] < b for a, b in taken)]
    return sorted(found)


#: What joins the two ends of a range whose unit only the second end carries ('60 to 62 percent', '5-7 million',
#: 'between 3 and 4 billion', 5至7亿): the first end takes the second's unit (bilingual review round 7).
RANGE_JOIN = re.compile(r"^\s*(?:to|-|–|—|and|or|至|到|～|~)\s*$", re.IGNORECASE)


def _distribute_range_units(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A bare number that a range joins to a number with a unit ('60 to 62 percent'): the unit is the range's.

    >>> [t for _, _, t in number_spans("in the range of 60 to 62 percent")]
    ['#%60', '#%62']
    >>> [t for _, _, t in number_spans("5 to 7 million units")], [t for _, _, t in number_spans("5至7亿元")]
    (['#5000000', '#7000000'], ['#500000000', '#700000000'])
    """
    out = list(found)
    for k in range(len(out) - 1):
        a, b, term = out[k]
        c, d, nxt = out[k + 1]
        body, other = term[len(NUMBER_TERM):], nxt[len(NUMBER_TERM):]
        if body[:1].isdigit() and not re.search(r"[A-Za-z%\u4e00-\u9fff]", text[a:b]) and RANGE_JOIN.match(text[b:c]):
            value = float(body)
            if other.startswith("%"):
                out[k] = (a, b, NUMBER_TERM + "%" + _canonical(value))
            elif other[:1].isdigit():
                # a scale the second end carries ('5 to 7 million'): the first end is scaled alike
                second = re.sub(r"[^0-9.,]", "", text[c:d].split()[0]).replace(",", "")
                try:
                    factor = float(other) / float(second) if second else 1.0
                except ValueError:
                    factor = 1.0
                if factor > 1 and value * factor < float(other) * 10:
                    out[k] = (a, b, NUMBER_TERM + _canonical(value * factor))
    return out


#: What joins a number with a unit to a bare number it is set against, whose unit the first one gives ('80 kilowatts
#: instead of 25', '38 percent, up from 30', '1.2 gigawatts versus 900'): the second takes the first's unit (bilingual
#: review round 20: a translation's 每机柜80千瓦而非25千瓦 was listed as a figure no English sentence states).
CONTRAST_JOIN = re.compile(r"^\s*,?\s*(?:instead\s+of|rather\s+than|up\s+from|down\s+from|versus|vs\.?|"
                           r"compared\s+(?:with|to))\s*$", re.IGNORECASE)


def _distribute_contrast_units(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A bare number set against a number with a unit ('80 kilowatts instead of 25'): the unit is the first one's.

    >>> [t for _, _, t in number_spans("racks at 80 kilowatts instead of 25.")]
    ['#W:80000', '#W:25000']
    >>> [t for _, _, t in number_spans("a share of 38 percent, up from 30 a year ago")]
    ['#%38', '#%30']
    >>> [t for _, _, t in number_spans("80 kilowatts for 25 racks")]
    ['#W:80000', '#25']
    """
    out = list(found)
    for k in range(len(out) - 1):
        a, b, term = out[k]
        c, d, nxt = out[k + 1]
        body, other = term[len(NUMBER_TERM):], nxt[len(NUMBER_TERM):]
        if not other[:1].isdigit() or re.search(r"[A-Za-z%\u4e00-\u9fff]", text[c:d]) or not CONTRAST_JOIN.match(text[b:c]):
            continue
        value = float(other)
        mark, rest = measure_mark(body)
        if body.startswith("%"):
            out[k + 1] = (c, d, NUMBER_TERM + "%" + _canonical(value))
        elif mark:
            first = re.match(r"[0-9][0-9,]*(?:\.[0-9]+)?", text[a:b])
            try:
                factor = float(rest) / float(first.group().replace(",", "")) if first else None
            except (ValueError, ZeroDivisionError):
                factor = None
            if factor:
                out[k + 1] = (c, d, NUMBER_TERM + mark + _canonical(value * factor))
    return out


@lru_cache(maxsize=None)
def _word_pattern(path: str = str(NUMBER_UNITS_PATH)) -> re.Pattern | None:
    """The words that are values by themselves (twice, 翻倍, half, 一半): one alternation, whole Latin words."""
    units = load_number_units(path)
    words = [*units["times_word"], *units["percent_word"]]
    if not words:
        return None
    return re.compile(r"(?<![A-Za-z])(?:" + _alternation(words) + ")", re.IGNORECASE)


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    """Each value word's span and term: ``twice`` → #x2, ``一半`` → #%50."""
    pattern = _word_pattern()
    if pattern is None:
        return []
    units = load_number_units()
    found = []
    for m in pattern.finditer(text):
        word = re.sub(r"\s+", " ", m.group().lower())
        if word in units["times_word"]:
            found.append((m.start(), m.end(), NUMBER_TERM + "x" + _canonical(units["times_word"][word])))
        elif word in units["percent_word"]:
            found.append((m.start(), m.end(), NUMBER_TERM + "%" + _canonical(units["percent_word"][word])))
    return found


def number_terms(text: str) -> set[str]:
    """The value terms of every number in ``text`` (see ``number_spans``)."""
    return {term for _, _, term in number_spans(text)}


def number_word_terms(text: str) -> set[str]:
    """The value terms of the English numbers spelt out in ``text`` ('nine years' → #9), for the figures to check: the
    aligner leaves them aside (a word such as 'one' is mostly not a figure)."""
    units = load_number_units()
    spelt, scale = units["number_word"], {k.lower(): v for k, v in units["scale"].items()}
    words = re.findall(r"[a-z]+", text.lower())
    # a spelt number before a scale word is their product ('seven billion', 'seven-billion-parameter' → #7000000000)
    return {NUMBER_TERM + _canonical(spelt[w] * (scale[n] if n in scale else 1))
            for w, n in zip(words, words[1:] + [""]) if w in spelt}


#: Words that make a Chinese number a round figure: before it (将近四成, 约 2.4 万, 超过 30%) or after it (40% 左右).
APPROXIMATE_BEFORE = re.compile(r"(?:将近|將近|接近|近乎|大约|大約|大概|约|約|近|逾|超过|超過|超|多达|多達)\s*$")
APPROXIMATE_AFTER = re.compile(r"^\s*(?:左右|上下|多)")
ROUND_MARK = "~"


def measure_mark(body: str) -> tuple[str, str]:
    """A value term's body (after NUMBER_TERM and any ROUND_MARK) split into its quantity's mark ('W:', 'Wh:', 'm:';
    '' for a plain count, a share or a ratio) and the rest.

    >>> measure_mark("W:300000000"), measure_mark("%40")
    (('W:', '300000000'), ('', '%40'))
    """
    head, colon, rest = body.partition(":")
    return (head + colon, rest) if colon and head + colon in MEASURES.values() else ("", body)


def rounded_term(term: str) -> str | None:
    """A value term's round figure: a percentage to the nearest ten, a count to two significant digits; None for a
    ratio. A Chinese round figure (将近四成) meets the English's exact one (39.2%) through it.

    >>> rounded_term("#%39.2"), rounded_term("#24312"), rounded_term("#x30"), rounded_term("#1180000000")
    ('#~%40', '#~24000', None, '#~1200000000')
    """
    body = term[len(NUMBER_TERM):]
    if body.startswith("x"):
        return None
    mark, body = measure_mark(body)
    if mark:
        value = float(body)
        return NUMBER_TERM + ROUND_MARK + mark + _canonical(float(f"{value:.2g}")) if value else None
    if body.startswith("%"):
        value = float(body[1:])
        return NUMBER_TERM + ROUND_MARK + "%" + _canonical(round(value / 10) * 10)
    value = float(body)
    return NUMBER_TERM + ROUND_MARK + _canonical(float(f"{value:.2g}")) if value else None


def rounded_terms(text: str) -> set[str]:
    """The round figures of every number in an English text (``rounded_term``): what a Chinese round figure meets."""
    return {r for _, _, term in number_spans(text) if (r := rounded_term(term))}


def chinese_number_terms(text: str) -> set[str]:
    """A Chinese sentence's value terms, a round figure (将近四成, 约2.4万, 40%左右, any 成) as its ``rounded_term``: it
    says no more than that, so it meets any English figure that rounds to it and not only the exact one.

    >>> sorted(chinese_number_terms("将近四成的修改改错了，共有 12,400 道题"))
    ['#12400', '#~%40']
    """
    return {chinese_term(text, a, b, term) for a, b, term in number_spans(text)}


def chinese_term(text: str, a: int, b: int, term: str) -> str:
    """The value term of the Chinese number ``text[a:b]`` (``term``, from ``number_spans``) as a reader takes it: its
    ``rounded_term`` when the number is a round figure (any 成, or an approximation word around it), else ``term``."""
    rounded = rounded_term(term)
    if rounded and (text[b - 1:b] == "成" or APPROXIMATE_BEFORE.search(text[max(0, a - 3):a])
                    or APPROXIMATE_AFTER.match(text[b:b + 3])):
        return rounded
    return term


#: Words that make a Chinese figure a bound: at least it (逾 150 亿, 3000 多家, 300 余人, 99% 以上) or at most it (近 8 亿, 不到 5%).
AT_LEAST_BEFORE = re.compile(r"(?:逾|超过|超過|超|至少|多于|多於|高于|高於)\s*$")
AT_LEAST_AFTER = re.compile(r"^\s*(?:多|余|餘|有余|有餘|以上)")
AT_MOST_BEFORE = re.compile(r"(?:将近|將近|接近|近乎|近|不到|不足|少于|少於)\s*$")


def chinese_range(text: str, a: int, b: int, term: str) -> tuple[str, float, float] | None:
    """The values a bounded Chinese figure ``text[a:b]`` covers, as (kind, low, high): 3000多 is 3,000 to 4,000 (one
    unit of its last digit above), 逾150亿 15 to 16 billion, 近8亿 700 to 800 million; kind '%' for a share, '' for a
    count; None for a figure with no bound word, a ratio or a round figure's term.

    >>> chinese_range("共有3000多家", 2, 6, "#3000"), chinese_range("近8亿", 1, 3, "#800000000")
    (('', 3000.0, 4000.0), ('', 700000000.0, 800000000.0))
    >>> chinese_range("99%以上", 0, 3, "#%99"), chinese_range("共有3000家", 2, 6, "#3000") is None
    (('%', 99.0, 100.0), True)
    """
    body = term[len(NUMBER_TERM):]
    if body[:1] in ("x", ROUND_MARK):
        return None
    mark, body = measure_mark(body)
    kind, value = ("%", float(body[1:])) if body.startswith("%") else (mark, float(body))
    if value <= 0:
        return None
    place = math.floor(math.log10(value))
    while place > -6 and abs(value / 10 ** place - round(value / 10 ** place)) > 1e-9:
        place -= 1
    unit = 10.0 ** place
    if AT_LEAST_BEFORE.search(text[max(0, a - 3):a]) or AT_LEAST_AFTER.match(text[b:b + 3]):
        return kind, value, value + unit
    if AT_MOST_BEFORE.search(text[max(0, a - 3):a]):
        return kind, value - unit, value
    if about_figure(text, a, b):
        half = 10.0 ** min(place, 0) / 2  # 约39% meets 39.1%, 约40% meets 39.6% but not 36%: rounded to its units
        return kind, value - half, value + half
    return None


#: 'About' before or after a Chinese figure (约39%, 大约3400, 2%左右): the figure rounded, met by what rounds to it.
ABOUT_BEFORE = re.compile(r"(?:约|约为|大约|大概|約|約為|大約)$")
ABOUT_AFTER = re.compile(r"\s*(?:左右|上下)")


def about_figure(text: str, a: int, b: int) -> bool:
    """Whether the Chinese figure ``text[a:b]`` says 'about' (约6亿, 40%左右): a rounding, not a bound.

    >>> about_figure("约6亿美元", 1, 3), about_figure("近8亿美元", 1, 3)
    (True, False)
    """
    return bool(ABOUT_BEFORE.search(text[max(0, a - 3):a]) or ABOUT_AFTER.match(text[b:b + 3]))


def within_range(bounds: tuple[str, float, float], terms: set[str]) -> bool:
    """Whether one of the value ``terms`` (an English sentence's) lies in ``bounds`` (``chinese_range``)."""
    kind, low, high = bounds
    for term in terms:
        body = term[len(NUMBER_TERM):]
        if body[:1] in ("x", ROUND_MARK):
            continue
        mark, body = measure_mark(body)
        if (mark or ("%" if body.startswith("%") else "")) != kind:
            continue
        if low <= float(body.lstrip("%")) <= high:
            return True
    return False


#: How far a quantity converted from another unit may stand from the English's (100 miles written as 160 公里, 1.6
#: GW as 160万千瓦): a translator rounds what they convert.
CONVERSION_TOLERANCE = 0.03


def converted_match(term: str, terms: set[str]) -> bool:
    """Whether a quantity's ``term`` (a measure: power, energy, distance) meets one of ``terms`` of the same quantity
    within CONVERSION_TOLERANCE.

    >>> converted_match("#m:160000", {"#m:160934.4"}), converted_match("#m:200000", {"#m:160934.4"})
    (True, False)
    """
    mark, body = measure_mark(term[len(NUMBER_TERM):].lstrip(ROUND_MARK))
    if not mark:
        return False
    value = float(body)
    for other in terms:
        other_mark, other_body = measure_mark(other[len(NUMBER_TERM):].lstrip(ROUND_MARK))
        if other_mark == mark and abs(float(other_body) - value) <= CONVERSION_TOLERANCE * max(abs(value), 1e-9):
            return True
    return False


def mask_numbers(text: str) -> str:
    """``text`` with every number span blanked (same length), so its digits and unit words are not read again."""
    spans = number_spans(text)
    if not spans:
        return text
    chars = list(text)
    for start, end, _ in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)

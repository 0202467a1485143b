"""Every regular expression of the engine, compiled once, each under an UPPER_CASE name: first the character
classes several stages share, then each stage's own, in the order the stages run. (Cue patterns are built from the
reference files by ``helpers.vocab``, alias patterns from the gazetteer by ``helpers.tables.entities``.)
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
LATIN_ACCENTED_CLASS = r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # Latin-1's × and ÷ are signs, not letters
LATIN_LETTER_CLASS = r"A-Za-z" + LATIN_ACCENTED_CLASS
LATIN_ACCENTED_LETTER = re.compile(f"[{LATIN_ACCENTED_CLASS}]")
LATIN_CLASS = LATIN_LETTER_CLASS + "0-9"
LATIN_LETTER = re.compile(f"[{LATIN_LETTER_CLASS}]")
#: What is not Han, not a Latin letter: removed, what is left counts them (faster than a list of every match).
NOT_HAN_RUN = re.compile(f"[^{HAN_CLASS}]+")
NOT_LATIN_LETTER_RUN = re.compile(f"[^{LATIN_LETTER_CLASS}]+")

#: An English possessive ending: "Nvidia's", "Acme’s".
POSSESSIVE = re.compile(r"['’][sS]$")
WHITESPACE = re.compile(r"\s+")


# ---- text.parse: lines, sentences, bylines, glued units ------------------------------------------

LINE = re.compile(r"[^\r\n]+")

# A list item: "1.", "2、", "(3)", "（4）", "①", or a bullet at the start of the line.
ENUMERATOR = re.compile(r"^(?:\d{1,2}\s*[.．、)）](?!\d)|[(（]\d{1,2}[)）]|[①-⑳]|[-–•*·▪●◆]\s)")

# Lines that end like a sentence or a clause are not headings.
TERMINAL = re.compile(r"[。！？!?…;；,，:：.]['\"”’）)]*$")

# A table's row as copy-paste leaves it ("Cards | Foo-13B | Foo-30B"): a cell between two bars. Not a heading.
TABLE_ROW = re.compile(r"\|[^|\r\n]*\S[^|\r\n]*\|")
#: What parts a table's cells when its rows are rendered one per line ('Model | Score').
TABLE_CELL_MARK = re.compile(r"[|｜]")
#: A clause's comma or semicolon in Chinese: a short line with a date that holds one is a sentence, not a byline.
CHINESE_CLAUSE_MARK = re.compile(r"[，；]")

ENDS_WITH_COLON = re.compile(r"[:：]['\"”’]*$")
ENDS_SENTENCE = re.compile(r"[。！？!?.…]['\"”’）)]*$")
MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE = re.compile(
    rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\s+{MONTHS},?\s+\d{{4}}\b"
    r"|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)

#: A newspaper's byline of reporters and their cities, nothing else on the line ('Edward Hale in Beijing', 'Ann Lee in
#: Hong Kong and Bo Chen in Shanghai'): bilingual review round 13.
NAME_IN_CITY = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s+in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
NEWS_BYLINE = re.compile(rf"^\s*{NAME_IN_CITY}(?:\s*,\s*{NAME_IN_CITY})*(?:,?\s+and\s+{NAME_IN_CITY})?\s*$")
BYLINE_LEAD = re.compile(r"^(?:By\s+(?:the\s+)?[A-Z]|(?:Written|Posted|Words)\s+by\s+(?:the\s+)?[A-Z]|(?:原推|原帖|原文)?作者\s*[:：|｜]|文\s*[/|｜]|编辑\s*[:：]|撰文\s*[:：|｜]|来源\s*[:：])")

#: A wire agency's credit alone on its line in brackets, with no digit and no sentence inside ('(Reuters)', '（路透）',
#: '（中央社）'): a news site's photo or story credit. A numbered item ('（1）') is an enumerator, matched before this.
BRACKETED_CREDIT = re.compile(r"^[(（][^()（）\d。！？.!?,，]{1,12}[)）]$")
#: A closing ornament alone on its line ('—— END ——', '- THE END -', '（全文完）', '（完）'): the post's end mark.
END_MARK = re.compile(r"^[\W_]*(?:THE\s+END|END|全文完|完)[\W_]*$"
                      # a closing line between dashes ('—— 以上为今日全部内容 ——', '- 完 -')
                      r"|^[—–-]{2,}\s*[^—–\-。！？]{1,14}\s*[—–-]{2,}$"
                      # an excerpt's end in brackets below an appended original ('[Excerpt ends.]', '(End of excerpt)',
                      # '（节选完）': bilingual review round 21, a leaked memo's excerpt after a commentary)
                      r"|^[\[(（【]\s*(?i:(?:end\s+of\s+(?:the\s+)?(?:excerpt|extract|memo|transcript))"
                      r"|(?:(?:the\s+)?(?:excerpt|extract|memo|transcript)\s+ends?))\s*[.。]?\s*[\])）】]$"
                      r"|^[（(【\[]\s*(?:节选|節選|摘录|摘錄|节录|節錄)(?:完|结束|結束)\s*[）)】\]]$")
#: A page-metadata label followed by nothing but a count ('閱讀 18,732', '阅读 2.4万'): a read count, not a heading.
COUNT_AFTER_LABEL = r"\s*[\d][\d,.]*\s*(?:[万萬kK]\+?)?\s*$"

#: A pictograph (emoji) or dingbat: site furniture often leads with one ('🤗 Hugging Face', '👋 Join us').
PICTOGRAPH = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\u3030\u303D]")
#: The separators of a row of links ('🤗 Model hub • 🤖 Mirror site', 'API | Docs | Blog').
LINK_ROW_SEPARATOR_CHARS = "|｜•·"
LINK_ROW_SEPARATOR = re.compile(rf"\s*[{re.escape(LINK_ROW_SEPARATOR_CHARS)}]\s*")
#: A figure's or table's caption, or a placeholder alt text: 'Figure 2. …', '表 1. …', '图 1：…', 'Image 1'.
CAPTION = re.compile(r"^[*_]{0,3}(?:Figure|Fig\.|Table|Image|Photo|Chart|图片|图|表|圖片|圖)\s*\d{1,3}(?:\s*[.:：]|\s*$)")
#: A display formula opening its line ('$$2f(x) \geq …$$', '\[ … \]', '\begin{equation}'): a formula, never a heading.
DISPLAY_MATH = re.compile(r"^\s*(?:\$\$|\\\[|\\begin\{)")
#: An image's placeholder standing alone on its line: 'Image 1', 'Photo 3', '图片 2', a Markdown image '![alt](src)', or a
#: bracketed one as reposts leave it ('[图片]', '【图片】', '(Video)'), or 图片 alone (a WeChat copy's; round 18).
IMAGE_PLACEHOLDER = re.compile(r"^(?:(?:Image|Photo|Picture|图片|圖片|图|圖)\s*\d{1,3}|图片|圖片|!\[[^\]\r\n]*\]\([^)\r\n]*\)"
                               r"|[\[【［(（]\s*(?:图片|圖片|图|圖|Image|Photo|Picture|视频|視頻|Video)\s*\d{0,3}\s*[\]】］)）])\s*$")
#: A label and a web address, nothing else: '项目主页：https://…', 'Paper: https://…', '官网速递：<url>', 'Demo: [demo](https://…)'.
#: The label is short (up to 12 characters, no sentence mark inside), the address the rest of the line.
LABELLED_URL = re.compile(r"^[*_#>\s-]{0,4}[^\s:：。.!！?？,，;；]{1,3}(?:[^:：。!！?？,，;；\r\n]{0,9})\s*[:：]\s*"
                          r"(?:<?(?:https?://|www\.)[!-;=?-~]+>?|\[[^\]\r\n]*\]\((?:https?://|www\.)[^)\s]*\))[\s*_。.]*$")
#: A link written in Markdown ('[Blog](https://…)') or a bare web address: one entry of a row of links.
LINK_ENTRY = re.compile(r"^(?:[^\s\[]{0,3}\s?\[[^\]\r\n]{1,40}\]\([^)\s]*\)|<?(?:https?://|www\.)\S+>?)$")
#: A photo or illustration credit line ('圖／路透', '图片来源：…', 'Photo: …', 'ILLUSTRATION: …'): the short line below it
#: is the picture's caption.
PHOTO_CREDIT = re.compile(r"^\W{0,3}(?:圖|图|圖片|图片|图片来源|圖片來源|攝影|摄影|photo|image|illustration|credit)\s*[:：/／|｜]", re.I)
#: A breadcrumb trail: two to six short entries joined by '>', '›', '»' or '/' with a space on each side ('Home > Blog').
BREADCRUMB_TRAIL = re.compile(r"^[^\s>›»/][^>›»/\r\n]{0,30}(?:\s[>›»/]\s[^>›»/\r\n]{1,30}){1,5}$")
#: A Chinese site's section trail with bars ('科技 | 人工智能', '首頁｜財經｜科技'): short Han names only, so a column's name
#: before a headline ('深度 | 中国 AI 实验室之旅') is not one.
BREADCRUMB_BARS = re.compile(r"^[\u4e00-\u9fff]{2,5}(?:\s*[|｜]\s*[\u4e00-\u9fff]{2,5}){1,4}$")
#: The words of a web address's host and folders (not its last segment, the page's own name).
URL_PARTS = re.compile(r"https?://([^/\s]+)((?:/[^/\s?#]+)*)/[^/\s?#]*")
#: A page-metadata line giving the page's title ('Title: …', '标题：…').
TITLE_FIELD = re.compile(r"^\s*(?:Title|Subject|标题|題目|题目|標題|主题)\s*[:：]\s*(?P<title>.+?)\s*$", re.I)
#: The number '00.' or '0、' before a document's title ('00. How We Sailed …'): a title, not the first list item.
TITLE_NUMBER = re.compile(r"^0{1,2}\s*[.．、]\s*\S")
#: A Chinese post's headline announcing the original after it ('…（原文附后）', '附英文原文'): the post's title, its
#: editor's framing of the whole, not a sentence of the Chinese version nor one of its writer's asides.
ORIGINAL_APPENDED = re.compile(r"[（(【\[]?\s*(?:英文)?原文(?:附后|附後|如下|在后|在後)\s*[）)】\]]?\s*[：:]?\s*$|[（(【\[]\s*附(?:英文)?原文\s*[）)】\]]\s*$"
                               # a line announcing the original below ('以下为原文：', '以下是英文原文')
                               r"|^\s*(?:以下为|以下為|以下是|下面是|下為|附|以下係|以下系|以下就係|以下就系|下面係|下面系|睇埋)(?:英文|中文)?(?:报道|報導|报导|文章|新闻|新聞|采访|採訪|演讲|演講|论文|論文|博客|博文|帖子|报告|報告|执行摘要|執行摘要|摘要|信件|来信|來信|信|财报|財報|新闻稿|新聞稿|公告|声明|聲明|评论|評論|社论|社論){0,2}(?:英文)?(?:原文|全文|原文全文)\s*[：:]?\s*$"
                               # any few words naming what is appended before 原文 and a colon ('以下为技术报告摘要及表格原文：',
                               # bilingual review round 16), or an excerpt of it ('以下为报告原文节选：', '以下为报道原文（节选）：', round 17)
                               r"|^\s*(?:以下为|以下為|以下是|下面是|下為)[^。！？，,；;：:]{0,16}?原文\s*[（(]?(?:节选|節選|摘录|摘錄|节录|節錄)?[）)]?\s*[：:]\s*$"
                               # '以下附上论文摘要和引言原文，方便大家对照阅读。' (a reason for appending it after a comma)
                               r"|^\s*(?:以下附上|以下附|下面附上|文末附上|文末附)[^。！？，,；;：:]{0,16}?原文\s*(?:[，,][^。！？]{0,16}(?:对照|對照|参考|參考|阅读|閱讀)[^。！？]{0,6})?\s*[：:。.]?\s*$"
                               # the bare label over the original ('英文原文：', '【英文原文】': bilingual review round 20, a WeChat
                               # commentary's line before the podcast's English)
                               r"|^\s*[【\[（(]?\s*(?:英文|英語|英语)原文\s*[】\]）)]?\s*[：:]?\s*$"
                               # a numbered original's label over it, in a post comparing several ('原文一：', '英文原文2：')
                               r"|^\s*(?:英文)?原文\s*[一二三四五六七八九十\d]{1,2}\s*[：:]?\s*$"
                               # the original post and its comments ('以下为原帖及部分评论原文：': round 10)
                               r"|^\s*(?:以下为|以下為|以下是|下面是|附)(?:英文)?原?(?:节目|節目|播客|视频|視頻)(?:简介|簡介|说明|說明|介绍|介紹)\s*[：:]?\s*$"
                               r"|^\s*(?:以下为|以下為|以下是|下面是|附)(?:英文)?(?:原帖|原贴|原帖子)(?:[及和与與](?:部分)?(?:评论|評論|回复|回覆))?(?:原文|全文|原文全文)?\s*[：:]?\s*$"
                               # a post over several threads or posts, in brackets, with a note on their order or cuts ('（以下为三条
                               # 原推，按发布时间排列，个别推文有删节）': bilingual review round 20, a Weibo post over three X threads)
                               r"|^\s*[（(]\s*(?:以下为|以下為|以下是|下面是|下為)[^。！？，,（()）：:]{0,12}?(?:原推文|原推|原帖|原贴|原文)"
                               r"(?:[，,][^。！？（()）]{0,30})?\s*[）)]\s*$"
                               # '附：备忘录节选（英文原文）': 附 and a colon, a few words naming what is appended, then the
                               # bracketed 原文 (bilingual review round 21, a commentary over a leaked memo's excerpt)
                               r"|^\s*附\s*[：:]\s*[^。！？，,；;：:]{0,16}?[（(【\[]?\s*(?:英文|英語|英语)?原文"
                               r"(?:节选|節選|摘录|摘錄|节录|節錄|全文)?\s*[）)】\]]?\s*[：:]?\s*$")
#: A numbered section line: '1. Definitions', '6) Dispute Resolution', '1. 定义', '第一条 …', '一、…', '（二）…'.
SECTION_NUMBER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[.．、)）]?\s+(?=\S)|\d{1,2}\s*[.．、)）]\s*(?=\S)"
    r"|第[一二三四五六七八九十百\d]{1,4}\s*[条條章节節部分篇]\s*|[一二三四五六七八九十]{1,3}\s*[、.．]\s*|[(（][一二三四五六七八九十]{1,3}[)）]\s*)"
)
#: A run of two to five Title-Case words opening a block, then a capitalised word that opens a sentence: the head of
#: a run-in heading separated by one space ('Code Helpers As of May 2020, Code Helpers run…').
RUN_IN_HEADING = re.compile(
    r"^([A-Z][A-Za-z0-9'’&.-]*(?: (?:[A-Z][A-Za-z0-9'’&.-]*|of|and|for|the|to|in|on|a|an|with|vs\.?)){1,4}) "
    r"(?=(?:The|This|That|These|Those|There|It|As|In|When|Where|What|While|How|Our|Some|Most|Many|But|After|Before|With|From|We|If|For|One|Each|Every|Since|Today|Over|At|By|On)\b[ ,])"
)
#: A line naming a file, then what it holds: a folder's table of contents ('01-concept-x.md：…').
FILE_ENTRY = re.compile(r"^[\w.-]+\.(?:md|markdown|txt|pdf|html?|ipynb|py|rst)\s*[:：]", re.ASCII)
#: A label, a colon, then a handle: a credits line ('译员：@alice、@bob', 'Reviewers: @carol').
HANDLE_AFTER_LABEL = re.compile(r"[:：]\s*@\w")
#: Inside an English line: a sentence's end, then the next sentence ('… holding us back. In the end …').
INNER_SENTENCE_END = re.compile(r"[a-z0-9][.!?][’”\"')]?\s+[A-Z][a-z]")
#: Inside an English line: a comma, then a lowercase word: a clause ('To begin, please open …').
COMMA_CLAUSE = re.compile(r",\s+[a-z]")
#: A numbered list run on one line after its label: the next item's number after a space ('… 2、…', '… 3. …').
RUN_ON_ITEM = re.compile(r"(?<=\s)(\d{1,2})\s*[、.．)）](?!\d)")
#: A bare web address, alone on its line.
#: A web address or a file name inside a line ('https://…', 'context-as-finite-budget.md'): words in it are no theme's.
ADDRESS_OR_FILE = re.compile(
    r"(?:https?://|www\.)\S+|[\w.-]+\.(?:md|markdown|txt|pdf|html?|ipynb|py|rst|json|csv|ya?ml)\b", re.ASCII)
BARE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$")
#: A date, then a colon or a closing bracket: a dated news item ('[2024.03.26] 我们发布了…', '2024-03-08: …'), not a byline.
DATED_ITEM = re.compile(r"^\W*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*[\]】:：]")

#: A run of word characters (with apostrophes, dots and hyphens): what a quoted cut line keeps.
WORD_RUN = re.compile(r"[\w'’.-]+")

# Words that start an English sentence. A lowercase word glued to one of them ("labThe thing")
# marks two units run together; the list holds no word that ends a brand name (LinkedIn, OpenAI).
# The match is the opener itself, its start the seam; each opener is written as its first letter, then what must stand
# before it, then the rest (speed: a pattern that opens on a lookbehind is tried at every character, one that opens on
# a letter only where that letter stands).
GLUED_HEADING_OPENERS = ("The", "This", "That", "These", "Those", "There", "When", "Where", "What", "While", "How", "Our",
                         "Some", "Most", "Many", "But", "And", "After", "Before", "With", "From")
GLUED_HEADING = re.compile(
    "(?:" + "|".join(rf"{w[0]}(?<=[a-z][a-z)”’\"']{w[0]}){w[1:]}" for w in GLUED_HEADING_OPENERS) + r")\b"
)

# A sentence run into the next: "not spending.Some Chinese".
# Also after a closing quote: "a game of telephone.’Direct outputs".
# The match is the terminator and its quote, its end the seam (speed: a pattern that opens on a lookbehind is tried at
# every character, one that opens on a terminator only where one stands).
GLUED_SENTENCE = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[’”]?(?=[A-Z](?:[a-z]|[A-Z]{2}))")

# Sentence ends. Chinese: full- and half-width terminators with the closing marks that follow.
# A terminator after the closing marks belongs to the same end ("…何在。”。" is one end, not a lone "。").
# A translator's note's tortoise-shell bracket closes with its sentence ('〔譯註：…美國。〕'): no lone '〕', and the next
# sentence does not open on it (bilingual review round 20: a Hong Kong outlet's translation).
# (Written to open on one class of every terminator, the run it starts checked after it, speed: re then looks only
# where a terminator stands, where three alternatives opening on different classes were tried at every character.)
ZH_END = re.compile(r"[。！？；!?;….](?:(?<=[。！？；!?;])[。！？；!?;]*|(?<=…)…*|(?<=\.)\.{2,})(?:[”’」』）)】》〕〗］\]\"'][。！？；!?;]*)*(?:[\[［]\d{1,3}[\]］])*")

# Quotation marks that open a quoted passage in Chinese, and what may stand before a quotation that is a sentence of
# its own (a colon, the block's start, a sentence end): a quoted sentence without one is embedded in a longer one.
ZH_OPEN_QUOTE = "“「『‘"
ZH_CLOSE_QUOTE = "”」』’"
ZH_QUOTE_INTRODUCERS = "：:。！？；!?;"

# English: a terminator, closing marks, then space and something that can start a sentence.
EN_END = re.compile(r"[.!?]+[”’\"')\]]*(?:\[\d{1,3}\])*(?=\s+[“‘\"'(\[]?[A-Z0-9\u4e00-\u9fff])")

# After these an abbreviation may still end a sentence ("...in the U.S. The next day").
SENTENCE_STARTERS = re.compile(
    r"\s+(?:The|This|That|These|Those|There|It|I|We|They|He|She|In|As|But|And|So|When|Where|What|How|Some|Most|Many|Our|My)\b"
)

#: A software release's heading: a versioned name and its date ('Corvid-3.2 (October 14, 2026)', 'v2.1.0 – 2026-03-01'),
#: content, not a dated byline (bilingual review round 8).
RELEASE_HEADING = re.compile(r"^(?:[A-Za-z][\w.]*?(?:[- ]v?|v)|[vV])\d+(?:\.\d+)+\s*[(（—–-]")

INITIAL = re.compile(r"^(?:[A-Z]\.)+$")


# ---- tables.claims: numbers ----------------------------------------------------------------------

# Numbers and amounts: "$10M+", "3-9", "2026年", "1.5倍", "40%", "三亿". Digits glued to Latin letters
# belong to names (Ai2, Ring-1T, 01.ai) and are not numbers.
NUMBER = re.compile(
    r"(?<![A-Za-z0-9.\-])"
    r"(?:[$¥€£]\s?)?\d+(?:[.,]\d+)*(?:\s?[-–~]\s?\d+(?:[.,]\d+)*)?"
    r"(?:\s?(?:%|％|[KMBT](?![a-z])|bn|million|billion|trillion|thousand|万亿|万|亿|千|百|倍|年|个月|月|天|人|家|美元|元|块))?\+?"
    r"(?![A-Za-z0-9]|\.[A-Za-z0-9])"
    r"|[零一二三四五六七八九十百千两]+(?:万亿|万|亿)"
)

# What every NUMBER match holds (a digit, or a Chinese numeral of its second branch): a text without one has no number,
# and this search is far cheaper than NUMBER's own scan (speed: most sentences have none).
NUMBER_HINT = re.compile(r"[\d零一二三四五六七八九十百千两]")

# "1." or "2、" opening a list item is an enumerator, not a number in the claim.
# a pictograph or two before the number ('✨ 1. …', a social post's list) is decoration, not part of it
ENUMERATOR_NUMBER = re.compile("^\\s*(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]\uFE0F?\\s*){0,2}\\d{1,2}\\s*[.．、)）]")
# A section number of a Chinese writer's outline: "三、", "第二部分", "（四）".
OUTLINE_ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十\d]{1,3}[部章节篇]|[(（][一二三四五六七八九十]{1,3}[)）])")


# ---- tables.entities: names and candidate names --------------------------------------------------

LATIN_CHAR_RE = re.compile(rf"[{LATIN_CLASS}]")
LATIN_CHAR_IGNORECASE_RE = re.compile(rf"[{LATIN_CLASS}]", re.IGNORECASE)  # a case-ignoring alias's boundary, as re sees it
ENTITY_ID_RE = re.compile(r"[a-z0-9][a-z0-9_]*")
LATIN_BEFORE = rf"(?<![{LATIN_CLASS}])"
LATIN_AFTER = rf"(?![{LATIN_CLASS}])"

INLINE_SPACE = r"[^\S\r\n]"  # a line ends at \n, \r\n or a lone \r (old Mac files)
#: What the gazetteer's matching view turns into one space: a run of inline spaces, or a lone tab, NBSP…
# (A run of two or more, or one that is not a plain space: written to open on a space character, speed: re then looks
# only where one stands, where two alternatives opening on classes were tried at every character.)
INLINE_RUN_RE = re.compile(rf"{INLINE_SPACE}(?:{INLINE_SPACE}+|(?<=[^\S \r\n]))")
#: An inline space that is not a plain one (``[^\S \r\n]``), its characters listed: a text holding none of them and no
#: two plain spaces together holds no ``INLINE_RUN_RE`` (found three times as fast as that pattern's search, which
#: stops at every space of an English text).
OTHER_INLINE_SPACE_RE = re.compile("[\t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")

# A Latin word: letters/digits, inner . - & + and apostrophes ("42.ai", "Zing-2T", "Acme’s").
LATIN_WORD_RE = re.compile(
    rf"{LATIN_BEFORE}[{LATIN_CLASS}]+(?:[.\-&+'’][{LATIN_CLASS}]+)*"
)

INLINE_GAP_CHARS = " \t\u00A0"  # a gap of only these joins two Latin words into one run
#: A chain of Latin words joined by inline gaps, all of them lowercase ASCII letters: no candidate name comes of it.
LOWERCASE_CHAIN_RE = re.compile(rf"[a-z]+(?:[{INLINE_GAP_CHARS}]+[a-z]+)*")
#: What may follow a Latin word's last character without the word going on (``LATIN_WORD_RE``).
LATIN_WORD_END = rf"(?![{LATIN_CLASS}]|[.\-&+'’][{LATIN_CLASS}])"


def trie_pattern(words: list[str]) -> str:
    """One alternation of ``words`` (escaped) as a trie: each character tried once where several words share it, and
    the longest word first where one is a prefix of another (``trie_pattern(["a", "ab", "b"])``: ``(?:a(?:b)?|b)``)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        children = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


def literal_not_after(chars: str, literal: str) -> str:
    """``(?<![chars])literal``, ``literal`` already escaped (a fixed width), written to open on the literal itself: re
    then finds it by its first characters, where a pattern that opens with a lookbehind is tried at every character of
    the text (a name looked for in a document: 0.5 ms a search on 20 kB, against 15 µs).

    >>> pattern = re.compile(literal_not_after("A-Za-z", re.escape("Zorb")))
    >>> [m.start() for m in pattern.finditer("Zorb aZorb Zorb-2 xZorb")], pattern.pattern
    ([0, 11], 'Zorb(?<![A-Za-z]Zorb)')
    """
    return f"{literal}(?<![{chars}]{literal})"


def word_chain_re(skipped: frozenset[str]) -> re.Pattern:
    """Chains of Latin words (``LATIN_WORD_RE``) joined by inline gaps, a word of ``skipped`` (lowercase ASCII
    letters) breaking them: it is no part of any chain.

    >>> [m.group() for m in word_chain_re(frozenset({"the"})).finditer("Foo Bar the Baz-2,  qux")]
    ['Foo Bar', 'Baz-2', 'qux']
    """
    body = LATIN_WORD_RE.pattern[len(LATIN_BEFORE):]
    word = (f"{LATIN_BEFORE}(?!(?:{trie_pattern(sorted(skipped))}){LATIN_WORD_END}){body}" if skipped
            else LATIN_WORD_RE.pattern)
    return re.compile(f"{word}(?:[{INLINE_GAP_CHARS}]+{word})*")
INLINE_GAP_RE = re.compile(f"[{INLINE_GAP_CHARS}]*")
TITLE_RE = re.compile(r"《([^《》\r\n]{1,80})》")
CAMEL_RE = re.compile(r"[a-z][A-Z]")
ACRONYM_RE = re.compile(r"[A-Z]{2,}s?")
CAPITALISED_RE = re.compile(r"[A-Z][a-z\u00DF-\u00FF]")
LOWER_WORD_RE = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
HAS_DIGIT_RE = re.compile(r"\d")
HAS_UPPER_RE = re.compile(r"[A-Z\u00C0-\u00DE]")
FOLDING_SPECIALS_RE = re.compile("[\u0130\u0131\u017f\u212a\u212b]")


# ---- tables.discover: organisations the gazetteer does not list ---------------------------------

# A Latin name: like LATIN_WORD_RE, without apostrophes (a possessive "Rokid's" yields "Rokid").
DISCOVER_WORD_RE = re.compile(rf"{LATIN_BEFORE}[{LATIN_CLASS}]+(?:[.\-&+][{LATIN_CLASS}]+)*")
# The same words, only those holding a capital or a digit (a lookahead over the word's characters): the rest (all
# lowercase) can be neither a versioned name, a model's nor an organisation's, so discovery need not look at them.
DISCOVER_NAMED_WORD_RE = re.compile(
    rf"{LATIN_BEFORE}(?=[{LATIN_CLASS}.\-&+]*[A-Z\u00C0-\u00DE0-9])[{LATIN_CLASS}]+(?:[.\-&+][{LATIN_CLASS}]+)*")
# URLs and e-mail addresses: no name inside them is a mention.
DISCOVER_WEB_ADDRESS = (r"(?:https?://|www\.)[^\s，。、）)\]」>\u3000]+"
                        # a bare host with a subdomain or a path ('investors.veridane.com', 'latticecloud.example/show'):
                        # its words are an address's ('01.ai' or 'Z.ai' alone is a company's name)
                        r"|(?<![\w@.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.(?:com|org|net|io|ai|cn|co|edu|gov|dev|app|tech"
                        r"|example|info|uk|de|jp|hk|tw)\b(?:/[^\s，。、）)\]」>\u3000]*)?"
                        r"|(?<![\w@.-])[A-Za-z0-9-]+\.(?:com|org|net|io|ai|cn|co|edu|gov|dev|app|tech"
                        r"|example|info|uk|de|jp|hk|tw)/[^\s，。、）)\]」>\u3000]*")
# (a paper's shared address, '{zhang, sun}@tsinghua.edu.cn', puts a brace before the "@": the domain is an address all
# the same)
DISCOVER_EMAIL_ADDRESS = r"(?:[\w.+-]+|\})@[\w-]+(?:\.[\w-]+)+"
DISCOVER_URL_RE = re.compile(f"{DISCOVER_WEB_ADDRESS}|{DISCOVER_EMAIL_ADDRESS}")
#: The same in a text without an "@", where no e-mail address can match (speed: the e-mail alternative is tried at
#: every word character, and reads each word to its end).
DISCOVER_WEB_ADDRESS_RE = re.compile(DISCOVER_WEB_ADDRESS)
#: An e-mail address alone, and a character its local part may hold (``discover.url_spans``).
DISCOVER_EMAIL_ADDRESS_RE = re.compile(DISCOVER_EMAIL_ADDRESS)
DISCOVER_EMAIL_LOCAL_CHAR_RE = re.compile(r"[\w.+-]")
# An organisation cue right after a name, in English ("Rokid Inc.", "Foo Labs", "Bar AI", "the Baz team"; not "the
# German company Baz", where "company" goes with the name after it)
# and in Chinese (Rokid 公司, 团队, 实验室, 研究院, 集团, 科技).
DISCOVER_EN_CUE_RE = re.compile(
    r"(?:'s)?[ \u00A0]+(?:Inc\b|Inc\.|Corp\b|Corporation\b|Ltd\b|LLC\b|GmbH\b|Labs?\b|AI\b|Research\b"
    r"|Technologies\b|Technology\b|Group\b|Foundation\b|Institute\b|University\b"
    r"|(?:team|company|startup)\b(?![ \u00A0]+[A-Z]))"
)
# What an organisation's name stands beside in English prose and a product's or person's does not: right before it,
# what is done to or at a company ("founded Rokid", "acquired by Acme", "backed by", "invested in", "works at"); right
# after it, an apposition ("Rokid, a Hangzhou startup", "Acme, the chip maker") or what a company has or does
# ("Rokid's CEO", "Acme's founder", "Acme raised $10m", "Acme's valuation").
DISCOVER_EN_BEFORE_RE = re.compile(
    r"(?:\b(?:co-?founded|founded|acquired|acquired by|backed by|funded by|invested in|investors? in|spun out of"
    r"|works? at|worked at|employees? (?:at|of)|(?:startups?|company|firm)(?:[ \u00A0]+(?:in|from|based in)[ \u00A0]+[A-Z][\w-]+)?[ \u00A0]+called|chief executive of|CEO of)[ \u00A0]+(?:the[ \u00A0]+)?)$"
)
# More of the same, each read only where the name is not a person's (no capitalised word follows it: "led by Ann
# Lee"; ``tables.discover._context_cue``): the kind of organisation right before the name ("the startup Foo", "the
# logistics firm Foo", "the online marketplace Foo"), what an organisation does or is done to ("led by Foo", "has also
# backed Foo", "GPUs provided by Foo", "partnered with Foo"; not "powered by" or "built by", said of a language or a
# library too: a name the text calls a tool is none, ``DISCOVER_PRODUCT_BEFORE_RE``), and who works there ("a partner at Foo", "researchers
# at the Foo Institute", "a team from Foo University", "co-founder of Foo").
DISCOVER_EN_BEFORE_MORE_RE = re.compile(
    r"(?:\b(?:startup|company|firm|retailer|marketplace|chipmaker|investor|publisher|provider|manufacturer"
    r"|(?:led|sponsored|operated|provided|offered|hosted|supplied) by|backed|backs|is acquiring|partnered with"
    r"|partners with"
    r"|(?:partners?|researchers?|engineers?|scientists?|teams?|spokesperson|professors?|co-?founders?|founders?|CEO"
    r"|executives?|employees?|staff|analysts?) (?:at|from|of))[ \u00A0]+(?:the[ \u00A0]+)?"
    # an apposition that names the company after its kind ("another startup, Foo,", "one such firm, Foo,")
    r"|\b(?:[Aa]nother|[Oo]ne|[Aa]|[Tt]he)[ \u00A0]+(?:[\w-]+[ \u00A0]+){0,2}?(?:startup|company|firm|chipmaker),[ \u00A0]+)$"
)
DISCOVER_EN_AFTER_RE = re.compile(
    r"(?:,[ \u00A0]+(?:an?|the)[ \u00A0]+(?:[\w-]+[ \u00A0]+){0,3}?(?:startup|company|firm|lab|laboratory|maker"
    r"|unicorn|conglomerate|giant|publisher|nonprofit|non-profit|retailer|marketplace|chipmaker|investor|carrier|operator|supplier|automaker|utility"
    r"|manufacturer)\b(?![ \u00A0]+[A-Z])"
    r"|(?:'s|’s)[ \u00A0]+(?:co-?founders?|founders?|CEO|chief executive|CTO|employees|staff|valuation|headquarters|investors"
    r"|board|shares|stock|IPO|researchers)\b"
    r"|[ \u00A0]+(?:is valued|was valued|went public|was acquired|was founded|were founded)\b)"
)
# What a company does or has, right after its name ("Foo launched Bar", "Foo is acquiring Baz", "Foo, whose tools …"),
# read only where no capitalised word stands right before the name (a person's surname: "Ann Lee announced").
DISCOVER_EN_AFTER_MORE_RE = re.compile(
    r"[ \u00A0]+(?:launched|launches|unveiled|unveils|announced|announces|is acquiring|has acquired|acquired"
    r"|partnered|partners)\b"
    # a round raised ("Foo raised", "Foo has just raised"): a founder raises one too ("Ann Lee has raised")
    r"|[ \u00A0]+(?:(?:has|had|have)[ \u00A0]+)?(?:(?:just|now|also|already|recently)[ \u00A0]+)?(?:raised|raises)\b"
    r"|,[ \u00A0]+whose[ \u00A0]+(?:tools|products|platform|software|services?|customers|engineers|staff|chips)\b"
)
# Words that make a name the source of a report, said of an organisation as of a person ("according to Foo", "a
# spokesperson for Foo", "Foo's spokesperson", "Foo said", "Foo told reporters"): read only for a name the text never
# writes as a person's (no capitalised word right before it anywhere, none right after it here: tables.discover).
DISCOVER_EN_SAID_BEFORE_RE = re.compile(
    r"(?:\b(?:[Aa]ccording to|spokes(?:person|man|woman) for|representative for|statement from)[ \u00A0]+(?:the[ \u00A0]+)?)$")
DISCOVER_EN_SAID_AFTER_RE = re.compile(
    r"(?:'s|’s)[ \u00A0]+(?:spokes(?:person|man|woman)|representative|statement)\b"
    r"|[ \u00A0]+(?:said|says|told|confirmed|declined to comment)\b")
DISCOVER_ZH_CUE_RE = re.compile(r"(?:公司|团队|实验室|研究院|研究所|集团|科技|基金会|大学|创始人|联合创始人|CEO|首席执行官|董事长|总裁)")
# The same in Chinese, right before the name: the kind of organisation it is (创业公司 Foo, 电商平台 Foo, 评测机构 Foo,
# 零售商 Foo, 物流业者 Foo); read only where no capitalised word follows the name (名为 or 叫 are not among them:
# 一项名为 Foo Mode 的功能 names a feature).
DISCOVER_ZH_BEFORE_RE = re.compile(r"(?:公司|机构|平台|零售商|业者|厂商|承运商|运营商|供应商|投资方|新创|初创|创企)[ \u00A0]*$")
# What a model or framework's name is followed by, never an organisation's: a version ("Zorb-7B", "Zorb2") or the kind
# of thing it is ("MindSpore 框架", "Zorb AI framework", "Zorb 模型", "Zorb models"): a name the text writes so names
# what someone made, and the "AI" or "team" beside it elsewhere is no organisation cue (tables.discover). Words a
# company's name also takes ("Rokid app", "OpenRouter API", 平台, "chips") are left out.
DISCOVER_PRODUCT_AFTER = (
    r"(?:-?\d|[ \u00A0]*(?:AI[ \u00A0]*)?(?:框架|模型|大模型|系列|套件"
    r"|(?:framework|model|toolkit|library|series|suite)s?\b))"
)
# What a tool's or a model's name stands after, never an organisation's: the kind of thing it is ("the evaluation tool
# Foo", 评测工具 Foo, "the Foo benchmark" is DISCOVER_PRODUCT_AFTER's).
DISCOVER_PRODUCT_BEFORE_RE = re.compile(
    r"(?:\b(?:tool|toolkit|framework|library|benchmark|dataset|model)|工具|框架|基准|数据集|模型)[ \u00A0]*$")
# Where a text sends its readers to a platform or community it names: "Join us on Foo", "find us on our Foo",
# "reach us at Foo"; 加入我们的 Foo, 关注我们的 Foo, 欢迎加入 Foo (an icon or a language word may stand between; 关注
# alone, "to watch", is no cue: 大家都很关注 Foo is news about Foo). What
# follows is a list of names ("Foo or Bar", "Foo 和 Bar"): ``DISCOVER_PLATFORM_NAMES_RE`` reads it.
DISCOVER_PLATFORM_CUE_VERBS = ("join", "follow", "find", "reach", "contact", "chat with")  # lowercase or capitalised
DISCOVER_PLATFORM_CUE_ZH = (r"欢迎(?:大家)?(?:加入|关注)(?:我们的?)?", r"加入我们的?", r"关注我们的?")
# Written as one alternative per spelling, each opening on its first character, a word boundary checked after it (speed:
# re then looks only where one of those characters stands; a pattern opening on \b was tried at every character).
DISCOVER_PLATFORM_CUE_RE = re.compile("|".join(
    [rf"{re.escape(first)}(?<!\w.){re.escape(verb[1:])}[ \u00A0]+us[ \u00A0]+(?:on|at|via)[ \u00A0]+(?:our[ \u00A0]+)?"
     for verb in DISCOVER_PLATFORM_CUE_VERBS for first in (verb[0].upper(), verb[0])]
    + list(DISCOVER_PLATFORM_CUE_ZH)))
# The names after a platform cue: each an optional icon or language word (English, 英文, official, 官方 …), then a Latin
# name, joined by "or", "and", commas, 和, 或(者), 、 or a slash.
DISCOVER_PLATFORM_NAMES_RE = re.compile(
    r"(?:(?:[ \u00A0]|[^\w\s，。,.;；:：!?！？()（）\[\]【】]{1,2}(?=[ \u00A0]*[\w\u4e00-\u9fff]))*"
    r"(?:(?:English|Chinese|Japanese|Korean|official|Official|英文|中文|日文|韩文|官方)[ \u00A0]*)?"
    r"(?P<name>[A-Za-z][A-Za-z0-9]*)"
    r"(?P<sep>(?:[ \u00A0]*(?:[,/、，]|\bor\b|\band\b|和|或者|或))+[ \u00A0]*(?:our[ \u00A0]+)?)?)"
)
# A word after a name that may be part of it ("Labs" in "Tidewell Labs", "Inc." in "Foo, Inc."): tables.discover checks
# it against org_name_words.csv.
DISCOVER_NAME_WORD_AFTER_RE = re.compile(r"(?P<comma>,)?[ \u00A0]+(?P<word>[A-Z][A-Za-z]*\.?)(?![A-Za-z0-9])")
# "University of " (or "… of the ") right before a name: the word that may open it (org_name_words.csv, role "of").
DISCOVER_OF_BEFORE_RE = re.compile(r"(?P<word>[A-Z][a-z]+)[ \u00A0]+of[ \u00A0]+(?:the[ \u00A0]+)?$")
# A file name or path ("images/corvane-plant.jpg"): a lowercase word in it is no evidence that the text writes a name in
# lowercase (the run opens where no path character stands before it, so each run is read once).
DISCOVER_FILE_NAME_RE = re.compile(
    r"(?<![\w./-])[\w./-]+\.(?:jpe?g|png|gif|svg|webp|md|txt|pdf|html?|ipynb|py|json|csv|ya?ml)\b", re.ASCII)
# What every file name above ends with: a text without it holds none (speed: the search for a literal "." is a scan).
DISCOVER_FILE_EXTENSION_RE = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|md|txt|pdf|html?|ipynb|py|json|csv|ya?ml)\b", re.ASCII)
#: The characters of a path's run (``DISCOVER_FILE_NAME_RE``'s and ``DISCOVER_REPO_ID_RE``'s lookbehind: ASCII \w, ./-).
PATH_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-")
# A repository id, owner/name, whose name holds a hyphen, a dot or a digit ("acme-lab/Zorb-7B", "org/foo.bar"): its
# lowercase owner is an account's name, no evidence that the text writes the word in lowercase ("and/or" is none).
DISCOVER_REPO_ID_RE = re.compile(r"(?<![\w./-])[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*[-.0-9][\w.-]*(?![\w/])", re.ASCII)
# A lowercase word, hyphenated parts included ("multi-agent"): a capitalised "Multi-agent" is that word, not a name.
DISCOVER_LOWER_RE = re.compile(rf"{LATIN_BEFORE}[a-z][a-z]+(?:-[a-z]+)*{LATIN_AFTER}")

# A model or product tied to its maker by the words between them: the model, then these, then the maker ("Zorb-7B,
# developed by Acme", "Zorb 由 艾克米 开发"), or the maker, then these, then the model ("Acme's Zorb-7B", "Acme released
# Zorb-7B", "艾克米推出的 Zorb-7B").
MADE_BY_AFTER_RE = re.compile(
    r"[ \u00A0]*,?[ \u00A0]*(?:(?:is|was|are|were|has been|have been)[ \u00A0]+)?(?:(?:jointly|originally)[ \u00A0]+)?"
    r"(?:developed|created|built|trained|released|open-sourced|made|launched|introduced|maintained)[ \u00A0]+by[ \u00A0]+"
    r"(?:the[ \u00A0]+|(?:our|its|their)[ \u00A0]+(?:partners?|collaborators?)[ \u00A0]+)?"
    r"|[ \u00A0]*由[ \u00A0]*(?:(?:我们|其|他们)的)?(?:合作伙伴|合作方)?[ \u00A0]*"
)
# A line that names the document's author, an organisation: "Posted by the Foo team", "By Foo". A model the text
# introduces in the first person is the author's: "Today we are releasing Zorb-7B", "Introducing Zorb-7B", 我们发布
# Zorb-7B (``MADE_BY_OWN_RE``, right before the model's name).
MADE_BY_AUTHOR_LINE_RE = re.compile(
    r"^[ \t]*(?:(?:[Pp]osted|[Ww]ritten|[Pp]ublished)[ \t]+)?(?:[Bb]y)[ \t]+(?:the[ \t]+)?(?P<name>[^\r\n]{2,60}?)"
    r"(?:[ \t]+[Tt]eam)?[ \t]*\r?$", re.MULTILINE)
MADE_BY_OWN_RE = re.compile(
    r"(?:\b(?:[Ww]e(?:[ \u00A0]+are|'re)?[ \u00A0]+(?:releasing|release|released|introducing|introduce|launching"
    r"|launch|open-sourcing|open-source|open-sourced)|[Ii]ntroducing|[Oo]ur[ \u00A0]+(?:new[ \u00A0]+|latest[ \u00A0]+)?model)"
    r"|我们(?:正式|今天)?(?:发布|推出|开源)了?)[ \u00A0]*$"
)
# A model or product its maker's pronoun owns, right before its name ("Its Zorb-7B", "its new Zorb-7B", "the company's
# flagship Zorb-7B", 其 Zorb-7B): the maker is the one organisation the sentence or the one before it names
# (tables.discover._made_by_rows).
MADE_BY_ITS_RE = re.compile(
    r"(?:\b(?:[Ii]ts|[Tt]he company(?:'s|’s))(?:[ \u00A0]+(?:new|newest|latest|flagship|own|first|next))*"
    r"|其(?:新款|最新|旗舰)?(?:产品|模型)?)[ \u00A0]*$"
)
# The Han characters right before a place (up to the window's start): what a Chinese name's head is read after.
HAN_BEFORE_RE = re.compile(f"[{HAN_CLASS}]+$")
# A Chinese organisation name ending in a word that also ends descriptions (青禾机器人, 微澜智能; 人形机器人, 具身智能) is
# taken only where the text treats it as an organisation: listed beside one (…和数渊科技, 青禾机器人、…) or doing what
# organisations do (微澜智能最近也在招聘, …完成A轮融资, …获得政府资助, …宣布; a robot that 完成 a task does not).
ZH_ORG_LIST_JOIN_RE = re.compile(r"[ \u00A0]*(?:和|与|及|以及|跟|、)[ \u00A0]*")
ZH_ORG_ACTION_AFTER_RE = re.compile(
    r"[ \u00A0]*[，,]?[ \u00A0]*(?:最近|近日|近期|日前|今年|去年|也|还|都|亦|已|已经|正在|在|刚刚|同样|先后|分别)*"
    r"(?:招聘|融资|宣布|成立|创办|上市|估值|裁员|获投"
    r"|(?:完成|获得|拿到|拿下|获)[^，。；！？,.;]{0,8}?(?:融资|投资|资助|注资))")
# A person's title or role right before a name (浙大教授高通, 创办人李小米): the name is a person's, whatever else it names.
PERSON_TITLE_ZH_BEFORE_RE = re.compile(
    r"(?:教授|副教授|研究员|院士|记者|博士|老师|律师|讲师|创办人|创始人|首席执行官|行政总裁|总裁|董事长|总经理)$")
# What marks a capitalised pair of words as a person's name ("By Nora Dell", "Professor Ann Dell", "Founder Ann Dell",
# 作者 Nora Dell; "Ann Dell, a partner at", "Ann Dell, who", "Ann Dell said"): a surname a company shares is then the
# person's.
PERSON_BEFORE_RE = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:By|Written by)|\b(?:Professor|Prof\.|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|[Ff]ounder|[Cc]o-founder|CEO"
    r"|[Cc]hief executive)|作者[：:]?|文[／/]|记者)[ \u00A0]*$")
PERSON_AFTER_RE = re.compile(
    r",[ \u00A0]+(?:a|an|the)[ \u00A0]+(?:[\w-]+[ \u00A0]+){0,3}?(?:partner|founder|co-founder|professor|researcher|analyst"
    r"|reporter|writer|journalist|engineer|investor|executive|editor|author)\b|,[ \u00A0]+who\b"
    r"|[ \u00A0]+(?:said|says|writes|wrote|told)\b")
PERSON_GIVEN_NAME_BEFORE_RE = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+)[ \u00A0]$")
# What a name ending in a weak name word stands before when it is a product's, not a company's ("the Foo Data platform",
# "Foo Cloud 控制台"): read only for ``prose_name``, whose names are heads of products as often as of companies.
PROSE_NAME_PRODUCT_AFTER_RE = re.compile(
    r"[ \u00A0]*(?:platform|console|service|engine|dashboard|平台|控制台|服务|引擎)", re.IGNORECASE)
# An acronym of capitals (ACF, NCCM): what one version may write for a name the other spells out.
ACRONYM_RE = re.compile(r"(?<![A-Za-z0-9&.-])[A-Z]{3,6}(?![A-Za-z0-9&-])")
# The small words an acronym leaves out of a name's initials ("Institute of Foo" is IF, "Foo and Bar Lab" FBL).
ACRONYM_SKIPPED_WORDS = frozenset({"of", "for", "and", "the", "&", "on", "in", "at"})
MADE_BY_ZH_VERB_RE = re.compile(r"[ \u00A0]*(?:联合|共同)?(?:开发|推出|发布|研发|训练|打造|开源|出品)")
MADE_BY_BEFORE_RE = re.compile(
    r"(?:'s|’s)[ \u00A0]+(?:(?:new|latest|open[ -]source)[ \u00A0]+)?"
    r"|[ \u00A0]*(?:(?:最新)?(?:推出|发布|开发|开源|研发|打造))?的[ \u00A0]*"
    r"|[ \u00A0]+(?:released|releases|launched|launches|introduced|introduces|unveiled|unveils|open-sourced|open-sources"
    r"|announced|announces|created|creates|developed|develops|built|builds|trained|trains|shipped|ships)"
    r"[ \u00A0]+(?:(?:the|its|a)[ \u00A0]+)?(?:new[ \u00A0]+)?"
)

# ---- tables.ties: Chinese names tied to English ones ---------------------------------------------

# The suffix of a Chinese organisation name (面壁 + 智能, 某某 + 科技): the word cut before it is the name's head.
TIE_ZH_SUFFIX_RE = re.compile(r"智能|科技|公司|集团|实验室|研究院|研究所|基金会|大学|学院|团队")
# What may stand between two names written side by side: spaces, brackets, a slash or a dash.
TIE_PAIR_GAP_RE = re.compile(r"[ \t\u00A0\u3000]*[（(【\[「/／—-]?[ \t\u00A0\u3000]*")
# A suffix that makes a description as often as a name (芯片设计公司 Foo is "the chip design company Foo"): a name with it
# that stands before the Latin one is paired only inside brackets (某某公司（Foo）).
TIE_GENERIC_SUFFIX_RE = re.compile(r"公司|团队|集团")
# A Han word in front of a bracketed Latin name (赞塔罗（Zentaro）): the Chinese form of that name when the run of Han
# characters back to the last punctuation or space is this short.
TIE_BRACKETED_RE = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=公司|企业|厂商|机构|集团|平台|巨头|业者|業者)|(?<=运营商|運營商|供应商|供應商|开发商|開發商|服务商|服務商|制造商|製造商)|(?<=独角兽))[\u4e00-\u9fff]{2,4}[ \u00A0]*[（(][ \u00A0]*$")
# A sentence's anchors for pairing a Chinese sentence with an English one: Latin words of two or more, numbers.
TIE_ANCHOR_RE = re.compile(rf"{LATIN_BEFORE}(?:[{LATIN_LETTER_CLASS}][{LATIN_CLASS}]+|\d+(?:\.\d+)?){LATIN_AFTER}")


# ---- align.dictionary: CC-CEDICT lines and glosses, English tokens -------------------------------

# One CC-CEDICT entry: "傳統 传统 [chuan2 tong3] /tradition/traditional/".
CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")

# Glosses that point elsewhere or name a measure word carry no meaning of their own.
# Usage notes ("used to form an adjective"), pronunciation notes and grammatical labels are not meanings either.
GLOSS_SKIP = re.compile(
    r"^(?:CL:|(?:old |archaic |Japanese |erhua |unofficial |ancient )?variant of|see |see also |surname |abbr\. (?:for|of)"
    r"|used (?:in|to|as|for|after|before|with|when|between|at|on)\b|also (?:pr\.|written|called)|Taiwan pr\."
    r"|(?:structural |modal |aspect |sentence[- ]final |interrogative |possessive |grammatical )particle\b|classifier for )",
    re.I,
)

PARENTHESES = re.compile(r"\([^()]*\)")

# Cross-references inside a gloss: "as in 皮革的[pi2 ge2 de5]", "堵車|堵车[du3 che1]".
CROSS_REFERENCE = re.compile(r"[^\s\[\]]*\[[^\]]*\]")
GLOSS_WORD = re.compile(r"[a-z][a-z0-9']*")  # words with digits (pinyin cross-references "de5") are dropped

# English words: letters and digits, split at hyphens and dots ("open-source" → open, source).
EN_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’][A-Za-z]+)?")

# "U.S." and "US" would come out as the letters u, s or the pronoun "us" (a stopword): one token, "usa".
US_ABBREVIATION = re.compile(r"\bU\.S\.(?:A\.)?|\bUSA?\b")


# ---- align.ecdict: ECDICT rows -------------------------------------------------------------------

ECDICT_HEADWORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
ECDICT_POS_LABEL = re.compile(r"^(?:[a-z]+\.\s*)+")
ECDICT_NOTE = re.compile(r"[（(][^（）()]*[）)]|<[^<>]*>|\[[^\[\]]*\]")
ECDICT_SEPARATOR = re.compile(r"[,，;；、/]")


# ---- framing.themes: term counts -----------------------------------------------------------------

# A Latin word, possibly with inner apostrophes or hyphens ("open-source", "don't"), and with the digits of a name
# kept ("GPT-4", "Qwen2.5", "Xyz5-1B": cut at the digit, a model's name counted as its maker's bare word).
EN_TERM = re.compile(r"[A-Za-z](?:[A-Za-z0-9]|['’\-](?=[A-Za-z0-9])|(?<=\d)\.(?=\d))*")
DIGITS_ONLY = re.compile(r"^[\d.,%:/\-+]+$")

# A line's Markdown images and links, for reading it as a title: an image is dropped, a link keeps its text.
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

#: What is no word of a line: punctuation, digits and Chinese numerals (三、, 2.): a heading of a weak frame cue alone
#: (三、协议) is the word alone (helpers.framing.themes).
NOT_A_WORD_CHARACTER = re.compile(r"[\W\d_一二三四五六七八九十零〇]+")


# ---- framing.shifts: what a sentence cites, and bounds ---------------------------------------------

#: A title a sentence cites in book-title marks (《模型可能会说谎》, 〈…〉): its words are the title's, no claim's certainty.
BOOK_TITLE = re.compile(r"《[^《》\n]*》|〈[^〈〉\n]*〉")
#: A span in double quotes, for an English title cited in quotes ("Why Most Projects Fail": read as a title where its
#: words are capitalised, helpers.framing.shifts ``title_spans``).
QUOTED_SPAN = re.compile(r"[\"“]([^\"“”\n]{3,120})[\"”]")
#: A clause of a Chinese sentence: up to a comma, semicolon, colon or sentence end (full or half width).
CLAUSE = re.compile(r"[^，,；;：:。！？!?\n]+")
#: A number right after a word (' 2024', '-3'): a capitalised certainty word before one is a month or a name ('May 2024').
BEFORE_NUMBER = re.compile(r"[\s\-]+\d")
#: What may stand between a Chinese superlative and a number that makes it a bound ('最长 32K', '最高可达 90%': up to).
BOUND_NUMBER_AFTER = re.compile(r"\s*(?:可达|可以达到|达到|高达|为|达|到|可)?\s*[\d零一二三四五六七八九十百千两]")


# ---- text.parse: site furniture that only a line's shape shows ---------------------------------------------------

#: A count beside an interface button ('赞同 1.2k', '35 条评论', '1,024 likes'): digits, a 万/k suffix, a counter word.
BUTTON_COUNT = r"[\d][\d,.]*\s*(?:[万萬千kKwWmM]\+?)?\s*(?:[条條则則个個次人])?"
#: What joins a row of buttons ('点赞 128 · 在看 46', '收藏 | 喜欢 | 举报').
BUTTON_JOINER = r"\s*(?:[·•|｜/／]\s*|\s)"
#: A reference list's entry: a bracketed number at the line's head ('[1] …', '［2］…'), its source after it.
REFERENCE_ENTRY = re.compile(r"^(?:[\[［]\d{1,3}[\]］]\s*\S"
                             # or an author-year entry, as a paper's References list gives it (APA, Harvard):
                             # 'Chen, L. (2025). Title…', 'Li, M., & Zhou, Y. (2024). …' (bilingual review round 11)
                             r"|[A-Z][\w'’\-]+,\s+(?:[A-Z]\.\s*(?:-?[A-Z]\.\s*)*)(?:,?\s*(?:&\s*)?[A-Z][\w'’\-]+,\s+(?:[A-Z]\.\s*)+)*"
                             r"(?:,?\s*et al\.)?,?\s*\((?:19|20)\d{2}[a-z]?\)\.\s+\S)")
#: A year as a reference cites it (1900–2099), not inside a longer number.
CITED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: A line made only of HTML tags ('<div align="center">', '</p>', '<img src="logo.png" width="200"/>').
HTML_ONLY = re.compile(r"^(?:\s*<[A-Za-z/!][^<>]*>\s*)+$")
#: A line made only of Markdown images, plain or linked: a README's badges ('[![License](…/badge/…)](LICENSE) [![…](…)](…)').
IMAGES_ONLY = re.compile(r"^(?:\s*(?:\[!\[[^\]\r\n]*\]\([^)\r\n]*\)\]\([^)\r\n]*\)|!\[[^\]\r\n]*\]\([^)\r\n]*\))\s*)+$")
#: A table of contents' entry: a link to an anchor of the page, alone on its line, maybe as a list item ('- [简介](#简介)').
TOC_ENTRY = re.compile(r"^\s*(?:[-*+]\s+|\d{1,2}[.、]\s*)?\[[^\]\r\n]+\]\(#[^)\r\n]*\)\s*$")
#: A Markdown code fence ('```python', '~~~'): three or more backticks or tildes, maybe indented (inside a list item),
#: then an info string; group 1 is the fence, which a line of the same character, at least as long, closes.
CODE_FENCE = re.compile(r"^\s{0,12}(`{3,}|~{3,})[^`]*$")
#: A Markdown link's text, for reading the entries of a row of links ('[English](README_EN.md)' → 'English').
LINK_TEXT = re.compile(r"\[([^\]\r\n]*)\]\([^)\r\n]*\)")
#: What joins the entries of a language switcher ('English | 简体中文', '中文 / English', 'English • 日本語').
SWITCHER_JOINER = re.compile(r"\s*[|｜/•·]\s*")
#: A reporter's or editor's credit as a line of its own, the label and the names apart by spaces only ('記者 何某某',
#: '记者 王某 李某', '编辑 张某'): a news report's byline, which the label-then-colon rule (byline_field) does not see.
REPORTER_LINE = re.compile(r"^\s*(?:(?:报道|報導|報道|报导|撰稿|采写|採寫)\s*[：:]\s*)?(?:本报|本報|特约|特約|[\u4e00-\u9fff]{2,6}(?:新闻|新聞|日报|日報|晚报|晚報|财经|財經|网|網))?(?:记者|記者|实习记者|實習記者|编辑|編輯|责任编辑|責任編輯|编译|編譯|撰文|摄影|攝影)"
                           r"[ \u00a0\u3000]+[\u4e00-\u9fff]{2,4}(?:[ \u00a0\u3000、，,]+(?:(?:实习生|實習生|通讯员|通訊員|见习记者|見習記者)[ \u00a0\u3000]+)?[\u4e00-\u9fff]{2,4}){0,3}\s*$")
#: A news agency's credit in brackets alone on its line: a reporter's or editor's credit, a dateline ('（中央社記者王大明台北
#: 1日電）', '〔記者陳小明／台北報導〕', '（編輯：林小華）1140301'): the brackets, then a credit word, maybe a filing number.
BRACKETED_NEWS_CREDIT = re.compile(
    r"^[(（〔【\[][^()（）〔〕【】\[\]\r\n]{0,30}(?:記者|记者|編輯[:：]|编辑[:：]|報導|报道|\d{1,2}日[電电])"
    r"[^()（）〔〕【】\[\]\r\n]{0,30}[)）〕】\]]\s*\d{0,8}$")
#: A wire story's credit of its reporters and editors without brackets ('Reporting by Ann Lee; Editing by Bo Chan').
WIRE_CREDIT = re.compile(r"^(?:Additional\s+[Rr]eporting|Reporting|Writing|Editing)\s+by\s+[A-Z][^.!?\r\n]*$")
#: An HTML tag inside a line, to read the text it wraps ('<b>Figure 2:</b>' → 'Figure 2:').
HTML_TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
#: An HTML link and the text it shows: '<a href="#install">Install</a>' (group 1 the address, group 2 the text).
HTML_LINK = re.compile(r"""<a\s[^<>]*?href\s*=\s*["']?([^"'\s<>]*)["']?[^<>]*>(.*?)</a\s*>""", re.IGNORECASE)
#: What may stand between the links of a row of links once the links are taken out ('|', '·', '•', '/', space).
LINK_ROW_REST = re.compile(r"^[\s|｜·•/／,，、]*$")
#: A podcast's or show's episode number: 'Episode 37', 'Ep. 12', 'EP 5', '第 37 期', '第12集'.
EPISODE_NUMBER = re.compile(r"(?:\b(?:Episode|Ep\.?)\s*#?\d{1,4}\b|第\s*\d{1,4}\s*[期集])", re.IGNORECASE)
#: A Markdown heading's marks at a line's head ('## 联系我们'): the text's own structure.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")
#: What joins the entries of a labelled list of tags, categories or share targets ('存储 · 可靠性', 'Engineering, Reliability').
LABELLED_LIST_JOINER = re.compile(r"\s*[,，、·•|｜/／]\s*")
#: A Chinese sentence that opens by saying who a person named in Latin script is: the name (two to four capitalised
#: words, maybe after 作者), then 是/为 ('Ann Example 是一位存储工程师…'); group 1 the name.
LATIN_NAME_IS = re.compile(r"^(?:作者\s*)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3})\s*(?:是|為|为)")
#: A credit or source line by its opening words: who drew, photographed, edited or translated the piece ('Illustration
#: by …', 'Edited by …'), or where it first ran ('Originally published in …', '本文首发于…', '原载于…', '本文转载自…').
CREDIT_LEAD = re.compile(
    # a podcast page's transcript credit ('Transcript excerpt and show notes by …': bilingual review round 20)
    r"^(?:(?:Illustrations?|Photos?|Photographs?|Photography|Edited|Translated|Interview|Artwork|Video|Graphics"
    r"|(?:Transcript(?:ion)?(?:\s+excerpt)?(?:\s+and\s+show\s+notes)?|Show\s+notes))\s+by\s+"
    r"(?:the\s+)?[A-Z]|(?:This\s+(?:article|post|story|essay)\s+was\s+)?[Oo]riginally\s+(?:published|appeared)\s+(?:at|in|on|by)\s"
    r"|(?:本文|此文|文章|原文)?(?:首发于|首發於|原载于|原載於|原刊于|原刊於)|(?:本文|此文|文章)(?:转载|轉載|转|轉|编译|編譯|摘译|摘譯|译|譯)自"
    # a repost's source account ('本文来自微信公众号：某某（ID：…），作者：…': bilingual review round 21, a 虎嗅 repost)
    r"|(?:本文|此文|文章)(?:来自|來自|源自)(?:微信)?(?:公众号|公眾號)|(?:本文|此文|文章)(?:来自|來自|源自)微信)")
#: A Chinese reading-time line's measure: 阅读 (maybe 需要, 时间, 约) and a number of minutes ('阅读需要 5 分钟', '閱讀時間約 3 分鐘').
READING_TIME_ZH = re.compile(r"(?:阅读|閱讀|听全文|聽全文|收听|收聽|朗读|朗讀)(?:需要|时间|時間|时长|時長|约需|約需)?\s*[:：]?\s*(?:约|約|大约|大約)?\s*\d+\s*分(?:钟|鐘)")
#: A Markdown autolink's opening ('<https://example.com>'): an address, not an HTML tag.
AUTOLINK = re.compile(r"<(?:https?:|www\.|mailto:)", re.IGNORECASE)
#: A Weibo post's source line: the client it was sent from ('来自 iPhone客户端', '来自微博网页版'), often after the time.
#: A paper's front matter between its title and abstract: the arXiv stamp ('arXiv:2611.04872v2 [cs.CL] 14 Nov 2026'),
#: the author list with affiliation marks ('Wei Zhang1*, Priya Raman2, Jonas Keller1,3'), an affiliation under its mark
#: ('3Shanghai AI Laboratory', '²Department of Physics, Foo University'), a line of e-mail addresses and the authors'
#: footnotes ('*Equal contribution. †Corresponding author.'): who wrote it and where they work, not what it says.
#: A page's relative time alone on its line ('Updated 3 hours ago', '2d ago', '更新于 2小时前', '編輯於 5 分鐘前'): when the
#: page was read, not what it says. (bilingual review round 9)
RELATIVE_TIME_LINE = re.compile(
    # a dated and timed line before it ('November 17, 2026 4:12 PM GMT Updated 2 hours ago': bilingual review round 18)
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4},?\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}\s+)?)?"
    r"(?:(?:last\s+)?(?:updated|posted|published|edited|modified)\s+)?(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|"
    r"minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago\.?$"
    r"|^(?:(?:最后|最後)?(?:更新|发布|發布|编辑|編輯|发表|發表|修改)(?:于|於)?\s*)?\d+\s*(?:秒|分钟|分鐘|小时|小時|天|日|周|週|个月|個月|年)前$",
    re.IGNORECASE)
#: A discussion thread's comment header: the commenter's handle, how long ago, and the thread's links ('kestrel_dev 3
#: days ago | parent | next [–]', 'u/pkt99 · 5h'): who wrote the comment and when, not what it says. (bilingual review
#: round 10: a Hacker News thread's comments)
_AGO_UNIT = r"(?:\d+|an?)\s*(?:minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w|months?|mo|years?|y)\.?"
THREAD_COMMENT_HEADER = re.compile(
    rf"^(?:u/[\w.-]{{2,30}}\s*[·•]\s*{_AGO_UNIT}(?:\s+ago)?"
    rf"|[\w.-]{{2,30}}\s+{_AGO_UNIT}\s+ago(?:\s*[|·•]\s*(?:parent|prev|next|root|context|flag|hide|edit|edited|favorite|reply|on:[^|]*))*"
    r"\s*(?:\[[–—-]\])?)\s*$", re.IGNORECASE)
#: A social post's header: the poster's name and handle and when ('Ann Lee @annlee · Nov 18', 'Ann Lee @annlee · 3h'),
#: the handle alone ('@annlee') or the name and handle ('Ann Lee @annlee'): who posted each numbered post of a thread, not
#: what it says (bilingual review round 14: a thread's translation). A one-word name needs the time ('Thanks @foo' is a
#: reply).
_POST_HANDLE = r"@\w{2,30}"
_POST_TIME = rf"\s*[·•]\s*(?:{MONTHS}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s*[smhd])"
_POST_NAME_WORD = r"[A-Z][\w.'’-]*"
SOCIAL_POST_HEADER = re.compile(
    rf"^\s*(?:{_POST_HANDLE}(?:{_POST_TIME})?|{_POST_NAME_WORD}\s+{_POST_HANDLE}{_POST_TIME}"
    rf"|{_POST_NAME_WORD}(?:\s+{_POST_NAME_WORD}){{1,3}}\s+{_POST_HANDLE}(?:{_POST_TIME})?)\s*$")
#: A study post's marker of the source's paragraph alone on its line ('第六段', 'Paragraph 3:'): the teacher's numbering of
#: the article, no sentence of either version (bilingual review round 14: '第六段' was linked to a dropped paragraph).
PARAGRAPH_MARKER = re.compile(r"^\s*(?:第\s*[一二三四五六七八九十百\d]{1,4}\s*段|Para(?:graph)?\.?\s*\d{1,3})\s*[：:]?\s*$")
#: A handle alone on its line ('@annlee'), under the poster's name ('Ann Lee').
HANDLE_ONLY_LINE = re.compile(rf"^\s*{_POST_HANDLE}\s*$")
#: A call to act alone on its line with its arrow ('Sign the letter →', 'Read more »'): a link's label, no sentence.
CALL_WITH_ARROW = re.compile(r"^\s*[A-Za-z][\w '’,-]{1,40}?\s*[→»›➔➜]\s*$")
#: A letter's or memo's salutation alone ('Team,', 'Dear Fellow Shareholders,') and its sign-off ('— Dana'): the
#: letter's frame, not what it says. (bilingual review round 11: a leaked memo)
SALUTATION_LINE = re.compile(r"^\s*(?:(?:Dear|Hi|Hello)\s+[^,.!?]{1,40}|Team|All|Everyone|Folks|Colleagues)\s*,\s*$")
SIGN_OFF_LINE = re.compile(r"^\s*[—–-]{1,2}\s*[A-Z][a-z]+(?:\s[A-Z][a-z.]+){0,2}\s*$")
#: A site's trail from its home page ('Home > Help > FAQ', '首页 > 帮助中心'), wherever it stands: the page's place, no
#: sentence (bilingual review round 13: an FAQ's English trail under the Chinese). And an encyclopedia's site line
#: ('From OpenAtlas, the free encyclopedia').
HOME_TRAIL = re.compile(r"^\s*(?:Home|首页|首頁|主页|主頁)\s*[>›»/]\s*\S[^。！？.!?]{0,80}$")
ENCYCLOPEDIA_SITE_LINE = re.compile(r"^\s*From\s+[^,.]{1,40},\s+the\s+free\s+encyclopedia\.?\s*$", re.IGNORECASE)
#: A line of rule marks alone ('——', '* * *', '~~~'): a separator between parts of a post, no sentence.
#: A post's ad label opening its promotion, a bar after it ('推广｜年度会员限时八折', '广告 | …', 'Sponsored | …'):
#: the lines under it, up to the separator that closes the ad, are the promotion's (bilingual review round 20).
AD_LABEL = re.compile(r"^\s*(?:推广|推廣|广告|廣告|赞助|贊助|Sponsored|Advertisement|Ad)\s*[｜|]", re.IGNORECASE)
SEPARATOR_LINE = re.compile(r"^\s*(?:[—–\-_=~·•*＊]\s*){2,}$")
#: An interface's reactions or sort menu: emoji and a count ('👍❤️💡 2,417'), a choice and its arrow ('Most relevant ▾').
REACTION_COUNT_LINE = re.compile(r"^\s*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]\s*){1,6}[\d,.]+[KkMm万]?\s*$")
SORT_MENU_LINE = re.compile(r"^\s*[A-Za-z][A-Za-z ]{2,24}\s*[▾▼⌄]\s*$")
#: A transcript's time stamp alone on its line ('[00:12:31]', '(12:31)', '00:12:31'): where the recording is, not what
#: is said.
TIMESTAMP_LINE = re.compile(r"^[\[(（]?\d{1,2}:\d{2}(?::\d{2})?[\])）]?$")
#: A subtitle cue's timing line (SRT '00:01:02,500 --> 00:01:05,000', WebVTT '00:01.000 --> 00:04.000 align:start'):
#: where the cue sits in the video, not what is said.
SUBTITLE_TIMING = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}(?:\s.*)?$")
#: A transcript's audience or stage cue alone in its brackets ([掌声], （笑声）, [Applause], (Laughter)): no sentence of the
#: speaker's (bilingual review round 14: a keynote's translation counted them among its linked sentences).
STAGE_DIRECTION = re.compile(r"[\[（(【]\s*(?:掌声|笑声|鼓掌|全场笑|众笑|全场掌声|热烈掌声|掌聲|笑聲|鼓掌聲|音乐|音樂|applause|laughter"
                             r"|laughs|cheers|cheering|crosstalk|inaudible|music)\s*[\]）)】]", re.IGNORECASE)
ARXIV_STAMP = re.compile(r"^arXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?\b")
_AUTHOR = r"[A-Z][\w'’.-]*(?:[ \u00A0][A-Z][\w'’.-]*){1,3}(?:[\d*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:,\d+)*|[ \u00A0]?[(\[]\d{1,2}(?:,\s?\d{1,2})*[)\]])"
AUTHOR_LIST = re.compile(rf"^{_AUTHOR}(?:[ \u00A0]*(?:,|and)[ \u00A0]*(?:and[ \u00A0]+)?{_AUTHOR})+$")
AFFILIATION_LINE = re.compile(
    r"^(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|[*†‡§]|[(\[]\d{1,2}[)\]])[ \u00A0]?(?=[A-Z][a-z])[^.!?。]{2,160}$")
AFFILIATION_WORD = re.compile(r"\b(?:University|Universit\w+|Institute|Laborator(?:y|ies)|Lab|Labs|Academy|College|School"
                              r"|Department|Dept\.?|Research|Inc|Corporation|Centre|Center|Faculty|Group|Technologies)\b")
EMAIL_ONLY_LINE = re.compile(r"^(?:(?:e-?mail|correspondence|contact)[ \u00A0]*:[ \u00A0]*)?(?:[{},;\s]|[\w.+-]+(?=[},\s]|@))*"
                             r"@[\w-]+(?:\.[\w-]+)+(?:[,;\s]+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*[.\s]*$", re.IGNORECASE)
#: A post's closing line sending questions to an address ('Questions? Contact policy@example.ai', 'Comments? Email us at
#: …', 'For questions, write to …'): where to write, as a contact line is (bilingual review round 16: a lab's policy post).
QUESTIONS_CONTACT_LINE = re.compile(r"^(?:questions|queries|comments|feedback|for (?:questions|queries|comments|feedback))"
                                    r"\s*[?,:]?\s*(?:please\s+)?(?:contact|e-?mail(?: us)?(?: at)?|write(?: to us)?(?: at| to)?|reach(?: us)?(?: at)?)"
                                    r"\s+(?:us\s+at\s+)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?\s*$", re.IGNORECASE)
FOOTNOTE_MARK_LINE = re.compile(r"^[*†‡§¶](?=[A-Z])[^\n]{2,120}$")
WEIBO_SOURCE = re.compile(r"来自\s?[A-Za-z0-9 .-]{1,24}\s?(?:客户端|客戶端)|来自\s?(?:微博)?\s?(?:网页版|網頁版|weibo\.com)"
                          # a post's time, then the phone it was sent from ('11-18 21:06 来自 iPhone 15 Pro')
                          r"|\d{1,2}:\d{2}\s*(?:来自|來自)\s?[\w .+\-\u4e00-\u9fff]{1,30}$")
#: A credit whose label follows the name (Taiwan and Hong Kong papers): '◎ 林小明／文', '王大華／譯', '陳美玲／攝影'.
TRAILING_CREDIT_LABEL = re.compile(r"\S\s*[/／]\s*(?:文|譯|译|編譯|编译|攝|摄|攝影|摄影|圖|图)(?=\s|$)")
#: A site's notice that the text may not be reposted without leave ('未经允许不得转载', '转载请联系…'): furniture after a
#: repost's credit (bilingual review round 21: a 虎嗅 repost's closing line '本文来自微信公众号：…。本内容为作者独立观点，
#: 不代表虎嗅立场。未经允许不得转载，授权事宜请联系…').
REPRINT_NOTICE = re.compile(r"^(?:未经|未經)(?:允许|允許|授权|授權|许可|許可|同意)[^。！？]{0,12}(?:不得|禁止|请勿|請勿)(?:转载|轉載)"
                            r"|^(?:转载|轉載)(?:请|請)(?:联系|聯繫|注明|註明)|^(?:授权|授權)事宜(?:请|請)(?:联系|聯繫)")
#: A site's or paper's disclaimer that what it prints is not its position ('本報刊出之評論文章，不代表本報立場。',
#: '本文经授权发布，不代表本站立场'): the site speaking of itself, not the text.
SITE_DISCLAIMER = re.compile(
    r"^[（(]?(?:本文|本報|本报|本站|本刊|本网|本網|本平台|本專欄|本专栏|文章|本内容|本內容)[^。！？]{0,30}不代表[^。！？]{0,12}(?:立场|立場|观点|觀點)"
    # a bracketed note that the text is only its writer's view ('（本文仅代表作者个人观点）'): the site's disclaimer too
    r"|^[（(](?:本文|文章)?(?:仅|僅|只)代表作者(?:个人|個人|本人)?(?:观点|觀點|立场|立場)[^。！？]{0,20}[）)]$"
    # an investment disclaimer ('本文仅代表作者个人观点，不构成任何投资建议。', '市场有风险，投资需谨慎')
    r"|^[（(〔【]?(?:[^。！？]{0,30}[，,]\s*)?(?:本文|本報|本报|本站)?[^。！？，,]{0,12}不(?:构成|構成)(?:任何)?(?:投资|投資)(?:建议|建議)"
    r"|^[（(〔【]?(?:市场|市場|投资|投資)有(?:风险|風險)")
#: Whose contact a press release gives ('Media', 'Investor Relations'): the head of its contact labels below.
_CONTACT_OF = r"(?:Media|Press|Investor|Investors)(?:\s+Relations)?"
#: A contact line: its label, then who to contact ('Investor contact: Ann Lee, ir@example.com'): a byline's kind.
CONTACT_LINE = re.compile(rf"^{_CONTACT_OF}\s+[Cc]ontacts?:\s*\S[^\n]{{0,160}}$"
                          # a newspaper's closing line: how to reach its reporters ('Write to Ann Lee at ann.lee@…')
                          r"|^(?:Write|Email|E-mail)\s+(?:to\s+)?[A-Z][^\n@]{1,80}\sat\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+[^\n]{0,160}$")
#: A contact block's label, alone on its line ('Media Contact', 'Press Contacts:', 'Investor Relations').
_CONTACT_LABEL = rf"{_CONTACT_OF}(?:\s+Contacts?|\s+Enquiries|\s+Inquiries)?"
#: The same label in a Chinese press release ('媒体联系人：', '投资者联系人', '媒體聯絡人', '新闻垂询'): whose contact, then
#: the word for a contact (bilingual review round 20: the official Chinese version of a company's press release).
_CONTACT_LABEL_ZH = (r"(?:媒体|媒體|新闻|新聞|传媒|傳媒|投资者|投資者)(?:关系|關係|关系部|關係部)?"
                     r"(?:联系人|聯繫人|聯絡人|联络人|联系方式|聯繫方式|聯絡方式|垂询|垂詢|查询|查詢)")
CONTACT_LABEL = re.compile(rf"^(?:{_CONTACT_LABEL}|Contacts?)\s*:?$|^{_CONTACT_LABEL_ZH}\s*[:：]?$")
#: A press release's furniture: the wire's closing credit ('SOURCE Lumen Corp'), a contact block's label ('Media
#: Contact', 'Investor Relations'), a telephone number alone, and the safe-harbour note ('This press release contains
#: forward-looking statements …') with its heading.
PRESS_RELEASE_LINE = re.compile(
    rf"^(?:SOURCE\s+[A-Z][^.!?]{{0,60}}|{_CONTACT_LABEL}:?"
    r"|Contacts?:|Forward[- ]Looking Statements|Safe Harbor Statement|\+?\(?\d[\d\s().-]{7,}\d)$"
    # the same furniture in a Chinese press release (bilingual review round 20): the contact label, the wire's closing
    # credit ('消息来源：科文半导体'), the safe-harbour heading ('前瞻性陈述', '关于前瞻性陈述的说明') and its opening sentence
    # ('本新闻稿包含…所定义的前瞻性陈述'), the same note the English's 'This press release contains …' opens
    rf"|^{_CONTACT_LABEL_ZH}\s*[:：]?$|^(?:消息来源|消息來源)\s*[:：]\s*[^。！？\s]{{1,40}}$"
    r"|^(?:关于|關於)?(?:前瞻性|前瞻)(?:陈述|陳述|声明|聲明)(?:的?(?:说明|說明|提示))?\s*[:：]?$|^(?:安全港|避风港)(?:声明|聲明|条款|條款)\s*[:：]?$"
    r"|^本(?:新闻稿|新聞稿|公告|新闻公告|新聞公告|新闻发布|新聞發布|新闻通稿|新聞通稿)(?:中|内|內)?(?:包含|含有|包括|载有|載有|可能包含|可能含有)[^。！？]{0,80}前瞻性(?:陈述|陳述)"
    r"|^This (?:press|news) release (?:contains|includes|may contain) forward[- ]looking statements"
    r"|^This (?:letter|report|document|presentation|communication|annual report|shareholder letter) (?:contains|includes|may contain) forward[- ]looking statements"
    # a fund's or adviser's closing disclaimer, the English of 不构成任何投资建议 (bilingual review round 16: an LP letter)
    r"|^This (?:letter|report|document|presentation|material|communication|commentary) is (?:provided|intended) for (?:informational|information) purposes only"
    r"|^Past performance is not (?:indicative|a guarantee|necessarily indicative) of future results")
#: A follow prompt that names a platform ('你也可以在 Twitter 和知乎上关注我们', '欢迎关注我们的推特'): a call to follow (请, 欢迎,
#: 可以 …) or 'follow us', with a social platform's name, the way the English writes 'Follow us on Twitter'.
SOCIAL_PLATFORM = (r"(?:推特|Twitter|知乎|微博|小红书|小紅書|YouTube|B站|哔哩哔哩|嗶哩嗶哩|LinkedIn|领英|領英|Facebook|脸书|臉書"
                   r"|Instagram|Discord|Telegram|Threads|Bluesky|Mastodon)")
FOLLOW_PLATFORM = re.compile(
    r"(?:请|請|欢迎|歡迎|敬请|敬請|可以|可在|也可|您可|你可)[^。！？]{0,30}" + SOCIAL_PLATFORM
    + r"[^。！？]{0,30}(?:关注|關注|追踪|追蹤)(?!度)"
    r"|(?:关注|關注|追踪|追蹤)(?:我们|我們)[^。！？]{0,20}" + SOCIAL_PLATFORM
    + r"|(?:请|請|欢迎|歡迎|敬请|敬請)(?:关注|關注|追踪|追蹤)[^。！？]{0,20}" + SOCIAL_PLATFORM)
#: A line of two or more Weibo topic tags only ('#程序员# #人工智能#'): the post's tags, no sentence of it (one topic
#: alone on the post's first lines is its subject, '#智能手表值不值得买#', and stays).
HASHTAG_LINE = re.compile(r"^\s*#[^#\n]{1,30}#(?:\s*#[^#\n]{1,30}#)+\s*$"
                          # Facebook's, Instagram's and X's open tags, two or more: '#廣東話 #AI #香港科技'
                          r"|^\s*#[^\s#]{1,30}(?:\s+#[^\s#]{1,30})+\s*$")
#: A compiled post's credit line ('本文由某某编译', '本文由某某整理，编译者：某某'): the post's byline.
COMPILED_BY = re.compile(r"^本文由[^。！？]{1,24}(?:编译|編譯|翻译|翻譯|整理|编辑|編輯)"
                         # a bracketed source credit closing a translation ('（本文编译自The Circuit，原标题为“…”。）':
                         # bilingual review round 21): where it comes from and its original headline, not the writer's aside
                         r"|^[（(]\s*(?:本文|此文|全文)(?:编译|編譯|翻译|翻譯|译|譯|转载|轉載|整理|摘编|摘編)自[^。！？，,（()）]{1,40}"
                         r"(?:[，,]\s*原(?:标题|標題|题|題|文标题|文標題)(?:为|為|是)?\s*[：:]?\s*[“\"「《][^”\"」》]{1,200}[”\"」》])?"
                         r"\s*[。.]?\s*[）)]$"
                         r"|^[^。！？，,|｜]{1,16}\s(?:编译|編譯|翻译|翻譯|整理)\s*[|｜/／]\s*[^。！？，,\s]{2,8}$")  # 'AI前哨站 编译 | 陈可欣'
#: A follow call naming the outlet, then what following brings ('关注某某，获取更多海外科技动态'): a prompt.
FOLLOW_OUTLET = re.compile(r"^(?:关注|關注|追踪|追蹤)[^，,。！？的了在是越]{1,12}[，,]\s*(?:获取|獲取|了解|第一时间|第一時間|看更多|获得|獲得)"
                           r"[^。！？]{0,16}[。！!]?$")
#: A call to follow the writer ('记得关注我～', '点个关注不迷路', '关注我，每天带你读一篇英文长文'): a verb of asking before 关注, or
#: 关注我 opening a clause (关注我国 is "our country", 他们关注我的研究 a sentence of its own). (bilingual review round 9)
FOLLOW_WRITER = re.compile(r"(?:记得|記得|点个|點個|点点|點點|求|加个|加個|顺手|順手|别忘了|別忘了|别忘记|別忘記)(?:关注|關注)"
                           r"(?=我|一下|一波|吧|哦|喔|呀|啊|不迷路|[，,。！!～~\s]|$)|(?:^|[，,。！!～~、\s])(?:关注|關注)我(?![国國们們市省区區校院司])")
#: A follow prompt that names an official account ('了解更多信息，请关注清泉行动官方微信公众号。', '歡迎追蹤我們的粉絲專頁'):
#: a call to follow (请, 欢迎 …: '我们关注了这个公众号' is a sentence; or 关注 opening the line before the account's quoted
#: name, '关注“某某”公众号'), then the account's kind.
FOLLOW_ACCOUNT = re.compile(r"(?:(?:请|請|欢迎|歡迎|敬请|敬請|扫码|掃碼|长按|長按)(?:关注|關注|追蹤|追踪)|^(?:关注|關注)(?=[“「\"]))"
                            r"[^。！？]{0,20}(?:公众号|公眾號|微信号|微信號|视频号|視頻號|官方微博|粉丝专页|粉絲專頁)")

#: A team credited as a post's author on its own line ('Lumen Labs Research Team', 'The Qwen Team'): a few capitalised
#: words ending in Team; over a date line it is the byline, not a heading (bilingual review round 20: a lab's blog post
#: whose title slide read the credit as the title).
TEAM_CREDIT = re.compile(r"(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){1,5}[Tt]eam")

#: A reposting site's labelled disclaimer ('*免责声明：本文由作者原创。文章内容系作者个人观点，…转载仅为了传达…'): the
#: label, then what the site's stance or its reposting is; longer than other furniture lines (bilingual review round 20:
#: a chip-industry account's closing disclaimer, read as the writer's own closing sentences).
LABELLED_DISCLAIMER = re.compile(r"^[*＊【\[]?\s*(?:免责声明|免責聲明)\s*[】\]]?\s*[:：][^\n]{0,200}?(?:不代表|观点|觀點|转载|轉載)")

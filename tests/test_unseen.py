"""Articles nobody tuned on (issue 11): the furniture rules a news site, a WeChat post and a company blog need, on
made-up lines, and invariants of the whole pipeline on the invented documents of tests/fixtures/unseen/ (their
README says what each stands for). The documents are the project's own inventions: no third-party text."""

import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from helpers import pipeline
from helpers.columns import CONTENT_KINDS, PART_COMMENTARY, PART_NONCONTENT
from helpers.render.narrative import chinese_kind
from helpers.text.parse import classify_noncontent, parse_document
from helpers.vocab import load_cues

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"


@pytest.mark.parametrize("line, kind", [
    ("編譯王小明／綜合報導", "byline"),            # a compiled report's credit: the name between label and slash
    ("记者李四／综合报道", "byline"),
    ("（法新社）", "byline"),                      # a wire agency's credit alone on its line
    ("(AFP)", "byline"),
    ("—— END ——", "boilerplate"),                # a post's closing ornament
    ("（全文完）", "boilerplate"),
    ("閱讀 2,048", "boilerplate"),                 # a read count after its label, no colon
    ("阅读 3.2万", "boilerplate"),
    ("瀏覽 512", "boilerplate"),
    ("分享到微博", "boilerplate"),                  # share and follow prompts
    ("加入LINE好友，看更多新聞", "boilerplate"),
    ("Jane Roe · March 3, 2025 · 6 min read", "byline"),    # a dated byline whose name opens it (review round 15)
    ("Research · March 3, 2025 · 6 min read", "boilerplate"),  # a section's publishing line names no one
    ("合作启事：欢迎品牌方与我们联系，投放广告或技术投稿请发邮件至编辑部邮箱，我们会在三个工作日内回复您的来信并安排对接事宜。", "boilerplate"),
    ("点击阅读原文", "boilerplate"),                 # the prompt itself stays furniture
    ("项目主页：https://example.org/zorb", "boilerplate"),   # a label and an address, nothing else
    ("Paper: https://example.org/abs/0000.0001", "boilerplate"),
    ("官网速递：<https://example.com>", "boilerplate"),
    ("Demo: [在线体验](https://example.com/demo)", "boilerplate"),
    ("[论文](https://example.org/p) | [代码](https://example.org/c) | [演示](https://example.org/d)", "boilerplate"),
    ("[Paper](https://example.org/p) · [Blog](https://example.org/b)", "boilerplate"),  # a row of links, '·' between
    ("(Reporting by Ann Lee; Editing by Bo Chan)", "byline"),   # a wire story's closing credit
    ("Posted by the Research team · May 2, 2026", "byline"),
])
def test_news_and_post_furniture_is_set_aside(line, kind):
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("line", [
    "阅读原文前，先说两句：这是一篇值得细读的文章。",  # the writer speaking, not a prompt to read the original
    "（1）",                                      # an enumerator, not a credit
    "（2024年）",                                 # a year in brackets: a digit, not an agency
    "完成度是最难衡量的指标",                       # 完 inside a word is no end mark
    "THE END OF CHEAP CHIPS",                     # a heading that starts with the words
    "阅读的习惯正在改变",                            # the label inside a sentence, no count after it
    "The market reacted within a few minutes, and a read of the filings suggests more to come.",
    "更多信息请访问官网：https://example.org，欢迎试用。",   # the address inside a sentence that goes on
    "注意：请不要把 https://example.org 当作生产环境。",
    "The code is available at https://example.org/zorb.",
    "马克·吐温",                                    # a name written with a middle dot is no row of links
    "模型 | 参数 | 日期",
    "The reporting by local papers was thorough.",
    "Posted by the river, the sign said nothing.",
])
def test_content_that_looks_like_news_furniture_stays_content(line):
    assert classify_noncontent(line) is None


@pytest.mark.parametrize("lines, caption", [
    (["![](images/site.png)", "会场一角。"], "会场一角。"),                  # a short line right below a picture
    (["圖／中央社", "會場一角。"], "會場一角。"),                            # ... or below a photo credit
    (["Image 2", "The team at work in the lab"], "The team at work in the lab"),
])
def test_a_short_line_below_a_picture_is_its_caption(lines, caption):
    text = "\n".join(["新模型发布了，速度快了一倍，成本降低了一半。"] + lines + ["团队表示，下个月还会发布更大的版本。",
                      "The new model is out, twice as fast and at half the cost.",
                      "The team said a larger version would follow next month."])
    blocks = parse_document(text).blocks
    assert blocks.loc[blocks["text"] == caption, "kind"].tolist() == ["caption"]


@pytest.mark.parametrize("lines, furniture", [
    (["延伸閱讀", "港區擴建 明年完工", "新廠動土 年底量產"], ["延伸閱讀", "港區擴建 明年完工", "新廠動土 年底量產"]),
    (["相关阅读：", "园区扩建 明年完工"], ["相关阅读：", "园区扩建 明年完工"]),
    (["延伸阅读", "这篇文章值得和原文对照着读。"], ["延伸阅读"]),     # a sentence below the label is the writer's own
])
def test_a_related_stories_label_and_its_headlines_are_navigation(lines, furniture):
    text = "\n".join(["新模型发布了，速度快了一倍，成本降低了一半。", "团队表示，下个月还会发布更大的版本。"] + lines
                     + ["Plant opens in Ohio", "The new model is out, twice as fast and at half the cost.",
                        "The team said a larger version would follow next month."])
    blocks = parse_document(text).blocks
    set_aside = blocks.loc[blocks["part"] == PART_NONCONTENT, "text"].tolist()
    assert [line for line in lines if line in set_aside] == furniture
    assert "Plant opens in Ohio" not in set_aside   # the English title below a Chinese list is no headline of it


@pytest.mark.parametrize("below", ["## 设计", "3. 结果", "第一句说了一件事。第二句又说了一件事。",
                                   "| 模型 | 参数 |"])
def test_a_heading_or_a_paragraph_below_a_picture_stays_content(below):
    text = "\n".join(["新模型发布了，速度快了一倍，成本降低了一半。", "![](images/site.png)", below,
                      "团队表示，下个月还会发布更大的版本。", "The new model is out, twice as fast and at half the cost.",
                      "The team said a larger version would follow next month."])
    blocks = parse_document(text).blocks
    assert "caption" not in blocks.loc[blocks["text"] == below, "kind"].tolist()


@pytest.mark.parametrize("line, kind", [
    # a README's HTML: a language switcher, a contents row spread over lines, a back-to-top link
    ('<a href="README.md">English</a> · <b>简体中文</b>', "boilerplate"),
    ('<a href="#install">Install</a> |', "boilerplate"),
    ('<a href="#usage">用法</a>', "boilerplate"),
    ('<p align="right"><a href="#top">⬆ Back to top</a></p>', "boilerplate"),
    ('<a href="docs/a.md">Docs</a> · <a href="docs/b.md">FAQ</a>', "boilerplate"),
    ("[Paper](https://example.org/p) [Code](https://example.org/c)", "boilerplate"),   # links set apart by spaces
    ("<b>中文</b> |", "boilerplate"),                 # a language switcher spread over lines: its first name ...
    ('<a href="README_en.md">English</a>', "boilerplate"),   # ... and its last, one link to the other language's page
    ('🤗 <a href="https://example.org/h">Hub</a> | 🤖 <a href="https://example.org/m">Mirror</a>', "boilerplate"),
    ("<details><summary>点击展开</summary>", "boilerplate"),
    ("👋 Join our forum and say hello.", "boilerplate"),   # an emoji, then the call: a prompt, whatever closes it
    # a blog post's tags, categories and share bar, a cookie banner and its buttons, a podcast's episode line
    ("标签：训练 · 推理", "boilerplate"),
    ("Filed under Research, Safety", "boilerplate"),
    ("分类：产品、设计", "boilerplate"),
    ("Share: Mastodon · Email", "boilerplate"),
    ("本站使用 Cookie 以提供更好的服务，详见 Cookie 政策。", "boilerplate"),
    ("This website uses cookies to give you the best experience.", "boilerplate"),
    ("Accept all | Reject all", "boilerplate"),
    ("全部接受 · 全部拒绝", "boilerplate"),
    ("Night Shift Radio · Episode 9", "boilerplate"),
    ("🎧 播客：慢车道 · 第 12 期", "boilerplate"),
    ("（中央社）", "byline"),                      # a bracketed agency: a name with an agency's ending, or a wire's
    ("（彭博）", "byline"),                        # short name (cues.csv news_agency), or capitalised Latin words
    ("(Reuters)", "byline"),
    # a magazine's credits and a post's source and reading-time lines
    ("Illustration by Ann Example", "byline"),
    ("Edited by Bo Chan", "byline"),
    ("Photos by the Harbor Desk", "byline"),
    ("Originally published in The Example Review.", "byline"),
    ("This essay was originally published on Example Notes", "byline"),
    ("本文首发于个人博客", "byline"),
    ("原载于《某某周刊》2026 年第 3 期", "byline"),
    ("Cover image: Ann Example", "byline"),
    ("Estimated reading time: 9 minutes", "boilerplate"),
    ("全文约 2000 字，阅读时间约 6 分钟。", "boilerplate"),
    ("阅读需要 4 分钟", "boilerplate"),
    ("订阅我们的月报，可随时退订。", "boilerplate"),
])
def test_readme_and_blog_furniture_is_set_aside(line, kind):
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("line", [
    '<a href="https://example.org/paper.pdf">Read the paper</a>',   # one link to another page: maybe the text's own
    '<p>See <a href="#install">the install notes</a> first.</p>',   # a sentence that holds a link
    "See [the paper](https://example.org/p) and [the code](https://example.org/c).",
    "| [Paper](https://example.org/p) | [Code](https://example.org/c) |",             # a table row
    "这是一个 <b>很重要</b> 的结论。",                                  # a sentence with inline HTML
    "We use <code>pip</code> to install it.",
    "🚀 The team will join the consortium next year.",    # the cue deeper in a sentence after an emoji
    "<p>本项目基于 Apache-2.0 许可证发布。</p>",
    "## 联系我们",                                                   # a heading whose words are a prompt's
    "## Share your results",
    "Share the load, and split the work",                           # a verb, then a clause: no list of names
    "Share: storage, speed",                                        # lowercase entries are words, not names
    "标签可以帮助用户快速找到内容，也方便搜索。",
    "为了保持登录状态，我们把会话令牌存在 Cookie 里。",                     # a cookie named in a sentence
    "Every service subscribes to the same change log.",             # subscribes: no prompt
    "We talked about this in Episode 12.",                           # an episode named in a sentence
    "Episode 3",                                                     # a bare number may head a transcript's part
    "接受还是拒绝，取决于团队的判断。",
    "（笑）",                                                        # a transcript's stage direction, not a credit
    "(laughs)",
    "（掌声）",
    "The paper was first published in 2019 and revised twice.",    # a source's history inside a sentence
    "The illustration by the team shows the loop.",
    "很多人阅读 10 分钟就会走神。",                                  # minutes of reading in a sentence
    "读完这本书需要 30 分钟",
])
def test_readme_and_blog_content_that_looks_like_furniture_stays_content(line):
    assert classify_noncontent(line) is None


def _parse_between(lines: list[str]) -> dict[str, str]:
    text = "\n".join(["新模型发布了，速度快了一倍，成本降低了一半。", "团队表示，下个月还会发布更大的版本。"] + lines
                     + ["The new model is out, twice as fast and at half the cost.",
                        "The team said a larger version would follow next month."])
    blocks = parse_document(text).blocks
    return dict(zip(blocks["text"], blocks["part"]))


@pytest.mark.parametrize("label, bio", [
    ("关于作者", "王五是一名存储工程师，在多家公司做过数据库运维。"),
    ("About the author", "Ann Example writes about databases and leads a small platform team."),
    ("## 作者简介", "李四，前端工程师，业余写博客。"),
])
def test_an_authors_bio_under_its_label_is_a_byline(label, bio):
    parts = _parse_between([label, bio])
    assert (parts[label], parts[bio]) == (PART_NONCONTENT, PART_NONCONTENT)


def test_a_paragraph_about_the_author_without_its_label_stays_content():
    bio = "王五是一名存储工程师，在多家公司做过数据库运维。"
    assert _parse_between(["这篇文章的作者很有经验。", bio])[bio] != PART_NONCONTENT


def test_an_english_related_posts_list_is_set_aside_whole():
    lines = ["Related posts", "Why we stopped running our own build farm last spring", "A short history of our logs"]
    parts = _parse_between(lines)
    assert [parts[line] for line in lines] == [PART_NONCONTENT] * 3


def test_a_trail_below_a_cookie_banner_is_a_breadcrumb_and_below_a_caption_is_not():
    banner = ["We use cookies to improve this site.", "Accept | Decline", "Blog / Engineering"]
    assert _parse_between(banner)["Blog / Engineering"] == PART_NONCONTENT
    parts = _parse_between(["![](images/a.png)", "会场一角。", "输入 / 输出", "后面还有一段正文，讲的是别的事。"])
    assert (parts["会场一角。"], parts["输入 / 输出"]) == (PART_NONCONTENT, PART_COMMENTARY)


PROMPT_WORDS = sorted({c for c in load_cues().query("category == 'noncontent'")["cue"] if re.search(r"[^\W_]", c)})


@given(st.sampled_from(PROMPT_WORDS), st.sampled_from(["#", "##", "###"]))
def test_a_markdown_heading_is_never_set_aside_by_a_prompts_words(cue, marks):
    # a heading is the text's own structure, whatever prompt its words echo ('## 联系我们', '## Subscribe'); a mark
    # with no word ('# ©') is an ornament line
    assert classify_noncontent(f"{marks} {cue}") is None


FIXTURES = sorted(UNSEEN.glob("*.txt"))


@pytest.fixture(scope="module", params=FIXTURES, ids=[f.stem for f in FIXTURES])
def unseen(request):
    text = request.param.read_text(encoding="utf-8")
    return request.param.stem, text, pipeline.run(text)


def test_there_are_twenty_four_unseen_documents():
    assert len(FIXTURES) == 24


def test_every_row_is_the_source_at_its_offsets(unseen):
    _, text, analysis = unseen
    tables = analysis.tables
    for name, column in (("blocks", "text"), ("claims", "text"), ("mentions", "surface"), ("candidates", "surface")):
        table = getattr(tables, name)
        assert all(text[a:b] == s for a, b, s in zip(table["start"], table["end"], table[column])), name


def test_no_furniture_line_is_content_or_an_addition(unseen):
    """A line shaped like furniture (classify_noncontent) is set aside, and no addition is a furniture line."""
    _, text, analysis = unseen
    blocks = analysis.tables.blocks
    furniture = {t for t in blocks["text"] if classify_noncontent(t) is not None}
    content = blocks[blocks["kind"].isin(CONTENT_KINDS)]
    assert not furniture & set(content["text"])
    assert not furniture & set(analysis.additions["text"])
    noncontent_ids = set(analysis.tables.claims.loc[analysis.tables.claims["part"] == PART_NONCONTENT, "claim_id"])
    assert not noncontent_ids & set(analysis.additions["zh_claim_id"].dropna().astype(int))


#: Lines each invented document holds as furniture (its own inventions: the test knows them, the engine does not).
FURNITURE = {
    "a-wire-report-traditional": ["首頁 > 國際 > 我的頻道", "編譯陳雅婷／綜合報導", "閱讀 18,732", "（路透）", "圖／路透",
                                  "分享到 Facebook", "加入LINE好友，掌握最新消息", "By Daniel Brooks and Priya Raman"],
    "b-wechat-commentary-simplified": ["—— END ——", "扫描下方二维码，关注端侧AI笔记，每周两篇深度解读。",
                                       "原文链接：https://example.com/blog/on-device-lessons",
                                       "Tom Ashby · November 12, 2026 · 9 min read"],
    "c-close-translation-blog": ["作者：Lena Ortiz、Marcus Webb、Yuki Tanaka", "By Lena Ortiz, Marcus Webb and Yuki Tanaka",
                                 "![Tidewater architecture diagram](images/tidewater-architecture.png)"],
    "d-news-compile-simplified": ["首页 > 科技 > 新能源", "编译：刘晓", "新工厂的效果图。", "责任编辑：王敏", "By Sarah Lin",
                                  "原文链接：https://example.com/wire/corvane-nevada-plant",
                                  "(Reporting by Sarah Lin; Editing by Mark Hale)"],
    "e-summary-note-simplified": ["原文：Small models still win at classification",
                                  "Posted by the Applied ML team · August 3, 2026"],
    "f-adapted-translation-half-english": ["译者：陈默"],
    "g-wechat-commentary-essay-whole": ["原创 算力观察 2026-10-08 08:15", "扫码关注算力观察，每周更新。",
                                        "原文链接：https://example.org/essays/quiet-water-bill",
                                        "By Orrin Vale · October 3, 2026"],
    "h-taiwan-compiled-news-two-paragraphs": ["首頁 > 財經 > 產業動態", "2026/11/26 06:30", "編譯林怡君／綜合報導", "（路透）",
                                              "圖／Veltrix Robotics提供", "Veltrix Robotics的倉儲機器人。", "分享到 Facebook",
                                              "加入LINE好友，掌握最新消息", "By Helen Marsh",
                                              "(Reporting by Helen Marsh; Editing by Tom Reyes)", "延伸閱讀",
                                              "台中精密機械園區擴建 明年完工"],
    # the furniture documents: every furniture line of each (their gold: FURNITURE_COMPLETE says the list is whole)
    "i-wechat-commentary-full-footer": [
        "原创 青禾 浅湾科技评论 2026-09-14 07:30", "阅读 6,215", "本文来源：浅湾科技评论编辑部", "责任编辑：周一帆",
        "声明：本文仅代表作者个人观点，文中图片来自网络，版权归原作者所有，如有侵权请联系删除。", "往期推荐", "无人叉车的三年账本",
        "冷链仓库里的传感器战争", "长按识别二维码，关注浅湾科技评论", "觉得有用，点个“在看”再走吧", "点赞 128 · 在看 46 · 分享 19",
        "阅读原文", "Listen to this article", "Marta Kell · 6 min read", "Updated September 9, 2026", "Share this article",
        "Sign up for our newsletter", "Related: How we rebuilt our scheduler in six weeks", "Advertisement",
        "© 2026 Harbor Grid Systems. All rights reserved."],
    "j-hk-news-traditional-wire": [
        "即時新聞 > 國際 > 科技", "記者何家明／綜合外電報導", "2026-10-21 14:05 更新", "圖／美聯社", "工人在安大略省的電池工廠外等候交班。",
        "訂閱電子報，掌握每日重點新聞", "加入LINE好友，不錯過任何消息", "更多新聞", "電動車補貼明年縮水 車廠急調價", "鋰價連三月下跌 礦商喊苦",
        "By Colin Park, Associated Press", "Photo: Rita Dunn/Getty Images", "Advertisement", "Sign up for our daily newsletter",
        "Share this story", "Related: Lithium prices slide for a third month"],
    "k-zhihu-answer-english-essay": [
        "林间行", "编程爱好者 / 后端工程师", "赞同 1.2k", "发布于 2026-03-04 · IP 属地上海", "参考", "[1] Ivo Brandt, Slow Compilers, Fast Teams, 2026.",
        "[2] https://example.org/essays/slow-compilers", "编辑于 2026-03-05 10:12", "评论 35", "收藏 · 喜欢 · 举报", "By Ivo Brandt",
        "5 min read · March 2, 2026", "Sign up for our newsletter to get the next essay.", "Share this article"],
    "l-readme-translation-furniture": [
        '<div align="center">', '<img src="assets/lumen-logo.png" width="240"/>', "</div>", "[English](README.md) | 简体中文",
        "[![License](https://img.shields.io/badge/license-Apache--2.0-blue.svg)](LICENSE) "
        "[![Release](https://img.shields.io/badge/release-v0.4-green.svg)](releases)",
        "目录", "- [简介](#简介)", "- [快速开始](#快速开始)", "- [目录结构](#目录结构)", "* * *", "⬆️ 返回顶部",
        '<p align="center">', '<img src="assets/lumen-logo-en.png" width="240"/>', "</p>", "English | [简体中文](README_zh.md)",
        "[![License](https://img.shields.io/badge/license-Apache--2.0-blue.svg)](LICENSE) "
        "[![Release](https://img.shields.io/badge/release-v0.4-green.svg)](releases) "
        "[![Docs](https://img.shields.io/badge/docs-online-orange.svg)](docs)",
        "Table of Contents", "- [Introduction](#introduction)", "- [Quick start](#quick-start)",
        "- [Folder layout](#folder-layout)", "***", "[Back to top](#introduction)"],
    "r-adapted-translation-engineering-blog": ["译者：周宁", "By Dana Whitcombe · September 14, 2026"],
    "f-magazine-feature-summary": [
        "本文约 1800 字，阅读需要 5 分钟", "本文首发于微信公众号「慢读科技」", "题图：视觉中国", "点个“在看”，让更多人看到",
        "Illustration by Mara Quint", "By Theo Brandt", "Estimated reading time: 12 minutes", "Photo illustration: Lena Voss",
        "Originally published in The Commons Review, Winter 2026 issue.", "Edited by Ruth Amari"],
    # written with their gold first (this list), before the engine was run on them
    "f-readme-open-source-translation": [
        '<p align="center">', '<img src="docs/brindle-banner.png" alt="Brindle" width="320">', "</p>",
        '<a href="README.md">English</a> · <b>简体中文</b> · <a href="README_ja.md">日本語</a>',
        "[![PyPI](https://img.shields.io/pypi/v/brindle.svg)](https://pypi.org/project/brindle/) "
        "[![CI](https://github.com/brindle-dev/brindle/actions/workflows/ci.yml/badge.svg)](https://github.com/brindle-dev/"
        "brindle/actions) [![Downloads](https://static.pepy.tech/badge/brindle)](https://pepy.tech/project/brindle)",
        '<h4 align="center">', '<a href="#安装">安装</a> |', '<a href="#快速上手">快速上手</a> |', '<a href="#引用">引用</a>',
        "</h4>", "> 本中文文档由社区志愿者翻译，最后更新于 2026-08-15。", "👋 欢迎加入我们的 Discord 或微信群，一起交流使用心得。",
        '<img src="docs/wechat-group-qr.png" width="160">', "扫码加入微信交流群",
        "[![Star History Chart](https://api.star-history.com/svg?repos=brindle-dev/brindle&type=Date)]"
        "(https://star-history.com/#brindle-dev/brindle&Date)",
        '<p align="right"><a href="#readme-top">⬆ 回到顶部</a></p>',
        '<b>English</b> · <a href="README_zh.md">简体中文</a> · <a href="README_ja.md">日本語</a>',
        '<a href="#installation">Installation</a> |', '<a href="#quick-start">Quick start</a> |',
        '<a href="#citation">Citation</a>', "👋 Join our Discord or WeChat group and tell us how you use it.",
        "Scan the QR code to join our WeChat group", '<p align="right"><a href="#readme-top">⬆ Back to top</a></p>',
        "| --- | --- | --- |"],  # a table's rule alone on its line: layout, not a sentence (set aside since round 4)
    "f-company-blog-official-translation": [
        "我们使用 Cookie 来改善您的浏览体验。继续浏览即表示您同意我们的 Cookie 政策。", "接受 | 拒绝", "博客 / 工程",
        "作者：林舟 · 2026 年 10 月 9 日 · 阅读时间 7 分钟", "发布于：工程、可靠性", "🎧 收听本期播客：Tallow 工程夜话 · 第 37 期",
        "关于作者", "林舟是 Tallow 的基础设施工程师，负责存储团队，此前在一家物流公司做了五年数据库运维。", "标签：存储 · 可靠性 · 数据库",
        "分享：微博 · 微信 · 复制链接", "相关文章", "我们为什么放弃了自建消息队列", "一次机房断电教会我们的事",
        "订阅 Tallow 工程通讯，每月一封，随时可以退订。", "© 2026 Tallow 科技。保留所有权利。",
        "We use cookies to improve your browsing experience. By continuing, you agree to our Cookie Policy.", "Accept | Decline",
        "Blog / Engineering", "By Lin Zhou · October 9, 2026 · 7 min read", "Posted in Engineering, Reliability",
        "🎧 Listen to this episode: Tallow Engineering After Hours · Episode 37", "About the author",
        "Lin Zhou is an infrastructure engineer at Tallow who leads the storage team; before that he spent five years running "
        "databases at a logistics company.", "Tags: Storage · Reliability · Databases", "Share: Twitter · LinkedIn · Copy link",
        "Related posts", "Why we gave up running our own message queue", "What a data-centre power cut taught us",
        "Subscribe to the Tallow engineering newsletter: one email a month, unsubscribe any time.",
        "© 2026 Tallow Technologies. All rights reserved."],
    "r-commentary-interview-excerpt": ["点个“在看”，下期见。"],
    "r-compiled-news-traditional-chip-centre": ["首頁 > 科技 > 半導體", "2026/11/29 07:15", "記者陳思妤／綜合報導", "圖／Corvane提供",
                                                "Corvane位於奧斯汀的總部。", "分享到 Facebook", "訂閱電子報，掌握科技新知", "延伸閱讀",
                                                "竹科擴建第三期 明年動工", "By Laura Penrose",
                                                "(Reporting by Laura Penrose; Editing by Sam Okafor)"],
    "r-commentary-essay-sections-simplified": ["作者：林远", "By Tobias Wrenfield"],
    "r-adapted-translation-product-launch-yuan": ["作者：Mara Quint（岚桥软件产品负责人）", "2026 年 11 月 18 日", "© 2026 岚桥软件 版权所有",
                                                  "By Mara Quint, Head of Product, Lanbridge Software", "November 18, 2026",
                                                  "© 2026 Lanbridge Software. All rights reserved."],
    "r-hk-news-two-wires-drone-delivery": ["即時新聞 > 國際 > 科技", "記者梁嘉欣／綜合外電報道", "更新時間：2026-11-30 09:40",
                                           "圖／資料圖片", "光翼航空的送貨無人機在測試場試飛。", "分享至 Facebook",
                                           "訂閱電子報，掌握每日科技新聞", "相關新聞", "外賣平台擬明年推機械人送餐", "By Nadia Holm",
                                           "(Reporting by Nadia Holm; Editing by Peter Vance)"],
    "r-summary-magazine-excerpt-clinics": ["本文转载自公众号「山海读报」", "By Hollis Wren"],
    "r-commentary-podcast-interview-whole": ["文／阿岚"],
    "r-rewrite-reordered-open-weights": ["原创 AI前哨站 AI前哨站 2025年11月3日 16:20 北京", "点击上方蓝字关注我们",
                                         "作者｜小前  编辑｜阿哲", "[图片]", "图：Hugging Face上主流开源权重模型的累计下载量",
                                         "（本文仅代表作者个人观点）", "— END —", "喜欢就点个“在看”吧", "阅读 1.2万  赞 86  在看 23",
                                         "参考资料：https://gradientledger.example.com/p/open-weights-not-open-source",
                                         "The Gradient Ledger", "Home · Archive · Podcast · About",
                                         "Dana Whitfield · Oct 28, 2025 · 9 min read", "Share",
                                         "Subscribe to The Gradient Ledger", "12 Comments"],
}
#: The furniture documents' gold is whole: every furniture line is in FURNITURE but these, which no rule reaches yet.
FURNITURE_COMPLETE = {"i-wechat-commentary-full-footer": set(), "j-hk-news-traditional-wire": set(),
                      "k-zhihu-answer-english-essay": set(), "l-readme-translation-furniture": set(),
                      "f-readme-open-source-translation": set(), "f-company-blog-official-translation": set(),
                      "f-magazine-feature-summary": set()}
#: Content lines of the furniture documents that look like furniture: they mention a newsletter, a photo, comments,
#: a reference marker, or a notes section, and are the text's own.
FALSE_FRIENDS = {
    "i-wechat-commentary-full-footer": ["这家公司每周的邮件通讯（newsletter）有近两万名订阅者，很多同行都从那里追踪他们的实验。",
                                        "文章最后配了一张仓库俯视照片，能看出小车排得非常密。", "你们的仓库会考虑这样改吗？"],
    "j-hk-news-traditional-wire": ["該公司在官網上傳了多張工廠照片，並表示會在電子報中向股東說明後續安排。"],
    "k-zhihu-answer-english-essay": ["有人在评论里说他们公司也遇到过类似情况，我觉得这个话题值得单独写一篇。",
                                     "这篇文章的作者是一位编译器工程师，他的核心观点是：编译速度慢一点，团队的整体交付反而可能更快[1]。",
                                     "Notes", "1. I first made this argument in a talk at a local meetup."],
    "l-readme-translation-furniture": ["## 目录结构", "它支持中文和 English 两种界面，也能导出带图片的报告。", "## Folder layout",
                                       "It offers a Chinese and an English interface, and can export reports with pictures."],
    # a README's own text: a dated news item, a table row of download links, an install command, a citation request
    # and its BibTeX, the licence, the contact address, the acknowledgements, headings over furniture
    "f-readme-open-source-translation": [
        "- **[2026-08-12]** 发布 v0.9：新增按段落去重，速度提升约 40%。",
        "| v0.9 | 2026-08-12 | [源码](https://github.com/brindle-dev/brindle/archive/v0.9.zip) · "
        "[Wheel](https://pypi.org/project/brindle/0.9/) |", "pip install brindle", "如果 Brindle 对你的研究有帮助，请引用：",
        "url    = {https://github.com/brindle-dev/brindle}", "感谢 Marrow 和 Sift 两个项目的作者，Brindle 的哈希实现参考了他们的思路。",
        "本项目基于 Apache-2.0 许可证发布，详见 [LICENSE](LICENSE)。",
        "如有问题，请发送邮件至 brindle-dev@example.org，或在 GitHub 上提交 issue。", "## Star 历史", "## 社区",
        "- **[2026-08-12]** v0.9 is out: paragraph-level deduplication, about 40% faster.",
        "If Brindle helps your research, please cite:", "Brindle may be used on the terms of Apache-2.0; the full text is in [LICENSE](LICENSE).",
        "Questions? Email brindle-dev@example.org or open an issue on GitHub.", "## Star History", "## Community",
        "Thanks to the authors of Marrow and Sift: Brindle's hashing follows their ideas."],
    # a magazine feature's title and funding note, and the summary's own sentences about the article and its readers
    "f-magazine-feature-summary": [
        "The Night Riders",
        "This story was supported by a grant from a transport foundation; the foundation had no say over its content.",
        "文章最后提到，有两个城市开始用手机定位数据重新规划夜班线路，效果还需要时间检验。", "你所在的城市，夜里还能坐上公交吗？"],
    # a post's own text that speaks of cookies, subscribing, comments and its own footnote
    "f-company-blog-official-translation": [
        "为了不让用户在切换节点时重新登录，我们把会话令牌存在浏览器的 Cookie 中，而不是某个副本的内存里。",
        "这并不意味着我们放弃了一致性：每个服务都订阅同一份变更日志，读到的数据最多落后两秒。",
        "下一步，我们打算把同样的做法推广到库存服务。如果你也在做类似的改造，欢迎在评论区分享你的经验。",
        "[1] 这里的\"写入延迟\"指从服务收到请求到数据库返回确认的时间。", "我们如何把写入延迟砍掉一半",
        "So that users are not logged out when we switch nodes, we keep the session token in a browser cookie rather than in "
        "any one replica's memory.",
        "This does not mean we gave up consistency: every service subscribes to the same change log, and the data it reads is "
        "at most two seconds behind.",
        "Next, we plan to bring the same approach to the inventory service. If you are doing similar work, share your "
        "experience in the comments.",
        "[1] By \"write latency\" we mean the time from the service receiving a request to the database confirming it.",
        "How we cut our write latency in half"],
}


def parts_by_text(blocks) -> dict[str, set[str]]:
    """The parts of the blocks of each text (a README repeats its markup lines: '<p align="center">')."""
    return blocks.groupby("text")["part"].agg(set).to_dict()


def test_each_documents_furniture_is_set_aside(unseen):
    name, _, analysis = unseen
    parts = parts_by_text(analysis.tables.blocks)
    assert {line: parts[line] for line in FURNITURE[name]} == {line: {PART_NONCONTENT} for line in FURNITURE[name]}
    ad = analysis.tables.blocks[analysis.tables.blocks["text"].str.startswith("合作启事")]
    assert (ad["part"] == PART_NONCONTENT).all()


@pytest.mark.parametrize("name", sorted(FURNITURE_COMPLETE))
def test_the_furniture_documents_furniture_and_nothing_else_is_set_aside(name):
    """Precision 1 and recall but the known misses, against the whole gold; the false friends stay content and none
    of them, nor any furniture line, is an addition, a section, an omission or a theme's sentence."""
    analysis = pipeline.run((UNSEEN / f"{name}.txt").read_text(encoding="utf-8"))
    blocks = analysis.tables.blocks
    set_aside = set(blocks.loc[blocks["part"] == PART_NONCONTENT, "text"])
    gold = set(FURNITURE[name]) | FURNITURE_COMPLETE[name]
    assert (set_aside - gold, gold - set_aside) == (set(), FURNITURE_COMPLETE[name])
    parts = parts_by_text(blocks)
    assert [line for line in FALSE_FRIENDS[name] if PART_NONCONTENT in parts[line]] == []
    claims = analysis.tables.claims
    furniture_ids = set(claims.loc[claims["part"] == PART_NONCONTENT, "claim_id"])
    assert not furniture_ids & set(analysis.additions["zh_claim_id"].dropna().astype(int))
    assert not furniture_ids & set(analysis.theme_hits["claim_id"])
    assert not set(FURNITURE[name]) & (set(analysis.coverage["heading"]) | set(analysis.omissions["heading"]))


def test_a_commentarys_closing_remarks_and_question_to_its_readers_are_its_additions():
    # after retelling the whole short post the commentary closes in its own voice (说实话…, 我个人觉得…), with a remark
    # on the source's newsletter and photo, and a question to the readers: its additions, not English the file lacks
    found = unlinked("i-wechat-commentary-full-footer")
    own = ("说实话", "我个人觉得", "这家公司每周", "文章最后配了", "你们的仓库")
    assert {opening: [r for text, r in found.items() if text.startswith(opening)] for opening in own} == {
        opening: ["addition"] for opening in own}


def test_the_writers_own_opening_aside_stays_content():
    # only the WeChat commentary opens with one: read on its own, not as a parametrised case skipped for the others
    analysis = pipeline.run((UNSEEN / "b-wechat-commentary-simplified.txt").read_text(encoding="utf-8"))
    blocks = analysis.tables.blocks
    assert (blocks.loc[blocks["text"].str.startswith("阅读原文前"), "part"] == PART_COMMENTARY).all()


#: The kinds each document must carry and must not: what it is (translation, summary, commentary) and its English's extent.
EXPECTED_CAVEATS = {
    "a-wire-report-traditional": ({"traditional_script", "english_excerpt"}, {"commentary", "chinese_much_shorter"}),
    "b-wechat-commentary-simplified": ({"commentary"}, {"translation", "english_excerpt"}),
    "c-close-translation-blog": ({"translation"}, {"commentary", "english_excerpt", "chinese_much_shorter"}),
    "d-news-compile-simplified": ({"translation"}, {"commentary", "english_excerpt", "traditional_script"}),
    "e-summary-note-simplified": ({"chinese_much_shorter"}, {"commentary", "translation", "english_excerpt"}),
    "f-adapted-translation-half-english": ({"translation", "english_excerpt"}, {"commentary", "chinese_much_shorter"}),
    "g-wechat-commentary-essay-whole": ({"commentary"}, {"translation", "english_excerpt", "traditional_script"}),
    "h-taiwan-compiled-news-two-paragraphs": ({"traditional_script", "translation"},
                                              {"english_excerpt", "commentary", "chinese_much_shorter"}),
    "i-wechat-commentary-full-footer": ({"commentary"}, {"translation", "english_excerpt", "traditional_script"}),
    "j-hk-news-traditional-wire": ({"traditional_script", "translation"}, {"english_excerpt", "commentary"}),
    "k-zhihu-answer-english-essay": (set(), {"translation", "english_excerpt", "traditional_script"}),
    "l-readme-translation-furniture": ({"translation"}, {"english_excerpt", "commentary", "chinese_much_shorter"}),
    "f-readme-open-source-translation": ({"translation"}, {"english_excerpt", "commentary", "chinese_much_shorter"}),
    "f-company-blog-official-translation": ({"translation"}, {"english_excerpt", "commentary", "chinese_much_shorter"}),
    # a summary with one view and one question of its writer's own: under the commentary's three asides
    "f-magazine-feature-summary": (set(), {"translation", "english_excerpt", "traditional_script", "commentary"}),
    "r-adapted-translation-engineering-blog": ({"translation"}, {"commentary", "english_excerpt", "chinese_much_shorter",
                                                                "traditional_script"}),
    "r-commentary-interview-excerpt": ({"commentary"}, {"translation", "traditional_script"}),
    "r-compiled-news-traditional-chip-centre": ({"traditional_script", "translation"}, {"english_excerpt", "commentary",
                                                                         "chinese_much_shorter"}),
    "r-commentary-essay-sections-simplified": ({"commentary"}, {"translation", "english_excerpt", "traditional_script",
                                                                "chinese_much_shorter"}),
    "r-adapted-translation-product-launch-yuan": ({"translation"}, {"commentary", "english_excerpt", "chinese_much_shorter",
                                                                   "traditional_script"}),
    # the English given is the first wire story whole (it signs off with its credit); the second is only quoted
    "r-hk-news-two-wires-drone-delivery": ({"traditional_script", "translation"}, {"english_excerpt", "commentary",
                                                                    "chinese_much_shorter"}),
    # a repost digest of a feature whose English is its opening: an editor's note, a view and a question of its own
    "r-summary-magazine-excerpt-clinics": ({"english_excerpt"}, {"translation", "traditional_script",
                                                                 "chinese_much_shorter"}),
    "r-commentary-podcast-interview-whole": ({"commentary"}, {"translation", "english_excerpt", "traditional_script",
                                                              "chinese_much_shorter"}),
    # a rewrite that reorders its source's paragraphs and names it only in a closing 参考资料 line (review round 11)
    "r-rewrite-reordered-open-weights": ({"commentary"}, {"translation", "english_excerpt", "traditional_script"}),
}
#: What the pages call each document's Chinese version (``narrative.chinese_kind``): a summary is never "the commentary".
EXPECTED_NAME = {"a-wire-report-traditional": "translation", "b-wechat-commentary-simplified": "commentary",
                 "c-close-translation-blog": "translation", "d-news-compile-simplified": "translation",
                 "e-summary-note-simplified": "summary", "f-adapted-translation-half-english": "translation",
                 "g-wechat-commentary-essay-whole": "commentary", "h-taiwan-compiled-news-two-paragraphs": "translation",
                 "i-wechat-commentary-full-footer": "commentary", "j-hk-news-traditional-wire": "translation",
                 "k-zhihu-answer-english-essay": "summary", "l-readme-translation-furniture": "translation",
                 "f-readme-open-source-translation": "translation", "f-company-blog-official-translation": "translation",
                 "f-magazine-feature-summary": "summary",
                 "r-adapted-translation-engineering-blog": "translation", "r-commentary-interview-excerpt": "commentary",
                 "r-compiled-news-traditional-chip-centre": "translation",
                 "r-commentary-essay-sections-simplified": "commentary",
                 "r-adapted-translation-product-launch-yuan": "translation",
                 "r-hk-news-two-wires-drone-delivery": "translation",
                 "r-summary-magazine-excerpt-clinics": "commentary",
                 "r-commentary-podcast-interview-whole": "commentary",
                 "r-rewrite-reordered-open-weights": "commentary"}
#: Documents the engine still names wrongly, with why: the test expects the right name and records the gap as an
#: expected failure until the engine part that owns it reads the document right.
MISNAMED: dict[str, str] = {}


def test_the_caveats_a_reader_needs_are_raised(unseen):
    name, _, analysis = unseen
    required, forbidden = EXPECTED_CAVEATS[name]
    kinds = set(analysis.caveats["kind"])
    assert (required - kinds, forbidden & kinds) == (set(), set())


def test_the_chinese_is_called_what_it_is(unseen):
    name, _, analysis = unseen
    if name in MISNAMED and chinese_kind(analysis.caveats) != EXPECTED_NAME[name]:
        pytest.xfail(MISNAMED[name])
    assert chinese_kind(analysis.caveats) == EXPECTED_NAME[name]


def test_the_wire_storys_truncated_english_is_flagged():
    # the Chinese weaves its own context in to its end, so no unlinked run trails the last link: what tells is that half
    # of it comes after it has reached the English's end and draws on nothing new there, with the English the shorter
    analysis = pipeline.run((UNSEEN / "a-wire-report-traditional.txt").read_text(encoding="utf-8"))
    assert "english_excerpt" in set(analysis.caveats["kind"])


def test_a_commentary_with_asides_is_not_called_a_translation():
    # about as long as its English, it was once aligned as a translation, its asides force-linked (34 of 44 sentences
    # and headings linked) and the link share alone read it as one: it speaks of its source in the third person
    # (作者说, 这篇文章) and in its own voice (说白了, 我的看法)
    analysis = pipeline.run((UNSEEN / "b-wechat-commentary-simplified.txt").read_text(encoding="utf-8"))
    assert "translation" not in set(analysis.caveats["kind"])
    assert "commentary" in set(analysis.caveats["kind"])


#: The WeChat commentary's units that are its writer's own, by a reading of both versions (their openings): the
#: opening aside and the meta-comment on the write-up, the outline's title, the asides between the retold sections
#: (说白了…, 我个人觉得…, 顺带一提…, 这让我想起…) and the whole closing section 我的看法. Sixteen of its 44 units.
WRITERS_OWN = ["阅读原文前", "他在个人博客上", "要点总结", "说白了", "这一点国内", "我个人觉得", "很多团队拿着", "顺带一提",
               "这让我想起", "放在今天的AI", "我的看法", "总的来说", "如果你也在做", "当然，作者的", "如果换成需要", "也欢迎大家"]


def test_a_commentarys_asides_stay_unlinked():
    # the aligner reads the commentary's kind from the same evidence as the caveats (it reports its source: 作者说):
    # a summary's bars, where the writer's own sentences pay to link. Read as a translation, 7 of the 16 stayed
    # unlinked; now 13 do. Three still link, each sharing the words of the English beside it: 他在个人博客上… (the
    # post "looks back"), 顺带一提… (mixed precision) and 放在今天的AI… (the metric that mattered).
    analysis = pipeline.run((UNSEEN / "b-wechat-commentary-simplified.txt").read_text(encoding="utf-8"))
    claims = analysis.tables.claims.set_index("claim_id")
    linked = set(analysis.alignment.dropna(subset=["zh_claim_id", "en_claim_id"])["zh_claim_id"].astype(int))
    rows = analysis.alignment.dropna(subset=["zh_claim_id"]).drop_duplicates("zh_claim_id")
    units = {int(z): claims.loc[int(z), "text"] for z in rows["zh_claim_id"]}
    own = {opening: [z for z, text in units.items() if text.startswith(opening)] for opening in WRITERS_OWN}
    assert all(len(ids) == 1 for ids in own.values())
    unlinked = [opening for opening, ids in own.items() if ids[0] not in linked]
    assert len(unlinked) >= 13, sorted(set(WRITERS_OWN) - set(unlinked))
    assert {"说白了", "我的看法", "总的来说", "当然，作者的", "如果换成需要"} <= set(unlinked)  # force-linked before


def test_the_wire_storys_attributed_sentence_takes_the_english_it_renders():
    # 美官員表示，這次調整的起因… has no word the dictionaries meet in its English ("prompted", "diverted"), and sits
    # between two links whose English between holds it and a sentence an earlier Chinese sentence took as a loose
    # second link: the gap takes the one sentence nothing draws on
    analysis = pipeline.run((UNSEEN / "a-wire-report-traditional.txt").read_text(encoding="utf-8"))
    claims = analysis.tables.claims.set_index("claim_id")
    rows = analysis.alignment.dropna(subset=["zh_claim_id", "en_claim_id"])
    linked = [claims.loc[int(e), "text"] for z, e in zip(rows["zh_claim_id"], rows["en_claim_id"])
              if claims.loc[int(z), "text"].startswith("美官員表示，這次調整的起因")]
    assert len(linked) == 1 and linked[0].startswith("U.S. officials said the push was prompted")


def unlinked(name: str) -> dict[str, str]:
    """The Chinese sentences of an invented document that link to no English, by their text: their relation."""
    analysis = pipeline.run((UNSEEN / f"{name}.txt").read_text(encoding="utf-8"))
    claims = analysis.tables.claims.set_index("claim_id")
    rows = analysis.alignment.dropna(subset=["zh_claim_id"])
    linked = set(rows.dropna(subset=["en_claim_id"])["zh_claim_id"].astype(int))
    return {claims.loc[int(z), "text"]: r for z, r in zip(rows["zh_claim_id"], rows["relation"]) if int(z) not in linked}


def test_a_commentary_that_closes_in_its_own_voice_over_a_whole_english_is_no_excerpt():
    # the commentary retells the essay's five paragraphs to the last and closes with its writer's view and a question
    # to the reader: once read as English the file lacks ('beyond'), they are the writer's own; so is the frank aside
    # in the middle (说实话…), once linked to the paragraph it reacts to
    found = unlinked("g-wechat-commentary-essay-whole")
    own = ("今天想聊", "说实话", "我个人觉得", "在我看来", "你怎么看", "欢迎在评论区")
    assert {opening: [r for text, r in found.items() if text.startswith(opening)] for opening in own} == {
        opening: ["addition"] for opening in own}
    assert len(found) == len(own)


def test_a_compiled_reports_own_context_after_a_signed_off_wire_story_is_its_addition():
    # the two wire paragraphs end with the wire's credit line: the English is whole, and the newspaper's own context
    # after them (a ministry, an industry source, the city government) is its addition, not English the file lacks
    found = unlinked("h-taiwan-compiled-news-two-paragraphs")
    context = ("這是今年第三家", "經濟部官員表示", "不過，業界人士指出", "台中市政府則表示")
    assert {opening: [r for text, r in found.items() if text.startswith(opening)] for opening in context} == {
        opening: ["addition"] for opening in context}
    assert "beyond" not in set(found.values())


@pytest.mark.parametrize("zh", ["星河公司宣布，将在明年春天推出一款新的翻译耳机，售价约两百美元。",
                                "星河公司宣佈，將在明年春天推出一款新的翻譯耳機，售價約兩百美元。"])
def test_an_announcement_kept_as_an_announcement_is_no_absorbed_claim(zh):
    # a compiled report renders the wire's "X said it would …" as X宣布…: the company's claim, kept as its own
    text = "\n".join([zh, "Xinghe said it would launch a new pair of translation earbuds next spring, priced at about $200."])
    framing = pipeline.run(text).framing
    linked = framing.dropna(subset=["en_text"])
    assert len(linked) == 1 and linked["voice_shift"].iloc[0] == "attributed"


def test_a_measure_word_before_a_size_is_no_university():
    # "160台大型机器人" (160 large robots: 台 counts machines) once named National Taiwan University (台大) on the
    # invented commentary's pages: the gazetteer fences 台大 off inside 台大型, 台大模型 and their like
    text = (UNSEEN / "i-wechat-commentary-full-footer.txt").read_text(encoding="utf-8")
    mentions = pipeline.run(text).tables.mentions
    assert "ntu_taiwan" not in set(mentions["org"])


def test_an_adapted_translations_added_note_is_its_addition_and_its_dropped_paragraph_is_said():
    # a company's official translation: every paragraph rendered in order but one (an on-call lesson), and a
    # translator's note for Chinese readers (译注：…) that has no English behind it
    from helpers.render import deck
    analysis = pipeline.run((UNSEEN / "r-adapted-translation-engineering-blog.txt").read_text(encoding="utf-8"))
    found = unlinked("r-adapted-translation-engineering-blog")
    assert set(found.values()) == {"addition"} and all(t.startswith(("译注", "文中的")) for t in found), found
    gone = deck.dropped_paragraphs(analysis.tables.claims, analysis.alignment, analysis.tables.blocks)
    assert gone["first"].tolist() == ["We also learned a lesson about on-call."]
    assert "leaves out 1 whole English paragraph (3 sentences)" in deck.closing(analysis)


def test_the_interview_commentarys_column_and_byline_line_is_a_byline():
    analysis = pipeline.run((UNSEEN / "r-commentary-interview-excerpt.txt").read_text(encoding="utf-8"))
    blocks = analysis.tables.blocks.set_index("text")
    assert blocks.at["科技夜读 · 文／老周", "part"] == PART_NONCONTENT


def test_the_interview_commentarys_show_line_is_furniture():
    # a show's name and an episode's number, no sentence: the podcast's furniture (it stayed content before)
    analysis = pipeline.run((UNSEEN / "r-commentary-interview-excerpt.txt").read_text(encoding="utf-8"))
    parts = analysis.tables.blocks.set_index("text")["part"]
    assert parts["The Lantern · Episode 112"] == PART_NONCONTENT


def test_the_interview_commentarys_cut_english_is_an_excerpt():
    # the English stops mid-answer; the Chinese goes on to the interview's later answers (a launch plan, a view on
    # regulation): those are beyond the English given, its own close (a question, 说到底我觉得…) its additions
    analysis = pipeline.run((UNSEEN / "r-commentary-interview-excerpt.txt").read_text(encoding="utf-8"))
    assert "english_excerpt" in set(analysis.caveats["kind"])
    claims, alignment = analysis.tables.claims, analysis.alignment
    beyond = claims.loc[claims["claim_id"].isin(alignment.loc[alignment["relation"] == "beyond", "zh_claim_id"]), "text"]
    assert [t[:4] for t in beyond] == ["她接着透", "她还认为"]


def test_a_compiled_reports_context_is_its_own_and_its_wire_sentences_keep_their_attribution():
    # the newspaper renders the wire's sentences, each still credited (該公司表示, 對記者表示, a 他說 that carries the
    # quotation on, 據…報導), leaves out its last paragraph and adds four sentences of its own context
    from helpers.render import deck
    analysis = pipeline.run((UNSEEN / "r-compiled-news-traditional-chip-centre.txt").read_text(encoding="utf-8"))
    found = unlinked("r-compiled-news-traditional-chip-centre")
    context = ("這是今年第五家", "經濟部官員指出", "據人力銀行統計", "新竹縣政府則表示")
    assert sorted(found) == sorted(t for t in found if t.startswith(context)) and set(found.values()) == {"addition"}
    assert len(found) == len(context)
    linked = analysis.framing.dropna(subset=["en_text"])
    assert set(linked["voice_shift"].dropna()) - {""} == {"attributed"}   # the headline aside: no voice to keep
    gone = deck.dropped_paragraphs(analysis.tables.claims, analysis.alignment, analysis.tables.blocks)
    assert gone["first"].tolist() == ["Shares of Corvane rose 3% in extended trading on Friday."]
    # the date line above the byline names nobody: the wire's 'By …' line gives the author
    assert deck.document_facts(analysis.tables.blocks)["author"] == "Laura Penrose"


def test_a_commentarys_skipped_section_is_left_out_whole_and_its_asides_stay_its_own():
    from helpers.render import deck
    analysis = pipeline.run((UNSEEN / "r-commentary-essay-sections-simplified.txt").read_text(encoding="utf-8"))
    found = unlinked("r-commentary-essay-sections-simplified")
    assert {t[:4] for t in found} >= {"笔者认为", "我认为，", "与其追求"} and set(found.values()) == {"addition"}
    gone = deck.dropped_paragraphs(analysis.tables.claims, analysis.alignment, analysis.tables.blocks)
    assert [t.split()[0] for t in gone["first"]] == ["Procurement", "None"]   # the section's two paragraphs, and only them
    labels = analysis.framing.set_index("zh_text")["certainty_shift"]
    assert labels[next(t for t in labels.index if t.startswith("他还写道"))] == "sharpened"   # 'may never have been' as 从来没有
    assert labels[next(t for t in labels.index if t.startswith("作者的建议是"))] == "softened"  # 'must fund' as 或许可以考虑
    assert set(analysis.additions.loc[analysis.additions["addition"] == "entity_only_in_zh", "surface"]) == {"青禾科技"}


@pytest.mark.xfail(strict=False, reason="known gaps: the aligner ties a commentary's asides that share the English's "
                   "words (值得注意的是…, its rhetorical question, its title's question) to the paragraph beside them; "
                   "discovery misses an institute named only in the Chinese (南湖城市研究院)")
def test_the_red_teams_second_pair_gaps():
    found = unlinked("r-commentary-essay-sections-simplified")
    assert {"值得注意的是", "可是，有多少", "传感器装得越多"} <= {t[:6] for t in found} | {t[:7] for t in found}
    commentary = pipeline.run((UNSEEN / "r-commentary-essay-sections-simplified.txt").read_text(encoding="utf-8"))
    assert {"青禾科技", "南湖城市研究院"} <= set(commentary.additions["surface"].dropna())


def test_a_wire_reports_would_is_its_future_so_the_chinese_may_softens_it():
    # the wire: "Brandt said the new centre would double …" (the reported 'will'); the paper: 或許能 ('may
    # perhaps'), softened; once read as a hedge rendered by 或許 (a red-team gap)
    report = pipeline.run((UNSEEN / "r-compiled-news-traditional-chip-centre.txt").read_text(encoding="utf-8"))
    labels = report.framing.set_index("zh_text")["certainty_shift"]
    assert labels[next(t for t in labels.index if t.startswith("布蘭特也提到"))] == "softened"


def test_a_summarys_closing_view_and_question_to_one_reader_are_its_additions():
    # the magazine summary closes with its writer's view (我个人觉得…) and a question to one reader (你所在的城市…吗？):
    # the question was once linked to the English's last paragraph
    found = unlinked("f-magazine-feature-summary")
    own = ("我个人觉得", "你所在的城市")
    assert {opening: [r for text, r in found.items() if text.startswith(opening)] for opening in own} == {
        opening: ["addition"] for opening in own}


@pytest.mark.parametrize("times, set_aside", [(3, True), (2, False)])
def test_an_alt_text_repeated_over_one_versions_diagrams_is_set_aside_in_the_other_too(times, set_aside):
    # an excerpt's English holds one of the diagrams whose alt text the Chinese repeats over each of its three
    zh = []
    for k in range(times):
        zh += ["Zorb-Chat!", f"第{k + 1}张图说明了训练流程中的一个步骤，这里的文字是它的解释，写得比较长。"]
    text = "\n".join(zh + ["The training loop has three steps, each shown in a diagram below.", "Zorb-Chat!",
                           "The first step tunes the model on examples written by people."])
    blocks = parse_document(text).blocks
    parts = set(blocks.loc[blocks["text"] == "Zorb-Chat!", "part"])
    assert parts == ({PART_NONCONTENT} if set_aside else {"commentary", "original"})


def test_a_row_of_html_links_spread_over_lines_is_set_aside_to_its_last_entry():
    row = ['<a href="https://example.org/blog">博客</a> |', '<a href="https://example.org/demo">演示</a>']
    parts = _parse_between(row + ["后面还有一段正文，讲的是别的事。"])
    assert [parts[line] for line in row] == [PART_NONCONTENT] * 2
    # one link to another page alone on its line, with no row above it, may be the text's own
    alone = '<a href="https://example.org/demo">演示</a>'
    assert _parse_between(["这里是一段正文，说明演示的用法。", alone, "后面还有一段正文，讲的是别的事。"])[alone] != PART_NONCONTENT


def _orgs_by_part(name: str) -> dict[str, set[str]]:
    """The organisations each version of an invented document names (lab types and discovered names), by part."""
    from helpers.framing.labs import lab_mentions
    analysis = pipeline.run((UNSEEN / f"{name}.txt").read_text(encoding="utf-8"))
    mentions = lab_mentions(analysis.tables.mentions)
    return {part: {org.replace(" (discovered)", "") for org in mentions.loc[mentions["part"] == part, "org"]}
            for part in ("commentary", "original")}


def test_a_hong_kong_reports_companies_are_named_in_both_scripts_and_its_share_row_names_none():
    # the third red team's report (wave 10): each company introduced as 公司+Han name+（Latin name）; its share row
    # (分享至 Facebook) is a prompt, so Meta is not "named only in the Chinese"
    from helpers.render import deck
    orgs = _orgs_by_part("r-hk-news-two-wires-drone-delivery")
    # and the second wire story's outlet, cited in 據《…》報道, is a publication (named only in the Chinese), named as
    # the Traditional source writes it
    assert orgs == {"commentary": {"Brightwing Aerial", "Tai Hang Express", "Fennick Drones", "太平洋財經通訊"},
                    "original": {"Brightwing Aerial", "Tai Hang Express", "Meridian Wire"}}
    analysis = pipeline.run((UNSEEN / "r-hk-news-two-wires-drone-delivery.txt").read_text(encoding="utf-8"))
    facts = deck.document_facts(analysis.tables.blocks)
    assert (facts["author"], facts["zh_author"]) == ("Nadia Holm", "梁嘉欣")


def test_an_adapted_launch_posts_pricing_sentence_stays_content_and_its_dropped_paragraph_is_said():
    # 'existing Pro subscribers upgrade at no cost' is the post's own sentence, not a subscribe prompt
    from helpers.render import deck
    analysis = pipeline.run((UNSEEN / "r-adapted-translation-product-launch-yuan.txt").read_text(encoding="utf-8"))
    blocks = analysis.tables.blocks
    pricing = blocks[blocks["text"].str.startswith("The Free and Pro plans")]
    assert set(pricing["part"]) == {"original"}
    assert deck.document_facts(blocks)["author"] == "Mara Quint"
    gone = deck.dropped_paragraphs(analysis.tables.claims, analysis.alignment, blocks)
    assert "We could not have built it alone." in gone["first"].tolist()
    assert _orgs_by_part("r-adapted-translation-product-launch-yuan") == {
        "commentary": {"Lanbridge Software", "云栈科技"}, "original": {"Lanbridge Software", "Orrin Labs"}}
    found = unlinked("r-adapted-translation-product-launch-yuan")
    assert {t[:6] for t in found} >= {"## 面向中", "中国大陆用户", "我们与云栈科"}


@pytest.mark.xfail(strict=False, reason="known gaps (wave 10 red team): 'the fastest' as 领先的 and 'Most users "
                   "should' as 每一位用户都一定会 are left unchanged (helpers/framing/shifts.py); 他估計 and 他又指 carry a "
                   "report's attribution on but are labelled quote absorbed (voice cues)")
def test_the_third_red_teams_gaps():
    launch = pipeline.run((UNSEEN / "r-adapted-translation-product-launch-yuan.txt").read_text(encoding="utf-8"))
    labels = launch.framing.set_index("zh_text")["certainty_shift"]
    assert labels[next(t for t in labels.index if t.startswith("我们相信"))] == "softened"
    assert labels[next(t for t in labels.index if t.startswith("每一位用户"))] == "sharpened"
    report = pipeline.run((UNSEEN / "r-hk-news-two-wires-drone-delivery.txt").read_text(encoding="utf-8"))
    voices = report.framing.set_index("zh_text")["voice_shift"]
    assert {voices[t] for t in voices.index if t.startswith(("他估計", "他又指"))} == {"attributed"}


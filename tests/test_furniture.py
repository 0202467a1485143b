"""Site furniture and bylines are non-content (helpers.text.parse.classify_noncontent), by rule and cue file: one
case per rule, and the content that must stay content (a real heading, a short paragraph, a licence clause)."""

import pytest
from hypothesis import given, strategies as st

from helpers.columns import PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL
from helpers.text.parse import (
    assign_parts, classify_noncontent, is_button_row, is_link_row, parse_document, reference_entry,
)


@pytest.mark.parametrize("line, kind", [
    # page metadata of web captures and reposts
    ("Title: Building sturdy harbours", "boilerplate"),
    ("URL Source: https://example.com/research/post", "boilerplate"),
    ("Published Time: 2021-11-02T08:30:00+00:00", "boilerplate"),
    ("原文：Designing quieter dashboards", "boilerplate"),
    ("URL: https://example.com/p/post", "boilerplate"),
    ("Added At: 2025-01-02", "boilerplate"),
    ("主来源：Building sturdy harbours", "boilerplate"),
    ("关联来源：Writing tools for agents", "boilerplate"),
    ("https://example.com/a/b", "boilerplate"),
    # navigation: link rows, emoji menus, a folder's file list, expand prompts
    ("🤗 Model hub • 🤖 Mirror site • 💬 Chat group", "boilerplate"),
    ("📘使用说明 | 🤗模型仓库 | 🆕更新日志", "boilerplate"),
    ("👋 Join us on 👾 Chatroom or 💬 Forum", "boilerplate"),
    ("📚 Grow at the Learning Hub", "boilerplate"),
    ("💪 欢迎来 技术博客 学习技术", "boilerplate"),
    ("02-concept-sample-topic.md：Sample 与 Topic 的边界", "boilerplate"),
    ("Link To Text", "boilerplate"),
    ("点击展开", "boilerplate"),
    ("Click to expand", "boilerplate"),
    ("加入我们", "boilerplate"),
    # bylines, credits, image placeholders, captions, alt texts
    ("Written by Ann Example", "byline"),
    ("![a diagram of the loop](images/loop.png)", "image_placeholder"),
    ("译员：@alice、@bob 与 @carol", "byline"),
    ("Prompt 专家：@someone", "byline"),
    ("作者：张三", "byline"),
    ("記者 何某某", "byline"),          # a reporter's credit, label and name apart by a space
    ("你也可以在 Twitter（英文、日文）和知乎上关注我们。", "boilerplate"),   # 'Follow us on Twitter and Zhihu'
    ("欢迎关注我们的推特和微博", "boilerplate"),
    ("本文由某某科技编译，编译者：周某", "byline"),              # a compiled post's credit
    ("关注某某，获取更多海外科技动态", "boilerplate"),            # a follow call naming the outlet
    ("#程序员# #人工智能#", "boilerplate"),                           # a Weibo post's topic tags
    ("记者 王某某 李某", "byline"),
    ("图／路透", "byline"),
    ("By Jane Doe", "byline"),
    ("Illustration: James Marshall", "byline"),
    ("Image 1", "image_placeholder"),
    ("Figure 2. The design of the engine.", "caption"),
    ("表 1. 单节点训练时长。", "caption"),
    ("Visual Gif of decoding", "caption"),
    # star, follow and announcement prompts; a prompt's call may end a line longer than a furniture line
    ("如果你觉得这个项目有用，或者喜欢我们做的开源工作，欢迎在 ExampleRepo 和 ExampleDocs 上点⭐。", "boilerplate"),
    ("🚀 示例模型在线体验平台已正式向公众开放 🎉", "boilerplate"),
    # translation and contribution credits
    ("本文贡献者", "byline"),
    ("本文中文版由下列贡献者翻译，排名不分先后。", "byline"),
    ("🙌 这份文档由三位读者翻译完成，谢谢他们。", "byline"),
    ("example contributors", "caption"),
    # WeChat, Zhihu and Weibo footers and counts: rows of buttons with their counts
    ("点赞 42 · 在看 7 · 分享 3", "boilerplate"),
    ("赞同 3.4k", "boilerplate"),
    ("12 条评论", "boilerplate"),
    ("收藏 · 喜欢 · 举报", "boilerplate"),
    ("318 likes · 24 comments", "boilerplate"),
    ("本文来源：某某科技编辑部", "boilerplate"),
    ("声明：本文观点仅代表作者本人，如有侵权请联系删除。", "boilerplate"),
    ("觉得不错就点个在看吧", "boilerplate"),
    ("長按識別二維碼，追蹤我們", "boilerplate"),
    # Taiwan and Hong Kong news: newsletter and LINE prompts
    ("訂閱電子報，每天早上收到重點新聞", "boilerplate"),
    ("加入Line好友", "boilerplate"),
    # English web furniture
    ("Listen to this article", "boilerplate"),
    ("Share this story", "boilerplate"),
    ("Related: A harbour town builds a sea wall", "boilerplate"),
    ("© 2026 Example Media Group", "boilerplate"),
    ("Jo Vance/Getty Images", "byline"),
    ("图源网络", "byline"),
    # a reference list's entry that cites an address (one that cites a year is read under its label: below)
    ("[12] https://example.org/notes/harbours", "boilerplate"),
    # README furniture: language switchers, HTML wrappers, badges, contents entries, back-to-top links, ornaments
    ("English | 简体中文", "boilerplate"),
    ("[中文](README_zh.md) ｜ English ｜ [日本語](README_ja.md)", "boilerplate"),
    ("[English Version](README_EN.md)", "boilerplate"),             # one link to the page in another language
    ("[中文文档](README_zh.md)", "boilerplate"),
    ('<div align="center">', "boilerplate"),
    ("</p>", "boilerplate"),
    ('<img src="docs/banner.png" width="60%"/>', "image_placeholder"),
    ("[![CI](https://img.shields.io/badge/ci-passing-green.svg)](actions) [![PyPI](https://img.shields.io/badge/pypi-1.0-blue.svg)](pypi)", "boilerplate"),
    ("- [安装](#安装)", "boilerplate"),
    ("3. [Usage](#usage)", "boilerplate"),
    ("🔝 回到顶部", "boilerplate"),
    ("[Back to top](#readme)", "boilerplate"),
    ("* * *", "boilerplate"),
    ('<p align="center"><b>Figure 2:</b> Throughput of the two systems.</p>', "caption"),  # a caption inside tags
    ("> 图 1：系统架构", "caption"),
    # Chinese post and news credits and notices, English wire and page furniture
    ("排版｜王五", "byline"),
    ("题图｜网络", "byline"),
    ("原标题：港口为什么越修越大", "boilerplate"),
    ("- END -", "boilerplate"),
    ("未经授权禁止转载", "boilerplate"),
    ("▲ 点击上方卡片关注", "boilerplate"),
    ("（示例社記者王大明台北1日電）", "byline"),
    ("〔記者陳小明／台北報導〕", "byline"),
    ("（編輯：林小華）1140301", "byline"),
    ("點我看更多", "boilerplate"),
    ("Reporting by Ann Lee in Taipei; Editing by Bo Chan", "byline"),
    ("Additional reporting by Jo Vance", "byline"),
    ("FILE PHOTO: A worker walks past a plant, May 2, 2025. Jo Vance/File Photo", "byline"),
    ("Tags: harbours, ports", "boilerplate"),
    ("Was this article helpful?", "boilerplate"),
    ("科技夜读 · 文／老周", "byline"),                       # a column's name, then its byline
    ("周末读书｜作者：王五", "byline"),
    # kinds of document the bundle had not met (invented lines): a flash report's related story on its label's line, a
    # press release's contact and issuer, a podcast page's show-date-length line, a Weibo post's source line, a Taiwan
    # op-ed's byline with its labels after the names, a paper's disclaimer, reposting notices, a follow prompt, a
    # compiled post's source credit, a font-size control
    ("相关阅读：港口城市连续三年扩建码头", "boilerplate"),
    ("延伸閱讀：園區擴建兩年 成效如何", "boilerplate"),
    ("Media contact: press@example.org", "byline"),
    ("媒体联系人：李四，电话：010-0000 0000", "byline"),
    ("发布机构：某某基金会项目办公室", "boilerplate"),
    ("Night Shift · March 3, 2026 · 48 min", "byline"),
    ("03-14 09:12 来自 Android客户端 已编辑", "byline"),
    ("◎ 王大明（Daming Wang）／文　林小華／譯", "byline"),
    ("本報刊出之評論文章，不代表本報立場。", "boilerplate"),
    ("本文经授权发布，不代表本站立场。", "boilerplate"),
    ("如需转载请联系后台，违者必究。", "boilerplate"),
    ("想了解更多，欢迎关注我们的官方微信公众号。", "boilerplate"),
    ("本文编译自播客《夜班》第12期，有删节。", "byline"),
    ("字級設定：小 中 大", "boilerplate"),
    # bilingual review round 20: a WeChat post's follow prompt read as the Chinese's section heading, a hearing
    # transcript's credit line as the English's
    ("点这里👇关注我，记得标星哦～", "boilerplate"),
    ("Unofficial transcript excerpt prepared by Example Record Services", "byline"),
    # bilingual review round 21: a Taiwan site's rights line under a translated review
    ("本文經示例網授權翻譯，未經同意請勿轉載。", "boilerplate"),
    ("本文经授权翻译，请勿转载。", "boilerplate"),
])
def test_furniture_lines_are_set_aside(line, kind):
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("line", [
    "Why Yi?",                                                    # a real heading
    "记者节 年年都有新话题",                                        # 记者 opening a heading, not a credit
    "这条推文在推特上引起了广泛关注。",                                # attention on a platform, no call to follow
    "关注这一领域的投资人越来越多，获取融资却更难了。",                 # 关注 as 'pay attention to'
    # a thread's last post: its sentence, then a courtesy ('thanks for reading' alone would be a prompt)
    "6/6 Tools won't replace engineers, but engineers who refuse to learn them may well be replaced. That's all, thanks for reading.",
    "可以看到，知乎上的讨论度很高，很多人关注度在上升。",
    "📌 Yi 是什么?",                                              # an emoji-led heading
    "💡 TL;DR",
    "The model is small.",                                        # a real short paragraph
    "这个模型很小，但很强。",
    "5. 免责声明与责任限制",                                        # a numbered licence clause
    "免责声明",                                                    # the document's own disclaimer section
    "团队在论文发布以后欢迎关注的读者提出问题，并且把收到的每一个问题都整理成了文档，放在项目主页上供大家查阅和讨论，也会持续更新。",  # a cue inside a long line
    "You must give any other recipients a copy of this License.",  # a licence clause
    "🎯 2022-06-01: Our technical report is out!",                # a dated news item, not a byline
    "[2024.03.26] 我们发布了技术报告。",
    "示例公司于2025年3月1日发布了新模型。",                          # a short sentence that holds a date
    "2025年3月1日，示例公司在港口城市发布了新模型。",
    "On March 1, 2025, the lab released a small model.",
    "这条视频在社交平台上获得了上万次点赞。",                          # a count of likes, not a call to like
    "扫码支付在这座城市已经非常普遍。",                                # scanning to pay, not a call to scan
    "记者：你们为什么把权重开放出来？",                                # an interview's question, not a byline
    "7B | 🤗 Base-7B | 🤗 Chat-7B | 🤗 Chat-7B-4bits",              # a table row with links in it
    "Cards | Foo-13B | Foo-30B | Foo-66B",
    "Table 1 shows the cost on a single node",                    # a sentence that names a table
    "Animated Gif of a decoder This way of picking the words that matter most for the next step has worked remarkably well.",
    # false friends: content that mentions a newsletter, a photo, a comment, a credit agency or a reference
    "The newsletter now reaches twenty thousand readers every week.",
    "Our newsletter goes out on Fridays",
    "该公司在官网上传了多张工厂照片，并会在电子报中说明后续安排。",
    "有人在评论里说他们也遇到过类似情况。",
    "我们分享了 3 个例子",
    "分享",                                                        # a lone button word may be a heading
    "Getty Images sued the startup over its training data.",
    "[1] 我们在2024年提出了这个方法。",                              # a footnote that speaks
    "[3] see the appendix",
    "[1] We first tried this in 2024.",                             # alone, a year-citing line may be a footnote
    "[1] A. Writer, On Small Harbours, 2025.",
    "参考了很多资料。",
    "Related work points the same way.",
    "## 目录结构",                                                 # a heading about the folder layout, not a contents label
    "中文 / 英文 两种版本都有",                                       # languages named in a sentence
    "```",                                                         # a code fence: what it opens
    "- [安装指南](docs/install.md)",                                  # a link to another file is the text's own list
    "[技术报告](https://example.org/report)",
    "<3 this model",
    "<b>Note:</b> the model is small.",
    "> 这是一段引用。",
    "Reporting by local papers was thorough.",
    "想看更多案例的话可以去看原文。",
    "该记者随后报道了这件事。",
    "The image was blurry, and the tags were wrong.",
    "模型 · 文本生成的新方法",                                      # 文 opens a word, not a credit
    "我们读了这篇文章 · 文中提到了三点",
    # false friends of the kinds round: a sentence on a site's stance, an account, a client app, a related reading
    "他说这并不代表政府的立场。",
    "我们关注了这个公众号很久，它的文章一直写得很好。",
    "他来自一家做客户端软件的公司",
    "相关阅读显示，这个问题很普遍。",
    "The show aired on March 3, 2026, and it drew a large audience for a late slot.",
    "Title of the paper we cite is long and it keeps going as a normal sentence would, far beyond what a field line would hold in any page header that we have seen in a web capture, so it is content and stays content whatever it says.",
])
def test_content_stays_content(line):
    assert classify_noncontent(line) is None


def test_link_row_needs_bullets_or_emoji_entries():
    assert is_link_row("Docs • Blog • Discord")
    assert not is_link_row("| a | b | c |")
    assert not is_link_row("Model | Params | Release Date")


def test_chinese_part_lines_with_latin_names_stay_chinese():
    """A Chinese part's last lines that name Latin files or titles do not pull the English's start up."""
    langs = ["zh"] * 6 + ["en", "mixed"] + ["en"] * 10
    weights = [40] * 6 + [12, 10] + [60] * 10
    han = [40] * 6 + [3, 4] + [0] * 10
    parts = assign_parts(langs, weights, [False] * 18, han)
    assert parts[:8] == [PART_COMMENTARY] * 8 and parts[8:] == [PART_ORIGINAL] * 10
    # without the count of Han characters, the split is the old one: the two lines go to the original
    assert assign_parts(langs, weights, [False] * 18)[6] == PART_ORIGINAL


@given(st.lists(st.sampled_from(["zh", "en", "mixed"]), min_size=1, max_size=30), st.data())
def test_parts_cover_every_block_and_keep_furniture_aside(langs, data):
    weights = data.draw(st.lists(st.integers(1, 80), min_size=len(langs), max_size=len(langs)))
    han = [w if lang != "en" else data.draw(st.integers(0, 3)) for w, lang in zip(weights, langs)]
    skip = data.draw(st.lists(st.booleans(), min_size=len(langs), max_size=len(langs)))
    parts = assign_parts(langs, weights, skip, han)
    assert len(parts) == len(langs)
    assert all(p == PART_NONCONTENT for p, s in zip(parts, skip) if s)
    original = [k for k, p in enumerate(parts) if p == PART_ORIGINAL]
    # the original is one run: no commentary block inside it
    assert all(parts[k] in (PART_ORIGINAL, PART_NONCONTENT) for k in range(min(original, default=0), max(original, default=-1) + 1))


def test_furniture_never_reaches_the_content_parts():
    text = ("Title: A post\nURL Source: https://example.com/post\n这是中文的摘要，说明文章的要点。\n作者认为模型很强。\n"
            "Image 1\nThe model is strong. It is small.\nWe think it will matter.\n")
    blocks = parse_document(text).blocks
    furniture = blocks[blocks["text"].isin(["Title: A post", "URL Source: https://example.com/post", "Image 1"])]
    assert (furniture["part"] == PART_NONCONTENT).all()
    assert set(blocks.loc[~blocks.index.isin(furniture.index), "part"]) == {PART_COMMENTARY, PART_ORIGINAL}


def test_a_caption_wrapped_over_lines_is_set_aside_whole():
    """In a document of blank-line paragraphs, the lines right below a caption are its next lines; a paragraph
    after a blank line is content again."""
    text = ("这是中文的说明，讲模型。\n\n这是第二段中文。\n\nThe model is fast.\n\n"
            "Figure 3. Throughput of the engine against two other systems on a\nsingle GPU. Missing bars mean out of memory.\n\n"
            "The engine is fast on every size we tried.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["single GPU. Missing bars mean out of memory.", "part"] == PART_NONCONTENT
    assert blocks.loc["The engine is fast on every size we tried.", "part"] == PART_ORIGINAL


def test_a_line_below_a_caption_is_content_where_every_line_is_a_paragraph():
    text = "这是中文的说明，讲模型。\n这是第二段中文。\nThe model is fast.\nFigure 3. Throughput of the engine.\nThe engine is fast on every size.\n"
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["The engine is fast on every size.", "part"] == PART_ORIGINAL


def test_an_alt_text_repeated_over_diagrams_is_set_aside_and_a_name_said_twice_is_not():
    para = "这是中文的一段说明，讲这个模型的设计、训练和推理，以及它在各种测试里的表现。\n"
    zh = para + "Engine-X!\n" + para + "Engine-X!\nExampleLM\n" + para + "Engine-X!\n" + para + "ExampleLM\n" + para
    en = "The model is designed for speed and it shows in every test we ran on it.\nTraining is cheap.\n" * 4
    blocks = parse_document(zh + en).blocks
    assert (blocks.loc[blocks["text"].str.startswith("The model"), "part"] == PART_ORIGINAL).all()
    assert (blocks.loc[blocks["text"] == "Engine-X!", "part"] == PART_NONCONTENT).all()
    assert (blocks.loc[blocks["text"] == "ExampleLM", "part"] != PART_NONCONTENT).all()


def test_the_rows_under_a_table_caption_are_content():
    text = ("这是中文的说明，讲模型。\n\n这是第二段中文。\n\nThe model is fast on every size we tried.\n\n"
            "Table 2. Scores of the models\nModel | Score\nSmall | 71\n\nThe small model does well.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["Table 2. Scores of the models", "part"] == PART_NONCONTENT
    assert (blocks.loc[["Model | Score", "Small | 71"], "part"] == PART_ORIGINAL).all()


def test_a_dated_news_item_is_content_even_when_it_ends_with_a_prompt():
    # a changelog entry is the document's own news; its closing "click here" is part of the item, and its Chinese twin
    # (which has no such cue) stays content too, so setting one aside would make an omission out of nothing
    item = "[2024.01.01] Released Foo-2B-128k, a long-context model with good recall. Click here to read our blog."
    assert classify_noncontent(item) is None
    assert classify_noncontent("2023-05-01: Our report is out! Click here to read it.") is None
    assert classify_noncontent("Click here to read our blog.") == "boilerplate"


def test_a_long_english_caption_is_a_caption_where_a_chinese_line_as_long_is_a_paragraph():
    english = "Figure 1: " + "The diagram compares two ways of batching requests across a shared engine. " * 7
    assert 400 < len(english) <= 800 and classify_noncontent(english) == "caption"
    chinese = "图 1：" + "这张图比较了两种批处理请求的方式，并说明了它们在共享引擎中的差别。" * 14
    assert len(chinese) > 400 and classify_noncontent(chinese) is None


@given(st.text(alphabet="点赞评论分享在看收藏喜欢举报 ·0123456789k你我他的了是。", min_size=1, max_size=40))
def test_a_line_ending_as_a_chinese_sentence_is_never_a_row_of_buttons(body):
    """A row of buttons is made of button words, counts and joiners only: a full stop makes it a sentence."""
    assert not is_button_row(body.rstrip("。") + "。")


@given(st.text(min_size=0, max_size=80))
def test_a_reference_entry_opens_with_its_bracketed_number(line):
    """Whatever follows, a line that does not open with '[n]' or '［n］' is never read as a reference list's entry."""
    if not line.lstrip().startswith(("[", "［")):
        assert not reference_entry(line)


@pytest.mark.parametrize("lines, furniture", [
    (["参考资料：", "[1] A. Writer, On Small Harbours, 2025.", "[2] https://example.org/harbours"],
     ["参考资料：", "[1] A. Writer, On Small Harbours, 2025.", "[2] https://example.org/harbours"]),
    (["参考", "这一段是作者自己的补充说明，和引用无关。"], []),      # a label over prose stays the text's
    (["References", "[1] A. Writer, On Small Harbours, 2025.", "［2］王某某. 港口的未来. 2024"],
     ["References", "[1] A. Writer, On Small Harbours, 2025.", "［2］王某某. 港口的未来. 2024"]),
    (["[1] We first tried this in 2024."], []),                      # a footnote with no list label over it
    (["目录", "- [背景](#背景)", "- [方法](#方法)"], ["目录", "- [背景](#背景)", "- [方法](#方法)"]),  # a contents list
    (["目录", "第一章讲背景，第二章讲方法。"], []),
])
def test_a_reference_or_contents_list_and_its_label_are_set_aside(lines, furniture):
    text = "\n".join(["新港口明年开工，预计三年完工。"] + lines + ["The new harbour opens next year and takes three years."])
    blocks = parse_document(text).blocks
    set_aside = blocks.loc[blocks["part"] == PART_NONCONTENT, "text"].tolist()
    assert [line for line in lines if line in set_aside] == furniture


def test_a_weibo_posts_account_name_and_source_line_are_furniture():
    # an invented Weibo long post: its first line is the account's name, its second the time and the client; the
    # client's name ('iPhone') made the post 'name Apple', and the account's name stood as the post's title
    text = ("阿梁谈硬件\n03-14 09:12 来自 iPhone客户端\n#智能手表值不值得买#\n"
            "看完这篇文章我有点失望，作者把续航问题说得太轻了。\n我的看法很简单：再等两年。\n"
            "Watches will replace the phone\nBy Ann Vale\nThe watch is now good enough for most people, and it will only "
            "get better.\nBattery life is the hardest problem we face.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["阿梁谈硬件", "part"] == PART_NONCONTENT
    assert blocks.loc["03-14 09:12 来自 iPhone客户端", "part"] == PART_NONCONTENT
    assert blocks.loc["#智能手表值不值得买#", "part"] == PART_COMMENTARY


def test_a_lone_row_of_link_words_is_navigation_and_a_table_row_stays_content():
    """Links rendered as their words ('技术报告 | 模型下载 | 在线体验') alone on a line are a row of links; the same
    shape with a table's rows around it is content (invented lines)."""
    from helpers.text.parse import parse_document

    nav = "佐比亚模型\n\n技术报告 | 模型下载 | 在线体验\n\n佐比亚模型是一个开源模型。\n"
    table = "评测结果如下。\n\n模型 | 参数 | 得分\n佐比亚-7B | 7B | 61.2\n佐比亚-13B | 13B | 66.0\n"
    blocks = parse_document(nav).blocks
    assert blocks.loc[blocks["text"] == "技术报告 | 模型下载 | 在线体验", "part"].tolist() == ["noncontent"]
    blocks = parse_document(table).blocks
    assert (blocks.loc[blocks["text"].str.contains("|", regex=False), "part"] != "noncontent").all()


def test_a_weibo_source_line_naming_only_the_phone_is_furniture():
    # invented: the client line names the phone alone, with no 客户端 ('来自 iPhone 15 Pro'), under the account's name
    text = ("储能小陈\n11-18 21:06 来自 iPhone 15 Pro\n钠电池明年量产，价格便宜三成。\n我觉得值得关注。\n"
            "Sodium cells reach mass production\nThe company said mass production starts next year.\n"
            "Prices will be about 30% lower than today.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["11-18 21:06 来自 iPhone 15 Pro", "part"] == PART_NONCONTENT
    assert blocks.loc["储能小陈", "part"] == PART_NONCONTENT
    assert blocks.loc["钠电池明年量产，价格便宜三成。", "part"] == PART_COMMENTARY


def test_readers_comments_below_their_label_are_furniture_to_the_original():
    # invented: a WeChat post's selected comments (a name, a comment, the author's reply; a Latin commenter's name)
    # were the post's own sentences, their companies its mentions
    comments = ["精选留言", "老李在杭州", "写得好，不过国内价格更低，鲲鹏云上个月就降价了。", "作者回复：感谢补充。",
                "Kevin_W", "比鹰公司的债务问题早就有人提过。"]
    text = "\n".join(["算力租赁价格一年跌了七成。", "我认为小厂会先撑不住。", *comments,
                      "The GPU glut", "Rental prices fell 70% in a year.", "Small clouds will struggle first."]) + "\n"
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc[comments, "part"].tolist() == [PART_NONCONTENT] * len(comments)
    assert blocks.loc["我认为小厂会先撑不住。", "part"] == PART_COMMENTARY
    assert blocks.loc["The GPU glut", "part"] == PART_ORIGINAL
    assert blocks.loc["Rental prices fell 70% in a year.", "part"] == PART_ORIGINAL


@pytest.mark.parametrize("line, kind", [
    ("arXiv:2611.04872v2 [cs.CL] 14 Nov 2026", "boilerplate"),
    ("Lena Varga1*, Tomas Brill2, Ada Okafor1,3", "byline"),
    ("Ann Lee1,2 and Bo Chen2", "byline"),
    ("1Department of Physics, Northfield University", "byline"),
    ("3Harbour AI Laboratory", "byline"),
    ("{lvarga, tbrill}@northfield.edu, aokafor@harbour.ai", "byline"),
    ("*Equal contribution. †Corresponding author.", "byline"),
])
def test_a_papers_front_matter_is_set_aside(line, kind):
    # invented: the stamp, authors, affiliations, addresses and footnotes between a paper's title and its abstract (the
    # stamp stood on the title slide as the paper's author, the affiliations counted as the English's sentences)
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("line", [
    "Qwen2, Llama3 and Mistral7", "Claude Opus 4, Gemini Ultra 2 and GPT 5", "1 Introduction",
    "3D printing is here.", "* Note that this is a bullet.", "Contact us at info@acme.com for details.",
    "1Password is a company.",
])
def test_lines_shaped_a_little_like_front_matter_stay_content(line):
    assert classify_noncontent(line) is None


def test_a_chinese_section_trail_with_bars_at_the_head_is_furniture_and_a_column_name_is_not():
    # invented: a Hong Kong site's '科技 | 人工智能' above the headline stood on the title slide as the Chinese post
    head = "科技 | 人工智能\n佐比亚推出新模型：开放权重再进一步\n佐比亚今天发布新模型。\nZorbia releases a new model\nZorbia released a new model today.\n"
    blocks = parse_document(head).blocks.set_index("text")
    assert blocks.loc["科技 | 人工智能", "part"] == PART_NONCONTENT
    column = "深度 | 中国实验室之旅的五点观察\n佐比亚今天发布新模型。\nZorbia releases a new model\nZorbia released a new model today.\n"
    blocks = parse_document(column).blocks.set_index("text")
    assert blocks.loc["深度 | 中国实验室之旅的五点观察", "part"] == PART_COMMENTARY


def test_buttons_laid_out_one_a_line_and_a_sites_most_read_list_are_furniture():
    # invented: a news page's 'Save' and 'Share' on lines of their own became a section ('Share', 83% covered) and a
    # 'Most Read from …' list a section of headlines
    text = "\n".join(["水成为数据中心的新瓶颈。", "新规明年生效。", "Water is the new limit for data centres", "Save", "Share",
                      "The rules take effect next year.", "Operators must report their water use.",
                      "Most Read from Example News", "Chip Stocks Rise Again", "Harbour Prices Climb"]) + "\n"
    blocks = parse_document(text).blocks.set_index("text")
    for line in ("Save", "Share", "Most Read from Example News", "Chip Stocks Rise Again", "Harbour Prices Climb"):
        assert blocks.loc[line, "part"] == PART_NONCONTENT, line
    assert blocks.loc["The rules take effect next year.", "part"] == PART_ORIGINAL
    alone = parse_document("## Share\n我们分享三个例子。\nWe share three examples.\n").blocks
    assert alone.loc[alone["text"] == "## Share", "part"].tolist() != [PART_NONCONTENT]


@pytest.mark.parametrize("line", [
    "本文仅代表作者个人观点，不构成任何投资建议。", "市场有风险，投资需谨慎。",
    "SOURCE Lumen Cells", "Media Contact", "Investor Relations", "+86 755 5555 0100", "Forward-Looking Statements",
    "This press release contains forward-looking statements, including statements about timelines. Actual results may "
    "differ materially.",
    "HOST NAME: This episode is brought to you by Example Cloud. Spin up GPUs in minutes at example.cloud/show.",
    "Transcript edited for length and clarity.",
    "[00:12:31]", "(12:31)",   # a transcript's time stamps were headings, one of them linked to the writer's outline
    "（本文不構成投資建議，投資人應獨立判斷）",   # round 5
])
def test_disclaimers_press_release_and_podcast_furniture_are_set_aside(line):
    # invented lines of a bilingual review (round 4): a disclaimer read as the writer's aside, a press release's safe
    # harbour and contact block and a podcast's sponsor read counted as the English's sentences
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line", [
    "不构成威胁的对手很多。", "The SOURCE of the water is the river.", "Sources say the deal is close.",
    "HOST NAME: The robots were brought to the warehouse by truck, one at a time, over three months of trials.",
])
def test_lines_near_disclaimers_and_press_furniture_stay_content(line):
    assert classify_noncontent(line) is None


def test_an_investor_contact_line_is_a_byline():
    assert classify_noncontent("Investor contact: Ann Lee, ir@example.com") == "byline"


def test_a_press_releases_contact_block_is_furniture():
    text = ("钠电池公司完成融资。\n公司计划明年量产。\nLumen Cells raises funds\nLumen Cells closed a round today.\n"
            "It plans mass production next year.\nMedia Contact\nAnn Lee\npress@lumen.example\n+86 755 5555 0100\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc[["Media Contact", "Ann Lee", "press@lumen.example", "+86 755 5555 0100"], "part"].tolist() == \
        [PART_NONCONTENT] * 4
    assert blocks.loc["It plans mass production next year.", "part"] == PART_ORIGINAL


def test_a_sites_menu_and_its_name_above_it_are_furniture():
    # invented (bilingual review round 4): a lab blog's site name and menu became the English's first section, and
    # the name stood on the title slide as the article's title
    text = ("佐比亚推出新模型\n佐比亚今天发布新模型。\nZorbia Labs\nResearch · Products · Safety · Careers · Blog\n"
            "Introducing Zorbia 3\nToday we release Zorbia 3, our most capable model.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["Zorbia Labs", "part"] == PART_NONCONTENT
    assert blocks.loc["Research · Products · Safety · Careers · Blog", "part"] == PART_NONCONTENT
    assert blocks.loc["Introducing Zorbia 3", "part"] == PART_ORIGINAL
    readme = parse_document("# Zorbia\n佐比亚是一个模型。\nZorbia is a model.\nSpeed · Cost · Quality · and why they trade off\n")
    assert PART_NONCONTENT not in set(readme.blocks["part"])


@pytest.mark.parametrize("line", ["—— 以上为今日全部内容 ——", "关注“示例前哨”公众号，每天早上 7:30 准时送达。", "以下为原文：",
                                  "英文原文如下：", "（原文如下）",
                                  "以下为技术报告摘要及表格原文：", "以下为报告原文节选：",  # round 16: what is appended
                                  "以下为报道原文（节选）：", "以下为原帖全文："])  # round 17, 18
def test_a_digests_closing_line_follow_call_and_way_to_the_original_are_furniture(line):
    # invented lines of an AI newsletter digest (bilingual review round 5): each was counted as the editor's own sentence
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line", ["原文附后的这篇文章很好。", "—— 我们的看法：值得关注。——", "关注这家公司的人越来越多。",
                                  "以下是对原文的解读：", "以下为作者的看法，并非原文："])
def test_lines_like_a_digests_furniture_stay_content(line):
    assert classify_noncontent(line) is None


@pytest.mark.parametrize("head, furniture", [
    (["港口观察", "点击上方蓝字关注我们", "英国发布港口新规政策声明（全文编译）"], True),     # an account's name over its prompt
    (["海峡科技新闻网 Strait News", "首页 > 科技 > 财报", "示例公司财报优于预期 网通芯片营收年增六成 下季展望保守"], True),
    (["港口新规发布", "作者：张三", "新规明年生效。"], False),                                  # a title over its byline
    # a column's masthead over its byline and a headline that asks (bilingual review round 6)
    (["明報新聞網", "文：林某某", "規管人工智能，該管「數學」還是管「用家」？"], True),
    # an account's name that the byline below the headline repeats ('原创 编译：小鹿 AI前沿译站 2026年…')
    (["AI前沿译站", "Atlas 2 正式发布：更快、更便宜", "原创 编译：小鹿 AI前沿译站 2026年11月2日"], True),
    (["港口新规发布", "港口新规明年生效，业界反应不一", "作者：张三"], False),    # a headline and a subtitle
])
def test_a_masthead_over_furniture_and_a_longer_title_is_furniture(head, furniture):
    # invented (bilingual review rounds 5 and 6): an account's and a site's name stood on the title slide as the
    # Chinese post
    text = "\n".join(head + ["新规适用于所有港口。", "New harbour rules", "The rules apply to all harbours."]) + "\n"
    blocks = parse_document(text).blocks.set_index("text")
    assert (blocks.loc[head[0], "part"] == PART_NONCONTENT) == furniture


def test_a_button_row_with_zero_width_spaces_between_its_buttons_is_furniture():
    # a Zhihu answer's buttons, pasted with zero-width spaces between them (bilingual review round 6)
    assert is_button_row("\u200b赞同 1203\u200b\u200b87 条评论") and is_button_row("关注问题\u200b写回答")
    assert not is_button_row("\u200b我们分享了 3 个例子。")
    assert classify_noncontent("1,203 人赞同了该回答") == "boilerplate"
    assert classify_noncontent("我们写回答之前先读了原文，这是我们的习惯。") is None


@pytest.mark.parametrize("line, kind", [
    ("（作者為科技政策研究者，本欄逢星期五刊出）", "byline"),   # a column's note on its writer (bilingual review round 6)
    ("（作者是本报特约评论员）", "byline"),
    ("[图片]", "image_placeholder"),                            # a repost's bracketed image placeholder
    ("【图片】", "image_placeholder"),
    ("（视频）", "image_placeholder"),
    ("（作者认为这一点值得商榷）", None),                          # the writer's aside about the author stays content
    ("[图片]下方是模型的结构图，共三层。", None),
])
def test_a_writers_note_and_a_bracketed_image_placeholder_are_furniture(line, kind):
    text = f"一段中文评论，讲的是港口。\n{line}\n另一段中文评论，讲的是码头。\nPorts matter a great deal to trade.\n"
    blocks = parse_document(text).blocks.set_index("text")
    assert (blocks.loc[line, "kind"] if blocks.loc[line, "part"] == PART_NONCONTENT else None) == kind


def test_an_op_eds_closing_line_on_its_bylined_author_is_furniture_and_another_persons_is_not():
    head = "一段中文评论，讲的是港口。\n另一段中文评论，讲的是码头。\nPorts Matter\nBy Ann Example\nPorts matter a great deal to trade.\n"
    bio = "Ann Example is a senior fellow at the Harbour Institute."
    other = "Bo Sample is a senior fellow at the Harbour Institute."
    blocks = parse_document(head + bio + "\n" + other + "\n").blocks.set_index("text")
    assert blocks.loc[bio, "part"] == PART_NONCONTENT and blocks.loc[other, "part"] != PART_NONCONTENT


@pytest.mark.parametrize("line", ["OPINION | GUEST ESSAY", "Share full article"])
def test_a_news_sites_op_ed_kicker_and_share_button_are_furniture(line):
    # bilingual review round 7: the kicker stood on the title slide, the button was counted as a dropped paragraph
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line, furniture", [
    ("482 Likes · 57 Comments · 96 Restacks", True),          # a newsletter's counters (bilingual review round 7)
    ("312 Reposts 88 Quotes 2,941 Likes 1,017 Bookmarks", True),   # a thread's
    ("1.2M Views", True),
    ("Type your email...", True),
    ("He quotes 3 views.", False),
])
def test_a_posts_counters_and_subscribe_box_are_furniture(line, furniture):
    assert (classify_noncontent(line) is not None) == furniture


@pytest.mark.parametrize("line, kind", [
    ("Corvid-3.2 (October 14, 2026)", None),        # a release's heading, not a dated byline (review round 8)
    ("v2.1.0 – 2026-03-01", None),
    ("March 3, 2026", "byline"),
    ("本文译自某公司官方博客。该系列是这家公司的旗舰模型，本次更新值得关注。", None),   # a credit that goes on is a paragraph
])
def test_a_release_heading_and_a_credit_that_goes_on_are_content(line, kind):
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("english, masthead", [
    # the publication's name over its headline and byline, named again in the © line (bilingual review round 8)
    (["The Harbour Ledger", "Regulate the ports, not the ships", "By Ann Example", "Ports matter a great deal.",
      "© 2026 The Harbour Ledger"], True),
    # the reach to the byline counts no furniture between (a paywall's 'Subscribe | Sign in': review round 13)
    (["The Harbour Ledger", "Subscribe | Sign in", "Beijing tightens the rules on generative AI",
      "New labelling duties will weigh on smaller firms", "Ann Example in Beijing", "Ports matter a great deal.",
      "© 2026 The Harbour Ledger"], True),
    # a short headline over its standfirst, the Chinese citing it as the original's title: the headline stays
    (["The Slow Revolution", "A new book argues that machines will remake science", "By Ann Example",
      "Ports matter a great deal."], False),
])
def test_the_englishs_masthead_is_furniture_and_a_short_headline_is_not(english, masthead):
    zh = ["原文标题：The Slow Revolution", "一段中文评论，讲的是港口和船。"]
    blocks = parse_document("\n".join(zh + english) + "\n").blocks.set_index("text")
    assert (blocks.loc[english[0], "part"] == PART_NONCONTENT) == masthead


@pytest.mark.parametrize("line, kind", [
    ("#廣東話 #AI #香港科技", "boilerplate"),      # a Facebook post's open tags (bilingual review round 9)
    ("以下係原文", "boilerplate"),                  # a Cantonese line leading to the original
    ("#AI", None),                                  # one tag alone may be the post's subject
])
def test_open_hashtags_and_a_cantonese_way_to_the_original_are_furniture(line, kind):
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("line, kind", [
    # a call to follow the writer and a relative time are furniture
    # a call to follow the writer and a page's relative time (bilingual review round 9's notes)
    ("喜欢的话记得关注我哦～", "boilerplate"),
    ("点个关注不迷路", "boilerplate"),
    ("关注我，每天带你读一篇英文长文", "boilerplate"),
    ("Updated 3 hours ago", "boilerplate"),
    ("更新于 2小时前", "boilerplate"),
    # look-alikes: our country, a sentence that follows something, a sentence with a time in it
    ("政府持续关注我国人工智能的发展。", None),
    ("研究人员长期以来一直在做开源模型，记得关注它的进展。", None),
    ("They said it 2 days ago.", None),
    # an opinion kicker and a writers view disclaimer are furniture
    ("OPINION | TECHNOLOGY", "boilerplate"),             # an op-ed's kicker (bilingual review round 10)
    ("（本文仅代表作者个人观点）", "boilerplate"),          # the site's disclaimer
    ("这只代表作者个人观点，但值得一听。", None),
    # a threads comment header a separator and reactions are furniture
    # a discussion thread's and a LinkedIn post's furniture (bilingual review round 10)
    ("kestrel_dev 3 days ago | parent | next [–]", "byline"),
    ("u/pkt99 · 5h", "byline"),
    ("——", "boilerplate"),
    ("👍❤️💡 2,417", "boilerplate"),
    ("Most relevant ▾", "boilerplate"),
    ("以下为原帖及部分评论原文：", "boilerplate"),
    # look-alikes: a name and a length of time, a sentence with a time in it
    ("DeepSeek 2 weeks", None),
    ("Nvidia 3 days ago said it would.", None),
    # a call with its arrow a salutation and a sign off are furniture
    ("Sign the letter →", "boilerplate"), ("Read more »", "boilerplate"),        # a call with its arrow (round 11)
    ("Team,", "boilerplate"), ("Dear Fellow Shareholders,", "boilerplate"),      # a salutation alone
    ("— Dana", "byline"),                                                         # a memo's sign-off
    ("Revenue grew → profits fell", None), ("— Dana said so.", None),
    # a voice over scripts stage cues and credits are furniture
    ("【画面：某实验室的标志】", "boilerplate"), ("字幕：中国AI实验室", "boilerplate"),   # a voice-over script's cues (round 12)
    ("文案：阿杰", "byline"),                                                          # and its copywriter's credit
    ("画面很美，我们很喜欢。", None),
    # a closing credit and the way to an original report are furniture
    ("Additional reporting by Li Wen in Beijing", "byline"),   # a newspaper's closing credit, unbracketed (round 12)
    ("以下为报道原文：", "boilerplate"),                          # the way to the original report
    # a chinese sites footer with its filing number is furniture
    ("© 2025 云岫科技 版权所有 ｜ 浙ICP备2023012345号-1 ｜ 浙公网安备 33010602012345号 ｜ 联系我们 ｜ 隐私政策 ｜ 用户协议 ｜ "
     "客服热线 400-000-0000", "boilerplate"),                       # a site's footer with its filing numbers (round 13)
    ("公司已完成ICP备案，正在申请相关资质。", None),                    # a sentence about the filing, no number
    # a trail from the home page and an encyclopedias site line are furniture
    ("Home > Help > FAQ", "boilerplate"), ("首页 > 帮助中心 > 常见问题", "boilerplate"),   # a trail from home (round 13)
    ("From OpenAtlas, the free encyclopedia", "boilerplate"),                         # an encyclopedia's site line
    ("Home is where the data centre is.", None),
    # a financial papers and a podcast pages furniture
    ("Edward Hale in Beijing and Mei Lin in Shanghai", "byline"),      # a paper's reporters and their cities (round 13)
    ("Try unlimited access: Only $1 for 4 weeks", "boilerplate"),        # a paywall's offer
    ("Reuse this content", "boilerplate"), ("Follow the topics in this article", "boilerplate"),
    ("Listen on Apple Podcasts | Spotify | YouTube", "boilerplate"),     # a podcast page's platform row
    ("以下为原节目简介：", "boilerplate"),                                 # the way to the show notes
    ("Edward Hale lives in Beijing and works on chips.", None),
])
def test_furniture_lines_of_the_later_review_rounds_and_their_look_alikes(line, kind):
    """Lines the bilingual review rounds 9 to 13 found read as content (or content read as furniture), each by
    its shape alone, with the look-alikes that stay content."""
    assert classify_noncontent(line) == kind



@pytest.mark.parametrize("line", ["Like Comment Repost Send", "42 Reactions · 6 Replies"])
def test_a_linkedin_posts_buttons_and_counts_are_furniture(line):
    # bilingual review round 10: a CEO's post kept its button row as a paragraph the translation 'leaves out'
    assert classify_noncontent(line) == "boilerplate"


def test_a_button_under_every_comment_is_furniture_and_a_lone_heading_is_not():
    # a thread's 'reply' after each comment (bilingual review round 10) was read as an English heading
    from helpers.text.parse import furniture_in_context
    texts = ["The model is fast.", "reply", "The price is low.", "reply"]
    assert furniture_in_context(texts, [None] * 4) == [None, "boilerplate", None, "boilerplate"]
    assert furniture_in_context(texts[:2], [None] * 2) == [None, None]


def test_a_letters_signature_and_a_reporters_tip_line_are_furniture():
    # bilingual review round 11: a shareholder letter's signature and title, and a scoop's closing bio with its tip line
    head = "一段中文译文，讲的是公司业绩。\n另一段中文译文，讲的是明年展望。\nTo Our Shareholders\nBy Maria Lindqvist\n"
    body = "Revenue grew strongly this year across every segment.\n"
    sign = "Maria Lindqvist\nChief Executive Officer\n"
    bio = "Maria Lindqvist covers AI companies in Asia. Got a tip? Email her.\n"
    blocks = parse_document(head + body + sign + bio).blocks.set_index("text")
    for line in ("Maria Lindqvist", "Chief Executive Officer", bio.strip()):
        assert blocks.loc[line, "part"] == PART_NONCONTENT, line
    assert blocks.loc[body.strip(), "part"] != PART_NONCONTENT


def test_a_name_the_byline_quotes_is_no_signature():
    # bilingual review round 13: a translator's byline citing the original entry (原文：…“Lingxi Intelligence”条目) made
    # the English's title line a signature, and the title slide read the infobox's 'Type: Private' as the title
    from helpers.render import deck
    zh = ["译者：陈思远 ｜ 2025年6月12日 ｜ 原文：OpenAtlas“Lingxi Intelligence”条目",
          "灵犀智能是一家总部位于杭州的人工智能公司。", "公司以启明品牌开发大语言模型。"]
    en = ["Lingxi Intelligence", "Type: Private", "Lingxi Intelligence is an AI company based in Hangzhou, China.",
          "It develops large language models under the Qiming brand."]
    blocks = parse_document("\n".join(zh + en) + "\n").blocks
    assert blocks.set_index("text").loc["Lingxi Intelligence", "part"] != PART_NONCONTENT
    assert deck.document_facts(blocks)["title"] == "Lingxi Intelligence"
    signed = parse_document("\n".join(["译者：陈思远", *zh[1:], "By Maria Lindqvist", *en[2:], "Maria Lindqvist"]) + "\n")
    assert signed.blocks.set_index("text").loc["Maria Lindqvist", "part"] == PART_NONCONTENT  # a signature still is


def test_a_letters_safe_harbour_and_wechats_recommendations_are_furniture():
    assert classify_noncontent("This letter contains forward-looking statements") == "boilerplate"
    zh = ["一段中文译文，讲的是公司业绩。", "另一段中文译文，讲的是明年展望。", "喜欢此内容的人还喜欢", "某公司发布新模型",
          "英伟达财报解读"]
    blocks = parse_document("\n".join(zh + ["Revenue grew strongly this year.", "We expect more next year."]) + "\n").blocks
    parts = dict(zip(blocks["text"], blocks["part"]))
    assert [parts[line] for line in zh[2:]] == [PART_NONCONTENT] * 3


def test_a_memos_header_is_furniture_and_gives_its_title_and_writer():
    # bilingual review round 11: a leaked memo's From/To/Date/Subject lines; the title slide read 'To: All staff' as the
    # title and 'Date:' as the author
    from helpers.render import deck
    zh = ["一段中文评论，讲的是这份备忘录。", "笔者认为，这份备忘录说明了很多问题。"]
    en = ["From: Dana Whitfield", "To: All Meridian staff", "Date: June 9, 2026",
          "Subject: Competing with the Chinese labs", "Team, we need to move faster this quarter.",
          "Please don't forward this memo outside the company, and keep the numbers to yourselves."]
    blocks = parse_document("\n".join(zh + en) + "\n").blocks
    parts = dict(zip(blocks["text"], blocks["part"]))
    assert [parts[line] for line in en[:4]] == [PART_NONCONTENT] * 4
    assert parts[en[5]] != PART_NONCONTENT        # a request not to share is the memo's sentence, no share prompt
    facts = deck.document_facts(blocks)
    assert (facts["title"], facts["author"]) == ("Competing with the Chinese labs", "Dana Whitfield")


@pytest.mark.parametrize("line, kind", [
    ("Mira Kandel @mirakandel · Nov 18", "byline"), ("@mirakandel", "byline"), ("Sam @sama · 3h", "byline"),
    ("Ann Lee @annlee", "byline"), ("Thanks @openai", None), ("Ping @openai and @anthropic about it", None),
    ("原推作者：Mira Kandel（@mirakandel），美国能源分析师。", "byline"),
])
def test_a_threads_post_headers_are_bylines(line, kind):
    # bilingual review round 14: each post's header of a translated X thread was read as an English heading, a
    # section of its own named 'Mira Kandel @mirakandel · Nov 18'
    assert classify_noncontent(line) == kind


def test_a_posters_name_over_the_handle_and_quote_over_a_post_are_furniture():
    zh = ["一段中文译文，讲的是数据中心的用电。", "另一段中文译文，讲的是电网。"]
    en = ["Mira Kandel", "@mirakandel", "1/ Everyone is arguing about whether data centers will break the grid.",
          "Quote", "Pat Osei @patosei · Nov 18", "Best summary of the debate I have seen this year, by far.",
          "Show more replies"]
    blocks = parse_document("\n".join(zh + en) + "\n").blocks
    parts = dict(zip(blocks["text"], blocks["part"]))
    for line in ("Mira Kandel", "@mirakandel", "Quote", "Pat Osei @patosei · Nov 18", "Show more replies"):
        assert parts[line] == PART_NONCONTENT, line
    assert parts[en[2]] != PART_NONCONTENT


def test_a_closing_mark_stays_with_the_sentence_before_it():
    from helpers.text.parse import split_sentences
    text = "14/ 数据来源见原推回复。（完）"
    assert [text[a:b] for a, b in split_sentences(text, "zh")] == [text]
    assert split_sentences("（完）", "zh") == [(0, 3)]  # alone on its line it is the line's (classify_noncontent's)


def test_a_subtitle_files_numbers_and_timings_are_furniture():
    # bilingual review round 14: a subtitle file's cue numbers and timings were 84 sentences, linked to each other by
    # their numbers, and every content link after them slid one cue off
    zh = ["1", "00:00:01,000 --> 00:00:03,500", "欢迎收看本期访谈。", "2", "00:00:03,600 --> 00:00:06,000",
          "我们聊聊算力。"]
    en = ["1", "00:00:01,000 --> 00:00:03,500", "Welcome to this interview.", "2", "00:00:03,600 --> 00:00:06,000",
          "Let's talk about compute."]
    blocks = parse_document("\n".join(zh + en) + "\n").blocks
    kept = blocks.loc[blocks["part"] != PART_NONCONTENT, "text"].tolist()
    assert kept == ["欢迎收看本期访谈。", "我们聊聊算力。", "Welcome to this interview.", "Let's talk about compute."]


def test_a_douban_reviews_buttons_and_notices_are_furniture():
    zh = ["这本书讲的是几家人工智能实验室的故事。", "有用 128 没用 9", "回应 23 转发 收藏", "这篇书评可能有关键情节透露",
          "作者做了二十年科技记者，写得很扎实。"]
    blocks = parse_document("\n".join(zh + ["The book is about AI labs.", "It was written by a journalist."]) + "\n").blocks
    parts = dict(zip(blocks["text"], blocks["part"]))
    assert [parts[line] for line in zh] == ["commentary", PART_NONCONTENT, PART_NONCONTENT, PART_NONCONTENT, "commentary"]


@pytest.mark.parametrize("line, related", [
    ("上一篇：我校举办人工智能论坛", True), ("往期推荐：大模型的算力账", True), ("下一篇", True),
    ("上一篇：我们讲了算力。这一篇讲数据。", False),  # a sentence after the label: the writer's own
])
def test_a_related_storys_label_with_its_headline_on_one_line(line, related):
    # bilingual review round 14: a university page's 上一篇/下一篇 links and a WeChat 往期推荐 line counted as content
    from helpers.text.parse import related_label
    assert related_label(line) is related


@pytest.mark.parametrize("line", ["BILLING CODE 3510-33-P", "[FR Doc. 2026-21877 Filed 10-15-26; 8:45 am]",
                                  "Docket No. 261014-0271", "本文仅供参考，不构成法律意见。", "作者简介：王律师，某律所合伙人"])
def test_a_rule_notices_and_a_law_firms_furniture(line):
    # bilingual review round 14: a Federal Register notice's filing lines and a law firm's disclaimer and bio
    assert classify_noncontent(line) is not None


def test_a_rule_notices_title_is_above_its_agency_field_and_dated_is_no_author():
    # bilingual review round 14: a Federal Register notice's title slide read 'DEPARTMENT OF COMMERCE' by 'Dated: .'
    from helpers.render import deck
    zh = ["美国商务部发布新规，管制前沿模型权重。", "笔者认为，中国企业应当尽早评估影响。"]
    en = ["DEPARTMENT OF COMMERCE", "Bureau of Industry and Security",
          "Export Administration Regulations: Controls on Model Weights; Cloud Compute Reporting",
          "AGENCY: Bureau of Industry and Security, Commerce.", "ACTION: Interim final rule.",
          "SUMMARY: This rule amends the regulations to control the weights of frontier models.",
          "Dated: October 15, 2026.", "Lena M. Haskell,"]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["title"] == en[2]
    assert facts["author"] == "" and facts["date"] == "October 15, 2026"


def test_an_audience_cue_is_no_sentence():
    # bilingual review round 14: a keynote's [掌声] and [Applause] were linked sentences and top terms
    text = "我们开源了模型。[掌声]\n谢谢大家。\n[笑声]\nWe open-sourced the model. [Applause]\nThank you all.\n(Laughter)\n"
    parsed = parse_document(text)
    assert [text[s.start:s.end] for s in parsed.sentences.itertuples()] == [
        "我们开源了模型。", "谢谢大家。", "We open-sourced the model.", "Thank you all."]


def test_a_sections_kicker_with_the_month_is_furniture_and_the_headline_the_title():
    # bilingual review round 14: a 双语精读 post's appended article gave the title slide 'Technology | October 2026'
    from helpers.render import deck
    assert classify_noncontent("Technology | October 2026") == "boilerplate"
    zh = ["小模型为什么可能赢下边缘端？这是今天的精读文章。", "文章来自The Circuit Review，第一段讲的是行业的注意力。"]
    en = ["The Circuit Review", "Technology | October 2026", "Why Small Models May Win the Edge",
          "The race to fit a useful model into your pocket is reshaping the industry.", "By Daniel Okafor",
          "October 9, 2026", "For two years the industry's attention has been fixed on larger models."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert (facts["title"], facts["author"]) == ("Why Small Models May Win the Edge", "Daniel Okafor")


@pytest.mark.parametrize("line, kind", [
    ("欢迎转载，请注明出处", "boilerplate"),
    ("We may earn a commission when you buy through links on our site.", "boilerplate"),
])
def test_a_briefs_and_a_reviews_footer(line, kind):
    # bilingual review round 14: a think tank's brief's reposting note and a device review's affiliate note
    assert classify_noncontent(line) == kind


def test_a_label_ending_in_a_colon_is_no_caption():
    # bilingual review round 14: the editor's own testing section's label below a photo credit read as its caption
    from helpers.text.parse import short_caption
    assert not short_caption("编辑部实测：") and short_caption("发布会现场")


def test_a_review_sites_rating_line_is_a_byline():
    # bilingual review round 14: a Douban review's reviewer, stars and time were content, and the site's name the title
    assert classify_noncontent("北窗读书人 评论 《The Frontier Houses》 ★★★★☆ 2026-03-14 18:22:05 上海") == "byline"
    assert classify_noncontent("这本书我给★★★★☆。") is None


def test_a_subtitle_files_credits_are_a_byline_and_its_title_no_episode_line():
    # bilingual review round 14: the subtitle file's credits line was the Chinese title, its real title furniture
    assert classify_noncontent("字幕组：晨星字幕组　翻译：阿柒　校对：Leo　时间轴：小鱼") == "byline"
    assert classify_noncontent("【中英字幕】北极光AI首席科学家：规模定律与智能体的未来 | The Compute Hour 第58期") is None
    assert classify_noncontent("The Compute Hour · 第58期") == "boilerplate"


@pytest.mark.parametrize("line, kind", [
    ("第六段", "boilerplate"), ("第十二段：", "boilerplate"), ("Paragraph 3:", "boilerplate"), ("第六段讲的是成本。", None),
    ("本字幕仅供学习交流，禁止用于商业用途", "boilerplate"), ("下载地址见置顶评论", "boilerplate"), ("一键三连 投币", "boilerplate"),
])
def test_a_study_posts_paragraph_markers_and_a_fansub_videos_furniture(line, kind):
    # round 14's rechecks: '第六段' was linked to a dropped paragraph and hid it; a fansub file's notices linked as content
    assert classify_noncontent(line) == kind


def test_a_newsletters_header_links_are_furniture():
    # bilingual review round 14: 'View in browser | Forward to a friend' was an English section, 84% carried
    assert classify_noncontent("View in browser | Forward to a friend") == "boilerplate"


def test_a_by_line_wins_over_a_sites_dated_line_and_a_team_is_an_author():
    # bilingual review round 15: a lab's blog post gave its author as 'Halcyon Labs Blog'
    from helpers.render import deck
    zh = ["翠鸟实验室发布了新模型。", "笔者认为，这次发布很重要。"]
    en = ["Introducing Tern-2", "Halcyon Labs Blog · Research · November 18, 2026", "By the Halcyon Labs research team",
          "Today we are releasing Tern-2, the second generation of our model family."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert (facts["author"], facts["date"]) == ("the Halcyon Labs research team", "November 18, 2026")


@pytest.mark.parametrize("line, kind", [
    ("Transcript · Published October 30, 2026 · 1 hr 27 min", "boilerplate"), ("人工智能 · 大模型 · 创业", "boilerplate"),
    ("北京 · 上海", None), ("Dana Whitfield · November 12, 2026 · 9 min read", "byline"),
])
def test_a_transcripts_publishing_line_and_a_questions_topic_tags(line, kind):
    # bilingual review round 15: a Zhihu answer's topic row and an interview transcript's publishing line were content
    assert classify_noncontent(line) == kind


def test_a_bylines_part_led_by_by_names_the_writer_and_a_transcripts_label_none():
    # bilingual review round 15: 'The Silicon Ledger · Issue #117 · November 26, 2026 · By Priya Raman' gave no author,
    # and 'Transcript excerpt · Recorded November 20, 2026' gave 'Transcript excerpt'
    from helpers.render import deck
    zh = ["这是一篇关于芯片的中文文章。", "笔者认为，数据很重要。"]
    for line, author in (("Issue #117 · November 26, 2026 · By Priya Raman", "Priya Raman"),
                         ("Transcript excerpt · Recorded November 20, 2026", "")):
        en = ["Who buys China's AI chips?", line, "Chinese buyers took most of the quarter's shipments, by our count."]
        facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
        assert facts["author"] == author, line


def test_a_magazine_bylines_role_is_not_the_writer():
    # bilingual review round 15: '文/本刊记者 周岚' gave the title slide '(by 本刊记者)'
    from helpers.render.deck import ZH_WRITER_BYLINE
    assert ZH_WRITER_BYLINE.match("文/本刊记者 周岚").group("name") == "周岚"
    assert ZH_WRITER_BYLINE.match("文／林某").group("name") == "林某"


def test_an_answerers_name_below_the_questions_furniture_is_a_byline():
    # bilingual review round 15: once the question's topic tags were furniture, the answerer's name under them read
    # as a Chinese heading
    lines = ["如何看待某公司CEO在播客中的说法？", "关注问题 写回答", "人工智能 · 大语言模型 · 创业", "青柠数据局",
             "AI 从业者，前大厂算法工程师", "1,284 人赞同了该回答", "谢邀。这期访谈我完整听了一遍，先说结论。"]
    blocks = parse_document("\n".join(lines + ["The CEO said AGI would arrive by 2029.", "He also spoke of chips."]) + "\n").blocks
    assert blocks.set_index("text").loc["青柠数据局", "kind"] == "byline"


def test_a_sites_fields_with_a_by_field_are_a_byline_and_without_one_no_author():
    # bilingual review round 15: 'Compute Ledger | by Dana Whitfield | November 11, 2026 | 14 min read' was furniture
    from helpers.render import deck
    assert classify_noncontent("Compute Ledger | by Dana Whitfield | November 11, 2026 | 14 min read") == "byline"
    zh = ["算力短缺还要持续多久？", "笔者认为，这篇文章值得一读。"]
    en = ["The GPU Crunch Isn't Over", "Compute Ledger | by Dana Whitfield | November 11, 2026 | 14 min read",
          "Lead times for accelerators are still long, and the packaging lines are full."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert (facts["author"], facts["date"]) == ("Dana Whitfield", "November 11, 2026")


def test_a_mastheads_byline_over_the_headline_gives_title_and_author():
    # bilingual review round 15: a newsletter's name, then its byline, then the headline: the title slide read the
    # newsletter's name as the title
    from helpers.render import deck
    zh = ["谁在买中国的AI芯片？", "本文编译自英文通讯 The Silicon Ledger 第117期。", "第三季度资本开支再创新高。"]
    en = ["The Silicon Ledger", "Issue #117 · November 26, 2026 · By Priya Raman",
          "Who's buying China's AI chips? Q3 2026 in four charts",
          "China's AI capital spending hit another record in the third quarter, by my count."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert (facts["title"], facts["author"]) == ("Who's buying China's AI chips? Q3 2026 in four charts", "Priya Raman")


def test_a_captions_closing_credit_and_a_date_first_by_line():
    # bilingual review round 16: 'Our data center in San Francisco. Photo: Lumina Systems' and 'March 12, 2026 · By
    # Priya Raman, Head of Safety Policy' were content (a dropped paragraph, the title slide's missing author)
    from helpers.text.parse import short_caption
    assert short_caption("Our data center in San Francisco. Photo: Lumina Systems")
    assert not short_caption("Our data center is in San Francisco. It opened in 2024.")
    assert classify_noncontent("March 12, 2026 · By Priya Raman, Head of Safety Policy") == "byline"


def test_a_substack_headline_over_its_subtitle_author_and_date():
    # bilingual review round 16: the title slide gave the author's name as the title
    from helpers.render import deck
    zh = ["算力差距正在缩小。", "笔者认为，这篇文章值得一读。"]
    en = ["The Compute Gap Is Closing Faster Than Washington Thinks",
          "Export controls slowed China's labs, but not for long: a look at the numbers", "Daniel Okafor",
          "Apr 2, 2026", "Two years ago the gap looked wide, and most analysts expected it to stay so."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["title"] == en[0]


def test_an_outlets_reporter_line_with_an_intern_is_a_byline():
    # bilingual review round 16: '澎湃新闻记者 周沁 实习生 吴悦' and its tip line were counted as content
    assert classify_noncontent("澎湃新闻记者 周沁 实习生 吴悦") == "byline"
    assert classify_noncontent("澎湃新闻报料：021-962866") == "boilerplate"


@pytest.mark.parametrize("line", ["以下为报告执行摘要原文：", "This letter is provided for informational purposes only.",
                                  "Past performance is not indicative of future results.", "听全文 约8分钟"])
def test_a_reports_lead_in_a_funds_disclaimer_and_a_listening_time(line):
    # bilingual review round 16: a commentary's lead-in to a report, an LP letter's disclaimer, an audio length
    assert classify_noncontent(line) == "boilerplate"


def test_a_name_with_its_job_title_over_a_date_is_the_byline():
    # bilingual review round 16: 'Daniel Reeves, Managing Partner' over 'January 2026' was the title slide's title
    from helpers.render.deck import NAME_LINE
    assert NAME_LINE.match("Daniel Reeves, Managing Partner").group(0) == "Daniel Reeves"
    assert NAME_LINE.match("Daniel Reeves").group(0) == "Daniel Reeves"
    assert NAME_LINE.match("Acme Labs, reconsidered at length") is None


@pytest.mark.parametrize("line, kind", [("原文一：", "boilerplate"), ("英文原文2：", "boilerplate"),
                                        ("AI前哨站 编译 | 陈可欣", "byline")])
def test_a_numbered_originals_label_and_a_sites_compiler_credit(line, kind):
    # bilingual review round 16: a post comparing two English articles labelled each 原文一：; its compiler's credit
    assert classify_noncontent(line) == kind


def test_a_section_trail_over_the_headline_is_not_the_title():
    # bilingual review round 16: 'China Semiconductors | Industry Update' and 'Policy Brief No. 14 | November 2026'
    # stood in for the headline under them
    from helpers.render import deck
    zh = ["外资投行首次覆盖国产AI芯片。", "笔者认为，这份报告值得一读。"]
    en = ["Albright Capital Markets | Asia Pacific Equity Research", "China Semiconductors | Industry Update",
          "China AI Accelerators: Domestic substitution enters the volume phase", "12 November 2026",
          "We initiate coverage of China's AI accelerator makers with a constructive view."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["title"] == en[2]


def test_a_sections_kicker_over_the_headline_and_a_by_lead_after_the_date():
    # bilingual review round 16: a lab's policy post gave 'Policy · Safety' as its title and 'By Priya Raman' as its
    # author ('March 12, 2026 · By Priya Raman, Head of Safety Policy')
    from helpers.render import deck
    zh = ["Lumina Systems更新了前沿安全承诺。", "所有新模型都将接受第三方红队测试。"]
    en = ["Lumina Systems Blog", "Policy · Safety", "Updating our Frontier Safety Commitments for 2026",
          "March 12, 2026 · By Priya Raman, Head of Safety Policy",
          "Today we are updating our safety commitments, and every new model will be red-teamed by a third party.",
          "Our safety policy team wrote these rules with outside experts."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert (facts["title"], facts["author"], facts["date"]) == (
        "Updating our Frontier Safety Commitments for 2026", "Priya Raman", "March 12, 2026")


def test_a_sites_long_name_and_column_over_the_headline_is_no_title():
    # bilingual review round 17: a Taiwanese tech site's '科技島報 TechIsland｜產業分析' was the Chinese post's title
    from helpers.render import deck
    zh = ["科技島報 TechIsland｜產業分析", "AI資料中心用電暴增 台廠電源散熱迎商機", "記者林某某／綜合報導　2026年11月20日",
          "分析師認為，到2030年美國資料中心用電將再翻倍。", "台達電與光寶科可望受惠。"]
    en = ["AI Data Centres Need More Power", "By Ann Example, November 18, 2026",
          "US data-centre power demand will double again by 2030, we estimate."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["zh_title"] == "AI資料中心用電暴增 台廠電源散熱迎商機"


def test_a_kicker_in_capitals_over_the_headline_is_no_title():
    # bilingual review round 17: a newspaper's investigation gave 'INVESTIGATION' as the title slide's title
    from helpers.render import deck
    zh = ["新加坡空壳公司转运英伟达服务器", "据报道，一家空壳公司买下了数千台服务器。", "记者查询了当地的注册记录。"]
    en = ["INVESTIGATION", "How $160 million of Nvidia servers slipped through Singapore",
          "A shell company with a shared office bought thousands of AI servers. Prosecutors say they ended up in Shenzhen.",
          "By Hannah Okafor and Daniel Reyes", "November 18, 2026",
          "A company registered to a shared office in Singapore bought roughly $160 million worth of servers."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["title"] == "How $160 million of Nvidia servers slipped through Singapore"


def test_a_testimonys_venue_is_no_title_its_hearing_is():
    # bilingual review round 17: once '以下为证词英文原文：' was read as the way to the original, a testimony's title slide
    # read 'Before the House Select Committee on …', the committee it was given before
    from helpers.render import deck
    zh = ["美国智库学者国会证词：出口管制减速但未能阻止", "惠特科姆认为，管制放慢了进度。", "她建议国会增加预算。", "以下为证词英文原文："]
    en = ["Testimony of Dr. Ellen R. Whitcombe", "Senior Fellow, Technology and National Security Program",
          "Harbor Institute for Strategic Studies", "Before the House Select Committee on Strategic Competition with China",
          'Hearing on "Chips, Compute, and Control: Assessing AI Export Controls"', "March 11, 2026",
          "Chairman Holloway, Ranking Member Ortiz, and distinguished members of the Committee, thank you.",
          "My testimony makes three points about export controls."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["title"] == 'Hearing on "Chips, Compute, and Control: Assessing AI Export Controls"'


@pytest.mark.parametrize("line, kind", [
    ("Questions? Contact policy@luminasystems.ai", "byline"), ("Comments? Email us at press@example.org", "byline"),
    ("Questions remain about whether the rule works.", None),
])
def test_a_closing_line_sending_questions_to_an_address_is_furniture(line, kind):
    # bilingual review round 16: a lab's policy post counted 'Questions? Contact policy@…' as an English paragraph dropped
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("head, title", [
    # a masthead in capitals and a section trail over the headline and its standfirst (bilingual review round 18)
    (["THE LATTICE REVIEW", "Interviews | Artificial Intelligence",
      '"We Stopped Chasing the Leaderboard": A Conversation With Helena Marsh',
      "The chief scientist of Corvid Labs on small models, energy bills, and why evaluation is broken.",
      "By Daniel Okoro", "October 14, 2026 · 14 min read"],
     '"We Stopped Chasing the Leaderboard": A Conversation With Helena Marsh'),
    # a blog's name under the headline, over the byline
    (["When Models Know They're Being Watched: Evaluation Gaming and the Safety Case", "Meridian Alignment Lab Blog",
      "By Priya Raman · March 11, 2026 · 9 min read"],
     "When Models Know They're Being Watched: Evaluation Gaming and the Safety Case"),
])
def test_a_masthead_a_trail_and_a_blogs_name_are_no_title(head, title):
    from helpers.render import deck
    zh = ["对话Corvid首席科学家：我们不再追逐排行榜", "她认为评测已经失灵。", "编者按：本文为访谈编译。"]
    en = head + ["Helena Marsh spent nine years at a large lab before she co-founded Corvid Labs in London in 2023.",
                 "We spoke in her office about small models and why she thinks evaluation is broken."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["title"] == title


def test_a_print_editions_closing_line_is_furniture():
    # bilingual review round 18: a magazine leader's print-edition line was read as English cut mid-sentence
    line = 'This article appeared in the Leaders section of the print edition under the headline "Borrowed chips"'
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line, kind", [
    ("已关注", "boilerplate"),                                                  # Zhihu's follow button (round 18)
    ("Write to Dana Whitfield at dana.whitfield@example.com", "byline"),       # a newspaper's reporter contact line
    ("以下附上论文摘要和引言原文，方便大家对照阅读。", "boilerplate"),               # the way to the original, with a reason
])
def test_a_follow_button_a_write_to_line_and_an_appended_original_with_a_reason(line, kind):
    assert classify_noncontent(line) == kind


def test_a_zhihu_questions_counts_are_furniture():
    # bilingual review round 18: '关注者 1,284 · 被浏览 362,417' was a heading of the answer's
    assert classify_noncontent("关注者 1,284 · 被浏览 362,417") is not None


def test_a_headline_over_a_wire_dateline_is_a_heading():
    # bilingual review round 18: a 快讯's second wire story's headline, in headline style with a comma, was read as a
    # paragraph and the story merged into the one before it
    blocks = parse_document("人工智能快讯三则。\n法国公司完成融资。\n\n"
                            "Larkspur Robotics cuts 18% of staff, refocuses on warehouses\n"
                            "PARIS, April 21 (Reuters) - Larkspur Robotics said on Tuesday it would cut 18% of its staff.\n"
                            "The company said it would refocus on warehouse robots.\n").blocks
    kinds = dict(zip(blocks["text"].str.strip(), blocks["kind"]))
    assert kinds["Larkspur Robotics cuts 18% of staff, refocuses on warehouses"] == "heading"


@pytest.mark.parametrize("line, kind", [
    ("听全文", "boilerplate"), ("图片", "image_placeholder"),                  # a WeChat copy's (round 18)
    ("November 17, 2026 4:12 PM GMT Updated 2 hours ago", "boilerplate"),    # a wire page's dated update line
    ("图片来源很多人不知道。", None),
])
def test_an_audio_prompt_a_bare_image_word_and_a_dated_update_line_are_furniture(line, kind):
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("line", ["Share this page",
                                  "For media enquiries, contact the press office on 020 7946 0000"])
def test_a_government_pages_prompts_are_furniture(line):
    # bilingual review round 19: a press release's page prompts were counted as English content
    assert classify_noncontent(line) is not None


def test_a_reports_section_label_under_its_title_line_is_no_title():
    # bilingual review round 19: a lab's safety report gave the title slide 'Executive Summary', the label under
    # 'Halcyon Labs | Annual Safety Report 2026'
    from helpers.render import deck
    zh = ["翠鸟实验室年度安全报告：我同意一半", "报告称，翠鸟今年在安全研究上投入了12亿美元。", "我并不同意报告的判断。"]
    en = ["Halcyon Labs | Annual Safety Report 2026", "Executive Summary", "Published November 12, 2026",
          "This year we spent $1.2 billion on safety research, about a fifth of our budget.",
          "Halcyon Labs found no deceptive behaviour in Halcyon-4 under test conditions."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["title"] == "Halcyon Labs | Annual Safety Report 2026"


# Bilingual review round 20: a Hong Kong outlet's related-story label in lenticular brackets and its newsletter prompt
# naming the publication, a Weibo post's fold button and its bracketed note over the appended threads were content.
@pytest.mark.parametrize("line", ["【延伸閱讀】歐盟AI法案實施一年：企業合規成本知多少？",
                                  "訂閱《某某評論》電子報，每週一早上送到你的郵箱。", "收起全文",
                                  "（以下为三条原推，按发布时间排列，个别推文有删节）"])
def test_bracketed_labels_newsletter_prompts_and_a_note_over_appended_threads_are_furniture(line):
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line", ["【编者按】本文作者认为监管应该针对部署，而不是模型本身。",
                                  "（以下为作者的三点看法，供读者参考。）"])
def test_an_editors_note_in_brackets_and_a_writers_own_note_stay_content(line):
    assert classify_noncontent(line) is None


@pytest.mark.parametrize("line", [
    "译者简介：林晓舟，数据中心基础设施工程师，长期关注算力基础设施与能源效率问题。",
    "譯者簡介：林曉舟，資料中心基礎設施工程師。",
    "作者简介：王宁，科技记者，关注半导体产业。",
])
def test_a_bio_after_its_label_and_a_colon_is_a_byline(line):
    # bilingual review round 20: a translation's closing '译者简介：…' line was read as content and linked to the
    # English's closing paragraph as a translated sentence
    assert classify_noncontent(line) == "byline"


def test_a_sentence_about_a_bio_stays_content():
    assert classify_noncontent("作者简介里没有提到他曾在英伟达工作。") is None


@pytest.mark.parametrize("line, kind", [
    # bilingual review round 20: a chip-industry account's labelled disclaimer, longer than other furniture lines
    ("*免责声明：本文由作者原创。文章内容系作者个人观点，某某观察转载仅为了传达一种不同的观点，不代表某某观察对该观点赞同或支持，"
     "如果有任何异议，欢迎联系某某观察。", "boilerplate"),
    # a Zhihu column's site line, a tag opening on a Latin word
    ("知乎 · 专栏 · AI 前沿观察", "boilerplate"),
    # content stays content: a licence's disclaimer clause says nothing of views or reposting
    ("免责声明：本软件按原样提供，作者不对任何损失负责。", None),
])
def test_a_labelled_disclaimer_and_a_columns_site_line_are_furniture(line, kind):
    assert classify_noncontent(line) == kind


def test_a_zhihu_reposting_button_and_a_quoted_related_headline_are_furniture():
    # bilingual review round 20: 申请转载 under 分享 喜欢 收藏 read as a heading; a related story's headline that is one
    # quoted exclamation (★“新光刻机，太贵了！”) read as the writer's closing sentence
    text = ("一个标题\n\n正文第一段，讲的是芯片。\n\n正文第二段，讲的是封装。\n\n分享\n喜欢\n收藏\n申请转载\n\n推荐阅读\n"
            "★一颗改变了世界的芯片\n★“新光刻机，太贵了！”\n\n原文附后：\n\nA title\n\nThe first paragraph is about chips.\n\n"
            "The second paragraph is about packaging.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["申请转载", "part"] == PART_NONCONTENT
    assert blocks.loc["★“新光刻机，太贵了！”", "part"] == PART_NONCONTENT


@pytest.mark.parametrize("line", [
    "媒体联系人：", "投资者联系人", "媒體聯絡人：", "消息来源：明川半导体", "前瞻性陈述", "安全港声明",
    "本新闻稿包含1995年《美国私人证券诉讼改革法案》所定义的前瞻性陈述，包括但不限于有关产品出货时间的陈述。",
])
def test_a_chinese_press_releases_contact_label_credit_and_safe_harbour_are_set_aside(line):
    # bilingual review round 20 (the official Chinese version of a company's press release): the Chinese safe harbour
    # and contact block stayed content while the English's were furniture, so the Chinese ran 'beyond' the English and
    # the report called the complete English an excerpt and the SEC named 'only beyond the English given'
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line", ["媒体报道称公司前景良好。", "投资者联系人数众多，公司难以一一回复。",
                                  "消息来源称，这笔交易即将完成。", "本公告的前瞻性陈述部分较长，读者可以跳过。"])
def test_chinese_lines_near_press_release_furniture_stay_content(line):
    assert classify_noncontent(line) is None


def test_a_chinese_press_releases_contact_block_is_set_aside_under_its_label():
    text = ("明川发布新芯片\n\n明川今日发布新芯片。\n\n媒体联系人：\n王思琪\n明川亚太区传播\n电话：+886 2 8751 3300\n"
            "邮箱：press@mingchuan.example\n\n消息来源：明川半导体\n\n原文附后\n\nMingchuan launches a chip\n\n"
            "Mingchuan today launched a new chip.\n")
    blocks = parse_document(text).blocks.set_index("text")
    for line in ("媒体联系人：", "王思琪", "明川亚太区传播", "电话：+886 2 8751 3300", "消息来源：明川半导体"):
        assert blocks.loc[line, "part"] == PART_NONCONTENT, line
    assert blocks.loc["明川今日发布新芯片。", "part"] == PART_COMMENTARY


def test_a_publications_name_between_an_articles_byline_and_its_date_is_furniture():
    # bilingual review round 20: 'The Circuit Ledger' between 'By Dana Example' and 'November 10, 2026' was an English
    # heading, a section of its own, and the aligner's source for the Chinese sentence naming the outlet
    text = ("评论两篇文章。\n\n原文附后\n\nA Made-up Headline About Ports\n\nBy Dana Example\nThe Harbour Ledger\n"
            "November 10, 2026\n\nPorts matter a great deal to the economy.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["The Harbour Ledger", "part"] == PART_NONCONTENT
    assert blocks.loc["Ports matter a great deal to the economy.", "part"] == PART_ORIGINAL
    keep = parse_document("评论。\n\n原文附后\n\nBy Dana Example\nThe port is open.\nNovember 10, 2026\n").blocks
    assert keep.loc[keep["text"] == "The port is open.", "part"].tolist() == [PART_ORIGINAL]


def test_a_news_pages_font_size_and_print_bar_is_furniture():
    # bilingual review round 21: '字号：大 中 小　打印本页' was read as a heading of the Chinese version
    assert classify_noncontent("字号：大 中 小　打印本页") is not None
    assert classify_noncontent("打印本页") is not None

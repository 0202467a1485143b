"""helpers.render.report: the whole report on a tiny two-language document, offline slides, and bad input."""

import base64
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time

import pytest
from hypothesis import given, strategies as st

from helpers import errors
from helpers.errors import child_pids
from helpers.export import read_table
from helpers.params import Params
from helpers.render import assets, errors as render_errors, report
from helpers.paths import NOTEBOOKS, ROOT
from helpers.pipeline import run
from helpers.render import assets, browser, figures, report

TINY = """中国 AI 实验室在工程化和开源上追赶很快。一位美国研究员的观察(原文附后)。
作者认为,中国公司更愿意自己训练模型,比如月之暗面和智谱都发布了开源模型。
他说,芯片仍然是最大的约束,很多实验室缺少 Nvidia 芯片。
这点对我们来说很好理解。<script>alert("zh")</script>
说白了,点[这里](javascript:alert(1))或者 <https://evil.example/auto> 看 ![图](https://evil.example/zh.png) 和 www.evil.example 吧。
咱们再看 [参考][r] 与 <a href="https://evil.example/raw">原文</a>,公式 $x^2$ 和模板 {{ 7*7 }} 都只是文字。

[r]: https://evil.example/ref

Notes from visiting Chinese AI labs ![x](https://evil.example/heading.png)
I visited Moonshot AI and Zhipu in Beijing last month. Both labs release open-weight models and move fast.
The mentality of [Chinese](javascript:alert(2)) researchers <img src="https://evil.example/h2.png">
Chinese companies prefer to train their own models rather than buy from OpenAI or Anthropic. Talent is abundant and students are eager.
Compute is the main constraint. Most labs are desperate for more Nvidia chips, and domestic chips help with inference.
The government supports the labs, but it is unclear how much. <img src=x onerror=alert("en")>
"""
CDNS = ("unpkg.com", "cdnjs", "jsdelivr", "cdn.")
# a tag that fetches or links, and its URL attributes: markup shown as text (&lt;a href=…) is neither
TAG = re.compile(r"<(a|img|link|script|iframe|source)\b([^>]*)>", re.I)
URL_ATTRIBUTE = re.compile(r"""\b(href|src|srcset|action)\s*=\s*["']?([^"'\s>]*)""", re.I)
# The overview and the briefing: a page and the slides, every table and the framing figures, in ~15 s
# instead of ~40 s for all five notebooks (the others run under nbval on the seed).
NOTEBOOKS_RUN = ["01-overview.ipynb", "05-briefing.ipynb"]
# The report runs with a changed threshold: its pages and its tables must both show it.
CHANGED = {"min_coverage": 0.6}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    source = folder / "tiny-labs.zh-en.txt"
    source.write_text(TINY, encoding="utf-8")
    return report.build_report(source, folder / "out", notebooks=[NOTEBOOKS / name for name in NOTEBOOKS_RUN],
                               params=Params().replace(**CHANGED))


def linked(alignment):
    """(Chinese sentences linked, Chinese sentences) of an alignment table."""
    zh, en = alignment["zh_claim_id"], alignment["en_claim_id"]
    rows = alignment[zh.notna() & (zh.astype(str) != "")]  # CSV: "" for none
    per_sentence = rows.drop_duplicates("zh_claim_id")
    links = rows[rows["en_claim_id"].notna() & (rows["en_claim_id"].astype(str) != "")]
    return links["zh_claim_id"].nunique(), int((per_sentence["relation"] != "beyond").sum())


def test_the_report_has_pages_slides_figures_tables_and_an_index(built):
    assert sorted(p.name for p in (built / "html").glob("*.html")) == ["01-overview.html", "05-briefing.html"]
    assert sorted(p.name for p in (built / "notebooks").glob("*.ipynb")) == NOTEBOOKS_RUN
    assert (built / "slides" / "05-briefing.slides.html").is_file()
    assert {p.name for p in (built / "tables").glob("*.csv")} >= \
        {"alignment.csv", "blocks.csv", "claims.csv", "framing.csv", "mentions.csv", "coverage.csv", "shifts.csv"}
    pngs = {p.stem for p in (built / "figures").glob("*.png")}
    assert pngs == {p.stem for p in (built / "figures").glob("*.svg")} == {"01-anatomy"}
    assert (built / "index.html").is_file() and (built / "fonts" / "cjk-subset.otf").is_file()


def test_the_index_gives_the_reading_order_each_pages_question_and_its_answer(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    order = re.search(r'<ol class="pages">(.*?)</ol>', index, re.S).group(1)
    assert order.index("html/01-overview.html") < order.index("html/05-briefing.html")
    executed = (built / "notebooks" / "01-overview.ipynb").read_text(encoding="utf-8")
    first_bullet = re.search(r"- (\d+ blocks: [^\\]+)\\n", executed).group(1)
    assert '<p class="question">How is the document put together?</p>' in order
    assert f'<p class="answer">{first_bullet}</p>' in order
    assert "<script" not in order
    # the briefing's line is its closing slide's question and answer, not the title slide's byline
    briefing = order[order.index("html/05-briefing.html"):]
    assert "compared with the English original?</p>" in briefing and '<p class="answer">' in briefing


def test_slides_load_reveal_from_the_local_copy_and_nothing_from_a_cdn(built):
    slides = (built / "slides" / "05-briefing.slides.html").read_text(encoding="utf-8")
    assert 'src="reveal.js/dist/reveal.js"' in slides
    assert (built / "slides" / "reveal.js" / "dist" / "reveal.js").is_file()
    assert (built / "slides" / "reveal.js" / "plugin" / "notes" / "notes.js").is_file()
    for page in [*built.glob("*/*.html"), built / "index.html"]:
        text = page.read_text(encoding="utf-8")
        urls = [value for _, attributes in TAG.findall(text) for _, value in URL_ATTRIBUTE.findall(attributes)]
        assert not [url for url in urls if url.startswith(("http:", "https:", "//"))], page.name
        assert not any(cdn in url for url in urls for cdn in CDNS), page.name


def test_slides_hide_code_and_show_computed_findings(built):
    slides = (built / "slides" / "05-briefing.slides.html").read_text(encoding="utf-8")
    assert "read_document(SOURCE)" not in slides and "import pandas" not in slides
    assert slides.count("<section") >= 6
    assert "data:image/png;base64" in slides


def slide_sections(slides: str) -> list[str]:
    """The HTML of each slide (reveal.js nests each in an outer section)."""
    inner = re.split(r"<section\b[^>]*>\s*<section\b[^>]*>", slides)[1:]
    return [part.split("</section>")[0] for part in inner]


def test_the_deck_opens_on_the_document_and_closes_on_the_answer_with_notes_on_every_slide(built):
    sections = slide_sections((built / "slides" / "05-briefing.slides.html").read_text(encoding="utf-8"))
    assert "tiny-labs.zh-en.txt" in sections[0] and "Notes from visiting Chinese AI labs" in sections[0]
    assert "Present the report" not in sections[0] and "make report" not in sections[0]
    # the answer: what gets through, or (links on this kind of document held back) that it is not counted, and why
    assert "The answer" in sections[-1]
    assert "<strong>Gets</strong>" in sections[-1] or (
        "<strong>Gets, misses, adds</strong>: not counted" in sections[-1] and "under the bar" in sections[-1])
    assert any("The terms these slides use" in s and "absorbed" in s for s in sections)
    assert [k for k, s in enumerate(sections) if '<aside class="notes">' not in s] == []
    titles = [re.search(r"<h[12][^>]*>(.*?)</h[12]>", s, re.S) for s in sections]
    assert all(titles), "every slide has a title"
    # a title states a finding: the figure slides' titles carry a number from the data
    assert sum(bool(re.search(r"\d", t.group(1))) for t in titles) >= 4


def test_pages_fold_their_set_up_give_figures_alt_text_and_mark_their_chinese(built):
    for name in ("01-overview.html", "05-briefing.html"):
        page = (built / "html" / name).read_text(encoding="utf-8")
        assert ".tmp-" not in page, "the temporary build folder's name is shown"
        assert '<details class="fold">' in page
        assert "No description has been provided" not in page
        images = re.findall(r"<img\b[^>]*>", page)
        assert images and all(re.search(r'\balt="[A-Z][^"]+"', image) for image in images), name
        assert '<span lang="zh-Hans">' in page
    overview = (built / "html" / "01-overview.html").read_text(encoding="utf-8")
    # the question, then the set-up folded away, then the answer; the checks never stand between them unfolded
    assert overview.index("The question:") < overview.index('<details class="fold">') < overview.index("<h2>The short answer")
    assert "## Conclusion" not in overview and ">Conclusion<" in overview


def test_the_executed_notebooks_ran_on_the_given_document(built):
    executed = (built / "notebooks" / "01-overview.ipynb").read_text(encoding="utf-8")
    assert "tiny-labs.zh-en.txt: utf-8" in executed
    assert '"papermill"' not in executed
    # the parameters cell names the published figures' folder, not the temporary one the report was built in (its
    # random name made two reports of one document differ)
    assert ".tmp-" not in executed and 'out/figures\\"' in executed


def test_a_bad_source_exits_2_with_one_line_and_leaves_no_folder(tmp_path):
    out, temporary = tmp_path / "out", tmp_path / "tmp"
    temporary.mkdir()
    result = subprocess.run([sys.executable, "-m", "helpers", "report", str(tmp_path / "missing.txt"),
                             "--out", str(out)], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "TMPDIR": str(temporary)})
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no such file" in result.stderr
    assert not out.exists()
    # the handout's browser, launched before the command's imports and never given slides, is gone with its profile
    assert list(temporary.glob("chromium-*")) == []


def test_a_tampered_reveal_download_is_refused():
    data = b"not the real tarball"
    with pytest.raises(report.ReportError, match="does not match"):
        assets.check_integrity(data)
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    assets.check_integrity(data, good)


def test_unpack_reveal_keeps_only_the_parts_the_slides_load(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name in ["package/dist/reveal.js", "package/plugin/notes/notes.js", "package/LICENSE",
                     "package/examples/big.html", "package/../evil.js"]:
            info = tarfile.TarInfo(name)
            info.size = 2
            archive.addfile(info, io.BytesIO(b"//"))
    target = assets.unpack_reveal(buffer.getvalue(), tmp_path / "reveal")
    kept = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert kept == ["LICENSE", "dist/reveal.js", "plugin/notes/notes.js"]
    assert not (tmp_path / "evil.js").exists()


def test_markup_in_the_article_is_shown_never_run(built):
    pages = [p for p in built.rglob("*.html") if "reveal.js" not in p.parts]
    assert pages
    for page in pages:
        body = page.read_text(encoding="utf-8")
        # shown as text, a tag is escaped whole (&lt;img … onerror=…&gt;); a live one is not
        live = re.sub(r"&lt;.*?&gt;", "", body)
        assert "<script>alert(" not in body and "onerror=alert(" not in live, page.name
        assert "<img src=x" not in body, page.name
        assert "&lt;h1" not in body and "&lt;p&gt;" not in body, f"{page.name}: Markdown shown as escaped HTML"
    assert "<h1" in (built / "html" / "01-overview.html").read_text(encoding="utf-8")


def test_no_link_or_image_in_the_built_report_comes_from_the_document(built):
    # The document is full of Markdown and HTML tricks (links, images, javascript: URLs, autolinks,
    # reference links, raw HTML, math, templates); every <a> and <img> in every page and slide is ours:
    # images are embedded figures, links are anchors or our own relative files.
    pages = [p for p in built.rglob("*.html") if "reveal.js" not in p.parts]
    for page in pages:
        body = page.read_text(encoding="utf-8")
        for tag, attributes in TAG.findall(body):
            for name, value in URL_ATTRIBUTE.findall(attributes):
                assert "evil.example" not in value and "javascript:" not in value.lower(), (page.name, tag, value)
                if tag.lower() == "img":
                    assert value.startswith("data:image/"), (page.name, value)
                elif tag.lower() == "a":
                    assert value.startswith("#") or ":" not in value, (page.name, value)
    shown = "".join((built / "html" / name).read_text(encoding="utf-8") for name in ("01-overview.html", "05-briefing.html"))
    # ... and the tricks did reach the pages, as text (a heading's on page 01: the briefing no longer prints the
    # coverage table, whose counts rest on links this document's kind does not have counted)
    assert "[Chinese](javascript:alert(2))" in shown and "evil.example/heading.png" in shown


def test_a_users_folder_given_as_out_is_refused_before_any_work(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep", encoding="utf-8")
    source = tmp_path / "tiny.txt"
    source.write_text(TINY, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "helpers", "report", str(source), "--out", str(notes)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 7 and result.stderr.count("\n") == 1 and "todo.txt" in result.stderr
    assert [p.name for p in notes.iterdir()] == ["todo.txt"] and (notes / "todo.txt").read_text() == "keep"


def test_a_fifo_as_source_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = subprocess.run([sys.executable, "-m", "helpers", "report", str(tmp_path / "pipe.txt"), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2 and "named pipe" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("evalue, status", [("[Errno 28] No space left on device: 'x.png'", 5),
                                            ("[Errno 13] Permission denied: 'x.png'", 6)])
def test_a_full_disk_inside_a_notebook_is_named_as_such_not_blamed_on_the_notebook(evalue, status):
    failure = type("CellExecutionError", (Exception,), {"ename": "OSError", "evalue": evalue})()
    cause = render_errors.failure(NOTEBOOKS / "05-briefing.ipynb", failure)
    assert isinstance(cause, OSError) and errors.os_error_status(cause) == status
    other = type("CellExecutionError", (Exception,), {"ename": "KeyError", "evalue": "'x'"})()
    assert isinstance(render_errors.failure(NOTEBOOKS / "05-briefing.ipynb", other), report.NotebookFailed)


def test_an_interrupted_report_says_one_line_stops_its_kernels_and_keeps_the_previous_report(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)  # a previous report of ours
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    source = tmp_path / "tiny-labs.zh-en.txt"
    source.write_text(TINY, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "helpers", "report", str(source), "--out", str(out)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.tmp-*/notebooks")) or not child_pids(process.pid):  # kernels running
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    kernels = child_pids(process.pid)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err == f"interrupted; nothing was written; the previous output in {out} is unchanged\n"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tiny-labs.zh-en.txt"]
    def alive():  # the kernels it started, still running (a zombie has ended)
        live = []
        for pid in kernels:
            try:
                if open(f"/proc/{pid}/stat", "rb").read().rsplit(b")", 1)[1].split()[0] != b"Z":
                    live.append(pid)
            except OSError:
                pass
        return live
    deadline = time.monotonic() + 30  # polled, not a fixed pause: a loaded machine reaps them later
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive()


def test_a_stopped_reports_notebook_threads_log_nothing_about_the_kernels_it_stopped(caplog):
    import logging
    import threading

    stopping = threading.Event()
    quiet = report.QuietOnceStopped(stopping)
    logger = logging.getLogger("papermill")

    def notebook_thread():
        with quiet.thread():
            logger.error("before the stop")
            stopping.set()
            logger.error("Kernel died while waiting for execute reply.")  # the kernel the stop killed

    with caplog.at_level(logging.ERROR, logger="papermill"):
        worker = threading.Thread(target=notebook_thread)
        worker.start()
        worker.join()
        logger.error("another thread's line")  # not a notebook thread of this report: kept
        quiet.close()
        assert quiet not in logger.filters  # detached once the report is done and its threads have ended
    assert [r.getMessage() for r in caplog.records] == ["before the stop", "another thread's line"]


def test_a_one_language_document_is_refused_before_anything_is_written(tmp_path):
    source = tmp_path / "zh.txt"
    source.write_text("只有中文的评论。\n第二段也是中文。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "helpers", "report", str(source), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no English original" in result.stderr
    assert not (tmp_path / "out").exists()


def test_pages_and_tables_come_from_one_analysis_with_the_changed_parameters(built):
    done, total = linked(read_table(built / "tables" / "alignment.csv"))
    assert (done, total) != linked(run(TINY).alignment)  # the change matters on this document
    for name in NOTEBOOKS_RUN:
        executed = (built / "notebooks" / name).read_text(encoding="utf-8")
        assert re.search(rf"{done} of {total} Chinese sentences( and headings)? linked", executed), name
        assert "(parameters changed: min_coverage=0.6)" in executed, name


def test_the_command_lines_parameters_give_the_reports_tables(built, tmp_path):
    source = built.parent / "tiny-labs.zh-en.txt"
    params_file = tmp_path / "params.yaml"
    params_file.write_text("min_coverage: 0.6\n", encoding="utf-8")
    for options in (["--param", "min_coverage=0.6"], ["--params", str(params_file)]):
        out = tmp_path / options[0].strip("-")
        subprocess.run([sys.executable, "-m", "helpers", "align", str(source), "--out", str(out), *options],
                       capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
        for name in ("alignment", "framing", "shifts"):
            assert (out / f"{name}.csv").read_bytes() == (built / "tables" / f"{name}.csv").read_bytes(), (options, name)


def test_make_report_passes_its_params_file_to_the_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(if $(PARAMS),--params $(call quoted,$(PARAMS)))" in makefile


# ---- offline, the handout, and the deck at projector size -----------------------------------------

# What makes a browser fetch: a tag's URL attribute, CSS url() and @import. Text that merely shows a URL
# (the document's own, escaped) fetches nothing and is not counted.
ANY_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
FETCHING_ATTRIBUTE = re.compile(r"""\b(?:href|src|srcset|action|data|poster|formaction)\s*=\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^"'\s>]*)""", re.I)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.I | re.S)
CSS_FETCH = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*((?:[a-z][a-z0-9+.-]*:)?//[^"')\s;]*)""", re.I)


def outside_urls(folder):
    """(file, URL) for every URL in a built HTML or CSS file that would be fetched from outside the bundle."""
    found = []
    for path in sorted([*folder.rglob("*.html"), *folder.rglob("*.css")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".css":
            found += [(path.name, url) for url in CSS_FETCH.findall(text)]
            continue
        for tag in ANY_TAG.findall(text):
            if tag.lower().startswith("<a "):
                continue   # a link is followed by a reader's click, not fetched; ours are relative (tested above)
            found += [(path.name, url) for url in FETCHING_ATTRIBUTE.findall(tag)]
        for css in STYLE_ELEMENT.findall(text):
            found += [(path.name, url) for url in CSS_FETCH.findall(css)]
    return found


def test_no_built_html_or_css_file_fetches_anything_from_outside_the_bundle(built):
    assert outside_urls(built) == []
    # the reveal.js theme's Google Fonts import is gone from the copy, and the shipped fonts are loaded
    theme = (built / "slides" / "reveal.js" / "dist" / "theme" / "simple.css").read_text(encoding="utf-8")
    assert "@import" not in theme and "googleapis" not in theme
    slides = (built / "slides" / "05-briefing.slides.html").read_text(encoding="utf-8")
    assert 'href="reveal.js/dist/theme/fonts/source-sans-pro/source-sans-pro.css"' in slides
    assert list((built / "slides" / "reveal.js" / "dist" / "theme" / "fonts" / "source-sans-pro").glob("*.woff"))


def test_the_outside_url_scan_finds_each_way_of_fetching(tmp_path):
    (tmp_path / "a.html").write_text('<link rel="stylesheet" href="https://x.example/a.css"><img src=//x.example/i.png>'
                                     '<style>@import "https://x.example/b.css"; p{background:url(http://x.example/c.png)}</style>'
                                     '<p>&lt;img src="https://shown.example/as-text.png"&gt; <a href="https://x.example">ok</a></p>',
                                     encoding="utf-8")
    (tmp_path / "b.css").write_text("@import url(https://fonts.googleapis.com/css?family=Lato);", encoding="utf-8")
    assert [url for _, url in outside_urls(tmp_path)] == [
        "https://x.example/a.css", "//x.example/i.png", "https://x.example/b.css", "http://x.example/c.png",
        "https://fonts.googleapis.com/css?family=Lato"]


def test_remote_imports_are_stripped_from_revealjs_css_when_it_is_copied(tmp_path):
    source = tmp_path / "reveal"
    (source / "dist" / "theme").mkdir(parents=True)
    (source / "dist" / "theme" / "simple.css").write_text(
        "@import url(https://fonts.googleapis.com/css?family=News+Cycle:400,700);\n"
        "@import url(./fonts/local.css);\n.reveal{color:#000}\n", encoding="utf-8")
    copy = assets.offline_reveal(source, tmp_path / "copy")
    assert (copy / "dist" / "theme" / "simple.css").read_text(encoding="utf-8") == \
        "@import url(./fonts/local.css);\n.reveal{color:#000}\n"


CHROMIUM = browser.find_chromium()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed here: `make chromium` installs "
                                    "Debian's (the handout and the rendering check need it)")


@needs_chromium
def test_the_report_writes_a_pdf_handout_one_slide_a_page(built):
    pdf = built / "slides" / "05-briefing.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    slides = (built / "slides" / "05-briefing.slides.html").read_text(encoding="utf-8")
    sections = len(re.findall(r"<section\b", slides)) - len(re.findall(r"<section\b[^>]*>\s*<section\b", slides))
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == sections
    assert 'href="slides/05-briefing.pdf"' in (built / "index.html").read_text(encoding="utf-8")


@needs_chromium
def test_every_slide_fits_1280_by_720_offline_and_no_request_leaves_the_machine(built):
    measured = browser.measure_slides(built / "slides" / "05-briefing.slides.html", CHROMIUM)
    assert (measured["width"], measured["height"]) == (1280, 720)
    assert len(measured["slides"]) >= 6
    assert [(s["h"], s["v"], s["overflow"][:3]) for s in measured["slides"] if s["overflow"]] == []
    assert browser.outside_requests(measured["resources"] + measured["requested"]) == []
    assert {"Source Sans Pro", "Bundle CJK"} <= set(measured["fonts"]), "the slide fonts load from the bundle"
    smallest = min(s["smallest_text_px"] for s in measured["slides"] if s["smallest_text_px"])
    assert smallest >= 24, smallest
    # a figure's smallest label, MIN_FONT_PT points at DPI, as shown on the 1280 x 720 canvas
    labels = [figures.MIN_FONT_PT * figures.DPI / 72 * image["shown"] / image["natural"]
              for s in measured["slides"] for image in s["images"]]
    assert labels and min(labels) >= 16, labels


@needs_chromium
def test_the_net_log_catches_a_page_that_fetches_from_outside(tmp_path):
    # the rendering check is only as good as its eye: a page that fetches must be caught
    page = tmp_path / "fetching.html"
    page.write_text('<html><body><img src="https://example.invalid/x.png"></body></html>', encoding="utf-8")
    net_log = tmp_path / "net-log.json"
    browser.run_headless(CHROMIUM, ["--virtual-time-budget=2000", "--dump-dom", page.as_uri()], tmp_path / "profile", net_log)
    requested = browser.page_requests(net_log)
    assert browser.outside_requests(requested) == ["https://example.invalid/x.png"]


def test_notebooks_start_with_the_slides_then_the_longest_so_a_short_one_runs_last(tmp_path):
    sizes = {"01-a.ipynb": 300, "02-b.ipynb": 900, "03-c.ipynb": 100, report.SLIDES_NOTEBOOK: 50, "04-d.ipynb": 900}
    paths = []
    for name, size in sizes.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(b"x" * size)
    assert [p.name for p in report.run_order(paths)] == [report.SLIDES_NOTEBOOK, "02-b.ipynb", "04-d.ipynb",
                                                         "01-a.ipynb", "03-c.ipynb"]


def test_pages_that_show_a_chart_of_the_slides_start_after_those_that_show_none(tmp_path):
    import nbformat

    def notebook(name, images, padding=0):
        nb = nbformat.v4.new_notebook()
        for image in images:
            nb.cells.append(nbformat.v4.new_code_cell("show()", outputs=[nbformat.v4.new_output(
                "display_data", data={"image/png": image, "text/plain": "Figure"})]))
        nb.cells.append(nbformat.v4.new_markdown_cell("x" * padding))
        nbformat.write(nb, tmp_path / name)
        return tmp_path / name

    paths = [notebook(report.SLIDES_NOTEBOOK, ["aGVsbG8=", "d29ybGQ="]),
             notebook("01-a.ipynb", ["aGVsbG8="], padding=9000),     # the longest, but shows a chart of the slides
             notebook("02-b.ipynb", ["b3duMQ=="], padding=3000),     # its own charts only
             notebook("03-c.ipynb", [], padding=100),
             notebook("04-d.ipynb", ["d29ybGQ=", "b3duMg=="], padding=50)]
    assert [p.name for p in report.run_order(paths)] == [report.SLIDES_NOTEBOOK, "02-b.ipynb", "03-c.ipynb",
                                                         "01-a.ipynb", "04-d.ipynb"]
    # without the slides, longest first as before
    assert report.run_order(paths[1:]) == sorted(paths[1:], key=lambda p: -p.stat().st_size)


def test_each_page_is_rendered_when_its_notebook_finishes_not_after_those_started_before_it():
    from concurrent.futures import Future

    running = {name: Future() for name in ("05", "02", "03", "04")}
    pages = report.finished_in_turn(list(running), running)
    for name in ("04", "02", "05", "03"):   # finishing in another order than they started
        running[name].set_result(name)
        assert next(pages) == name
    assert next(pages, None) is None


@given(st.lists(st.booleans(), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_a_failed_notebook_surfaces_as_when_the_notebooks_were_taken_in_order(failed, random):
    import threading
    from concurrent.futures import Future

    names = [f"{k:02d}" for k in range(len(failed))]
    running = {name: Future() for name in names}

    finishing = random.sample(names, len(names))

    def finish():   # in an order of their own, while the pages are taken
        for name in finishing:
            if failed[names.index(name)]:
                running[name].set_exception(RuntimeError(name))
            else:
                running[name].set_result(name)

    finisher = threading.Thread(target=finish)
    finisher.start()
    seen = []
    for name in report.finished_in_turn(names, running):
        seen.append(name)
        if running[name].exception() is not None:
            break
    finisher.join()
    first_failure = next((n for n, f in zip(names, failed) if f), None)
    if first_failure is None:
        assert sorted(seen) == names
    else:
        # what taking the notebooks in order raised: the first of them to have failed; no other failure before it
        assert seen[-1] == first_failure and all(running[n].exception() is None for n in seen[:-1])


def test_a_browser_started_ahead_and_never_given_slides_is_closed_with_its_profile(monkeypatch):
    if not CHROMIUM:
        pytest.skip("no Chromium (make chromium)")
    started = browser.start_browser(CHROMIUM)
    profile, process = started.profile, started.devtools.process
    assert profile.is_dir() and process.poll() is None
    started.close()
    started.close()  # twice: nothing left to do
    assert not profile.exists() and process.poll() is not None


def test_a_browser_launched_early_is_taken_by_the_report_or_shut_down_with_its_profile(monkeypatch):
    if not CHROMIUM:
        pytest.skip("no Chromium (make chromium)")
    monkeypatch.setenv("CHROMIUM", CHROMIUM)
    browser.launch_early()   # as ``python -m helpers report`` does before its imports
    _, profile, process = browser._early
    started = browser.start_browser()   # taken over, not started again
    try:
        assert browser._early is None and started.profile == profile and started.devtools.process is process
        assert started.devtools.evaluate("1 + 1") == 2   # spoken to over the pipe it was launched with
    finally:
        started.close()
    assert not profile.exists() and process.poll() is not None
    browser.launch_early()   # never taken (the report failed first): shut down at exit, its profile removed
    _, profile, process = browser._early
    browser.discard_early()
    assert browser._early is None and not profile.exists() and process.poll() is not None


def test_the_headless_browser_preloads_no_page_of_its_own_ui(tmp_path):
    if not CHROMIUM:
        pytest.skip("no Chromium (make chromium)")
    started = browser.start_browser(CHROMIUM)
    try:
        started.devtools.call("Target.setDiscoverTargets", discover=True)
        targets = started.devtools.call("Target.getTargets", filter=[{}])["targetInfos"]
    finally:
        started.close()
    assert [t["url"] for t in targets if t["type"] not in ("page", "tab")] == []


@needs_chromium
def test_every_run_of_chinese_on_every_page_is_drawn_in_the_bundled_font(built, tmp_path):
    # last in the font stack, the subset lost a race in Chromium: the briefing's facts table drew a Traditional
    # report's title and writer in a system font (empty boxes on a machine without a CJK font), its bullets above right
    traditional = report.build_report(ROOT / "tests" / "fixtures" / "unseen" / "r-hk-news-two-wires-drone-delivery.txt",
                                      tmp_path / "out", notebooks=[NOTEBOOKS / "05-briefing.ipynb"])
    pages = [page for folder in (built, traditional) for page in
             sorted((folder / "html").glob("*.html")) + [folder / "slides" / "05-briefing.slides.html"]]
    assert browser.chinese_drawn_without_cjk(pages, CHROMIUM) == {str(page): [] for page in pages}

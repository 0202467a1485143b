"""Headless Chromium for the slides: the PDF handout, and a check that every slide fits 1280 × 720 offline.

Chromium is not a Python package: ``make chromium`` installs Debian's. Without it the report is written
without its handout (one line on stderr says so) and the rendering check is skipped, with that reason.
Every run gets a new empty profile and no network: the browser may read the bundle's files and nothing else.
"""

from __future__ import annotations

import atexit
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The slides' canvas: a 16:9 projector at 1280 × 720 (reveal.js scales it to the window; ``pages`` lays the slides out
#: on it). Here, not in ``pages``, so that this module imports nothing of the report's: ``launch_early`` runs before
#: the command's imports.
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720

#: Names Debian and other systems give the browser, in the order tried; CHROMIUM names one explicitly.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Flags that keep a headless run to itself: no GPU, no sync, no component updates, no QUIC, no proxy
#: discovery, and every host name resolved to nothing, so a request that tries to leave fails at once. Nor the
#: address bar's pop-up: headless Chromium (new headless mode) preloads it as a web page in a renderer of its own
#: (chrome://omnibox-popup.top-chrome), a quarter of the CPU a handout's print took; a build that does not know
#: these feature names ignores them.
OFFLINE_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--disable-default-apps", "--no-proxy-server",
                 "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars", "--mute-audio",
                 "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup")
TIMEOUT_SECONDS = 120


def find_chromium() -> str | None:
    """The path of a Chromium to run (``$CHROMIUM`` first), or None when none is installed."""
    named = os.environ.get("CHROMIUM")
    if named:
        return shutil.which(named)
    return next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)


def run_headless(chromium: str, arguments: list[str], profile: Path, net_log: Path | None = None) -> subprocess.CompletedProcess:
    """One headless Chromium run with the offline flags, a fresh profile and, given ``net_log``, a net log."""
    command = [chromium, *OFFLINE_FLAGS, f"--user-data-dir={profile}", f"--window-size={SLIDE_WIDTH},{SLIDE_HEIGHT}",
               *([f"--log-net-log={net_log}", "--net-log-capture-mode=Default"] if net_log else []), *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)


def launch(chromium: str, profile: Path, flags: tuple[str, ...] = ()) -> subprocess.Popen:
    """Chromium started on ``profile`` with the offline flags and its DevTools pipe on our stdin and stdout pipes, not
    yet spoken to (``DevTools``); it exits when the pipe closes."""
    command = [chromium, *OFFLINE_FLAGS, *flags, f"--user-data-dir={profile}",
               f"--window-size={SLIDE_WIDTH},{SLIDE_HEIGHT}", "--remote-debugging-pipe", "about:blank"]
    # the shell hands our stdin and stdout to Chromium as fds 3 and 4, where it expects its pipe. In a session of its
    # own, as the notebooks' processes are: with Linux's autogroup scheduling, a browser left in the report's session
    # shares that session's share of a loaded machine with the report's own work (its imports, when launched early);
    # a stopped report kills it and its helpers as a group (``errors.stop_children``)
    return subprocess.Popen(["sh", "-c", 'exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null', *command],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)


class DevTools:
    """A headless Chromium driven over its DevTools pipe (``--remote-debugging-pipe``: fd 3 in, fd 4 out, one
    JSON message per NUL), so that a step can wait for the page to be ready instead of for a guessed time."""

    def __init__(self, chromium: str, profile: Path, flags: tuple[str, ...] = (), process=None):
        """``process``: a Chromium already launched on ``profile`` with ``flags`` (``launch``), driven from now on."""
        self.process = process if process is not None else launch(chromium, profile, flags)
        self.buffer = b""
        self.next_id = 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def call(self, method: str, session: str | None = None, **params) -> dict:
        """Send one command and return its result; raise RuntimeError on an error or after TIMEOUT_SECONDS."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.process.stdin.write(json.dumps(message).encode() + b"\0")
        self.process.stdin.flush()
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            while b"\0" not in self.buffer:
                if not select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))[0]:
                    raise RuntimeError(f"Chromium did not answer {method} within {TIMEOUT_SECONDS} s")
                chunk = os.read(self.process.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise RuntimeError(f"Chromium closed its pipe during {method}")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message', reply['error'])}")
                return reply.get("result", {})

    def page(self, method: str, **params) -> dict:
        return self.call(method, self.session, **params)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        result = self.page("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"in the page: {result['exceptionDetails'].get('text', 'an exception')}")
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError, ValueError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# Resolves once reveal.js has laid out its print view (one .pdf-page per slide) and the fonts have loaded.
PRINT_READY = """new Promise(function (resolve, reject) {
  var waited = 0;
  (function check() {
    // getTotalSlides() is 0 until reveal.js has read the slides: zero pages is never ready
    if (window.Reveal && Reveal.isReady() && Reveal.getTotalSlides() > 0
        && document.querySelectorAll('.pdf-page').length >= Reveal.getTotalSlides())
      document.fonts.ready.then(function () { resolve(document.querySelectorAll('.pdf-page').length); });
    else if ((waited += 100) > 60000) reject(new Error('reveal.js never laid out its print view'));
    else setTimeout(check, 100);
  })();
})"""


class StartedBrowser:
    """A headless Chromium started before its page exists (``start_browser``), with a fresh profile of its own: the
    report starts it while it waits on the analysis, on a core that is otherwise idle, so the handout does not pay
    the browser's start (a third of a second, and more of CPU in its helper processes) while the notebooks run."""

    def __init__(self, chromium: str, launched: tuple[Path, subprocess.Popen] | None = None):
        """``launched``: a profile and the Chromium already launched on it (``launch_early``), taken over."""
        self.profile, process = launched if launched is not None else (Path(tempfile.mkdtemp(prefix="chromium-")), None)
        try:
            self.devtools = DevTools(chromium, self.profile, process=process)
            self.devtools.page("Page.enable")
        except BaseException:
            if process is not None and getattr(self, "devtools", None) is None:   # launched, never spoken to
                process.kill()
                process.wait()
            self.close()
            raise

    def close(self) -> None:
        """Shut the browser down and remove its profile; safe to call more than once."""
        devtools, self.devtools = getattr(self, "devtools", None), None
        if devtools is not None:
            devtools.close()
        shutil.rmtree(self.profile, ignore_errors=True)


#: The Chromium ``launch_early`` launched, not yet taken by ``start_browser``: (its path, its profile, its process).
_early = None


def launch_early() -> None:
    """Launch the handout's Chromium now, for this process's ``start_browser`` to take: ``python -m helpers report`` on
    one document launches it before its own imports (half a second on one core), so that the browser's start (about
    half a second of CPU in its processes) runs on the core those imports leave idle, not beside the warm process's
    caches and the analysis. Not taken, it is shut down when this process exits (its pipe closes: Chromium exits),
    and its profile removed."""
    global _early
    chromium = find_chromium() if _early is None else None
    if not chromium:
        return
    profile = Path(tempfile.mkdtemp(prefix="chromium-"))
    try:
        _early = (chromium, profile, launch(chromium, profile))
    except OSError:   # no process to spare now: ``start_browser`` starts one, or says why it cannot
        shutil.rmtree(profile, ignore_errors=True)
        return
    atexit.register(discard_early)


def discard_early() -> None:
    """Shut down the Chromium ``launch_early`` launched, if nothing took it, and remove its profile."""
    global _early
    if _early is None:
        return
    _chromium, profile, process, _early = *_early, None
    for pipe in (process.stdin, process.stdout):
        try:
            pipe.close()   # Chromium exits once its DevTools pipe closes
        except OSError:
            pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    shutil.rmtree(profile, ignore_errors=True)


def forget_early() -> None:
    """In a process forked from the one that launched Chromium early: close this process's copies of its pipe (the
    launching process keeps its own) and leave the browser to that process."""
    global _early
    if _early is not None:
        for pipe in (_early[2].stdin, _early[2].stdout):
            try:
                pipe.close()   # this process's descriptors only
            except OSError:
                pass
        _early = None


def start_browser(chromium: str | None = None) -> StartedBrowser | None:
    """A headless Chromium started now for a later ``write_handout`` (or the one ``launch_early`` launched, taken over);
    None without Chromium or when it fails to start (the handout then starts its own, and says why it cannot)."""
    global _early
    if chromium is None and _early is not None:
        (chromium, profile, process), _early = _early, None
        try:
            return StartedBrowser(chromium, launched=(profile, process))
        except (RuntimeError, OSError, KeyError, ValueError):
            return None
    chromium = chromium or find_chromium()
    if not chromium:
        return None
    try:
        return StartedBrowser(chromium)
    except (RuntimeError, OSError, KeyError, ValueError):
        return None


def write_handout(slides: Path, pdf: Path, chromium: str | None = None, *, started: StartedBrowser | None = None,
                  close=None) -> Path | None:
    """Print reveal.js's print view of ``slides`` (one slide a page, 1280 × 720) to ``pdf``; returns it.

    ``started``: a browser ``start_browser`` started ahead, used and closed here; else one is started now.
    ``close``: what to hand the browser's shutdown to once the slides are printed (``close(started.close)``: run on
    another thread, say), else it is shut down here: Chromium takes about half a second to shut down after printing,
    which the handout need not wait for.
    Without Chromium, or when it fails, says so in one line on stderr and returns None: the handout is a
    convenience, and the slides themselves are already written.
    """
    try:
        if started is None:
            chromium = chromium or find_chromium()
            if not chromium:
                print(f"handout: no Chromium found, so {pdf.name} is not written (`make chromium` installs it)", file=sys.stderr)
                return None
            started = StartedBrowser(chromium)
        try:
            browser = started.devtools
            browser.page("Page.navigate", url=slides.resolve().as_uri() + "?print-pdf")
            pages = int(browser.evaluate(PRINT_READY))
            # each print page breaks after itself, the last one too: keep the slides' pages, not the blank one
            data = browser.page("Page.printToPDF", printBackground=True, preferCSSPageSize=True,
                                displayHeaderFooter=False, pageRanges=f"1-{pages}")["data"]
        finally:
            if close is None:
                started.close()
            else:
                close(started.close)
    except (RuntimeError, OSError, KeyError, ValueError, AttributeError) as exc:
        print(f"handout: Chromium could not print {slides.name} ({exc})", file=sys.stderr)
        return None
    pdf.write_bytes(base64.b64decode(data))
    return pdf


# Resolves, once reveal.js is ready and the fonts have loaded, to what each slide holds: it visits every slide
# and measures it. Sizes are in the slide's own pixels (1280 × 720), whatever the window's scale.
MEASURE = """new Promise(function (resolve, reject) {
  var waited = 0;
  function measure() {
    Reveal.configure({transition: 'none', backgroundTransition: 'none'});
    var result = {width: Reveal.getConfig().width, height: Reveal.getConfig().height, slides: []};
    Reveal.getSlides().map(function (s) { return Reveal.getIndices(s); }).forEach(function (index) {
      Reveal.slide(index.h, index.v);
      Reveal.layout();
      var scale = Reveal.getScale(), origin = document.querySelector('.reveal .slides').getBoundingClientRect();
      var slide = Reveal.getCurrentSlide(), overflow = [], smallest = null, images = [];
      slide.querySelectorAll('*').forEach(function (el) {
        var r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) return;
        var box = [(r.left - origin.left) / scale, (r.top - origin.top) / scale,
                   (r.right - origin.left) / scale, (r.bottom - origin.top) / scale];
        if (box[0] < -1 || box[1] < -1 || box[2] > result.width + 1 || box[3] > result.height + 1)
          overflow.push(el.tagName.toLowerCase() + ' ' + box.map(Math.round).join(','));
        var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
        if (own) { var size = parseFloat(getComputedStyle(el).fontSize); if (smallest === null || size < smallest) smallest = size; }
        if (el.tagName === 'IMG' && el.naturalWidth) images.push({shown: r.width / scale, natural: el.naturalWidth});
      });
      result.slides.push({h: index.h, v: index.v, text: slide.innerText.trim().slice(0, 200), overflow: overflow,
                          smallest_text_px: smallest, images: images, scroll: [slide.scrollWidth, slide.scrollHeight]});
    });
    result.resources = performance.getEntriesByType('resource').map(function (e) { return e.name; });
    result.fonts = Array.from(document.fonts).filter(function (f) { return f.status === 'loaded'; })
      .map(function (f) { return f.family.replace(/["']/g, ''); });
    return result;
  }
  (function check() {
    if (window.Reveal && Reveal.isReady())
      document.fonts.ready.then(function () { try { resolve(measure()); } catch (error) { reject(error); } });
    else if ((waited += 100) > 60000) reject(new Error('reveal.js never became ready'));
    else setTimeout(check, 100);
  })();
})"""


#: The initiator Chromium's net log gives a request the browser makes for itself (update checks, its clock,
#: account lists): not the page's. With every host resolved to nothing, those fail before leaving too.
BROWSER_INITIATOR = "not an origin"


def page_requests(net_log: Path) -> list[str]:
    """Every URL the page asked for, from Chromium's net log: each job a page started (its initiator is
    the page's origin), leaving out the browser's own background requests."""
    if not net_log.is_file():
        return []
    text = net_log.read_text(encoding="utf-8", errors="replace").rstrip()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:   # a log Chromium did not get to close
        log = json.loads(text.rstrip(",") + "]}")
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = {event["params"]["url"] for event in log.get("events", [])
            if event.get("type") == start_job and "url" in event.get("params", {})
            and event["params"].get("initiator") != BROWSER_INITIATOR}
    return sorted(urls)


def measure_slides(slides: Path, chromium: str | None = None) -> dict:
    """Load ``slides`` in headless Chromium with no network and measure each slide.

    Returns ``{"width", "height", "slides": [{"h", "v", "text", "overflow", "smallest_text_px", "images", "scroll"}],
    "fonts", "resources", "requested"}``: ``overflow`` lists elements outside the slide's canvas, ``fonts`` the
    font families loaded, ``resources`` what the page loaded (its resource timing), ``requested`` every URL the
    page asked for in Chromium's net log (``page_requests``).
    """
    chromium = chromium or find_chromium()
    if not chromium:
        raise FileNotFoundError("no Chromium found (`make chromium` installs it)")
    with tempfile.TemporaryDirectory(prefix="chromium-") as scratch:
        net_log = Path(scratch) / "net-log.json"
        browser = DevTools(chromium, Path(scratch) / "profile", (f"--log-net-log={net_log}",))
        try:
            browser.page("Page.enable")
            navigated = browser.page("Page.navigate", url=slides.resolve().as_uri())
            if navigated.get("errorText"):
                raise RuntimeError(f"Chromium could not open {slides.name}: {navigated['errorText']}")
            measured = browser.evaluate(MEASURE)
        finally:
            browser.close()   # the net log is complete once the browser has shut down
        measured["requested"] = page_requests(net_log)
    return measured


# Resolves once a page has loaded and its fonts with it.
PAGE_READY = """new Promise(function (resolve) {
  (function check() {
    if (document.readyState === 'complete') document.fonts.ready.then(function () { resolve(true); });
    else setTimeout(check, 50);
  })();
})"""


def chinese_drawn_without_cjk(pages: list[Path], chromium: str | None = None) -> dict[str, list[str]]:
    """Per page (its path as given), the marked runs of Chinese (``span[lang^=zh]``, ``pages.mark_chinese``) that Chromium draws with no
    CJK font once the page's fonts have loaded: on a machine without a CJK system font they show as empty boxes.
    Runs not drawn (a slide not shown, a closed fold) are not judged."""
    chromium = chromium or find_chromium()
    if not chromium:
        raise FileNotFoundError("no Chromium found (`make chromium` installs it)")
    found: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="chromium-") as scratch:
        browser = DevTools(chromium, Path(scratch) / "profile")
        try:
            for method in ("Page.enable", "DOM.enable", "CSS.enable"):
                browser.page(method)
            for page in pages:
                browser.page("Page.navigate", url=page.resolve().as_uri())
                browser.evaluate(PAGE_READY)
                root = browser.page("DOM.getDocument", depth=-1)["root"]["nodeId"]
                runs = browser.page("DOM.querySelectorAll", nodeId=root, selector="span[lang^=zh]")["nodeIds"]
                bare = []
                for node in runs:
                    fonts = browser.page("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]
                    if fonts and not any(f.get("isCustomFont") or "CJK" in f["familyName"] for f in fonts):  # [] not drawn
                        bare.append(browser.page("DOM.getOuterHTML", nodeId=node)["outerHTML"])
                found[str(page)] = bare
        finally:
            browser.close()
    return found


def outside_requests(urls: list[str]) -> list[str]:
    """The URLs that would leave the machine: anything but file:, data:, blob: and about: (and Chromium's own chrome:)."""
    return [url for url in urls if not url.startswith(("file:", "data:", "blob:", "about:", "chrome:", "chrome-error:"))]

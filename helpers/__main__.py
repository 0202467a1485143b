"""Entry point for ``python -m helpers``."""

import os
import signal
import sys


def _interrupted_while_starting(signum, frame):
    # Ctrl-C or SIGTERM before the command line is loaded (its imports take a second): nothing has
    # been written yet, so one line and the status, never a traceback from inside an import.
    sys.stderr.write("interrupted; nothing was written\n")
    _discard_browser()
    os._exit(128 + signum)


def _discard_browser():
    # a Chromium launched early and not taken (helpers.render.browser.launch_early) exits once its pipe closes, which
    # os._exit does; its profile is removed here, as atexit would have
    browser = sys.modules.get("helpers.render.browser")
    if browser is not None:
        browser.discard_early()


signal.signal(signal.SIGINT, _interrupted_while_starting)
signal.signal(signal.SIGTERM, _interrupted_while_starting)

if sys.argv[1:2] == ["report"]:
    # the handout's Chromium, launched before this process's imports so that its start runs on the core they leave
    # idle (helpers.render.browser.launch_early); only where the report starts a warm process (one document)
    from .render.kernels import one_document  # noqa: E402

    if one_document(sys.argv[2:]):
        from .render.browser import launch_early  # noqa: E402

        launch_early()

from .cli import main  # noqa: E402  (after the handlers: these imports are the slow part)
from .errors import EXIT_INTERRUPTED, EXIT_TERMINATED  # noqa: E402

if sys.argv[1:2] == ["report"]:
    # the report's warm process (helpers.render.kernels), forked now with this process's imports made (pandas, the
    # engine), which it would otherwise make again beside these
    from .render.kernels import prestart  # noqa: E402

    prestart(sys.argv[2:], fork=True)

code = main()
if sys.argv[1:2] == ["report"]:
    # The report's process ends here: its last garbage collections would walk every object it holds (the pages'
    # templates, the font it cut, pandas) to free what the system frees anyway, a quarter of a second or more.
    import gc

    gc.freeze()
if code in (EXIT_INTERRUPTED, EXIT_TERMINATED):
    # Cleanup has run; do not wait at exit for threads still tied to work that was stopped.
    _discard_browser()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
sys.exit(code)

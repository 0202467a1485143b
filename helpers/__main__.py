"""Entry point for ``python -m helpers``."""

import os
import signal
import sys


def _interrupted_while_starting(signum, frame):
    # Ctrl-C or SIGTERM before the command line is loaded (its imports take a second): nothing has
    # been written yet, so one line and the status, never a traceback from inside an import.
    sys.stderr.write("interrupted; nothing was written\n")
    os._exit(128 + signum)


signal.signal(signal.SIGINT, _interrupted_while_starting)
signal.signal(signal.SIGTERM, _interrupted_while_starting)

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
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
sys.exit(code)

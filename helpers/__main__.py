"""Entry point for ``python -m helpers``."""

import os
import sys

from .cli import main
from .errors import EXIT_INTERRUPTED, EXIT_TERMINATED

code = main()
if code in (EXIT_INTERRUPTED, EXIT_TERMINATED):
    # Cleanup has run; do not wait at exit for threads still tied to work that was stopped.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
sys.exit(code)

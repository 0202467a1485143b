"""Every path the bundle uses, derived once from the project root."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
GOLD = REFERENCE / "gold"
BUILD = ROOT / "build"            # generated tables, figures and pages (git-ignored)
CACHE = ROOT / ".cache"           # parsed dictionaries (git-ignored)
NOTEBOOKS = ROOT / "notebooks"

#: The document every command and notebook reads unless told otherwise.
DEFAULT_SOURCE = RAW / "lambert-china-ai-labs-2026-05.zh-en.txt"

#: The environment variable naming the folder one report's kernels share their drawn figures through
#: (``helpers.render.kernels`` sets it in each kernel it forks; ``helpers.render.figures`` reads it).
MEMO_ENV = "ZH_EN_FRAMING_DRAWN"

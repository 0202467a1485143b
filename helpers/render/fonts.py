"""Chinese-capable figures: register the Noto Sans CJK SC font that ships inside mplfonts.

mplfonts also ships SimHei.ttf, a commercial font: this module never touches it.
Importing this module does nothing; call ``use_cjk_font()`` before drawing.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import util
from pathlib import Path

#: The font file used for every figure (SIL Open Font License), inside the mplfonts package.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    """Where mplfonts installed Noto Sans CJK SC, found through the package, never a machine path. The package is found,
    not imported: importing it imports matplotlib (0.2 s), which the report's own process, cutting the pages' font
    subset, has no other use for."""
    spec = util.find_spec("mplfonts")
    folders = list(spec.submodule_search_locations or []) if spec else []
    path = Path(folders[0] if folders else "mplfonts") / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(f"mplfonts does not ship {CJK_FONT_FILE}; reinstall it from requirements.txt")
    return path


@lru_cache(maxsize=1)
def _register() -> str:
    from matplotlib import font_manager

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def use_cjk_font() -> str:
    """Make Noto Sans CJK SC the first sans-serif font and return its family name; safe to call often.

    >>> use_cjk_font()
    'Noto Sans CJK SC'
    """
    import matplotlib as mpl

    family = _register()
    current = [name for name in mpl.rcParams["font.sans-serif"] if name != family]
    mpl.rcParams["font.sans-serif"] = [family, *current]
    mpl.rcParams["font.family"] = ["sans-serif"]
    # The CJK font has no U+2212 MINUS SIGN glyph in every build: use the ASCII hyphen.
    mpl.rcParams["axes.unicode_minus"] = False
    return family

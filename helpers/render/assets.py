"""What the rendered pages carry with them: reveal.js for the slides, and the Chinese glyphs they use.

reveal.js is fetched once from the npm registry (``helpers.npm``: sha512 checked against the pin below) into
``<venv>/share/zh-en-framing/`` and copied next to the slides. The pages' font is Noto Sans CJK SC
(``helpers.render.fonts``), cut down to the characters the pages hold.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

from .. import npm
from ..paths import CACHE
from ..patterns import CJK_CHAR
from .errors import AssetMissing
from .fonts import cjk_font_path

REVEAL_VERSION = "4.6.0"
REVEAL_INTEGRITY = "sha512-QC80rYsZldAe95bW9VImucIPTjfsKhI0jRQrIOXU4P92ZyXb/dfw9L3EE96bN6i7UmeUl1qBieH4UNTr25erYw=="
#: The parts of the reveal.js package the slides load (plus its licence).
REVEAL_KEEP = ("dist/", "plugin/notes/", "LICENSE")
REVEAL = npm.NpmAsset("reveal.js", REVEAL_VERSION, REVEAL_INTEGRITY, REVEAL_KEEP, "dist/reveal.js")
REVEAL_HOME = REVEAL.home
REVEAL_DIR_NAME = "reveal.js"   # next to the slides


def check_integrity(data: bytes, integrity: str = REVEAL_INTEGRITY) -> None:
    """Raise AssetMissing unless ``data`` matches an npm ``sha512-…`` integrity string."""
    try:
        npm.check_integrity(data, integrity, f"reveal.js {REVEAL_VERSION} download")
    except npm.FetchError as exc:
        raise AssetMissing(str(exc)) from None


def unpack_reveal(data: bytes, target: Path) -> Path:
    """Unpack the kept parts of an npm reveal.js tarball into ``target`` (whole or not at all)."""
    try:
        return npm.unpack(data, target, REVEAL.keep, REVEAL.required)
    except npm.FetchError as exc:
        raise AssetMissing(f"reveal.js: {exc}") from None


def ensure_reveal(home: Path = REVEAL_HOME) -> Path:
    """The local reveal.js, fetched from the npm registry and checked the first time; returns its folder."""
    try:
        return npm.ensure(REVEAL, home)
    except npm.FetchError as exc:
        raise AssetMissing(f"{exc}; the slides need it") from None


#: A CSS @import of anything outside the bundle (reveal.js's themes import Google Fonts this way).
REMOTE_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?(?:https?:)?//[^;]*;\s*""", re.I)


def offline_reveal(reveal: Path, target: Path) -> Path:
    """Copy reveal.js to ``target`` with every remote ``@import`` removed from its CSS, so the slides
    never wait on a web font: they load Source Sans Pro, which reveal.js ships, from the copy."""
    shutil.copytree(reveal, target)
    for css in sorted(target.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        kept = REMOTE_IMPORT.sub("", text)
        if kept != text:
            css.write_text(kept, encoding="utf-8")
    return target


FONT_CSS = """/* Chinese glyphs for readers without a CJK system font: a subset of Noto Sans CJK SC
   (SIL Open Font License 1.1, shipped by the mplfonts package) holding only the characters these pages use.
   First in the stack, for the CJK ranges only: last, Chromium could lay a run of Chinese out in a system font before
   the subset had loaded and keep that layout (empty boxes in a table cell); Latin text still takes the system fonts. */
@font-face { font-family: "Bundle CJK"; src: url("cjk-subset.otf") format("opentype");
  unicode-range: U+2E80-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF, U+20000-2FFFF; }
:root {
  --jp-content-font-family: "Bundle CJK", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  --jp-ui-font-family: var(--jp-content-font-family);
  --jp-code-font-family: "Bundle CJK", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
"""


#: Where font subsets are kept between reports, one file per set of characters (``make clean`` removes them).
FONT_CACHE = CACHE / "fonts"


def subset_name(characters: str, font: Path) -> str:
    """The file name a subset of ``font`` to ``characters`` is kept under: it changes with the characters, the font
    file, fontTools and the options ``write_fonts`` cuts with, so a kept subset is never one cut differently."""
    from fontTools import version as fonttools_version

    stat = font.stat()
    key = "\n".join([characters, str(font), str(stat.st_size), str(stat.st_mtime_ns), fonttools_version,
                     repr(SUBSET_OPTIONS)])
    return f"cjk-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.otf"


#: fontTools subset options: every layout feature and name kept (``subset.Options`` fields).
SUBSET_OPTIONS = {"layout_features": ["*"], "name_IDs": ["*"]}


def _subset_options():
    from fontTools import subset  # heavy: only the report needs it

    options = subset.Options()
    for name, value in SUBSET_OPTIONS.items():
        setattr(options, name, value)
    return options


class FontToCut:
    """Noto Sans CJK SC read and its tables decoded ahead of the cut, for one ``write_fonts`` (a cut changes the font it
    is given): about half the cut's time, spent while a report waits on its notebooks instead of after them all."""

    def __init__(self):
        from fontTools import subset

        self.path = cjk_font_path()
        self.font = subset.load_font(str(self.path), _subset_options())
        for tag in self.font.keys():
            self.font[tag]   # decoded now (fontTools decodes a table on first use)

    def take(self, font: Path):
        """The font read ahead, once, if it is ``font``; else None."""
        prepared, self.font = self.font, None
        return prepared if font == self.path else None


def write_fonts(pages: list[Path], folder: Path, cache: Path | None = None, prepared: FontToCut | None = None) -> list[Path]:
    """Subset Noto Sans CJK SC to the CJK characters in ``pages``; write it and the CSS that uses it.

    A subset is cut once per set of characters and kept in ``cache`` (default ``FONT_CACHE``): a report rebuilt
    on the same document (another threshold, a fixed page) copies it instead of cutting the 16 MB font again.
    ``prepared``: the font read ahead (``FontToCut``), cut here if a cut is needed.
    """
    text = "".join(page.read_text(encoding="utf-8") for page in pages)
    characters = "".join(sorted({c for c in set(text) if CJK_CHAR.match(c)})) or "中"  # each distinct character once
    font = cjk_font_path()
    kept = (FONT_CACHE if cache is None else cache) / subset_name(characters, font)
    ahead = prepared.take(font) if prepared is not None else None   # taken here, cut or not: its memory goes with it
    if not kept.is_file():
        from fontTools import subset  # heavy: only the report needs it

        options = _subset_options()
        cut = ahead if ahead is not None else subset.load_font(str(font), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(cut)
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f".{kept.name}.{os.getpid()}.tmp")
        subset.save_font(cut, str(partial), options)
        os.replace(partial, kept)  # atomic: a report running beside this one reads the whole file or none
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kept, folder / "cjk-subset.otf")
    (folder / "cjk.css").write_text(FONT_CSS, encoding="utf-8")
    return [folder / "cjk-subset.otf", folder / "cjk.css"]

"""The raw data is what was received, and every path the README names exists."""

import hashlib
import re

from helpers.paths import DEFAULT_SOURCE, ROOT

SEED_SHA256 = "f38ca42459f3a90c5b27bc7314da36750dd71535bf8e8926fecc3014a7ad7257"


def test_seed_is_unchanged():
    assert hashlib.sha256(DEFAULT_SOURCE.read_bytes()).hexdigest() == SEED_SHA256


def test_every_path_the_readme_names_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:data|helpers|notebooks|tests|\.ci)/[^`\s]*)`", readme))
    assert named, "the README names no paths"
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing, f"README names paths that do not exist: {missing}"

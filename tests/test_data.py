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


def test_make_report_passes_source_as_one_word():
    # `make report SOURCE="a b's.txt"` must reach the command as one argument, quotes and all.
    import shlex
    import subprocess

    result = subprocess.run(["make", "-n", "-o", ".venv/.installed", "report", "SOURCE=a b's.txt"],
                            capture_output=True, text=True, cwd=ROOT, timeout=30)
    assert result.returncode == 0, result.stderr
    command = next(line for line in result.stdout.splitlines() if "helpers report" in line)
    assert shlex.split(command)[-1] == "a b's.txt"

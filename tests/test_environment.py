"""The pip pins and the conda environment describe the same dependencies."""

import re

import yaml

from helpers.paths import ROOT


def pip_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = version
    return pins


def conda_pins() -> dict[str, str]:
    spec = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = {}
    for dep in spec["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                name, version = line.split("==")
                pins[name.lower()] = version
        elif "=" in dep:
            name, version = re.split(r"=+", dep, maxsplit=1)
            pins[name.lower()] = version
    return pins


def test_every_pip_pin_is_in_the_conda_environment_at_the_same_version():
    pip, conda = pip_pins(), conda_pins()
    assert {name: pip[name] for name in pip} == {name: conda.get(name) for name in pip}


def test_conda_environment_uses_python_311():
    assert conda_pins()["python"] == "3.11"


def test_every_requirement_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.]*", line), line

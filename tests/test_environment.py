"""The pip pins and the conda environment describe the same dependencies."""

import re

import yaml

from helpers.paths import ROOT


def pip_pins() -> dict[str, str]:
    """The pins of requirements.txt and requirements-lab.txt (JupyterLab, for make lab)."""
    pins = {}
    text = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in ("requirements.txt", "requirements-lab.txt"))
    for line in text.splitlines():
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


def test_conda_environment_includes_jupyterlab():
    assert conda_pins()["jupyterlab"] == pip_pins()["jupyterlab"]


def test_package_declares_the_pythons_the_makefile_accepts():
    declared = re.search(r'requires-python = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")).group(1)
    assert declared == ">=3.11,<3.14"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "(3, 11) <= sys.version_info[:2] <= (3, 13)" in makefile


def test_every_requirement_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.]*", line), line

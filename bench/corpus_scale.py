"""Corpus mode at scale: ``align`` over N documents in worker processes (one per core), against the single-process run
and against ``extract`` alone.

    .venv/bin/python bench/corpus_scale.py [CORPUS_DIR] [--documents 1000] [--bad 3] [--out build/corpus-scale.md]

``make bench`` runs it on 40 documents (``SCALE_DOCUMENTS``), so that the bench stays a few minutes long; the
measurement the README reports is the 1,000-document run, ``make bench SCALE_DOCUMENTS=1000`` or the line above.
CORPUS_DIR defaults to ``data/raw``; a folder with no ``*.txt`` is refused in one line (exit status 2).

CORPUS_DIR's ``*.txt`` are copied, cycled, into a temporary folder until it holds ``--documents`` entries, ``--bad``
of them bad (undecodable bytes, an empty file, a file with no English). Then, each as the command line runs it:

1. ``python -m helpers align DIR --out OUT`` (one worker per core): wall time, documents per second, and the
   resident memory of the whole process tree (the command and its workers) sampled every half second:
   its peak, and its value when a quarter, half, three quarters and all of the documents were done (counted in
   the run's resume journal), which shows whether memory grows with the number of documents; and the peak of its
   proportional set size (PSS: a page the workers share with the command, forked from it, counted once in all,
   where RSS counts it in each process);
2. the single-process run, in this process: ``helpers.corpus.align_corpus`` with one worker, each distinct text
   analysed once (the copies differ only in their doc_id, which the task puts in the first column after the
   analysis) and every copy rendered by the same code; every table of (1) must equal it byte for byte;
3. ``python -m helpers extract DIR --out OUT2`` as (1): the ratio of (1) to it.

The source documents stay where they are; the temporary folder goes at the end.
"""

from __future__ import annotations

import argparse
import functools
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers import corpus  # noqa: E402
from helpers.corpus import journal_for  # noqa: E402

PYTHON = sys.executable
BAD = [b"abc " + b"\xff\xfe\x80\x81\x90\xa0" * 200, b"", "只有中文,没有英文。\n".encode("utf-8")]


def build(source: Path, folder: Path, documents: int, bad: int) -> int:
    """``documents`` entries in ``folder``: the corpus's texts cycled, ``bad`` bad ones spread among them."""
    texts = sorted(source.glob("*.txt"))
    folder.mkdir(parents=True)
    bad_at = {round((k + 1) * documents / (bad + 1)): BAD[k % len(BAD)] for k in range(bad)}
    size = 0
    for k in range(documents):
        if k in bad_at:
            (folder / f"{k:04d}-bad.txt").write_bytes(bad_at[k])
            continue
        original = texts[k % len(texts)]
        shutil.copyfile(original, folder / f"{k:04d}-{original.stem}.txt")
        size += original.stat().st_size
    return size


def tree_memory(process: psutil.Process) -> tuple[int, int]:
    """The tree's RSS and PSS, in bytes (PSS 0 where the system does not tell it)."""
    rss = pss = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            rss += p.memory_info().rss
            pss += getattr(p.memory_full_info(), "pss", 0)
        except psutil.Error:
            continue
    return rss, pss


def measure(command: list[str], out: Path, documents: int) -> dict:
    """Run ``command``; sample the tree's RSS and the journal's progress every half second."""
    journal = journal_for(out)
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    handle = psutil.Process(child.pid)
    samples: list[tuple[float, int, int, int]] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            done = sum(1 for _ in journal.glob("*.json")) - 1 if journal.is_dir() else 0
            samples.append((time.monotonic() - started, max(done, 0), *tree_memory(handle)))
            stop.wait(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, err = child.communicate()
    stop.set()
    thread.join()
    wall = time.monotonic() - started
    peak = max(rss for _, _, rss, _ in samples)
    at = {}
    for quarter in (0.25, 0.5, 0.75, 1.0):
        reached = [rss for _, done, rss, _ in samples if done >= quarter * documents * 0.99]
        at[quarter] = reached[0] if reached else None
    return {"wall": wall, "peak": peak, "pss": max(pss for *_, pss in samples), "at": at, "status": child.returncode,
            "stderr": err}


def single_process(folder: Path, out: Path) -> None:
    """The single-process run, each distinct text analysed once (see the module doc)."""
    analyse = functools.lru_cache(maxsize=None)(lambda text, params: corpus_run(text, params))
    corpus_run = corpus.run
    corpus.run = lambda text, params, gazetteer=None: analyse(text, params)
    try:
        paths = corpus.list_sources(str(folder))
        corpus.align_corpus(paths, out, workers=1, progress=False, report=lambda line: None)
    finally:
        corpus.run = corpus_run


def mib(n: int | None) -> str:
    return "—" if n is None else f"{n / 2**20:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=ROOT / "data" / "raw")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--bad", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "corpus-scale.md")
    args = parser.parse_args()
    if not any(args.corpus.glob("*.txt")):
        print(f"error: {args.corpus}: no *.txt documents to cycle", file=sys.stderr)
        sys.exit(2)
    if not 0 <= args.bad < args.documents:
        print(f"error: --bad {args.bad} must be under --documents {args.documents}", file=sys.stderr)
        sys.exit(2)
    tmp = Path(tempfile.mkdtemp(prefix="corpus-scale-"))
    lines: list[str] = []

    def say(*new: str) -> None:  # each figure as soon as it is measured: a long run that is stopped keeps them
        lines.extend(new)
        print("\n".join(new), flush=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def row(name: str, r: dict) -> str:
        return (f"| {name} | {r['wall']:.0f} s | {args.documents / r['wall']:.2f} | {mib(r['peak'])} | {mib(r['pss'])} | "
                + " / ".join(mib(r["at"][q]) for q in (0.25, 0.5, 0.75, 1.0)) + f" | {r['status']} |")

    try:
        size = build(args.corpus, tmp / "in", args.documents, args.bad)
        say(f"# Corpus mode at scale (Python {platform.python_version()}, {os.cpu_count()} cores, "
            f"{psutil.virtual_memory().total / 2**30:.1f} GiB; load average at the start {os.getloadavg()[0]:.1f})", "",
            f"{args.documents} documents ({args.bad} bad), {size / 2**20:.1f} MiB, from "
            f"{len(list(args.corpus.glob('*.txt')))} distinct texts", "",
            "| run | wall | documents/s | peak RSS (tree) | peak PSS (tree) | RSS at 25% / 50% / 75% / 100% of the "
            "documents | exit |",
            "|---|---|---|---|---|---|---|")
        aligned = measure([PYTHON, "-m", "helpers", "align", str(tmp / "in"), "--out", str(tmp / "align")],
                          tmp / "align", args.documents)
        say(row("align (one worker per core)", aligned))
        started = time.monotonic()
        single_process(tmp / "in", tmp / "single")
        single_wall = time.monotonic() - started
        differ = [p.name for p in sorted((tmp / "single").glob("*.csv"))
                  if p.read_bytes() != (tmp / "align" / p.name).read_bytes()]
        same = not differ and sorted(p.name for p in (tmp / "single").glob("*.csv")) == \
            sorted(p.name for p in (tmp / "align").glob("*.csv"))
        say(f"<!-- single-process run (each distinct text analysed once): {single_wall:.0f} s; every table equal "
            f"byte for byte: {'yes' if same else 'NO: ' + ', '.join(differ)}; align's stderr: "
            f"{len(aligned['stderr'].splitlines())} lines, "
            f"{sum(1 for l in aligned['stderr'].splitlines() if l.startswith('skipped: '))} skipped -->")
        extracted = measure([PYTHON, "-m", "helpers", "extract", str(tmp / "in"), "--out", str(tmp / "extract")],
                            tmp / "extract", args.documents)
        say(row("extract (one worker per core)", extracted), "",
            f"align / extract: {aligned['wall'] / extracted['wall']:.1f}×; load average at the end "
            f"{os.getloadavg()[0]:.1f}")
        print(aligned["stderr"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark: every figure is a ratio against a floor measured in the same run, on the same machine.

    .venv/bin/python bench/run.py [--quick] [--out build/bench.md]

Rows (each timed after a warm-up; medians of --repeat runs where repeated):

1. seed, per document: read + extract in process, against read + bare ``jieba.lcut`` over the
   document's Chinese lines (every line holding a Han character), the two in turn (the median of the pairs'
   ratios: the machine is shared and its load drifts; also the pairs' ratios of this process's CPU seconds, which the
   load moves least); and the whole process (``python -m helpers extract SEED``) against a process that imports
   jieba, reads and cuts (wall time, and the CPU of each process and of those it waited for).
2. corpus throughput: ~10 MB of documents (the seed and tests/fixtures/unseen_article.txt, repeated
   and shuffled with a fixed seed) through corpus mode (one worker per core), against the same
   Chinese text cut by bare jieba.lcut in the same number of processes (before and after it, averaged; wall time, and
   the CPU of the whole tree, workers included); plus the pipeline in process on the first ~1 MB of that corpus,
   against jieba on the same text, single core, document by document in turn (wall time and this process's CPU).
3. the aligner on 1×, 16×, 64×, 256× the seed (commentary and original each repeated), each in a fresh
   process as the command line runs it: align_claims (the banded decoder, ``AlignParams.band``) time and
   the process's peak RSS, against extract of the same text; the full (cubic) pass on the same evidence
   with its agreement where it still fits (up to 16×); beyond ``AlignParams.max_cells`` the refusal.
4. ``make report`` wall time and its whole tree's CPU, its analysis built anew, against as many empty notebooks run
   as the report runs its own (papermill, a quiet kernel each, side by side one per core; before and after it,
   averaged): on a loaded machine the wall ratio drifts toward the CPU ratio, which the load moves less. The
   floor's kernels are fresh ones, as before: the report runs its notebooks without a kernel, each in a process forked
   from its warm process (``helpers.render.kernels``, ``helpers.render.runner``), and the floor does not take that
   from the report. What the report keeps
   in ``.cache/`` about no document (the pages' compiled templates, the dictionaries' SQLite files) stays, as after any
   first report; the document's analysis and its font subset are removed before each run.

Memory: "peak RSS" is ``resource`` ru_maxrss of the measured command (RUSAGE_CHILDREN of a small
wrapper process: the largest of the command and the worker processes it waited for); "traced peak" is ``tracemalloc``'s peak of Python allocations
during the call (numpy buffers included, the interpreter and loaded modules not).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers.paths import BUILD, DEFAULT_SOURCE  # noqa: E402

UNSEEN = ROOT / "tests" / "fixtures" / "unseen_article.txt"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SHUFFLE_SEED = 20260529
PYTHON = sys.executable


# ---- helpers --------------------------------------------------------------------------------

def chinese_lines(text: str) -> str:
    """The floor's input: every line that holds a Han character, newline-joined."""
    return "\n".join(line for line in text.splitlines() if HAN.search(line))


def timed(fn, repeat: int) -> float:
    """Median wall seconds of ``fn()`` over ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def timed_pairs(work, floor, repeat: int) -> tuple[float, float, float, float]:
    """Median wall seconds of ``work()`` and of ``floor()``, run in turn (work, floor, work, floor …), the median
    of the pairs' ratios: on a shared machine whose load drifts, each ratio compares runs made moments apart; and the
    median of the pairs' ratios of this process's CPU seconds (what the load moves least: waiting for a core is not
    counted)."""
    works, floors, cpu_works, cpu_floors = [], [], [], []
    for _ in range(repeat):
        for fn, runs, cpus in ((work, works, cpu_works), (floor, floors, cpu_floors)):
            start, cpu = time.perf_counter(), time.process_time()
            fn()
            runs.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
    return (statistics.median(works), statistics.median(floors), statistics.median(w / f for w, f in zip(works, floors)),
            statistics.median(w / f for w, f in zip(cpu_works, cpu_floors) if f > 0) if any(cpu_floors) else float("nan"))


def traced_peak(fn) -> tuple[object, int]:
    """(result, tracemalloc peak bytes) of one call."""
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


# The measured command runs under this small wrapper, which reports the command's own wall time, its CPU (user +
# system of it and of every process it waited for: corpus mode's workers, the floor's) and peak RSS: a child forked
# straight from this (large) process would inherit its high-water mark.
WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "wall = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "rss = usage.ru_maxrss * (1 if sys.platform == 'darwin' else 1024)\n"
    "sys.stderr.write(f'\\nBENCH {wall} {rss} {usage.ru_utime + usage.ru_stime}\\n')\n"
    "sys.exit(code)\n"
)


def run_child(args: list[str], *, cwd: Path = ROOT) -> tuple[float, int, int, float]:
    """(wall seconds, peak RSS bytes, exit status, CPU seconds) of a child process and the processes it waits for."""
    child = subprocess.run([PYTHON, "-c", WRAPPER, *args], cwd=cwd, capture_output=True, text=True)
    if child.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(args[:4])}… exited {child.returncode}: {child.stderr[-400:]}")
    _, wall, rss, cpu = child.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss), child.returncode, float(cpu)


def child_median(args: list[str], repeat: int) -> tuple[float, int, float]:
    """Median wall seconds, the largest peak RSS and the median CPU seconds of ``repeat`` runs of a child."""
    runs = [run_child(args) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), statistics.median(r[3] for r in runs)


def mib(n: float) -> str:
    return f"{n / 2**20:.0f} MiB"


def machine() -> str:
    try:
        with open("/proc/meminfo") as handle:
            total = int(next(line for line in handle if line.startswith("MemTotal")).split()[1]) * 1024
        memory = f"{total / 2**30:.1f} GiB RAM"
    except (OSError, StopIteration):
        memory = "RAM unknown"
    return (f"{os.cpu_count()} cores ({platform.machine()}), {memory}, Python {platform.python_version()}, "
            f"{platform.system()}; shared machine, figures are indicative")


FLOOR_CHILD = (
    "import sys, warnings, logging\n"
    "warnings.simplefilter('ignore')\n"
    "import jieba; jieba.setLogLevel(logging.WARNING)\n"
    "sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})\n"
    "from helpers.text.reader import read_document\n"
    "from run import chinese_lines, floor_corpus\n"
    "paths = sys.argv[1:]\n"
    "if len(paths) == 1: jieba.lcut(chinese_lines(read_document(paths[0]).text))\n"
    "else: floor_corpus(paths)\n"
)


def _floor_one(path: str) -> int:
    import jieba

    from helpers.text.reader import read_document

    return len(jieba.lcut(chinese_lines(read_document(path).text)))


def floor_corpus(paths: list[str]) -> int:
    """The corpus floor: read + bare jieba.lcut of each document's Chinese lines, one process per core."""
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        return sum(pool.map(_floor_one, paths, chunksize=8))


def floor_args(paths: list[Path]) -> list[str]:
    code = FLOOR_CHILD.format(root=str(ROOT), bench=str(Path(__file__).parent))
    return [PYTHON, "-c", code, *map(str, paths)]


# ---- rows -----------------------------------------------------------------------------------

def bench_seed(repeat: int, rows: list, tmp: Path) -> None:
    import jieba

    from helpers.pipeline import extract
    from helpers.text.reader import read_document

    jieba.setLogLevel(60)
    jieba.initialize()
    text = read_document(DEFAULT_SOURCE).text
    extract(text)  # warm-up: dictionary, gazetteer, compiled patterns
    jieba.lcut(chinese_lines(text))
    work, floor, ratio, cpu_ratio = timed_pairs(lambda: extract(read_document(DEFAULT_SOURCE).text),
                                                lambda: jieba.lcut(chinese_lines(read_document(DEFAULT_SOURCE).text)),
                                                4 * repeat)
    _, peak = traced_peak(lambda: extract(text))
    rows.append(("seed, per document (in process, warm; work and floor in turn)", f"{work * 1000:.0f} ms",
                 f"{floor * 1000:.0f} ms", f"{ratio:.1f}× (CPU {cpu_ratio:.1f}×)", f"traced peak {mib(peak)}"))
    wall, rss, cpu = child_median([PYTHON, "-m", "helpers", "extract", str(DEFAULT_SOURCE), "--out", str(tmp / "seed")],
                                  repeat)
    floor_wall, floor_rss, floor_cpu = child_median(floor_args([DEFAULT_SOURCE]), repeat)
    rows.append(("seed, whole process (`python -m helpers extract`)", f"{wall:.2f} s (CPU {cpu:.2f} s)",
                 f"{floor_wall:.2f} s (CPU {floor_cpu:.2f} s)", f"{wall / floor_wall:.1f}× (CPU {cpu / floor_cpu:.1f}×)",
                 f"peak RSS {mib(rss)} (floor {mib(floor_rss)})"))


def build_corpus(folder: Path, target_bytes: int) -> list[Path]:
    """Seed and unseen article repeated and shuffled (fixed seed) until ~target_bytes."""
    sources = [DEFAULT_SOURCE.read_bytes(), UNSEEN.read_bytes()]
    names, total, k = [], 0, 0
    while total < target_bytes:
        names.append(k % 2)
        total += len(sources[k % 2])
        k += 1
    random.Random(SHUFFLE_SEED).shuffle(names)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, which in enumerate(names):
        path = folder / f"doc{index:05d}.txt"
        path.write_bytes(sources[which])
        paths.append(path)
    return paths


def bench_corpus(megabytes: float, rows: list, tmp: Path) -> None:
    import jieba

    from helpers.pipeline import extract

    paths = build_corpus(tmp / "corpus", int(megabytes * 2**20))
    size = sum(p.stat().st_size for p in paths)
    # the floor before and after the work, averaged: the machine's load drifts over the minutes this takes
    before, floor_rss, cpu_before = child_median(floor_args(paths), 1)
    wall, rss, cpu = child_median([PYTHON, "-m", "helpers", "extract", str(tmp / "corpus"), "--out",
                                   str(tmp / "corpus-out")], 1)
    after, _, cpu_after = child_median(floor_args(paths), 1)
    floor_wall, floor_cpu = (before + after) / 2, (cpu_before + cpu_after) / 2
    rows.append((f"corpus mode, {len(paths)} docs, {size / 2**20:.1f} MiB, {os.cpu_count()} workers (whole process)",
                 f"{wall:.1f} s = {size / 2**20 / wall:.2f} MiB/s (CPU {cpu:.1f} s)",
                 f"{floor_wall:.1f} s = {size / 2**20 / floor_wall:.2f} MiB/s (CPU {floor_cpu:.1f} s)",
                 f"{wall / floor_wall:.1f}× (CPU {cpu / floor_cpu:.1f}×)", f"peak RSS {mib(rss)} (floor {mib(floor_rss)})"))
    # In process, one core, the first ~1 MiB of the same shuffled corpus.
    sample, sample_size = [], 0
    for path in paths:
        if sample_size >= 2**20:
            break
        sample.append(path.read_text(encoding="utf-8"))
        sample_size += path.stat().st_size
    extract(sample[0])
    jieba.setLogLevel(60)
    jieba.initialize()  # the floor's dictionary loaded before the loop (run alone, the rows counted its load in the floor)
    jieba.lcut(chinese_lines(sample[0]))
    work = floor = cpu_work = cpu_floor = 0.0
    for t in sample:  # each document's work, then its floor: the two share the machine's load of that moment
        start, cpu_start = time.perf_counter(), time.process_time()
        extract(t)
        middle, cpu_middle = time.perf_counter(), time.process_time()
        jieba.lcut(chinese_lines(t))
        work, floor = work + middle - start, floor + time.perf_counter() - middle
        cpu_work, cpu_floor = cpu_work + cpu_middle - cpu_start, cpu_floor + time.process_time() - cpu_middle
    rows.append((f"pipeline in process, {len(sample)} docs, {sample_size / 2**20:.1f} MiB, 1 core (in turn, by document)",
                 f"{sample_size / 2**20 / work:.2f} MiB/s", f"{sample_size / 2**20 / floor:.2f} MiB/s",
                 f"{work / floor:.1f}× (CPU {cpu_work / cpu_floor:.1f}×)", ""))


def repeated_seed(k: int) -> str:
    """The seed with its commentary repeated k times, then its original repeated k times, then the rest."""
    from helpers.pipeline import extract
    from helpers.text.reader import read_document

    text = read_document(DEFAULT_SOURCE).text
    blocks = extract(text).blocks
    first_original = blocks.loc[blocks["part"] == "original", "start"].min()
    last_original = blocks.loc[blocks["part"] == "original", "end"].max()
    commentary, original, rest = text[:first_original], text[first_original:last_original], text[last_original:]
    return commentary * k + original.rstrip("\n") + ("\n" + original.rstrip("\n")) * (k - 1) + rest


#: A child process per size: extract, warm up on the seed, then align with the production (banded) decoder; its
#: peak RSS is the process's own, so each size is measured alone. Also the full pass on the same evidence, where it fits.
ALIGN_CHILD = """
import json, resource, sys, time
sys.path.insert(0, "bench")
from run import repeated_seed
from helpers.align import AlignParams, AlignmentTooLarge, align_claims, decode_banded, decode_monotone
from helpers.align.evidence import gather_evidence
from helpers.pipeline import extract
k, full_units = int(sys.argv[1]), int(sys.argv[2])
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
text = repeated_seed(k)
start = time.perf_counter(); tables = extract(text); extract_time = time.perf_counter() - start
params = AlignParams()
out = {"extract": extract_time, "rss_extract": rss()}
# warm-up on the seed: dictionaries, IDF tables and lazy imports load here, not in the timed call
start = time.perf_counter(); seed = extract(repeated_seed(1)); align_claims(seed.claims, mentions=seed.mentions)
out["load"] = time.perf_counter() - start
try:
    start = time.perf_counter()
    align_claims(tables.claims, mentions=tables.mentions, params=params)
    out["align"] = time.perf_counter() - start
except AlignmentTooLarge as exc:
    out["refused"] = str(exc)
out["rss"] = rss()
if "align" in out:
    evidence = gather_evidence(tables.claims, tables.mentions, params)
    n, m = evidence.gain.shape
    out.update(n=n, m=m)
    start = time.perf_counter(); banded = decode_banded(evidence.gain, params, marked=evidence.marked)
    out["banded"] = time.perf_counter() - start
    if m <= full_units:
        start = time.perf_counter(); full = decode_monotone(evidence.gain, params, marked=evidence.marked)
        out["full"] = time.perf_counter() - start
        out["agree"] = sum(a == b for a, b in zip(full, banded)) / max(n, 1)
print(json.dumps(out))
"""
#: The full pass is cubic: it runs for agreement only up to this many English units (16x the seed: 640, 2.4 s).
FULL_PASS_MAX_UNITS = 700


def bench_align(factors: list[int], rows: list) -> None:
    """The aligner at each size as the command line runs it (banded decoder, size bound), in a fresh process."""
    import json

    for k in factors:
        child = subprocess.run([PYTHON, "-c", ALIGN_CHILD, str(k), str(FULL_PASS_MAX_UNITS)], cwd=ROOT,
                               capture_output=True, text=True)
        if child.returncode != 0:
            rows.append((f"aligner, {k}× seed", "failed", "", "", child.stderr.strip().splitlines()[-1][:200]))
            continue
        got = json.loads(child.stdout.strip().splitlines()[-1])
        if "refused" in got:
            rows.append((f"aligner, {k}× seed", "refused in one line (no MemoryError)", f"extract {got['extract']:.1f} s",
                         "—", f"peak RSS {mib(got['rss'])}; “{got['refused']}”"))
            continue
        agreement = (f"full pass {got['full']:.2f} s, agrees on {got['agree']:.1%} of sentences" if "full" in got
                     else f"full pass not run (cubic: {got['m']} units)")
        rows.append((f"aligner, {k}× seed ({got['n']} zh sentences × {got['m']} en units; a fresh process, "
                      f"after a warm-up on the seed of {got['load']:.1f} s)",
                     f"align_claims {got['align']:.2f} s (banded decoder {got['banded']:.2f} s)",
                     f"extract {got['extract']:.2f} s", f"{got['align'] / got['extract']:.1f}×",
                     f"peak RSS {mib(got['rss'])} (after extract {mib(got['rss_extract'])}); {agreement}"))


#: The report's command under a wrapper that says its wall time, its whole tree's CPU (user + system of every process
#: it waited for, the kernels and the browser among them) and the largest peak RSS.
REPORT_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "wall = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "rss = usage.ru_maxrss * (1 if sys.platform == 'darwin' else 1024)\n"
    "sys.stderr.write(f'\\nBENCH {wall} {usage.ru_utime + usage.ru_stime} {rss}\\n')\n"
    "sys.exit(code)\n"
)


def cpu_seconds() -> float:
    """User + system CPU of this process and of every child it has waited for, so far."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench_report(rows: list, tmp: Path) -> None:
    if not (ROOT / "helpers" / "render" / "report.py").exists():
        rows.append(("`make report`", "not measured: report runner missing", "", "", ""))
        return
    import nbformat

    from helpers.render.notebooks import run_notebook
    from helpers.render.report import document_notebooks

    notebooks = document_notebooks()
    empty = []
    for index in range(len(notebooks)):
        notebook = nbformat.v4.new_notebook()
        notebook.cells.append(nbformat.v4.new_code_cell("pass"))
        empty.append(tmp / f"empty-{index}.ipynb")
        nbformat.write(notebook, empty[-1])

    def empty_notebooks() -> tuple[float, float]:
        # as the report runs its notebooks: papermill, a fresh quiet kernel each, side by side one per core
        cpu, start = cpu_seconds(), time.perf_counter()
        with ThreadPoolExecutor(max_workers=max(1, min(len(empty), os.cpu_count() or 1))) as pool:
            list(pool.map(lambda path: run_notebook(path, path.with_suffix(".out.ipynb"), {}), empty))
        return time.perf_counter() - start, cpu_seconds() - cpu

    # the floor before and after the report, averaged (the load drifts); the report's analysis built and its font
    # subset cut anew (cold caches: a report on a new document; a rebuild of the same one reuses both)
    before = empty_notebooks()
    for kept in ("analysis", "fonts"):
        shutil.rmtree(ROOT / ".cache" / kept, ignore_errors=True)
    child = subprocess.run([PYTHON, "-c", REPORT_WRAPPER, "make", "--no-print-directory", "report"], cwd=ROOT,
                           capture_output=True, text=True)
    if child.returncode != 0:
        rows.append(("`make report`", f"failed (exit {child.returncode})", "", "", child.stderr.strip()[-200:]))
        return
    _, wall, cpu, rss = child.stderr.strip().splitlines()[-1].split()
    wall, cpu = float(wall), float(cpu)
    after = empty_notebooks()
    floor, floor_cpu = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
    rows.append((f"`make report` ({len(notebooks)} notebooks)", f"{wall:.1f} s (CPU {cpu:.1f} s)",
                 f"{floor:.1f} s (CPU {floor_cpu:.1f} s)", f"{wall / floor:.1f}× (CPU {cpu / floor_cpu:.1f}×)",
                 f"peak RSS {mib(int(rss))}"))


# ---- main -----------------------------------------------------------------------------------

def load_average() -> str:
    """The one-minute load average, or "unknown" where the system does not tell."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def render(rows: list, seconds: float, loads: tuple[str, str] = ("unknown", "unknown")) -> str:
    lines = [
        "# Benchmark",
        "",
        f"Machine: {machine()}. Total bench time {seconds:.0f} s; load average {loads[0]} at the start, "
        f"{loads[1]} at the end (read the ratios: both sides of each were timed under the same load).",
        "",
        "| what | measured | floor | ratio | memory |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    lines += [
        "",
        "Floors: bare `jieba.lcut` (default settings, HMM on) over the Chinese lines of the same documents, "
        "after reading them; for the aligner, extract of the same text; for the report, as many empty "
        "notebooks run as the report runs its own (papermill, side by side). Peak RSS: ru_maxrss of the child process; traced peak: tracemalloc.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run (1 MiB corpus, aligner 1× and 2×)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--out", default=str(BUILD / "bench.md"), help="where the table is written (default build/bench.md)")
    parser.add_argument("--only", choices=["seed", "corpus", "align", "report"], action="append",
                        help="run only these rows (repeatable)")
    args = parser.parse_args(argv)
    only = set(args.only or ["seed", "corpus", "align", "report"])
    started, load_at_start = time.perf_counter(), load_average()
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        if "seed" in only:
            bench_seed(2 if args.quick else args.repeat, rows, tmp)
        if "corpus" in only:
            bench_corpus(1 if args.quick else 10, rows, tmp)
        if "align" in only:
            bench_align([1, 2] if args.quick else [1, 16, 64, 256], rows)
        if "report" in only:
            bench_report(rows, tmp)
        shutil.rmtree(tmp / "corpus", ignore_errors=True)
    table = render(rows, time.perf_counter() - started, (load_at_start, load_average()))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

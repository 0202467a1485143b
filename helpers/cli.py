"""Command line: ``python -m helpers extract [SOURCE] --out DIR`` and friends.

Bad input ends with one line on stderr and exit status 2; nothing is written and the source is
never touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .paths import BUILD, DEFAULT_SOURCE
from .reader import InputError, read_document

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


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


def run_extract(args: argparse.Namespace) -> int:
    from .export import write_tables
    from .pipeline import extract

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
                    "Each file is written whole or not at all.",
    )
    extract.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                         help="the document (UTF-8, UTF-16 with BOM, or GB18030/GBK); default: the seed article")
    extract.add_argument("--out", metavar="DIR", help="output folder (default: build/tables/<document name>/)")
    extract.set_defaults(run=run_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.run(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: still one line, never a traceback
        print(f"internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL

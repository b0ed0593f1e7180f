"""``twin-extract`` command line: one sub-command per module, each owning its own options.

Exit codes follow the usual convention: 0 ok, 1 some inputs failed (or a threshold was
missed), 2 usage error. Progress and summaries go to stderr; data to files or stdout.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from typing import Sequence

from .about import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("twin_extract.batch", "extract records from news files (txt, md, html, jsonl, gz)"),
    "evaluate": ("twin_extract.evaluate", "score the extraction against gold JSON Lines"),
    "ties": ("twin_extract.tie_export", "fold records into ties (one per place pair) as jsonl, csv or geojson"),
    "review": ("twin_extract.review.serve", "review records in the browser (accept/reject/correct)"),
    "export": ("twin_extract.review.export", "write reviewed records (jsonl, csv or gold)"),
    "report": ("twin_extract.review.report", "write a self-contained HTML report of records"),
}
"""Sub-command -> (module with ``add_arguments(parser)`` and ``command(args) -> int``, help)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="twin-extract",
        description="Extract municipal twinning / sister-city relations from news.",
    )
    parser.add_argument("--version", action="version", version=f"twin-extract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub_parser)
        sub_parser.set_defaults(_handler=module.command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args._handler(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"{args.command}: cannot use {exc.filename or 'a file'}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:
        print(f"{args.command}: the decisions database cannot be used: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

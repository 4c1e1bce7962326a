"""Composition root: the command line, dispatching to core for CLI commands and to the GUI otherwise."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lyricpad import __version__
from lyricpad.core.errors import EXIT_ERROR, EXIT_USAGE

LIBRARY_HELP = "the library file to use (default: $LYRICPAD_LIBRARY, else the user data folder)"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr, like every other lyricpad error."""

    def error(self, message: str):  # argparse calls this for bad usage
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _text(value: str) -> str:
    """A text argument (a title, quote, note, tag): it must be valid Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that are not UTF-8 reach Python as lone surrogates.
        raise argparse.ArgumentTypeError("is not valid UTF-8 text") from None
    return value


def _occurrence(value: str):
    if value == "all":
        return "all"
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number or 'all'") from None
    if number < 1:
        raise argparse.ArgumentTypeError("occurrences are counted from 1")
    return number


def _line_range(value: str) -> tuple[int, int]:
    first, sep, last = value.partition("-")
    try:
        a = int(first)
        b = int(last) if sep else a
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a line or a range like 3-5") from None
    if a < 1 or b < a:
        raise argparse.ArgumentTypeError(f"{value!r} is not a line range: lines count from 1, first before last")
    return a, b


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=LIBRARY_HELP,
    )
    parser = _Parser(
        prog="lyricpad",
        description="Study songs: lyrics beside an article, highlighted and annotated, exported to Markdown. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"lyricpad {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None, help=LIBRARY_HELP)
    parser.add_argument("--song", metavar="SONG", type=_text, help="open the window on this song")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window to this PNG file and exit (works without a display)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("songs", parents=[common], help="list the songs")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", parents=[common], help="show a song: lyrics, articles, annotations")
    p.add_argument("song_ref", metavar="SONG", type=_text, help="id, id prefix or exact title")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("annotate", parents=[common], help="highlight lines or a quote, with a lens, note and tags")
    p.add_argument("song_ref", metavar="SONG", type=_text, help="id, id prefix or exact title")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--lines",
        metavar="A[-B]",
        type=_line_range,
        help="whole lines, 1-based, every line counted (blank lines at either end are left out)",
    )
    where.add_argument("--quote", metavar="TEXT", type=_text, help="the exact text to highlight")
    p.add_argument(
        "--occurrence",
        metavar="N|all",
        type=_occurrence,
        help="which occurrence of a repeated quote (1-based), or 'all' for every one (default: 1)",
    )
    p.add_argument("--article", metavar="ARTICLE", type=_text, help="annotate this article of the song instead of the lyrics")
    p.add_argument("--lens", metavar="LENS", type=_text, help="lens name or id (default: the first lens)")
    p.add_argument("--note", metavar="TEXT", type=_text, default="", help="the note (Markdown)")
    p.add_argument("--tag", metavar="TAG", type=_text, action="append", default=[], help="a tag (repeatable)")
    p.add_argument("--json", action="store_true", help="print the annotation as JSON")

    p = sub.add_parser("annotations", parents=[common], help="list a song's annotations in text order")
    p.add_argument("song_ref", metavar="SONG", type=_text, help="id, id prefix or exact title")
    p.add_argument("--trash", action="store_true", help="also list annotations in the trash")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("lenses", parents=[common], help="list the lenses")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", parents=[common], help="full-text search of lyrics, articles, quotes and notes")
    p.add_argument("query", metavar="WORDS", type=_text, nargs="+", help="every word must match")
    p.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from lyricpad.gui.launch import run_window  # Qt is loaded only for the window

        return run_window(args)
    # CLI commands use core only: no Qt is imported, so they work without a display.
    from lyricpad import cli
    from lyricpad.core.errors import LyricpadError

    if args.screenshot or args.song:
        parser.error(f"--screenshot and --song open the window; they do not go with '{args.command}'")
    try:
        return cli.run(args)
    except LyricpadError as exc:
        print(f"lyricpad: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`lyricpad songs | head`); that is not an error worth a traceback.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130

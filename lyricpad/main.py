"""Composition root: the command line, dispatching to core for CLI commands and to the GUI otherwise."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lyricpad import __version__
from lyricpad.core.errors import EXIT_ERROR, EXIT_USAGE

EXAMPLES = """examples:
  lyricpad songs
  lyricpad show "Lanterns on the Water"
  lyricpad annotate "Lanterns on the Water" --lines 4 --lens Imagery --note "The kettle *sings*"
  lyricpad annotate "Lanterns on the Water" --quote "every tide" --occurrence all --lens Structure
"""


def _library_help() -> str:
    from lyricpad.core.paths import default_library_path

    return f"the library file (default: $LYRICPAD_LIBRARY, else {default_library_path()})"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr, like every other lyricpad error."""

    def error(self, message: str):  # argparse calls this for bad usage
        self.exit(EXIT_USAGE, f"lyricpad: error: {message} (see '{self.prog} --help')\n")


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
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a line range: lines count from 1, the first before the last"
        )
    return a, b


def build_parser() -> argparse.ArgumentParser:
    library_help = _library_help()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help=library_help)
    parser = _Parser(
        prog="lyricpad",
        description="Study songs: a song's lyrics beside an article about it, highlighted and annotated "
        "with lenses, notes and tags, in one local library. Without a command, opens the window.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lyricpad {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None, help=library_help)
    parser.add_argument("--song", metavar="SONG", type=_text, help="open the window on this song")
    once = parser.add_mutually_exclusive_group()
    once.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window (on SONG, else the first song) to this PNG file and exit; needs no display",
    )
    once.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, wait until it has painted, and exit 0: a check that it works here "
        "(changes no settings)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        description = summary[0].upper() + summary[1:] + "."
        return sub.add_parser(name, parents=[common], help=summary, description=description)

    p = command("songs", "list the songs, sorted by title")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("show", "show a song: its numbered lyrics, its articles and its annotations")
    p.add_argument("song_ref", metavar="SONG", type=_text, help="id, id prefix or exact title")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "annotate", "highlight lines or a quote of the lyrics or an article, with a lens, a note and tags"
    )
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
    p.add_argument(
        "--article",
        metavar="ARTICLE",
        type=_text,
        help="annotate this article of the song instead of the lyrics",
    )
    p.add_argument(
        "--lens",
        metavar="LENS",
        type=_text,
        help="lens name, number (see 'lyricpad lenses') or id (default: the first)",
    )
    p.add_argument("--note", metavar="TEXT", type=_text, default="", help="the note (Markdown)")
    p.add_argument("--tag", metavar="TAG", type=_text, action="append", default=[], help="a tag (repeatable)")
    p.add_argument("--json", action="store_true", help="print the annotation as JSON")

    p = command("annotations", "list a song's annotations in text order: lyrics, then articles")
    p.add_argument("song_ref", metavar="SONG", type=_text, help="id, id prefix or exact title")
    p.add_argument("--trash", action="store_true", help="also list annotations in the trash")
    p.add_argument("--json", action="store_true", help="print JSON")

    for name, summary in (
        ("delete", "move an annotation to the trash (undo with 'lyricpad restore')"),
        ("restore", "bring an annotation back from the trash"),
    ):
        p = command(name, summary)
        p.add_argument("annotation_ref", metavar="ANNOTATION", type=_text, help="annotation id or id prefix")
        p.add_argument("--json", action="store_true", help="print the annotation as JSON")

    p = command("lenses", "list the lenses in order, with their colours")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("search", "full-text search of lyrics, articles, highlighted quotes and notes")
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

    if args.screenshot or args.smoke or args.song:
        parser.error(
            f"--screenshot and --song open the window, as does --smoke; they do not go with '{args.command}'"
        )
    if args.command == "annotate" and args.lines and args.occurrence is not None:
        parser.error("--occurrence goes with --quote, not with --lines")
    try:
        return cli.run(args)
    except LyricpadError as exc:
        print(f"lyricpad: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`lyricpad songs | head`); that is not an error worth a traceback.
        sys.stderr.close()
        return 0
    except OSError as exc:  # writing the output failed: a full disk, a closed terminal
        print(f"lyricpad: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130

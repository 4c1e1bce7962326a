"""Composition root: the command line, dispatching to core for CLI commands and to the GUI otherwise."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from lyricpad import arguments
from lyricpad.command_line import build_parser, parse_arguments
from lyricpad.core.errors import EXIT_ERROR
from lyricpad.process import end_process, quicken_qt_imports


def _handout(args: argparse.Namespace) -> int:
    """`lyricpad handout`: here, not in the cli package, because a PDF is laid out by Qt (lyricpad.app)."""
    from pathlib import Path

    from lyricpad.cli.output import created_note, missing_folder, say
    from lyricpad.core.errors import InvalidValue
    from lyricpad.core.export.files import check_target, write_atomic
    from lyricpad.core.export.handout import handout_html
    from lyricpad.core.paths import library_path
    from lyricpad.core.store import Library

    if not args.output:
        raise InvalidValue("say where to write the handout: -o FILE.pdf, or -o FILE.html for a web page")
    path = Path(args.output).expanduser()
    if path.suffix.lower() not in (".pdf", ".html", ".htm"):
        raise InvalidValue(f"a handout is written as .pdf or .html, not {path.name!r}")
    check_target(path)  # a library, a folder or a pipe is refused before any work
    with Library.open(library_path(args.library)) as library:
        if library.read_only:
            say(f"lyricpad: note: {library.read_only}", file=sys.stderr)
        library.links.keep_computed = False  # it only reads
        song = library.songs.resolve(args.song_ref)
        article = library.articles.resolve(args.article, song.id) if args.article else None
        article_id = article.id if article else None
        html = handout_html(library, song.id, article_id=article_id, paper=args.paper, study=args.study)
    created = missing_folder(path.parent)
    if path.suffix.lower() == ".pdf":
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs fonts, not a screen
        from PySide6.QtGui import QGuiApplication

        from lyricpad.app.handout import write_handout

        app = QGuiApplication.instance() or QGuiApplication(["lyricpad"])  # noqa: F841 (kept alive while writing)
        write_handout(html, path, paper=args.paper, title=song.title, footer=song.display_name)
    else:
        write_atomic(path, html)
    say(f"Wrote the handout of {song.display_name} to {path}{created_note(created)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line *argv* (None: this process's own, which then ends as soon as it safely can)."""
    code = _main(argv)
    if argv is None:
        end_process(code)  # returns only when the interpreter's teardown still has work to do
    return code


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parse_arguments(sys.argv[1:] if argv is None else argv, parser)
    if args.files:
        from lyricpad.core.app_links import is_file_uri  # a file manager's file:// URI is a file

        unknown = [
            f
            for f in args.files
            if not os.path.exists(f) and "." not in os.path.basename(f) and not is_file_uri(f)
        ]
        if unknown:  # most likely a mistyped command: say so rather than import it
            import difflib  # only for this message: not on every start

            names = ", ".join(parser.commands)
            near = [c for c in difflib.get_close_matches(unknown[0], parser.commands, n=1) if c != unknown[0]]
            hint = f"; did you mean {near[0]!r}?" if near else ""
            parser.error(f"invalid choice: {unknown[0]!r} is neither a command ({names}) nor a file{hint}")
        try:
            args.files = [arguments.text(f) for f in args.files]
        except argparse.ArgumentTypeError as exc:
            parser.error(f"a file name {exc}")
    if args.files or args.links:
        if args.screenshot or args.smoke:
            parser.error(
                "files to import and links open in the window; they do not go with --screenshot or --smoke"
            )
    if args.command is None:
        if argv is None:  # this process is lyricpad's own (tests that call main() keep Qt as it is)
            quicken_qt_imports()
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
        if args.command == "install-desktop":  # desktop files, not the library: it opens none
            from lyricpad.cli.install_desktop import cmd_install_desktop

            return cmd_install_desktop(args)
        return _handout(args) if args.command == "handout" else cli.run(args)
    except LyricpadError as exc:
        from lyricpad.core.text import show_controls

        print(show_controls(f"lyricpad: error: {exc}"), file=sys.stderr)  # it may quote a file's text
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

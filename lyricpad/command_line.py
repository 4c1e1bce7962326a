"""The command line's grammar: the window's options, every command's arguments and their help, and how
the words of a command line are split between the window and a command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from lyricpad import __version__, arguments
from lyricpad.core.errors import EXIT_USAGE

EXAMPLES = """examples:
  lyricpad "Artist - Title.lrc" review.html   (open the window and import these files)
  lyricpad "lyricpad://song/ID#annotation-ID"  (open the window on that annotation)
  lyricpad songs
  lyricpad show "Lanterns on the Water"
  lyricpad annotate "Lanterns on the Water" --lines 4 --lens Imagery --note "The kettle *sings*"
  lyricpad annotate "Lanterns on the Water" --quote "every tide" --occurrence all --lens Structure
  lyricpad links "Lanterns on the Water"
  lyricpad link "Lanterns on the Water" --article 05c56de1 --quote "somebody reads a letter" --lines 4-5
"""


def _library_help() -> str:
    from lyricpad.core.paths import default_library_path

    return f"the library file (default: $LYRICPAD_LIBRARY, else {default_library_path()})"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr, like every other lyricpad error."""

    commands: tuple[str, ...] = ()  # the whole command line's: set by build_parser

    def error(self, message: str):  # argparse calls this for bad usage
        from lyricpad.core.text import show_controls

        self.exit(EXIT_USAGE, show_controls(f"lyricpad: error: {message} (see '{self.prog} --help')") + "\n")


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"lyricpad {__version__}")


def _add_window_options(parser: argparse.ArgumentParser, library_help: str) -> None:
    """The options of the window: every parser that reads them gets them from here."""
    parser.add_argument("--library", metavar="PATH", default=None, help=library_help)
    parser.add_argument("--song", metavar="SONG", type=arguments.text, help="open the window on this song")
    once = parser.add_mutually_exclusive_group()
    once.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window (on SONG, else the first song) to this PNG file and exit; needs no display",
    )
    once.add_argument(
        "--new-song",
        action="store_true",
        help="open the window and start a new song (the application menu's New Song)",
    )
    once.add_argument(
        "--import",
        dest="import_dialog",
        action="store_true",
        help="open the window and choose files to import (the application menu's Import…)",
    )
    once.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, wait until it has painted, and exit 0: a check that it works here "
        "(changes no settings)",
    )


STUDY_HELP = "the lyrics with each line's syllable count and rhyme letter, and the sections named"


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the window's options and every command (its help is `lyricpad --help`)."""
    library_help = _library_help()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help=library_help)
    parser = _Parser(
        prog="lyricpad",
        usage="lyricpad [--library PATH] [--song SONG] [--new-song | --import | --screenshot PNG | --smoke]\n"
        "                [FILE ... | LINK]\n"
        "       lyricpad [--library PATH] COMMAND ...",
        description="Study songs: a song's lyrics beside an article about it, highlighted and annotated "
        "with lenses, notes and tags, in one local library. Without a command, opens the window "
        "(and imports the FILEs given: .txt, .lrc lyrics; .txt, .md, .html articles; or opens a "
        "lyricpad://song/ID#annotation-ID LINK, as Obsidian exports write them).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_version(parser)
    _add_window_options(parser, library_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, prog="lyricpad")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        description = summary[0].upper() + summary[1:] + "."
        return sub.add_parser(name, parents=[common], help=summary, description=description)

    p = command("songs", "list the songs, sorted by title")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("show", "show a song: its numbered lyrics, its articles and its annotations")
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "annotate",
        "highlight lines or a quote of the lyrics, the translation or an article, with a lens, a note and tags",
    )
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--lines",
        metavar="A[-B]",
        type=arguments.line_range,
        help="whole lines, 1-based, every line counted (blank lines at either end are left out)",
    )
    where.add_argument("--quote", metavar="TEXT", type=arguments.text, help="the exact text to highlight")
    p.add_argument(
        "--occurrence",
        metavar="N|all",
        type=arguments.occurrence,
        help="which occurrence of a repeated quote (1-based), or 'all' for every one (default: 1)",
    )
    p.add_argument(
        "--article",
        metavar="ARTICLE",
        type=arguments.reference,
        help="annotate this article of the song instead of the lyrics",
    )
    p.add_argument(
        "--translation",
        action="store_true",
        help="annotate the song's translation instead of the lyrics (lines as in the lyrics)",
    )
    p.add_argument(
        "--lens",
        metavar="LENS",
        type=arguments.text,
        help="lens name, number (see 'lyricpad lenses') or id (default: the first)",
    )
    p.add_argument("--note", metavar="TEXT", type=arguments.text, default="", help="the note (Markdown)")
    p.add_argument(
        "--tag", metavar="TAG", type=arguments.text, action="append", default=[], help="a tag (repeatable)"
    )
    p.add_argument(
        "--time",
        metavar="M:SS[.xx]",
        type=arguments.song_time,
        help="the moment of the song the note is about (shown with it and in exports), e.g. 1:23 or 1:23.45",
    )
    p.add_argument("--json", action="store_true", help="print the annotation as JSON")

    p = command("annotations", "list a song's annotations in text order: lyrics, translation, then articles")
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument("--trash", action="store_true", help="also list annotations in the trash")
    p.add_argument("--json", action="store_true", help="print JSON")

    for name, summary in (
        ("delete", "move an annotation to the trash (undo with 'lyricpad restore')"),
        ("restore", "bring an annotation back from the trash (given a backup file: restore the library)"),
    ):
        p = command(name, summary)
        p.add_argument(
            "annotation_ref", metavar="ANNOTATION", type=arguments.text, help="annotation id or id prefix"
        )
        p.add_argument("--json", action="store_true", help="print the annotation as JSON")

    p = command("links", "list the quotations of a song's articles linked to the lyric lines they quote")
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument(
        "--article", metavar="ARTICLE", type=arguments.reference, help="only this article's quotations"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("link", "link a quotation in an article to the lyric lines it quotes")
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument(
        "--article",
        metavar="ARTICLE",
        type=arguments.reference,
        required=True,
        help="the article holding the quotation",
    )
    p.add_argument(
        "--quote",
        metavar="TEXT",
        type=arguments.words,
        required=True,
        help="the quotation's words as the article shows them (case, quotation marks and spacing may differ)",
    )
    p.add_argument(
        "--lines",
        metavar="A[-B]",
        type=arguments.line_range,
        required=True,
        help="the lyric lines it quotes, 1-based",
    )
    p.add_argument(
        "--occurrence",
        metavar="N",
        type=arguments.ordinal,
        help="which place of a quotation the article has more than once (1-based)",
    )
    p.add_argument("--json", action="store_true", help="print the link as JSON")

    p = command("unlink", "remove a quotation's link to the lyrics (a detected one stays unlinked)")
    p.add_argument(
        "link_ref",
        metavar="LINK",
        type=arguments.reference,
        help="link id or id prefix (see 'lyricpad links')",
    )
    p.add_argument("--json", action="store_true", help="print the removed link as JSON")

    p = command(
        "edit-lyrics",
        "replace a song's lyrics with a file's text; annotations follow their words (re-anchoring)",
    )
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument("file", metavar="FILE", type=arguments.text, help="a text or LRC file with the new lyrics")
    p.add_argument(
        "--encoding", metavar="ENC", type=arguments.text, help="the file's encoding (default: detected)"
    )
    p.add_argument("--json", action="store_true", help="print the counts as JSON")

    p = command("translate", "store a song's translation from a file (plain text or LRC), line by line")
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument(
        "file",
        metavar="FILE",
        type=arguments.text,
        nargs="?",
        help="a text file with the lyrics' lines, or an LRC with the song's times ([tr:xx] lines or the same timestamps)",
    )
    p.add_argument(
        "--language", metavar="XX", type=arguments.text, help="the translation's language (de, German...)"
    )
    p.add_argument(
        "--as",
        dest="kind",
        choices=("auto", "plain", "lrc"),
        default="auto",
        help="the file's kind (default: from its lines)",
    )
    p.add_argument("--replace", action="store_true", help="replace the song's translation")
    p.add_argument("--remove", action="store_true", help="remove the song's translation (no FILE)")
    p.add_argument(
        "--encoding", metavar="ENC", type=arguments.text, help="the file's encoding (default: detected)"
    )
    p.add_argument("--json", action="store_true", help="print what was stored as JSON")

    p = command(
        "edit-article",
        "replace an article's text with a file's; annotations follow their words (re-anchoring)",
    )
    p.add_argument(
        "article_ref", metavar="ARTICLE", type=arguments.text, help="article id, id prefix or exact title"
    )
    p.add_argument(
        "file",
        metavar="FILE",
        type=arguments.text,
        help="a text, Markdown or saved web page (.html) with the new article",
    )
    p.add_argument(
        "--encoding", metavar="ENC", type=arguments.text, help="the file's encoding (default: detected)"
    )
    p.add_argument("--json", action="store_true", help="print the counts as JSON")

    p = command(
        "import",
        "import lyrics (.txt, .lrc) as new songs, articles (.txt, .md, .html) into a song, or merge a JSON export",
    )
    p.add_argument(
        "paths", metavar="FILE", type=arguments.text, nargs="+", help="files to import (all or none)"
    )
    p.add_argument(
        "--as",
        dest="kind",
        choices=("lyrics", "article"),
        help="what the files hold (default: .lrc lyrics; .md, .html articles; a .txt must say)",
    )
    p.add_argument(
        "--song", dest="song_ref", metavar="SONG", type=arguments.text, help="the song articles belong to"
    )
    p.add_argument("--title", metavar="T", type=arguments.text, help="the title (default: from the file)")
    p.add_argument(
        "--artist", metavar="A", type=arguments.text, help="the artist (of an article: its author)"
    )
    p.add_argument("--clean", action="store_true", help="remove lines of page furniture from articles")
    p.add_argument(
        "--again",
        action="store_true",
        help="import lyrics already in the library (same title and text) as a second song",
    )
    p.add_argument(
        "--encoding", metavar="ENC", type=arguments.text, help="the files' encoding (default: detected)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("accept", "anchor an annotation that needs review at the place proposed for it")
    p.add_argument(
        "annotation_ref", metavar="ANNOTATION", type=arguments.text, help="annotation id or id prefix"
    )
    p.add_argument("--json", action="store_true", help="print the annotation as JSON")

    p = command(
        "export",
        "export annotations as Markdown (blog or Obsidian), or the library as JSON or W3C Web Annotations",
    )
    p.add_argument(
        "song_refs", metavar="SONG", type=arguments.text, nargs="*", help="songs to export (or --all)"
    )
    p.add_argument("--all", action="store_true", help="every song (Markdown to a folder: one file each)")
    p.add_argument(
        "--format", choices=("markdown", "json", "w3c"), default="markdown", help="default: markdown"
    )
    p.add_argument(
        "--profile", choices=("blog", "obsidian"), default="blog", help="Markdown flavour (default: blog)"
    )
    p.add_argument(
        "--by", choices=("pane", "lens"), default="pane", help="group annotations by pane or by lens"
    )
    p.add_argument(
        "--full-lyrics", action="store_true", help="include the whole lyrics, highlighted lines marked"
    )
    p.add_argument("--footnotes", action="store_true", help="blog: notes as footnotes")
    p.add_argument("--ids", action="store_true", help="blog: each annotation's id in an HTML comment")
    p.add_argument("--study", action="store_true", help=STUDY_HELP)
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=arguments.text,
        help="write to this file (atomically), or for Markdown to this folder (ends in /): default stdout",
    )
    p.add_argument("--json", action="store_true", help="report what was written as JSON")

    p = command("post", "publish an article as a post: its Markdown with your notes as footnotes, or HTML")
    p.add_argument(
        "article_ref",
        metavar="ARTICLE",
        type=arguments.reference,
        help="article id, id prefix or exact title",
    )
    p.add_argument(
        "--song", dest="song_ref", metavar="SONG", type=arguments.text, help="the song the article is in"
    )
    p.add_argument(
        "--profile", choices=("blog", "obsidian"), default="blog", help="Markdown flavour (default: blog)"
    )
    p.add_argument(
        "--notes",
        choices=("footnotes", "inline", "none"),
        default=None,
        help="your notes as footnotes after their passage, asides after its paragraph, or left out; "
        "default: footnotes for blog, inline for obsidian, where inline notes are callouts with their "
        "block ids (footnotes are written as Obsidian shows them)",
    )
    p.add_argument("--format", choices=("markdown", "html"), default="markdown", help="default: markdown")
    p.add_argument("--page", action="store_true", help="html: a whole page, not a fragment")
    p.add_argument("--ids", action="store_true", help="blog: each note's annotation id in an HTML comment")
    p.add_argument("--show-lens", action="store_true", help="name each note's lens")
    p.add_argument(
        "-o", "--output", metavar="PATH", type=arguments.text, help="write to this file (atomically)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "handout", "print a song's handout: numbered lyrics, highlights, notes and lenses, as PDF or HTML"
    )
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument(
        "--article",
        metavar="ARTICLE",
        type=arguments.reference,
        help="add this article of the song, after the notes",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=arguments.text,
        help="the file to write (atomically): FILE.pdf or FILE.html",
    )
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="the paper size (default: a4)")
    p.add_argument("--study", action="store_true", help=STUDY_HELP)

    p = command("backup", "back the library up (checked) to PATH, or to its backups folder")
    p.add_argument(
        "-o", "--output", metavar="PATH", type=arguments.text, help="the backup file or a folder for it"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("backups", "list the library's automatic and manual backups, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "restore-backup",
        "replace the library's content with a backup's (the current state is backed up first)",
    )
    p.add_argument(
        "backup", metavar="BACKUP", type=arguments.text, help="a backup file (see 'lyricpad backups')"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("lenses", "list the lenses in order, with their colours")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("study", "study a song: its sections, repeats, syllables, stress and rhyme scheme, per line")
    p.add_argument("song_ref", metavar="SONG", type=arguments.text, help="id, id prefix or exact title")
    p.add_argument(
        "--language",
        metavar="XX",
        type=arguments.text,
        help="the lyrics' language (default: the song's, else en)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "search",
        "ranked full-text search of lyrics, translations, articles, highlighted quotes, notes and tags",
    )
    p.add_argument(
        "query",
        metavar="WORDS",
        type=arguments.text,
        nargs="+",
        help='every word must match; word* a start, "a phrase"',
    )
    p.add_argument(
        "--lens", metavar="L", type=arguments.reference, help="only annotations of this lens (name or number)"
    )
    p.add_argument(
        "--tag", metavar="T", type=arguments.reference, help="only annotations with this tag (#T or T)"
    )
    p.add_argument("--song", dest="song_ref", metavar="S", type=arguments.reference, help="only this song")
    p.add_argument(
        "--artist",
        metavar="A",
        type=arguments.reference,
        help="only songs of this artist (whole name, any case or accents)",
    )
    p.add_argument(
        "--pane",
        choices=("lyrics", "article", "translation"),
        help="only the lyrics, only the articles, or only the translations (their text and notes)",
    )
    p.add_argument("--has-note", action="store_true", help="only annotations with a note")
    p.add_argument(
        "--status", choices=("needs_review", "orphaned"), help="only annotations needing review, or orphaned"
    )
    p.add_argument(
        "--limit", metavar="N", type=arguments.page_size, default=20, help="hits to show (default 20)"
    )
    p.add_argument(
        "--offset", metavar="N", type=arguments.page_offset, default=0, help="hits to skip (the next page)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "check",
        "check the library for damage: its pages, links between items, the search index, highlights on their "
        "words (exit status 1 when problems are found)",
    )
    p.add_argument(
        "--repair",
        action="store_true",
        help="repair what can be repaired, after a backup; then check again (exit status 1 if problems remain)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser(
        "install-desktop",
        help="add lyricpad to the application menu, with its icon, its metainfo and the .lrc file type",
        description="Add lyricpad to the application menu: write its .desktop files (the menu entry and the "
        "lyricpad:// link handler), icons, AppStream metainfo and the .lrc file type under ~/.local/share "
        "($XDG_DATA_HOME), and record them so that --uninstall removes exactly those.",
    )
    p.add_argument("--prefix", metavar="DIR", help="install under DIR/share instead (e.g. /usr/local)")
    p.add_argument("--uninstall", action="store_true", help="remove what install-desktop wrote")
    parser.commands = tuple(sub.choices)
    return parser


class _Undecided(Exception):
    """The options before the first word are wrong: the window's parser reports them, in its words."""


class _Probe(argparse.ArgumentParser):
    """Reads the window's options and keeps the rest as it is, to find the first word; it never exits."""

    def error(self, message: str):
        raise _Undecided(message)


class _FullHelp(argparse.Action):
    """-h of the window's parser: the whole help, window and commands, as `lyricpad --help` prints it."""

    def __init__(self, option_strings, dest, full: argparse.ArgumentParser, help=None):
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, help=help)
        self.full = full

    def __call__(self, parser, namespace, values, option_string=None):
        self.full.print_help()
        parser.exit()


def _first_word(argv: Sequence[str], library_help: str) -> str | None:
    """The first argument that is neither an option nor an option's value, as the parser sees them.

    None if there is none, or if the options before it are wrong. A `--` before it is the first word:
    what follows is files, never a command.
    """
    probe = _Probe(add_help=False)
    _add_window_options(probe, library_help)
    # REMAINDER keeps the rest untouched, its options and a `--` included: only its first word counts.
    probe.add_argument("words", nargs=argparse.REMAINDER)
    try:
        words = probe.parse_known_args(argv)[0].words
    except _Undecided:
        return None
    return words[0] if words else None


def _window_parser(full: argparse.ArgumentParser, library_help: str) -> argparse.ArgumentParser:
    """The command line without a command: the window's options and FILEs to import, in any order."""
    window = _Parser(prog="lyricpad", add_help=False)
    window.add_argument("-h", "--help", action=_FullHelp, full=full)
    _add_version(window)
    _add_window_options(window, library_help)
    window.add_argument("files", metavar="FILE", nargs="*")
    window.set_defaults(command=None)
    return window


def parse_arguments(argv: Sequence[str], parser: argparse.ArgumentParser | None = None) -> argparse.Namespace:
    """A command and its options; or, without one (command None), the window's options and its files.

    `lyricpad FILE...` opens the window on files to import. When the first word is a command the
    arguments are the command's; otherwise every word is a file, with options between them or after,
    and so is everything after `--`.
    """
    parser = parser or build_parser()
    argv = list(argv)
    library_help = _library_help()
    if _first_word(argv, library_help) in parser.commands:
        args = parser.parse_args(argv)
        args.files = []
        args.links = []
        return args
    # The intermixed parse reads files between options, but not a `--` among them: split it off here.
    cut = argv.index("--") if "--" in argv else len(argv)
    args = _window_parser(parser, library_help).parse_intermixed_args(argv[:cut])
    # A lyricpad:// link (the desktop runs `lyricpad %u` for one) is opened, not imported; it is read
    # where the window can say what is wrong with it. After `--`, every word is a file.
    from lyricpad.core.app_links import is_app_link

    args.links = [word for word in args.files if is_app_link(word)]
    args.files = [word for word in args.files if not is_app_link(word)] + argv[cut + 1 :]
    return args

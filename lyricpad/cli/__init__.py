"""The command-line commands: each reads or changes the library through core and prints text or JSON.

A command lives in the module named for what it works on: songs (songs, show, lenses), search, study,
annotate (annotate, annotations, delete, restore, accept), edits (edit-lyrics, edit-article),
links (links, link, unlink), importing (import), export, post, library (backup, backups, restore-backup,
check), translate; output is how they print.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from lyricpad.cli.annotate import cmd_accept, cmd_annotate, cmd_annotations, cmd_delete, cmd_restore
from lyricpad.cli.edits import cmd_edit_article, cmd_edit_lyrics
from lyricpad.cli.export import cmd_export
from lyricpad.cli.importing import cmd_import
from lyricpad.cli.library import cmd_backup, cmd_backups, cmd_check, cmd_restore_backup
from lyricpad.cli.links import cmd_link, cmd_links, cmd_unlink
from lyricpad.cli.output import print_json, say
from lyricpad.cli.post import cmd_post
from lyricpad.cli.search import cmd_search
from lyricpad.cli.songs import cmd_lenses, cmd_show, cmd_songs
from lyricpad.cli.study import cmd_study
from lyricpad.cli.translate import cmd_translate
from lyricpad.core.errors import ForeignDatabase, NotALibrary, SearchIndexDamaged
from lyricpad.core.paths import library_path
from lyricpad.core.store import Library

_READING = {
    "songs",
    "show",
    "annotations",
    "links",
    "lenses",
    "search",
    "study",
    "backups",
    "backup",
    "export",
    "post",
    "check",
}
"""Commands that change nothing: they work on a library open read-only, with a note."""

_COMMANDS = {
    "export": cmd_export,
    "post": cmd_post,
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore-backup": cmd_restore_backup,
    "import": cmd_import,
    "edit-lyrics": cmd_edit_lyrics,
    "edit-article": cmd_edit_article,
    "accept": cmd_accept,
    "songs": cmd_songs,
    "show": cmd_show,
    "annotate": cmd_annotate,
    "annotations": cmd_annotations,
    "delete": cmd_delete,
    "restore": cmd_restore,
    "links": cmd_links,
    "link": cmd_link,
    "unlink": cmd_unlink,
    "lenses": cmd_lenses,
    "search": cmd_search,
    "study": cmd_study,
    "check": cmd_check,
    "translate": cmd_translate,
}


def run(args: argparse.Namespace) -> int:
    """Open the library named by the arguments and run the chosen command on it."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # JSON and lyrics are UTF-8 whatever the locale
    try:
        library = Library.open(library_path(args.library))
    except NotALibrary as exc:
        if args.command != "check" or isinstance(exc, ForeignDatabase):
            raise
        from lyricpad.core.check import ADVICE_PAGES

        if getattr(args, "json", False):
            print_json(
                {
                    "library": str(library_path(args.library)),
                    "ok": False,
                    "damaged": str(exc),
                    "advice": ADVICE_PAGES,
                }
            )
        else:
            say(f"{exc}.\n\n{textwrap.fill(ADVICE_PAGES, 100)}")  # the check's report: damaged
        return 1
    with library:
        if library.read_only and args.command in _READING:
            say(f"lyricpad: note: {library.read_only}", file=sys.stderr)
        if args.command in _READING:
            library.links.keep_computed = False  # a reading command never writes, not even derived links
        try:
            status = _COMMANDS[args.command](library, args)
        except SearchIndexDamaged as exc:
            if library.read_only:  # never written, not even a backup: say what is wrong
                raise
            # Every command writes in one transaction, so nothing was written: mend, then run it again.
            _repair_search_index(library, exc)
            status = _COMMANDS[args.command](library, args)
    sys.stdout.flush()  # a write error (a full disk) surfaces here, as a readable error
    return status


def _repair_search_index(library: Library, exc: SearchIndexDamaged) -> None:
    from lyricpad.core.repair import mend_search_index

    backup = mend_search_index(library, exc.tables)
    say(
        "lyricpad: note: the library's search index was damaged; it was rebuilt from your songs, "
        f"articles and notes (the library as it was is in {backup})",
        file=sys.stderr,
    )

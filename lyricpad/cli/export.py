"""The export command: Markdown (blog or Obsidian), or the library (or some songs) as JSON or W3C Web Annotations."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lyricpad.cli.output import created_note, missing_folder, print_json, say, with_created, write_document
from lyricpad.core.errors import InvalidValue
from lyricpad.core.store import Library


def cmd_export(library: Library, args) -> int:
    from lyricpad.core.export import (
        dumps_json,
        export_json,
        export_library_markdown,
        export_markdown,
        export_w3c,
        write_atomic,
    )
    from lyricpad.core.export.files import check_target

    if args.all and args.song_refs:
        raise InvalidValue("name songs or give --all, not both")
    if not args.all and not args.song_refs and args.format != "json":  # JSON without songs: the library
        raise InvalidValue("say what to export: one or more SONGs, or --all")
    markdown_only = (
        args.profile != "blog"
        or args.by != "pane"
        or args.full_lyrics
        or args.footnotes
        or args.ids
        or args.study
    )
    if args.format != "markdown" and markdown_only:
        raise InvalidValue(
            "--profile, --by, --full-lyrics, --footnotes, --ids and --study go with --format markdown"
        )
    song_ids = _song_ids(library, args.song_refs) if args.song_refs else None
    output = Path(args.output).expanduser() if args.output else None
    options = {
        "profile": args.profile,
        "group_by": args.by,
        "full_lyrics": args.full_lyrics,
        "footnotes": args.footnotes,
        "ids": args.ids,
        "study": args.study,
    }
    if (
        args.format == "markdown"
        and output is not None
        and (output.is_dir() or args.output.endswith(("/", os.sep)))
    ):
        created = missing_folder(output)
        written = export_library_markdown(library, output, song_ids=song_ids, **options)
        if args.json:
            print_json(with_created({"written": [str(p) for p in written]}, created))
        else:
            count = len(written) - 1
            say(
                f"Exported {count} song{'' if count == 1 else 's'} and an index to {output}"
                f"{created_note(created)}: " + ", ".join(p.name for p in written)
            )
        return 0
    if output is not None:
        check_target(output)  # refused before the export is built (building it may store links found)
    if args.format == "markdown":
        ids = song_ids if song_ids is not None else [s.id for s in library.songs.all()]
        if not ids:
            raise InvalidValue("the library has no songs to export")
        text = export_markdown(library, ids if len(ids) > 1 else ids[0], **options)
    elif args.format == "json":
        text = dumps_json(export_json(library, song_ids=song_ids))
    else:
        text = dumps_json(export_w3c(library, song_ids))
    if output is None:
        write_document(text)
    else:
        created = missing_folder(output.parent)
        write_atomic(output, text)
        say(f"Exported to {output}{created_note(created)}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _song_ids(library: Library, refs: list[str]) -> list[str]:
    """The ids of the songs named, each once, in the order given."""
    ids = [library.songs.resolve(ref).id for ref in refs]
    return list(dict.fromkeys(ids))

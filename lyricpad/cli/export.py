"""The export command: Markdown (blog or Obsidian), or the library as JSON or W3C Web Annotations."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lyricpad.cli.output import print_json, say, write_document
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
    if not args.all and not args.song_refs:
        raise InvalidValue("say what to export: one or more SONGs, or --all")
    if args.format == "json" and args.song_refs:
        raise InvalidValue("--format json exports the whole library (for backup and merging): use --all")
    markdown_only = (
        args.profile != "blog" or args.by != "pane" or args.full_lyrics or args.footnotes or args.ids
    )
    if args.format != "markdown" and markdown_only:
        raise InvalidValue("--profile, --by, --full-lyrics, --footnotes and --ids go with --format markdown")
    song_ids = [library.songs.resolve(ref).id for ref in args.song_refs] if args.song_refs else None
    output = Path(args.output).expanduser() if args.output else None
    options = {
        "profile": args.profile,
        "group_by": args.by,
        "full_lyrics": args.full_lyrics,
        "footnotes": args.footnotes,
        "ids": args.ids,
    }
    if (
        args.format == "markdown"
        and output is not None
        and (output.is_dir() or args.output.endswith(("/", os.sep)))
    ):
        written = export_library_markdown(library, output, song_ids=song_ids, **options)
        if args.json:
            print_json({"written": [str(p) for p in written]})
        else:
            say(
                f"Exported {len(written) - 1} song(s) to {output} (with an index): "
                + ", ".join(p.name for p in written)
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
        text = dumps_json(export_json(library))
    else:
        text = dumps_json(export_w3c(library, song_ids))
    if output is None:
        write_document(text)
    else:
        write_atomic(output, text)
        say(f"Exported to {output}", file=sys.stderr if args.json else sys.stdout)
    return 0

"""The post command: an article published as a blog post or a vault note (Markdown), or as sanitised HTML."""

from __future__ import annotations

import sys
from pathlib import Path

from lyricpad.cli.output import created_note, missing_folder, print_json, say, with_created, write_document
from lyricpad.core.errors import InvalidValue
from lyricpad.core.store import Library


def cmd_post(library: Library, args) -> int:
    from lyricpad.core.export import render_post, write_atomic
    from lyricpad.core.export.files import check_target

    if args.page and args.format != "html":
        raise InvalidValue("--page makes a whole HTML page: it goes with --format html")
    if args.format == "html" and args.profile != "blog":
        raise InvalidValue(
            "--format html is made from the blog profile; --profile obsidian is Markdown for a vault"
        )
    song_id = library.songs.resolve(args.song_ref).id if args.song_ref else None
    article = library.articles.resolve(args.article_ref, song_id)
    output = Path(args.output).expanduser() if args.output else None
    if output is not None:
        check_target(output)  # refused before the post is built (building it may store links found)
    text = render_post(
        library,
        article.id,
        profile=args.profile,
        notes=args.notes,
        fmt=args.format,
        ids=args.ids,
        page=args.page,
        show_lens=args.show_lens,
    )
    if output is None:
        if args.json:
            print_json({"article": article.id, "format": args.format, "text": text})
        else:
            write_document(text)
        return 0
    created = missing_folder(output.parent)
    write_atomic(output, text)
    if args.json:
        print_json(
            with_created({"article": article.id, "format": args.format, "written": str(output)}, created)
        )
    else:
        title = f"“{article.title}”" if article.title else article.id[:8]
        say(f"Published the article {title} to {output}{created_note(created)}", file=sys.stdout)
    return 0

"""The `search` command: a ranked page of the library's full-text search, narrowed by filters."""

from __future__ import annotations

import sys

from lyricpad.cli.output import print_json, say
from lyricpad.core.errors import EXIT_USAGE
from lyricpad.core.search_query import parse
from lyricpad.core.store import Library
from lyricpad.core.store.search import SearchFilters


def cmd_search(library: Library, args) -> int:
    typed = " ".join(args.query)
    query = parse(typed)
    if not query:  # only spaces, punctuation or symbols: a usage error, as a missing WORDS is
        say(
            f"lyricpad: error: nothing to search for in {typed!r}: WORDS needs a word of letters or digits"
            " (see 'lyricpad search --help')",
            file=sys.stderr,
        )
        return EXIT_USAGE
    filters = SearchFilters(
        lens_id=library.lenses.resolve(args.lens).id if args.lens else None,
        tag=args.tag,
        song_id=library.songs.resolve(args.song_ref).id if args.song_ref else None,
        artist=args.artist,
        pane=args.pane,
        has_note=args.has_note,
        status=args.status,
    )
    page = library.search.page(query, limit=args.limit, offset=args.offset, filters=filters)
    if page.note:
        say(f"lyricpad: note: {page.note}", file=sys.stderr)
    if args.json:
        print_json(page.hits)
        return 0
    if not page.hits:
        say("Nothing found." if not args.offset else "No more hits.")
    for hit in page.hits:
        snippet = " / ".join(hit["snippet"].split("\n"))
        song = hit["song_title"] + (f" — {hit['artist']}" if hit["artist"] else "")
        texts = ("song", "translation", "article")  # a hit in a text says where; a quote says "quote"
        place = hit["where"] if hit["kind"] in texts else hit["kind"]
        at = f":{hit['line']}" if hit["line"] and hit["kind"] in texts else ""
        say(f"{place + at:<8} {hit['id'][:8]}  {song}: {snippet}")
    if page.more:
        say(f"(more: --offset {args.offset + args.limit})")
    return 0

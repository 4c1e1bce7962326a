"""The whole library as JSON (songs, articles, annotations, lenses, tags, the trash included), for backup and scripts.

The format is read back by `lyricpad.core.merge.merge_json`. Top level::

    {"format": "lyricpad", "version": 1, "exported": ISO time, "lenses": [...], "tags": [...],
     "songs": [...], "articles": [...], "annotations": [...], "link_decisions": [...]}

Every item carries its id, its created and updated times and its `deleted` (in the trash) flag.
Offsets of annotations count code points over the lyrics, or over an article's rendered text.

`link_decisions` are the user's decisions about quote links: links made by hand ("link") and
unlinks of detected links ("unlink"). Detected links are not written: they are derived data,
detected again from the texts wherever the file is imported. Added without a version bump:
the items before it mean what they meant, and a file without it (older) imports as before.

So were, for the study view (issue 19), `study_corrections` (the user's corrections of a line's
syllables, stress, rhyme letter or section: its 1-based `line` in the song's lyrics, the line's
text and its neighbours', `field`, `value`, `status`), `translations` (one per song: `song_id`,
`language`, `text` with one line per lyric line, `updated`) and an annotation's `time_ms`.
"""

from __future__ import annotations

import json

from lyricpad import __version__
from lyricpad.core.models import Article, Song
from lyricpad.core.store.common import now
from lyricpad.core.store.fields import ANNOTATION, ARTICLE, CORRECTION, LENS, SONG, TRANSLATION
from lyricpad.core.store.link_computing import LinkDecision, compute, fresh

FORMAT = "lyricpad"
VERSION = 1
"""Version of the JSON format written; merge_json refuses files of a higher version."""


def export_json(library, *, exported: str | None = None, song_ids: list[str] | None = None) -> dict:
    """Everything in *library* as one JSON-ready dict (see the module docstring); the trash included.

    With *song_ids*, only those songs with their articles, annotations and link decisions, and
    the lenses and tags their annotations use: a file that merges into another library.
    """
    if exported is None:
        exported = now()
    songs = library.songs.all(include_deleted=True)
    if song_ids is not None:
        wanted = set(song_ids)
        songs = [s for s in songs if s.id in wanted]
    articles = [a for s in songs for a in library.articles.for_song(s.id, include_deleted=True)]
    annotations = [a for s in songs for a in library.annotations.for_song(s.id, include_deleted=True)]
    decisions = _link_decisions(library, {s.id: s for s in songs}, articles)
    lenses, tags = library.lenses.all(), library.tags.all()
    if song_ids is not None:
        used = {a.lens.id for a in annotations if a.lens}
        lenses = [lens for lens in lenses if lens.id in used]
        tags = [tag for tag in tags if any(tag in a.tags for a in annotations)]
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"lyricpad {__version__}",
        "exported": exported,
        "lenses": [LENS.to_json(lens) for lens in lenses],
        "tags": tags,
        "songs": [SONG.to_json(s) for s in songs],
        "articles": [ARTICLE.to_json(a) for a in articles],
        "annotations": [ANNOTATION.to_json(a) for a in annotations],
        "link_decisions": [decision_json(d) for d in decisions],
        "study_corrections": [CORRECTION.to_json(c) for s in songs for c in library.corrections.stored(s.id)],
        "translations": [
            TRANSLATION.to_json(t) for t in (library.translations.get(s.id) for s in songs) if t is not None
        ],
    }


def decision_json(decision: LinkDecision) -> dict:
    """One quote-link decision as the file holds it: its article side, and a link's lyric lines.

    Only what the user decided: a link's score and differences are worked out again on import.
    """
    data = {
        "id": decision.id,
        "article_id": decision.article_id,
        "kind": decision.kind,
        "start": decision.char_start,
        "end": decision.char_end,
        "quote": decision.quote,
        "prefix": decision.prefix,
        "suffix": decision.suffix,
    }
    if decision.kind == "link":
        places = json.loads(decision.places)
        first, last = places[0] if places else (None, None)  # an orphaned link may have no place
        data.update(
            first_line=first,
            last_line=last,
            lines_text=decision.lyrics_quote,
            lines_prefix=decision.lyrics_prefix,
            lines_suffix=decision.lyrics_suffix,
        )
    data.update(status=decision.status, created=decision.created, updated=decision.updated)
    return data


def _link_decisions(library, songs: dict[str, Song], articles: list[Article]) -> list[LinkDecision]:
    """The user's decisions on the articles' current texts, in article order.

    Where a text changed since they were last followed, they are followed in memory, as
    `lib.links` would: an export only reads. (A reading of them in `lib.links` that never
    writes would take this SQL's place.)
    """
    by_article: dict[str, list[LinkDecision]] = {}
    rows = library.rows("SELECT * FROM quote_links WHERE origin = 'user' ORDER BY article_id, id")
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(LinkDecision.from_row(row))
    found: list[LinkDecision] = []
    for article in articles:
        stored = by_article.get(article.id)
        if not stored:
            continue
        song = songs[article.song_id]
        texts = library.row("SELECT * FROM quote_link_texts WHERE article_id = ?", [article.id])
        found.extend(
            stored if fresh(song, article, texts) else compute(song, article, texts, stored).decisions
        )
    return found

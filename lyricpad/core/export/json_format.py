"""The whole library as JSON (songs, articles, annotations, lenses, tags, the trash included), for backup and scripts.

The format is read back by `lyricpad.core.merge.merge_json`. Top level::

    {"format": "lyricpad", "version": 1, "exported": ISO time, "lenses": [...], "tags": [...],
     "songs": [...], "articles": [...], "annotations": [...]}

Every item carries its id, its created and updated times and its `deleted` (in the trash) flag.
Offsets of annotations count code points over the lyrics, or over an article's rendered text.
"""

from __future__ import annotations

from lyricpad import __version__
from lyricpad.core.store.common import now
from lyricpad.core.store.fields import ANNOTATION, ARTICLE, LENS, SONG

FORMAT = "lyricpad"
VERSION = 1
"""Version of the JSON format written; merge_json refuses files of a higher version."""


def export_json(library, *, exported: str | None = None) -> dict:
    """Everything in *library* as one JSON-ready dict (see the module docstring); the trash included."""
    if exported is None:
        exported = now()
    songs = library.songs.all(include_deleted=True)
    articles = [a for s in songs for a in library.articles.for_song(s.id, include_deleted=True)]
    annotations = [a for s in songs for a in library.annotations.for_song(s.id, include_deleted=True)]
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"lyricpad {__version__}",
        "exported": exported,
        "lenses": [LENS.to_json(lens) for lens in library.lenses.all()],
        "tags": library.tags.all(),
        "songs": [SONG.to_json(s) for s in songs],
        "articles": [ARTICLE.to_json(a) for a in articles],
        "annotations": [ANNOTATION.to_json(a) for a in annotations],
    }

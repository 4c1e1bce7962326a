"""The whole library as JSON (songs, articles, annotations, lenses, tags, the trash included), for backup and scripts.

The format is read back by `lyricpad.core.merge.merge_json`. Top level::

    {"format": "lyricpad", "version": 1, "exported": ISO time, "lenses": [...], "tags": [...],
     "songs": [...], "articles": [...], "annotations": [...]}

Every item carries its id, its created and updated times and its `deleted` (in the trash) flag.
Offsets of annotations count code points over the lyrics, or over an article's rendered text.
"""

from __future__ import annotations

import dataclasses

from lyricpad import __version__
from lyricpad.core.models import Annotation

FORMAT = "lyricpad"
VERSION = 1
"""Version of the JSON format written; merge_json refuses files of a higher version."""


def annotation_json(annotation: Annotation) -> dict:
    return {
        "id": annotation.id,
        "song_id": annotation.song_id,
        "target": annotation.target,
        "article_id": annotation.article_id,
        "lens_id": annotation.lens.id if annotation.lens else None,
        "lens": annotation.lens.name if annotation.lens else None,  # for scripts; lens_id is what counts
        "note": annotation.note,
        "tags": list(annotation.tags),
        "status": annotation.status,
        "fragments": [f.to_dict() for f in annotation.fragments],
        "created": annotation.created,
        "updated": annotation.updated,
        "deleted": annotation.deleted,
    }


def export_json(library, *, exported: str | None = None) -> dict:
    """Everything in *library* as one JSON-ready dict (see the module docstring); the trash included."""
    if exported is None:
        from lyricpad.core.store import now

        exported = now()
    songs = library.songs(include_deleted=True)
    articles = [a for s in songs for a in library.articles(s.id, include_deleted=True)]
    annotations = [a for s in songs for a in library.annotations(s.id, include_deleted=True)]
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"lyricpad {__version__}",
        "exported": exported,
        "lenses": [lens.to_json() for lens in library.lenses()],
        "tags": library.tags(),
        "songs": [dataclasses.asdict(s) for s in songs],
        "articles": [dataclasses.asdict(a) for a in articles],
        "annotations": [annotation_json(a) for a in annotations],
    }

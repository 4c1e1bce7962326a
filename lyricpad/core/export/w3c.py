"""Annotations as W3C Web Annotations (JSON-LD), so they travel to other annotation tools.

One AnnotationCollection whose first page holds every annotation. Each annotation:

- ``id`` ``urn:uuid:<annotation id>``; ``created`` and ``modified`` times;
- ``motivation`` "commenting" when it has a note, else "highlighting";
- ``body``: the note (TextualBody, text/markdown, purpose commenting), one TextualBody per tag
  (purpose tagging) and the lens (purpose classifying, with the lens's id as ``urn:uuid:``);
- ``target``: one SpecificResource per fragment, its ``source`` ``urn:uuid:<song id>`` for the
  lyrics or ``urn:uuid:<article id>`` for an article (offsets over its rendered text), with a
  TextQuoteSelector (exact, prefix, suffix) and, while anchored, a TextPositionSelector
  (code points, as the W3C model counts them).

Notes on a song's translation are left out: the translation has no resource of its own to point
at (the JSON export carries them).

`lyricpad.core.merge.merge_w3c` reads it back.
"""

from __future__ import annotations

from collections.abc import Iterable

from lyricpad.core.models import Annotation

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URN = "urn:uuid:"
MARKDOWN = "text/markdown"


def annotation_w3c(annotation: Annotation) -> dict:
    """One annotation as a W3C Web Annotation (without @context: the collection carries it)."""
    body: list[dict] = []
    if annotation.note:
        body.append(
            {"type": "TextualBody", "value": annotation.note, "format": MARKDOWN, "purpose": "commenting"}
        )
    body.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags)
    if annotation.lens:
        body.append(
            {
                "id": URN + annotation.lens.id,
                "type": "TextualBody",
                "value": annotation.lens.name,
                "purpose": "classifying",
            }
        )
    source = URN + (annotation.song_id if annotation.target == "lyrics" else annotation.article_id)
    targets = []
    for fragment in annotation.fragments:
        selectors: list[dict] = [
            {
                "type": "TextQuoteSelector",
                "exact": fragment.quote,
                "prefix": fragment.prefix,
                "suffix": fragment.suffix,
            }
        ]
        if annotation.status == "anchored":
            selectors.append({"type": "TextPositionSelector", "start": fragment.start, "end": fragment.end})
        targets.append({"type": "SpecificResource", "source": source, "selector": selectors})
    data: dict = {
        "id": URN + annotation.id,
        "type": "Annotation",
        "motivation": "commenting" if annotation.note else "highlighting",
        "created": annotation.created,
        "modified": annotation.updated,
    }
    if body:
        data["body"] = body if len(body) > 1 else body[0]
    data["target"] = targets if len(targets) > 1 else targets[0]
    return data


def export_w3c(library, song_ids: str | Iterable[str] | None = None) -> dict:
    """The annotations of *song_ids* (default: every song not in the trash) as a W3C AnnotationCollection.

    Annotations in the trash, and those on articles in the trash, are left out.
    """
    if song_ids is None:
        ids = [s.id for s in library.songs.all()]
    else:
        ids = [song_ids] if isinstance(song_ids, str) else list(song_ids)
    items = []
    for song_id in ids:
        library.songs.get(song_id)
        live_articles = {a.id for a in library.articles.for_song(song_id)}
        for annotation in library.annotations.for_song(song_id):
            if annotation.fragments and (
                annotation.target == "lyrics" or annotation.article_id in live_articles
            ):
                items.append(annotation_w3c(annotation))
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "lyricpad annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }

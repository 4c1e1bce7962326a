"""W3C Web Annotation export (JSON-LD with quote and position selectors) and its import."""

import json

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.export import export_json, export_w3c
from lyricpad.core.merge import MergeRefused, is_w3c, merge_json, merge_w3c
from lyricpad.core.store import Library

STAMP = "2024-05-01T12:00:00.000+00:00"


def without_annotations(lib: Library) -> Library:
    """A new library holding *lib*'s songs, articles and lenses, but none of its annotations."""
    data = export_json(lib, exported=STAMP)
    data["annotations"] = []
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, data)
    return fresh


def annotations(lib: Library) -> list[dict]:
    return export_json(lib, exported=STAMP)["annotations"]


def test_structure():
    lib = Library.open(None)
    data = export_w3c(lib)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 6
    items = data["first"]["items"]
    first = items[0]
    assert first["type"] == "Annotation" and first["id"].startswith("urn:uuid:")
    assert first["motivation"] == "commenting"
    purposes = {b["purpose"] for b in first["body"]}
    assert purposes == {"commenting", "tagging", "classifying"}
    selectors = {s["type"]: s for s in first["target"]["selector"]}
    quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
    song = lib.songs.all()[0]
    assert song.lyrics[position["start"] : position["end"]] == quote["exact"]
    assert first["target"]["source"] == f"urn:uuid:{song.id}"
    chorus = next(i for i in items if isinstance(i["target"], list))
    assert len(chorus["target"]) == 3  # one target per fragment
    json.dumps(data)
    assert is_w3c(data)


def test_trash_and_unknown_songs():
    lib = Library.open(None)
    song = lib.songs.all()[0]
    lib.annotations.set_deleted(lib.annotations.for_song(song.id)[0].id)
    assert export_w3c(lib, song.id)["total"] == 5
    with pytest.raises(Exception, match="no song"):
        export_w3c(lib, ["00000000-0000-4000-8000-000000000000"])


def test_round_trip_keeps_ids_and_adds_nothing_twice():
    lib = Library.open(None)
    data = export_w3c(lib)
    fresh = without_annotations(lib)
    report = merge_w3c(fresh, json.dumps(data))
    assert report.added == 6 and not report.warnings
    assert annotations(fresh) == annotations(lib)
    again = merge_w3c(fresh, data)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 6)


def test_a_newer_local_edit_is_not_overwritten_and_a_newer_file_wins():
    lib = Library.open(None)
    fresh = without_annotations(lib)
    merge_w3c(fresh, export_w3c(lib))
    first, second = (a.id for a in lib.annotations.for_song(lib.songs.all()[0].id)[:2])
    fresh.annotations.set_note(first, "mine, later")
    lib.annotations.set_note(second, "theirs, later")
    report = merge_w3c(fresh, export_w3c(lib))
    assert fresh.annotations.get(first).note == "mine, later"
    assert fresh.annotations.get(second).note == "theirs, later"
    assert report.updated == 1


def test_an_edited_text_places_annotations_by_quote():
    lib = Library.open(None, seed_demo=False)
    lyrics = "alpha\nbeta\ngamma"
    song = lib.songs.add("S", lyrics=lyrics)
    annotation = lib.annotations.add(song.id, [anchor_for_lines(lyrics, 2, 2)], note="n")
    data = export_w3c(lib)
    fresh = without_annotations(lib)
    fresh.songs.update(song.id, lyrics="intro\nalpha\nbeta\ngamma")
    merge_w3c(fresh, data)
    placed = fresh.annotations.get(annotation.id)
    assert (placed.status, placed.first.line_start) == ("anchored", 3)


def test_an_annotation_from_another_tool():
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("S", lyrics="alpha\nbeta\ngamma")
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/anno/1",
        "type": "Annotation",
        "bodyValue": "a *comment*",
        "body": [
            {"type": "TextualBody", "value": "Imagery", "purpose": "classifying"},
            {"type": "TextualBody", "value": "Nowhere", "purpose": "classifying"},
            {"type": "TextualBody", "value": "my tag", "purpose": "tagging"},
        ],
        "target": {
            "source": f"urn:uuid:{song.id}",
            "selector": {"type": "TextQuoteSelector", "exact": "beta"},
        },
    }
    report = merge_w3c(lib, foreign)
    assert report.added == 1 and len(report.warnings) == 1
    (annotation,) = lib.annotations.for_song(song.id)
    assert annotation.note == "a *comment*" and annotation.lens.name == "Imagery"
    assert annotation.tags == ("my-tag",) and annotation.quote == "beta" and annotation.status == "anchored"
    assert merge_w3c(lib, foreign).added == 0  # the same IRI gives the same id


def test_a_quote_that_is_gone_is_orphaned():
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("S", lyrics="alpha\nbeta")
    item = {
        "id": "urn:uuid:11111111-1111-4111-8111-111111111111",
        "type": "Annotation",
        "modified": STAMP,
        "target": {
            "source": f"urn:uuid:{song.id}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "omega", "prefix": "x", "suffix": "y"},
                {"type": "TextPositionSelector", "start": 0, "end": 5},
            ],
        },
    }
    merge_w3c(lib, item)
    assert lib.annotations.get("11111111-1111-4111-8111-111111111111").status == "orphaned"


def _demo_item(lib):
    return export_w3c(lib)["first"]["items"][0]


BAD = {
    "not JSON": lambda lib: "nope{",
    "a number": lambda lib: "42",
    "no annotations": lambda lib: {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Thing"},
    "linked page": lambda lib: {"type": "AnnotationCollection", "first": "https://example.org/page1"},
    "unknown text": lambda lib: {
        **_demo_item(lib),
        "target": {
            "source": "https://example.org/song",
            "selector": {"type": "TextQuoteSelector", "exact": "x"},
        },
    },
    "no selector": lambda lib: {**_demo_item(lib), "target": {"source": _demo_item(lib)["target"]["source"]}},
    "bad position": lambda lib: {
        **_demo_item(lib),
        "target": {
            "source": _demo_item(lib)["target"]["source"],
            "selector": {"type": "TextPositionSelector", "start": "a", "end": 3},
        },
    },
    "bad time": lambda lib: {
        **_demo_item(lib),
        "id": "urn:uuid:22222222-2222-4222-8222-222222222222",
        "modified": "soon",
    },
    "no id": lambda lib: {k: v for k, v in _demo_item(lib).items() if k != "id"},
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_and_changes_nothing(name):
    lib = Library.open(None)
    data = BAD[name](lib)
    good = {**_demo_item(lib), "id": "urn:uuid:33333333-3333-4333-8333-333333333333"}
    if isinstance(data, dict) and data.get("type") == "Annotation":
        data = [good, data]  # a good annotation first: it must not be written either
    before = export_json(lib, exported=STAMP)
    with pytest.raises(MergeRefused, match="nothing was changed"):
        merge_w3c(lib, data)
    assert export_json(lib, exported=STAMP) == before

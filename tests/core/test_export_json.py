"""JSON export of the whole library and its merge back: ids kept, newer wins, bad files refused without a change."""

import json

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.errors import LyricpadError
from lyricpad.core.export import dumps_json, export_json
from lyricpad.core.merge import MergeRefused, merge_file, merge_json
from lyricpad.core.store import Library

STAMP = "2024-05-01T12:00:00.000+00:00"


def snapshot(lib: Library) -> dict:
    return export_json(lib, exported=STAMP)


@pytest.fixture
def source() -> Library:
    lib = Library.open(None)
    song = lib.songs.all()[0]
    trashed = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 4, 4)], note="in the trash")
    lib.annotations.set_deleted(trashed.id)
    other = lib.songs.add("Other", lyrics="one\ntwo", line_times=[[1000], None])
    lib.songs.set_deleted(other.id)
    lib.lenses.add("Custom", "#123456")
    return lib


def test_export_has_everything(source):
    data = snapshot(source)
    assert data["format"] == "lyricpad" and data["version"] == 1
    assert {s["title"] for s in data["songs"]} == {"Lanterns on the Water", "Other"}
    assert any(s["deleted"] for s in data["songs"]) and any(a["deleted"] for a in data["annotations"])
    assert len(data["articles"]) == 1 and len(data["annotations"]) == 7
    assert "Custom" in [lens["name"] for lens in data["lenses"]]
    assert "personification" in data["tags"]
    json.loads(dumps_json(data))


def test_round_trip_into_a_fresh_library_keeps_everything(source):
    data = snapshot(source)
    fresh = Library.open(None, seed_demo=False)
    report = merge_json(fresh, dumps_json(data))
    assert report.added == 2 + 1 + 7 + 1  # songs, article, annotations, the custom lens
    assert snapshot(fresh) == data


def test_importing_twice_adds_nothing(source):
    data = snapshot(source)
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, data)
    report = merge_json(fresh, data)
    assert (report.added, report.updated) == (0, 0)
    assert snapshot(fresh) == data


def test_tags_no_annotation_uses_are_imported(source):
    source.tags.ensure(["unused", "Spare-Tag"])
    data = snapshot(source)
    assert {"unused", "Spare-Tag"} <= set(data["tags"])
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, {**data, "tags": [*data["tags"], "#", "  "]})  # no tag once cleaned: passed over
    assert fresh.tags.all() == source.tags.all()
    assert snapshot(fresh) == data


def test_merge_file_reads_a_file(source, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text("\ufeff" + dumps_json(snapshot(source)), encoding="utf-8")
    fresh = Library.open(None, seed_demo=False)
    assert merge_file(fresh, path).added == 11


def test_a_newer_local_edit_is_not_overwritten(source):
    data = snapshot(source)
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, data)
    annotation = fresh.annotations.for_song(data["songs"][0]["id"])[0]
    fresh.annotations.set_note(annotation.id, "edited here, later")
    report = merge_json(fresh, data)
    assert fresh.annotations.get(annotation.id).note == "edited here, later"
    assert report.updated == 0


def test_a_newer_file_wins(source):
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, snapshot(source))
    song_id = source.songs.all()[0].id
    annotation = source.annotations.for_song(song_id)[0]
    source.annotations.set_note(annotation.id, "edited in the source")
    source.songs.update(song_id, album="New album")
    report = merge_json(fresh, snapshot(source))
    assert report.by_kind["annotations"]["updated"] == 1 and report.by_kind["songs"]["updated"] == 1
    assert fresh.annotations.get(annotation.id).note == "edited in the source"
    assert fresh.songs.get(song_id).album == "New album"
    assert snapshot(fresh) == snapshot(source)


def test_newer_lyrics_in_the_file_re_anchor_local_annotations():
    source = Library.open(None, seed_demo=False)
    lyrics = "alpha\nbeta\ngamma"
    song = source.songs.add("S", lyrics=lyrics)
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, snapshot(source))
    local = fresh.annotations.add(song.id, [anchor_for_lines(lyrics, 3, 3)], note="made here")
    source.songs.update(song.id, lyrics="new first line\nalpha\nbeta\ngamma")
    merge_json(fresh, snapshot(source))
    moved = fresh.annotations.get(local.id)
    assert (moved.status, moved.first.line_start, moved.first.quote) == ("anchored", 4, "gamma")


def test_an_annotation_from_an_older_text_is_placed_on_the_newer_local_text():
    source = Library.open(None, seed_demo=False)
    song = source.songs.add("S", lyrics="alpha\nbeta\ngamma")
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, snapshot(source))
    fresh.songs.update(song.id, lyrics="intro\nalpha\nbeta\ngamma")
    annotation = source.annotations.add(song.id, [anchor_for_lines("alpha\nbeta\ngamma", 2, 2)], note="n")
    merge_json(fresh, snapshot(source))
    placed = fresh.annotations.get(annotation.id)
    assert (placed.status, placed.first.line_start, placed.first.quote) == ("anchored", 3, "beta")
    assert fresh.songs.get(song.id).lyrics.startswith("intro")  # the newer local lyrics stay


def test_lenses_are_matched_by_name_when_ids_differ(source):
    data = snapshot(source)
    custom = next(lens for lens in data["lenses"] if lens["name"] == "Custom")
    fresh = Library.open(None, seed_demo=False)
    mine = fresh.lenses.add("custom", "#654321")
    song = source.songs.all()[0]
    source.annotations.set_lens(source.annotations.for_song(song.id)[0].id, custom["id"])
    merge_json(fresh, snapshot(source))
    assert [lens.id for lens in fresh.lenses.all()].count(mine.id) == 1
    assert fresh.annotations.for_song(song.id)[0].lens.id == mine.id
    assert fresh.lenses.get(mine.id).colour == "#654321"


def _valid() -> dict:
    return snapshot(Library.open(None))


def _with(change):
    data = _valid()
    change(data)
    return data


BAD = {
    "not JSON": "{not json",
    "not UTF-8": b"\xff\xfe\x00garbage",
    "a list": "[1, 2]",
    "another format": '{"format": "something", "version": 1}',
    "newer version": _with(lambda d: d.update(version=99)),
    "songs not a list": _with(lambda d: d.update(songs={"a": 1})),
    "unknown lens": _with(
        lambda d: d["annotations"][0].update(lens_id="00000000-0000-4000-8000-000000000000")
    ),
    "missing song": _with(lambda d: d.update(songs=[])),
    "missing article": _with(lambda d: d.update(articles=[])),
    "bad time": _with(lambda d: d["songs"][0].update(updated="yesterday")),
    "bad id": _with(lambda d: d["songs"][0].update(id="'; DROP TABLE songs")),
    "duplicate id": _with(lambda d: d["annotations"].append(dict(d["annotations"][0]))),
    "bad fragment": _with(lambda d: d["annotations"][0]["fragments"][0].update(start=-4)),
    "no fragments": _with(lambda d: d["annotations"][0].update(fragments=[])),
    "bad status": _with(lambda d: d["annotations"][0].update(status="lost")),
    "bad colour": _with(
        lambda d: d.update(
            lenses=[{"id": "10000000-0000-4000-8000-000000000000", "name": "N", "colour": "red"}]
        )
    ),
    "bad line times": _with(lambda d: d["songs"][0].update(line_times="soon")),
    "empty title": _with(lambda d: d["songs"][0].update(title="  ")),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_and_changes_nothing(name):
    lib = Library.open(None, seed_demo=False)
    lib.songs.add("Mine", lyrics="x")
    before = snapshot(lib)
    data = BAD[name]
    # No demo here: every id in the file is new, and a valid file would add them.
    with pytest.raises(MergeRefused) as info:
        merge_json(lib, data)
    assert isinstance(info.value, LyricpadError)
    assert "nothing was changed" in str(info.value)
    assert str(info.value).count("\n") == 0
    assert snapshot(lib) == before

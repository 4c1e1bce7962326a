"""A song's translation in the library: stored line-aligned, its lines following the lyrics' through edits."""

import pytest
from library_testing import GERMAN_TRANSLATION as GERMAN
from library_testing import TRANSLATED_LYRICS as LYRICS
from library_testing import add_translated_song

from lyricpad.core.errors import InvalidValue
from lyricpad.core.export import export_json
from lyricpad.core.merge import merge_json
from lyricpad.core.store import Library


@pytest.fixture
def lib(empty_library):
    return empty_library


@pytest.fixture
def song(lib):
    return add_translated_song(lib)


def test_a_translation_is_stored_and_removed(lib, song):
    stored = lib.translations.get(song.id)
    assert (stored.language, stored.lines) == ("de", GERMAN)
    assert lib.translations.remove(song.id) is True
    assert lib.translations.get(song.id) is None
    assert lib.translations.remove(song.id) is False


@pytest.mark.parametrize("lines", [GERMAN[:-1], [*GERMAN, "mehr"], ["a\nb", *GERMAN[1:]]])
def test_a_translation_of_other_lines_is_refused_and_the_old_one_kept(lib, song, lines):
    with pytest.raises(InvalidValue):
        lib.translations.set(song.id, lines)
    assert lib.translations.get(song.id).lines == GERMAN


def test_translation_lines_follow_inserted_deleted_and_changed_lyric_lines(lib, song):
    lyrics = "Intro\n" + LYRICS.replace("on the water\n", "").replace("Hold on", "Hold on tight")
    lib.songs.update(song.id, lyrics=lyrics)
    assert lib.translations.get(song.id).lines == [
        "",
        "[Strophe]",
        "Die Laterne",
        "",
        "[Refrain]",
        "Halt fest",
    ]


def test_undo_restores_the_translation_exactly_and_without_a_snapshot_follows_back(lib, song):
    before, state = lib.songs.get(song.id), lib.snapshots.study_data(song.id)
    lib.songs.update(song.id, lyrics=LYRICS.replace("on the water\n", ""))
    lib.snapshots.restore_song(before, study=state)
    assert lib.snapshots.study_data(song.id) == state
    lib.songs.update(song.id, lyrics="New\n" + LYRICS)
    lib.snapshots.restore_song(before)  # no snapshot: the inserted line's empty line goes again
    assert lib.translations.get(song.id).lines == GERMAN


def test_the_translation_and_corrections_and_note_times_travel_in_the_json(lib, song):
    from lyricpad.core.anchoring import anchor_for_lines

    lib.corrections.set(song.id, 2, "syllables", 3)
    note = lib.annotations.add(song.id, [anchor_for_lines(LYRICS, 2, 2)], note="lamp")
    lib.snapshots.restore_annotation(note.__class__(**{**note.__dict__, "time_ms": 12_340}))
    data = export_json(lib, exported="2024-05-01T12:00:00.000+00:00")
    assert data["annotations"][0]["time_ms"] == 12_340
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, data)
    assert fresh.translations.get(song.id) == lib.translations.get(song.id)
    assert fresh.corrections.stored(song.id) == lib.corrections.stored(song.id)
    assert fresh.annotations.get(note.id).time_ms == 12_340
    assert export_json(fresh, exported="2024-05-01T12:00:00.000+00:00") == data
    report = merge_json(fresh, data)
    assert (report.added, report.updated) == (0, 0)


def test_a_file_without_study_data_still_imports(lib, song):
    data = export_json(lib)
    for key in ("study_corrections", "translations"):
        del data[key]
    for item in data["annotations"]:
        item.pop("time_ms", None)
    fresh = Library.open(None, seed_demo=False)
    merge_json(fresh, data)
    assert fresh.songs.get(song.id).lyrics == LYRICS and fresh.translations.get(song.id) is None


def test_a_file_translation_of_other_lyrics_follows_the_lyrics_here(lib, song):
    data = export_json(lib)
    here = Library.open(None, seed_demo=False)
    merge_json(here, {**data, "translations": []})
    here.songs.update(song.id, lyrics="Intro\n" + LYRICS)  # edited here after the file was written
    newer = dict(data["translations"][0], updated="2999-01-01T00:00:00.000+00:00")
    merge_json(here, {**data, "songs": data["songs"], "translations": [newer]})
    assert here.translations.get(song.id).lines == ["", *GERMAN]

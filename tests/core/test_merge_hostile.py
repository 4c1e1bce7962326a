"""A JSON or W3C file is hostile until checked: offsets, numbers, strings, ids and shapes from it are validated."""

import copy
import json
import uuid

import pytest
from library_testing import merge_refusal as refusal

from lyricpad.core.check import check_library
from lyricpad.core.export import dumps_json, export_json, export_w3c
from lyricpad.core.merge import MergeRefused, merge_file, merge_json, merge_w3c
from lyricpad.core.merge_plan import refuse
from lyricpad.core.store import Library
from lyricpad.core.text import LineIndex

LATER = "2099-01-01T00:00:00.000+00:00"


@pytest.fixture
def lib(library_path):
    lib = Library.open(library_path)
    yield lib
    lib.close()


def assert_sound(lib: Library) -> None:
    """The library passes `lyricpad check`, and no stored line number lies beyond its text."""
    report = check_library(lib)
    assert not report.problems, [str(p) for p in report.problems]
    for song in lib.songs.all():
        for annotation in lib.annotations.for_song(song.id, include_deleted=True):
            text = lib.annotations.target_text(song.id, annotation.target, annotation.article_id)
            lines = LineIndex(text).line_of(max(len(text) - 1, 0))
            for fragment in annotation.fragments:
                assert 0 <= fragment.start <= fragment.end <= len(text)
                assert 1 <= fragment.line_start <= fragment.line_end <= lines


def with_new_annotation(lib: Library, change) -> tuple[dict, str]:
    """The library's export holding one new annotation (a copy of the first), changed by *change*."""
    data = export_json(lib)
    added = copy.deepcopy(next(a for a in data["annotations"] if a["target"] == "lyrics"))
    added["id"] = str(uuid.uuid4())
    change(added["fragments"][0], data)
    data["annotations"].append(added)
    return data, added["id"]


# ------------------------------------------------------------------ fragments against their text


def _past_the_end(fragment, data):
    size = len(data["songs"][0]["lyrics"])
    fragment.update(start=size - 3, end=size + 500)


def _quote_elsewhere(fragment, data):
    fragment.update(start=0, end=len(fragment["quote"]))


def _huge_line_end(fragment, data):
    fragment.update(line_end=10**12)


def _wrong_lines(fragment, data):
    fragment.update(line_start=40, line_end=41)


def _huge_proposal(fragment, data):
    fragment.update(start=0, end=len(fragment["quote"]))
    fragment["proposal"] = {"start": 0, "end": 10**9, "line_start": 1, "line_end": 10**12}


@pytest.mark.parametrize(
    "change", [_past_the_end, _quote_elsewhere, _huge_line_end, _wrong_lines, _huge_proposal]
)
def test_fragments_on_unchanged_lyrics_are_checked_against_the_text(lib, change):
    data, added = with_new_annotation(lib, change)
    merge_json(lib, data)
    annotation = lib.annotations.get(added)
    text = lib.annotations.target_text(annotation.song_id)
    if annotation.status == "anchored":
        for fragment in annotation.fragments:
            assert text[fragment.start : fragment.end] == fragment.quote
    assert_sound(lib)


def test_a_newer_annotation_is_checked_against_the_text_too(lib):
    data = export_json(lib)
    first = next(a for a in data["annotations"] if a["target"] == "lyrics")
    first["updated"] = LATER
    first["fragments"][0]["line_end"] = 10**12
    merge_json(lib, data)
    assert lib.annotations.get(first["id"]).fragments[0].line_end < 100
    assert_sound(lib)


def test_an_empty_quote_is_refused(lib):
    data, _ = with_new_annotation(lib, lambda f, d: f.update(quote=""))
    assert "empty quote" in refusal(merge_json, lib, data)


def test_w3c_positions_past_the_end_are_never_stored(lib):
    song = lib.songs.all()[0]
    data = export_w3c(lib, [song.id])
    item = data["first"]["items"][0] if "first" in data else data["items"][0]
    item["id"] = f"urn:uuid:{uuid.uuid4()}"
    for selector in item["target"]["selector"] if isinstance(item["target"], dict) else []:
        if selector["type"] == "TextPositionSelector":
            selector.update(start=10**6, end=10**6 + 5)
        else:
            selector.update(exact="not in these lyrics at all", prefix="", suffix="")
    merge_w3c(lib, data)
    assert_sound(lib)


def test_full_lyrics_export_works_after_a_hostile_import(lib, library_path, tmp_path, cli):
    data, _ = with_new_annotation(lib, _huge_line_end)
    path = tmp_path / "hostile.json"
    path.write_text(dumps_json(data), encoding="utf-8")
    lib.close()
    code, out, err = cli("import", path)
    assert code == 0, err
    # Checked before the export: a line_end of 10**12 would make it use all the memory there is.
    with Library.open(library_path) as stored:
        for song in stored.songs.all():
            lines = LineIndex(song.lyrics).line_count
            for annotation in stored.annotations.for_song(song.id, include_deleted=True):
                assert all(f.line_end <= lines for f in annotation.fragments if annotation.target == "lyrics")
    code, out, err = cli("export", "--all", "--full-lyrics")
    assert code == 0, err
    assert "Lanterns on the Water" in out


# ------------------------------------------------------------------ numbers and strings


def _in_song_year(data, value):
    data["songs"][0]["year"] = value


def _in_fragment_start(data, value):
    data["annotations"][0]["fragments"][0]["start"] = value


def _in_a_note(data, value):
    data["annotations"][0]["note"] = value


def _in_a_key(data, value):
    data["songs"][0][value if isinstance(value, str) else "x"] = 1


HOSTILE = {
    "2**63 in a year": (_in_song_year, 2**63, "songs[0].year"),
    "-2**63-1 in a start": (_in_fragment_start, -(2**63) - 1, "annotations[0].fragments[0].start"),
    "2**200 in a start": (_in_fragment_start, 2**200, "annotations[0].fragments[0].start"),
    "a lone surrogate in a note": (_in_a_note, "a\ud800b", "annotations[0].note"),
    "a lone surrogate in a key": (_in_a_key, "\udfff", "songs[0]"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_huge_numbers_and_lone_surrogates_are_refused_naming_where(lib, tmp_path, name):
    put, value, where = HOSTILE[name]
    data = export_json(lib)
    put(data, value)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="ascii")  # surrogates escaped, as a script writes them
    assert where in refusal(merge_file, lib, path)
    assert where in refusal(merge_json, lib, data)


@pytest.mark.parametrize("name", ["2**63 in a year", "a lone surrogate in a note"])
def test_the_cli_refuses_them_with_one_line(lib, tmp_path, cli, name):
    put, value, where = HOSTILE[name]
    data = export_json(lib)
    put(data, value)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="ascii")
    lib.close()
    code, out, err = cli("import", path)
    assert code == 1 and out == ""
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1 and where in err


def test_w3c_with_a_lone_surrogate_is_refused(lib):
    data = export_w3c(lib, [lib.songs.all()[0].id])
    data["label"] = "\ud800"
    assert "label" in refusal(merge_w3c, lib, data)


# ------------------------------------------------------------------ ids


def _spellings(value: str) -> list[str]:
    return [f"{{{value}}}", f"urn:uuid:{value}", value.upper(), value.replace("-", "")]


@pytest.mark.parametrize("spelling", range(4))
def test_ids_in_other_spellings_are_the_same_items(lib, spelling):
    data = export_json(lib, exported=LATER)
    before = json.loads(dumps_json(data))
    for kind in ("songs", "articles", "lenses", "annotations"):
        for item in data[kind]:
            item["id"] = _spellings(item["id"])[spelling]
    for item in data["articles"] + data["annotations"]:
        item["song_id"] = _spellings(item["song_id"])[spelling]
        if item.get("article_id"):
            item["article_id"] = _spellings(item["article_id"])[spelling]
        if item.get("lens_id"):
            item["lens_id"] = _spellings(item["lens_id"])[spelling]
    report = merge_json(lib, data)
    assert (report.added, report.updated) == (0, 0)
    assert json.loads(dumps_json(export_json(lib, exported=LATER))) == before


def test_a_new_song_with_an_other_spelling_is_stored_canonical(tmp_path):
    fresh = Library.open(tmp_path / "fresh.sqlite", seed_demo=False)
    data = export_json(Library.open(None))
    song_id = data["songs"][0]["id"]
    data["songs"][0]["id"] = f"{{{song_id.upper()}}}"
    for item in data["articles"] + data["annotations"]:
        item["song_id"] = f"urn:uuid:{song_id.replace('-', '')}"
    merge_json(fresh, data)
    assert [s.id for s in fresh.songs.all()] == [song_id]
    assert_sound(fresh)


@pytest.mark.parametrize("key", ["id", "song_id", "article_id", "lens_id"])
def test_a_reference_that_is_not_a_uuid_is_refused_naming_it(lib, key):
    data = export_json(lib)
    annotation = next(a for a in data["annotations"] if a["target"] == "article" and a.get("lens_id"))
    annotation[key] = "not-a-uuid"
    message = refusal(merge_json, lib, data)
    assert "'not-a-uuid'" in message and "UUID" in message


# ------------------------------------------------------------------ an article moved to another song


@pytest.mark.parametrize("annotations", ["left out", "moved too"])
def test_an_article_moved_to_another_song_takes_its_annotations(lib, annotations):
    other = lib.songs.add("Other", lyrics="one\ntwo")
    data = export_json(lib)
    article = data["articles"][0]
    article.update(song_id=other.id, updated=LATER)
    if annotations == "left out":
        data["annotations"] = []
    for annotation in data["annotations"]:
        if annotation.get("article_id") == article["id"]:
            annotation["song_id"] = other.id
    merge_json(lib, data)
    assert lib.articles.get(article["id"]).song_id == other.id
    moved = [a for a in lib.annotations.for_song(other.id, include_deleted=True) if a.article_id]
    assert moved and all(a.article_id == article["id"] for a in moved)
    assert_sound(lib)


# ------------------------------------------------------------------ size and nesting


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(lib, tmp_path, monkeypatch):
    from lyricpad.core import merge

    monkeypatch.setattr(merge, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(dumps_json(export_json(lib)), encoding="utf-8")
    assert "too big to import" in refusal(merge_file, lib, path)


@pytest.mark.parametrize("depth", [65, 200, 100_000])
def test_deep_nesting_is_refused_with_one_message(lib, tmp_path, depth):
    data = export_json(lib)
    text = dumps_json(data).rstrip()[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    assert "nested deeper than 64 levels" in refusal(merge_file, lib, path)
    message = refusal(merge_json, lib, text)
    assert "nested deeper than 64 levels" in message and len(message) < 200  # not a path of 64 steps


def test_a_number_of_thousands_of_digits_is_refused_in_lyricpads_words(lib):
    text = dumps_json(export_json(lib)).rstrip()[:-1] + ', "x": ' + "9" * 5000 + "}"
    message = refusal(merge_json, lib, text)
    assert "number too big to store" in message and "set_int_max_str_digits" not in message


def test_a_size_just_over_a_limit_is_told_apart_from_the_limit():
    from lyricpad.core.importers import size_label

    assert size_label(64 * 1024 * 1024) == "64.0 MB"
    assert size_label(64 * 1024 * 1024 + 1) != size_label(64 * 1024 * 1024)


def test_nesting_within_the_limit_is_read(lib):
    text = dumps_json(export_json(lib)).rstrip()[:-1] + ', "x": ' + "[" * 60 + "]" * 60 + "}"
    assert merge_json(lib, text).added == 0


# ------------------------------------------------------------------ messages


def test_a_refusal_wrapping_a_refusal_says_nothing_was_changed_once():
    inner = "the change was refused by the library: UNIQUE; nothing was changed"
    assert str(refuse(inner)).count("nothing was changed") == 1
    busy = "lib is busy: another program is keeping it locked; nothing was changed, try again"
    assert str(refuse(busy)).count("nothing was changed") == 1
    assert str(refuse(busy)).endswith("try again")


def test_a_merge_the_library_refuses_says_nothing_was_changed_once(lib):
    data = export_json(lib)
    data["songs"][0]["updated"] = LATER
    reader = lib.reader()  # a connection that only reads: the library refuses to write
    try:
        with pytest.raises(MergeRefused) as info:
            merge_json(reader, data)
    finally:
        reader.close()
    assert str(info.value).count("nothing was changed") == 1


# ------------------------------------------------------------------ the store's own check


@pytest.mark.parametrize(
    "place",
    [
        {"start": 10_000, "end": 10_001, "quote": ""},  # past the end, where every slice is empty
        {"line_start": 1, "line_end": 10**12},
    ],
)
def test_the_store_refuses_fragments_that_do_not_hold_on_the_text(lib, place):
    from dataclasses import replace

    from lyricpad.core.anchoring import anchor_for_range
    from lyricpad.core.errors import InvalidValue

    song = lib.songs.all()[0]
    fragment = replace(anchor_for_range(song.lyrics, 0, 5), **place)
    with pytest.raises(InvalidValue):
        lib.annotations.add(song.id, [fragment], note="x")


def test_w3c_ids_in_other_spellings_are_the_same_items(lib):
    data = export_w3c(lib, [lib.songs.all()[0].id])
    before = json.loads(dumps_json(export_json(lib, exported=LATER)))
    for item in data["first"]["items"]:
        item["id"] = "urn:uuid:" + item["id"].removeprefix("urn:uuid:").upper().replace("-", "")
        for target in item["target"] if isinstance(item["target"], list) else [item["target"]]:
            target["source"] = "urn:uuid:{" + target["source"].removeprefix("urn:uuid:") + "}"
        for body in item["body"]:
            if body.get("purpose") == "classifying":  # the lens, by id: its name is another's
                body.update(id=body["id"].upper(), value="no such lens")
    report = merge_w3c(lib, data)
    assert (report.added, report.updated) == (0, 0)
    assert json.loads(dumps_json(export_json(lib, exported=LATER))) == before


def test_a_w3c_urn_that_is_not_a_uuid_is_refused_naming_it(lib):
    data = export_w3c(lib, [lib.songs.all()[0].id])
    data["first"]["items"][0]["id"] = "urn:uuid:1234"
    assert "'urn:uuid:1234'" in refusal(merge_w3c, lib, data)

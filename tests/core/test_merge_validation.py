"""A merge reads and checks the whole file first: every problem is listed in one refusal, and nothing is written."""

import copy

import pytest
from library_testing import merge_refusal as refusal

from lyricpad.core.export import export_json, export_w3c
from lyricpad.core.merge import MergeRefused, merge_json, merge_w3c
from lyricpad.core.merge_plan import MAX_LISTED
from lyricpad.core.store import Library

STAMP = "2024-05-01T12:00:00.000+00:00"
NO_LENS = "00000000-0000-4000-8000-000000000000"
NEW_LENS = "10000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def export() -> dict:
    return export_json(Library.open(None), exported=STAMP)


@pytest.fixture
def library(library_path):
    lib = Library.open(library_path, seed_demo=False)
    lib.songs.add("Mine", lyrics="x")
    yield lib
    lib.close()


def test_every_problem_of_a_json_export_is_listed_with_where_it_is(library, export):
    data = copy.deepcopy(export)
    data["songs"][0]["updated"] = "yesterday"
    data["annotations"][0]["fragments"][0]["start"] = -4
    data["annotations"][1]["lens_id"] = NO_LENS
    data["lenses"].append({"id": NEW_LENS, "name": "New", "colour": "red"})
    message = refusal(merge_json, library, data)
    assert "the file has 4 problems" in message
    assert "(1) " in message and "(4) " in message and "(5) " not in message
    assert "songs[0]: the song 'Lanterns on the Water' has a time that is not ISO 8601" in message
    assert "annotations[0]: " in message and "impossible range" in message
    assert f"{data['annotations'][1]['id']!r} has the lens {NO_LENS!r}" in message
    assert f"lens {NEW_LENS}: the lens 'New': the colour 'red'" in message


def test_a_song_that_cannot_be_read_is_not_reported_again_by_what_refers_to_it(library, export):
    data = copy.deepcopy(export)
    data["songs"][0]["created"] = 12
    message = refusal(merge_json, library, data)
    assert message.startswith("cannot import: songs[0]: ") and "problems" not in message


def test_a_long_list_of_problems_is_cut_short(library, export):
    data = copy.deepcopy(export)
    template = data["annotations"][0]
    data["annotations"] = [
        {**template, "id": f"20000000-0000-4000-8000-{n:012d}", "status": "lost"}
        for n in range(MAX_LISTED + 5)
    ]
    message = refusal(merge_json, library, data)
    assert f"the file has {MAX_LISTED + 5} problems" in message
    assert f"({MAX_LISTED}) annotations[{MAX_LISTED - 1}]" in message and f"({MAX_LISTED + 1})" not in message
    assert message.endswith("; and 5 more; nothing was changed")


def test_nothing_is_written_when_the_last_item_alone_is_invalid(library, export):
    data = copy.deepcopy(export)
    data["annotations"][-1]["tags"] = ["fine", 7]
    before = export_json(library, exported=STAMP)
    message = refusal(merge_json, library, data)
    assert message.startswith("cannot import: annotations[") and "tags that are not text" in message
    assert export_json(library, exported=STAMP) == before
    merge_json(library, export)  # the same file, mended, is merged
    assert len(library.songs.all()) == 2


def test_every_problem_of_a_w3c_file_is_listed_and_the_good_annotations_are_not_written():
    lib = Library.open(None)
    good = {**export_w3c(lib)["first"]["items"][0], "id": "urn:uuid:33333333-3333-4333-8333-333333333333"}
    source = good["target"]["source"]
    items = [
        good,
        {**good, "id": "urn:uuid:44444444-4444-4444-8444-444444444444", "target": {"source": source}},
        {
            **good,
            "id": "https://example.org/anno/2",
            "target": {"source": "https://example.org/song", "selector": good["target"]["selector"]},
        },
        {**good, "id": "urn:uuid:55555555-5555-4555-8555-555555555555", "modified": "soon"},
    ]
    before = export_json(lib, exported=STAMP)
    with pytest.raises(MergeRefused) as info:
        merge_w3c(lib, items)
    message = str(info.value)
    assert "the file has 3 problems" in message and "\n" not in message
    assert "items[1]: " in message and "no TextQuoteSelector or TextPositionSelector" in message
    assert "items[2]: " in message and "not in this library" in message
    assert "items[3]: " in message and "not ISO 8601: 'soon'" in message
    assert export_json(lib, exported=STAMP) == before

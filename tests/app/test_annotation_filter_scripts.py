"""The annotations filter reads words as every search does: as written in any script, case and accents ignored."""

import pytest

from lyricpad.app.annotation_filter import AnnotationFilterModel
from lyricpad.app.annotation_model import AnnotationModel, AnnotationRole
from lyricpad.core.anchoring import anchor_for_lines

LYRICS = "Straße der Lieder\nΕλληνικά τραγούδια\nx²y und ﬁnance"
NOTES = ["Ǆemal sang it", "東京タワー at night", "Le Café"]


@pytest.fixture
def proxy(qapp, empty_library):
    lib = empty_library
    song = lib.songs.add("Scripts", lyrics=LYRICS)
    for line, note in enumerate(NOTES, start=1):
        lib.annotations.add(song.id, [anchor_for_lines(LYRICS, line, line)], note=note)
    model = AnnotationModel()
    model.load(lib.annotations.for_song(song.id), [])
    proxy = AnnotationFilterModel()
    proxy.setSourceModel(model)
    return proxy


def notes_shown(proxy) -> list[str]:
    shown = []
    for group in range(proxy.rowCount()):
        parent = proxy.index(group, 0)
        for row in range(proxy.rowCount(parent)):
            shown.append(proxy.index(row, 0, parent).data(AnnotationRole.NOTE_LINE))
    return shown


@pytest.mark.parametrize(
    "typed, note",
    [
        ("Straße", "Ǆemal sang it"),  # the quote of line 1
        ("strasse", "Ǆemal sang it"),
        ("Ελληνικά", "東京タワー at night"),
        ("ελληνικα", "東京タワー at night"),
        ("x²y", "Le Café"),
        ("ﬁnance", "Le Café"),
        ("Ǆemal", "Ǆemal sang it"),
        ("東京", "東京タワー at night"),
        ("cafe", "Le Café"),
    ],
)
def test_the_annotations_filter_finds_words_as_written(proxy, typed, note):
    proxy.set_text_filter(typed)
    assert notes_shown(proxy) == [note]

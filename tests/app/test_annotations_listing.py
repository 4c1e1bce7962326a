"""What the annotations panel offers and says: the lens choices and a row's details line."""

import pytest

from lyricpad.app.annotation_model import NO_LENS
from lyricpad.app.annotations_listing import details_line, lens_choices
from lyricpad.core.models import Lens

pytestmark = pytest.mark.usefixtures("qapp")  # counts take their English plural forms from the translator


def lens(lens_id: str, name: str, colour: str = "#123456") -> Lens:
    return Lens(id=lens_id, name=name, colour=colour, position=0)


@pytest.mark.parametrize(
    ("lens_name", "tags", "places", "expected"),
    [
        ("Imagery", ["verse-1"], 1, "Imagery · #verse-1"),
        ("Structure", ["chorus"], 3, "Structure · 3 places · #chorus"),
        (None, None, 1, "No lens"),
        ("Theme", [], 2, "Theme · 2 places"),
        ("Theme", ["a", "b"], 1, "Theme · #a #b"),
    ],
)
def test_details_line(lens_name, tags, places, expected):
    assert details_line(lens_name, tags, places) == expected


def test_lens_choices_keep_the_offered_order_then_add_listed_lenses_then_no_lens():
    offered = [lens("b", "Beta", "#bbbbbb"), lens("a", "Alpha", "#aaaaaa")]
    listed = [lens("a", "Alpha", "#aaaaaa"), lens("gone", "Deleted lens", "#000000")]
    assert lens_choices(offered, listed, has_unlensed=True) == [
        ("b", "Beta", "#bbbbbb"),
        ("a", "Alpha", "#aaaaaa"),
        ("gone", "Deleted lens", "#000000"),
        (NO_LENS, "No lens", ""),
    ]


def test_no_lens_is_offered_only_when_an_annotation_has_none():
    assert lens_choices([lens("a", "Alpha")], [], has_unlensed=False) == [("a", "Alpha", "#123456")]
    assert lens_choices([], [], has_unlensed=False) == []

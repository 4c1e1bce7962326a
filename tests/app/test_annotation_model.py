"""The annotations model: groups in text order, row-by-row updates of 2,000 annotations, and its filter."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from lyricpad.app.annotation_filter import AnnotationFilterModel
from lyricpad.app.annotation_model import (
    NO_LENS,
    AnnotationModel,
    AnnotationRole,
    _increasing_run,
    first_line,
    group_annotations,
    search_text,
)
from lyricpad.core.anchoring import Anchor
from lyricpad.core.models import Annotation, Article, Lens

pytestmark = pytest.mark.usefixtures("qapp")  # counts take their English plural forms from the translator

LENSES = [
    Lens(f"lens{i}", name, colour, i)
    for i, (name, colour) in enumerate([("Imagery", "#3aa655"), ("Sound", "#8e5bd6"), ("Theme", "#d4a017")])
]
ARTICLES = [
    Article("art1", "song", "A close reading", "", "", "", 0, "", ""),
    Article("art2", "song", "", "", "", "", 1, "", ""),
]


def make(n: int, **fields) -> Annotation:
    """Annotation number *n*: on the lyrics, unless *fields* say otherwise."""
    quote = fields.pop("quote", f"line {n}")
    annotation = Annotation(
        id=f"a{n:05d}",
        song_id="song",
        target="lyrics",
        article_id=None,
        lens=LENSES[n % len(LENSES)],
        note=f"Note {n}",
        status="anchored",
        fragments=(Anchor(n * 10, n * 10 + len(quote), quote, "", "", n + 1, n + 1, 1),),
        tags=(f"t{n % 4}",),
    )
    return replace(annotation, **fields)


def on_article(n: int, article_id: str, **fields) -> Annotation:
    return make(n, target="article", article_id=article_id, **fields)


def many(count: int = 2000) -> list[Annotation]:
    return [make(n) if n % 5 else on_article(n, "art1") for n in range(count)]


def reread(annotations):
    """Equal but new objects, as the session hands out after every change."""
    return [replace(a) for a in annotations]


def layout(model) -> list[tuple[str, list[str]]]:
    """(group label, annotation ids) of every group, in order."""
    rows = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        rows.append(
            (
                group.data(),
                [model.index(r, 0, group).data(AnnotationRole.ID) for r in range(model.rowCount(group))],
            )
        )
    return rows


class Recorder:
    """Every structural signal a model emits, in order."""

    def __init__(self, model):
        self.events: list[tuple] = []
        model.rowsInserted.connect(
            lambda parent, first, last: self.events.append(("inserted", parent.data(), first, last))
        )
        model.rowsRemoved.connect(
            lambda parent, first, last: self.events.append(("removed", parent.data(), first, last))
        )
        model.dataChanged.connect(
            lambda top, bottom, roles=(): self.events.append(
                ("changed", top.parent().data(), top.row(), bottom.row())
            )
        )
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.layoutChanged.connect(lambda *args: self.events.append(("layout",)))
        model.rowsMoved.connect(lambda *args: self.events.append(("moved",)))


@pytest.fixture
def model(qtmodeltester):
    model = AnnotationModel()
    qtmodeltester.check(model)  # Qt's model tester keeps watching every change that follows
    return model


# ------------------------------------------------------------------- grouping


def test_groups_come_review_first_then_in_text_order_lyrics_articles_then_trash():
    annotations = [
        make(1),
        make(2, status="needs_review"),
        make(3),
        on_article(4, "art2"),
        on_article(5, "art1"),
        on_article(6, "art1", status="orphaned"),
        on_article(7, "gone"),  # its article is not listed (in the trash, say)
    ]
    trashed = [make(8, deleted=True)]
    groups = [
        (key, label, [a.id for a in rows])
        for key, label, rows in group_annotations(annotations, ARTICLES, trashed)
    ]
    assert groups == [
        ("review", "Needs review", ["a00002", "a00006"]),  # first: they wait for the user
        ("lyrics", "Lyrics", ["a00001", "a00003"]),
        ("article:art1", "Article: A close reading", ["a00005"]),
        ("article:art2", "Article: untitled", ["a00004"]),
        ("article:gone", "Article: untitled", ["a00007"]),
        ("trash", "Trash", ["a00008"]),
    ]


def test_empty_groups_are_left_out():
    assert [key for key, _, _ in group_annotations([on_article(1, "art2")], ARTICLES)] == ["article:art2"]
    assert group_annotations([], ARTICLES) == []


def test_an_id_given_twice_is_listed_once():
    annotation = make(1)
    groups = group_annotations([annotation], [], [replace(annotation, deleted=True)])
    assert [(key, len(rows)) for key, _, rows in groups] == [("lyrics", 1)]


def test_load_shows_groups_and_roles(model):
    model.load(
        [make(1, tags=("b", "a")), make(2, status="orphaned", note="**Bold** start\nmore")],
        ARTICLES,
        [make(3, deleted=True)],
    )
    assert layout(model) == [("Needs review", ["a00002"]), ("Lyrics", ["a00001"]), ("Trash", ["a00003"])]
    first = model.index_of("a00001")
    assert first.data() == "line 1"
    assert first.data(AnnotationRole.LENS_NAME) == "Sound"
    assert first.data(AnnotationRole.LENS_ID) == "lens1"
    assert first.data(AnnotationRole.LENS_COLOUR) == "#8e5bd6"
    assert first.data(AnnotationRole.TAGS) == ["b", "a"]
    assert first.data(AnnotationRole.BADGE) == ""
    assert not first.data(AnnotationRole.IN_TRASH)
    assert first.flags() & Qt.ItemFlag.ItemIsSelectable
    orphan = model.index_of("a00002")
    assert orphan.data(AnnotationRole.BADGE) == "orphaned"
    assert orphan.data(AnnotationRole.NOTE_LINE) == "Bold start"
    assert "Orphaned" in orphan.data(Qt.ItemDataRole.AccessibleTextRole)
    assert orphan.data(Qt.ItemDataRole.ToolTipRole).startswith("**Bold** start\nmore\n\nOrphaned:")
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "Note 1"
    assert model.index_of("a00003").data(AnnotationRole.IN_TRASH)
    heading = model.group_index("trash")
    assert heading.data(AnnotationRole.IS_GROUP) and not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert heading.data(Qt.ItemDataRole.AccessibleTextRole) == "Trash, 1 annotation"
    assert "Ctrl+Shift+R" in heading.data(Qt.ItemDataRole.ToolTipRole)
    assert model.annotation_count() == 2  # the trash is not counted
    assert model.tags() == ["a", "b", "t2", "t3"]
    assert not model.index_of("nope").isValid()


@pytest.mark.parametrize(
    "text, line",
    [
        ("", ""),
        ("\n\n  *Lamps* as birds\nsecond", "Lamps as birds"),
        ("`code` and __strong__", "code and strong"),
    ],
)
def test_first_line_takes_the_first_non_blank_line_without_emphasis(text, line):
    assert first_line(text) == line


def test_search_text_folds_case_and_accents_over_quotes_note_and_tags():
    annotation = make(1, quote="Café NOIR", note="Über alles", tags=("Façade",))
    text = search_text(annotation)
    assert " cafe noir " in text and " uber alles " in text and " facade " in text


@pytest.mark.parametrize(
    "positions, kept",
    [
        ([0, 1, 2], {0, 1, 2}),
        ([2, 0, 1], {1, 2}),
        ([0, -1, 1], {0, 2}),
        ([3, 2, 1, 0], {3}),
        ([], set()),
        ([-1, -1], set()),
    ],
)
def test_increasing_run_keeps_a_longest_ordered_subset(positions, kept):
    assert len(_increasing_run(positions)) == len(kept)
    chosen = sorted(_increasing_run(positions))
    assert all(positions[i] >= 0 for i in chosen)
    assert [positions[i] for i in chosen] == sorted(positions[i] for i in chosen)


# ------------------------------------------------------------ in-place updates


def test_changing_one_of_2000_annotations_emits_one_data_change(model):
    annotations = many()
    model.load(annotations, ARTICLES)
    events = Recorder(model)
    before = QPersistentModelIndex(model.index_of("a00001"))
    changed = reread(annotations)
    changed[1501] = replace(changed[1501], note="A new thought")
    model.update(changed, ARTICLES)
    row = model.index_of("a01501").row()
    assert events.events == [("changed", "Lyrics", row, row)]
    assert model.index_of("a01501").data(AnnotationRole.NOTE_LINE) == "A new thought"
    assert before.isValid() and before.data(AnnotationRole.ID) == "a00001"


def test_the_same_annotations_read_again_change_nothing(model):
    annotations = many()
    model.load(annotations, ARTICLES)
    events = Recorder(model)
    model.update(reread(annotations), ARTICLES)
    assert events.events == []


def test_deleting_one_of_2000_removes_one_row_and_fills_the_trash(model):
    annotations = many()
    model.load(annotations, ARTICLES)
    events = Recorder(model)
    row = model.index_of("a00701").row()
    live = reread(annotations[:701] + annotations[702:])
    model.update(live, ARTICLES, [replace(annotations[701], deleted=True)])
    assert events.events == [("inserted", None, 2, 2), ("removed", "Lyrics", row, row)]
    assert layout(model)[2] == ("Trash", ["a00701"])
    assert model.annotation_count() == 1999


def test_inserting_one_among_2000_inserts_one_row(model):
    annotations = many()
    model.load(annotations, ARTICLES)
    events = Recorder(model)
    new = make(5000, fragments=(Anchor(7005, 7010, "new", "", "", 9, 9, 1),))
    updated = reread(annotations[:701] + [new] + annotations[701:])
    model.update(updated, ARTICLES)
    row = model.index_of("a05000").row()
    assert events.events == [("inserted", "Lyrics", row, row)]
    assert model.index(row - 1, 0, model.group_index("lyrics")).data(AnnotationRole.ID) == "a00699"
    assert model.index(row + 1, 0, model.group_index("lyrics")).data(AnnotationRole.ID) == "a00701"


def test_an_annotation_that_needs_review_moves_to_its_group(model):
    annotations = many(20)
    model.load(annotations, ARTICLES)
    events = Recorder(model)
    updated = reread(annotations)
    updated[3] = replace(updated[3], status="needs_review")
    model.update(updated, ARTICLES)
    assert events.events == [("inserted", None, 0, 0), ("removed", "Lyrics", 2, 2)]  # a new group on top
    assert layout(model)[0] == ("Needs review", ["a00003"])
    assert model.index_of("a00003").data(AnnotationRole.BADGE) == "needs review"


def test_an_annotation_moved_in_the_text_moves_alone(model):
    annotations = many(20)
    model.load(annotations, [])
    events = Recorder(model)
    updated = reread(annotations)
    updated.insert(10, updated.pop(2))  # a02 now sits after a11 in the text
    model.update(updated, [])
    assert [e[0] for e in events.events] == ["removed", "inserted"]
    assert layout(model)[0][1] == [a.id for a in updated if a.target == "lyrics"]


def test_a_renamed_article_changes_its_heading_only(model):
    annotations = many(20)
    model.load(annotations, ARTICLES)
    events = Recorder(model)
    renamed = [replace(ARTICLES[0], title="Second thoughts"), ARTICLES[1]]
    model.update(reread(annotations), renamed)
    assert events.events == [("changed", None, 1, 1)]
    assert model.group_index("article:art1").data() == "Article: Second thoughts"


def test_updates_follow_any_sequence(model):
    """Whatever comes next, the model ends up listing exactly that (Qt's model tester watches too)."""
    states = [
        many(30),
        many(30)[5:],
        [replace(a, status="orphaned") if a.id.endswith("7") else a for a in many(30)],
        [],
        many(12)[::-1],
        [on_article(n, "art2") for n in range(4)] + many(8),
    ]
    for state in states:
        trashed = [make(900 + n, deleted=True) for n in range(len(state) % 3)]
        model.update(reread(state), ARTICLES, trashed)
        expected = [
            (label, [a.id for a in rows]) for _, label, rows in group_annotations(state, ARTICLES, trashed)
        ]
        assert layout(model) == expected


# ----------------------------------------------------------------------- filter


@pytest.fixture
def filtered(model, qtmodeltester):
    proxy = AnnotationFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.load(
        [
            make(0, quote="The harbour lights", note="Lamps as birds", tags=("Imagery", "verse")),
            make(1, quote="a slant rhyme", note="Café talk", tags=("sound",)),
            make(2, lens=None, note="No lens here", tags=("verse",)),
            on_article(3, "art1", quote="after two lines", note="cut short", tags=("structure",)),
        ],
        ARTICLES,
        [make(4, deleted=True, lens=LENSES[2], note="thrown away café", tags=("verse",))],
    )
    return proxy


def ids(proxy) -> list[str]:
    return [i for _, rows in layout(proxy) for i in rows]


def test_no_filter_shows_everything(filtered):
    assert ids(filtered) == ["a00000", "a00001", "a00002", "a00003", "a00004"]
    assert filtered.visible_annotation_count() == 4
    assert filtered.visible_annotation_count(trash=True) == 5


def test_lens_filter(filtered):
    filtered.set_lens_filter("lens1")
    assert ids(filtered) == ["a00001"]
    assert [label for label, _ in layout(filtered)] == ["Lyrics"]  # empty groups are hidden
    filtered.set_lens_filter(NO_LENS)
    assert ids(filtered) == ["a00002"]
    filtered.set_lens_filter("")
    assert len(ids(filtered)) == 5


def test_tag_filter_ignores_case(filtered):
    filtered.set_tag_filter("VERSE")
    assert ids(filtered) == ["a00000", "a00002", "a00004"]
    assert filtered.visible_annotation_count() == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        ("cafe", ["a00001", "a00004"]),
        ("CAFÉ", ["a00001", "a00004"]),
        ("harbour", ["a00000"]),  # the quote
        ("birds lamps", ["a00000"]),  # every word, in any order
        ("#imagery", ["a00000"]),  # a tag
        ("lines", ["a00003"]),
        ("  ", ["a00000", "a00001", "a00002", "a00003", "a00004"]),
        ("zebra", []),
    ],
)
def test_text_filter_ignores_case_and_accents(filtered, text, expected):
    filtered.set_text_filter(text)
    assert ids(filtered) == expected


def test_filters_combine(filtered):
    filtered.set_tag_filter("verse")
    filtered.set_text_filter("lens")
    assert ids(filtered) == ["a00002"]
    assert filtered.is_filtering()


def test_the_filter_follows_updates_row_by_row(model, filtered):
    filtered.set_tag_filter("sound")
    events = Recorder(filtered)
    annotations = [model.annotation(i) for i in ("a00000", "a00001", "a00002", "a00003")]
    annotations[2] = replace(annotations[2], tags=("sound",))
    model.update(annotations, ARTICLES, [model.annotation("a00004")])
    assert ids(filtered) == ["a00001", "a00002"]
    assert ("reset",) not in events.events and ("layout",) not in events.events


def test_the_filter_only_takes_an_annotation_model():
    with pytest.raises(TypeError):
        AnnotationFilterModel().setSourceModel(AnnotationFilterModel())


def test_index_and_parent_agree(model):
    model.load(many(10), ARTICLES)
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        assert model.parent(group) == QModelIndex()
        for r in range(model.rowCount(group)):
            assert model.parent(model.index(r, 0, group)) == group

"""Re-anchoring after an edit (issue 4): follow the words, never jump to look-alikes, never lose a note."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lyricpad.core import anchoring
from lyricpad.core.anchoring import (
    CONTEXT_MATCH_MIN,
    FUZZY_CONTEXT_MIN,
    FUZZY_QUOTE_MIN,
    EditMap,
    accept_proposals,
    anchor_for_lines,
    anchors_for_quote,
    context_score,
    fuzzy_candidate,
    reanchor,
)
from lyricpad.core.errors import InvalidAnchor
from lyricpad.core.store import Library

CHORUS = "[Chorus]\nSo light a lantern, set it on the water\nlet the current carry what we never said\n"
SONG = (
    "[Verse 1]\nThe harbour lights are folding up their wings\nthe gulls have gone to count the boats\n\n"
    + CHORUS
    + "\n[Verse 2]\nThe pier is patient, planks worn into grey\nyour footprints fading where the salt gets in\n\n"
    + CHORUS
    + "\n[Verse 3]\nNo map for water and no name for the tide\nonly the lantern and the hand that lets go\n\n"
    + CHORUS
)


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once in the fixture"
    return text.replace(old, new)


def after(text: str, new: str, anchors, status: str = "anchored"):
    return reanchor(anchors, status, new, EditMap(text, new), old_text=text)


def placed(result, text: str) -> str:
    """The text an anchored result covers, or the proposal's text for needs_review."""
    frag = result.fragments[0]
    if result.status == "anchored":
        return text[frag.start : frag.end]
    return text[frag.proposal.start : frag.proposal.end]


# ---------------------------------------------------------------- the cases


@pytest.mark.parametrize(
    "text, quote",
    [
        ("first 🙂 line\nsecond 🎸🎶 line here\nthird", "🎸🎶 line"),
        ("cafe\u0301 au lait\nle cœur de l'e\u0301te\u0301\nfin", "l'e\u0301te\u0301"),  # combining accents
        ("春の海\n終日のたり\nのたりかな", "終日のたり"),
        ("夜🌙 moon\nthe 🌊 wave ré\u0301 keeps\nend", "🌊 wave ré\u0301"),
    ],
)
def test_lines_inserted_above_move_the_anchor_in_any_script(text, quote):
    from lyricpad.core.text import normalise_text

    text, quote = normalise_text(text), normalise_text(quote)
    (anchor,) = anchors_for_quote(text, quote, 1)
    new = "a new first line 🙂\n二行目\n" + text
    result = after(text, new, [anchor])
    assert result.status == "anchored"
    moved = result.fragments[0]
    assert new[moved.start : moved.end] == quote
    assert (moved.line_start, moved.line_end) == (anchor.line_start + 2, anchor.line_end + 2)
    assert moved.prefix.endswith(anchor.prefix[-5:]) and moved.suffix == anchor.suffix


@pytest.mark.parametrize(
    "old_words, new_words",
    [
        ("harbour lights", "harbor lights"),  # a character removed
        ("folding up", "fold1ng up"),  # one replaced
        ("their wings", "their wi-ngs"),  # one added
        ("harbour", "harbour 🙂"),  # an emoji added inside
    ],
)
def test_one_character_changed_inside_the_quote_needs_review_with_the_right_place(old_words, new_words):
    (anchor,) = anchors_for_quote(SONG, "The harbour lights are folding up their wings", 1)
    new = edited(SONG, old_words, new_words)
    result = after(SONG, new, [anchor])
    assert result.status == "needs_review"
    kept = result.fragments[0]
    assert (kept.quote, kept.start, kept.end) == (anchor.quote, anchor.start, anchor.end)
    line = new.split("\n")[1]
    assert placed(result, new) == line  # the whole edited line, as the quote was a whole line
    assert (kept.proposal.line_start, kept.proposal.line_end) == (2, 2)


def test_a_one_character_change_inside_a_part_of_a_line_proposes_that_part():
    (anchor,) = anchors_for_quote(SONG, "planks worn into grey", 1)
    new = edited(SONG, "planks worn into grey", "planks worn to grey")
    result = after(SONG, new, [anchor])
    assert result.status == "needs_review"
    assert placed(result, new) == "planks worn to grey"


def test_a_proposal_inside_a_line_starts_and_ends_on_whole_words():
    text = "An essay paragraph: a slant rhyme that makes the listener lean into the line, and more."
    (anchor,) = anchors_for_quote(text, "a slant rhyme that makes the listener lean", 1)
    new = edited(text, "a slant rhyme", "a half rhyme")
    result = after(text, new, [anchor])
    assert result.status == "needs_review"
    assert placed(result, new) == "a half rhyme that makes the listener lean"


def test_the_annotated_line_deleted_is_orphaned_and_keeps_its_quote():
    anchor = anchor_for_lines(SONG, 3, 3)  # "the gulls have gone to count the boats"
    new = edited(SONG, "the gulls have gone to count the boats\n", "")
    result = after(SONG, new, [anchor])
    assert result.status == "orphaned"
    assert result.fragments == (anchor,)  # quote, context and last place kept, no proposal


def test_the_second_of_three_choruses_stays_the_second_after_verse_one_is_edited():
    chorus_line = "So light a lantern, set it on the water"
    (second,) = anchors_for_quote(SONG, chorus_line, 2)
    new = edited(
        SONG, "the gulls have gone to count the boats", "the gulls are gone, they counted every boat"
    )
    result = after(SONG, new, [second])
    assert result.status == "anchored"
    moved = result.fragments[0]
    assert moved.occurrence == 2
    assert moved.start == [i for i in range(len(new)) if new.startswith(chorus_line, i)][1]


def test_every_chorus_annotation_follows_all_three():
    chorus_line = "So light a lantern, set it on the water"
    anchors = anchors_for_quote(SONG, chorus_line, None)
    new = edited(SONG, "[Verse 2]\n", "[Verse 2]\nA new first line of verse two\n")
    result = after(SONG, new, anchors)
    assert result.status == "anchored"
    assert [f.occurrence for f in result.fragments] == [1, 2, 3]
    assert all(new[f.start : f.end] == chorus_line for f in result.fragments)


def test_a_deleted_chorus_leaves_the_others_proposed_and_the_lost_one_without_a_place():
    anchors = anchors_for_quote(SONG, "So light a lantern, set it on the water", None)
    last_chorus = SONG.rindex("[Chorus]")
    new = SONG[:last_chorus]
    result = after(SONG, new, anchors)
    assert result.status == "needs_review"
    assert [f.proposal is not None for f in result.fragments] == [True, True, False]
    accepted = accept_proposals(result.fragments, new)
    assert [f.occurrence for f in accepted] == [1, 2]


def test_changed_words_are_not_anchored_where_the_same_words_have_other_surroundings():
    text = (
        "I walk alone beside the sea\nthe river runs cold\nand stars fall down on me\n\n"
        "something else entirely here\nwhen the river runs cold\nwe all go home\n"
    )
    (first,) = anchors_for_quote(text, "the river runs cold", 1)
    new = edited(text, "the river runs cold\nand stars", "the stream is warm\nand stars")
    result = after(text, new, [first])
    assert result.status == "needs_review"  # never silently moved to line 6
    frag = result.fragments[0]
    assert frag.start == first.start and frag.line_start == 2
    assert frag.proposal.line_start == 6  # offered, for the user to accept or not


def test_a_fix_that_brings_the_words_back_anchors_a_needs_review_annotation_again():
    (anchor,) = anchors_for_quote(SONG, "The pier is patient", 1)
    typo = edited(SONG, "The pier is patient", "The peer is patient")
    review = after(SONG, typo, [anchor])
    assert review.status == "needs_review"
    fixed = reanchor(review.fragments, review.status, SONG, EditMap(typo, SONG))
    assert fixed.status == "anchored"
    assert fixed.fragments == (anchor,)


def test_an_orphan_comes_back_when_its_line_is_pasted_back():
    anchor = anchor_for_lines(SONG, 3, 3)
    gone = edited(SONG, "the gulls have gone to count the boats\n", "")
    orphan = after(SONG, gone, [anchor])
    assert orphan.status == "orphaned"
    back = reanchor(orphan.fragments, orphan.status, SONG, EditMap(gone, SONG))
    assert back.status == "anchored" and back.fragments == (anchor,)


def test_accepting_with_no_proposal_is_refused():
    anchor = anchor_for_lines(SONG, 3, 3)
    with pytest.raises(InvalidAnchor, match="select the text"):
        accept_proposals([anchor], SONG)


def test_a_text_emptied_orphans_everything():
    anchors = anchors_for_quote(SONG, "The pier is patient", 1)
    assert after(SONG, "", anchors).status == "orphaned"
    assert fuzzy_candidate(anchors[0], "  \n ") is None


# ---------------------------------------------------------------- thresholds, both sides


def step2_case():
    """The quote's words survive on another line; the annotated line was rewritten."""
    text = "alpha line one\nthe quiet harbour sleeps\nomega line two\nnothing\nmore of the quiet harbour sleeps\n"
    (anchor,) = anchors_for_quote(text, "the quiet harbour sleeps", 1)
    return text, anchor


def test_context_match_min_anchors_an_exact_quote_only_with_matching_context(monkeypatch):
    # Lines are inserted around the quote and the diff maps it elsewhere: the quote is found again
    # by step 2; the context still matches (the lines beside it are the same).
    text = "one\ntwo\nthe words we keep\nthree\nfour\n"
    (anchor,) = anchors_for_quote(text, "the words we keep", 1)
    new = "one\ntwo\nthe words we keep\nthree\nfour\n"
    # No edit map: step 2 only (as for a needs_review annotation).
    score = context_score(anchor, new, anchor.start, anchor.end)
    assert score == 100.0
    assert reanchor([anchor], "needs_review", new).status == "anchored"

    # The annotated line is moved to the end (cut and pasted): the diff loses it, step 2 finds the
    # exact words in new surroundings; how well those match decides anchored or proposed.
    text = "alpha line one\nthe quiet harbour sleeps\nomega line two\nnothing more here\n"
    (anchor,) = anchors_for_quote(text, "the quiet harbour sleeps", 1)
    new = "alpha line one\nomega line two\nnothing more here\nthe quiet harbour sleeps\n"
    moved = new.index("the quiet harbour sleeps")
    score = context_score(anchor, new, moved, moved + len(anchor.quote))
    assert score < CONTEXT_MATCH_MIN  # other surroundings: below the threshold...
    assert after(text, new, [anchor]).status == "needs_review"  # ...so only proposed
    monkeypatch.setattr(anchoring, "CONTEXT_MATCH_MIN", score)  # at the threshold: anchored
    result = after(text, new, [anchor])
    assert result.status == "anchored" and result.fragments[0].start == moved
    monkeypatch.setattr(anchoring, "CONTEXT_MATCH_MIN", score + 0.01)
    assert after(text, new, [anchor]).status == "needs_review"


def test_the_same_words_that_were_already_elsewhere_are_never_anchored_whatever_the_threshold(monkeypatch):
    text, anchor = step2_case()
    new = edited(text, "the quiet harbour sleeps\nomega", "a loud harbour wakes\nomega")
    monkeypatch.setattr(anchoring, "CONTEXT_MATCH_MIN", 0.0)
    result = after(text, new, [anchor])
    assert result.status == "needs_review"  # line 5 held these words before the edit: other text
    assert result.fragments[0].proposal.line_start == 5


def test_fuzzy_quote_min_on_both_sides(monkeypatch):
    text = "before the line\nthe silver river bends\nafter the line\n"
    (anchor,) = anchors_for_quote(text, "the silver river bends", 1)
    slight = edited(text, "silver river", "silvery river")
    heavy = edited(text, "the silver river bends", "a golden road turns")
    near = fuzzy_candidate(anchor, slight)
    far = fuzzy_candidate(anchor, heavy)
    assert near.quote_score >= FUZZY_QUOTE_MIN > far.quote_score
    assert far.side_score >= FUZZY_CONTEXT_MIN  # only the quote decides here
    assert after(text, slight, [anchor]).status == "needs_review"
    assert after(text, heavy, [anchor]).status == "orphaned"
    monkeypatch.setattr(anchoring, "FUZZY_QUOTE_MIN", near.quote_score)
    assert after(text, slight, [anchor]).status == "needs_review"
    monkeypatch.setattr(anchoring, "FUZZY_QUOTE_MIN", near.quote_score + 0.01)
    assert after(text, slight, [anchor]).status == "orphaned"


def test_fuzzy_context_min_on_both_sides(monkeypatch):
    # The annotated line is deleted; a look-alike line sits elsewhere with other surroundings.
    text = "intro words here\nthe silver river bends\noutro words here\n\nsomething unrelated\nthe silver rivers bend\nat last\n"
    (anchor,) = anchors_for_quote(text, "the silver river bends", 1)
    new = edited(text, "the silver river bends\n", "")
    look_alike = fuzzy_candidate(anchor, new)
    assert new[look_alike.start : look_alike.end] == "the silver rivers bend"
    assert look_alike.quote_score >= FUZZY_QUOTE_MIN
    assert look_alike.side_score < FUZZY_CONTEXT_MIN
    assert after(text, new, [anchor]).status == "orphaned"  # never proposed for a look-alike
    monkeypatch.setattr(anchoring, "FUZZY_CONTEXT_MIN", look_alike.side_score)
    assert after(text, new, [anchor]).status == "needs_review"
    monkeypatch.setattr(anchoring, "FUZZY_CONTEXT_MIN", 50.0)

    # In its own place, edited, the context matches well above the threshold.
    mended = edited(text, "the silver river bends\noutro", "the silver river bent\noutro")
    candidate = fuzzy_candidate(anchor, mended)
    assert candidate.side_score >= FUZZY_CONTEXT_MIN
    assert mended[candidate.start : candidate.end] == "the silver river bent"


def test_an_edited_last_line_that_lost_its_suffix_is_still_proposed():
    text = "first light\nsecond wind\nthird time\nfourth wall"
    (anchor,) = anchors_for_quote(text, "third time", 1)
    new = "first light\nsecond wind, longer\nthird tide"  # the next line deleted too
    result = after(text, new, [anchor])
    assert result.status == "needs_review"
    assert placed(result, new) == "third tide"


# ---------------------------------------------------------------- property tests

LINE_WORDS = ["river", "lantern", "harbour", "🙂", "夜", "e\u0301te\u0301", "la", "tide", "salt"]


@st.composite
def text_and_edit(draw):
    """A text of lines, an annotated line range, and an edit that stays clear of it."""
    lines = draw(
        st.lists(
            st.lists(st.sampled_from(LINE_WORDS), min_size=1, max_size=5).map(" ".join),
            min_size=3,
            max_size=12,
        )
    )
    from lyricpad.core.text import normalise_text

    text = normalise_text("\n".join(lines))
    first = draw(st.integers(1, len(lines)))
    last = draw(st.integers(first, min(len(lines), first + 2)))
    anchor = anchor_for_lines(text, first, last)
    # The edit: replace a span entirely before or entirely after the annotated range, leaving at
    # least one character between (an edit touching the quote's edge may change its meaning).
    room_before, room_after = anchor.start >= 1, anchor.end + 1 <= len(text)
    if not (room_before or room_after):
        return text, anchor, text  # the annotation is the whole text: no edit can keep clear of it
    before = room_before and (not room_after or draw(st.booleans()))
    if before:
        a = draw(st.integers(0, anchor.start - 1))
        b = draw(st.integers(a, anchor.start - 1))
    else:
        a = draw(st.integers(anchor.end + 1, len(text)))
        b = draw(st.integers(a, len(text)))
    insert = draw(st.text(alphabet=st.sampled_from(list("ab \n🙂夜")), max_size=20))
    return text, anchor, text[:a] + insert + text[b:]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text_and_edit())
def test_edits_that_do_not_touch_an_annotation_keep_its_quote_and_status(case):
    text, anchor, new = case
    result = after(text, new, [anchor])
    assert result.status == "anchored"
    moved = result.fragments[0]
    assert moved.quote == anchor.quote == new[moved.start : moved.end]


@pytest.mark.xfail(
    strict=True,
    reason="known: an insertion just before the quote that repeats its start ('\\n🙂夜' before "
    "'\\n🙂\\nriver') is aligned by the diff as an insertion inside the quote, and the unique exact "
    "place left is not taken as certain; found by the property test above on 2026-12-07",
)
def test_an_insertion_that_repeats_the_quotes_start_just_before_it_keeps_it_anchored():
    text = "夜\n🙂\nriver"
    anchor = anchor_for_lines(text, 2, 3)
    new = text[:1] + "\n🙂夜" + text[1:]
    assert new == "夜\n🙂夜\n🙂\nriver"
    result = after(text, new, [anchor])
    assert result.status == "anchored"


# ---------------------------------------------------------------- the store


def test_the_store_reanchors_trashed_annotations_and_counts_statuses():
    with Library.open(None, seed_demo=False) as lib:
        song = lib.songs.add("S", lyrics=SONG)
        keep = lib.annotations.add(song.id, anchors_for_quote(SONG, "The pier is patient", 1), note="keep")
        gone = lib.annotations.add(song.id, [anchor_for_lines(SONG, 3, 3)], note="gone")
        typo = lib.annotations.add(song.id, anchors_for_quote(SONG, "The harbour lights", 1), note="typo")
        lib.annotations.set_deleted(keep.id)
        new = edited(edited(SONG, "the gulls have gone to count the boats\n", ""), "harbour", "harbor")
        lib.songs.update(song.id, lyrics="new first line\n" + new)
        trashed = lib.annotations.get(keep.id).first  # in the trash, and still following its words
        assert (trashed.line_start, trashed.start) == (keep.first.line_start, keep.first.start - 25)
        assert lib.songs.get(song.id).lyrics[trashed.start : trashed.end] == "The pier is patient"
        assert (lib.annotations.get(gone.id).status, lib.annotations.get(gone.id).note) == (
            "orphaned",
            "gone",
        )
        assert lib.annotations.get(typo.id).status == "needs_review"
        assert lib.annotations.status_counts(song.id) == {"anchored": 0, "needs_review": 1, "orphaned": 1}
        accepted = lib.annotations.accept_proposal(typo.id)
        assert (accepted.status, accepted.quote) == ("anchored", "The harbor lights")
        assert lib.annotations.status_counts(song.id) == {"anchored": 1, "needs_review": 0, "orphaned": 1}
        with pytest.raises(Exception, match="orphaned: its words are gone"):
            lib.annotations.accept_proposal(gone.id)
        text = lib.songs.get(song.id).lyrics
        moved = lib.annotations.move(gone.id, anchors_for_quote(text, "The pier is patient", 1))
        assert (moved.status, moved.quote, moved.note) == ("anchored", "The pier is patient", "gone")


def test_a_chorus_line_edited_in_one_chorus_never_moves_to_the_same_line_in_another():
    # Found in review: the other chorus's copy has the same 32 characters around it.
    chorus = "[Chorus]\nAnd the lanterns float on the water\nall the way down to the sea\n"
    text = "[Verse 1]\nfirst words\n\n" + chorus + "\n[Verse 2]\nsecond words\n\n" + chorus
    (first,) = anchors_for_quote(text, "And the lanterns float on the water", 1)
    new = text.replace("lanterns float", "lanterns drift", 1)
    result = reanchor([first], "anchored", new, EditMap(text, new), old_text=text)
    assert result.status == "needs_review"
    assert placed(result, new) == "And the lanterns drift on the water"  # proposed where it was
    # Without the old text nothing says the other copy is other text; the store always gives it.


def test_fragments_of_one_annotation_never_end_up_on_one_place():
    text = "la la la\nthe sun\nla la la\nthe moon\nla la la"
    anchors = anchors_for_quote(text, "la la la", None)
    new = "la la la\nthe sun\nthe moon\nla la la"
    result = reanchor(anchors, "anchored", new, EditMap(text, new), old_text=text)
    places = [f.proposal and (f.proposal.start, f.proposal.end) for f in result.fragments]
    found = [p for p in places if p]
    assert len(found) == len(set(found))
    accepted = accept_proposals(result.fragments, new)
    assert len({(a.start, a.end) for a in accepted}) == len(accepted) == 2


def test_an_edit_of_every_line_of_a_long_text_is_diffed_line_by_line_then_by_characters():
    # difflib's character matcher took minutes here; this finishes in well under a second (the
    # pytest timeout would catch a return of the old behaviour).
    lines = [f"the line number {i} of the song goes here" for i in range(2000)]
    old = "\n".join(lines)
    new = "\n".join(line.replace("the ", "The ", 1) + "," for line in lines)
    anchor = anchor_for_lines(old, 1500, 1500)
    result = reanchor([anchor], "anchored", new, EditMap(old, new), old_text=old)
    assert result.status == "needs_review" and result.fragments[0].proposal.line_start == 1500


@pytest.mark.parametrize("extra", ["", "a new first line\n"])
def test_every_line_changed_still_proposes_each_annotation_at_its_line(extra):
    lines = [f"the line number {i} of the song goes here" for i in range(3000)]
    old = "\n".join(lines)
    new = extra + old.replace("the ", "The ")
    anchors = [anchor_for_lines(old, n, n) for n in (1, 1500, 3000)]
    edit = EditMap(old, new)
    shift = extra.count("\n")
    for anchor in anchors:
        result = reanchor([anchor], "anchored", new, edit, old_text=old)
        assert result.status == "needs_review"
        assert result.fragments[0].proposal.line_start == anchor.line_start + shift

"""Snapping a selection to whole words in any script: marks stay with their letter, unspaced scripts and emoji are kept."""

import pytest

from lyricpad.core.word_snap import grapheme_end, grapheme_start, snap_to_words


def snapped(text: str, selected: str, start_in: int = 0) -> str:
    """What *selected* (found in *text* from *start_in*) snaps to."""
    start = text.index(selected, start_in)
    a, b = snap_to_words(text, start, start + len(selected))
    return text[a:b]


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        # A combining mark belongs to the letter before it: never cut off, the word grows whole.
        ("שָׁלוֹם עֲלֵיכֶם", "ש", "שָׁלוֹם"),
        ("שָׁלוֹם עֲלֵיכֶם", "שָ", "שָׁלוֹם"),
        ("नमस्ते हिंदी", "ह", "हिंदी"),
        ("नमस्ते हिंदी", "हि", "हिंदी"),
        ("cafe\u0301 noir", "caf", "cafe\u0301"),  # e + combining acute, not a precomposed é
        # Scripts without spaces: the characters dragged over, not the clause around them.
        ("灯笼的光很暖，我们回家", "光", "光"),
        ("灯笼的光很暖，我们回家", "光很", "光很"),
        ("灯笼的光很暖，我们回家", "光很暖，", "光很暖"),  # punctuation at the end still left out
        ("ちょうちんのひかり", "ひか", "ひか"),
        ("โคมไฟส่องทาง", "ส่อ", "ส่อ"),
        ("โคมไฟส่องทาง", "ส", "ส่"),  # the tone mark stays with its consonant
        ("โคมไฟส่องทาง", "\u0e48อ", "ส่อ"),  # a drag starting on the mark takes its consonant
        ("lantern 灯笼 light", "ntern 灯", "lantern 灯"),
        # Emoji and symbols the user dragged over are kept, whole.
        ("light the fire 🔥 tonight", "fire 🔥", "fire 🔥"),
        ("light the 🔥 fire tonight", "🔥 fi", "🔥 fire"),
        ("wave 👋🏽 goodbye", "ave 👋", "wave 👋🏽"),  # the skin tone with its hand
        ("wave 👋🏽 goodbye", "\U0001f3fd good", "👋🏽 goodbye"),  # started on the skin tone: its hand too
        ("sail ⛵️ home", "ail ⛵", "sail ⛵️"),  # the variation selector with its boat
        ("family 👩‍👩‍👧 home", "ily 👩", "family 👩‍👩‍👧"),  # a joined emoji whole
        ("flags 🇳🇴🇸🇪 fly", "gs 🇳🇴🇸", "flags 🇳🇴🇸🇪"),  # a flag is two regional indicators
        ("costs $5 a night", "osts $", "costs $"),
    ],
)
def test_scripts_marks_and_emoji(text, selected, expected):
    assert snapped(text, selected) == expected


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("the lights are foldin' down", "ights are foldin", "lights are foldin'"),
        ("the lights are foldin\u2019 down", "ights are foldin", "lights are foldin\u2019"),
        ("the singers' voices", "the singers", "the singers'"),
        ("don't wake them", "on", "don't"),
        ("rock 'n' roll", "n", "'n'"),
        ("rock \u2019n\u2019 roll all night", "ock \u2019n", "rock \u2019n\u2019"),
        ("we sang \u2018So light a lantern\u2019 twice", "So light a lantern", "So light a lantern"),
        (
            "we sang \u2018So light a lantern\u2019 twice",
            "\u2018So light a lantern\u2019",
            "So light a lantern",
        ),
        ("she hummed \u2018Rivers\u2019 again", "Rivers", "Rivers"),  # a quotation, not "rivers'"
        ("she hummed 'Rivers' again", "Rivers", "Rivers"),
        ("she hummed 'Rivers' again", "ivers", "Rivers"),
        ("the harbour's end", "harbour", "harbour's"),  # a letter after it: inside the word
        ("say 'em all", "em", "'em"),
    ],
)
def test_apostrophes_belong_to_words_not_to_quotations(text, selected, expected):
    assert snapped(text, selected) == expected


def test_graphemes_are_never_split():
    text = "a👩‍👧b\u0915\u093f"
    assert grapheme_start(text, 3) == 1  # inside the joined emoji: back to its start
    assert grapheme_end(text, 2) == 4
    assert grapheme_end(text, 6) == 7  # the vowel sign with its consonant
    assert grapheme_start(text, 5) == 5

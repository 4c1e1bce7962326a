"""The demo song, article and annotations a new library starts with (original text written for lyricpad)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from lyricpad.core.anchoring import anchors_for_quote

if TYPE_CHECKING:
    from lyricpad.core.store import Library

DEMO_TITLE = "Lanterns on the Water"
DEMO_ARTIST = "The Hollow Pines"

_CHORUS = """[Chorus]
So light a lantern, set it on the water,
let the current carry what we never said.
(carry what we never said)
Every shore is closer than we thought, and
every tide turns back the way it led."""

DEMO_LYRICS = f"""[Verse 1]
The harbour lights are folding up their wings,
the gulls have gone to count the silent boats.
I keep your letter where the kettle sings,
and read it twice for every word it quotes.

{_CHORUS}

[Verse 2]
G                D               Em
The pier is patient, planks worn into grey,
your footprints fading where the salt gets in.
I learned the names of stars you gave away
and hung them like a coat upon a pin.

{_CHORUS}

[Bridge: Both]
If the dark is only distance,
then the distance is a road,
and a road is just a promise
that the river hasn't told.

[Chorus]
So light a lantern, set it on the water,
let the current carry what we never said.

[Outro]
(Lanterns, lanterns on the water)"""

DEMO_ARTICLE_TITLE = "Lanterns on the Water: a close reading"

DEMO_ARTICLE = """*The Hollow Pines, the song and this reading are inventions written for the lyricpad demo:
annotate them, edit them, delete them.*

"Lanterns on the Water" is a quiet song about sending words you could not say. Nothing
happens in it: a harbour goes dark, somebody reads a letter, a lantern floats away. All
of its weight is carried by images, by sound, and by a chorus that keeps coming back.

## Light against dark water

The first line turns the harbour lamps into birds: the lights are *folding up their wings*,
settling for the night. From there every image is either a small light (the kettle, the
stars, the lantern) or the dark water that surrounds it.

## Sound: a rhyme chain that holds the verses

The verses rhyme ABAB with full rhymes, *wings / sings* and *boats / quotes*. The chorus
breaks the pattern: *water* against *thought, and* is a slant rhyme that makes the listener
lean into the next line, the way the current pulls the lantern.

## A chorus that keeps returning

The chorus comes back three times, and the last time it is cut short after two lines. The
promise that *every tide turns back* is never repeated: the song ends with the lantern still
on the water and the message still unanswered.

## The bridge

> If the dark is only distance,\\
> then the distance is a road,

The bridge is the only place the song argues instead of describing. It sounds like comfort,
but a road that *the river hasn't told* is a road nobody knows.

## Questions to take further

- Who wrote the letter, and who is it for?
- Is the lantern a memorial, or a message that expects an answer?
"""

# (target, quote, occurrence or None for every occurrence, lens, note, tags)
_DEMO_ANNOTATIONS = (
    (
        "lyrics",
        "The harbour lights are folding up their wings,",
        1,
        "Imagery",
        "Lamps as birds settling for the night: the harbour *goes to sleep*. "
        "The personification sets the song's hushed mood in its first line.",
        ("personification", "verse-1"),
    ),
    (
        "lyrics",
        "So light a lantern, set it on the water,",
        None,
        "Structure",
        "The refrain opens all three choruses; the last chorus stops after two lines, "
        "so the promise that *every tide turns back* is never sung again.",
        ("chorus",),
    ),
    (
        "lyrics",
        "I learned the names of stars you gave away",
        1,
        "Theme",
        "Loss as a gift: what the other person *gave away* is what the singer kept.",
        ("loss",),
    ),
    (
        "lyrics",
        "(carry what we never said)",
        1,
        "Rhyme & sound",
        "The backing vocal echoes the line before it: the unsaid is said twice.",
        ("echo",),
    ),
    (
        "article",
        "a slant rhyme that makes the listener lean into the next line",
        1,
        "Question",
        "Is *water / thought, and* really a slant rhyme, or is the line break doing the work?",
        ("discussion",),
    ),
    (
        "article",
        "the last time it is cut short after two lines",
        1,
        "Reference",
        "Compare the Outro, which keeps only the word *lanterns*.",
        ("structure",),
    ),
)


_DEMO_NAMESPACE = uuid.UUID("0b6c3f4e-2d51-4c8e-9a57-6d1f2e8b9c40")


def demo_id(name: str) -> str:
    """The fixed id of a piece of the demo: the same in every library, so that merging an export
    into a new library (which has the demo too) does not duplicate it."""
    return str(uuid.uuid5(_DEMO_NAMESPACE, name))


def seed_demo(library: Library) -> None:
    """Add the demo song, its article and a few annotations (inside the caller's transaction)."""
    song = library.songs.add(
        DEMO_TITLE,
        item_id=demo_id("song"),
        artist=DEMO_ARTIST,
        album="Tidewater Sketches (demo)",
        year=2024,
        language="en",
        lyrics=DEMO_LYRICS,
        source_file="lyricpad demo",
    )
    article = library.articles.add(
        song.id,
        DEMO_ARTICLE_TITLE,
        DEMO_ARTICLE,
        author="lyricpad",
        source="lyricpad demo",
        item_id=demo_id("article"),
    )
    for number, (target, quote, occurrence, lens, note, tags) in enumerate(_DEMO_ANNOTATIONS, 1):
        text = library.annotations.target_text(song.id, target, article.id)
        library.annotations.add(
            song.id,
            anchors_for_quote(text, quote, occurrence),
            target=target,
            article_id=article.id if target == "article" else None,
            lens_id=library.lenses.resolve(lens).id,
            note=note,
            tags=tags,
            item_id=demo_id(f"annotation {number}"),
        )

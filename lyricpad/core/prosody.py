"""The sound of a lyric line: syllables and stress, word by word.

English words come from CMUdict (through `pronouncing`, loaded lazily and once); words it does not
know, and other languages, are counted by spelling: vowel groups with the language's diphthongs,
checked against pyphen's hyphenation. Numbers in digits are read as sung, in the line's language
(lyricpad.core.numbers), and counted as those words. Stress marks are "/" (stressed) and "x" (not).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass

from lyricpad.core import numbers
from lyricpad.core.errors import DataMissing
from lyricpad.core.languages import language_code
from lyricpad.core.lexers import BACKING_VOCALS_PATTERN
from lyricpad.core.text import APOSTROPHES

_APOSTROPHE = f"[{re.escape(APOSTROPHES)}]"
# A word: letters and digits, with inner or edge apostrophes (lovin', 'cause, o'er); hyphens split words.
WORD = re.compile(rf"{_APOSTROPHE}?[^\W_]+(?:{_APOSTROPHE}[^\W_]+)*{_APOSTROPHE}?")
_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))
_BACKING = re.compile(BACKING_VOCALS_PATTERN)
_VOWEL_DIGIT = re.compile(r"[012]")

_lock = threading.Lock()
_lookup: dict[str, list[str]] | None = None


@dataclass(frozen=True)
class WordSound:
    """One word of a line: its code-point span, the folded word, syllables and stress digits ("10")."""

    start: int
    end: int
    word: str
    syllables: int | None
    stress: str | None  # one digit per syllable: "1" stressed, "0" not
    source: str  # "dictionary" | "hyphenation" | "rule"


@dataclass(frozen=True)
class LineSound:
    """A line's syllable count and stress pattern ("x / x /"); None when a word could not be counted."""

    syllables: int | None
    stress: str | None
    words: tuple[WordSound, ...]


def ensure_loaded() -> None:
    """Load CMUdict once (thread-safe, idempotent): about half a second, so call it off the GUI thread."""
    global _lookup
    if _lookup is not None:
        return
    with _lock:
        if _lookup is None:
            import pronouncing

            try:
                pronouncing.init_cmu()
            except (OSError, ValueError, EOFError) as exc:  # its data file gone or damaged: a broken install
                raise DataMissing(
                    f"the pronunciation dictionary (CMUdict) cannot be read: {exc}; reinstall lyricpad"
                ) from exc
            _lookup = pronouncing.lookup


def is_loaded() -> bool:
    """Whether CMUdict is loaded (line_sound loads it on demand otherwise)."""
    return _lookup is not None


def phones(word: str) -> list[str]:
    """CMUdict's pronunciations of a folded English word (most common first); [] when unknown."""
    ensure_loaded()
    assert _lookup is not None
    return _lookup.get(word, [])


# Monosyllables that are unstressed in a line: articles, pronouns, prepositions, conjunctions, auxiliaries.
FUNCTION_WORDS = {
    "en": frozenset(
        """a an the i me my we us our you your he him his she her it its they them their
        this that these those who whom whose which what
        to of in on at by for from with as into onto up than but and or nor so if yet
        is am are was were be been has have had do does did can could shall should will would may might must
        i'm i'd i'll i've you're you'd you'll you've he's he'd she's she'd it's we're we'd we'll we've
        they're they'd they'll they've there's that's what's who's 'em 'cause cause n' 'n' o' th' ya
        not no there let's""".split()
    ),
    "de": frozenset(
        """der die das den dem des ein eine einen einem einer eines ich du er sie es wir ihr mich dich sich
        mir dir ihm uns euch mein dein sein ihr und oder aber doch denn wenn als wie dass ob in im an am auf
        aus bei mit nach von vom zu zum zur für um durch bis ist bin bist sind war hat hab habe hast kann
        will soll muss mag nicht noch schon so da wo""".split()
    ),
    "es": frozenset(
        """el la los las lo un una unos unas y e o u ni que de del a al en con por para sin se me te le les
        nos os mi tu su mis tus sus es son ha he hay ya no si como cuando""".split()
    ),
}

# How a word reads aloud when its spelling hides it: poetic elisions and clipped forms.
_ELISIONS = {
    "o'er": "or",
    "e'er": "air",
    "ne'er": "nair",
    "'tis": "tis",
    "'twas": "twas",
    "'til": "till",
    "'till": "till",
    "ev'ry": "evry",
    "th'": "the",
    "'n'": "n",
    "n'": "n",
    "o'": "uh",
    "'bout": "bout",
    "'round": "round",
}


def fold_word(word: str) -> str:
    """A word as looked up: lower case, straight apostrophes, no surrounding quotes kept but elisions'."""
    return word.translate(_APOSTROPHES).lower()


def trim_quotes(start: int, end: int, word: str) -> tuple[int, int, str]:
    """A folded word and its span without the single quotation marks around it (elisions keep theirs)."""
    if len(word) > 2 and word[0] == word[-1] == "'" and word not in _ELISIONS:
        return start + 1, end - 1, word[1:-1]
    if word.endswith("'") and not word.endswith("in'") and word not in _ELISIONS:
        return start, end - 1, word[:-1]  # a closing quotation mark, not "lovin'"
    return start, end, word


def without_backing(text: str) -> str:
    """*text* with its backing vocals (parenthesised, as the lyrics lexer reads them) blanked, offsets kept."""
    return _BACKING.sub(lambda m: " " * len(m.group()), text) if "(" in text else text


def line_sound(text: str, language: str = "en") -> LineSound:
    """The syllables and stress of a lyric line; text in parentheses (backing vocals) is left out."""
    language = language_code(language)
    ensure_loaded()
    masked = without_backing(text)
    words = []
    for match in WORD.finditer(masked):
        start, end, word = trim_quotes(match.start(), match.end(), fold_word(match.group()))
        words.append(_word_sound(start, end, word, language))
    if any(w.syllables is None for w in words):
        return LineSound(None, None, tuple(words))
    count = sum(w.syllables for w in words)  # type: ignore[misc]
    marks = " ".join("/" if digit != "0" else "x" for w in words for digit in (w.stress or ""))
    return LineSound(count, marks, tuple(words))


def _word_sound(start: int, end: int, word: str, language: str) -> WordSound:
    syllables, stress, source = word_stress(word, language)
    return WordSound(start, end, word, syllables, stress, source)


@functools.lru_cache(maxsize=50_000)
def word_stress(word: str, language: str = "en") -> tuple[int | None, str | None, str]:
    """(syllables, stress digits, source) of one folded word."""
    if any(c.isdigit() for c in word) or not any(c.isalpha() for c in word):
        words = numbers.spoken(word, language)
        if words is None:  # no reading in this language ("mp3", "12" in French): not counted
            return None, None, "rule"
        parts = [word_stress(w, language) for w in words]
        if any(p[0] is None for p in parts):
            return None, None, "rule"
        return sum(p[0] for p in parts), "".join(p[1] or "" for p in parts), "rule"  # type: ignore[misc]
    if language == "en":
        found = english_phones(word)
        if found is not None:
            digits = "".join("0" if d == "0" else "1" for d in _VOWEL_DIGIT.findall(found))
            if len(digits) == 1:
                digits = "0" if word in FUNCTION_WORDS["en"] else "1"
            return len(digits), digits, "dictionary"
    count, source = spelled_syllables(word, language)
    if count is None:
        return None, None, source
    return count, _guess_stress(word, count, language), source


def english_phones(word: str) -> str | None:
    """The first CMUdict pronunciation of a word, trying its elided or clipped spellings."""
    candidates = [word, _ELISIONS.get(word, word), word.strip("'")]
    bare = word.strip("'")
    if bare.endswith("in") and word.endswith("'"):  # lovin' -> loving
        candidates.append(bare + "g")
    if bare.endswith("'s") or bare.endswith("s'"):
        candidates.append(bare.replace("'", ""))
    for candidate in candidates:
        found = phones(candidate)
        if found:
            return found[0]
    if bare.isalpha() and len(bare) >= 6:  # a compound of two known words: "glimmerwick", "gatekeeper"
        for cut in range(len(bare) - 3, 2, -1):
            head, tail = phones(bare[:cut]), phones(bare[cut:])
            if head and tail:
                return head[0] + " " + tail[0]
    head, extra = bare, ""
    while "'" in head:  # couldn't've, y'all'd: a known head, a tail a syllable only when it has a vowel
        head, tail = head.rsplit("'", 1)
        extra = (
            " AH0" if tail == "ve" and head.endswith("n't") or re.search("[aeiouy]", tail) else ""
        ) + extra
        found = phones(head)
        if found:
            return found[0] + extra
    return None


# Spelling rules -----------------------------------------------------------------------------------

_VOWELS = {
    "en": "aeiouy",
    "de": "aeiouyäöü",
    "es": "aeiouáéíóúü",
    "it": "aeiouàèéìíòóù",
    "fr": "aeiouyàâéèêëîïôûùü",
    "pt": "aeiouáâãéêíóôõú",
}
# Vowel pairs that make one syllable (diphthongs and long vowels), per language.
_DIGRAPHS = {
    "en": (
        "ai",
        "au",
        "aw",
        "ay",
        "ea",
        "ee",
        "ei",
        "ey",
        "eu",
        "ie",
        "oa",
        "oe",
        "oi",
        "oo",
        "ou",
        "oy",
        "ue",
        "ui",
        "uy",
    ),
    "de": ("ai", "au", "äu", "ei", "eu", "ie", "aa", "ee", "oo", "ey", "ay"),
    "es": (
        "ai",
        "au",
        "ei",
        "eu",
        "oi",
        "ou",
        "ia",
        "ie",
        "io",
        "iu",
        "ua",
        "ue",
        "ui",
        "uo",
        "ay",
        "ey",
        "oy",
        "uy",
    ),
    "it": ("ia", "ie", "io", "iu", "ua", "ue", "ui", "uo", "ai", "ei", "oi", "au"),
    "pt": ("ai", "au", "ei", "eu", "oi", "ou", "ui", "ão", "ãe", "õe"),
    "fr": ("ai", "au", "ei", "eu", "oi", "ou", "ue", "oe", "ie", "ui"),
}
_STRONG_ACCENTS = str.maketrans("áéóàèò", "aeoaeo")  # an accent on a strong vowel keeps the diphthong
_FALLBACK_DIGRAPHS = ("ai", "au", "ei", "eu", "ie", "ou", "oi")


def spelled_syllables(word: str, language: str) -> tuple[int | None, str]:
    """(syllables, source) of a word from its spelling: vowel groups, or pyphen where it knows more.

    None in a language without rules of our own when the word has no vowel letter we know (a word
    in another script): a guess of one would look like a count."""
    letters = "".join(c for c in word.lower() if c.isalpha())
    if not letters:
        return 0, "rule"
    count = _vowel_nuclei(letters, language)
    if count == 0 and language not in _VOWELS and not _hyphenated(letters, language):
        return None, "rule"
    if language == "en":
        count = _english_adjust(letters, count)
    elif language == "de":
        count = _german_adjust(letters, count)
    elif language not in _DIGRAPHS:  # no rules of our own: hyphenation may know vowel pairs that split
        pieces = _hyphenated(letters, language)
        if pieces > count:
            return pieces, "hyphenation"
    return max(1, count), "rule"


def _vowel_nuclei(letters: str, language: str) -> int:
    vowels = _VOWELS.get(language, "aeiouyàáâãäåèéêëìíîïòóôõöùúûü")
    digraphs = _DIGRAPHS.get(language, _FALLBACK_DIGRAPHS)
    count, i = 0, 0
    while i < len(letters):
        c = letters[i]
        if c not in vowels or (c == "u" and i and letters[i - 1] == "q"):
            i += 1
            continue
        if c == "y" and language == "es" and (i + 1 < len(letters) and letters[i + 1] in vowels):
            i += 1  # consonantal y before a vowel
            continue
        count += 1
        j = i + 1
        if letters[i : i + 3] in ("eau", "iou", "uai", "uay", "iei", "uei", "uey"):
            j = i + 3
        elif letters[i : i + 2].translate(_STRONG_ACCENTS) in digraphs or (
            language == "es" and letters[i : i + 2] in ("iú", "uí")
        ):  # two weak vowels are one syllable even with an accent: "veintiún", "construí"
            j = i + 2
        elif language == "en":  # English: a run of vowels is one syllable unless a known hiatus
            while j < len(letters) and letters[j] in vowels and letters[j] != "y":
                j += 1
        i = j
    return count


_EN_HIATUS = re.compile(
    r"(?:(?<![tscgx])i[aou]|eo|ua|uo|ea(?=l$|n$|rs?$)|ie(?=t|r$|st)|ue(?=l|t)|oe(?=m|t)|ao|ya|yo)"
)
_EN_SILENT_E = re.compile(r"[aeiouy][^aeiouy]e(?:ly|ment|ments|ness|ful|less)$")
_EN_SYLLABIC_L = re.compile(r"[^aeiouyl]l(?:ing|ings|er|ers)$")


def _english_adjust(w: str, count: int) -> int:
    """English spelling corrections to the vowel-group count: silent e, -ed, -le and hiatus."""
    count += len(_EN_HIATUS.findall(w))
    if w.endswith("e") and len(w) > 2 and w[-2] not in "aeiouy" and not w.endswith("le") and count > 1:
        count -= 1  # silent final e
    elif w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy" and count > 1:
        count -= 1  # "smile", "whale": the e is silent
    elif w.endswith(("es", "ed")) and len(w) > 3 and count > 1:
        stem = w[:-2]
        voiced = w.endswith("es") and stem.endswith(("s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze"))
        sounded = w.endswith("ed") and stem.endswith(("t", "d"))
        syllabic = re.search(r"[^aeiouyl]l$", stem)  # "crumbled", "snarfles"
        if not voiced and not sounded and not syllabic and stem[-1] not in "aeiouy":
            count -= 1  # "hopes", "walked": no syllable of their own
    if w.endswith("ism") or _EN_SYLLABIC_L.search(w) or w.startswith("mc"):
        count += 1  # "prism", "bundling", "McGinnis"
    if _EN_SILENT_E.search(w):
        count -= 1  # "advisement", "lately"
    return max(1, count)


@functools.lru_cache(maxsize=16)
def _pyphen(language: str):
    import pyphen

    name = pyphen.language_fallback(language)
    return pyphen.Pyphen(lang=name, left=1, right=1) if name else None


def _hyphenated(letters: str, language: str) -> int:
    dictionary = _pyphen(language)
    if dictionary is None:
        return 0
    vowels = _VOWELS.get(language, "aeiouyàáâãäåèéêëìíîïòóôõöùúûü")
    # A piece without a vowel is no syllable: with one-letter margins pyphen cuts "u-nd", "wo-rt".
    return sum(
        1 for piece in dictionary.inserted(letters, hyphen="\0").split("\0") if set(piece) & set(vowels)
    )


# German vowel pairs that split: the Latin -ie ("Familie"), plurals in -ien ("Ferien", "Melodien",
# but "schien", "Wien"), in -een ("Ideen", "Seen") and -eum ("Museum"); be-/ge- before an e
# ("beenden", "geehrt", "beeilen"; not "Beere", "Beet").
_DE_HIATUS = re.compile(r"(?:il|in)ie$|(?<!sch)(?<![aeiouäöü])ien$|een$|eums?$")
_DE_PREFIX_HIATUS = re.compile(r"^[bg]e(?=e)(?!e[rt](?!dig))")


def _german_adjust(letters: str, count: int) -> int:
    """German spelling corrections to the vowel-group count: vowel pairs that are two syllables."""
    if _DE_HIATUS.search(letters) and letters != "wien":
        count += 1
    prefix = _DE_PREFIX_HIATUS.match(letters)
    if prefix:  # the prefix's e and the stem's vowels are counted apart: be|eilen, not bee|i|len
        count = 1 + _vowel_nuclei(letters[prefix.end() :], "de") + (count - _vowel_nuclei(letters, "de"))
    return count


_DE_PREFIXES = ("be", "ge", "er", "ver", "zer", "ent", "emp")


def _guess_stress(word: str, count: int, language: str) -> str:
    """Stress digits for a word counted by spelling: the language's usual place for the stress."""
    if count <= 1:
        return "0" if word in FUNCTION_WORDS.get(language, ()) else "1"
    place = 0  # English and German: the first syllable
    if language == "de" and word.startswith(_DE_PREFIXES):
        place = 1
    elif language == "en" and word.endswith(("tion", "sion", "ic", "ity")):
        place = count - 2 if not word.endswith("ity") else count - 3
    elif language in ("es", "it", "pt"):
        accented = [i for i, c in enumerate(unicodedata.normalize("NFD", word)) if c == "\u0301"]
        if accented:
            before = unicodedata.normalize("NFD", word)[: accented[0]]
            place = _vowel_nuclei(unicodedata.normalize("NFC", before), language) - 1
        elif language == "es" and word[-1] not in "aeiouns":
            place = count - 1
        else:
            place = count - 2
    elif language == "fr":
        place = count - 1
    place = min(max(place, 0), count - 1)
    return "".join("1" if i == place else "0" for i in range(count))

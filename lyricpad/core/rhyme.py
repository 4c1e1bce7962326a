"""Rhyme schemes: the letter of each line within a section, from the sound of its last word.

English words rhyme by CMUdict's phones from the last stressed vowel onward (perfect), or nearly:
the same vowel with consonants of one family (Zwicky's families: "time"/"mine", "home"/"alone"),
a dropped consonant, the same last unstressed vowel ("radio"/"Ohio"), or the same consonants after
close vowels ("forgot"/"brought"). Words CMUdict does not know, and other languages, rhyme by
spelling: the letters from the stressed vowel group onward, with a few spelling equivalences.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from dataclasses import dataclass

from lyricpad.core import numbers, prosody
from lyricpad.core.languages import language_code

_QUALITY_RANK = {"perfect": 0, "near": 1, "spelling": 2}


@dataclass(frozen=True)
class RhymeMark:
    """A line's rhyme letter, how it rhymes with its group, and the span of its rhyming word."""

    letter: str | None  # None: past the last letter (ZZ) a section can have
    quality: str | None  # "perfect" | "near" | "spelling" | None (no partner in the section, or no letter)
    span: tuple[int, int]


def rhyming_word(line: str) -> tuple[str, tuple[int, int]] | None:
    """The line's last word and its span, ignoring trailing punctuation and parenthesised backing vocals."""
    masked = prosody.without_backing(line)
    matches = list(prosody.WORD.finditer(masked)) or list(prosody.WORD.finditer(line))
    if not matches:
        return None
    last = matches[-1]
    start, end, word = prosody.trim_quotes(last.start(), last.end(), prosody.fold_word(last.group()))
    return word.strip("'"), (start, end)


def rhyme_scheme(lines: list[str | None], language: str = "en") -> list[RhymeMark | None]:
    """The letters of one section's lines (None entries are not lyrics and get None), A, B, C... in order.

    A line joins the first group holding a perfect rhyme of its word, else the first holding a near
    one, else the first rhyming by spelling, else starts a group. Words are looked up by their
    sound (dictionaries keyed by phones and spellings), so a long section takes linear time.
    Groups after the 702nd (ZZ) get no letter.
    """
    language = language_code(language)
    words: list[tuple[str, tuple[int, int]] | None] = [
        rhyming_word(line) if line is not None else None for line in lines
    ]
    index = _GroupIndex(language)
    group_of: dict[int, int] = {}
    for number, found in enumerate(words):
        if found is not None:
            group_of[number] = index.place(found[0])
    marks: list[RhymeMark | None] = [None] * len(lines)
    for number, group in group_of.items():
        word, span = words[number]  # type: ignore[misc]
        letter = _letter(group)
        quality = index.quality_in_group(word, group) if letter else None
        marks[number] = RhymeMark(letter, quality, span)
    return marks


class _GroupIndex:
    """The rhyme groups of one section, indexed by sound: which group a word joins, and how it rhymes there."""

    def __init__(self, language: str):
        self.language = language
        self.count = 0  # groups made
        self.members: list[dict[str, int]] = []  # per group: its distinct words and how often each came
        self.sizes: list[int] = []  # per group: its lines
        self.perfect: dict[tuple[str, ...], int] = {}  # phone tail -> first group with a word ending so
        self.spelled_all: dict[str, int] = {}  # spelling key -> first group with a word spelled so
        self.spelled_bare: dict[str, int] = {}  # the same, of words without a pronunciation
        # Near rhymes share the stressed vowel, or the consonants after it, or the last vowel on:
        self.near: dict[tuple, dict[str, int]] = {}  # bucket -> {word: first group holding it}
        self.tails_in_group: list[dict[tuple[str, ...], int]] = []  # per group: tail -> distinct words
        self.keys_in_group: list[dict[str, int]] = []  # per group: spelling key -> distinct words
        self.bare_keys_in_group: list[dict[str, int]] = []  # the same, of words without a pronunciation
        self.best: dict[tuple[str, int], str | None] = {}

    def place(self, word: str) -> int:
        """The group *word* joins (a new one when it rhymes with none), recorded."""
        group = self._find(word)
        if group is None:
            group = self.count
            self.count += 1
            self.members.append({})
            self.sizes.append(0)
            self.tails_in_group.append({})
            self.keys_in_group.append({})
            self.bare_keys_in_group.append({})
        self._add(word, group)
        return group

    def _find(self, word: str) -> int | None:
        prons, key, tails, buckets = _sound(word, self.language)
        if not prons:
            return self.spelled_all.get(key) if key else None
        found = [self.perfect[t] for t in tails if t in self.perfect]
        if found:
            return min(found)
        near = None
        for bucket in buckets:
            for other, group in self.near.get(bucket, {}).items():
                if (near is None or group < near) and rhyme_quality(word, other, self.language) == "near":
                    near = group
        if near is not None:
            return near
        return self.spelled_bare.get(key) if key else None

    def _add(self, word: str, group: int) -> None:
        members = self.members[group]
        members[word] = members.get(word, 0) + 1
        self.sizes[group] += 1
        if members[word] > 1:
            return
        prons, key, own_tails, buckets = _sound(word, self.language)
        if key:
            self.spelled_all[key] = min(self.spelled_all.get(key, group), group)
            _count(self.keys_in_group[group], key)
            if not prons:
                self.spelled_bare[key] = min(self.spelled_bare.get(key, group), group)
                _count(self.bare_keys_in_group[group], key)
        tails = self.tails_in_group[group]
        for tail in own_tails:
            self.perfect[tail] = min(self.perfect.get(tail, group), group)
            _count(tails, tail)
        for bucket in buckets:
            words = self.near.setdefault(bucket, {})
            words[word] = min(words.get(word, group), group)

    def quality_in_group(self, word: str, group: int) -> str | None:
        """How *word* rhymes with the other lines of its group: its best tie, or "near" when joined
        through another member; None when it is alone."""
        if self.sizes[group] < 2:
            return None
        cached = (word, group)
        if cached not in self.best:
            self.best[cached] = self._best_in_group(word, group)
        return self.best[cached]

    def _best_in_group(self, word: str, group: int) -> str:
        prons, key, own_tails, buckets = _sound(word, self.language)
        again = self.members[group][word] > 1  # the same word on another line of the group
        if prons:
            tails = self.tails_in_group[group]
            if again or any(tails.get(t, 0) > 1 for t in own_tails):
                return "perfect"
            for bucket in buckets:
                for other, first in self.near.get(bucket, {}).items():
                    if (
                        first == group
                        and other != word
                        and rhyme_quality(word, other, self.language) == "near"
                    ):
                        return "near"
            spelled = self.bare_keys_in_group[group].get(key, 0) if key else 0
        else:
            spelled = self.keys_in_group[group].get(key, 0) - 1 + again if key else 0
        return "spelling" if spelled > 0 else "near"  # joined through another member: the group's weakest tie


@functools.lru_cache(maxsize=20_000)
def _sound(word: str, language: str) -> tuple[tuple[tuple[str, ...], ...], str, frozenset, frozenset]:
    """What a folded word is looked up by: (its pronunciations, its spelling key, its phone tails,
    the buckets its near rhymes are in); English alone has pronunciations."""
    spoken = _as_word(word, language)
    prons = _english_pronunciations(spoken) if language == "en" else ()
    return prons, spelling_key(spoken, language), frozenset(_tails(prons)), frozenset(_buckets(prons))


def _count(table: dict, key) -> None:
    table[key] = table.get(key, 0) + 1


def _tails(prons: tuple[tuple[str, ...], ...]) -> set[tuple[str, ...]]:
    return {_tail(p) for p in prons if p}


def _buckets(prons: tuple[tuple[str, ...], ...]) -> set[tuple]:
    """Where a near rhyme of a word with these pronunciations is looked for (see `_near`, `_weak`)."""
    buckets: set[tuple] = set()
    for phones in prons:
        if not phones:
            continue
        tail = _tail(phones)
        buckets.add(("vowel", tail[0]))
        if len(tail) > 1:
            buckets.add(("coda", tail[1:]))
        buckets.add(("last", _last_vowel_tail(phones)))
    return buckets


MAX_LETTERS = 26 + 26 * 26
"""Rhyme groups a section can letter: A to Z, then AA to ZZ (the letters a correction may give)."""


def _letter(number: int) -> str | None:
    if number >= MAX_LETTERS:
        return None
    letters = string.ascii_uppercase
    return letters[number] if number < 26 else letters[number // 26 - 1] + letters[number % 26]


def _best_quality(word: str, others: list[str], language: str) -> str | None:
    best = None
    for other in others:
        quality = rhyme_quality(word, other, language)
        if quality is not None and (best is None or _QUALITY_RANK[quality] < _QUALITY_RANK[best]):
            best = quality
    return best


@functools.lru_cache(maxsize=20_000)
def rhyme_quality(first: str, second: str, language: str = "en") -> str | None:
    """How two folded words rhyme: "perfect", "near", "spelling", or None."""
    first, second = _as_word(first, language), _as_word(second, language)
    if language == "en":
        a, b = _english_pronunciations(first), _english_pronunciations(second)
        if a and b:
            return _phone_quality(a, b)
    key_a, key_b = spelling_key(first, language), spelling_key(second, language)
    return "spelling" if key_a and key_a == key_b else None


def _as_word(word: str, language: str) -> str:
    """A number rhymes by its last spoken word: "1980s" as "eighties", "17" as "siebzehn"."""
    if not any(c.isdigit() for c in word):
        return word
    spoken = numbers.spoken(word, language)
    return spoken[-1] if spoken else word


# Pronunciation ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=20_000)
def _english_pronunciations(word: str) -> tuple[tuple[str, ...], ...]:
    found = prosody.phones(word)
    if not found:
        derived = prosody.english_phones(word)
        found = [derived] if derived else []
    return tuple(tuple(p.split()) for p in found)


def _is_vowel(phone: str) -> bool:
    return phone[-1].isdigit()


def _tail(phones: tuple[str, ...]) -> tuple[str, ...]:
    """The phones from the last vowel with stress 1 or 2 (else the last vowel) onward, without digits."""
    vowels = [i for i, p in enumerate(phones) if _is_vowel(p)]
    if not vowels:
        return tuple(phones)
    stressed = [i for i in vowels if phones[i][-1] in "12"]
    start = stressed[-1] if stressed else vowels[-1]
    return tuple(p.rstrip("012") for p in phones[start:])


def _last_vowel_tail(phones: tuple[str, ...]) -> tuple[str, ...]:
    vowels = [i for i, p in enumerate(phones) if _is_vowel(p)]
    return tuple(p.rstrip("012") for p in phones[vowels[-1] if vowels else 0 :])


# Zwicky's consonant families for rock lyrics: a consonant rhymes with one of its own family.
_FAMILY = {
    **dict.fromkeys(("P", "T", "K"), "p"),
    **dict.fromkeys(("B", "D", "G"), "b"),
    **dict.fromkeys(("F", "TH", "S", "SH", "CH", "HH"), "f"),
    **dict.fromkeys(("V", "DH", "Z", "ZH", "JH"), "v"),
    **dict.fromkeys(("M", "N", "NG"), "m"),
}
# Vowels close enough that the same consonants after them make a near rhyme.
_CLOSE = {
    **dict.fromkeys(("AA", "AO", "AH"), "a"),
    **dict.fromkeys(("IY", "IH"), "i"),
    **dict.fromkeys(("EH", "AE"), "e"),
    **dict.fromkeys(("UW", "UH"), "u"),
}


def _phone_quality(a: tuple[tuple[str, ...], ...], b: tuple[tuple[str, ...], ...]) -> str | None:
    best = None
    for pa in a:
        for pb in b:
            ta, tb = _tail(pa), _tail(pb)
            if ta == tb:
                return "perfect"
            if best is None and (_near(ta, tb) or _weak(pa, pb)):
                best = "near"
    return best


def _weak(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same full last vowel and after, one of them unstressed: "radio"/"Ohio", "family"/"me"."""
    last = _last_vowel_tail(a)
    return last == _last_vowel_tail(b) and bool(last) and last[0] not in ("AH", "ER", "IH")


def _families(tail: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_FAMILY.get(p, p) for p in tail)


def _near(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    if ta[0] == tb[0]:  # the same stressed vowel: consonants of a family, or one dropped
        fa, fb = _families(ta), _families(tb)
        if fa == fb:
            return True
        if len(fa) == len(fb) == 2 and {fa[1], fb[1]} <= {"p", "f"}:
            return True  # one voiceless obstruent each: "up"/"enough"
        if _same_unstressed_tail(ta, tb):
            return True
        long, short = (fa, fb) if len(fa) > len(fb) else (fb, fa)
        if len(long) == len(short) + 1 and len(short) > 1:  # not "lie"/"life": an open and a closed syllable
            for i in range(1, len(long)):
                if not _is_vowel_name(long[i]) and long[:i] + long[i + 1 :] == short:
                    return True
        return False
    # consonance: the same consonants after close vowels, or after any vowels when two or more
    codas_equal = ta[1:] == tb[1:] and len(ta) > 1
    close = _CLOSE.get(ta[0], ta[0]) == _CLOSE.get(tb[0], tb[0])
    return codas_equal and (close or sum(not _is_vowel_name(p) for p in ta[1:]) >= 2)


def _same_unstressed_tail(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """A two-syllable rhyme with one consonant swapped: "basement"/"statement", "magic"/"panic".

    The same from the first unstressed vowel on, that syllable closed (not a bare "-er", "-y": "mother"
    and "number" do not rhyme), and the consonants between as many, all but one the same."""
    cut_a = next((i for i, p in enumerate(ta) if i and _is_vowel_name(p)), None)
    cut_b = next((i for i, p in enumerate(tb) if i and _is_vowel_name(p)), None)
    if cut_a is None or cut_b is None or ta[cut_a:] != tb[cut_b:] or _is_vowel_name(ta[-1]):
        return False
    between_a, between_b = ta[1:cut_a], tb[1:cut_b]
    return (
        len(between_a) == len(between_b)
        and sum(x != y for x, y in zip(between_a, between_b, strict=True)) == 1
    )


_VOWEL_NAMES = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())


def _is_vowel_name(phone: str) -> bool:
    return phone in _VOWEL_NAMES


# Spelling -----------------------------------------------------------------------------------------

_SPELLING = {
    "en": (("igh", "i"), ("ph", "f"), ("ck", "k"), ("wr", "r"), ("kn", "n"), ("ea", "ee"), ("ie", "ee")),
    "de": (
        ("ß", "s"),
        ("dt", "tt"),
        ("th", "t"),
        ("äu", "eu"),
        ("ai", "ei"),
        ("ey", "ei"),
        ("ä", "e"),
        ("ie", "i"),
    ),
    "es": (("v", "b"), ("z", "s"), ("ce", "se"), ("ci", "si"), ("ll", "y"), ("h", ""), ("qu", "k")),
}
_VOWEL_LETTERS = "aeiouyäöüáéíóúàèìòùâêîôûãõ"
_GERMAN_REDUCED = re.compile(r"^e(?:n|r|l|m|s|t|rn|ln|nd)?$")


@functools.lru_cache(maxsize=20_000)
def spelling_key(word: str, language: str = "en") -> str:
    """The letters of a word from its (likely) stressed vowel group onward, spelling variants folded."""
    word = "".join(c for c in word.lower() if c.isalpha())
    if not word:
        return ""
    stress_at = None
    if language == "es":
        stress_at = _spanish_stress_position(word)
    for old, new in _SPELLING.get(language, ()):
        word = word.replace(old, new)
    long_last = False
    if language == "de":
        # a lengthening h marks a long, stressed last vowel: "wiedersehn" ~ "zehn", "Verkehr" ~ "mehr"
        long_last = bool(re.search(r"[aeiouäöü]h[^aeiouäöüy]*$", word))
        word = re.sub(r"(?<=[aeiouöü])h(?![aeiouäöü])", "", word)  # "kahl" ~ "Pokal"
        word = re.sub(
            r"([aeo])\1", r"\1", word
        )  # a doubled vowel is long too: "leer" ~ "mehr", "Boot" ~ "rot"
        word = re.sub(r"d$", "t", word)
    if language != "de":  # German doubles mark a short vowel: "Sonne" ~ "Wonne", not "ohne"
        word = re.sub(r"(.)\1", r"\1", word)
    plain = _strip_accents(word)
    groups = [m.start() for m in re.finditer(f"[{_VOWEL_LETTERS}]+", plain)]
    if not groups:
        return plain
    start = groups[-1]
    if stress_at is not None:
        start = groups[max(0, len(groups) - stress_at)]
        glide = re.match(f"[iu](?=[{_VOWEL_LETTERS}])", plain[start:])
        start += 1 if glide else 0  # "puente" ~ "repente", "canción" ~ "cajón": the glide is no part of it
    elif (
        len(groups) > 1
        and language in ("en", "fr")
        and re.fullmatch(r"[^aeiouy]+e[sd]?", plain[groups[-2] :][1:])
    ):
        start = groups[-2]  # a silent final e: "time", "times"
    elif (
        len(groups) > 1 and language == "de" and not long_last and _GERMAN_REDUCED.match(plain[groups[-1] :])
    ):
        start = groups[-2]  # "Sonne" ~ "Wonne": the stress is before the reduced syllable
    elif len(groups) > 1 and language in ("it", "pt"):
        start = groups[-2]
    return plain[start:]


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _spanish_stress_position(word: str) -> int | None:
    """Which vowel group, counted from the end (1 = the last), holds a Spanish word's stress."""
    groups = [m.group() for m in re.finditer("[aeiouüáéíóú]+", word)]
    if not groups:
        return None
    for back, group in enumerate(reversed(groups), 1):
        if any(c in "áéíóú" for c in group):
            return back
    return 2 if word[-1] in "aeiouns" and len(groups) > 1 else 1

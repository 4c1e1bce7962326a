"""Numbers written in digits, read as a singer says them: the words of "19", "1980s", "'68", "21st".

English reads cardinals, years in pairs ("1980" = nineteen eighty), decades ("1980s", "'80s",
"80's" = eighties), the abbreviated year ("'68" = sixty-eight) and ordinals ("21st"). German and
Spanish read cardinals up to 999 999 with their own number words (German writes them as one word:
"siebzehn", "neunzehnhundertachtzig"), German decades ("80er" = achtziger) and Spanish ordinals up
to ten ("3º"). Anything else, or another language, has no reading: None.
"""

from __future__ import annotations

import re

# A token of digits: a leading apostrophe (the abbreviated year), then a suffix of letters.
_TOKEN = re.compile(r"'?(\d+)'?([^\W\d_]*)")

_EN_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_ORDINAL = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}

_DE_ONES = (
    "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
    "sechzehn siebzehn achtzehn neunzehn"
).split()
_DE_TENS = "_ _ zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()

_ES_ONES = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro "
    "veinticinco veintiséis veintisiete veintiocho veintinueve"
).split()
_ES_TENS = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_ES_HUNDREDS = (
    "_ ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos"
).split()
_ES_ORDINALS = "_ primero segundo tercero cuarto quinto sexto séptimo octavo noveno décimo".split()

LIMIT = 999_999
"""The largest number read as a number; longer digit strings are read digit by digit."""


def spoken(token: str, language: str = "en") -> list[str] | None:
    """The words a folded token with digits is sung as, or None when it has no reading in *language*."""
    match = _TOKEN.fullmatch(token)
    if not match:
        return None
    digits, suffix = match.groups()
    if language == "en":
        return _english(digits, suffix, token.startswith("'"))
    if language == "de":
        return _german(digits, suffix)
    if language == "es":
        return _spanish(digits, suffix)
    return None


def _by_digit(digits: str, ones: list[str]) -> list[str] | None:
    """ "007", or a number too long to read: digit by digit."""
    if len(digits) > 1 and digits.startswith("0") or int(digits) > LIMIT:
        return [ones[int(d)] for d in digits]
    return None


# English ------------------------------------------------------------------------------------------


def number_words(digits: str) -> list[str]:
    """English words for a number as sung: 19 -> nineteen, 1999 -> nineteen ninety-nine, 250 -> two fifty."""
    spelled = _by_digit(digits, _EN_ONES)
    if spelled is not None:
        return spelled
    value = int(digits)
    if value < 20:
        return [_EN_ONES[value]]
    if value < 100:
        return [_EN_TENS[value // 10]] + ([_EN_ONES[value % 10]] if value % 10 else [])
    head, tail = divmod(value, 100)
    if 1000 < value < 2000 and (tail or head > 10) or 100 < value < 1000 and tail:
        # years and prices read in pairs: 1999, 1900 -> nineteen hundred, 250 -> two fifty
        if not tail:
            return number_words(str(head)) + ["hundred"]
        return number_words(str(head)) + (["oh"] if tail < 10 else []) + number_words(str(tail))
    if value < 1000:
        return number_words(str(head)) + ["hundred"]
    thousands, rest = divmod(value, 1000)
    return _under_a_thousand(thousands) + ["thousand"] + (_under_a_thousand(rest) if rest else [])


def _under_a_thousand(value: int) -> list[str]:
    """The part of a larger number under a thousand, said in full (4321 -> ... three hundred twenty-one),
    never in pairs as a number standing alone may be (250 -> two fifty)."""
    hundreds, tail = divmod(value, 100)
    words = number_words(str(hundreds)) + ["hundred"] if hundreds else []
    return words + (number_words(str(tail)) if tail else [])


def _english(digits: str, suffix: str, abbreviated: bool) -> list[str] | None:
    if abbreviated and len(digits) != 2:  # only a year is shortened: '68, '80s
        return None
    words = number_words(digits)
    if suffix == "":
        return words
    last = words[-1]
    if suffix == "s":  # a decade or a plural: 1980s, '80s, 80's, sevens
        return words[:-1] + [
            last[:-1] + "ies" if last.endswith("y") else last + ("es" if last.endswith("x") else "s")
        ]
    if suffix in ("st", "nd", "rd", "th") and not abbreviated:
        ordinal = _EN_ORDINAL.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
        return words[:-1] + [ordinal]
    return None


# German -------------------------------------------------------------------------------------------


def german_number(value: int) -> str:
    """The German word for 0 <= value <= 999 999, written as one word; 1100-1999 read as years."""
    if value < 20:
        return _DE_ONES[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return (_de_head(unit) + "und" if unit else "") + _DE_TENS[tens]
    hundreds, rest = divmod(value, 100)
    if value < 1000 or 1100 <= value < 2000:  # "neunzehnhundertachtzig", the year
        head = "" if hundreds == 1 else _de_head(hundreds)
        return head + "hundert" + (german_number(rest) if rest else "")
    thousands, rest = divmod(value, 1000)
    head = "" if thousands == 1 else _de_head(thousands)
    return head + "tausend" + (german_number(rest) if rest else "")


def _de_head(value: int) -> str:
    """A number before another part: "eins" becomes "ein" (einundzwanzig, hunderteintausend)."""
    word = german_number(value)
    return word[:-1] if word.endswith("eins") else word


def _german(digits: str, suffix: str) -> list[str] | None:
    spelled = _by_digit(digits, _DE_ONES)
    if spelled is not None:
        return spelled if not suffix else None
    word = german_number(int(digits))
    if suffix == "":
        return [word]
    if suffix in ("er", "ern") and int(digits) % 10 == 0 and int(digits) >= 20:  # die 80er, in den 80ern
        return [word + suffix]
    return None


# Spanish ------------------------------------------------------------------------------------------


def spanish_number(value: int) -> list[str]:
    """The Spanish words for 0 <= value <= 999 999: "treinta y dos", "mil novecientos ochenta"."""
    if value < 30:
        return [_ES_ONES[value]]
    if value < 100:
        tens, unit = divmod(value, 10)
        return [_ES_TENS[tens]] + (["y", _ES_ONES[unit]] if unit else [])
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        if value == 100:
            return ["cien"]
        return [_ES_HUNDREDS[hundreds]] + (spanish_number(rest) if rest else [])
    thousands, rest = divmod(value, 1000)
    head = [] if thousands == 1 else _es_before_noun(spanish_number(thousands))
    return head + ["mil"] + (spanish_number(rest) if rest else [])


def _es_before_noun(words: list[str]) -> list[str]:
    """ "uno" before a noun (here "mil") is "un": "veintiún mil", "treinta y un mil"."""
    last = words[-1]
    if last == "uno":
        return words[:-1] + ["un"]
    if last == "veintiuno":
        return words[:-1] + ["veintiún"]
    return words


def _spanish(digits: str, suffix: str) -> list[str] | None:
    spelled = _by_digit(digits, _ES_ONES)
    if spelled is not None:
        return spelled if not suffix else None
    value = int(digits)
    if suffix in ("", "s"):  # "los 80s": los ochenta
        return spanish_number(value)
    if suffix in ("º", "ª") and 1 <= value <= 10:
        word = _ES_ORDINALS[value]
        return [word[:-1] + "a" if suffix == "ª" else word]
    return None

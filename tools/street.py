# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Street names folded for comparison: case, accents, numbers, abbreviations."""

import re

from .text import fold

# Abbreviations of a French street type, in first position ("Av. Ch. Woeste").
_TYPE_ABBREVIATIONS = {
    "av": "avenue",
    "ave": "avenue",
    "bd": "boulevard",
    "bld": "boulevard",
    "boul": "boulevard",
    "bvd": "boulevard",
    "ch": "chaussee",
    "chee": "chaussee",
    "chs": "chaussee",
    "pl": "place",
    "r": "rue",
    "sq": "square",
    "imp": "impasse",
}
# Abbreviations valid anywhere in the name.
_WORD_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "1er": "ier", "1": "i"}
# Abbreviated Dutch street types, glued to the name or apart, in last position
# ("Esseghemstr.", "Jetse stwg").
_DUTCH_TYPES = {
    "str": "straat",
    "stwg": "steenweg",
    "stw": "steenweg",
    "ln": "laan",
    "pln": "plein",
}
# Parts of an address line that are not the street's name: boxes, floors,
# house numbers ("12", "12A", "12-14", "12/3").
_BOX = r"\b(?:bte|boite|bus|box|app|appt|apt|etage|verdieping)\b\.?\s*[\w/-]*"
_NUMBER = r"\b(\d+)[a-z]?(?:\s*[-/]\s*\d+[a-z]?)*\b(?!er\b)"
_NOISE = re.compile(f"{_BOX}|{_NUMBER}")


def _street_words(value):
    """Return the words of a street name as (word, abbreviated) pairs."""
    text = _NOISE.sub(" ", fold(value).replace("\u2019", " ").replace("'", " "))
    words = [
        (match.group(1), bool(match.group(2))) for match in re.finditer(r"([a-z0-9]+)(\.?)", text)
    ]
    result = []
    for index, (word, abbreviated) in enumerate(words):
        if index == 0 and word in _TYPE_ABBREVIATIONS:
            word, abbreviated = _TYPE_ABBREVIATIONS[word], False
        elif word in _WORD_ABBREVIATIONS:
            word, abbreviated = _WORD_ABBREVIATIONS[word], False
        elif index == len(words) - 1:
            for short, full in _DUTCH_TYPES.items():
                if word.endswith(short):
                    word, abbreviated = word[: -len(short)] + full, False
                    break
        result.append((word, abbreviated))
    return result


def street_match_key(value):
    """Fold an address line to the key used to compare street names.

    Case, accents, punctuation, spaces, house numbers, boxes and the usual
    abbreviations of street types (av., bd, r., str., …) do not matter:
    ``street_match_key("12, Av. du Parc")`` equals
    ``street_match_key("avenue du parc")``, and "Esseghemstr. 5 bus 2" folds
    like "Esseghemstraat".
    """
    return "".join(word for word, _abbreviated in _street_words(value))


def street_match_pattern(value):
    """Return a regular expression for an address whose words are shortened
    to an initial ("Av. Ch. Woeste", "R. J. Lahaye"), or None when nothing is
    shortened: each shortened word stands for any word it begins."""
    words = _street_words(value)
    if not any(abbreviated for _word, abbreviated in words):
        return None
    return re.compile(
        "".join(
            re.escape(word) + ("[a-z0-9]*" if abbreviated else "") for word, abbreviated in words
        )
    )


def house_number(value):
    """Return the house number of an address line as an integer, 0 when it
    has none: "Avenue Charles Woeste 130 bte 4" and "12, rue Esseghem" give
    130 and 12; "12A", "12/3" (number 12, box 3) and "12-14" count as 12. A
    box or floor is not a house number, nor the number of a name ("Rue
    Léopold 1er")."""
    text = re.sub(_BOX, " ", fold(value))
    numbers = list(re.finditer(_NUMBER, text))
    if not numbers:
        return 0
    # The number comes first ("12, rue ...") or after the name (where a
    # name may hold a number of its own: "Rue du 11 Novembre 5").
    first = numbers[0]
    chosen = first if not re.search(r"[a-z]", text[: first.start()]) else numbers[-1]
    return int(chosen.group(1))


def street_line_covers(side, number_from, number_to, number):
    """Whether a street line of a zone (a side, a range of house numbers;
    0 = no limit) covers house number ``number`` (0 = unknown). A line for
    the whole street covers every address of it, with or without a number;
    a line limited to a side or a range covers only the numbers it names."""
    if side in (False, None, "both") and not number_from and not number_to:
        return True
    if not number:
        return False
    if side == "even" and number % 2:
        return False
    if side == "odd" and not number % 2:
        return False
    return (not number_from or number >= number_from) and (not number_to or number <= number_to)

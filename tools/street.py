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
_NOISE = re.compile(
    r"\b(?:bte|boite|bus|box|app|appt|apt|etage|verdieping)\b\.?\s*[\w/-]*"
    r"|\b\d+[a-z]?(?:\s*[-/]\s*\d+[a-z]?)*\b(?!er\b)",
)


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

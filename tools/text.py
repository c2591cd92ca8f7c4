# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unicodedata


def fold(value):
    """Case- and accent-insensitive form of a text, spaces collapsed to one:
    "  Élodie  DUPONT " and "elodie dupont" fold alike."""
    text = unicodedata.normalize("NFKD", value or "")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())

"""How people's names compare: pure, shared by the stored comparison key and merges."""

import re
import unicodedata

_NOT_A_LETTER = re.compile(r"[\W_]+")

#: Longest key stored (folding can lengthen a name: "ß" becomes "ss").
KEY_LENGTH = 400


def name_key(full_name: str) -> str:
    """The name as duplicates are compared: case-folded, without accents,
    punctuation or repeated spaces ("José  PÉREZ-Díaz" -> "jose perez diaz")."""
    decomposed = unicodedata.normalize("NFKD", (full_name or "").casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_A_LETTER.sub(" ", bare).split())[:KEY_LENGTH]

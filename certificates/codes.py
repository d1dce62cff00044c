"""Certificate codes: generation, normalisation and display (pure functions).

A code is 16 characters of Crockford's base32 alphabet (no I, L, O, U, so it
can be read aloud and typed from paper without confusion): 80 random bits
from ``secrets``. It is stored without separators and shown in groups of
four, e.g. ``7KQ4-M2ZD-X9PA-3HRT``.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
GROUP = 4
# Crockford's decoding rules: letters people type for look-alike digits.
ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
SEPARATORS = re.compile(r"[\s\-_.]+")
VALID = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")


class MalformedCode(ValueError):
    """The text cannot be a certificate code (wrong length or characters)."""


def code_generate() -> str:
    """A new random code (80 bits from the OS's secure generator)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_normalize(text: str) -> str:
    """The stored form of a code typed by a person; raises MalformedCode.

    Any case, with or without dashes or spaces; O, I and L are read as 0, 1, 1.
    """
    compact = SEPARATORS.sub("", (text or "").strip()).upper().translate(ALIASES)
    if not VALID.match(compact):
        raise MalformedCode(text)
    return compact


def code_display(code: str) -> str:
    """``7KQ4M2ZDX9PA3HRT`` → ``7KQ4-M2ZD-X9PA-3HRT``."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))

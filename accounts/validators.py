"""Checks on names that are printed on certificates.

Bidirectional control characters (U+202A–U+202E embeddings and overrides,
U+2066–U+2069 isolates) are invisible, yet they reorder the text around them: "Ana ",
U+202E, "oreneG" prints as "Ana General", so a certificate's holder, agency
or country could read differently from what was stored, and a search for the
printed name would not find it. A NUL byte cannot be stored by PostgreSQL.
One validator, used by every form and model field whose value reaches a
certificate (full name, agency name, partner-country name).
"""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

FORBIDDEN_IN_NAMES = frozenset(
    ["\x00"]
    + [chr(code) for code in range(0x202A, 0x202F)]  # LRE, RLE, PDF, LRO, RLO
    + [chr(code) for code in range(0x2066, 0x206A)]  # LRI, RLI, FSI, PDI
)


def forbidden_characters(value: str) -> list[str]:
    """The forbidden characters found in ``value``, as ``U+XXXX`` labels, in order of appearance."""
    seen: list[str] = []
    for character in value:
        label = f"U+{ord(character):04X}"
        if character in FORBIDDEN_IN_NAMES and label not in seen:
            seen.append(label)
    return seen


@deconstructible
class PrintableNameValidator:
    """Refuses bidirectional control characters and NUL in a printed name."""

    message = _(
        "Names cannot contain invisible text-direction control characters or null "
        "characters (found: %(characters)s). Remove them and type the name again."
    )
    code = "forbidden_characters"

    def __call__(self, value) -> None:
        found = forbidden_characters(str(value or ""))
        if found:
            raise ValidationError(
                self.message, code=self.code, params={"characters": ", ".join(found)}
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, PrintableNameValidator)


validate_printable_name = PrintableNameValidator()

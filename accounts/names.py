"""How people's names compare (``name_key``, pure), and filling the stored keys."""

import re
import unicodedata

from django.db import transaction

_NOT_A_LETTER = re.compile(r"[\W_]+")

#: Longest key stored (folding can lengthen a name: "ß" becomes "ss").
KEY_LENGTH = 400


def name_key(full_name: str) -> str:
    """The name as duplicates are compared: case-folded, without accents,
    punctuation or repeated spaces ("José  PÉREZ-Díaz" -> "jose perez diaz")."""
    decomposed = unicodedata.normalize("NFKD", (full_name or "").casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_A_LETTER.sub(" ", bare).split())[:KEY_LENGTH]


def fill_name_keys(user_model, *, using: str = "default", batch: int = 1000) -> int:
    """Stores ``name_key`` on every account that has a name but no key yet; how many.

    A short transaction per batch, in primary-key order, so a large table is
    never locked for long: run by the migration that added the key, and again
    by ``manage.py accounts_name_keys`` after a rolling upgrade (accounts
    written meanwhile by the previous release have none). ``user_model`` is
    the migration's historical model or the real one.
    """
    filled, last = 0, 0
    accounts = user_model.objects.using(using).filter(name_key="").exclude(full_name="")
    while True:
        with transaction.atomic(using=using):
            rows = list(accounts.filter(pk__gt=last).order_by("pk").only("pk", "full_name")[:batch])
            if not rows:
                return filled
            for row in rows:
                row.name_key = name_key(row.full_name)
            user_model.objects.using(using).bulk_update(rows, ["name_key"])
        last, filled = rows[-1].pk, filled + len(rows)

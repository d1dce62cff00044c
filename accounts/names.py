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


def fill_name_keys(
    user_model, *, using: str = "default", batch: int = 1000, every: bool = False
) -> int:
    """Stores ``name_key`` on the accounts that lack it; how many keys changed.

    A short transaction per batch, in primary-key order, so a large table is
    never locked for long: run by the migration that added the key, and again
    by ``manage.py accounts_name_keys`` after a rolling upgrade (accounts
    written meanwhile by the previous release have none). With ``every``, each
    account's key is computed again and written where it differs (a name the
    previous release changed). ``user_model`` is the migration's historical
    model or the real one.
    """
    changed, last = 0, 0
    accounts = user_model.objects.using(using).exclude(full_name="")
    if not every:
        accounts = accounts.filter(name_key="")
    while True:
        with transaction.atomic(using=using):
            rows = list(
                accounts.filter(pk__gt=last)
                .order_by("pk")
                .only("pk", "full_name", "name_key")[:batch]
            )
            if not rows:
                return changed
            stale = []
            for row in rows:
                key = name_key(row.full_name)
                if key != row.name_key:
                    row.name_key = key
                    stale.append(row)
            if stale:
                user_model.objects.using(using).bulk_update(stale, ["name_key"])
        last, changed = rows[-1].pk, changed + len(stale)

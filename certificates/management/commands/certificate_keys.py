"""The deployment's certificate signing keys: create (rotate), list, ensure one exists."""

import json
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates import signing


class Command(BaseCommand):
    help = (
        "Manages the Ed25519 keys that sign certificates (their QR codes). "
        "'create' adds a key that signs from now on (older keys stay published, so "
        "what they signed keeps verifying); 'list' shows them; 'ensure' creates one "
        "only when there is none (development)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "list", "ensure"])

    def handle(self, *args, action, **options):
        if action == "list":
            return self.list()
        if action == "ensure" and signing.keys():
            self.stdout.write(f"A signing key exists: {signing.signing_key().kid}.")
            return
        self.create()

    def list(self):
        loaded = signing.keys()
        if not loaded:
            self.stdout.write("No signing key: certificates carry no signed token.")
            return
        for key in loaded:
            signs = " (signs new certificates)" if key is loaded[-1] else ""
            self.stdout.write(f"{key.kid}  created {key.created or '?'}{signs}")

    def create(self):
        if os.environ.get(signing.KEYS_ENVIRONMENT):
            entry = signing.new_entry()
            raise CommandError(
                f"The keys come from {signing.KEYS_ENVIRONMENT}: add this entry to its "
                f"'keys' list (last) and restart:\n{json.dumps(entry)}"
            )
        path = signing.keys_file()
        if path is None:
            raise CommandError("CERTIFICATES_SIGNING_KEYS_FILE is not set.")
        entries = signing.read_entries(path.read_text("utf-8")) if path.is_file() else []
        entry = signing.new_entry()
        entries.append(entry)
        write_private(path, json.dumps({"keys": entries}, indent=2) + "\n")
        signing.keys.cache_clear()
        self.stdout.write(
            f"Created key {entry['kid']} in {path}: it signs new certificates from the "
            "next start of the application. Back the file up (docs/deploy.md)."
        )


def write_private(path: Path, text: str) -> None:
    """Writes ``text`` to ``path`` readable by its owner only, replacing it at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".keys-")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise

"""The README stands alone in a clone: every file it links to or names is in the repository."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_link_of_the_readme_is_a_file_of_the_repository():
    targets = re.findall(r"\]\(([^)\s]+)\)", README)
    assert targets
    for target in targets:
        assert not target.startswith(("http:", "https:", "/", "..")), target
        assert (ROOT / target.split("#")[0]).exists(), target


def test_the_readme_names_no_path_outside_the_repository():
    assert "../" not in README
    for name in re.findall(r"`([\w./-]+\.md)`", README):
        assert (ROOT / name).exists(), name

"""The audit log's targets in the reader's language.

A target is stored as a short fixed phrase holding ids only, never a name
("transcript of trainee 42 (print)", "user 7", "certificate 7KQ4-M2ZD-X9PA-3HRT"),
so the stored log is the same whatever language its readers use and keeps
no personal data. The admin shows each known phrase translated; anything
else (an exported file's name, a line written by hand) is shown as stored.
"""

import re

from django.utils.translation import gettext, pgettext

#: How a transcript was looked at: on the screen, printed, or exported.
TRANSCRIPT_KINDS = {
    "screen": lambda: pgettext("transcript seen", "screen"),
    "print": lambda: pgettext("transcript seen", "print"),
    "csv": lambda: "CSV",
    "xlsx": lambda: "XLSX",
}


def _transcript(match) -> str:
    kind = TRANSCRIPT_KINDS.get(match["kind"])
    if kind is None:
        return match.string
    return gettext("transcript of trainee %(pk)s (%(kind)s)") % {
        "pk": match["pk"],
        "kind": kind(),
    }


def _profile(match) -> str:
    return (
        gettext(
            "profile of user %(pk)s: country %(country_before)s → %(country_after)s, "
            "agency %(agency_before)s → %(agency_after)s"
        )
        % match.groupdict()
    )


#: (stored phrase, how it reads) in the order they are tried.
TARGETS = [
    (re.compile(r"transcript of trainee (?P<pk>\d+) \((?P<kind>\w+)\)"), _transcript),
    (
        re.compile(r"transcript of trainee (?P<pk>\d+)"),
        lambda match: gettext("transcript of trainee %(pk)s") % match.groupdict(),
    ),
    (
        re.compile(r"user (?P<source>\d+) merged into user (?P<target>\d+)"),
        lambda match: gettext("user %(source)s merged into user %(target)s") % match.groupdict(),
    ),
    (re.compile(r"user (?P<pk>\d+)"), lambda match: gettext("user %(pk)s") % match.groupdict()),
    (
        re.compile(
            r"profile of user (?P<pk>\d+): country (?P<country_before>\S+) -> "
            r"(?P<country_after>\S+), agency (?P<agency_before>\S+) -> (?P<agency_after>\S+)"
        ),
        _profile,
    ),
    (
        re.compile(r"vetting of trainee (?P<pk>\d+)"),
        lambda match: gettext("vetting of trainee %(pk)s") % match.groupdict(),
    ),
    (
        re.compile(r"certificate (?P<code>[\w-]+)"),
        lambda match: gettext("certificate %(code)s") % match.groupdict(),
    ),
]


def target_label(target: str) -> str:
    """Pure (but for the active language): the stored ``target`` as the reader reads it."""
    for pattern, label in TARGETS:
        match = pattern.fullmatch(target)
        if match:
            return label(match)
    return target

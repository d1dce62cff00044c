"""Personal downloads are never kept by a shared cache or the browser's disk.

A certificate, a transcript, a report export or a trainee's own data belongs
to whoever asked for it: ``Cache-Control: private, no-store`` keeps proxies
and CDNs from serving it to the next person and the browser from keeping a
copy on a shared computer. One helper, so every download says the same.
"""

from functools import wraps

from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header


def private_response(response, *, store: bool = False):
    """``response`` marked ``Cache-Control: private, no-store`` (returned for chaining).

    ``store=True`` only says ``private``: for files that are not personal but
    restricted (lesson documents), which the browser may keep but a shared
    cache must never serve to someone else.
    """
    if store:
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def attachment(response, filename: str):
    """``response`` offered for saving as ``filename`` (returned for chaining).

    Django's ``content_disposition_header`` writes the header, with the
    RFC 6266 ``filename*`` form when the name has letters beyond ASCII.
    """
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def private_download(view, *, store: bool = False):
    """View decorator: the view's response is a private download (see module)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return private_response(view(request, *args, **kwargs), store=store)

    return wrapped


def restricted_file(view):
    """View decorator for files only some people may have (``private``, may be stored)."""
    return private_download(view, store=True)

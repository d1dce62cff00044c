from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide pieces: middleware, the language switch tag, the deployment system checks."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks

        connect_content_version()
        remember_site_root_paths()


def connect_content_version():
    """Every change to what the site shows bumps the content version (core.content_version)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .content_version import bump

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, dispatch_uid=f"content-version-{signal!r}")

    def page_saved_or_deleted(sender, instance, **kwargs):
        # Drafts saved as revisions touch the page row too: bumping then costs
        # a cache refill, never a stale page.
        if isinstance(instance, Page):
            bump()

    post_save.connect(page_saved_or_deleted, dispatch_uid="content-version-page-save", weak=False)
    post_delete.connect(
        page_saved_or_deleted, dispatch_uid="content-version-page-delete", weak=False
    )
    for model in (Site, PageViewRestriction):
        post_save.connect(bump, sender=model, dispatch_uid=f"content-version-{model.__name__}")
        post_delete.connect(
            bump, sender=model, dispatch_uid=f"content-version-{model.__name__}-delete"
        )


def remember_site_root_paths():
    """wagtail-modeltranslation reads the sites' root paths from the cache for
    every page URL built in another language than the last one; they change
    only with sites and pages, so they are kept per process under the content
    version instead of a cache round trip each time."""
    from django.utils.translation import get_language

    try:
        from wagtail_modeltranslation import patch_wagtailadmin
    except ImportError:  # pragma: no cover - the package is a requirement
        return
    localized = getattr(patch_wagtailadmin, "_localized_site_get_site_root_paths", None)
    if localized is None or getattr(localized, "remembered", False):
        return

    from .content_version import remember

    def remembered_root_paths():
        return list(remember(("site-root-paths", get_language()), localized))

    remembered_root_paths.remembered = True
    patch_wagtailadmin._localized_site_get_site_root_paths = remembered_root_paths

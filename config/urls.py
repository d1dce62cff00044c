from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from accounts import views as account_views
from certificates import views as certificate_views
from core.downloads import restricted_file
from learning import views as learning_views

from . import views

handler500 = "config.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/jwks.json", certificate_views.jwks, name="jwks"),
    path(
        "certificates/status/<int:number>",
        certificate_views.status_list,
        name="certificate_status_list",
    ),
    path("", views.root_redirect, name="root"),
    # The admin signs in through allauth (rate limits), never Wagtail's own form.
    path("admin/login/", views.admin_login_redirect, name="admin_login_redirect"),
    # wagtail-modeltranslation's copy helper crashes on GET: only POST reaches it.
    re_path(
        r"^admin/pages/(?P<page_id>\d+)/edit/copy_translation_content/$",
        views.copy_translation_content,
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Lesson documents: access checked by courses.wagtail_hooks; never in a shared cache.
    path(
        "documents/",
        include(decorate_urlpatterns(wagtaildocs_urls.urlpatterns, restricted_file)),
    ),
]

urlpatterns += i18n_patterns(
    path("accounts/profile/", account_views.profile, name="profile"),
    path("accounts/privacy/", include("privacy.urls")),
    path("accounts/", include("allauth.urls")),
    path("my-learning/", learning_views.my_learning_view, name="my_learning"),
    path("certificates/", include("certificates.urls")),
    path("evaluation/", include("evaluation.urls")),
    # Wagtail's front-end login (Django's LoginView) would bypass allauth's rate
    # limits and e-mail verification: it only redirects to the allauth sign-in.
    path("_util/login/", views.admin_login_redirect, name="frontend_login_redirect"),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

if settings.BENCH_ENABLED:
    # Baseline for the benchmark harness: the cheapest possible Django view.
    urlpatterns = [path("bench/bare/", views.bench_bare)] + urlpatterns

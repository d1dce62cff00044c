"""Settings, read from the environment with safe local defaults.

Locally nothing needs to be set: SQLite under ``var/``, an in-process cache,
e-mail printed to the console. Production sets at least ``DJANGO_DEBUG=0``,
``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS``, ``DATABASE_URL`` and
``REDIS_URL`` (see README).
"""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
#: Adds the bench-only baseline URL (/bench/bare/); never set in production.
BENCH_ENABLED = env_bool("DJANGO_BENCH", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # Only ever used on a developer's machine with DEBUG on.
    SECRET_KEY = "local-development-only-not-secret"
#: Earlier keys, still accepted for what they signed (sessions, follow-up links)
#: while a rotation settles: the old ``DJANGO_SECRET_KEY`` here, comma-separated.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "accounts",
    "courses",
    "reports",
    "assessments",
    "vetting",  # vetting before training: records, the queue, the enrolment gate
    "learning",
    "certificates",
    "evaluation",  # reaction surveys and follow-up questionnaires (Kirkpatrick 1 and 3)
    "demo",  # seed_demo: the demo site from data files (demo/content/)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.wagtail_users.UsersAppConfig",  # wagtail.users with our account form
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "core",  # site-wide: middleware, language switch, deployment checks (core/checks.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.content_version.VersionMiddleware",
    "core.pages.SiteMiddleware",
    "core.pages.AnonymousPageCacheMiddleware",  # DJANGO_ANONYMOUS_PAGE_CACHE=0 turns it off
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Invalid UTF-8 in forms or the query string: 400 before any view or form reads it.
    "core.middleware.InvalidEncodingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.sessions.SessionTimeoutMiddleware",
    "core.middleware.AdminAccessMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Innermost: a signed-in trainee's repeat visit skips only the view.
    "core.personal_pages.PersonalPageCacheMiddleware",  # DJANGO_PERSONAL_PAGE_CACHE=0: off
]

if not env_bool("DJANGO_ANONYMOUS_PAGE_CACHE", True):
    MIDDLEWARE.remove("core.pages.AnonymousPageCacheMiddleware")
if not env_bool("DJANGO_PERSONAL_PAGE_CACHE", True):
    MIDDLEWARE.remove("core.personal_pages.PersonalPageCacheMiddleware")
# Operator switches for what only a publish can change (docs/deploy.md "Caching
# and CDN"); off, every request builds it again. The benchmark measures each.
CONTENT_MEMO = env_bool("DJANGO_CONTENT_MEMO", True)
FRAGMENT_CACHE = env_bool("DJANGO_FRAGMENT_CACHE", True)

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "courses.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: SQLite file under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation costs more than it saves on this application's queries
    # (measured: 1.5 s to compile the all-trainees export that runs in 1.2 s).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a lock instead of failing at once when two requests write.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Optional PostgreSQL read replica, used by the program-manager reports only.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=60, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["core.db_router.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, reusing one client per pool (core/cache.py).
            "BACKEND": "core.cache.ReusingRedisCache"
            if env_bool("DJANGO_REDIS_CLIENT_REUSE", True)
            else "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "jtp",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, reading the signed-in user from the
    # cache (accounts/backends.py).
    "accounts.backends.CachedModelBackend",
    "accounts.backends.CachedAllauthBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_learning"

# django-allauth: e-mail only, verified, rate limited (allauth's defaults on).
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# allauth's forms with a specific message per field and no placeholders.
ACCOUNT_FORMS = {
    "signup": "accounts.forms.SignupForm",
    "login": "accounts.allauth_forms.LoginForm",
    "reset_password": "accounts.allauth_forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.allauth_forms.ResetPasswordKeyForm",
    "change_password": "accounts.allauth_forms.ChangePasswordForm",
    "set_password": "accounts.allauth_forms.SetPasswordForm",
    "add_email": "accounts.allauth_forms.AddEmailForm",
    "reauthenticate": "accounts.allauth_forms.ReauthenticateForm",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Who the client is, for every rate limit (sign-in, sign-up, password reset,
# certificate look-ups): behind N reverse proxies that each append to
# X-Forwarded-For, the N-th address from the right; without proxies, the
# connection's address. Left at 0 behind a proxy, every visitor would share
# the proxy's address and one visitor's failures would lock everyone out.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}

# Internationalisation: English and Spanish, both in the URL. LANGUAGES is the
# one list of languages: everything else (modeltranslation's fields, the admin's
# languages, the language switcher, import/export columns, the privacy export)
# is derived from it, so a programme adds a language here and only here (plus
# a migration for the new translated columns and its locale/ messages).
# LANGUAGE_CODE is the default language, listed first; untranslated fields fall
# back to it.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/Mexico_City")
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
# Panels of our own that wagtail-modeltranslation must expand per language.
WAGTAILMODELTRANSLATION_CUSTOM_INLINE_PANELS = ["assessments.panels.QuestionsPanel"]
WAGTAIL_I18N_ENABLED = False  # modeltranslation does translation; see DESIGN.md

WAGTAIL_SITE_NAME = "Justice Training Platform"
# No Gravatar: avatars are the admin's own default picture or an uploaded one,
# never a request to an outside service (nor a broken image offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask wagtail.org for new releases (pinned in requirements.txt).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Public root of the site for absolute links (certificate QR codes, e-mails).
# Only DEBUG has a local default; in production it must be set, and
# `check --deploy` reports it unset, plain HTTP or loopback (core/checks.py).
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000" if DEBUG else ""
)
# Optional: another public root for certificate QR codes and their e-mails.
CERTIFICATES_BASE_URL = os.environ.get("CERTIFICATES_BASE_URL", "")
# The Ed25519 keys that sign certificates (manage.py certificate_keys create); or the
# same JSON in DJANGO_CERTIFICATE_KEYS. Outside the repository; back it up.
CERTIFICATES_SIGNING_KEYS_FILE = os.environ.get(
    "DJANGO_CERTIFICATE_KEYS_FILE", str(BASE_DIR / "var" / "certificate-keys.json")
)
# `make serve` only: accept a loopback http:// base URL with DEBUG off.
ALLOW_LOCAL_BASE_URL = env_bool("DJANGO_ALLOW_LOCAL_BASE_URL", False)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin's languages, each under its own name (English, Español).
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, LANG_INFO[code]["name_local"][:1].upper() + LANG_INFO[code]["name_local"][1:])
    for code, _name in LANGUAGES
]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "txt", "csv", "pptx"]
# Documents always go through Wagtail's view, where the access check runs
# (courses.wagtail_hooks): never a redirect to a storage URL anyone could share.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
PRIVATE_ROOT = Path(os.environ.get("DJANGO_PRIVATE_ROOT", BASE_DIR / "var" / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Bulk certificate zips and other files served only through permission checks.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Background tasks (django-tasks). Locally and in tests they run immediately,
# in the request; production sets DJANGO_TASKS_BACKEND=database and runs
# `manage.py db_worker` workers (see docs/deploy.md). Slow work (certificate
# e-mails, bulk zips, large exports) and Wagtail's index updates are tasks.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.backend.DatabaseBackend",
}
_task_backend = _TASK_BACKENDS[os.environ.get("DJANGO_TASKS_BACKEND", "immediate")]
TASKS = {"default": {"BACKEND": _task_backend}}

# Media on S3-compatible storage when a bucket is configured (credentials from
# the standard AWS_* environment variables); else the local MEDIA_ROOT.
if os.environ.get("DJANGO_MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_MEDIA_S3_REGION") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**STORAGES["default"]["OPTIONS"], "location": "private"},
    }

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "training@example.org")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Wagtail's search/reference index tasks log every run at INFO; the PDF
    # libraries log each font subset and layout step at INFO/DEBUG.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        **{
            name: {"level": os.environ.get("DJANGO_PDF_LOG_LEVEL", "WARNING")}
            for name in ("weasyprint", "fontTools")
        },
    },
}

# Security. Production (DEBUG off) gets HTTPS-only cookies, HSTS and an SSL
# redirect; the proxy's forwarded-protocol header is configurable.
if not DEBUG:
    _proxy_header = os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO")
    SECURE_PROXY_SSL_HEADER = (_proxy_header, "https") if _proxy_header else None
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Only `make serve` on loopback turns these off (plain HTTP, no proxy).
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Sessions are read from the cache (Redis in production) and written through
# to the database, so a page costs no session query and a Redis restart signs
# nobody out.
SESSION_ENGINE = os.environ.get(
    "DJANGO_SESSION_ENGINE", "django.contrib.sessions.backends.cached_db"
)
# Sessions end after an absolute lifetime and after inactivity (minutes).
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_ABSOLUTE_MINUTES", str(12 * 60))) * 60
SESSION_IDLE_TIMEOUT = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "60")) * 60

# Content-Security-Policy: no inline scripts or styles on the public site.
# The Wagtail admin ships inline scripts of its own, so it is excluded.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# The Wagtail admin signs in through allauth (rate limits, e-mail login).
WAGTAILADMIN_LOGIN_URL = "account_login"
# Wagtail's own password reset and front-end login would bypass allauth's rate
# limits and e-mail verification: resets go through allauth, and private pages
# send people to the allauth sign-in (config/urls.py redirects /_util/login/).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"

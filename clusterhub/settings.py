"""Clusterhub settings: one module, driven by environment variables."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from clusterhub.lib.env import (
    BadSetting,
    env_bool,
    env_int,
    env_list,
    env_origin,
    env_secret,
    env_str,
)
from clusterhub.lib.secret_key import DEVELOPMENT_KEY

BASE_DIR = Path(__file__).resolve().parent

DEBUG = env_bool("DEBUG", False)
# From SECRET_KEY, else from the file SECRET_KEY_FILE names. Without one, the public
# development key lets commands such as migrate run; serving with it is refused unless DEBUG
# is on (clusterhub.lib.secret_key: wsgi.py, runserver, demo, `check --deploy`).
SECRET_KEY = env_secret("SECRET_KEY", "SECRET_KEY_FILE") or DEVELOPMENT_KEY
SECRET_KEY_FILE = env_str("SECRET_KEY_FILE", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# The site's own address: links in invitations and mail start with it, never with the
# request's Host header.
SITE_URL = env_origin("SITE_URL", "http://localhost:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "clusterhub.accounts",
    "clusterhub.audit",
    # Background tasks: django-q2's queue in the project's database (its admin is replaced by
    # clusterhub.tasks', so that app comes after it).
    "django_q",
    "clusterhub.tasks",
    "clusterhub.registry",
    "clusterhub.ingest",
    "clusterhub.exchange",
    "clusterhub.mapping",
    "clusterhub.benchmarking",
    "clusterhub.policy",
    "clusterhub.cooperation",
    "clusterhub.portal",
    "clusterhub.api",
    "clusterhub.demo",
    # After the portal, whose `runserver` (refusing to serve with the public key) takes the
    # place of this app's.
    "django.contrib.staticfiles",
    "ninja",  # the API docs page with its own static files (not a CDN)
    "django_htmx",
    "axes",
]

# One line per request on standard output (`clusterhub serve` turns it on).
ACCESS_LOG = env_bool("ACCESS_LOG", False)

MIDDLEWARE = [
    # First, so that every request is logged, static files and refusals included.
    "clusterhub.portal.access_log.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files, answered before anything else runs (no session, no language).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clusterhub.urls"
WSGI_APPLICATION = "clusterhub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clusterhub.portal.context.demo_banner",
                "clusterhub.portal.context.roles",
            ],
        },
    },
]

# The default is an SQLite file in the working directory, so `make demo` needs no server.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{Path.cwd() / 'clusterhub.sqlite3'}")
CONN_MAX_AGE = env_int("CONN_MAX_AGE", 0)
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=CONN_MAX_AGE)}
except ValueError:  # dj_database_url's UnknownSchemeError among them
    raise BadSetting(
        f"DATABASE_URL={DATABASE_URL!r} is not a database address Clusterhub can use "
        "(sqlite:///PATH or postgres://USER@HOST:PORT/NAME)"
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work during an import; NORMAL sync is safe with WAL.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # A write waits this long for another one (an import's transaction) to finish.
        "timeout": 30,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:home"
# Sign-in throttling: after AXES_FAILURE_LIMIT failures for a username from one address,
# that pair is locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Failures are counted in the database, so the lockout holds across server processes.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("cs", _("Czech")),
    ("sk", _("Slovak")),
    ("pl", _("Polish")),
    ("hu", _("Hungarian")),
    ("de", _("German")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

# Files uploaded for a browser import wait here until they are confirmed.
UPLOAD_DIR = env_str("UPLOAD_DIR", "")

STATIC_URL = "static/"
# Front-end libraries come from npm at set-up (`make setup`), never from a CDN.
NODE_MODULES = Path(env_str("NODE_MODULES", str(BASE_DIR.parent / "node_modules")))
VENDOR_ASSETS = {
    "vendor/htmx": "htmx.org/dist",
    "vendor/leaflet": "leaflet/dist",
    "vendor/markercluster": "leaflet.markercluster/dist",
    "vendor/topojson": "topojson-client/dist",
    "vendor/world-atlas": "world-atlas",
    # Charts: Vega-Lite specs (built with Altair) rendered by vega-embed; the interpreter
    # evaluates Vega expressions without eval(), so the CSP needs no 'unsafe-eval'.
    "vendor/vega": "vega/build",
    "vendor/vega-lite": "vega-lite/build",
    "vendor/vega-embed": "vega-embed/build",
    "vendor/vega-interpreter": "vega-interpreter/build",
}
STATICFILES_DIRS = [(prefix, NODE_MODULES / folder) for prefix, folder in VENDOR_ASSETS.items()]
# `clusterhub collectstatic` copies every static file here under a name with its content's
# hash, compressed (gzip, Brotli), with a manifest of the names; WhiteNoise serves them.
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(Path.cwd() / "staticfiles")))
# On (as `clusterhub serve` sets it), pages name the collected files by their hashed names,
# which browsers may keep for a year. Off (runserver, the tests, `make demo`), pages name the
# files as they are and WhiteNoise finds them where they lie: no collectstatic needed.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", False)
# Off, collectstatic writes no compressed copies (much quicker; files are sent as they are).
STATIC_COMPRESS = env_bool("STATIC_COMPRESS", True)
MANIFEST_STORAGE = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if STATIC_COMPRESS
    else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": MANIFEST_STORAGE
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST

# Content Security Policy: only our own scripts, styles and images; nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# HTTPS: all off by default (`make demo` serves plain HTTP); see docs/configuration.md.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Only behind a proxy that sets X-Forwarded-Proto itself (and drops the client's).
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SECURE_PROXY_SSL_HEADER", False) else None
)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"access": {"format": "[%(asctime)s] %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stdout",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        "clusterhub.access": {
            "handlers": ["access"],
            "level": "INFO" if ACCESS_LOG else "WARNING",
            "propagate": False,
        }
    },
}

# Anonymous API clients are throttled by address, token holders by token, with more. The
# requests are counted in the cache below, shared by every server process.
API_ANON_RATE = env_str("API_ANON_RATE", "600/min")
API_AUTH_RATE = env_str("API_AUTH_RATE", "6000/min")
# The cache: a table of the database (made by `clusterhub migrate`), or Redis when REDIS_URL
# is set (e.g. redis://127.0.0.1:6379/0).
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "clusterhub_cache",
        # Culled (expired entries first) past this many entries.
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}
# The largest request body read whole: an API call's JSON (a larger one is answered 413
# before it is read), and a portal form's fields (uploaded files are not counted).
API_MAX_BODY_BYTES = env_int("API_MAX_BODY_BYTES", 2_621_440)
if API_MAX_BODY_BYTES < 1:
    raise BadSetting(f"API_MAX_BODY_BYTES={API_MAX_BODY_BYTES} is not a positive number of bytes")
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_BYTES
# Answers to repeated anonymous searches kept per server process (0 turns the store off).
API_ANSWER_CACHE_MB = env_int("API_ANSWER_CACHE_MB", 32)

# Mail: survey invitations and reminders. With no EMAIL_HOST, mail is printed to the
# console (development); tests use Django's in-memory outbox.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Clusterhub <clusterhub@localhost>")

# Background tasks (clusterhub.tasks on django-q2): the queue is a table of this database and
# `clusterhub worker` runs it. A task that raises is run again TASKS_RETRY_SECONDS after it
# started, TASKS_ATTEMPTS times in all; its error is kept in the admin (Failed tasks).
TASKS_WORKERS = env_int("TASKS_WORKERS", 2)
TASKS_TIMEOUT_SECONDS = env_int("TASKS_TIMEOUT_SECONDS", 1800)
TASKS_RETRY_SECONDS = env_int("TASKS_RETRY_SECONDS", TASKS_TIMEOUT_SECONDS + 60)
TASKS_ATTEMPTS = env_int("TASKS_ATTEMPTS", 3)
if TASKS_WORKERS < 1 or TASKS_TIMEOUT_SECONDS < 1 or TASKS_ATTEMPTS < 1:
    raise BadSetting("TASKS_WORKERS, TASKS_TIMEOUT_SECONDS and TASKS_ATTEMPTS must be at least 1")
if TASKS_RETRY_SECONDS <= TASKS_TIMEOUT_SECONDS:
    # A task still running when its retry time comes would be run a second time alongside.
    raise BadSetting("TASKS_RETRY_SECONDS must be longer than TASKS_TIMEOUT_SECONDS")
Q_CLUSTER = {
    "name": "clusterhub",
    "orm": "default",
    "workers": TASKS_WORKERS,
    "timeout": TASKS_TIMEOUT_SECONDS,
    "retry": TASKS_RETRY_SECONDS,
    "max_attempts": TASKS_ATTEMPTS,
    "ack_failures": False,  # a failed task stays queued until its attempts are used up
    "catch_up": False,  # after a stop, a periodic job runs once, not once per missed turn
    "poll": 1,  # seconds between looks at an empty queue
    "save_limit": 500,  # successful tasks kept for the admin; failed ones are all kept
    # No cache of that name: the cluster's statistics (for `qinfo`) are not written to the
    # cache, which would be a write to the database every half second.
    "cache": "tasks-statistics-off",
    "label": _("Background tasks"),
}
# Survey invitations not answered this many days after the last mail are reminded by the
# daily job (0: only the coordinators' "send reminders" button reminds).
SURVEY_REMINDER_DAYS = env_int("SURVEY_REMINDER_DAYS", 14)

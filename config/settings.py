"""Seconde Vie settings: one module, every deployment-specific value read from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "workshop",
    "inventory",
    "documents",
    "partners",
    "loans",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "workshop.middleware.FrenchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "workshop.context_processors.workshop",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite under var/ by default; DATABASE_URL (postgres://…) selects PostgreSQL.
(BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'secondevie.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and a busy timeout keep concurrent writers from failing with
    # "database is locked"; WAL lets readers go on while a domain action writes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "workshop.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workshop:home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "media"
WHITENOISE_USE_FINDERS = DEBUG

# HTTPS hardening is on whenever DEBUG is off; HTTPS=0 turns it off for a plain-HTTP test server.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 12 * 3600

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Seconde Vie <ne-pas-repondre@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The workshop's identity, printed on documents; a site's own record overrides it per site.
WORKSHOP_NAME = os.environ.get("WORKSHOP_NAME", "Atelier Seconde Vie")
WORKSHOP_ADDRESS = os.environ.get("WORKSHOP_ADDRESS", "")
WORKSHOP_SIRET = os.environ.get("WORKSHOP_SIRET", "")
WORKSHOP_LOGO = os.environ.get("WORKSHOP_LOGO", "")  # path to an image file, optional

# The prefix of generated asset tags (SV-000123).
ASSET_TAG_PREFIX = os.environ.get("ASSET_TAG_PREFIX", "SV")

# Partner requests and the waiting list (days unless said otherwise).
REQUEST_FLAG_DAYS = int(os.environ.get("REQUEST_FLAG_DAYS", "10"))  # unhandled: flagged to managers
REQUEST_EXPIRY_DAYS = int(os.environ.get("REQUEST_EXPIRY_DAYS", "30"))  # unhandled: expires, partner told
ELIGIBILITY_MONTHS = int(os.environ.get("ELIGIBILITY_MONTHS", "6"))  # default validity of an attestation
RESERVATION_DAYS = int(os.environ.get("RESERVATION_DAYS", "14"))  # a reserved device waits this long

# The public address of the app, for links in e-mails and QR codes.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Loans and sales.
SALE_REQUIRES_MEMBERSHIP = env_bool("SALE_REQUIRES_MEMBERSHIP", False)  # a household must be a member to buy
MEMBERSHIP_FEE = os.environ.get("MEMBERSHIP_FEE", "10.00")  # yearly, in euros
WARRANTY_MONTHS = int(os.environ.get("WARRANTY_MONTHS", "12"))  # warranty of a device sold
GIFT_AFTER_MONTHS = int(os.environ.get("GIFT_AFTER_MONTHS", "24"))  # a loan may become a gift after this
LOAN_RENEWAL_DAYS = int(os.environ.get("LOAN_RENEWAL_DAYS", "90"))  # default extension of a renewed loan
VAT_MENTION = os.environ.get("VAT_MENTION", "TVA non applicable, art. 293 B du CGI")

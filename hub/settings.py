"""Hub settings, from the environment with safe defaults (see docs/backoffice.md).

- `HUB_DATA_DIR`: the hub's folder (database, keys, secret key); default: the user's data
  folder. `kiosk-hub --data-dir DIR` sets it.
- `HUB_DATABASE_URL`: e.g. `postgres://user:pass@host:5432/hub`; empty: SQLite
  `<data dir>/hub.sqlite3`.
- `HUB_SECRET_KEY`: empty: one made at first start, kept in `<data dir>/secret_key` (0600).
- `HUB_BASE_URL`: the public address printed in links (e-mails); default http://127.0.0.1:8750.
  An https address is also the origin the sign-in and other forms are accepted from when a
  proxy ends TLS in front of the hub.
- `HUB_ALLOWED_HOSTS`: comma-separated; default: any (the hub sits behind the site's proxy).
- `HUB_SECURE_COOKIES`: "1" behind HTTPS (production).
- `HUB_TRUSTED_PROXY`: the reverse proxy's address(es), comma-separated, networks allowed
  (e.g. `10.0.0.5,10.0.1.0/24`); empty: none. A request from one of them is counted, for the
  tracking page's rate limit, under the last address in its `X-Forwarded-For` that is not a
  trusted proxy; from any other address, `X-Forwarded-For` is ignored (anyone can write it).
  Sign-in lock-outs count per user name, whatever the address (docs/deployment.md).
- `HUB_EMAIL_HOST`, `HUB_EMAIL_PORT`, `HUB_EMAIL_USER`, `HUB_EMAIL_PASSWORD`,
  `HUB_EMAIL_TLS`, `HUB_EMAIL_FROM`: SMTP for new-request notices; empty host: no e-mail.
- `HUB_KIOSK_SILENT_MINUTES`: a kiosk not heard from for longer is flagged silent; default 30.
- `HUB_DEBUG`: "1" for development only.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from platformdirs import user_data_dir

BASE_DIR = Path(__file__).resolve().parent


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _minutes(name: str, default: int) -> int:
    raw = _env(name, str(default))
    if not raw.isdigit() or int(raw) < 1:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number of minutes (1 or "
                                   f"more), e.g. {name}={default}")
    return int(raw)


def _flag(name: str) -> bool:
    return _env(name).lower() in ("1", "true", "yes", "on")


def _networks(name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    found = []
    for part in (p.strip() for p in _env(name).split(",")):
        if not part:
            continue
        try:
            found.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {part!r} is not an IP address or network; "
                                       f"expected e.g. {name}=10.0.0.5,10.0.1.0/24") from None
    return tuple(found)


DATA_DIR = Path(_env("HUB_DATA_DIR") or user_data_dir("kiosk-hub", appauthor=False))
DATA_DIR.mkdir(parents=True, exist_ok=True)
KEYS_DIR = DATA_DIR / "keys"


def _secret_key() -> str:
    if configured := _env("HUB_SECRET_KEY"):
        return configured
    path = DATA_DIR / "secret_key"
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("HUB_DEBUG")
ALLOWED_HOSTS = [h.strip() for h in _env("HUB_ALLOWED_HOSTS", "*").split(",") if h.strip()]
BASE_URL = _env("HUB_BASE_URL", "http://127.0.0.1:8750").rstrip("/")
# Behind a proxy that ends TLS the hub sees plain HTTP, while browsers post with an https
# Origin: the public address is the one origin their forms come from.
CSRF_TRUSTED_ORIGINS = [BASE_URL] if BASE_URL.startswith("https://") else []
HUB_KIOSK_SILENT_MINUTES = _minutes("HUB_KIOSK_SILENT_MINUTES", 30)
HUB_TRUSTED_PROXY = _networks("HUB_TRUSTED_PROXY")

INSTALLED_APPS = [
    "hub.inbox.apps.HubAdminConfig",  # django.contrib.admin behind the inbox's sign-in
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "hub.fleet",
    "hub.intake",
    "hub.inbox",
    "hub.tracking",
    "hub.notices",
    "hub.housekeeping",
    "hub.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so it sees the views' database errors first: 503 instead of a server error.
    "hub.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]

_database_url = _env("HUB_DATABASE_URL")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATABASES = {"default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "hub.sqlite3",
        # Several waitress threads write: wait for the lock rather than fail at once.
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"},
    }}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions, rate limits and lock-outs live in the database: several hub processes may serve.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 8 * 3600  # one working day
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _flag("HUB_SECURE_COOKIES")
SESSION_COOKIE_HTTPONLY = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                      "LOCATION": "hub_cache"}}

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend",
                           "django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.ScryptPasswordHasher",
                    "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "inbox:login"
LOGIN_REDIRECT_URL = "inbox:home"
CSRF_FAILURE_VIEW = "hub.inbox.auth_views.csrf_failure"
OTP_TOTP_ISSUER = "Borne back-office"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "hub/locked_out.html"
AXES_VERBOSE = False
# Agents of one town hall share one public address (NAT): lock the account, not the office.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]  # hub/static: the shared layout (not an app)
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns at every start without it
WHITENOISE_USE_FINDERS = True  # serve from the package without a collectstatic step

EMAIL_HOST = _env("HUB_EMAIL_HOST")
EMAIL_PORT = int(_env("HUB_EMAIL_PORT", "25"))
EMAIL_HOST_USER = _env("HUB_EMAIL_USER")
EMAIL_HOST_PASSWORD = _env("HUB_EMAIL_PASSWORD")
EMAIL_USE_TLS = _flag("HUB_EMAIL_TLS")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = _env("HUB_EMAIL_FROM", "borne@localhost")
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                 else "django.core.mail.backends.dummy.EmailBackend")

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.request": {"level": "ERROR"}},
}

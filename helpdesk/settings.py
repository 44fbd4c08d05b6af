"""Sellerdesk settings: one module, read from the environment.

Production is the default: DEBUG is off unless asked for, and SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL and REDIS_URL come from the environment. The embedded run (`make run`, which sets
EMBEDDED=1) boots on a laptop with no settings at all: plain http on localhost, a development key,
SQLite, an embedded broker, console email; it shows the product's own error pages too, and Django's
debug pages only with DEBUG=1. Every secret may also come from NAME_FILE.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str = "") -> str:
    """A value from NAME, or from the file named by NAME_FILE."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = env_str(name, "1" if default else "0").strip().lower()
    return value in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(env_str(name, str(default)))


def env_float(name: str, default: float) -> float:
    return float(env_str(name, str(default)))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# The laptop run (`make run`, `manage.py run_embedded`): the only one with a key of its own, which no
# other run may use.
EMBEDDED = env_bool("EMBEDDED", False)
# Django's debug pages (a traceback; every URL on a wrong one) only when asked for, the embedded run
# included: a newcomer sees the product's own 403, 404 and 500 pages.
DEBUG = env_bool("DEBUG", False)
# A laptop (the embedded run, or DEBUG): plain http on localhost, static files from the source folders.
LOCAL = EMBEDDED or DEBUG
SECRET_KEY = env_str("SECRET_KEY", "embedded-run-only-insecure-key" if EMBEDDED else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY (or SECRET_KEY_FILE) must be set: only the embedded run (EMBEDDED=1) has its own")
# Earlier keys, comma-separated: sessions they signed and secrets they encrypted still read.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if LOCAL else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "helpdesk.admin_site.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # full-text search on PostgreSQL (helpdesk.search); inert on SQLite
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "helpdesk",
    "messaging",
    "messaging.compliance",
    "messaging.outbound",
    "feedback",
    "feedback.solicitation",
    "returns",
    "claims",
    "problems",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "helpdesk.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "helpdesk.urls"
WSGI_APPLICATION = "helpdesk.wsgi.application"

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
                "helpdesk.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Parameters bound by the server, and a statement run five times on a connection prepared there:
    # PostgreSQL plans the pages' repeated queries once per connection instead of on every request
    # (the case page's database time fell from ~5 to ~2 ms). It needs a direct connection or a pooler
    # in session mode (docs/architecture.md); DB_PREPARE_THRESHOLD=0 turns preparing off.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=env_int("DB_PREPARE_THRESHOLD", 5) or None
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default: SQLite cannot make the one NULLS NOT DISTINCT constraint
    # (mail that matched no account); PostgreSQL, the production database, does.
    SILENCED_SYSTEM_CHECKS = ["models.W047"]

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "helpdesk:queue"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out login before the password is checked
    "helpdesk.backends.PreferencesModelBackend",
]
# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failures from one address for one
# username, that login is refused from there for LOGIN_LOCKOUT_MINUTES. Behind TRUSTED_PROXIES
# proxies the client's address is read from X-Forwarded-For, else from the connection only.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures are recorded; successful logins are not
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXIES", 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Two-factor authentication (django-otp): required of admins when on (production's default),
# optional for everyone. Admins' sessions last ADMIN_SESSION_AGE_S; everyone else's SESSION_AGE_S.
TWO_FACTOR_ADMINS = env_bool("TWO_FACTOR_ADMINS", not LOCAL)
OTP_TOTP_ISSUER = "Sellerdesk"
SESSION_COOKIE_AGE = env_int("SESSION_AGE_S", 7 * 24 * 3600)
ADMIN_SESSION_AGE_S = env_int("ADMIN_SESSION_AGE_S", 8 * 3600)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# The screens are English and translate nothing (buyers' languages are content: messaging.vocabulary):
# without Django's translation machinery, every template variable and URL reverse skips a language lookup.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
WHITENOISE_USE_FINDERS = LOCAL
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if LOCAL
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

# Email: SMTP when EMAIL_HOST is set; otherwise EMAIL_BACKEND, console by default.
_email_host = env_str("EMAIL_HOST")
if _email_host:
    _mailer = {
        # Django's SMTP backend, telling a message the server may have accepted from one it did not (helpdesk.mail).
        "BACKEND": "helpdesk.mail.SmtpBackend",
        "OPTIONS": {
            "host": _email_host,
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": env_int("EMAIL_TIMEOUT", 30),
        },
    }
else:
    _mailer = {"BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}
MAILERS = {"default": _mailer}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sellerdesk <sellerdesk@localhost>")
# Mail claiming to come from Amazon is verified by its DKIM signature: the DNS lookup of the key (a dotted path to
# `(name: bytes, timeout) -> bytes | None`) and its timeout in seconds.
MAIL_DKIM_DNS = env_str("MAIL_DKIM_DNS", "messaging.trust.dns_txt")
MAIL_DKIM_DNS_TIMEOUT = env_int("MAIL_DKIM_DNS_TIMEOUT", 5)

# Security: on whenever the run is not a laptop's, so `check --deploy` passes in production.
SECURE = not LOCAL
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SESSION_COOKIE_HTTPONLY = True
# Sessions read from the cache (Redis in production), written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
X_FRAME_OPTIONS = "DENY"
# A Content Security Policy on every page (Django's own): scripts, styles and images from this site
# only; no inline script, style or handler. Buyer HTML shows no remote image until an agent asks,
# and then in a sandboxed frame whose own policy allows them (messaging's formatted-message view).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Celery: Redis in production; an embedded file broker on a laptop.
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS: dict = {}
else:
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT = "helpdesk.broker:Transport"  # each message written whole before it appears
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Every task's time limits unless it states its own (docs/security.md): at the soft one the task is told to stop
# (SoftTimeLimitExceeded), at the hard one its worker process is replaced. Nothing holds a worker for longer.
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Report uploads (all-orders, feedback): the largest file taken, and how far a compressed one may
# expand when it is read. An upload is streamed to MEDIA_ROOT, never read whole into memory.
IMPORT_MAX_UPLOAD_BYTES = env_int("IMPORT_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 1024 * 1024 * 1024)

# Hostile input (docs/security.md): how much of a mail's body is read (the raw mail is always kept whole; the
# text read ends with a note of what was left unread), how much of a message the compliance checker reads (a
# longer message is refused), and how much of a feedback comment the removal-eligibility rules read.
MAIL_TEXT_MAX_CHARS = env_int("MAIL_TEXT_MAX_CHARS", 50_000)
COMPLIANCE_MAX_CHARS = env_int("COMPLIANCE_MAX_CHARS", 20_000)
ELIGIBILITY_MAX_CHARS = env_int("ELIGIBILITY_MAX_CHARS", 5_000)

# How often the deadline sweeper runs, and its batch size. The beat schedule is each
# app's own, gathered from the registry when Celery starts (helpdesk/celery.py).
SWEEP_INTERVAL_S = env_float("SWEEP_INTERVAL_S", 2.0)
SWEEP_BATCH_SIZE = env_int("SWEEP_BATCH_SIZE", 1000)
# Cases whose search rows one transaction of the `index-search` beat task rewrites.
SEARCH_BATCH_SIZE = env_int("SEARCH_BATCH_SIZE", 200)

# IMAP passwords a seller account's mailboxes may read from the server's environment instead of
# storing them: "slug:VARIABLE" pairs, comma-separated. No other variable is ever read for a mailbox.
MAILBOX_PASSWORD_ENV: dict[str, list[str]] = {}
for _pair in env_list("MAILBOX_PASSWORD_ENV"):
    _slug, _, _variable = _pair.partition(":")
    if not _slug.strip() or not _variable.strip():
        raise RuntimeError(f"MAILBOX_PASSWORD_ENV: {_pair!r} is not slug:VARIABLE")
    MAILBOX_PASSWORD_ENV.setdefault(_slug.strip(), []).append(_variable.strip())

# IMAP servers a mailbox may name although they resolve to a loopback, private or otherwise internal address
# (helpdesk.network): an on-premises mail server, by the name admins type. Comma-separated host names or addresses;
# any other host must resolve to public addresses only.
MAILBOX_ALLOWED_HOSTS = env_list("MAILBOX_ALLOWED_HOSTS")

# Amazon Selling Partner API (helpdesk.spapi). Credentials an admin stores on a seller
# account override these. The developer app's client id and secret serve every account;
# the refresh token is one seller's, and serves only the account whose slug SPAPI_ACCOUNT is.
SPAPI_ACCOUNT = env_str("SPAPI_ACCOUNT")
SPAPI_REFRESH_TOKEN = env_str("SPAPI_REFRESH_TOKEN")
SPAPI_CLIENT_ID = env_str("SPAPI_CLIENT_ID")
SPAPI_CLIENT_SECRET = env_str("SPAPI_CLIENT_SECRET")
SPAPI_ENDPOINT = env_str("SPAPI_ENDPOINT")  # empty: Amazon's regional endpoint
SPAPI_LWA_TOKEN_URL = env_str("SPAPI_LWA_TOKEN_URL", "https://api.amazon.com/auth/o2/token")

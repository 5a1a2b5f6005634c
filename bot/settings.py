"""Settings: the one place that reads environment variables."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from routing.decision import ESERVICE_URL

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./samrad.db"
# The hosts the Bot Framework's channels post from and Samråd may reply to (https only): Teams in the
# commercial cloud (smba.trafficmanager.net/<region>/), Teams GCC (smba.infra.gcc.teams.microsoft.com) and the
# Bot Framework's own channels (webchat, directline, ... .botframework.com). See docs/deploy.md.
BOT_FRAMEWORK_SERVICE_HOSTS = ("smba.trafficmanager.net", "*.botframework.com", "*.teams.microsoft.com")


class SettingsError(ValueError):
    """An environment variable holds a value Samråd cannot use."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one Samråd process; build with `Settings.from_env()` or directly in tests."""

    database_url: str = DEFAULT_DATABASE_URL
    database_schema: str | None = None
    host: str = "0.0.0.0"
    port: int = 3978
    log_level: str = "INFO"
    app_id: str = ""
    app_password: str = field(default="", repr=False)
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    public_url: str = "http://localhost:3978"
    retention_days: int = 30
    claim_timeout_minutes: int = 10
    relay_idle_minutes: int = 240  # a relay nobody writes in for this long closes itself
    worker_interval_seconds: float = 30.0
    session_secret: str = field(default="", repr=False)
    secure_cookies: bool = False
    oidc_tenant_id: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = field(default="", repr=False)
    eservice_url: str = ESERVICE_URL
    timezone: str = "Europe/Stockholm"
    # ops: development mode (SAMRAD_DEV=1 or `samrad serve --dev`) is the only way to serve without an app id.
    dev: bool = False
    # ops: serving processes for `samrad serve` (WEB_CONCURRENCY, gunicorn's name); 0 means one per CPU.
    web_concurrency: int = 0
    # ops: hosts beyond BOT_FRAMEWORK_SERVICE_HOSTS a serviceUrl may name (SERVICE_URL_HOSTS, comma-separated,
    # `*.` for a domain and its subdomains); http is accepted for these, e.g. 127.0.0.1 for a local connector.
    extra_service_hosts: tuple[str, ...] = ()
    # admin: how many `samrad serve` processes share the database (REPLICAS); above 1 SESSION_SECRET is required.
    replicas: int = 1
    # admin: proxies whose X-Forwarded-For is believed for the client address (FORWARDED_ALLOW_IPS, comma-
    # separated addresses or networks, `*` for any); empty: the peer address is the client's.
    forwarded_allow_ips: tuple[str, ...] = ()

    @property
    def auth_enabled(self) -> bool:
        """True when Bot Framework JWT authentication is enforced on /api/messages."""
        return bool(self.app_id)

    def with_(self, **changes: Any) -> Settings:
        """A copy with *changes* applied (handy in tests)."""
        return replace(self, **changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read settings from *env* (default `os.environ`), with the documented defaults."""
        env = os.environ if env is None else env

        def integer(name: str, default: int) -> int:
            raw = env.get(name)
            if raw is None or raw == "":
                return default
            try:
                return int(raw)
            except ValueError:
                raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None

        def number(name: str, default: float) -> float:
            raw = env.get(name)
            if raw is None or raw == "":
                return default
            try:
                return float(raw)
            except ValueError:
                raise SettingsError(f"{name} must be a number, got {raw!r}") from None

        def flag(name: str, default: bool) -> bool:
            raw = env.get(name, "").strip().lower()
            if not raw:
                return default
            if raw in {"1", "true", "yes", "on"}:
                return True
            if raw in {"0", "false", "no", "off"}:
                return False
            raise SettingsError(f"{name} must be true or false, got {raw!r}")

        port = integer("PORT", 3978)
        if not 0 < port < 65536:
            raise SettingsError(f"PORT must be between 1 and 65535, got {port}")
        log_level = env.get("LOG_LEVEL", "INFO").upper()
        if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got {log_level!r}")
        app_type = env.get("MicrosoftAppType", "MultiTenant") or "MultiTenant"
        if app_type not in {"MultiTenant", "SingleTenant", "UserAssignedMSI"}:
            raise SettingsError(
                f"MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, got {app_type!r}")
        retention = integer("RETENTION_DAYS", 30)
        web_concurrency = integer("WEB_CONCURRENCY", 0)
        if web_concurrency < 0:
            raise SettingsError(f"WEB_CONCURRENCY must be 0 (one per CPU) or more, got {web_concurrency}")
        extra_hosts = tuple(host.strip().lower() for host in env.get("SERVICE_URL_HOSTS", "").split(",")
                            if host.strip())
        for host in extra_hosts:
            if any(c in host for c in "/:@ ") or "*" in host.removeprefix("*."):
                raise SettingsError(f"SERVICE_URL_HOSTS takes host names such as 127.0.0.1 or *.example.org, "
                                    f"got {host!r}")
        if retention < 1:
            raise SettingsError("RETENTION_DAYS must be at least 1")
        replicas = integer("REPLICAS", 1)
        if replicas < 1:
            raise SettingsError(f"REPLICAS must be 1 or more, got {replicas}")
        if replicas > 1 and not env.get("SESSION_SECRET"):
            raise SettingsError("SESSION_SECRET must be set when REPLICAS is more than 1: every replica has to "
                                "accept the cookies the others signed")
        forwarded = tuple(item.strip() for item in env.get("FORWARDED_ALLOW_IPS", "").split(",") if item.strip())
        for item in forwarded:
            if item != "*":
                try:
                    ipaddress.ip_network(item, strict=False)
                except ValueError:
                    raise SettingsError(f"FORWARDED_ALLOW_IPS takes addresses or networks such as 10.0.0.5 or "
                                        f"10.0.0.0/8 (or *), got {item!r}") from None
        public_url = env.get("PUBLIC_URL", f"http://localhost:{port}")
        return cls(
            database_url=env.get("DATABASE_URL", DEFAULT_DATABASE_URL) or DEFAULT_DATABASE_URL,
            database_schema=env.get("DATABASE_SCHEMA") or None,
            host=env.get("HOST", "0.0.0.0") or "0.0.0.0",
            port=port,
            log_level=log_level,
            app_id=env.get("MicrosoftAppId", ""),
            app_password=env.get("MicrosoftAppPassword", ""),
            app_type=app_type,
            app_tenant_id=env.get("MicrosoftAppTenantId", ""),
            public_url=public_url,
            retention_days=retention,
            claim_timeout_minutes=integer("CLAIM_TIMEOUT_MINUTES", 10),
            relay_idle_minutes=max(1, integer("RELAY_IDLE_MINUTES", 240)),
            worker_interval_seconds=number("WORKER_INTERVAL_SECONDS", 30.0),
            session_secret=env.get("SESSION_SECRET", ""),
            # Cookies are Secure by default whenever the public address is https.
            secure_cookies=flag("SECURE_COOKIES", public_url.lower().startswith("https://")),
            oidc_tenant_id=env.get("OIDC_TENANT_ID", ""),
            oidc_client_id=env.get("OIDC_CLIENT_ID", ""),
            oidc_client_secret=env.get("OIDC_CLIENT_SECRET", ""),
            eservice_url=env.get("ESERVICE_URL", ESERVICE_URL),
            timezone=env.get("TZ_NAME", "Europe/Stockholm"),
            dev=flag("SAMRAD_DEV", False),
            web_concurrency=web_concurrency,
            extra_service_hosts=extra_hosts,
            replicas=replicas,
            forwarded_allow_ips=forwarded,
        )


class BotFrameworkConfig:
    """The attribute bag `ConfigurationBotFrameworkAuthentication` reads."""

    def __init__(self, settings: Settings) -> None:
        self.APP_ID = settings.app_id
        self.APP_PASSWORD = settings.app_password
        self.APP_TYPE = settings.app_type
        self.APP_TENANTID = settings.app_tenant_id

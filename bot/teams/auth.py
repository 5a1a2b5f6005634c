"""Bot Framework authentication that fails closed: any token that cannot be validated is a 401."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import requests
from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    JwtTokenExtractor,
)
from jwt.algorithms import RSAAlgorithm
from requests import RequestException

from bot.settings import BOT_FRAMEWORK_SERVICE_HOSTS, BotFrameworkConfig, Settings
from bot.teams.outbound import OutboundSession, lean

log = logging.getLogger(__name__)
# Outbound clients kept per (app id, service URL, audience); Teams uses a handful of service URLs.
MAX_CLIENTS = 64
# Signing keys: refreshed after a day (as botbuilder does); an unknown key id refetches at most this often, so
# a flood of tokens with made-up key ids cannot turn into a flood of fetches.
KEYS_MAX_AGE_SECONDS = 24 * 3600.0
UNKNOWN_KEY_REFETCH_SECONDS = 300.0
# A fetch that hangs must not hold the request forever (botbuilder's `requests.get` had no timeout).
FETCH_TIMEOUT = (5.0, 10.0)


def _host_matches(host: str, pattern: str) -> bool:
    """*host* is *pattern*, or under it when the pattern is `*.domain`."""
    if pattern.startswith("*."):
        return host == pattern[2:] or host.endswith(pattern[1:])
    return host == pattern


def service_url_allowed(url: str | None, extra_hosts: Iterable[str] = ()) -> bool:
    """True when *url* is an https URL on a Bot Framework host, or an http(s) URL on one of *extra_hosts*."""
    if not url or "\\" in url:
        return False
    try:
        parsed = urlsplit(url)
        host = (parsed.hostname or "").lower()
        parsed.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    if not host or parsed.username is not None or parsed.password is not None:
        return False
    if parsed.scheme == "https" and any(_host_matches(host, p) for p in BOT_FRAMEWORK_SERVICE_HOSTS):
        return True
    return parsed.scheme in {"http", "https"} and any(_host_matches(host, p.lower()) for p in extra_hosts)


class ServiceUrlNotAllowedError(PermissionError):
    """An activity or a stored reference names a serviceUrl that is not a Bot Framework host."""


class _SigningKey:
    """What botbuilder's JwtTokenExtractor reads from a key: the public key and the channels it endorses."""

    def __init__(self, public_key: Any, endorsements: list[str]) -> None:
        self.public_key = public_key
        self.endorsements = endorsements


class AsyncOpenIdMetadata:
    """The signing keys behind one OpenID metadata URL, fetched off the event loop, cached, one fetch at a time.

    Replaces botbuilder's `_OpenIdMetadata`, which fetched with blocking `requests` (no timeout) inside the event
    loop, so a slow identity endpoint stalled every turn of the process. Keys are parsed once per fetch. When a
    refresh fails while usable keys are cached, the cached keys keep serving (the error is logged).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._keys: dict[str, _SigningKey] = {}
        self._fetched_at: float | None = None
        self._attempted_at: float | None = None
        self._pending: asyncio.Task[None] | None = None
        self.fetches = 0

    async def get(self, key_id: str | None) -> _SigningKey | None:
        """The key *key_id*, refreshing first when the keys are old or the id is new (rate-limited)."""
        now = time.monotonic()
        if self._fetched_at is None or now - self._fetched_at > KEYS_MAX_AGE_SECONDS:
            await self._refresh(keep_stale=self._fetched_at is not None)
        key = self._keys.get(key_id or "")
        if key is None and (self._attempted_at is None
                            or time.monotonic() - self._attempted_at > UNKNOWN_KEY_REFETCH_SECONDS):
            await self._refresh(keep_stale=True)
            key = self._keys.get(key_id or "")
        return key

    async def _refresh(self, *, keep_stale: bool) -> None:
        """Fetch in a thread; concurrent callers in this loop wait for the one fetch already running."""
        loop = asyncio.get_running_loop()
        pending = self._pending
        if pending is None or pending.done() or pending.get_loop() is not loop:
            pending = self._pending = loop.create_task(self._fetch_and_store(), name="openid-keys")
            # A caller that gives up (client gone) must not leave the task's error unretrieved.
            pending.add_done_callback(lambda task: task.cancelled() or task.exception())
        try:
            await asyncio.shield(pending)
        except RequestException as error:
            if not (keep_stale and self._keys):
                raise
            log.warning("signing keys not refreshed; using cached keys",
                        extra={"event": "auth_keys_stale", "error_type": type(error).__name__})

    async def _fetch_and_store(self) -> None:
        try:
            keys = await asyncio.to_thread(self._fetch)
        finally:
            self._attempted_at = time.monotonic()
        self._keys, self._fetched_at = keys, time.monotonic()

    def _fetch(self) -> dict[str, _SigningKey]:
        """Blocking: the metadata document, then its JWKS; runs in a worker thread."""
        self.fetches += 1
        metadata = requests.get(self.url, timeout=FETCH_TIMEOUT)
        metadata.raise_for_status()
        jwks = requests.get(metadata.json()["jwks_uri"], timeout=FETCH_TIMEOUT)
        jwks.raise_for_status()
        keys: dict[str, _SigningKey] = {}
        for jwk in jwks.json().get("keys") or []:
            if isinstance(jwk, dict) and jwk.get("kid"):
                keys[str(jwk["kid"])] = _SigningKey(RSAAlgorithm.from_jwk(json.dumps(jwk)),
                                                    list(jwk.get("endorsements") or []))
        return keys


_METADATA: dict[str, AsyncOpenIdMetadata] = {}


def _open_id_metadata(metadata_url: str) -> AsyncOpenIdMetadata:
    """One AsyncOpenIdMetadata per URL for the whole process (botbuilder also caches per URL, per class)."""
    metadata = _METADATA.get(metadata_url)
    if metadata is None:
        metadata = _METADATA.setdefault(metadata_url, AsyncOpenIdMetadata(metadata_url))
    return metadata


# botbuilder builds a JwtTokenExtractor per request and asks this static method for the URL's key cache.
JwtTokenExtractor.get_open_id_metadata = staticmethod(_open_id_metadata)


def _app_id(claims_identity: ClaimsIdentity | None) -> str | None:
    """The app id botbuilder builds outbound credentials for: the audience claim, else the appid claim."""
    if claims_identity is None:
        return None
    app_id = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    if app_id is None:
        app_id = claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return app_id


class _Clients:
    """A small bounded cache of outbound clients, oldest dropped first."""

    def __init__(self, limit: int = MAX_CLIENTS) -> None:
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._limit = limit

    def get(self, key: tuple[Any, ...]) -> Any:
        return self._items.get(key)

    def put(self, key: tuple[Any, ...], client: Any) -> Any:
        self._items[key] = client
        while len(self._items) > self._limit:
            self._items.popitem(last=False)
        return client


class ReusedConnectors(ConnectorFactory):
    """One ConnectorClient per service URL and audience, reused across turns instead of built for each turn.

    botbuilder's CloudAdapter builds a new ConnectorClient (and with it msrest's retry policy, whose setup scans
    ~500k list items, and a new aiohttp session) for every incoming activity; BotFrameworkAdapter cached them.
    """

    def __init__(self, inner: ConnectorFactory, app_id: str | None, clients: _Clients, outbound: OutboundSession,
                 service_hosts: tuple[str, ...] | None = None) -> None:
        self._inner, self._app_id, self._clients, self._outbound = inner, app_id, clients, outbound
        self._service_hosts = service_hosts

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        if self._service_hosts is not None and not service_url_allowed(service_url, self._service_hosts):
            # A stored reference or an activity that names another host: never POST a reply or a note there.
            log.warning("outbound serviceUrl refused", extra={"event": "service_url_refused", "direction": "out"})
            raise ServiceUrlNotAllowedError("serviceUrl is not a Bot Framework host")
        key = ("connector", self._app_id, service_url, audience)
        client = self._clients.get(key)
        if client is None:
            client = self._clients.put(key, lean(await self._inner.create(service_url, audience), self._outbound))
        return client


class StrictAuthentication(BotFrameworkAuthentication):
    """Delegates to botbuilder's authentication, mapping malformed or unverifiable tokens to PermissionError.

    botbuilder lets a malformed JWT or an unknown signing key escape as a generic exception (HTTP 500);
    the endpoint must answer 401 and reach no dialog.
    """

    def __init__(self, inner: BotFrameworkAuthentication, service_hosts: tuple[str, ...] | None = None) -> None:
        self._inner = inner
        self._clients = _Clients()
        self.outbound = OutboundSession()  # replies and notes go out over it (bot/teams/outbound.py)
        # None: any serviceUrl (development without an app id); else the extra hosts beside the Bot Framework's.
        self._service_hosts = service_hosts

    def _connectors(self, inner: ConnectorFactory, claims_identity: ClaimsIdentity | None) -> ReusedConnectors:
        return ReusedConnectors(inner, _app_id(claims_identity), self._clients, self.outbound, self._service_hosts)

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        if self._service_hosts is not None and not service_url_allowed(activity.service_url, self._service_hosts):
            # Checked before the token: the reply would go to this URL, with the bot's own credentials.
            log.info("request rejected", extra={"event": "auth_rejected", "code": "service_url"})
            raise ServiceUrlNotAllowedError("serviceUrl is not a Bot Framework host")
        try:
            result = await self._inner.authenticate_request(activity, auth_header)
        except PermissionError:
            log.info("request rejected", extra={"event": "auth_rejected", "code": "permission"})
            raise
        except RequestException as error:
            log.error("signing keys unavailable", extra={"event": "auth_metadata_unavailable",
                                                         "error_type": type(error).__name__})
            raise web.HTTPServiceUnavailable(text="authentication metadata unavailable") from None
        except Exception as error:  # malformed token, unknown key, bad signature: all mean "not authenticated"
            log.info("request rejected", extra={"event": "auth_rejected", "error_type": type(error).__name__})
            raise PermissionError("invalid token") from None
        if result.connector_factory is not None:
            result.connector_factory = self._connectors(result.connector_factory, result.claims_identity)
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str
                                             ) -> AuthenticateRequestResult:
        try:
            return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        except PermissionError:
            raise
        except Exception:  # see authenticate_request
            raise PermissionError("invalid token") from None

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ReusedConnectors:
        return self._connectors(self._inner.create_connector_factory(claims_identity), claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> Any:
        """The app's user-token client, built once per app id (CloudAdapter asks for one on every turn)."""
        key = ("user_token", _app_id(claims_identity))
        client = self._clients.get(key)
        if client is None:
            client = self._clients.put(key, await self._inner.create_user_token_client(claims_identity))
        return client

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        try:
            return await self._inner.authenticate_channel_request(auth_header)
        except PermissionError:
            raise
        except Exception:  # see authenticate_request
            raise PermissionError("invalid token") from None


def create_authentication(settings: Settings, config: object | None = None) -> StrictAuthentication:
    """Authentication from settings; *config* may override botbuilder's endpoints (sovereign clouds, tests).

    With an app id, serviceUrls (incoming and outgoing) must be Bot Framework hosts or SERVICE_URL_HOSTS.
    """
    hosts = settings.extra_service_hosts if settings.auth_enabled else None
    return StrictAuthentication(ConfigurationBotFrameworkAuthentication(config or BotFrameworkConfig(settings),
                                                                        logger=log), hosts)

"""Bot Framework authentication that fails closed: any token that cannot be validated is a 401."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

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
)
from requests import RequestException

from bot.settings import BotFrameworkConfig, Settings

log = logging.getLogger(__name__)
# Outbound clients kept per (app id, service URL, audience); Teams uses a handful of service URLs.
MAX_CLIENTS = 64


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

    def __init__(self, inner: ConnectorFactory, app_id: str | None, clients: _Clients) -> None:
        self._inner, self._app_id, self._clients = inner, app_id, clients

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        key = ("connector", self._app_id, service_url, audience)
        client = self._clients.get(key)
        if client is None:
            client = self._clients.put(key, await self._inner.create(service_url, audience))
        return client


class StrictAuthentication(BotFrameworkAuthentication):
    """Delegates to botbuilder's authentication, mapping malformed or unverifiable tokens to PermissionError.

    botbuilder lets a malformed JWT or an unknown signing key escape as a generic exception (HTTP 500);
    the endpoint must answer 401 and reach no dialog.
    """

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self._clients = _Clients()

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
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
            result.connector_factory = ReusedConnectors(result.connector_factory, _app_id(result.claims_identity),
                                                        self._clients)
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str
                                             ) -> AuthenticateRequestResult:
        try:
            return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        except PermissionError:
            raise
        except Exception:  # see authenticate_request
            raise PermissionError("invalid token") from None

    def create_connector_factory(self, claims_identity):  # type: ignore[no-untyped-def]
        return ReusedConnectors(self._inner.create_connector_factory(claims_identity), _app_id(claims_identity),
                                self._clients)

    async def create_user_token_client(self, claims_identity):  # type: ignore[no-untyped-def]
        """The app's user-token client, built once per app id (CloudAdapter asks for one on every turn)."""
        key = ("user_token", _app_id(claims_identity))
        client = self._clients.get(key)
        if client is None:
            client = self._clients.put(key, await self._inner.create_user_token_client(claims_identity))
        return client

    def create_bot_framework_client(self):  # type: ignore[no-untyped-def]
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str):  # type: ignore[no-untyped-def]
        try:
            return await self._inner.authenticate_channel_request(auth_header)
        except PermissionError:
            raise
        except Exception:  # see authenticate_request
            raise PermissionError("invalid token") from None


def create_authentication(settings: Settings, config: object | None = None) -> StrictAuthentication:
    """Authentication from settings; *config* may override botbuilder's endpoints (sovereign clouds, tests)."""
    return StrictAuthentication(ConfigurationBotFrameworkAuthentication(config or BotFrameworkConfig(settings),
                                                                        logger=log))

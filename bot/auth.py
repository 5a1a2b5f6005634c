"""Bot Framework authentication that fails closed: any token that cannot be validated is a 401."""

from __future__ import annotations

import logging

from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, BotFrameworkAuthentication
from requests import RequestException

from bot.settings import BotFrameworkConfig, Settings

log = logging.getLogger(__name__)


class StrictAuthentication(BotFrameworkAuthentication):
    """Delegates to botbuilder's authentication, mapping malformed or unverifiable tokens to PermissionError.

    botbuilder lets a malformed JWT or an unknown signing key escape as a generic exception (HTTP 500);
    the endpoint must answer 401 and reach no dialog.
    """

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        try:
            return await self._inner.authenticate_request(activity, auth_header)
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

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str
                                             ) -> AuthenticateRequestResult:
        try:
            return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        except PermissionError:
            raise
        except Exception:  # see authenticate_request
            raise PermissionError("invalid token") from None

    def create_connector_factory(self, claims_identity):  # type: ignore[no-untyped-def]
        return self._inner.create_connector_factory(claims_identity)

    async def create_user_token_client(self, claims_identity):  # type: ignore[no-untyped-def]
        return await self._inner.create_user_token_client(claims_identity)

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

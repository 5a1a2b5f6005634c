"""Replies and proactive messages posted on the event loop, over one shared aiohttp session.

botframework-connector's async client sends through msrest's `AsyncRequestsHTTPSender`: every POST is handed to a
thread pool and made with `requests` (urllib3's machinery, a thread switch and the GIL contended), after msrest's
pipeline of policies has serialised the activity. That was about 1 ms of CPU for each activity sent, and Samråd
sends one or two a turn. The two operations a turn uses, `reply_to_activity` and `send_to_conversation`, are made
here the way msrest makes them (the same URL, headers, JSON body and answer, the same exception on an error
status) with aiohttp; every other operation of the client is msrest's own, unchanged.

The bearer token comes from the client's own credentials, as msrest's credentials policy gets it: none without an
app id (local development), else `get_access_token()` (MSAL's cache; a fetch runs off the loop).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import quote

import aiohttp
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.models import ErrorResponseException
from yarl import URL

# A POST to the Bot Connector that hangs must not hold a turn forever.
SEND_TIMEOUT = aiohttp.ClientTimeout(total=30, connect=10)
_OK = (200, 201, 202)


class OutboundSession:
    """One aiohttp session for every outbound activity of this process's event loop; `close()` at shutdown."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    def get(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._session
        if session is None or session.closed or session._loop is not loop:
            session = self._session = aiohttp.ClientSession(timeout=SEND_TIMEOUT)
        return session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None


class _Response:
    """What msrest's ErrorResponseException reads of a response: status, reason, headers and text."""

    def __init__(self, status: int, reason: str | None, headers: Any, body: bytes) -> None:
        self.status_code, self.reason, self.headers, self._body = status, reason, headers, body

    def body(self) -> bytes:
        return self._body

    def text(self) -> str:
        return self._body.decode("utf-8", errors="replace")


class LeanConversations:
    """The client's conversation operations, with the two a turn uses sent directly over aiohttp."""

    def __init__(self, inner: Any, base_url: str, credentials: Any, session: OutboundSession) -> None:
        self._inner, self._credentials, self._session = inner, credentials, session
        self._base_url = base_url.rstrip("/")
        self._deserialize = inner._deserialize

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def reply_to_activity(self, conversation_id: str, activity_id: str, activity: Activity,
                                custom_headers: dict[str, str] | None = None, raw: bool = False,
                                **operation_config: Any) -> Any:
        if raw or operation_config:
            return await self._inner.reply_to_activity(conversation_id, activity_id, activity, custom_headers, raw,
                                                       **operation_config)
        path = f"/v3/conversations/{quote(conversation_id, safe='')}/activities/{quote(activity_id, safe='')}"
        return await self._post(path, activity, {"x-ms-conversation-id": conversation_id, **(custom_headers or {})})

    async def send_to_conversation(self, conversation_id: str, activity: Activity,
                                   custom_headers: dict[str, str] | None = None, raw: bool = False,
                                   **operation_config: Any) -> Any:
        if raw or operation_config:
            return await self._inner.send_to_conversation(conversation_id, activity, custom_headers, raw,
                                                          **operation_config)
        path = f"/v3/conversations/{quote(conversation_id, safe='')}/activities"
        return await self._post(path, activity, custom_headers or {})

    async def _post(self, path: str, activity: Activity, extra: dict[str, str]) -> ResourceResponse | None:
        headers = {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8", **extra}
        token = await self._token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        body = json.dumps(activity.serialize()).encode("utf-8")
        # encoded=True: the path stays quoted as msrest quotes it (yarl would turn %3A back into ':').
        url = URL(self._base_url + path, encoded=True)
        async with self._session.get().post(url, data=body, headers=headers) as response:
            content = await response.read()
            if response.status not in _OK:
                raise ErrorResponseException(self._deserialize, _Response(response.status, response.reason,
                                                                          response.headers, content))
            if response.status == 202 or not content:
                return None
            found: ResourceResponse = self._deserialize("ResourceResponse", json.loads(content))
            return found

    async def _token(self) -> str | None:
        credentials = self._credentials
        if credentials is None or not credentials._should_set_token(None):
            return None
        token: str = await asyncio.to_thread(credentials.get_access_token)
        return token


def lean(client: Any, session: OutboundSession) -> Any:
    """*client* (a botframework-connector ConnectorClient) with its hot conversation operations on aiohttp."""
    if not isinstance(client.conversations, LeanConversations):
        client.conversations = LeanConversations(client.conversations, client.config.base_url,
                                                 client.config.credentials, session)
    return client

"""The administration sub-app: an I/O-free factory, sign-in and CSRF middleware, pages and /api/ routes."""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypedDict, Unpack

import aiohttp_jinja2
import jinja2
from aiohttp import web
from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncEngine

from admin import api, pages, signin, text
from admin.context import AdminContext, RoutingChanged
from admin.inputs import has_control
from admin.keys import ADMIN, PRINCIPAL, SESSION, SESSION_TOKEN, STANDALONE_ENGINE, TEMPLATES
from admin.oidc import OidcClient
from admin.render import fill, render
from admin.security import CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, Signer, same_token
from admin.settings import AdminSettings
from admin.text import code_label
from admin.throttle import SignInThrottle

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Routes anyone may reach: the sign-in itself, the style sheet and the API description.
PUBLIC_ROUTES = frozenset({"login", "login_post", "oidc_start", "oidc_callback", "static",
                           "api.session_open", "api.openapi"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
IMPORT_ROUTES = frozenset({"import_post", "api.import_preview", "api.import_commit"})
IMPORT_BODY_MAX = 6 * 1024 * 1024  # one 5 MB file with room for the form around it


def _api_prefix(request: web.Request) -> str:
    return str(request.app.router["index"].url_for()) + "api/"


def is_api(request: web.Request) -> bool:
    """True when the request is for the JSON API (routes named `api.*`)."""
    name = request.match_info.route.name or ""
    return name.startswith("api.")


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Resolve the session; anonymous → sign-in (pages) or 401 (API); unsafe methods need the CSRF token."""
    if request.match_info.http_exception is not None:
        if request.match_info.http_exception.status == 404 and not request.path.startswith(_api_prefix(request)):
            # A page of its own (title, language, way back) rather than aiohttp's bare text.
            return render(request, "error.html", {"title": text.NOT_FOUND_TITLE, "message": text.NOT_FOUND}, status=404)
        return await handler(request)
    if has_control(request.path) or any(has_control(k) or has_control(v) for k, v in request.query.items()):
        # NUL and other control characters never name anything here; PostgreSQL would refuse them anyway.
        if is_api(request):
            return web.json_response({"error": "bad_request", "message": text.CONTROL_CHARACTERS}, status=400)
        raise web.HTTPBadRequest(text=text.CONTROL_CHARACTERS)
    name = request.match_info.route.name or ""
    if name in IMPORT_ROUTES:
        # Uploads are larger than the server's default body limit (1 MiB); read them with the import's own.
        upload = request.clone(client_max_size=IMPORT_BODY_MAX)
        try:
            return await _authorised(upload, handler, name)
        finally:
            await _close_uploads(upload)
    return await _authorised(request, handler, name)


async def _close_uploads(request: web.Request) -> None:
    """Close the temporary files of a cloned request's form (aiohttp closes only the original request's)."""
    if request.method != "POST" or request.content_type != "multipart/form-data":
        return
    with contextlib.suppress(web.HTTPException, ValueError, OSError):  # a body that was refused
        for value in (await request.post()).values():  # read once already: the form is cached
            if isinstance(value, web.FileField):
                value.file.close()


async def _authorised(request: web.Request, handler: Handler, name: str) -> web.StreamResponse:
    """The session, then the public routes, the sign-in redirect or 401, and the CSRF check."""
    context = request.app[ADMIN]
    token = request.cookies.get(SESSION_COOKIE)
    session = await context.accounts(request).session(token) if token else None
    if session is not None:
        request[SESSION] = session
        request[SESSION_TOKEN] = token or ""
        request[PRINCIPAL] = session.principal
    if name in PUBLIC_ROUTES:
        return await handler(request)
    if session is None:
        if is_api(request):
            return web.json_response({"error": "unauthenticated", "message": text.SIGNIN_FIRST}, status=401)
        login = request.app.router["login"].url_for().with_query({"next": request.path_qs})
        raise web.HTTPFound(login)
    if request.method not in SAFE_METHODS:
        given = request.headers.get(CSRF_HEADER)
        if given is None and not is_api(request):
            # Forms carry the token as a field; the API accepts only the header.
            given = str((await request.post()).get(CSRF_FIELD) or "") or None
        if not same_token(session.csrf_token, given):
            log.warning("csrf token missing or wrong", extra={"event": "csrf_rejected", "path": request.path,
                                                               "method": request.method})
            if is_api(request):
                return web.json_response({"error": "csrf", "message": text.CSRF_WRONG}, status=403)
            raise web.HTTPForbidden(text=text.CSRF_WRONG_PAGE)
    return await handler(request)


HSTS = "max-age=31536000; includeSubDomains"


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    if request.app[ADMIN].settings.public_url.lower().startswith("https://"):
        # Served over https: browsers must never fall back to plain http for this host.
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Content-Security-Policy",
                                "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
    response.headers.setdefault("Cache-Control", "no-store")


def session_secret(settings: AdminSettings) -> str:
    """The configured cookie secret, or a random one (with a warning: sign-ins then end at every restart)."""
    if settings.session_secret:
        return settings.session_secret
    log.warning("SESSION_SECRET is empty: using a random secret; signed cookies end when the process restarts",
                extra={"event": "session_secret_generated"})
    return secrets.token_urlsafe(32)


def oidc_client(settings: AdminSettings) -> OidcClient | None:
    """The Entra ID client when OIDC_CLIENT_ID is set."""
    if not settings.oidc_client_id:
        return None
    return OidcClient(tenant_id=settings.oidc_tenant_id, client_id=settings.oidc_client_id,
                      client_secret=settings.oidc_client_secret)


def create_admin_app(
    settings: AdminSettings,
    *,
    engine_key: web.AppKey[AsyncEngine],
    on_routing_changed: RoutingChanged | None = None,
    oidc: OidcClient | None = None,
    hasher: PasswordHasher | None = None,
    clock: Callable[[], datetime] | None = None,
    throttle: SignInThrottle | None = None,
) -> web.Application:
    """The administration, to be mounted with `app.add_subapp("/admin/", ...)`; performs no I/O.

    The engine is looked up at request time under *engine_key* on the parent app; *on_routing_changed* is
    awaited after every change to the routing tables (the bot reloads its routing snapshot).
    """
    app = web.Application(middlewares=[auth_middleware])
    secret = session_secret(settings)
    app[ADMIN] = AdminContext(
        settings=settings, engine_key=engine_key, signer=Signer(secret),
        throttle=throttle or SignInThrottle(secret=secret), clock=clock or (lambda: datetime.now(UTC)),
        oidc=oidc or oidc_client(settings), hasher=hasher, on_routing_changed=on_routing_changed)
    environment = aiohttp_jinja2.setup(app, app_key=TEMPLATES, autoescape=jinja2.select_autoescape(default=True),
                                       loader=jinja2.FileSystemLoader(HERE / "templates"),
                                       undefined=jinja2.StrictUndefined)
    environment.filters["label"] = code_label
    environment.filters["fill"] = fill
    environment.globals["t"] = text
    app.on_response_prepare.append(_security_headers)
    app.router.add_static("/static/", HERE / "static", name="static")
    signin.register(app)
    api.register(app)
    pages.register(app)
    return app


class Collaborators(TypedDict, total=False):
    """The optional sign-in collaborators of `create_admin_app`, as the wiring and the tests pass them on."""

    oidc: OidcClient | None
    hasher: PasswordHasher | None
    clock: Callable[[], datetime] | None
    throttle: SignInThrottle | None


class AdminOptions(Collaborators, total=False):
    """Every optional argument of `create_admin_app`: the collaborators and the routing-changed callback."""

    on_routing_changed: RoutingChanged | None


def create_standalone_app(settings: AdminSettings, open_engine: Callable[[], AsyncEngine],
                          **admin_options: Unpack[AdminOptions]) -> web.Application:
    """Only the administration at /admin/, over the engine *open_engine* gives when the app starts (and disposed
    when it stops); the wiring passes the service's database (tests, screenshots, `samrad admin serve`)."""
    root = web.Application()

    async def database(app: web.Application) -> AsyncIterator[None]:
        engine = open_engine()
        app[STANDALONE_ENGINE] = engine
        try:
            yield
        finally:
            await engine.dispose()

    root.cleanup_ctx.append(database)

    async def to_admin(_request: web.Request) -> web.Response:
        raise web.HTTPFound("/admin/")

    root.router.add_get("/", to_admin)
    root.add_subapp("/admin/", create_admin_app(settings, engine_key=STANDALONE_ENGINE,
                                                **admin_options))
    return root

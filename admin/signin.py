"""Sign-in and sign-out: local accounts (form and JSON), Entra ID (OpenID Connect), all audited and throttled."""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from aiohttp import web

from admin import text
from admin.accounts import Account, Session
from admin.inputs import BadRequestError, parse_json
from admin.keys import ADMIN, SESSION, SESSION_TOKEN
from admin.oidc import OidcError, grant_from_roles, pkce_pair, username_from_claims
from admin.render import render
from admin.security import (
    CSRF_FIELD,
    LOGIN_COOKIE,
    OIDC_COOKIE,
    SESSION_COOKIE,
    new_token,
    same_token,
)

log = logging.getLogger(__name__)

USERNAME_FIELD_MAX = 256
PASSWORD_FIELD_MAX = 1024


def _trusted(address: str, allowed: tuple[str, ...]) -> bool:
    """True when *address* is one of the proxies in FORWARDED_ALLOW_IPS."""
    if "*" in allowed:
        return True
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in ipaddress.ip_network(network, strict=False) for network in allowed)


def client_ip(request: web.Request) -> str | None:
    """The client's address: the peer, or, when the peer is a trusted proxy, the address it forwarded.

    X-Forwarded-For is read from the right: each trusted proxy appended the address it saw, so the first
    address from the right that is not a trusted proxy is the client. Anything a client wrote itself sits
    further left and is never believed.
    """
    peer = request.remote
    allowed = request.app[ADMIN].settings.forwarded_allow_ips
    if not peer or not allowed or not _trusted(peer, allowed):
        return peer
    client = peer
    hops = [hop.strip() for header in request.headers.getall("X-Forwarded-For", []) for hop in header.split(",")]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break  # not an address: the hop that passed it on is the last one known
        client = hop
        if not _trusted(hop, allowed):
            break
    return client


def admin_root(request: web.Request) -> str:
    """The path the administration is mounted at, e.g. "/admin/" (cookies are limited to it)."""
    return str(request.app.router["index"].url_for())


def safe_next(request: web.Request, target: str | None) -> str:
    """*target* when it is a path inside the administration, else the start page (no open redirects)."""
    root = admin_root(request)
    if target and target.startswith(root) and not target.startswith("//") and "\\" not in target:
        return target
    return root


def set_session_cookie(request: web.Request, response: web.StreamResponse, token: str, session: Session) -> None:
    """The session cookie: HttpOnly, SameSite=Lax, Secure when configured, limited to the admin path."""
    settings = request.app[ADMIN].settings
    max_age = int((session.expires_at - request.app[ADMIN].clock()).total_seconds())
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="Lax", secure=settings.secure_cookies,
                        path=admin_root(request), max_age=max(max_age, 0))


async def _start_session(request: web.Request, account: Account, method: str) -> tuple[str, Session]:
    context = request.app[ADMIN]
    accounts = context.accounts(request)
    token, session = await accounts.open_session(account)
    await accounts.audit(account.username, "signin", ip=client_ip(request), detail={"method": method})
    log.info("admin sign-in", extra={"event": "admin_signin", "actor": account.username, "role": str(account.role)})
    return token, session


def name_reference(request: web.Request, username: str) -> str:
    """A keyed hash of a typed user name: repeated tries of one name can be linked, the name not read back."""
    return request.app[ADMIN].throttle.key("audit-name", username.strip().casefold())[:16]


async def _audit_attempt(request: web.Request, username: str, event: str, detail: dict[str, str]) -> None:
    """Audit a refused sign-in: an existing account by name, anything else typed only as a keyed hash.

    A password typed into the name field must never reach the audit log.
    """
    accounts = request.app[ADMIN].accounts(request)
    known = bool(username) and await accounts.user(username) is not None
    actor = username if known else "-"
    if not known and username:
        detail = detail | {"name_ref": name_reference(request, username)}
    await accounts.audit(actor, event, ip=client_ip(request), detail=detail)


async def _password_signin(request: web.Request, username: str, password: str) -> Account | int | None:
    """The account, or seconds to wait (throttled), or None (wrong name or password); audits each outcome.

    The attempt is counted in the shared throttle before the password is looked at, so concurrent
    attempts cannot slip past the limit together.
    """
    context = request.app[ADMIN]
    wait = context.throttle.known_wait(username, client_ip(request))
    if wait is not None:
        return wait  # a block this process already met (and audited): refused without touching the database
    wait = await context.throttle.reserve(context.engine(request), username, client_ip(request))
    if wait is not None:
        await _audit_attempt(request, username, "signin_throttled", {"method": "password"})
        return wait
    account = await context.accounts(request).authenticate(username, password)
    if account is None:
        await _audit_attempt(request, username, "signin_failed", {"method": "password"})
        return None
    await context.throttle.succeeded(context.engine(request), username)
    return account


# -- pages ----------------------------------------------------------------------------------------------
async def login(request: web.Request) -> web.StreamResponse:
    """GET /admin/login: the sign-in form (with a login CSRF token bound to a signed cookie)."""
    return _login_page(request, error=None, status=200)


def _login_page(request: web.Request, *, error: str | None, status: int,
                headers: dict[str, str] | None = None) -> web.StreamResponse:
    context = request.app[ADMIN]
    token = new_token()
    response = render(request, "login.html", {
        "error": error, "login_csrf": token, "next": request.query.get("next", ""),
        "oidc_enabled": context.oidc is not None}, status=status)
    response.set_cookie(LOGIN_COOKIE, context.signer.sign(token), httponly=True, samesite="Lax",
                        secure=context.settings.secure_cookies, path=admin_root(request), max_age=3600)
    if headers:
        response.headers.update(headers)
    return response


async def login_post(request: web.Request) -> web.StreamResponse:
    """POST /admin/login: check the login CSRF token, the throttle and the password; start a session."""
    context = request.app[ADMIN]
    form = await request.post()
    expected = context.signer.unsign(request.cookies.get(LOGIN_COOKIE))
    if not same_token(expected, str(form.get(CSRF_FIELD) or "")):
        raise web.HTTPForbidden(text=text.SIGNIN_FORM_EXPIRED)
    username = str(form.get("username") or "").strip()[:USERNAME_FIELD_MAX]
    password = str(form.get("password") or "")[:PASSWORD_FIELD_MAX]
    result = await _password_signin(request, username, password)
    if isinstance(result, int):
        return _login_page(request, status=429, headers={"Retry-After": str(result)},
                           error=text.SIGNIN_THROTTLED.format(seconds=result))
    if result is None:
        return _login_page(request, status=401, error=text.SIGNIN_WRONG)
    token, session = await _start_session(request, result, "password")
    response = web.HTTPFound(safe_next(request, str(form.get("next") or "")))
    set_session_cookie(request, response, token, session)
    response.del_cookie(LOGIN_COOKIE, path=admin_root(request))
    raise response


async def logout(request: web.Request) -> web.StreamResponse:
    """POST /admin/logout: end the session."""
    await _end_session(request)
    response = web.HTTPFound(request.app.router["login"].url_for())
    response.del_cookie(SESSION_COOKIE, path=admin_root(request))
    raise response


async def _end_session(request: web.Request) -> None:
    accounts = request.app[ADMIN].accounts(request)
    await accounts.close_session(request[SESSION_TOKEN])
    await accounts.audit(request[SESSION].principal.username, "signout", ip=client_ip(request))


# -- Entra ID -------------------------------------------------------------------------------------------
def _redirect_uri(request: web.Request) -> str:
    base = request.app[ADMIN].settings.public_url.rstrip("/")
    return base + str(request.app.router["oidc_callback"].url_for())


async def oidc_start(request: web.Request) -> web.StreamResponse:
    """GET /admin/oidc/start: send the browser to Entra ID with state, nonce and a PKCE challenge."""
    context = request.app[ADMIN]
    if context.oidc is None:
        raise web.HTTPNotFound(text=text.SIGNIN_ENTRA_OFF)
    verifier, challenge = pkce_pair()
    state, nonce = new_token(), new_token()
    try:
        url = await context.oidc.authorization_url(redirect_uri=_redirect_uri(request), state=state, nonce=nonce,
                                                   challenge=challenge)
    except OidcError as error:
        log.warning("oidc discovery failed", extra={"event": "oidc_failed", "code": str(error)[:120]})
        raise web.HTTPBadGateway(text=text.SIGNIN_ENTRA_DOWN) from None
    response = web.HTTPFound(url)
    response.set_cookie(OIDC_COOKIE, context.signer.sign({
        "state": state, "nonce": nonce, "verifier": verifier, "next": request.query.get("next", "")}),
        httponly=True, samesite="Lax", secure=context.settings.secure_cookies, path=admin_root(request),
        max_age=600)
    raise response


async def oidc_callback(request: web.Request) -> web.StreamResponse:
    """GET /admin/oidc/callback: redeem the code, validate the id token, map its roles, start a session."""
    context = request.app[ADMIN]
    if context.oidc is None:
        raise web.HTTPNotFound()
    pending: dict[str, Any] | None = context.signer.unsign(request.cookies.get(OIDC_COOKIE))
    if not pending or not same_token(pending.get("state"), request.query.get("state")):
        raise web.HTTPBadRequest(text=text.SIGNIN_ENTRA_STATE)
    accounts = context.accounts(request)
    try:
        id_token = await context.oidc.redeem(code=request.query.get("code", ""), verifier=pending["verifier"],
                                             redirect_uri=_redirect_uri(request))
        claims = await context.oidc.validate(id_token, nonce=pending["nonce"])
        username = username_from_claims(claims)
    except OidcError as error:
        await accounts.audit("-", "signin_failed", ip=client_ip(request),
                             detail={"method": "oidc", "reason": str(error)[:120]})
        raise web.HTTPForbidden(text=text.SIGNIN_ENTRA_FAILED) from None
    grant = grant_from_roles(claims.get("roles") or [])
    oid = str(claims.get("oid") or "").strip() or None
    if grant is None:
        await accounts.audit(username, "signin_failed", ip=client_ip(request),
                             detail={"method": "oidc", "reason": "no_role"})
        raise web.HTTPForbidden(text=text.SIGNIN_NO_ROLE)
    account = await accounts.user(username)
    if account is None:
        account = await accounts.create_user(username, str(grant.role), password=None,
                                             district_id=grant.district_id, source="oidc", aad_object_id=oid)
    elif not account.active:
        await accounts.audit(username, "signin_failed", ip=client_ip(request),
                             detail={"method": "oidc", "reason": "inactive"})
        raise web.HTTPForbidden(text=text.SIGNIN_INACTIVE)
    elif (account.role, account.district_id) != (grant.role, grant.district_id):
        account = await accounts.set_role(username, str(grant.role), grant.district_id)
    if oid and account.aad_object_id != oid:
        # The token's `oid` is the same id Teams sends as the user's aadObjectId: it links handoffs taken.
        account = await accounts.set_aad_object_id(username, oid)
    token, session = await _start_session(request, account, "oidc")
    response = web.HTTPFound(safe_next(request, pending.get("next")))
    set_session_cookie(request, response, token, session)
    response.del_cookie(OIDC_COOKIE, path=admin_root(request))
    raise response


# -- JSON API sessions ----------------------------------------------------------------------------------
async def api_session_open(request: web.Request) -> web.StreamResponse:
    """POST /admin/api/session: sign in with JSON {username, password}; returns the CSRF token for the header."""
    if request.content_type != "application/json":
        # A JSON content type cannot be sent cross-site without a CORS preflight: this is the login CSRF check.
        return web.json_response({"error": "unsupported_media_type"}, status=415)
    try:
        body = parse_json(await request.read())
    except BadRequestError as error:
        return web.json_response({"error": "bad_request", "message": str(error)}, status=400)
    if not isinstance(body, dict):
        return web.json_response({"error": "bad_request", "message": text.JSON_OBJECT_EXPECTED}, status=400)
    username, password = body.get("username") or "", body.get("password") or ""
    if not isinstance(username, str) or not isinstance(password, str):
        return web.json_response({"error": "bad_request", "message": text.SIGNIN_FIELDS_EXPECTED}, status=400)
    username, password = username.strip()[:USERNAME_FIELD_MAX], password[:PASSWORD_FIELD_MAX]
    result = await _password_signin(request, username, password)
    if isinstance(result, int):
        return web.json_response({"error": "too_many_attempts", "retry_after": result}, status=429,
                                 headers={"Retry-After": str(result)})
    if result is None:
        return web.json_response({"error": "unauthenticated", "message": text.SIGNIN_WRONG},
                                 status=401)
    token, session = await _start_session(request, result, "password")
    response = web.json_response({"user": result.to_dict(), "csrf_token": session.csrf_token,
                                  "expires_at": session.expires_at.isoformat()})
    set_session_cookie(request, response, token, session)
    return response


async def api_session(request: web.Request) -> web.StreamResponse:
    """GET /admin/api/session: who is signed in, and the CSRF token to send in X-CSRF-Token."""
    session = request[SESSION]
    principal = session.principal
    return web.json_response({"user": {"username": principal.username, "role": str(principal.role),
                                       "district_id": principal.district_id},
                              "csrf_token": session.csrf_token, "expires_at": session.expires_at.isoformat()})


async def api_session_close(request: web.Request) -> web.StreamResponse:
    """DELETE /admin/api/session: sign out."""
    await _end_session(request)
    response = web.json_response({"status": "signed_out"})
    response.del_cookie(SESSION_COOKIE, path=admin_root(request))
    return response


def register(app: web.Application) -> None:
    """Add the sign-in routes (the API session routes are listed in the API's route table)."""
    app.router.add_get("/login", login, name="login")
    app.router.add_post("/login", login_post, name="login_post")
    app.router.add_post("/logout", logout, name="logout")
    app.router.add_get("/oidc/start", oidc_start, name="oidc_start")
    app.router.add_get("/oidc/callback", oidc_callback, name="oidc_callback")

"""What the administration is configured with; the wiring builds it from the service's own settings."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AdminSettings:
    """The administration's configuration: where it is served, how cookies are signed, the Entra ID client."""

    public_url: str = "http://localhost:3978"
    # Signs cookies and keys the throttle; empty: a random secret for this process (sign-ins end at a restart).
    # Several replicas need one shared secret; the wiring refuses to build them without it.
    session_secret: str = field(default="", repr=False)
    secure_cookies: bool = False
    oidc_tenant_id: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = field(default="", repr=False)
    # Proxies whose X-Forwarded-For is believed for the client address (addresses, networks or `*`).
    forwarded_allow_ips: tuple[str, ...] = ()

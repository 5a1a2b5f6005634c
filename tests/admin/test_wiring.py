"""How bot/ hands the administration what it needs: its settings, the routing reload, the handoff tables."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from admin import handoffs
from admin.settings import AdminSettings
from bot.administration import admin_settings, reload_routing
from bot.handoff.handoff_tables import HandoffEventRow, HandoffRow
from bot.keys import SERVICES
from bot.settings import Settings, SettingsError


def test_the_admin_settings_are_the_services_own() -> None:
    settings = Settings(public_url="https://samrad.example", session_secret="hemlig", secure_cookies=True,
                        oidc_tenant_id="tenant", oidc_client_id="client", oidc_client_secret="secret",
                        forwarded_allow_ips=("10.0.0.5",))
    assert admin_settings(settings) == AdminSettings(
        public_url="https://samrad.example", session_secret="hemlig", secure_cookies=True, oidc_tenant_id="tenant",
        oidc_client_id="client", oidc_client_secret="secret", forwarded_allow_ips=("10.0.0.5",))


def test_several_replicas_without_a_session_secret_are_refused() -> None:
    with pytest.raises(SettingsError, match="SESSION_SECRET"):
        admin_settings(Settings(replicas=2))
    assert admin_settings(Settings(replicas=2, session_secret="delad")).session_secret == "delad"


async def test_a_routing_change_reloads_the_bots_routing_when_mounted_in_the_bot() -> None:
    reloads: list[bool] = []
    app = web.Application()
    app[SERVICES] = SimpleNamespace(routing=SimpleNamespace(reload=lambda: reloads.append(True)))  # type: ignore[assignment]
    await reload_routing(make_mocked_request("POST", "/admin/api/contacts", app=app))
    assert reloads == [True]
    await reload_routing(make_mocked_request("POST", "/admin/api/contacts", app=web.Application()))  # standalone
    assert reloads == [True]


@pytest.mark.parametrize(("view", "declared"), [(handoffs._handoff, HandoffRow.__table__),
                                                (handoffs._event, HandoffEventRow.__table__)])
def test_the_admins_view_of_the_handoff_tables_matches_the_bots_declaration(view, declared) -> None:  # type: ignore[no-untyped-def]
    assert view.name == declared.name
    for column in view.columns:
        assert column.name in declared.columns, column.name
        own = declared.columns[column.name].type
        assert column.type.python_type is own.python_type, column.name
        assert getattr(column.type, "timezone", None) == getattr(own, "timezone", None), column.name

"""Settings come from the environment with documented defaults and clear errors."""

import pytest

from bot.settings import BotFrameworkConfig, Settings, SettingsError


def test_defaults_run_locally_without_authentication():
    settings = Settings.from_env({})
    assert settings.port == 3978
    assert settings.database_url.startswith("sqlite+aiosqlite://")
    assert settings.auth_enabled is False
    assert settings.retention_days == 30


def test_app_id_enables_authentication_and_feeds_botbuilder_config():
    settings = Settings.from_env({"MicrosoftAppId": "abc", "MicrosoftAppPassword": "pw",
                                  "MicrosoftAppType": "SingleTenant", "MicrosoftAppTenantId": "t"})
    config = BotFrameworkConfig(settings)
    assert settings.auth_enabled
    assert (config.APP_ID, config.APP_PASSWORD, config.APP_TYPE, config.APP_TENANTID) == ("abc", "pw",
                                                                                         "SingleTenant", "t")
    assert "pw" not in repr(settings)


@pytest.mark.parametrize(("env", "message"), [
    ({"PORT": "eighty"}, "PORT must be a whole number"),
    ({"PORT": "70000"}, "PORT must be between 1 and 65535"),
    ({"LOG_LEVEL": "loud"}, "LOG_LEVEL must be"),
    ({"MicrosoftAppType": "Anything"}, "MicrosoftAppType must be"),
    ({"RETENTION_DAYS": "0"}, "RETENTION_DAYS must be at least 1"),
    ({"SECURE_COOKIES": "maybe"}, "SECURE_COOKIES must be true or false"),
    ({"WORKER_INTERVAL_SECONDS": "often"}, "WORKER_INTERVAL_SECONDS must be a number"),
])
def test_bad_values_give_specific_errors(env, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)

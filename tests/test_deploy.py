"""The deployment files: compose.yaml parses, every service runs a command that exists, the lock file is complete."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
SAMRAD_SERVICES = {"migrate", "bot-1", "bot-2", "worker"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_has_the_database_two_replicas_a_worker_and_a_proxy(compose):
    services = compose["services"]
    assert set(services) == {"db", "proxy"} | SAMRAD_SERVICES
    assert services["db"]["image"].startswith("postgres:")
    assert services["proxy"]["image"].startswith("caddy:")
    serving = [name for name, service in services.items() if service.get("command", [])[:2] == ["samrad", "serve"]]
    assert len(serving) == 2


def test_every_samrad_command_parses(compose):
    parser = build_parser()
    for name in SAMRAD_SERVICES:
        command = compose["services"][name]["command"]
        assert command[0] == "samrad", name
        args = parser.parse_args(command[1:])  # SystemExit (a failed test) on an unknown subcommand or option
        assert callable(args.func), name


def test_every_other_command_and_mounted_file_exists(compose):
    services = compose["services"]
    assert services["proxy"]["command"][:2] == ["caddy", "run"]
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (ROOT / source).is_file(), source
            else:
                assert source in compose["volumes"], source
        for dependency in service.get("depends_on", {}):
            assert dependency in services, dependency
    caddyfile = (ROOT / "deploy/Caddyfile").read_text(encoding="utf-8")
    for name in ("bot-1:3978", "bot-2:3978", "/readyz"):
        assert name in caddyfile


def test_replicas_are_configured_to_fail_closed(compose):
    environment = compose["x-samrad"]["environment"]
    for name in ("MicrosoftAppId", "MicrosoftAppPassword", "SESSION_SECRET", "DATABASE_URL"):
        assert ":?" in environment[name], f"{name} must be required, not defaulted"
    assert "SAMRAD_DEV" not in environment


def _has_compose() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "compose", "version"], capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(not _has_compose(), reason="docker compose is not installed on this machine")
def test_docker_compose_accepts_the_file(tmp_path):
    env = {"POSTGRES_PASSWORD": "x", "MicrosoftAppId": "x", "MicrosoftAppPassword": "x", "SESSION_SECRET": "x",
           "SAMRAD_DOMAIN": "samrad.example.org", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    result = subprocess.run(["docker", "compose", "-f", str(ROOT / "compose.yaml"), "config", "-q"], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=~!; ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")
            for requirement in requirements}


def _pins(path: Path) -> dict[str, str]:
    lock = path.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n", 2)[2])
    pins = {}
    for entry in entries:
        match = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)", entry)
        if match:
            assert "--hash=sha256:" in entry, f"{path.name}: {match.group(0)} has no hash"
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def test_the_locks_pin_every_dependency_with_hashes_at_the_same_versions():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = _names(project["project"]["dependencies"]) | _names(project["build-system"]["requires"])
    dev = runtime | _names(project["project"]["optional-dependencies"]["dev"])
    dev_pins, runtime_pins = _pins(ROOT / "requirements-dev.lock"), _pins(ROOT / "requirements.lock")
    assert not dev - set(dev_pins), f"not in requirements-dev.lock (run `make lock`): {sorted(dev - set(dev_pins))}"
    assert not runtime - set(runtime_pins), f"not in requirements.lock (run `make lock`): {sorted(runtime)}"
    assert {name: dev_pins.get(name) for name in runtime_pins} == runtime_pins  # one resolution, two subsets
    assert "pytest" not in runtime_pins  # the image carries no test tools


def test_make_and_the_image_install_from_the_locks_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LOCK   := requirements-dev.lock" in makefile
    assert "--require-hashes -r $(LOCK)" in makefile
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in dockerfile
    assert "--no-deps" in dockerfile  # nothing resolved beyond the lock
    assert "SAMRAD_DEV" not in dockerfile  # the image fails closed without MicrosoftAppId

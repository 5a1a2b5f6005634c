"""`make run`'s steps on a fresh database: migrate, load demo data, serve, answer /healthz, stop cleanly."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def samrad(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


def test_fresh_database_is_migrated_seeded_and_served_then_stops_on_sigterm(tmp_path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'run.db'}", "PORT": str(port),
           "HOST": "127.0.0.1", "LOG_LEVEL": "INFO"}
    env.pop("MicrosoftAppId", None)
    assert samrad("db", "upgrade", env=env).returncode == 0
    seeded = samrad("load-demo", "--if-empty", env=env)
    assert seeded.returncode == 0, seeded.stderr
    again = samrad("load-demo", "--if-empty", env=env)
    assert again.returncode == 0, again.stderr
    server = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                    body = response.read()
                    break
            except OSError:
                time.sleep(0.2)
        assert body is not None, "the service did not answer /healthz within a minute"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
            assert response.status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0
    assert "local development mode" in err
    assert "localhost" in out

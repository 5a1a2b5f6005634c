"""`make run`'s steps on a fresh database: migrate, load demo data, serve, answer /healthz, stop cleanly; and
`samrad serve --workers N`: N processes on one port, metrics merged across them, timers leased."""

import json
import os
import re
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


def wait_for_health(port: int, server: subprocess.Popen, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"serve exited early: {server.communicate()[1][-2000:]}"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the service did not answer /healthz within a minute")


def get(port: int, path: str) -> tuple[int, str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
        return response.status, response.read().decode()


def base_env(tmp_path, port: int) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'run.db'}", "PORT": str(port),
           "HOST": "127.0.0.1", "LOG_LEVEL": "INFO"}
    for name in ("MicrosoftAppId", "SAMRAD_DEV", "WEB_CONCURRENCY", "PROMETHEUS_MULTIPROC_DIR"):
        env.pop(name, None)
    return env


def test_fresh_database_is_migrated_seeded_and_served_then_stops_on_sigterm(tmp_path):
    port = free_port()
    env = base_env(tmp_path, port)
    assert samrad("db", "upgrade", env=env).returncode == 0
    seeded = samrad("load-demo", "--if-empty", env=env)
    assert seeded.returncode == 0, seeded.stderr
    again = samrad("load-demo", "--if-empty", env=env)
    assert again.returncode == 0, again.stderr
    # Through bot.cli.main as the `samrad` script runs it (with -m, bot.cli's CommandError is a second class).
    refused = subprocess.run([sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", "serve",
                              "--workers", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                             check=False)
    assert refused.returncode == 2
    assert "MicrosoftAppId" in refused.stderr
    server = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--workers", "1"], cwd=ROOT,
                              env={**env, "SAMRAD_DEV": "1"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        wait_for_health(port, server)
        assert get(port, "/readyz")[0] == 200
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0
    assert "local development mode" in err
    assert "UTVECKLINGSLÄGE" in err
    assert "DEVELOPMENT MODE" in err
    assert "localhost" in out


def test_two_workers_share_one_port_migrate_once_and_merge_their_metrics(tmp_path):
    port = free_port()
    env = base_env(tmp_path, port)
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    (metrics_dir / "counter_99999999.db").write_bytes(b"stale")  # an earlier run's file is cleared at start
    env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    server = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--dev", "--workers", "2", "--migrate"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_health(port, server)
        assert not (metrics_dir / "counter_99999999.db").exists()
        status, ready = get(port, "/readyz")  # --migrate ran in the parent before the workers started
        assert status == 200
        assert json.loads(ready)["schema"] == "ok"
        workers = set()
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline:
            # Each worker writes its own files; both appear once each has answered a request.
            get(port, "/healthz")
            workers = {p.name.rsplit("_", 1)[1] for p in metrics_dir.glob("*.db")}
        assert len(workers) >= 2, workers
        activity = json.dumps({"type": "typing", "id": "t-1", "serviceUrl": "http://127.0.0.1:9/",
                               "channelId": "msteams", "from": {"id": "29:x", "aadObjectId": "aad-x"},
                               "conversation": {"id": "a:x"}, "recipient": {"id": "28:bot"}}).encode()
        for _ in range(6):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/messages", data=activity,
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status in (200, 201)
        _, exposition = get(port, "/metrics")
        # One scrape answers for the whole service: the six turns, whichever worker served them.
        assert re.search(r'^samrad_turns_total\{activity_type="typing",outcome="ok"\} 6\.0$', exposition,
                         re.MULTILINE), exposition[-3000:]
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err[-3000:]
    assert "2 processer" in out
    assert err.count("Booting worker") == 2
    assert "Traceback" not in err, err[-3000:]

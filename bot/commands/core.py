"""Core commands: serve, db upgrade, chat."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli import CommandError, load_settings
from bot.settings import Settings

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger(__name__)


DEV_BANNER = """
##########################################################################################
##  UTVECKLINGSLÄGE (SAMRAD_DEV / --dev): inget MicrosoftAppId.                          ##
##  /api/messages tar emot meddelanden UTAN autentisering: vem som helst kan skriva som  ##
##  vem som helst. DEVELOPMENT MODE: no authentication. Never run this in production.    ##
##########################################################################################
"""
REFUSE_WITHOUT_APP_ID = (
    "MicrosoftAppId är inte satt, så /api/messages skulle ta emot vad som helst från vem som helst. "
    "Sätt MicrosoftAppId och MicrosoftAppPassword (se docs/deploy.md), eller starta i utvecklingsläge med "
    "`samrad serve --dev` / SAMRAD_DEV=1 (bara på din egen dator). "
    "(MicrosoftAppId is not set: refusing to serve unauthenticated; use --dev for local development.)")


def serve(args: argparse.Namespace) -> int:
    """Run the bot's HTTP service until interrupted (SIGINT/SIGTERM shut it down gracefully).

    Refuses to start without MicrosoftAppId unless development mode is asked for. With more than one worker,
    gunicorn's arbiter forks that many aiohttp processes on one port; the parent migrates (with --migrate) and
    loads the knowledge once, each worker loads the routing directory before it accepts connections.
    """
    settings = load_settings()
    if args.port:
        settings = settings.with_(port=args.port)
    if args.dev:
        settings = settings.with_(dev=True)
    if not settings.app_id and not settings.dev:
        raise CommandError(REFUSE_WITHOUT_APP_ID)
    if args.workers is not None and args.workers < 1:
        raise CommandError("--workers must be 1 or more")
    workers = args.workers or settings.web_concurrency or _cpus()
    metrics_dir = _multiprocess_metrics(workers) if workers > 1 else None

    from aiohttp import web

    from bot.app import create_app, freeze_after_startup, warm_up_knowledge
    from bot.logs import configure_logging

    configure_logging(settings.log_level)
    if not settings.app_id:
        print(DEV_BANNER, file=sys.stderr, flush=True)
    if args.migrate:
        from bot.database import DatabaseUrlError, upgrade

        try:
            upgrade(settings.database_url, settings.database_schema)
        except DatabaseUrlError as error:
            raise CommandError(str(error)) from None
    warm_up_knowledge()
    app = create_app(settings)
    freeze_after_startup(app)
    print(f"Samråd lyssnar på http://localhost:{settings.port}/api/messages  ({workers} process"
          f"{'er' if workers > 1 else ''}; hälsa: /healthz, /readyz, mått: /metrics, admin: /admin/)", flush=True)
    if settings.dev:
        print("Prova utan Teams:  make chat   — eller Bot Framework Emulator mot adressen ovan.")
        print("Admin-konto:       .venv/bin/samrad admin create-user NAMN --role admin   (sedan /admin/)", flush=True)
    parent = os.getpid()
    try:
        if workers == 1:
            from aiohttp.log import access_logger

            web.run_app(app, host=settings.host, port=settings.port, print=None, shutdown_timeout=10,
                        access_log_format=ACCESS_LOG_FORMAT, access_log=None if args.no_access_log else access_logger)
        else:
            _serve_workers(app, settings, workers, access_log=not args.no_access_log)
    finally:
        # gunicorn's workers are forks that leave through here too (SystemExit); only the parent cleans up.
        if metrics_dir is not None and metrics_dir.owned and os.getpid() == parent:
            shutil.rmtree(metrics_dir.path, ignore_errors=True)
    return 0


ACCESS_LOG_FORMAT = '%a "%r" %s %Tf'


def _cpus() -> int:
    """The CPUs this process may run on (a container's cpuset, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


class _MetricsDir:
    """PROMETHEUS_MULTIPROC_DIR for this run: the operator's (emptied of old files) or a temporary one."""

    def __init__(self, path: Path, owned: bool) -> None:
        self.path, self.owned = path, owned


def _multiprocess_metrics(workers: int) -> _MetricsDir:
    """Point prometheus-client at a shared directory; must happen before bot.metrics is imported."""
    if "bot.metrics" in sys.modules:  # its metrics would already be per-process
        raise CommandError("internal: bot.metrics was imported before the metrics directory was set")
    configured = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if configured:
        path = Path(configured)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):  # figures of an earlier run would be added to this one's
            stale.unlink()
        return _MetricsDir(path, owned=False)
    path = Path(tempfile.mkdtemp(prefix=f"samrad-metrics-{workers}w-"))
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)
    return _MetricsDir(path, owned=True)


def _serve_workers(app: web.Application, settings: Settings, workers: int, *, access_log: bool = True) -> None:
    """Serve *app* from *workers* processes on one port with gunicorn and aiohttp's GunicornWebWorker."""
    import gc

    from gunicorn.app.base import BaseApplication

    def child_exit(_server: object, worker: Any) -> None:  # gunicorn's Worker
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

    options = {
        "bind": f"{settings.host}:{settings.port}",
        "workers": workers,
        "worker_class": "aiohttp.GunicornWebWorker",
        "preload_app": True,  # the app object (no I/O yet) and the loaded knowledge are shared by fork
        "graceful_timeout": 10,
        "timeout": 60,  # a worker whose event loop stops answering for this long is replaced
        "keepalive": 75,  # behind a reverse proxy that keeps connections open
        "accesslog": "-" if access_log else None,
        "access_log_format": ACCESS_LOG_FORMAT,
        "child_exit": child_exit,
        "proc_name": "samrad",
        # gunicorn 23+'s runtime control socket lives at one path per user: two services would share it.
        "control_socket_disable": True,
    }

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> web.Application:
            return app

    gc.collect()
    gc.freeze()  # what the parent loaded stays shared with the workers (no refcount writes from full scans)
    Server().run()


def db_upgrade(_args: argparse.Namespace) -> int:
    """Bring the database schema up to date (Alembic `upgrade head`)."""
    from bot.database import DatabaseUrlError, upgrade

    settings = load_settings()
    try:
        upgrade(settings.database_url, settings.database_schema)
    except DatabaseUrlError as error:
        raise CommandError(str(error)) from None
    print("Databasen är uppdaterad.")
    return 0


def chat(_args: argparse.Namespace) -> int:
    """Talk to the bot in the terminal: the same dialogs, cards rendered as text."""
    from bot.database import SchemaMissingError
    from bot.teams.chat import run_chat

    settings = load_settings()
    logging.basicConfig(level=logging.WARNING)
    try:
        return asyncio.run(run_chat(settings))
    except SchemaMissingError as error:
        raise CommandError(str(error)) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add serve, db and chat."""
    parser = subparsers.add_parser("serve", help="starta botten (port 3978 om inget annat anges)")
    parser.add_argument("--port", type=int, default=0, help="port (i stället för PORT)")
    parser.add_argument("--workers", type=int, default=None,
                        help="processer på samma port (standard WEB_CONCURRENCY, annars en per CPU)")
    parser.add_argument("--dev", action="store_true",
                        help="utvecklingsläge: kör utan MicrosoftAppId (samma som SAMRAD_DEV=1)")
    parser.add_argument("--migrate", action="store_true",
                        help="kör `db upgrade` en gång före start (inte när flera repliker startar samtidigt)")
    parser.add_argument("--no-access-log", action="store_true", help="logga inte en rad per HTTP-anrop")
    parser.set_defaults(func=serve)

    db = subparsers.add_parser("db", help="databasens schema")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="migrera till det senaste schemat").set_defaults(func=db_upgrade)

    subparsers.add_parser("chat", help="chatta med botten i terminalen, utan Teams").set_defaults(func=chat)

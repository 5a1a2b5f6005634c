"""Core commands: serve, db upgrade, chat."""

from __future__ import annotations

import argparse
import asyncio
import logging

from bot.cli import CommandError, load_settings

log = logging.getLogger(__name__)


def serve(args: argparse.Namespace) -> int:
    """Run the bot's HTTP service until interrupted (SIGINT/SIGTERM shut it down gracefully)."""
    from aiohttp import web

    from bot.app import create_app, freeze_after_startup
    from bot.logs import configure_logging

    settings = load_settings()
    if args.port:
        settings = settings.with_(port=args.port)
    configure_logging(settings.log_level)
    app = create_app(settings)
    freeze_after_startup(app)
    print(f"Samråd lyssnar på http://localhost:{settings.port}/api/messages  (hälsa: /healthz, admin: /admin/)")
    print("Prova utan Teams:  make chat   — eller Bot Framework Emulator mot adressen ovan.")
    print("Admin-konto:       .venv/bin/samrad admin create-user NAMN --role admin   (sedan /admin/)")
    web.run_app(app, host=settings.host, port=settings.port, print=None, shutdown_timeout=10,
                access_log_format='%a "%r" %s %Tf')
    return 0


def db_upgrade(_args: argparse.Namespace) -> int:
    """Bring the database schema up to date (Alembic `upgrade heads`)."""
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
    from bot.chat import run_chat
    from bot.database import SchemaMissingError

    settings = load_settings()
    logging.basicConfig(level=logging.WARNING)
    try:
        return asyncio.run(run_chat(settings))
    except SchemaMissingError as error:
        raise CommandError(str(error)) from None


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add serve, db and chat."""
    parser = subparsers.add_parser("serve", help="start the bot service (default port 3978)")
    parser.add_argument("--port", type=int, default=0, help="override PORT")
    parser.set_defaults(func=serve)

    db = subparsers.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="migrate to the newest schema").set_defaults(func=db_upgrade)

    subparsers.add_parser("chat", help="chat with the bot in the terminal, no Teams needed").set_defaults(func=chat)

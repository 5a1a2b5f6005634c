"""Administration accounts: `samrad admin create-user`, `list-users`, `set-password`, `deactivate-user`, `serve`."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from bot.cli import CommandError, load_settings

if TYPE_CHECKING:
    from admin.accounts import Account, AccountStore

T = TypeVar("T")


def _run(work: Callable[[AccountStore], Awaitable[T]]) -> T:
    """Run *work(accounts)* against the configured database."""
    from admin.accounts import AccountError, AccountStore
    from bot.wiring import running

    settings = load_settings()

    async def main() -> T:
        async with running(settings) as services:
            return await work(AccountStore(services.engine))

    try:
        return asyncio.run(main())
    except AccountError as error:
        raise CommandError(str(error)) from None


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Lösenord: ")
        if getpass.getpass("Upprepa lösenordet: ") != password:
            raise CommandError("lösenorden är olika")
    if not password:
        raise CommandError("tomt lösenord")
    return password


def create_user(args: argparse.Namespace) -> int:
    """Create a local account (the password is read from a prompt or stdin, never from the command line)."""
    password = _read_password(args)

    async def work(accounts: AccountStore) -> Account:
        account = await accounts.create_user(args.username, args.role, password=password,
                                             district_id=args.district, aad_object_id=args.aad_object_id)
        await accounts.audit("cli", "user_created", target=f"admin_user:{account.id}",
                             detail={"username": account.username, "role": str(account.role),
                                     "district_id": account.district_id,
                                     "teams_linked": account.aad_object_id is not None})
        return account

    account = _run(work)
    where = f" i stadsdel {account.district_id}" if account.district_id else ""
    print(f"Användaren {account.username} skapad med rollen {account.role}{where}.")
    return 0


def list_users(_args: argparse.Namespace) -> int:
    """Print every account: name, role, district, active."""
    accounts = _run(lambda store: store.users())
    for account in accounts:
        state = "aktiv" if account.active else "avstängd"
        linked = "\tteams" if account.aad_object_id else ""
        print(f"{account.username}\t{account.role}\t{account.district_id or '-'}\t{account.source}\t{state}{linked}")
    return 0


def set_password(args: argparse.Namespace) -> int:
    """Replace an account's password."""
    password = _read_password(args)

    async def work(accounts: AccountStore) -> None:
        await accounts.set_password(args.username, password)
        await accounts.audit("cli", "password_set", detail={"username": args.username})

    _run(work)
    print(f"Lösenordet för {args.username} är bytt.")
    return 0


def deactivate_user(args: argparse.Namespace) -> int:
    """Deactivate an account and end its sessions."""
    async def work(accounts: AccountStore) -> None:
        await accounts.set_active(args.username, False)
        await accounts.audit("cli", "user_deactivated", detail={"username": args.username})

    _run(work)
    print(f"Användaren {args.username} är avstängd.")
    return 0


def serve(args: argparse.Namespace) -> int:
    """Serve only the administration (for trying it out; production mounts it in `samrad serve`)."""
    from aiohttp import web

    from bot.administration import create_standalone_app

    settings = load_settings()
    print(f"Samråds administration: http://localhost:{args.port}/admin/")
    web.run_app(create_standalone_app(settings), host=settings.host, port=args.port, print=None)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `samrad admin ...`."""
    parser = subparsers.add_parser("admin", help="konton för administrationen")
    commands = parser.add_subparsers(dest="admin_command", required=True, metavar="ADMIN_COMMAND")

    create = commands.add_parser("create-user", help="skapa ett lokalt konto")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=["admin", "district_editor", "socionom"])
    create.add_argument("--district", help="stadsdelens id (krävs för district_editor och socionom)")
    create.add_argument("--aad-object-id", metavar="ID",
                        help="personens Teams-id (Entra ID object id), så att Ärenden kan visa de egna")
    create.add_argument("--password-stdin", action="store_true", help="läs lösenordet från stdin")
    create.set_defaults(func=create_user)

    listing = commands.add_parser("list-users", help="lista kontona")
    listing.set_defaults(func=list_users)

    password = commands.add_parser("set-password", help="byt lösenord")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true", help="läs lösenordet från stdin")
    password.set_defaults(func=set_password)

    deactivate = commands.add_parser("deactivate-user", help="stäng av ett konto")
    deactivate.add_argument("username")
    deactivate.set_defaults(func=deactivate_user)

    run = commands.add_parser("serve", help="kör bara administrationen")
    run.add_argument("--port", type=int, default=8081)
    run.set_defaults(func=serve)

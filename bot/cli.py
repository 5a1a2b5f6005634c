"""The `samrad` command line: every module in `bot.commands` registers its subcommands."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from bot import commands
from bot.settings import Settings, SettingsError


class CommandError(Exception):
    """A command could not do what was asked; the message is shown to the user as is."""


def load_settings() -> Settings:
    """Settings from the environment; a bad value becomes a CommandError naming the variable."""
    try:
        return Settings.from_env()
    except SettingsError as error:
        raise CommandError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with the subcommands of every module in `bot.commands`."""
    parser = argparse.ArgumentParser(prog="samrad", description="Samråd — anonym konsultation för förskolan.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; each sets `func(args) -> int` on its parser."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CommandError as error:
        print(f"samrad {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

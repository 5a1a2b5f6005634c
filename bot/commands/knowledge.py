"""`samrad triage` and `samrad scrub`: the knowledge package from the command line."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.cli import load_settings
from bot.settings import Settings
from knowledge.assessment import assess
from knowledge.scrub import Scrubber

# How long `samrad scrub` waits for the directory before it masks without the preschool names.
DIRECTORY_TIMEOUT_SECONDS = 10.0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `triage` and `scrub` subcommands."""
    triage = subparsers.add_parser("triage", help="bedöm en beskrivning av en oro (utfall, kategorier, skäl)")
    triage.add_argument("--text", help="beskrivningen; läses från stdin om den utelämnas")
    triage.add_argument("--json", action="store_true", help="skriv bedömningen som JSON")
    triage.set_defaults(func=run_triage)

    scrubber = subparsers.add_parser("scrub", help="maskera personuppgifter och förskolors namn (från DATABASE_URL) "
                                                   "i text från stdin")
    scrubber.set_defaults(func=run_scrub)


def run_triage(args: argparse.Namespace) -> int:
    """Print the assessment of the given text, as JSON or in a short readable form."""
    text = args.text if args.text is not None else sys.stdin.read()
    assessment = assess(text).to_dict()
    if args.json:
        print(json.dumps(assessment, ensure_ascii=False))
        return 0
    print(f"utfall: {assessment['outcome']}" + (" (AKUT – ring 112)" if assessment["acute"] else ""))
    print(f"kategorier: {', '.join(assessment['categories']) or '-'}")
    print(f"skäl: {', '.join(assessment['reasons'])}")
    print(f"berätta för vårdnadshavare först: {'ja' if assessment['tell_guardians_first'] else 'nej'}")
    return 0


def run_scrub(args: argparse.Namespace) -> int:
    """Copy stdin to stdout masked as the bot masks it: personal data and the directory's preschool names.

    When the directory cannot be read, stderr says so and the text is masked without the preschool names.
    """
    try:
        names = asyncio.run(_preschool_names(_settings_with_a_database()))
    except Exception as error:  # any reason the tables cannot be read: say it and mask the rest all the same
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()
        print(f"samrad scrub: förskolornas namn kunde inte läsas från DATABASE_URL ({type(error).__name__}"
              f"{': ' + reason[0] if reason else ''}); de maskeras inte, allt annat maskeras.", file=sys.stderr)
        names = []
    else:
        if not names:
            print("samrad scrub: katalogen i DATABASE_URL har inga förskolor; deras namn maskeras inte.",
                  file=sys.stderr)
    sys.stdout.write(Scrubber(names).scrub(sys.stdin.read()).text)
    return 0


def _settings_with_a_database() -> Settings:
    """The settings, when DATABASE_URL names a database that exists (connecting to a missing SQLite file creates it)."""
    from bot.database import missing_sqlite_file

    settings = load_settings()
    missing = missing_sqlite_file(settings.database_url)
    if missing is not None:
        raise FileNotFoundError(f"ingen databas på {missing}")
    return settings


async def _preschool_names(settings: Settings) -> list[str]:
    """Every preschool name and alias in the routing tables at DATABASE_URL (the names the dialogs mask)."""
    from bot.scrubbing import place_names
    from bot.wiring import running

    async with running(settings, pool_size=1) as services:
        directory = await asyncio.wait_for(services.routing.directory(), DIRECTORY_TIMEOUT_SECONDS)
        return place_names(directory)

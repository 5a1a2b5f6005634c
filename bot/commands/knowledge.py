"""`samrad triage` and `samrad scrub`: the knowledge package from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from knowledge.assessment import assess
from knowledge.scrub import scrub


def register(subparsers: Any) -> None:
    """Add the `triage` and `scrub` subcommands."""
    triage = subparsers.add_parser("triage", help="bedöm en beskrivning av en oro (utfall, kategorier, skäl)")
    triage.add_argument("--text", help="beskrivningen; läses från stdin om den utelämnas")
    triage.add_argument("--json", action="store_true", help="skriv bedömningen som JSON")
    triage.set_defaults(func=run_triage)

    scrubber = subparsers.add_parser("scrub", help="maskera personuppgifter i text från stdin")
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
    """Copy stdin to stdout with personal data masked."""
    sys.stdout.write(scrub(sys.stdin.read()).text)
    return 0

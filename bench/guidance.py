"""`python -m bench.guidance`: the assessment against the guidance corpus, per group and in total, for both splits.

The corpus lives in bench/data: `guidance_tuning.yaml` (the engine may be tuned on it), `guidance_heldout.yaml`
(frozen before tuning; reported, never tuned on), `guidance_fresh.yaml`, `guidance_fresh2.yaml`,
`guidance_fresh3.yaml`, `guidance_fresh4.yaml`, `guidance_fresh5.yaml`, `guidance_fresh6.yaml`,
`guidance_fresh7.yaml` and `guidance_fresh8.yaml` (written later by other authors, each batch committed before its
first run; reported, never asserted, never tuned on).
Each case states the expected outcome, whether it is acute, the expected "tell the
guardians first" advice and why; a case may also state `child_told` (true, false or null: what
`knowledge.understanding.understand` should read about the child having told), and only such cases enter the *told*
figure. Not a test: nothing here asserts;
tests/knowledge/test_guidance_corpus.py holds the floors on the tuning split.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml

from knowledge.assessment import OUTCOME_ORDER, Answers, Assessment, Outcome, assess
from knowledge.understanding import understand

DATA = Path(__file__).parent / "data"
SPLITS = {"tuning": DATA / "guidance_tuning.yaml", "heldout": DATA / "guidance_heldout.yaml",
          "fresh": DATA / "guidance_fresh.yaml", "fresh2": DATA / "guidance_fresh2.yaml",
          "fresh3": DATA / "guidance_fresh3.yaml", "fresh4": DATA / "guidance_fresh4.yaml",
          "fresh5": DATA / "guidance_fresh5.yaml", "fresh6": DATA / "guidance_fresh6.yaml",
          "fresh7": DATA / "guidance_fresh7.yaml", "fresh8": DATA / "guidance_fresh8.yaml"}
# What --split accepts besides a single split's name.
SPLIT_SETS = {"both": ("tuning", "heldout"),
              "all": ("tuning", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7",
                      "fresh8")}
GROUPS = ("misspelling", "colloquial", "negation", "tense_word_order", "english", "mixed", "learner", "honour",
          "fgm", "dv_witnessed", "intoxication", "neglect", "staff", "retraction", "very_short", "very_long",
          "calm", "false_trigger")
# Each case is timed this many times; its fastest time enters the p99.
TIMING_ROUNDS = 5


class CorpusError(Exception):
    """A corpus file is malformed; the message names the case."""


@dataclass(frozen=True, slots=True)
class Case:
    """One written situation with the guidance it should get."""

    id: str
    group: str
    text: str
    outcome: Outcome
    acute: bool
    guardians: bool
    reason: str
    answers: Answers | None = None
    staff: bool = False
    expects_told: bool = False  # the case states `child_told`; only then does `child_told` count
    child_told: bool | None = None


def load_cases(path: Path) -> list[Case]:
    """The cases of one corpus file, checked for the fields bench.guidance needs."""
    # libyaml's safe loader when PyYAML has it (the same result, a fifth of the time on the tuning split).
    raw = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cases = []
    for entry in raw["cases"]:
        where = f"{path.name}: {entry.get('id', '?')}"
        try:
            case = Case(
                id=str(entry["id"]), group=str(entry["group"]), text=str(entry["text"]),
                outcome=Outcome(entry["outcome"]), acute=bool(entry["acute"]), guardians=bool(entry["guardians"]),
                reason=str(entry["reason"]), answers=Answers(**entry["answers"]) if entry.get("answers") else None,
                staff=bool(entry.get("staff", False)),
                expects_told="child_told" in entry,
                child_told=None if entry.get("child_told") is None else bool(entry["child_told"]),
            )
        except (KeyError, ValueError, TypeError) as error:
            raise CorpusError(f"{where}: {error}") from error
        if case.group not in GROUPS:
            raise CorpusError(f"{where}: unknown group {case.group!r}")
        if case.acute != (case.outcome is Outcome.ACUTE):
            raise CorpusError(f"{where}: acute and outcome disagree")
        if entry.get("child_told") not in (True, False, None):
            raise CorpusError(f"{where}: child_told must be true, false or null")
        cases.append(case)
    return cases


def rank(outcome: Outcome) -> int:
    """0 for the most urgent outcome, 3 for the least."""
    return OUTCOME_ORDER.index(outcome)


@dataclass(slots=True)
class Tally:
    """Counts for one group (or a total) of one split."""

    n: int = 0
    acute_expected: int = 0
    acute_found: int = 0
    under: int = 0
    under_two: int = 0
    exact: int = 0
    guardians: int = 0
    calm: int = 0
    false_acute: int = 0
    staff_expected: int = 0
    staff_found: int = 0
    told_expected: int = 0
    told_found: int = 0
    times_ms: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, got: Assessment, times_ms: Iterable[float], told: bool | None = None) -> None:
        """Count one assessed case (*told*: what the understanding read about the child having told)."""
        self.n += 1
        self.times_ms.extend(times_ms)
        gap = rank(got.outcome) - rank(case.outcome)
        if case.acute:
            self.acute_expected += 1
            self.acute_found += got.acute
        else:
            self.calm += 1
            self.false_acute += got.acute
        self.under += gap > 0
        self.under_two += gap >= 2
        self.exact += got.outcome is case.outcome
        self.guardians += got.tell_guardians_first == case.guardians
        if case.staff:
            self.staff_expected += 1
            self.staff_found += bool(getattr(got, "staff_suspected", False))
        if case.expects_told:
            self.told_expected += 1
            self.told_found += told is case.child_told
            if told is not case.child_told:
                self.misses.append(f"{case.id}: want child_told {case.child_told} got {told}")
        if got.outcome is not case.outcome or got.tell_guardians_first != case.guardians:
            self.misses.append(f"{case.id}: want {case.outcome}/{'tell' if case.guardians else 'no-tell'} "
                               f"got {got.outcome}/{'tell' if got.tell_guardians_first else 'no-tell'} "
                               f"{','.join(got.reasons)}")

    def merge(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in ("n", "acute_expected", "acute_found", "under", "under_two", "exact", "guardians", "calm",
                     "false_acute", "staff_expected", "staff_found", "told_expected", "told_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.times_ms.extend(other.times_ms)
        self.misses.extend(other.misses)

    def figures(self) -> dict[str, Any]:
        """The reported figures: rates in percent (None where nothing applies), p99 in milliseconds."""
        def pct(part: int, whole: int) -> float | None:
            return round(100 * part / whole, 1) if whole else None

        return {
            "n": self.n,
            "acute_recall": pct(self.acute_found, self.acute_expected),
            "under": pct(self.under, self.n),
            "under_two": self.under_two,
            "exact": pct(self.exact, self.n),
            "guardians": pct(self.guardians, self.n),
            "false_acute": pct(self.false_acute, self.calm),
            "staff": pct(self.staff_found, self.staff_expected),
            "told": pct(self.told_found, self.told_expected),
            "told_n": self.told_expected,
            "p99_ms": round(percentile(self.times_ms, 99), 3) if self.times_ms else None,
        }


def percentile(values: Sequence[float], p: float) -> float:
    """The *p*-th percentile (nearest rank) of *values*."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def evaluate(cases: Iterable[Case], rounds: int = TIMING_ROUNDS) -> dict[str, Tally]:
    """Per-group tallies of *cases* plus a "total"."""
    groups: dict[str, Tally] = {}
    for case in cases:
        times = []
        got = assess(case.text, case.answers)
        for _ in range(rounds):
            start = time.perf_counter()
            assess(case.text, case.answers)
            times.append((time.perf_counter() - start) * 1000)
        # The fastest of the rounds is the assessment's own cost; slower ones measure other processes on a shared
        # machine (the same filter as bench.match's best-of-3).
        told = understand(case.text).child_told if case.expects_told else None
        groups.setdefault(case.group, Tally()).add(case, got, [min(times)], told)
    total = Tally()
    for tally in groups.values():
        total.merge(tally)
    ordered = {group: groups[group] for group in GROUPS if group in groups}
    ordered["total"] = total
    return ordered


def _cell(value: Any) -> str:
    return "–" if value is None else str(value)


def _told_cell(figures: dict[str, Any]) -> str:
    return "–" if figures["told"] is None else f"{figures['told']} ({figures['told_n']})"


def table(split: str, tallies: dict[str, Tally]) -> str:
    """A Markdown table of one split's figures."""
    header = ("| split | group | n | acute recall % | under % | 2-level | exact % | guardians % | false acute % "
              "| staff % | told % | p99 ms |")
    lines = [header, "|" + "---|" * 12]
    for group, tally in tallies.items():
        f = tally.figures()
        name = f"**{group}**" if group == "total" else group
        lines.append(f"| {split} | {name} | {f['n']} | {_cell(f['acute_recall'])} | {_cell(f['under'])} | "
                     f"{f['under_two']} | {_cell(f['exact'])} | {_cell(f['guardians'])} | {_cell(f['false_acute'])} | "
                     f"{_cell(f['staff'])} | {_told_cell(f)} | {_cell(f['p99_ms'])} |")
    return "\n".join(lines)


def warm_up() -> None:
    """Load whatever the engine loads lazily, so the first case's time is not a loading time."""
    engine = import_module("knowledge.understanding")
    getattr(engine, "warm_up", lambda: None)()
    assess("warm up")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures for the chosen splits; the last line is a JSON summary."""
    parser = argparse.ArgumentParser(prog="python -m bench.guidance", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, *SPLIT_SETS), default="all")
    parser.add_argument("--misses", action="store_true",
                        help="list tuning cases whose outcome or advice differ (ids, codes); never other splits'")
    parser.add_argument("--rounds", type=int, default=TIMING_ROUNDS, help="timed assessments per case")
    args = parser.parse_args(argv)
    warm_up()
    summary = {}
    for split in SPLIT_SETS.get(args.split, (args.split,)):
        tallies = evaluate(load_cases(SPLITS[split]), rounds=args.rounds)
        print(table(split, tallies))
        print()
        # Held-out and fresh misses are never listed: looking at them would be tuning on them.
        if args.misses and split == "tuning":
            print("\n".join(tallies["total"].misses) or "(no misses)")
            print()
        summary[split] = tallies["total"].figures()
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Match latency: `match_preschool` p50/p99 on the demo data and on 10,000 synthetic preschools.

Run with `python -m bench.match`. Beside each figure: a bare `rapidfuzz.process.extract` over the same
names (WRatio, rapidfuzz's default processor) — the floor a naive implementation starts from.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz, process, utils

from routing.demo import demo_directory
from routing.match import match_preschool
from routing.model import Directory, Preschool

SYLLABLES = ("sol", "mån", "stjärn", "ek", "björk", "gran", "tall", "lind", "äng", "skogs", "berg", "dal",
             "sjö", "back", "hag", "gård", "holm", "vik", "bäck", "lunda", "ros", "vall", "kulla", "strand")
ENDINGS = ("en", "et", "an", "gläntan", "stigen", "boet", "huset", "gården", "backen", "tuvan")


def _misspell(rng: random.Random, text: str) -> str:
    letters = list(text)
    position = rng.randrange(len(letters))
    match rng.randrange(4):
        case 0:
            del letters[position]
        case 1 if position < len(letters) - 1:
            letters[position], letters[position + 1] = letters[position + 1], letters[position]
        case 2:
            letters[position] = rng.choice("abcdefghijklmnopqrstuvwxyz")
        case _:
            letters.insert(position, letters[position])
    return "".join(letters)


def synthetic(base: Directory, size: int, seed: int = 7) -> Directory:
    """*size* preschools: the demo ones plus invented Swedish-looking names on the demo streets."""
    rng = random.Random(seed)
    streets = [p.address.rsplit(" ", 1)[0] for p in base.preschools if p.address]
    districts = [d.id for d in base.districts] + [None]
    made = list(base.preschools)
    while len(made) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3)))) + rng.choice(ENDINGS)
        name = rng.choice(("Förskolan {}", "Förskolan {}", "{}s förskola", "Förskola {}")).format(word.capitalize())
        made.append(Preschool(f"syn-{len(made)}", name, address=f"{rng.choice(streets)} {rng.randint(1, 80)}",
                              district_id=rng.choice(districts)))
    return replace(base, preschools=tuple(made))


def queries(directory: Directory, count: int, seed: int = 11) -> list[str]:
    """What staff type: exact names, names without "förskolan", misspellings, streets, with a district."""
    rng = random.Random(seed)
    picks = [rng.choice(directory.preschools) for _ in range(count)]
    made = []
    for number, preschool in enumerate(picks):
        short = preschool.name.replace("Förskolan ", "").replace("Förskola ", "")
        kind = number % 5
        if kind == 0:
            made.append(preschool.name)
        elif kind == 1:
            made.append(_misspell(rng, short))
        elif kind == 2:
            made.append(short.lower().replace("å", "a").replace("ä", "a").replace("ö", "o"))
        elif kind == 3:
            made.append(preschool.address or short)
        else:
            made.append(f"{short} {rng.choice(directory.districts).name}")
    return made


def _percentiles(call: Callable[[str], object], texts: Sequence[str], repeat: int = 1) -> tuple[float, float]:
    """p50 and p99 in ms; with *repeat* > 1 each query's best time counts (filters out other processes)."""
    for text in texts[:50]:  # warm up
        call(text)
    timings = []
    gc.disable()
    try:
        for text in texts:
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter_ns()
                call(text)
                best = min(best, (time.perf_counter_ns() - start) / 1e6)
            timings.append(best)
    finally:
        gc.enable()
    cuts = statistics.quantiles(timings, n=100)
    return cuts[49], cuts[98]


def run(label: str, directory: Directory, count: int) -> None:
    """Time index build, `match_preschool` and the bare rapidfuzz floor on *directory*."""
    start = time.perf_counter()
    index = directory.index
    built = time.perf_counter() - start
    texts = queries(directory, count)
    names = [p.name for p in directory.preschools]
    ours = _percentiles(lambda q: match_preschool(q, index), texts)
    ours_best = _percentiles(lambda q: match_preschool(q, index), texts, repeat=3)
    floor = _percentiles(lambda q: process.extract(q, names, scorer=fuzz.WRatio, processor=utils.default_process,
                                                   limit=5), texts)
    print(f"{label:<20} {len(index):>6} preschools, index built in {built * 1000:.0f} ms")
    print(f"  match_preschool            p50 {ours[0]:7.3f} ms   p99 {ours[1]:7.3f} ms")
    print(f"  match_preschool best of 3  p50 {ours_best[0]:7.3f} ms   p99 {ours_best[1]:7.3f} ms")
    print(f"  bare process.extract       p50 {floor[0]:7.3f} ms   p99 {floor[1]:7.3f} ms   (floor)")


def main(argv: Sequence[str] | None = None) -> None:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args(argv)
    demo = demo_directory()
    print(f"{args.queries} queries; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    run("demo (Stockholm)", demo, args.queries)
    run(f"synthetic {args.size:,}", synthetic(demo, args.size), args.queries)


if __name__ == "__main__":
    main()

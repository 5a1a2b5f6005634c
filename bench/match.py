"""Match quality and latency: accuracy per query family, then `match_preschool` p50/p99 on the demo data and
on 10,000 synthetic preschools.

Run with `python -m bench.match`. Quality: the families of `bench/match_cases.py` (area, street, name + street,
old district, chain words, compounds, ASCII spellings, sound-alikes, fragments, non-existent, district only) —
top-1, right and confident, confident-wrong, ambiguity kept. Latency: beside each figure a bare
`rapidfuzz.process.extract` over the same names (WRatio, rapidfuzz's default processor) — the floor a naive
implementation starts from.
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

from bench.match_cases import CASES, FAMILIES, expected_ids
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


def quality(directory: Directory) -> dict[str, dict[str, int]]:
    """Per family: single-answer cases right+confident / top-1 / confident-wrong, several-meant cases kept
    ambiguous, non-existent cases picked confidently or matched to nothing, district-only cases right."""
    index = directory.index
    table: dict[str, dict[str, int]] = {f: dict.fromkeys(("one", "right", "top1", "confident_wrong", "many",
                                                          "kept", "weak", "weak_ok", "none", "none_confident",
                                                          "nothing", "district", "district_ok"), 0)
                                        for f in FAMILIES}
    for case in CASES:
        row = table[case.family]
        wanted = expected_ids(case, directory)
        result = match_preschool(case.query, index, limit=len(wanted) + 10)
        top = result.candidates[0].preschool.id if result.candidates else None
        found = {c.preschool.id for c in result.candidates}
        if case.kind == "one":
            row["one"] += 1
            row["right"] += result.confident and top in wanted
            row["top1"] += top in wanted
            row["confident_wrong"] += result.confident and top not in wanted
        elif case.kind == "many":
            row["many"] += 1
            row["kept"] += (not result.confident and result.ambiguous
                            and bool(wanted & found if case.family == "fragment" else wanted <= found))
            row["confident_wrong"] += result.confident and top not in wanted
        elif case.kind == "weak":
            row["weak"] += 1
            row["weak_ok"] += not result.confident and top in wanted
        elif case.kind == "none":
            row["none"] += 1
            row["none_confident"] += result.confident
            row["nothing"] += not result.candidates
        else:
            row["district"] += 1
            row["district_ok"] += (not result.candidates and result.district is not None
                                   and result.district.id == case.expected[0])
    return table


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "–"


def print_quality(directory: Directory) -> None:
    """Print the per-family quality table and the totals against the targets."""
    table = quality(directory)
    print(f"{len(CASES)} queries in {len(FAMILIES)} families (bench/match_cases.py)")
    print(f"  {'family':<13} {'right+confident':>17} {'top-1':>14} {'conf-wrong':>10} {'ambiguity kept':>16} "
          f"{'weak, not sure':>15} {'non-existent':>22} {'district only':>14}")
    for family, row in table.items():
        none = f"{row['none_confident']} conf, {row['nothing']} empty" if row["none"] else "–"
        print(f"  {family:<13} {_share(row['right'], row['one']):>17} {_share(row['top1'], row['one']):>14} "
              f"{row['confident_wrong']:>10} {_share(row['kept'], row['many']):>16} "
              f"{_share(row['weak_ok'], row['weak']):>15} {none:>22} "
              f"{_share(row['district_ok'], row['district']):>14}")
    total = {key: sum(row[key] for row in table.values()) for key in next(iter(table.values()))}
    print(f"  {'all':<13} {_share(total['right'], total['one']):>17} {_share(total['top1'], total['one']):>14} "
          f"{total['confident_wrong']:>10} {_share(total['kept'], total['many']):>16} "
          f"{_share(total['weak_ok'], total['weak']):>15} "
          f"{str(total['none_confident']) + ' conf, ' + str(total['nothing']) + ' empty':>22} "
          f"{_share(total['district_ok'], total['district']):>14}")


def main(argv: Sequence[str] | None = None) -> None:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args(argv)
    demo = demo_directory()
    print_quality(demo)
    print(f"{args.queries} queries; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    run("demo (Stockholm)", demo, args.queries)
    run(f"synthetic {args.size:,}", synthetic(demo, args.size), args.queries)


if __name__ == "__main__":
    main()

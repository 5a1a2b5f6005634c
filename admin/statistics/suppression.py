"""Statistical disclosure control: counts under 5 hidden, and whatever else would let a reader work them out."""

from __future__ import annotations

THRESHOLD = 5
SUPPRESSED = "<5"
COMPLEMENTARY = "x"  # a count of 5 or more, hidden so that a "<5" cell cannot be worked out from the totals
# A hidden small count must stay at least this wide an interval for the reader: never one single value.
MIN_SPREAD = 1

Cell = int | str
Key = tuple[object, ...]
# A published sum: the cells it adds up, and its total (another cell, or a number the reader can work out).
Group = tuple[list[Key], "Key | int"]
_INF = float("inf")


def suppress(count: int) -> Cell:
    """*count* when it is at least THRESHOLD, else "<5" (zero included: absence is not published either)."""
    return count if count >= THRESHOLD else SUPPRESSED


def _initial_bounds(values: dict[Key, int], hidden: dict[Key, str]) -> dict[Key, list[float]]:
    bounds: dict[Key, list[float]] = {}
    for key, value in values.items():
        kind = hidden.get(key)
        if kind == "primary":
            bounds[key] = [0.0, THRESHOLD - 1.0]
        elif kind:
            bounds[key] = [float(THRESHOLD), _INF]
        else:
            bounds[key] = [float(value), float(value)]
    return bounds


def _bounds(values: dict[Key, int], groups: list[Group], hidden: dict[Key, str]) -> dict[Key, list[float]]:
    """What a reader of the published tables can work out about every cell: [lowest, highest] possible value.

    Shown cells are exact; "<5" is 0–4; a complementary cell ("x") is 5 or more. Every published sum then
    narrows its cells (bounds propagation, repeated until nothing changes): this is the subtraction attack.
    """
    bounds = _initial_bounds(values, hidden)
    for _ in range(100):
        changed = False
        for cells, total in groups:
            low_total, high_total = bounds[total] if isinstance(total, tuple) else (float(total), float(total))
            lows = sum(bounds[c][0] for c in cells)
            finite_highs = sum(bounds[c][1] for c in cells if bounds[c][1] != _INF)
            unbounded = sum(1 for c in cells if bounds[c][1] == _INF)
            for cell in cells:
                low, high = bounds[cell]
                others_low = lows - low
                others_unbounded = unbounded - (high == _INF)
                others_high = _INF if others_unbounded else finite_highs - (0.0 if high == _INF else high)
                new_low = max(low, low_total - others_high)
                new_high = min(high, high_total - others_low)
                if (new_low, new_high) != (low, high):
                    bounds[cell] = [new_low, new_high]
                    lows += new_low - low
                    if high == _INF and new_high != _INF:
                        unbounded -= 1
                        finite_highs += new_high
                    elif high != _INF:
                        finite_highs += new_high - high
                    changed = True
            if isinstance(total, tuple):
                low, high = bounds[total]
                new_low = max(low, lows)
                new_high = min(high, _INF if unbounded else finite_highs)
                if (new_low, new_high) != (low, high):
                    bounds[total] = [new_low, new_high]
                    changed = True
        if not changed:
            break
    return bounds


def protect(values: dict[Key, int], groups: list[Group]) -> dict[Key, Cell]:
    """Every cell as published: counts under THRESHOLD as "<5", and complementary cells as "x".

    Complementary suppression: as long as a reader can work out some "<5" cell exactly through the
    published sums (a row's total, a column's total in another table, the
    number of consultations), the smallest shown cell of a sum it belongs to is hidden as well.
    """
    hidden: dict[Key, str] = {key: "primary" for key, value in values.items() if value < THRESHOLD}
    given_up: set[Key] = set()

    def spread(key: Key, bounds: dict[Key, list[float]]) -> float:
        return bounds[key][1] - bounds[key][0]

    def shown_in(selected: list[Group]) -> list[Key]:
        found = [cell for cells, total in selected for cell in [*cells, *([total] if isinstance(total, tuple) else [])]
                 if cell not in hidden]
        return sorted(set(found), key=lambda cell: (values[cell], str(cell)))

    while True:
        bounds = _bounds(values, groups, hidden)
        exposed = [key for key, kind in hidden.items() if kind == "primary" and key not in given_up
                   and spread(key, bounds) < MIN_SPREAD]
        if not exposed:
            break
        target = exposed[0]
        near = shown_in([g for g in groups if target in g[0] or g[1] == target])
        if not near:
            given_up.add(target)  # every cell of its sums is hidden already: nothing more to hide
            continue
        # Hide the cell that widens the target's interval most (the smallest such); the leak may come through
        # a sum the target is not in (a column total in another table), so look at every sum with hidden cells.
        linked = shown_in([g for g in groups if any(c in hidden for c in g[0])
                           or (isinstance(g[1], tuple) and g[1] in hidden)])
        best, best_spread = near[0], spread(target, bounds)
        for candidate in [*near, *(c for c in linked if c not in near)]:
            trial = _bounds(values, groups, hidden | {candidate: "secondary"})
            if spread(target, trial) > best_spread:
                best, best_spread = candidate, spread(target, trial)
                if best_spread >= MIN_SPREAD:
                    break
        hidden[best] = "secondary"
    return {key: value if key not in hidden else SUPPRESSED if hidden[key] == "primary" else COMPLEMENTARY
            for key, value in values.items()}

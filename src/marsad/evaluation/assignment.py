"""One-to-one matching of predicted to gold events: the assignment of greatest total weight.

The Hungarian method (Kuhn–Munkres, in the O(n²m) form with potentials): every row of the
smaller side is assigned, so on a complete table the number of pairs is always the largest
possible, and among those assignments the one with the greatest total weight is returned.
``lexicographic`` turns ranked preferences into weights, so that one pair better on the first
preference outweighs any number of pairs better on the later ones.
"""

from __future__ import annotations

from collections.abc import Sequence

_INF = float("inf")


def lexicographic(levels: Sequence[float], size: int) -> float:
    """A weight for preferences ``levels`` (each between 0 and 1, most important first) such
    that, summed over at most ``size`` pairs, an earlier level always decides."""
    base = size + 1.0
    weight = 0.0
    for level in levels:
        weight = weight * base + level
    return weight


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """``(row, column)`` pairs, one-to-one, ``min(rows, columns)`` of them, of greatest total
    weight."""
    if not weights or not weights[0]:
        return []
    transposed = len(weights) > len(weights[0])
    table = [list(col) for col in zip(*weights)] if transposed else [list(r) for r in weights]
    top = max(max(row) for row in table)
    cost = [[top - w for w in row] for row in table]
    owner = _hungarian(cost)
    pairs = sorted((row, col) for col, row in enumerate(owner) if row >= 0)
    return sorted((c, r) for r, c in pairs) if transposed else pairs


def _hungarian(cost: list[list[float]]) -> list[int]:
    """For each column, the row assigned to it (-1 for none); rows ≤ columns, least cost."""
    n, m = len(cost), len(cost[0])
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)     # 1-based; owner[0] is the row being placed
    for row in range(1, n + 1):
        owner[0] = row
        col = 0
        slack, used = [_INF] * (m + 1), [False] * (m + 1)
        while owner[col]:
            used[col] = True
            r, delta, nxt = owner[col], _INF, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[r - 1][j - 1] - u[r] - v[j]
                    if cur < slack[j]:
                        slack[j], way[j] = cur, col
                    if slack[j] < delta:
                        delta, nxt = slack[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            col = nxt
        while col:
            prev = way[col]
            owner[col] = owner[prev]
            col = prev
    return [owner[j] - 1 for j in range(1, m + 1)]

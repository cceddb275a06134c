"""The one-to-one matching: as many pairs as possible, and the best total weight among them."""

import itertools
import random

import pytest

from marsad.evaluation.assignment import best_assignment, lexicographic


def _brute_force(weights):
    n, m = len(weights), len(weights[0])
    if n <= m:
        return max(sum(weights[i][c] for i, c in enumerate(cols))
                   for cols in itertools.permutations(range(m), n))
    return max(sum(weights[r][j] for j, r in enumerate(rows))
               for rows in itertools.permutations(range(n), m))


@pytest.mark.parametrize("seed", range(40))
def test_the_assignment_is_one_to_one_full_and_of_greatest_weight(seed):
    rng = random.Random(seed)
    weights = [[rng.choice([0, 1, 2, 3, 5, 8]) for _ in range(rng.randint(1, 5))]]
    weights += [[rng.choice([0, 1, 2, 3, 5, 8]) for _ in weights[0]] for _ in range(rng.randint(0, 4))]
    pairs = best_assignment(weights)
    assert len(pairs) == min(len(weights), len(weights[0]))
    assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
    assert sum(weights[r][c] for r, c in pairs) == _brute_force(weights)


def test_nothing_to_match():
    assert best_assignment([]) == [] and best_assignment([[]]) == []


def test_one_pair_better_on_an_earlier_preference_outweighs_any_number_on_later_ones():
    size = 3
    assert lexicographic((1, 0, 0), size) > size * lexicographic((0, 1, 1), size)
    assert lexicographic((0, 1, 0), size) > size * lexicographic((0, 0, 1), size)

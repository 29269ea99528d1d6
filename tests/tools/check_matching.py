#!/usr/bin/python3
"""Reference check of `passerelles match` (docs/matching.md) against scipy.optimize.linear_sum_assignment.

Usage: check_matching.py PASSERELLES_BINARY [INSTANCES]

Generates INSTANCES (default 240) random instances with `pair_costs` and a fixed seed, a third each of: unit needs
and capacities; needs of 1–3 with unit capacities; capacities of 1–3 with unit needs (so that "a pair is two
different women" never binds and expanding into copies gives the same problem). Some instances have negative
costs, empty sides or no allowed pair. Each runs through `PASSERELLES_BINARY match --in FILE --out -`; scipy solves
the expanded assignment with forbidden pairs at a big cost, which makes its objective lexicographic: the number of
filled places first, then the cost. The engine must fill as many places and reach the same total, and its own
result must be consistent (listed pairs at their costs, the sum, needs and capacities). Also checks that bad input
exits with 2 naming the JSON path. Prints a summary; exits 1 on any mismatch, keeping the failing instance."""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import linear_sum_assignment

SEED = 20270302


def random_instance(rng, kind):
    n, m = rng.randint(0, 9), rng.randint(0, 14)
    if rng.random() < 0.05:
        n, m = rng.randint(1, 3), 0
    density = rng.choice([0.3, 0.6, 0.8, 1.0])
    low = -200 if rng.random() < 0.2 else 0
    requests = [{"id": f"r{i}", "lat": 46.0, "lon": 2.0,
                 "needed": rng.randint(1, 3) if kind == "needs" else 1} for i in range(n)]
    ambassadors = [{"id": f"a{j}", "lat": 46.0, "lon": 2.0,
                    "capacity": rng.randint(1, 3) if kind == "capacities" else 1} for j in range(m)]
    pairs = [{"request": f"r{i}", "ambassador": f"a{j}", "cost": rng.randint(low, 999)}
             for i in range(n) for j in range(m) if rng.random() < density]
    rng.shuffle(pairs)
    return {"requests": requests, "ambassadors": ambassadors, "pair_costs": pairs}


def reference(instance):
    """(filled places, total cost) of the optimum, by scipy on the instance expanded into copies."""
    rows = [r["id"] for r in instance["requests"] for _ in range(r["needed"])]
    cols = [a["id"] for a in instance["ambassadors"] for _ in range(a["capacity"])]
    if not rows or not cols:
        return 0, 0
    cost = {(p["request"], p["ambassador"]): p["cost"] for p in instance["pair_costs"]}
    big = 10 ** 9  # > every difference of allowed totals (≤ 27 places × 1,200)
    matrix = np.full((len(rows), len(cols)), big, dtype=np.int64)
    for i, r in enumerate(rows):
        for j, a in enumerate(cols):
            if (r, a) in cost:
                matrix[i, j] = cost[(r, a)]
    ri, ci = linear_sum_assignment(matrix)
    chosen = [matrix[i, j] for i, j in zip(ri, ci) if matrix[i, j] != big]
    return len(chosen), int(sum(chosen))


def problems(instance, result, ref):
    """Every disagreement of the engine's result with the reference and with the instance."""
    out = []
    filled_ref, total_ref = ref
    assignments = result["assignments"]
    if len(assignments) != filled_ref:
        out.append(f"{len(assignments)} places pourvues, scipy en pourvoit {filled_ref}")
    if result["total_cost"] != total_ref:
        out.append(f"coût total {result['total_cost']}, optimum scipy {total_ref}")
    cost = {(p["request"], p["ambassador"]): p["cost"] for p in instance["pair_costs"]}
    if sum(a["cost"] for a in assignments) != result["total_cost"]:
        out.append("total_cost n'est pas la somme des coûts")
    seen = set()
    per_request, per_ambassador = {}, {}
    for a in assignments:
        key = (a["request"], a["ambassador"])
        if cost.get(key) != a["cost"]:
            out.append(f"paire {key} non listée ou coût faux")
        if key in seen:
            out.append(f"paire {key} deux fois")
        seen.add(key)
        per_request[a["request"]] = per_request.get(a["request"], 0) + 1
        per_ambassador[a["ambassador"]] = per_ambassador.get(a["ambassador"], 0) + 1
    needed = {r["id"]: r["needed"] for r in instance["requests"]}
    capacity = {a["id"]: a["capacity"] for a in instance["ambassadors"]}
    for r, n in per_request.items():
        if n > needed[r]:
            out.append(f"{r} : {n} personnes pour {needed[r]} places")
    for a, n in per_ambassador.items():
        if n > capacity[a]:
            out.append(f"{a} : {n} affectations pour une capacité de {capacity[a]}")
    unfilled = {u["request"]: u["places"] for u in result["unfilled"]}
    for r, n in needed.items():
        if unfilled.get(r, 0) != n - per_request.get(r, 0):
            out.append(f"{r} : places non pourvues {unfilled.get(r, 0)}, attendu {n - per_request.get(r, 0)}")
    return out


def run(binary, path):
    proc = subprocess.run([binary, "match", "--in", path, "--out", "-"], capture_output=True, text=True)
    return proc


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 240
    # The comparison itself must be able to fail: a wrong total or count is reported.
    sample = {"requests": [{"id": "r", "needed": 1}], "ambassadors": [{"id": "a", "capacity": 1}],
              "pair_costs": [{"request": "r", "ambassador": "a", "cost": 5}]}
    good = {"assignments": [{"request": "r", "ambassador": "a", "cost": 5}], "unfilled": [], "total_cost": 5}
    assert problems(sample, good, (1, 5)) == []
    assert problems(sample, good, (1, 4)) and problems(sample, good, (0, 0))

    rng = random.Random(SEED)
    tmp = tempfile.mkdtemp(prefix="check_matching_")
    kinds = ["unit", "needs", "capacities"]
    mismatches, places, total_places = 0, 0, 0
    try:
        for t in range(count):
            kind = kinds[t % 3]
            instance = random_instance(rng, kind)
            path = os.path.join(tmp, f"instance_{t}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(instance, f)
            proc = run(binary, path)
            if proc.returncode != 0:
                print(f"instance {t} ({kind}) : code de sortie {proc.returncode} : {proc.stderr.strip()}")
                mismatches += 1
                continue
            result = json.loads(proc.stdout)
            ref = reference(instance)
            found = problems(instance, result, ref)
            places += ref[0]
            total_places += sum(r["needed"] for r in instance["requests"])
            if found:
                mismatches += 1
                kept = os.path.join(tempfile.gettempdir(), f"check_matching_failed_{t}.json")
                shutil.copy(path, kept)
                print(f"instance {t} ({kind}, gardée dans {kept}) : " + " ; ".join(found))

        # Bad input: exit code 2 and the JSON path.
        bad = os.path.join(tmp, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            json.dump({"requests": [{"id": "r", "lat": 46, "lon": 2, "dates": ["2027-02-30"]}], "ambassadors": []}, f)
        proc = run(binary, bad)
        if proc.returncode != 2 or "requests[0].dates[0]" not in proc.stderr:
            print(f"entrée invalide : code {proc.returncode}, message {proc.stderr.strip()!r}")
            mismatches += 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"matching_reference : {count} instances ({count - 2 * (count // 3)} unitaires, {count // 3} besoins > 1, "
          f"{count // 3} capacités > 1), {places} places pourvues sur {total_places}, {mismatches} écart(s)")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

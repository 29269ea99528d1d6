#!/usr/bin/python3
"""Data and reference solver of bench/matching.sh (the national matching instance, docs/matching.md).

  matching_data.py generate OUT_DIR DATA_DIR REQUESTS AMBASSADORS SEED
      Writes OUT_DIR/national.json: REQUESTS requests at random collèges of DATA_DIR/schools/
      geoloc-colleges-france_2024.csv (metropolitan France; random points in its bounding box when the file is
      absent), 2–3 days each in March–April 2027, 1 or 2 people, a domain or none, never reached / priority
      education flags; AMBASSADORS ambassadors a few km around random collèges, max_km 20–60, 4–8 days, capacity 1–3,
      1–2 domains, a load, a March limit for a fifth of them. This is the full model, for the engine alone.
      And OUT_DIR/unit.json: the same people as an assignment problem scipy can solve: needs of 1, no days, no
      month limits (capacities and the cost model's terms kept).
  matching_data.py scipy UNIT_JSON OUT_JSON [PAIRS_JSON]
      Solves unit.json with scipy.sparse.csgraph.min_weight_full_bipartite_matching (a dense 5,000 × 40,000 matrix
      would not fit in memory): the pairs within max_km and their costs computed here with numpy, independently of
      the engine (default weights); ambassadors expanded into `capacity` copies; one private "unfilled" column per
      request at a big cost (so a full matching exists and filling comes first). Writes filled, total_cost and the
      solver's seconds (elapsed and processor). With PAIRS_JSON, also writes the same problem with those very pairs
      in pair_costs, for the engine to solve the identical list.
  matching_data.py compare ENGINE_RESULT SCIPY_RESULT
      Prints both and exits 1 when the filled places or the totals differ."""
import csv
import datetime
import json
import math
import os
import random
import sys
import time

DAYS = [f"2027-03-{d:02d}" for d in range(1, 32)] + [f"2027-04-{d:02d}" for d in range(1, 31)]
DAYS = [d for d in DAYS if datetime.date.fromisoformat(d).weekday() < 5]
DOMAINS = ["usinage", "chimie", "maintenance", "numerique", "energie", "agroalimentaire"]
# Default weights of domain/matching.hpp.
ROAD, PER_KM, MISMATCH, LOAD_STEP, NEVER, PRIORITY = 1.3, 10, 300, 40, 150, 100


def colleges(data_dir):
    path = os.path.join(data_dir, "schools", "geoloc-colleges-france_2024.csv")
    points = []
    if os.path.exists(path):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                try:
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                except (KeyError, ValueError):
                    continue
                if 41 <= lat <= 51.5 and -5.5 <= lon <= 10:  # metropolitan France
                    points.append((lat, lon))
    return points


def generate(out_dir, data_dir, n_req, n_amb, seed):
    rng = random.Random(seed)
    points = colleges(data_dir)
    source = f"{len(points)} collèges de {data_dir}" if points else "points au hasard (pas de fichier de collèges)"
    if not points:
        points = [(rng.uniform(43, 50.5), rng.uniform(-1.5, 7.5)) for _ in range(7000)]

    requests = []
    for i in range(n_req):
        lat, lon = rng.choice(points)
        requests.append({"id": f"r{i}", "lat": lat, "lon": lon, "dates": sorted(rng.sample(DAYS, rng.randint(2, 3))),
                         "needed": 2 if rng.random() < 0.2 else 1,
                         "domains": [rng.choice(DOMAINS)] if rng.random() < 0.6 else [],
                         "never_reached": rng.random() < 0.3, "priority_education": rng.random() < 0.2})
    ambassadors = []
    for j in range(n_amb):
        lat, lon = rng.choice(points)
        km = abs(rng.gauss(0, 4))
        angle = rng.uniform(0, 2 * math.pi)
        lat += km * math.cos(angle) / 111.19
        lon += km * math.sin(angle) / (111.19 * math.cos(math.radians(lat)))
        a = {"id": f"a{j}", "lat": round(lat, 6), "lon": round(lon, 6), "max_km": rng.choice([20, 30, 40, 50, 60]),
             "dates": sorted(rng.sample(DAYS, rng.randint(4, 8))), "capacity": rng.randint(1, 3),
             "domains": rng.sample(DOMAINS, rng.randint(1, 2)), "load": rng.randint(0, 5)}
        if rng.random() < 0.2:
            a["month_capacity"] = {"2027-03": rng.randint(0, 2)}
        ambassadors.append(a)
    with open(os.path.join(out_dir, "national.json"), "w", encoding="utf-8") as f:
        json.dump({"requests": requests, "ambassadors": ambassadors}, f)

    unit = {"requests": [{k: r[k] for k in ("id", "lat", "lon", "domains", "never_reached", "priority_education")}
                         for r in requests],
            "ambassadors": [{k: a[k] for k in ("id", "lat", "lon", "max_km", "capacity", "domains", "load")}
                            for a in ambassadors]}
    with open(os.path.join(out_dir, "unit.json"), "w", encoding="utf-8") as f:
        json.dump(unit, f)
    print(f"{n_req} demandes, {n_amb} ambassadrices autour de {source}")


def model_pairs(unit):
    """(request index, ambassador index, cost) of every pair within max_km, at the cost model's price computed
    independently of the engine (numpy, one request at a time; rounding half away from zero like llround)."""
    import numpy as np
    ambassadors = unit["ambassadors"]
    alat = np.array([a["lat"] for a in ambassadors], dtype=float)
    alon = np.array([a["lon"] for a in ambassadors], dtype=float)
    amax = np.array([a["max_km"] for a in ambassadors], dtype=float)
    aload = np.array([a["load"] for a in ambassadors], dtype=float)
    load_cost = LOAD_STEP * aload * (aload + 1) / 2.0
    has = {d: np.array([d in a["domains"] for a in ambassadors]) for d in DOMAINS}
    deg = math.pi / 180
    ri, ci, cost = [], [], []
    for i, r in enumerate(unit["requests"]):
        h = (np.sin((alat - r["lat"]) * deg / 2) ** 2 +
             np.cos(r["lat"] * deg) * np.cos(alat * deg) * np.sin((alon - r["lon"]) * deg / 2) ** 2)
        km = 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h))) * ROAD
        j = np.nonzero(km <= amax)[0]
        c = km[j] * PER_KM
        if r["domains"]:
            shared = np.zeros(len(j), dtype=bool)
            for d in r["domains"]:
                shared |= has[d][j]
            c = c + np.where(shared, 0.0, MISMATCH)
        c = c + load_cost[j]
        c = c - (NEVER if r["never_reached"] else 0) - (PRIORITY if r["priority_education"] else 0)
        ri.append(np.full(len(j), i))
        ci.append(j)
        cost.append(np.floor(np.maximum(0.0, c) + 0.5).astype(np.int64))
    return np.concatenate(ri), np.concatenate(ci), np.concatenate(cost)


def solve_scipy(unit_path, out_path, pairs_path=None):
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    with open(unit_path, encoding="utf-8") as f:
        unit = json.load(f)
    start, cpu_start = time.perf_counter(), time.process_time()
    pr, pa, pc = model_pairs(unit)
    n_req = len(unit["requests"])
    caps = np.array([a["capacity"] for a in unit["ambassadors"]], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(caps)[:-1]])
    n_cols = int(caps.sum())
    big = 10 ** 9  # an unfilled place: more than any change of the filled places' costs (5,000 × 2 × 10^4)
    # Each pair once per copy of the ambassador; + 1 on every cost: a stored zero would read as no edge, and every
    # row pays it exactly once.
    copies = caps[pa]
    ri = [np.repeat(pr, copies), np.arange(n_req)]
    offsets = np.arange(int(copies.sum())) - np.repeat(np.cumsum(copies) - copies, copies)
    ci = [np.repeat(first[pa], copies) + offsets, n_cols + np.arange(n_req)]
    w = [np.repeat(pc + 1, copies).astype(np.float64), np.full(n_req, float(big))]
    ri, ci, w = np.concatenate(ri), np.concatenate(ci), np.concatenate(w)
    matrix = csr_matrix((w, (ri, ci)), shape=(n_req, n_cols + n_req))
    built, cpu_built = time.perf_counter(), time.process_time()
    row_ind, col_ind = min_weight_full_bipartite_matching(matrix)
    solved, cpu_solved = time.perf_counter(), time.process_time()
    weights = np.asarray(matrix[row_ind, col_ind]).ravel()
    filled = int(np.sum(col_ind < n_cols))
    total = int(round(float(np.sum(weights[col_ind < n_cols])))) - filled
    dense_gb = n_req * (n_cols + n_req) * 8 / 1e9
    if pairs_path:
        requests = [r["id"] for r in unit["requests"]]
        ambassadors = [a["id"] for a in unit["ambassadors"]]
        listed = dict(unit, pair_costs=[{"request": requests[i], "ambassador": ambassadors[j], "cost": int(c)}
                                        for i, j, c in zip(pr.tolist(), pa.tolist(), pc.tolist())])
        with open(pairs_path, "w", encoding="utf-8") as f:
            json.dump(listed, f)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"filled": filled, "total_cost": total, "seconds_solver": solved - built,
                   "cpu_solver": cpu_solved - cpu_built, "pairs": int(len(pc)),
                   "seconds_build": built - start, "cpu_build": cpu_built - cpu_start, "edges": int(matrix.nnz),
                   "columns": n_cols + n_req, "dense_gb": dense_gb}, f)


def compare(engine_path, scipy_path):
    with open(engine_path, encoding="utf-8") as f:
        engine = json.load(f)
    with open(scipy_path, encoding="utf-8") as f:
        ref = json.load(f)
    filled = len(engine["assignments"])
    same = filled == ref["filled"] and engine["total_cost"] == ref["total_cost"]
    print(f"  moteur : {filled} places pourvues, coût total {engine['total_cost']}")
    print(f"  scipy  : {ref['filled']} places pourvues, coût total {ref['total_cost']} "
          f"({'identiques' if same else 'DIFFÉRENTS'})")
    return 0 if same else 1


def main():
    if len(sys.argv) >= 7 and sys.argv[1] == "generate":
        generate(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
        return 0
    if len(sys.argv) in (4, 5) and sys.argv[1] == "scipy":
        solve_scipy(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) == 5 else None)
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        return compare(sys.argv[2], sys.argv[3])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())

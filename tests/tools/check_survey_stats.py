#!/usr/bin/python3
"""Reference check of `passerelles survey-stats` (docs/surveys.md) against scipy 1.10 and statsmodels 0.13.5.

Usage: check_survey_stats.py PASSERELLES_BINARY [DATASETS]

Generates DATASETS (default 150) random CSV files with a fixed seed — ties, samples of 0 to 2000 answers per
phase, linked and unlinked answers, duplicated codes, "je ne sais pas", several questions, shuffled columns, BOM
and CRLF — runs `PASSERELLES_BINARY survey-stats --in FILE --json` on each, recomputes every figure with
scipy/statsmodels and compares: numbers to a relative 1e-6 (absolute 1e-12 near zero), counts and flags exactly,
nulls where the documentation says a figure is not computable. Prints a summary; exits 1 on any mismatch, naming
the dataset, the question and the key (the failing CSV is kept and its path printed)."""
import csv
import io
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

SEED = 20250606
REL, ABS = 1e-6, 1e-12
KEYS = ["question", "n_pre", "n_post", "mean_pre", "mean_post", "welch_t", "welch_p", "mannwhitney_u",
        "mannwhitney_p", "agree_pre", "agree_post", "agree_diff", "agree_diff_ci95", "two_prop_z", "two_prop_p",
        "paired_n", "wilcoxon_p", "mcnemar_p", "cohen_d", "cohen_h", "small_sample"]
QUESTIONS = ["Ces métiers sont sales", "Ces métiers sont bruyants", "Ces métiers demandent de la force physique",
             "Je pourrais faire ce métier", "Ces métiers sont aussi pour les filles",
             "Question avec, une virgule et des \"guillemets\""]
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# ---------------------------------------------------------------------------------------------------------------
# Random data sets


def sample_size(rng, index):
    """Answers in one phase: the first data sets pin the extremes, then a mix of small and large samples."""
    if index == 0:
        return 2
    if index == 1:
        return 2000
    kind = rng.random()
    if kind < 0.15:
        return rng.randint(0, 5)
    if kind < 0.55:
        return rng.randint(2, 40)
    if kind < 0.85:
        return rng.randint(40, 300)
    return rng.randint(300, 2000)


def weights(rng):
    """A distribution over 1..5: spread, concentrated on one or two values (many ties), or a single value."""
    kind = rng.random()
    if kind < 0.1:
        w = [0] * 5
        w[rng.randrange(5)] = 1
        return w
    if kind < 0.3:
        w = [0] * 5
        a, b = rng.sample(range(5), 2)
        w[a], w[b] = rng.random(), rng.random()
        return w
    return [rng.random() ** 2 for _ in range(5)]


def draw(rng, w, dont_know):
    if rng.random() < dont_know:
        return None
    return rng.choices(range(1, 6), weights=w)[0]


def new_code(rng, used):
    while True:
        code = "".join(rng.choice(CODE_LETTERS) for _ in range(4))
        if code not in used:
            used.add(code)
            return code


def make_dataset(rng, index):
    """Rows (phase, question, value or None, code) of one data set, and whether it has a code column."""
    with_codes = rng.random() < 0.75
    rows = []
    questions = rng.sample(QUESTIONS, rng.randint(1, 4))
    for q in questions:
        n_pre, n_post = sample_size(rng, index), sample_size(rng, index)
        if rng.random() < 0.05:
            n_pre = 0
        w_pre = weights(rng)
        w_post = weights(rng) if rng.random() < 0.6 else w_pre
        dont_know = 1.0 if rng.random() < 0.04 else rng.choice([0, 0, 0.05, 0.1, 0.2, 0.5])  # 1.0: only "je ne sais pas"
        if index < 2:
            dont_know = 0  # the extremes: exactly 2 and 2000 answers with a value
        shift = rng.choice([-2, -1, 0, 0, 1, 1, 2])
        used = set()
        linked = rng.random() if with_codes else 0
        pre_codes = []
        for _ in range(n_pre):
            value = draw(rng, w_pre, dont_know)
            code = new_code(rng, used) if rng.random() < linked else ""
            rows.append(("pre", q, value, code))
            if code:
                pre_codes.append((code, value))
        # Post answers: some pupils give their code again (with a value near their first one), others do not.
        for i in range(n_post):
            if pre_codes and rng.random() < 0.8:
                code, before = pre_codes.pop(rng.randrange(len(pre_codes)))
                if before is not None and rng.random() < 0.8:
                    value = min(5, max(1, before + rng.choice([shift, shift, 0, -1, 1])))
                else:
                    value = draw(rng, w_post, dont_know)
            else:
                value = draw(rng, w_post, dont_know)
                code = new_code(rng, used) if with_codes and rng.random() < 0.2 else ""
            rows.append(("post", q, value, code))
        # Ambiguous codes: the same code given twice in one phase links nothing.
        if with_codes and rows and rng.random() < 0.3:
            coded = [r for r in rows if r[1] == q and r[3]]
            for _ in range(rng.randint(1, 3)):
                if coded:
                    phase, _, _, code = rng.choice(coded)
                    rows.append((phase, q, draw(rng, w_pre, dont_know), code))
    rng.shuffle(rows)
    return rows, with_codes


def write_csv(rng, path, rows, with_codes):
    columns = ["phase", "question", "value"] + (["code"] if with_codes else [])
    if rng.random() < 0.2:
        columns.append("commentaire")  # an extra column is ignored
    rng.shuffle(columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if rng.random() < 0.3 else "\n")
    writer.writerow(columns)
    for phase, q, value, code in rows:
        if rng.random() < 0.05:
            phase = phase.upper()
        cell = {"phase": phase, "question": q, "value": "" if value is None else str(value), "code": code,
                "commentaire": "rien"}
        writer.writerow([cell[c] for c in columns])
    with open(path, "w", encoding="utf-8-sig" if rng.random() < 0.3 else "utf-8", newline="") as f:
        f.write(out.getvalue())


# ---------------------------------------------------------------------------------------------------------------
# Expected figures, from scipy and statsmodels


def expected(rows, with_codes):
    order, by_q = [], {}
    for phase, q, value, code in rows:
        if q not in by_q:
            order.append(q)
            by_q[q] = []
        by_q[q].append((phase, value, code if with_codes else ""))
    return [figures(q, by_q[q]) for q in order]


def figures(question, answers):
    pre = [v for p, v, _ in answers if p == "pre" and v is not None]
    post = [v for p, v, _ in answers if p == "post" and v is not None]
    n1, n2 = len(post), len(pre)
    e = {k: None for k in KEYS}
    e.update(question=question, n_pre=n2, n_post=n1, small_sample=n1 < 30 or n2 < 30)
    if n2:
        e["mean_pre"] = float(np.mean(pre))
    if n1:
        e["mean_post"] = float(np.mean(post))
    if n1 >= 2 and n2 >= 2 and not (np.var(post) == 0 and np.var(pre) == 0):
        r = stats.ttest_ind(post, pre, equal_var=False)
        e["welch_t"], e["welch_p"] = float(r.statistic), float(r.pvalue)
    if n1 and n2:
        r = stats.mannwhitneyu(post, pre, alternative="two-sided", method="asymptotic")
        e["mannwhitney_u"] = float(r.statistic)
        if len(set(pre + post)) > 1:  # every answer the same value: the statistic has no variance
            e["mannwhitney_p"] = float(r.pvalue)
    a1, a2 = sum(v >= 4 for v in post), sum(v >= 4 for v in pre)
    if n2:
        e["agree_pre"] = a2 / n2
    if n1:
        e["agree_post"] = a1 / n1
    if n1 and n2:
        e["agree_diff"] = a1 / n1 - a2 / n2
        low, upp = confint_proportions_2indep(count1=a1, nobs1=n1, count2=a2, nobs2=n2, method="newcomb",
                                              compare="diff", alpha=0.05)
        e["agree_diff_ci95"] = [float(low), float(upp)]
        if 0 < a1 + a2 < n1 + n2:
            z, p = proportions_ztest([a1, a2], [n1, n2], value=0, alternative="two-sided")
            e["two_prop_z"], e["two_prop_p"] = float(z), float(p)
        e["cohen_h"] = 2 * math.asin(math.sqrt(a1 / n1)) - 2 * math.asin(math.sqrt(a2 / n2))
    if n1 >= 2 and n2 >= 2:
        pooled = ((n1 - 1) * np.var(post, ddof=1) + (n2 - 1) * np.var(pre, ddof=1)) / (n1 + n2 - 2)
        if pooled > 0:
            e["cohen_d"] = float((np.mean(post) - np.mean(pre)) / math.sqrt(pooled))
    # Pairs: a code given exactly once in each phase, both answers with a value.
    seen = {}
    for phase, value, code in answers:
        if code:
            seen.setdefault(code, {"pre": [], "post": []})[phase].append(value)
    pairs = [(s["pre"][0], s["post"][0]) for s in seen.values()
             if len(s["pre"]) == 1 and len(s["post"]) == 1 and s["pre"][0] is not None and s["post"][0] is not None]
    e["paired_n"] = len(pairs)
    diffs = [b - a for a, b in pairs]
    if any(diffs):
        r = stats.wilcoxon(diffs, zero_method="wilcox", correction=False, method="approx")
        e["wilcoxon_p"] = float(r.pvalue)
    b = sum(a >= 4 and not p >= 4 for a, p in pairs)
    c = sum(not a >= 4 and p >= 4 for a, p in pairs)
    if b + c:
        e["mcnemar_p"] = float(stats.binomtest(b, b + c, 0.5).pvalue)
    return e


# ---------------------------------------------------------------------------------------------------------------
# Comparison


def close(got, want):
    if isinstance(got, bool) or isinstance(want, bool):
        return got is want
    if not isinstance(got, (int, float)):
        return False
    return abs(got - want) <= max(REL * abs(want), ABS)


def compare(got, want):
    """Mismatches as (key, got, want)."""
    bad = []
    for key in KEYS:
        g, w = got.get(key, "<absent>"), want[key]
        if w is None or g is None or isinstance(w, str):
            ok = g == w
        elif isinstance(w, list):
            ok = isinstance(g, list) and len(g) == 2 and all(close(x, y) for x, y in zip(g, w))
        elif isinstance(w, bool) or isinstance(w, int):
            ok = type(g) is type(w) and g == w
        else:
            ok = close(g, w)
        if not ok:
            bad.append((key, g, w))
    extra = set(got) - set(KEYS)
    if extra:
        bad.append(("(keys not documented)", sorted(extra), []))
    return bad


def count_coverage(coverage, rows, with_codes, want):
    """How many questions exercised each hard case, so that a generator change cannot silently lose one."""
    for w in want:
        coverage["linked pairs"] += w["paired_n"] > 0
        coverage["Wilcoxon"] += w["wilcoxon_p"] is not None
        coverage["McNemar"] += w["mcnemar_p"] is not None
        coverage["no value at all"] += w["n_pre"] + w["n_post"] == 0
        coverage["a single value"] += w["n_pre"] > 0 and w["n_post"] > 0 and w["mannwhitney_p"] is None
        coverage["1000+ answers"] += max(w["n_pre"], w["n_post"]) >= 1000
        if with_codes:
            seen = {}
            for phase, q, _, code in rows:
                if q == w["question"] and code:
                    seen[(phase, code)] = seen.get((phase, code), 0) + 1
            coverage["ambiguous codes"] += any(n > 1 for n in seen.values())


def main(binary, count):
    warnings.simplefilter("ignore")  # scipy warns on small samples for the normal approximations
    rng = random.Random(SEED)
    tmp = tempfile.mkdtemp(prefix="survey-stats-")
    failures, questions, figures_checked, nulls = [], 0, 0, 0
    sizes = []
    coverage = {"linked pairs": 0, "Wilcoxon": 0, "McNemar": 0, "ambiguous codes": 0, "no value at all": 0,
                "a single value": 0, "1000+ answers": 0}
    try:
        for index in range(count):
            rows, with_codes = make_dataset(rng, index)
            path = os.path.join(tmp, f"dataset-{index:03d}.csv")
            write_csv(rng, path, rows, with_codes)
            run = subprocess.run([binary, "survey-stats", "--in", path, "--json"], capture_output=True, text=True)
            if run.returncode != 0:
                failures.append(f"dataset {index}: exit code {run.returncode}: {run.stderr.strip()}")
                continue
            got = json.loads(run.stdout)["questions"]
            want = expected(rows, with_codes)
            count_coverage(coverage, rows, with_codes, want)
            if [g.get("question") for g in got] != [w["question"] for w in want]:
                failures.append(f"dataset {index}: questions {[g.get('question') for g in got]} != "
                                f"{[w['question'] for w in want]}")
                continue
            bad_here = False
            for g, w in zip(got, want):
                questions += 1
                sizes += [w["n_pre"], w["n_post"]]
                figures_checked += len(KEYS)
                nulls += sum(v is None for v in w.values())
                for key, gv, wv in compare(g, w):
                    bad_here = True
                    failures.append(f"dataset {index}, question {w['question']!r}, key {key}: "
                                    f"passerelles {gv!r}, scipy/statsmodels {wv!r}")
            if bad_here:
                kept = os.path.join(tempfile.gettempdir(), f"survey-stats-failure-{index:03d}.csv")
                shutil.copy(path, kept)
                failures.append(f"dataset {index} kept in {kept}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"survey-stats reference check: {count} data sets, {questions} questions, {figures_checked} figures "
          f"({nulls} expected nulls), samples of {min(sizes, default=0)} to {max(sizes, default=0)} answers")
    print("questions with " + ", ".join(f"{k}: {v}" for k, v in coverage.items()))
    if failures:
        for f in failures[:50]:
            print("MISMATCH " + f)
        if len(failures) > 50:
            print(f"... and {len(failures) - 50} more")
        print(f"FAILED: {len(failures)} mismatches")
        return 1
    if count >= 100 and min(coverage.values()) == 0:
        print("FAILED: the data sets do not cover every case above (the generator lost one)")
        return 1
    print("OK: every figure matches scipy/statsmodels")
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 150))

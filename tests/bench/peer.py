#!/usr/bin/env python3
"""The benchmarks' peer mode: the service's own SQLite repository beside ours, on the same file.

Times the listings and lookups dpm-bench times (list_runs.*, list_operations.*, list_decisions.*,
lookup.*) through the service's Python repository (SqliteDpmRunRepository of lotus-manage,
imported from $DPM_PEER_SOURCE and run by $DPM_PEER_PYTHON, which needs pydantic 2), runs
dpm-bench on the same file for ours, and prints one JSON line per scenario with
ratio = peer median / our median (higher is better for us). Rounds alternate ours and the peer
(A B A B ...) so that load on a shared machine falls on both.

Without the two variables it prints one line saying so and exits 0: it is never part of CI.

    DPM_PEER_PYTHON=python3 DPM_PEER_SOURCE=/path/to/lotus-manage \\
        python3 tests/bench/peer.py --store sqlite:/tmp/m.db --scale M
"""

import argparse
import json
import math
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

PEER = "lotus-manage SqliteDpmRunRepository"
PAGE = 50  # dpm-bench's listings read pages of 50 rows
SEED = 20261122
LISTING_RUNS = 30  # as dpm-bench: 30 samples of a listing, 200 of a lookup
LOOKUP_RUNS = 200


def skip_or_reexec():
    python = os.environ.get("DPM_PEER_PYTHON")
    source = os.environ.get("DPM_PEER_SOURCE")
    if not python or not source:
        print("peer: skipped: set DPM_PEER_PYTHON (a Python with pydantic 2) and DPM_PEER_SOURCE (the service's "
              "source tree) to time the service's SQLite repository beside ours; no figure measured.")
        sys.exit(0)
    if os.environ.get("DPM_PEER_CHILD") != "1":
        # The peer's imports need its Python, whatever Python started this script.
        os.environ["DPM_PEER_CHILD"] = "1"
        try:
            os.execvp(python, [python, os.path.abspath(__file__), *sys.argv[1:]])
        except OSError as error:
            sys.exit(f"peer: cannot start DPM_PEER_PYTHON={python}: {error}")
    return source


def parse_args():
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help="the SQLite store, sqlite:PATH (as dpm-bench --dsn)")
    parser.add_argument("--scale", default="M", help="data set label, passed on to dpm-bench")
    parser.add_argument("--bench", default=str(root / "build/ci/bin/dpm-bench"), help="the dpm-bench binary")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of ours then the peer")
    parser.add_argument("--budget", type=float, default=10.0,
                        help="seconds the peer may spend on one scenario in one round (at least one sample)")
    parser.add_argument("--only", default="", help="only scenarios starting with this prefix")
    return parser.parse_args()


def import_peer(source):
    sys.path.insert(0, source)
    try:
        from src.infrastructure.rebalance_runs.sqlite import SqliteDpmRunRepository
    except Exception as error:  # the service's own imports: report what is missing
        sys.exit(f"peer: cannot import the service's SQLite repository from DPM_PEER_SOURCE={source}: "
                 f"{type(error).__name__}: {error}")
    return SqliteDpmRunRepository


def hex_probe(rng, prefix, digits):
    return prefix + "".join(rng.choice("0123456789abcdef") for _ in range(digits))


def row_at_or_after(db, columns, table, key, probe):
    row = db.execute(f"SELECT {columns} FROM {table} WHERE {key} >= ? ORDER BY {key} LIMIT 1", (probe,)).fetchone()
    return row or db.execute(f"SELECT {columns} FROM {table} ORDER BY {key} LIMIT 1").fetchone()


def draw_samples(path, count=200):
    """Ids drawn as dpm-bench draws its own (the first row at or after a random key): the same kind
    of rows, not the same ones."""
    rng = random.Random(SEED)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    s = {"runs": [], "idempotency_keys": [], "operation_ids": []}
    for _ in range(count):
        run = row_at_or_after(db, "rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, "
                              "created_at", "dpm_runs", "rebalance_run_id", hex_probe(rng, "rr_", 8))
        if run is None:
            break
        s["runs"].append(run)
        key = row_at_or_after(db, "idempotency_key", "dpm_run_idempotency", "idempotency_key",
                              run[3] or hex_probe(rng, "", 8))
        if key:
            s["idempotency_keys"].append(key[0])
        op = row_at_or_after(db, "operation_id", "dpm_async_operations", "operation_id", hex_probe(rng, "dop_", 12))
        if op:
            s["operation_ids"].append(op[0])
    s["actors"] = [r[0] for r in db.execute("SELECT actor_id FROM dpm_workflow_decisions GROUP BY actor_id LIMIT 50")]
    s["reason_codes"] = [r[0] for r in db.execute(
        "SELECT reason_code FROM dpm_workflow_decisions GROUP BY reason_code LIMIT 50")]
    runs = db.execute("SELECT COUNT(*) FROM dpm_runs").fetchone()[0]
    deep = db.execute("SELECT rebalance_run_id FROM dpm_runs ORDER BY created_at DESC, rebalance_run_id DESC "
                      "LIMIT 1 OFFSET ?", (min(499_949, runs // 2),)).fetchone()
    s["deep_id"] = deep[0] if deep else None
    s["schema_version"] = db.execute("PRAGMA schema_version").fetchone()[0]
    db.close()
    return s


def peer_scenarios(repo, s):
    """name -> (samples per round, call(i)): the peer's calls for dpm-bench's scenarios."""
    def pick(values, i):
        return values[i % len(values)]

    def runs(**filters):
        args = dict(created_from=None, created_to=None, status=None, request_hash=None, portfolio_id=None,
                    limit=PAGE, cursor=None)
        args.update(filters)
        return repo.list_runs(**args)

    def operations(**filters):
        args = dict(created_from=None, created_to=None, operation_type=None, status=None, correlation_id=None,
                    limit=PAGE, cursor=None)
        args.update(filters)
        return repo.list_operations(**args)

    def decisions(**filters):
        args = dict(rebalance_run_id=None, action=None, actor_id=None, reason_code=None, decided_from=None,
                    decided_to=None, limit=PAGE, cursor=None)
        args.update(filters)
        return repo.list_workflow_decisions_filtered(**args)

    def created(i):
        return datetime.fromisoformat(pick(s["runs"], i)[5])

    statuses = ["READY", "PENDING_REVIEW", "BLOCKED"]
    op_statuses = ["FAILED", "PENDING", "RUNNING", "SUCCEEDED"]
    table = {
        "list_runs.first_page": (LISTING_RUNS, lambda i: runs()),
        "list_runs.filter.status": (LISTING_RUNS, lambda i: runs(status=pick(statuses, i))),
        "list_runs.filter.portfolio": (LISTING_RUNS, lambda i: runs(portfolio_id=pick(s["runs"], i)[4])),
        "list_runs.filter.request_hash": (LISTING_RUNS, lambda i: runs(request_hash=pick(s["runs"], i)[2])),
        "list_runs.filter.created_range": (
            LISTING_RUNS, lambda i: runs(created_from=created(i) - timedelta(days=1), created_to=created(i))),
        "list_operations.first_page": (LISTING_RUNS, lambda i: operations()),
        "list_operations.filter.status": (LISTING_RUNS, lambda i: operations(status=pick(op_statuses, i))),
        "list_decisions.first_page": (LISTING_RUNS, lambda i: decisions()),
        "lookup.run_id": (LOOKUP_RUNS, lambda i: repo.get_run(rebalance_run_id=pick(s["runs"], i)[0])),
        "lookup.correlation_id": (
            LOOKUP_RUNS, lambda i: repo.get_run_by_correlation(correlation_id=pick(s["runs"], i)[1])),
        "lookup.request_hash": (
            LOOKUP_RUNS, lambda i: repo.get_run_by_request_hash(request_hash=pick(s["runs"], i)[2])),
    }
    if s["deep_id"]:
        table["list_runs.deep_page"] = (LISTING_RUNS, lambda i: runs(cursor=s["deep_id"]))
    if s["actors"]:
        table["list_decisions.filter.actor"] = (LISTING_RUNS, lambda i: decisions(actor_id=pick(s["actors"], i)))
    if s["reason_codes"]:
        table["list_decisions.filter.reason_code"] = (
            LISTING_RUNS, lambda i: decisions(reason_code=pick(s["reason_codes"], i)))
    if s["idempotency_keys"]:
        table["lookup.idempotency_key"] = (
            LOOKUP_RUNS, lambda i: repo.get_idempotency_mapping(idempotency_key=pick(s["idempotency_keys"], i)))
    if s["operation_ids"]:
        table["lookup.operation_id"] = (
            LOOKUP_RUNS, lambda i: repo.get_operation(operation_id=pick(s["operation_ids"], i)))
    return table


def ours_round(args, dsn, only):
    """One dpm-bench run of the listing and lookup scenarios: scenario -> median ms."""
    medians = {}
    for prefix in [only] if only else ["list_", "lookup."]:
        done = subprocess.run([args.bench, "--backend", "sqlite", "--dsn", dsn, "--scale", args.scale,
                               "--only", prefix], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"peer: dpm-bench failed ({done.returncode}): {done.stderr.strip()}")
        for line in done.stdout.splitlines():
            if line.startswith("{"):
                result = json.loads(line)
                if "median_ms" in result:
                    medians[result["scenario"]] = result["median_ms"]
    return medians


def peer_round(table, budget, samples, errors):
    for name, (count, call) in table.items():
        if name in errors:
            continue
        start = time.perf_counter()
        for i in range(count):
            t0 = time.perf_counter()
            try:
                call(len(samples[name]) + i)
            except Exception as error:  # the service's own code failing on this data: said, not timed
                errors[name] = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
                break
            samples[name].append((time.perf_counter() - t0) * 1000)
            if time.perf_counter() - start > budget:
                break


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(p * len(ordered)) - 1))]


def main():
    source = skip_or_reexec()
    args = parse_args()
    dsn = args.store if args.store.startswith("sqlite:") else "sqlite:" + args.store
    path = dsn[len("sqlite:"):]
    if not Path(path).is_file():
        sys.exit(f"peer: no SQLite store at {path}")
    if not Path(args.bench).is_file():
        sys.exit(f"peer: no dpm-bench at {args.bench} (build the ci preset or pass --bench)")
    repository = import_peer(source)
    s = draw_samples(path)
    if not s["runs"]:
        sys.exit(f"peer: {path} has no runs")
    repo = repository(database_path=path)  # its constructor creates the service's tables when missing
    table = {name: entry for name, entry in peer_scenarios(repo, s).items() if name.startswith(args.only)}
    ours = {name: [] for name in table}
    samples = {name: [] for name in table}
    errors = {}
    rounds = max(1, args.rounds)
    for round_no in range(1, rounds + 1):
        # Progress on stderr: one unfiltered operation listing of the peer can take minutes.
        print(f"peer: round {round_no}/{rounds}: dpm-bench", file=sys.stderr, flush=True)
        for name, median in ours_round(args, dsn, args.only).items():
            if name in ours:
                ours[name].append(median)
        print(f"peer: round {round_no}/{rounds}: the service's repository", file=sys.stderr, flush=True)
        peer_round(table, args.budget, samples, errors)
    for name in table:
        line = {"scenario": "peer." + name, "backend": "sqlite", "scale": args.scale.upper(), "rounds": rounds,
                "reference": PEER, "better": "higher"}
        if name in errors:
            line.update(outcome="peer failed", error=errors[name])
        elif not ours[name] or not samples[name]:
            line.update(outcome="not measured")
        else:
            mine = statistics.median(ours[name])
            theirs = statistics.median(samples[name])
            line.update(median_ms=round(mine, 3), peer_runs=len(samples[name]), peer_median_ms=round(theirs, 3),
                        peer_p95_ms=round(percentile(samples[name], 0.95), 3), ratio=round(theirs / mine, 1))
        print(json.dumps(line, sort_keys=True), flush=True)
    after = sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute("PRAGMA schema_version").fetchone()[0]
    if after != s["schema_version"]:
        print(f"peer: note: the service's repository changed the schema of {path} (it creates its tables when "
              "missing)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

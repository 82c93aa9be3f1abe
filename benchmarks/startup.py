"""Cold wall time of the command line against ``python -c pass`` on the same machine.

Run by hand (``python benchmarks/startup.py``) or in CI as a report; never as a timed
test. Each command runs in a fresh interpreter, as a user or CI would start it; the
commands take turns, so that a busy machine slows them alike, and the best run of each
is compared with the best ``python -c pass``. To see where the time goes:
``python -X importtime -m sources check 2>&1 >/dev/null | sort -t'|' -k2 -n | tail``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import sources'": [sys.executable, "-c", "import sources"],
    "sources footnotes": [sys.executable, "-m", "sources", "footnotes"],
    "sources check": [sys.executable, "-m", "sources", "check", "--exit-zero"],
    "sources check --format sarif": [sys.executable, "-m", "sources", "check", "--exit-zero", "--format", "sarif"],
}


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=Path.home())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            times[name].append(wall(command))
    bare = min(times["python -c pass"])
    print(f"{'command':<32} {'best s':>7} {'median s':>9} {'x pass':>7}")
    for name, runs in times.items():
        print(f"{name:<32} {min(runs):>7.3f} {statistics.median(runs):>9.3f} {min(runs) / bare:>7.1f}")


if __name__ == "__main__":
    main()

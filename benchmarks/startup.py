"""Cold wall time of the command line against ``python -c pass`` on the same machine.

Run by hand (``python benchmarks/startup.py``) or in CI as a report; never as a timed
test. Each command runs in a fresh interpreter, as a user or CI would start it.
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
    print(f"{'command':<32} {'best s':>7} {'median s':>9}")
    for name, command in COMMANDS.items():
        times = [wall(command) for _ in range(args.runs)]
        print(f"{name:<32} {min(times):>7.3f} {statistics.median(times):>9.3f}")


if __name__ == "__main__":
    main()

"""Conformance on the official CSL processor test suite: passed/failed per category and in total.

CSL_TEST_SUITE=/path/to/test-suite/processor-tests/humans python benchmarks/csl_suite.py [--write-passing FILE]
[--show NAME]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from csl.suite import category, fixture_paths, parse_fixture, passes, suite_folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-passing", metavar="FILE", help="write the names of passing fixtures")
    parser.add_argument("--show", metavar="NAME", help="print expected and actual output of fixtures matching NAME")
    parser.add_argument("--failed", action="store_true", help="list failing fixtures")
    args = parser.parse_args()
    folder = suite_folder()
    if folder is None:
        print("CSL_TEST_SUITE is not set: nothing to run")
        return 2
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    passing = []
    for path in fixture_paths(folder):
        if args.show and args.show not in path.stem:
            continue
        fixture = parse_fixture(path)
        ok, ours = passes(fixture)
        name = category(fixture.name)
        total[name] += 1
        if ok:
            passed[name] += 1
            passing.append(fixture.name)
        elif args.failed:
            print(f"FAIL {fixture.name}")
        if args.show and not ok:
            print(f"== {fixture.name}\n-- expected\n{fixture.result}\n-- ours\n{ours}")
    for name in sorted(total, key=lambda n: (-total[n], n)):
        print(f"{name:14} {passed[name]:4d} / {total[name]:4d}")
    count = sum(total.values())
    print(f"{'total':14} {sum(passed.values()):4d} / {count:4d} ({100 * sum(passed.values()) / max(count, 1):.1f}%)")
    if args.write_passing:
        Path(args.write_passing).write_text("".join(f"{name}\n" for name in sorted(passing)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

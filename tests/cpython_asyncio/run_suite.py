"""Runs CPython's own asyncio test suite (test.test_asyncio, from Debian's
libpython3.11-testsuite) like `python3 -m unittest test.test_asyncio`, and writes a summary as
JSON: counts of run, failed, errored and skipped tests and the ids that failed or errored.

    python3 run_suite.py SUMMARY.json [TEST_NAME]
"""
import json
import sys
import unittest


def main(argv):
    out = argv[0]
    name = argv[1] if len(argv) > 1 else 'test.test_asyncio'
    suite = unittest.defaultTestLoader.loadTestsFromName(name)
    runner = unittest.TextTestRunner(verbosity=0)
    result = runner.run(suite)
    summary = {
        'run': result.testsRun,
        'failed': len(result.failures),
        'errored': len(result.errors),
        'skipped': len(result.skipped),
        'failing': sorted(t.id() for t, _ in result.failures + result.errors),
    }
    with open(out, 'w') as f:
        json.dump(summary, f, indent=1)
    return 0 if result.wasSuccessful() else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

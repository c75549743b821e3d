"""Every Catch2 test case must reach ctest: catch_discover_tests splits a name at ';' (a CMake
list separator), and the pieces match no test, so such a case silently never runs."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
bad = []
for path in sorted(root.rglob("*.cpp")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.match(r'\s*(?:TEST_CASE|SCENARIO)\("([^"]*)"', line)
        if match and ";" in match.group(1):
            bad.append(f"{path.relative_to(root)}:{number}: {match.group(1)}")
for entry in bad:
    print("a ';' in a test name keeps it from running under ctest:", entry)
print(f"{len(bad)} test names with ';'")
sys.exit(1 if bad else 0)

import sys

import aiofiles

print("aiofiles from", aiofiles.__file__.split("/dist-packages/")[0] + "/dist-packages")
print("last on sys.path:", sys.path[-1] == "/usr/lib/python3/dist-packages")

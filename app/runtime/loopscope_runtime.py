"""`python3 loopscope_runtime.py -- SCRIPT [ARGS...]`: the runtime package next to this file
(loopscope_runtime/, also runnable as a folder), for callers that name a file."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    from loopscope_runtime import entry, user_code
finally:
    del sys.path[0]
user_code.add_runtime_file(sys._getframe().f_code.co_filename)
entry.main()

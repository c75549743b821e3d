"""`python3 PATH -- SCRIPT [ARGS...]` with PATH this folder (or this file): runs the runtime.
The package is imported by name from its parent folder, which is then taken off sys.path again
(the script gets its own sys.path[0])."""

import os
import sys


def _run():
    if __package__:
        from . import entry
    else:
        parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        sys.path.insert(0, parent)
        try:
            from loopscope_runtime import entry
        finally:
            sys.path.remove(parent)
    entry.main()


_run()

"""Finding another CPython (3.12, 3.13) on this machine at test time: `python3.X` on PATH
(not a pyenv shim, which may refuse to run), else pyenv's versions folder ($PYENV_ROOT, else
~/.pyenv). Nothing here names a path of one machine."""
import glob
import os
import shutil


def find(version):
    """The path of a CPython `version` ('3.12') interpreter, or None."""
    exe = f'python{version}'
    found = shutil.which(exe)
    if found and os.sep + 'shims' + os.sep not in found:
        return found
    root = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
    candidates = sorted(glob.glob(os.path.join(root, 'versions', f'{version}.*', 'bin', exe)),
                        key=lambda p: [int(x) for x in p.split(os.sep)[-3].split('.')[:3]
                                       if x.isdigit()])
    return candidates[-1] if candidates else None


def each_cpython(versions=('3.11', '3.12', '3.13')):
    """(version, path) of each of these CPythons found; the running interpreter for its own
    version (build steps run by it: a build prefers what it runs on)."""
    import sys
    for version in versions:
        if '%d.%d' % sys.version_info[:2] == version:
            yield version, sys.executable
        else:
            python = find(version)
            if python:
                yield version, python

"""The instrumented loop is installed when the script imports asyncio, not before: a script
without asyncio does not pay for importing it (a third of the runtime's start-up)."""

import sys


class _AsyncioFinder:
    """A meta path finder that lets the real finder find asyncio and wraps its loader, so that
    loop.install() runs right after the asyncio package has executed. It leaves sys.meta_path
    once it has done so."""

    def find_spec(self, name, path=None, target=None):
        if name != 'asyncio':
            return None
        self.remove()
        import importlib.util
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _InstallAfter(spec.loader)
        return spec

    def remove(self):
        if self in sys.meta_path:
            sys.meta_path.remove(self)


class _InstallAfter:
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        # The script's world must not see us: the module's loader is asyncio's own.
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        from . import loop
        loop.install()

    def __getattr__(self, name):
        return getattr(self._loader, name)


def install():
    if 'asyncio' in sys.modules:     # imported already (by a sitecustomize, say)
        from . import loop
        loop.install()
    else:
        sys.meta_path.insert(0, _AsyncioFinder())

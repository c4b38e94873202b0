"""Keep ``regiondev.catalog()`` callable after ``import regiondev.catalog``.

Importing a submodule sets the package attribute of the same name to the module, replacing
the public function in ``regiondev/__init__``. Giving those few modules a callable module
class keeps both spellings working without importing them eagerly (which would slow
``import regiondev`` and ``regiondev --help``).
"""

from __future__ import annotations

import sys
import types
from typing import Any

__all__ = ["make_module_callable"]


def make_module_callable(module_name: str, function_name: str) -> None:
    """Calling the module calls its function ``function_name``."""

    class _CallableModule(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return getattr(self, function_name)(*args, **kwargs)

    sys.modules[module_name].__class__ = _CallableModule

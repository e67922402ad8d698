"""JMESPath for catalog parameters, with one extra function: ``basename(s)``, the part of ``s`` after
its last ``/`` (Route 53 answers ``/hostedzone/Z123`` where other calls want ``Z123``)."""

from __future__ import annotations

from typing import Any

import jmespath
from jmespath import functions


class _Functions(functions.Functions):  # type: ignore[misc]  # jmespath ships no types
    @functions.signature({"types": ["string"]})  # type: ignore[untyped-decorator]
    def _func_basename(self, value: str) -> str:
        return value.rsplit("/", 1)[-1]


OPTIONS = jmespath.Options(custom_functions=_Functions())


def search(expression: str, data: Any) -> Any:
    return jmespath.search(expression, data, options=OPTIONS)

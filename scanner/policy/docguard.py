"""Guards on a parsed policy document that neither YAML nor the JSON schema give.

YAML anchors and aliases let a small file describe a cyclic document (``a: &x [*x]``) or one that
expands exponentially when walked ("billion laughs"). PyYAML builds both cheaply, as shared objects;
it is the schema validation and every later walk that would recurse forever or run for hours. This
walk sizes the document once, counting each shared node by its identity, and stops at the first cycle,
an expansion past a limit, or nesting deeper than any policy needs.
"""

from __future__ import annotations

from typing import Any

from scanner.errors import PolicyError

MAX_NODES = 100_000  # the largest shipped policy has a few hundred
MAX_DEPTH = 64


def check_document(doc: Any, where: str) -> None:
    """Raise PolicyError naming ``where`` for a cyclic, exploding or absurdly deep document."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()

    def size(node: Any, depth: int) -> int:
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            return 1
        key = id(node)
        if key in on_path:
            raise PolicyError(
                f"{where}: YAML anchors make a cycle (an alias refers to a node that contains it)"
            )
        known = sizes.get(key)
        if known is not None:
            return known
        if depth >= MAX_DEPTH:
            raise PolicyError(f"{where}: the document is nested more than {MAX_DEPTH} levels deep")
        on_path.add(key)
        total = 1
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_NODES:
                raise PolicyError(
                    f"{where}: YAML aliases expand the document past {MAX_NODES} nodes "
                    "(nested anchors, a 'billion laughs' document)"
                )
        on_path.discard(key)
        sizes[key] = total
        return total

    size(doc, 0)

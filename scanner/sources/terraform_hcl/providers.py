"""Provider blocks as pseudo-resources, so policies can check provider configuration.

Terraform has no resource for a ``provider "aws" { ... }`` block, but some mistakes live there (access
keys written into the configuration). Each provider block of a module becomes one ``Resource`` of the
pseudo-type ``provider.<name>`` (``provider.aws``), addressed like Terraform's own provider
addresses, ``provider.aws`` or ``provider.aws.<alias>`` (prefixed by the module path in child
modules). Its attributes are the block's evaluated attributes and nested blocks, like any resource's.
Only the HCL source produces them; they never take part in drift.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scanner.model import Mode, Origin, Resource, SourceRef

from .body import eval_top
from .evaluate import Evaluator

if TYPE_CHECKING:
    from .scope import ModuleScope

PROVIDER_TYPE_PREFIX = "provider."
_NO_META: frozenset[str] = frozenset()


def provider_resources(scope: ModuleScope) -> list[Resource]:
    """One pseudo-resource per provider block of the scope's module, in file order."""
    out: list[Resource] = []
    seen: set[str] = set()
    for decl in scope.cfg.providers:
        blk = decl.block
        name = blk.labels[0]
        source = SourceRef(decl.path, blk.start_line, blk.end_line)
        try:
            body = eval_top(Evaluator(scope, scope.base_env), blk, decl.path, _NO_META)
        except Exception as exc:  # a bug must cost one block, not the scan
            scope.loader.warn(
                f"{source.path}:{source.start_line}: cannot evaluate provider {name!r}: {type(exc).__name__}",
                source,
            )
            continue
        alias = body.attrs.get("alias")
        address = f"provider.{name}" + (f".{alias}" if isinstance(alias, str) and alias else "")
        if scope.prefix:
            address = f"{scope.prefix}.{address}"
        if address in seen:  # Terraform rejects duplicates; keep the first
            continue
        seen.add(address)
        out.append(
            Resource(
                address=address,
                type=PROVIDER_TYPE_PREFIX + name,
                attrs=body.attrs,
                origin=Origin.HCL,
                source=source,
                mode=Mode.MANAGED,
                name=name,
                module=scope.prefix,
                attr_sources=body.sources,
                references=body.references,
                sensitive_paths=frozenset(body.sensitive),
                suppressions=decl.comments.for_block(blk.start_line, blk.end_line),
            )
        )
    return out

"""One module instance: lazily evaluated variables, locals, outputs, resources and child modules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.model import Mode, Notification, Origin, Resource, Sensitive, SourceRef, Unknown

from .body import MODULE_META, RESOURCE_META, BodyResult, eval_top
from .boundary import resolved
from .config import Decl, ModuleConfig, rel_posix
from .evaluate import Evaluator, index_suffix
from .files import file_function
from .iam import policy_document
from .limits import MAX_INSTANCES, MAX_MODULE_DEPTH, MAX_MODULE_INSTANCES, MAX_RESOURCES
from .loader import Loader
from .providers import provider_resources
from .remote import Anchor, anchored, fetch_module, shown_source
from .structure import Block
from .values import LazyObject, to_bool, to_number, to_str

Thunk = Callable[[], tuple[Any, frozenset[str]]]
_Expansion = tuple[str, list[tuple[Any, dict[str, Any]]]]
_BUSY = object()
_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)
class Instance:
    key: Any
    address: str
    env: dict[str, Any]
    body: BodyResult | None = None


class ModuleScope:
    def __init__(
        self,
        loader: Loader,
        cfg: ModuleConfig,
        prefix: str,
        key_path: str,
        inputs: dict[str, Thunk],
        chain: tuple[Path, ...],
    ) -> None:
        self.loader = loader
        self.cfg = cfg
        self.prefix = prefix
        self.key_path = key_path
        self.inputs = inputs
        self.chain = chain
        mod_path = rel_posix(cfg.dir, loader.root) if cfg.dir != loader.root else "."
        self.base_env: dict[str, Any] = {
            "path": {"module": mod_path, "root": ".", "cwd": str(loader.root.resolve())},
            "terraform": {"workspace": "default"},
        }
        self.call_env: dict[str, Any] = self.base_env  # count/each of the module call, set by the parent
        self.anchor: Anchor | None = None  # the calling block in the repository, for a module outside it
        self.budget = loader.budget
        self._memo: dict[tuple[str, str], Any] = {}
        self._res: dict[tuple[str, str, str], Any] = {}
        self._values: dict[tuple[str, str, str], tuple[Any, str]] = {}
        self._kids: dict[str, Any] = {}

    # ---- named values ----------------------------------------------------------------------
    def _memoized(self, kind: str, name: str, compute: Callable[[], tuple[Any, frozenset[str]]]) -> Any:
        key = (kind, name)
        got = self._memo.get(key)
        if got is _BUSY:
            return Unknown, _NONE
        if got is not None:
            return got
        self._memo[key] = _BUSY
        try:
            got = compute()
        except Exception:
            got = (Unknown, _NONE)
        self._memo[key] = got
        return got

    def _eval(self, expr: Any, env: dict[str, Any] | None = None) -> tuple[Any, frozenset[str]]:
        ev = Evaluator(self, env if env is not None else self.base_env)
        val = ev.eval_safe(expr)
        return val, frozenset(ev.refs)

    def var(self, name: str) -> tuple[Any, frozenset[str]]:
        return self._memoized("var", name, lambda: self._var(name))  # type: ignore[no-any-return]

    def _var(self, name: str) -> tuple[Any, frozenset[str]]:
        blk = self.cfg.variables.get(name)
        if blk is None:
            return Unknown, _NONE
        if name in self.inputs:
            val, refs = self.inputs[name]()
        elif "default" in blk.attrs:
            val, refs = self._eval(blk.attrs["default"].expr)
        else:
            val, refs = Unknown, _NONE
        nullable = blk.attrs.get("nullable")
        if (
            val is None
            and nullable is not None
            and nullable.expr == ("lit", False)
            and "default" in blk.attrs
        ):
            val, refs = self._eval(blk.attrs["default"].expr)
        sens = blk.attrs.get("sensitive")
        if sens is not None and sens.expr == ("lit", True):
            return Sensitive, refs
        return _convert(val, blk), refs

    def local(self, name: str) -> tuple[Any, frozenset[str]]:
        attr = self.cfg.locals.get(name)
        if attr is None:
            return Unknown, _NONE
        return self._memoized("local", name, lambda: self._eval(attr.expr))  # type: ignore[no-any-return]

    def output(self, name: str) -> tuple[Any, frozenset[str]]:
        blk = self.cfg.outputs.get(name)
        if blk is None or "value" not in blk.attrs:
            return Unknown, _NONE

        def compute() -> tuple[Any, frozenset[str]]:
            val, refs = self._eval(blk.attrs["value"].expr)
            sens = blk.attrs.get("sensitive")
            return (Sensitive if sens is not None and sens.expr == ("lit", True) else val), refs

        return self._memoized("output", name, compute)  # type: ignore[no-any-return]

    # ---- modules -------------------------------------------------------------------------------
    def module_output(self, name: str, key: Any, out: str) -> tuple[Any, frozenset[str]]:
        kind, kids = self.children(name)
        for k, child in kids:
            if kind == "unknown":
                return Unknown, child.output(out)[1]
            if (key is None and kind == "single") or (key is not None and str(k) == str(key)):
                return child.output(out)
        return Unknown, _NONE

    def module(self, name: str) -> tuple[Any, frozenset[str]]:
        kind, kids = self.children(name)
        if kind in ("missing", "unknown"):
            return Unknown, _NONE
        refs: set[str] = set()
        values: list[tuple[Any, dict[str, Any]]] = []
        for k, child in kids:
            outs: dict[str, Any] = {}
            for out in child.cfg.outputs:
                v, r = child.output(out)
                outs[out] = v
                refs |= r
            values.append((k, outs))
        if kind == "single":
            return values[0][1], frozenset(refs)
        if kind == "count":
            return [v for _, v in values], frozenset(refs)
        return {str(k): v for k, v in values}, frozenset(refs)

    def children(self, name: str) -> tuple[str, list[tuple[Any, ModuleScope]]]:
        got = self._kids.get(name)
        if got is _BUSY:
            return "missing", []
        if got is None:
            self._kids[name] = _BUSY
            got = self._make_children(name)
            self._kids[name] = got
        return got

    def _make_children(self, name: str) -> tuple[str, list[tuple[Any, ModuleScope]]]:
        decl = self.cfg.modules.get(name)
        if decl is None:
            return "missing", []
        blk = decl.block
        where = SourceRef(decl.path, blk.start_line, blk.end_line)
        label = f"{self.prefix}.module.{name}" if self.prefix else f"module.{name}"
        src_attr = blk.attrs.get("source")
        source = self._eval(src_attr.expr)[0] if src_attr else Unknown
        key_path = f"{self.key_path}.{name}" if self.key_path else name
        directory: Path | None = None
        remote = True
        if isinstance(source, str) and source.startswith(("./", "../")):
            directory = resolved(self.cfg.dir / source)
            remote = False
        elif key_path in self.loader.manifest:
            directory = resolved(self.loader.manifest[key_path])
        elif isinstance(source, str) and self.loader.fetcher is not None:
            ver = blk.attrs.get("version")
            version = self._eval(ver.expr)[0] if ver else None
            directory = fetch_module(self.loader, source, version, label, where)
            if directory is None:
                return "missing", []
        shown = shown_source(source) if isinstance(source, str) else "(unknown)"
        if directory is None:
            hint = " (run terraform init, or scan with --download-external-modules)" if remote else ""
            self.loader.warn(
                f"{label}: module source {shown!r} is not available locally; skipped{hint}", where
            )
            return "missing", []
        if not self.loader.boundary.allows(directory):
            message = f"{label}: module source {shown!r} lies outside the repository; not read"
            self.loader.warn(message, where, kind="boundary")
            return "missing", []
        if directory in self.chain:
            self.loader.warn(f"{label}: module source {shown!r} calls itself (cycle); skipped", where)
            return "missing", []
        if not directory.is_dir():
            self.loader.warn(f"{label}: module directory {shown!r} not found; skipped", where)
            return "missing", []
        if len(self.chain) > MAX_MODULE_DEPTH:
            self.budget.hit(f"module calls nested deeper than {MAX_MODULE_DEPTH}", (label, where), once=True)
            return "missing", []
        cfg = self.loader.config(directory)
        kind, expansions = self._expand(blk, (label, where))
        self.budget.modules += len(expansions)
        if self.budget.modules > MAX_MODULE_INSTANCES:
            self.budget.hit(
                f"more than {MAX_MODULE_INSTANCES:,} module instances in this root", (label, where), once=True
            )
            return "missing", []
        kids: list[tuple[Any, ModuleScope]] = []
        for key, env in expansions:
            prefix = label + ("" if key is None else index_suffix(key))
            inputs = {
                attr_name: self._thunk(attr.expr, env)
                for attr_name, attr in blk.attrs.items()
                if attr_name not in MODULE_META
            }
            child = ModuleScope(self.loader, cfg, prefix, key_path, inputs, (*self.chain, directory))
            child.call_env = env
            child.anchor = self.anchor or (
                Anchor(where, decl.comments.for_block(blk.start_line, blk.end_line)) if remote else None
            )
            kids.append((key, child))
        return kind, kids

    def _thunk(self, expr: Any, env: dict[str, Any]) -> Thunk:
        return lambda: self._eval(expr, env)

    # ---- resources -----------------------------------------------------------------------------
    def _expand(self, blk: Block, where: tuple[str, SourceRef | None] = ("", None)) -> _Expansion:
        base = self.base_env
        count = blk.attrs.get("count")
        if count is not None:
            n = self._eval(count.expr)[0]
            try:
                num = int(to_number(n))
            except Exception:
                return "unknown", [(None, {**base, "count": {"index": Unknown}})]
            if num > MAX_INSTANCES:
                self.budget.hit(f"count = {num} is over the {MAX_INSTANCES:,} instances read", where)
                return "unknown", [(None, {**base, "count": {"index": Unknown}})]
            return "count", [(i, {**base, "count": {"index": i}}) for i in range(max(num, 0))]
        fe = blk.attrs.get("for_each")
        if fe is not None:
            coll = self._eval(fe.expr)[0]
            unknown = [(None, {**base, "each": {"key": Unknown, "value": Unknown}})]
            if isinstance(coll, (dict, list)) and len(coll) > MAX_INSTANCES:
                self.budget.hit(
                    f"for_each over {len(coll):,} elements is over the {MAX_INSTANCES:,} read", where
                )
                return "unknown", unknown
            if isinstance(coll, dict):
                pairs = sorted(coll.items())
            elif isinstance(coll, list) and all(isinstance(x, str) for x in coll):
                pairs = [(x, x) for x in sorted(set(coll))]
            else:
                return "unknown", unknown
            return "each", [(k, {**base, "each": {"key": k, "value": v}}) for k, v in pairs]
        return "single", [(None, base)]

    def resource(self, mode: str, rtype: str, name: str) -> tuple[Any, str]:
        key3 = (mode, rtype, name)
        cached = self._values.get(key3)
        if cached is not None:
            return cached
        addr = ("data." if mode == "data" else "") + f"{rtype}.{name}"
        if self.prefix:
            addr = f"{self.prefix}.{addr}"
        got = self.instances(key3)
        if got is None:
            return Unknown, addr
        kind, insts, decl = got
        static = decl.block.attrs.keys() | {b.type for b in decl.block.blocks} | {"json", "minified_json"}
        objs = [(i.key, self._lazy(decl, i, static)) for i in insts]
        value: Any = Unknown
        if kind == "single":
            value = objs[0][1]
        elif kind == "count":
            value = [o for _, o in objs]
        elif kind == "each":
            value = {str(k): o for k, o in objs}
        self._values[key3] = (value, addr)
        return value, addr

    def instances(self, key3: tuple[str, str, str]) -> tuple[str, list[Instance], Decl] | None:
        got = self._res.get(key3)
        if got is _BUSY:
            return None
        if got is None:
            decl = self.cfg.resources.get(key3)
            if decl is None:
                return None
            self._res[key3] = _BUSY
            base = ("data." if key3[0] == "data" else "") + f"{key3[1]}.{key3[2]}"
            if self.prefix:
                base = f"{self.prefix}.{base}"
            where = (base, SourceRef(decl.path, decl.block.start_line, decl.block.end_line))
            kind, expansions = self._expand(decl.block, where)
            self.budget.resources += len(expansions)
            if self.budget.resources > MAX_RESOURCES:
                self.budget.hit(
                    f"more than {MAX_RESOURCES:,} resource instances in this root", where, once=True
                )
                self._res[key3] = None
                return None
            insts = [Instance(k, base + ("" if k is None else index_suffix(k)), env) for k, env in expansions]
            got = (kind, insts, decl)
            self._res[key3] = got
        return got

    def body(self, decl: Decl, inst: Instance) -> BodyResult:
        if inst.body is None:
            inst.body = BodyResult()  # guards against self-reference while evaluating
            res = eval_top(Evaluator(self, inst.env), decl.block, decl.path, RESOURCE_META)
            if decl.block.type == "data" and decl.block.labels[0] == "aws_iam_policy_document":
                res.attrs["json"], res.attrs["minified_json"] = policy_document(res.attrs)
            inst.body = res
        return inst.body

    def _lazy(self, decl: Decl, inst: Instance, static: set[str]) -> LazyObject:
        def get(attr: str) -> Any:
            if attr not in static:
                return Unknown
            return self.body(decl, inst).attrs.get(attr, Unknown)

        return LazyObject(inst.address, get)

    def file_function(self, name: str, args: list[Any]) -> Any:
        return file_function(
            name, args, self.loader.root, self.cfg.dir, self.loader.boundary, self._boundary_note
        )

    def _boundary_note(self, message: str) -> None:
        address, source = self.budget.where
        prefix = f"{source.path}:{source.start_line}: " if source is not None else ""
        subject = f"{address}: " if address else ""
        text = f"{prefix}{subject}{message}"
        if not any(n.message == text for n in self.loader.notes[-20:]):
            self.loader.warn(text, source, kind="boundary")

    # ---- output ------------------------------------------------------------------------------
    def collect(self, out: list[Resource]) -> None:
        out.extend(provider_resources(self))
        for key3, decl in self.cfg.resources.items():
            got = self.instances(key3)
            if got is None:
                continue
            blk = decl.block
            source = SourceRef(decl.path, blk.start_line, blk.end_line)
            sup = decl.comments.for_block(blk.start_line, blk.end_line)
            for inst in got[1]:
                self.budget.where = (inst.address, source)
                try:
                    body = self.body(decl, inst)
                except Exception as exc:  # a bug must cost one resource, not the scan
                    self.loader.notes.append(_eval_note(inst.address, source, exc))
                    continue
                res = _resource(inst.address, key3[1], key3[2], self.prefix, key3[0], body, source, sup)
                out.append(anchored(res, self.anchor))
        for key3, decl in self.cfg.duplicates:  # Terraform rejects these; the caller reports them
            blk = decl.block
            source = SourceRef(decl.path, blk.start_line, blk.end_line)
            stem = ("data." if key3[0] == "data" else "") + f"{key3[1]}.{key3[2]}"
            stem = f"{self.prefix}.{stem}" if self.prefix else stem
            for key, env in self._expand(blk)[1]:
                inst = Instance(key, stem + ("" if key is None else index_suffix(key)), env)
                try:
                    body = self.body(decl, inst)
                except Exception as exc:
                    self.loader.notes.append(_eval_note(inst.address, source, exc))
                    continue
                sup = decl.comments.for_block(blk.start_line, blk.end_line)
                res = _resource(inst.address, key3[1], key3[2], self.prefix, key3[0], body, source, sup)
                out.append(anchored(res, self.anchor))
        for name, decl in self.cfg.modules.items():
            blk = decl.block
            source = SourceRef(decl.path, blk.start_line, blk.end_line)
            sup = decl.comments.for_block(blk.start_line, blk.end_line)
            for _key, child in self.children(name)[1]:
                try:
                    ev = Evaluator(self, child.call_env)
                    body = eval_top(ev, blk, decl.path, MODULE_META - {"source", "version"})
                except Exception as exc:  # a bug must cost one module call, not the scan
                    self.loader.notes.append(_eval_note(child.prefix, source, exc))
                    continue
                res = _resource(child.prefix, "module", name, self.prefix, "module", body, source, sup)
                out.append(anchored(res, self.anchor))
                child.collect(out)


def _eval_note(address: str, source: SourceRef, exc: Exception) -> Notification:
    return Notification(
        level="error",
        kind="evaluate",
        message=f"{source.path}:{source.start_line}: cannot evaluate {address}: {type(exc).__name__}",
        source=source,
    )


def _resource(
    address: str, rtype: str, name: str, module: str, mode: str, body: BodyResult, source: SourceRef, sup: Any
) -> Resource:
    return Resource(
        address=address,
        type=rtype,
        attrs=body.attrs,
        origin=Origin.HCL,
        source=source,
        mode=Mode.DATA if mode == "data" else Mode.MODULE if mode == "module" else Mode.MANAGED,
        name=name,
        module=module,
        attr_sources=body.sources,
        references=body.references,
        sensitive_paths=frozenset(body.sensitive),
        suppressions=sup,
        unknown_from=body.unknown_from,
    )


def _convert(val: Any, blk: Block) -> Any:
    t = blk.attrs.get("type")
    if t is None or val is Unknown or val is None or t.expr[0] != "trav" or t.expr[2]:
        return val
    try:
        if t.expr[1] == "number" and isinstance(val, str):
            return to_number(val)
        if t.expr[1] == "bool" and isinstance(val, str):
            return to_bool(val)
        if t.expr[1] == "string" and isinstance(val, (int, float, bool)):
            return to_str(val)
    except Exception:
        return val
    return val

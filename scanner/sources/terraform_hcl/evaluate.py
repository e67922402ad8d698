"""Evaluate expression tuples from ``syntax.py`` against a module scope.

Anything that cannot be known becomes ``Unknown``; an expression Terraform would reject raises
``EvalError`` (which ``try``/``can`` catch); ``eval_safe`` turns both into ``Unknown``. While evaluating,
the addresses of referenced resources (directly or through variables, locals and module outputs) are
collected in ``refs``.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from scanner.model import Sensitive, Unknown

from .functions import call_builtin
from .limits import MAX_COLLECTION, MAX_WEIGHT, Budget, check_size, weight_over
from .partial_text import UNKNOWN_PART, UNKNOWN_STRUCTURE, is_lone_interpolation, partial_json
from .structure import Expr
from .values import EvalError, LazyObject, norm_number, to_bool, to_number, to_str

_FALLBACK_FUNCS = frozenset(["try", "can"])


class Scope(Protocol):
    def var(self, name: str) -> tuple[Any, frozenset[str]]: ...
    def local(self, name: str) -> tuple[Any, frozenset[str]]: ...
    def module(self, name: str) -> tuple[Any, frozenset[str]]: ...
    def module_output(self, name: str, key: Any, out: str) -> tuple[Any, frozenset[str]]: ...
    def resource(self, mode: str, rtype: str, name: str) -> tuple[Any, str]: ...
    def file_function(self, name: str, args: list[Any]) -> Any: ...


def index_suffix(key: Any) -> str:
    if isinstance(key, str):
        return "[" + json.dumps(key) + "]"
    return f"[{key}]"


class Evaluator:
    __slots__ = ("budget", "env", "refs", "scope", "unknowns")

    def __init__(self, scope: Scope, env: dict[str, Any]) -> None:
        self.scope = scope
        self.env = env
        self.refs: set[str] = set()
        # Where unknown values came from (`var.region`, `aws_s3_bucket.b.arn`), so a check that
        # can't be decided can say which value it was missing.
        self.unknowns: set[str] = set()
        budget = getattr(scope, "budget", None)
        self.budget: Budget = budget if isinstance(budget, Budget) else Budget()

    def eval_safe(self, e: Expr) -> Any:
        try:
            return self.eval(e)
        except Exception:
            return Unknown

    def eval(self, e: Expr) -> Any:
        tag = e[0]
        if tag == "lit":
            return e[1]
        if tag == "trav":
            return self.trav(e[1], e[2])
        if tag == "tmpl":
            return self.template(e[1])
        if tag == "tuple":
            return self.tuple(e[1])
        if tag == "object":
            return self.obj(e[1])
        if tag == "call":
            return self.call(e[1], e[2], e[3])
        if tag == "bin":
            return self.binary(e[1], self.eval(e[2]), self.eval(e[3]))
        if tag == "un":
            return self.unary(e[1], self.eval(e[2]))
        if tag == "cond":
            return self.cond(e[1], e[2], e[3])
        if tag == "for":
            return self.for_expr(e)
        if tag == "post":
            val = self.eval(e[1])
            for op in e[2]:
                val = self.apply(val, op)
            return val
        return Unknown

    # ---- traversals ----------------------------------------------------------------------
    def trav(self, root: str, ops: list[Expr]) -> Any:
        env = self.env
        scope = self.scope
        i = 0
        pending = ""
        if root in env:
            val = env[root]
        elif root in ("var", "local", "module"):
            if not ops or ops[0][0] != "attr":
                return Unknown
            name = ops[0][1]
            i = 1
            if root == "module" and len(ops) > 1:
                val, refs, i = self.module_ref(name, ops)
            else:
                getter = scope.var if root == "var" else scope.local if root == "local" else scope.module
                val, refs = getter(name)
            if refs:
                self.refs.update(refs)
        elif root == "self":
            return Unknown
        else:
            if root == "data":
                if len(ops) < 2 or ops[0][0] != "attr" or ops[1][0] != "attr":
                    return Unknown
                val, addr = scope.resource("data", ops[0][1], ops[1][1])
                i = 2
            else:
                if not ops or ops[0][0] != "attr":
                    return Unknown
                val, addr = scope.resource("managed", root, ops[0][1])
                i = 1
            if addr:
                # An index only names an instance when the resource was expanded (known count/for_each).
                expanded = isinstance(val, (list, dict))
                if expanded and i < len(ops) and ops[i][0] == "idx" and ops[i][1][0] == "lit":
                    addr += index_suffix(ops[i][1][1])
                pending = addr
        for op in ops[i:]:
            if isinstance(val, LazyObject):
                # Reaching into a resource instance — through an index (`aws_s3_bucket.b[count.index]`)
                # or a variable (`each.value.id` with `for_each = aws_s3_bucket.b`) — refers to it.
                self.refs.add(val.address)
                pending = ""
            val = self.apply(val, op)
        if pending:
            self.refs.add(pending)  # the resource as a whole (`aws_s3_bucket.b[*].arn`, or unknown index)
        if val is Unknown and root not in env:
            self.unknowns.add(_label(root, ops))
        return val

    def module_ref(self, name: str, ops: list[Expr]) -> tuple[Any, frozenset[str], int]:
        """``module.NAME.OUT`` or ``module.NAME[KEY].OUT``: only that output's references."""
        op = ops[1]
        if op[0] == "attr":
            val, refs = self.scope.module_output(name, None, op[1])
            return val, refs, 2
        if op[0] == "idx" and op[1][0] == "lit" and len(ops) > 2 and ops[2][0] == "attr":
            val, refs = self.scope.module_output(name, op[1][1], ops[2][1])
            return val, refs, 3
        val, refs = self.scope.module(name)
        return val, refs, 1

    def apply(self, val: Any, op: Expr) -> Any:
        if val is Unknown or val is Sensitive:
            if op[0] == "idx":
                self.eval_safe(op[1])
            return val
        kind = op[0]
        if kind == "attr":
            name = op[1]
            if isinstance(val, LazyObject):
                return val.get(name)
            if isinstance(val, dict):
                if name in val:
                    return val[name]
                raise EvalError(f"no attribute {name!r}")
            raise EvalError(f"cannot read attribute {name!r} of this value")
        if kind == "idx":
            key = self.eval(op[1])
            if key is Unknown or key is Sensitive:
                return Unknown
            if isinstance(val, list):
                n = to_number(key)
                if not isinstance(n, int) or not 0 <= n < len(val):
                    raise EvalError("index out of range")
                return val[n]
            if isinstance(val, dict):
                k = to_str(key)
                if k in val:
                    return val[k]
                raise EvalError(f"no key {k!r}")
            if isinstance(val, LazyObject):
                return val.get(to_str(key))
            raise EvalError("cannot index this value")
        # splat
        if val is None:
            return []
        items = val if isinstance(val, list) else [val]
        out = []
        for item in items:
            for sub in op[1]:
                item = self.apply(item, sub)
            out.append(item)
        return out

    # ---- composite values --------------------------------------------------------------------
    def obj(self, pairs: list[tuple[Expr, Expr]]) -> Any:
        out: dict[str, Any] = {}
        unknown = False
        for kexpr, vexpr in pairs:
            key = self.eval(kexpr)
            val = self.eval(vexpr)
            if key is Unknown or key is Sensitive:
                unknown = True
                continue
            out[to_str(key)] = val
        return Unknown if unknown else out

    def tuple(self, items: list[Expr]) -> list[Any]:
        """``[...]``; Terraform 0.11's ``["${aws_subnet.public.*.id}"]`` (one interpolation of a list)
        is that list, as 0.11 flattened it, not a list holding the list."""
        if len(items) == 1 and is_lone_interpolation(items[0]):
            value = self.eval(items[0])
            return list(value) if isinstance(value, list) else [value]
        return [self.eval(x) for x in items]

    def template(self, parts: list[Any]) -> Any:
        if len(parts) == 1 and not isinstance(parts[0], str):
            p = parts[0]
            if p[0] not in ("if", "tfor"):
                return self.eval(p)
        buf: list[str] = []
        state = self.template_into(parts, buf)
        if state is Sensitive:
            return Sensitive
        if state is Unknown:
            # A JSON document written as a template (``<<POLICY {... "${aws_s3_bucket.b.arn}" ...}``):
            # its known statements can still be judged, like jsonencode's (PartialDocument).
            return partial_json("".join(buf)) if buf else Unknown
        return check_size("".join(buf), self.budget, "a template")

    def template_into(self, parts: list[Any], buf: list[str]) -> Any:
        state: Any = None
        for p in parts:
            if isinstance(p, str):
                buf.append(p)
                continue
            tag = p[0]
            if tag == "if":
                c = self.eval(p[1])
                if c is Unknown or c is Sensitive:
                    state = state or Unknown
                    buf.append(UNKNOWN_STRUCTURE)
                    continue
                sub = self.template_into(p[2] if to_bool(c) else p[3], buf)
            elif tag == "tfor":
                sub = self.template_for(p, buf)
            else:
                v = self.eval(p)
                if v is Unknown:
                    buf.append(UNKNOWN_PART)  # where the value goes, for partial_json
                    sub = v
                elif v is Sensitive:
                    sub = v
                else:
                    if v is None or isinstance(v, (list, dict, LazyObject)):
                        raise EvalError("cannot interpolate a collection or null")
                    buf.append(to_str(v))
                    sub = None
            if sub is Sensitive:
                state = Sensitive
            elif sub is Unknown and state is None:
                state = Unknown
        return state

    def template_for(self, p: Expr, buf: list[str]) -> Any:
        coll = self.eval(p[3])
        if coll is Unknown or coll is Sensitive:
            buf.append(UNKNOWN_STRUCTURE)
            return Unknown
        state = None
        saved = self.env
        budget = self.budget
        try:
            for k, v in _iter_items(coll):
                budget.step()
                if len(buf) > MAX_COLLECTION:
                    raise budget.hit(f"a template loop produced more than {MAX_COLLECTION:,} parts")
                env = dict(saved)
                if p[1]:
                    env[p[1]] = k
                env[p[2]] = v
                self.env = env
                sub = self.template_into(p[4], buf)
                if sub is not None:
                    state = Sensitive if sub is Sensitive else (state or Unknown)
        finally:
            self.env = saved
        return state

    def for_expr(self, e: Expr) -> Any:
        _, kname, vname, coll_e, key_e, val_e, cond_e, group = e
        coll = self.eval(coll_e)
        if coll is Unknown or coll is Sensitive:
            return Unknown
        saved = self.env
        out_list: list[Any] = []
        out_map: dict[str, Any] = {}
        budget = self.budget
        try:
            for k, v in _iter_items(coll):
                budget.step()
                env = dict(saved)
                if kname:
                    env[kname] = k
                env[vname] = v
                self.env = env
                if cond_e is not None:
                    c = self.eval(cond_e)
                    if c is Unknown or c is Sensitive:
                        return Unknown
                    if not to_bool(c):
                        continue
                val = self.eval(val_e)
                if key_e is None:
                    out_list.append(val)
                    continue
                key = self.eval(key_e)
                if key is Unknown or key is Sensitive:
                    return Unknown
                ks = to_str(key)
                if group:
                    out_map.setdefault(ks, []).append(val)
                elif ks in out_map:
                    raise EvalError(f"duplicate key {ks!r} in for expression")
                else:
                    out_map[ks] = val
        finally:
            self.env = saved
        return check_size(out_list if key_e is None else out_map, budget, "a for expression")

    # ---- operators -----------------------------------------------------------------------------
    def binary(self, op: str, left: Any, right: Any) -> Any:
        if op == "&&":
            if left is False or right is False:
                return False
        elif op == "||" and (left is True or right is True):
            return True
        if left is Unknown or right is Unknown:
            return Unknown
        if left is Sensitive or right is Sensitive:
            return Sensitive
        if op == "==":
            return _equal(left, right)
        if op == "!=":
            return not _equal(left, right)
        if op == "&&":
            return to_bool(left) and to_bool(right)
        if op == "||":
            return to_bool(left) or to_bool(right)
        a, b = to_number(left), to_number(right)
        if op == "+":
            return norm_number(a + b)
        if op == "-":
            return norm_number(a - b)
        if op == "*":
            return norm_number(a * b)
        if op == "/":
            if b == 0:
                raise EvalError("division by zero")
            return norm_number(a / b)
        if op == "%":
            if b == 0:
                raise EvalError("modulo by zero")
            return norm_number(a % b)
        if op == "<":
            return a < b
        if op == ">":
            return a > b
        if op == "<=":
            return a <= b
        if op == ">=":
            return a >= b
        raise EvalError(f"unknown operator {op}")

    def unary(self, op: str, v: Any) -> Any:
        if v is Unknown or v is Sensitive:
            return v
        if op == "!":
            return not to_bool(v)
        return norm_number(-to_number(v))

    def cond(self, c_e: Expr, a_e: Expr, b_e: Expr) -> Any:
        c = self.eval(c_e)
        if c is Unknown or c is Sensitive:
            self.eval_safe(a_e)
            self.eval_safe(b_e)
            return Unknown
        if to_bool(c):
            self.eval_safe(b_e)
            return self.eval(a_e)
        self.eval_safe(a_e)
        return self.eval(b_e)

    def call(self, name: str, arg_es: list[Expr], expand: bool) -> Any:
        if name in _FALLBACK_FUNCS:
            return self.call_fallback(name, arg_es)
        args = [self.eval(a) for a in arg_es]
        if expand and args:
            last = args.pop()
            if last is Unknown or last is Sensitive:
                return Unknown
            if not isinstance(last, list):
                raise EvalError("cannot expand a non-list argument")
            args.extend(last)
        if any(a is Sensitive for a in args):
            return Sensitive
        if name in ("file", "fileexists", "templatefile", "filebase64", "fileset"):
            return check_size(self.scope.file_function(name, args), self.budget, f"{name}()")
        if weight_over(args):
            raise self.budget.hit(f"the arguments of {name}() are larger than {MAX_WEIGHT:,} elements")
        try:
            result = call_builtin(name, args)
        except EvalError:
            raise
        except Exception as exc:
            raise EvalError(f"{name}(): {exc}") from exc
        return check_size(result, self.budget, f"{name}()")

    def call_fallback(self, name: str, arg_es: list[Expr]) -> Any:
        for a in arg_es:
            try:
                v = self.eval(a)
            except Exception:
                if name == "can":
                    return False
                continue
            if name == "can":
                return Unknown if v is Unknown else True
            return v
        raise EvalError("try: all arguments failed")


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return bool(a == b)


def _iter_items(coll: Any) -> list[tuple[Any, Any]]:
    if isinstance(coll, list):
        return list(enumerate(coll))
    if isinstance(coll, dict):
        return sorted(coll.items())
    raise EvalError("for expression over a non-collection")


def _label(root: str, ops: list[Expr]) -> str:
    """``var.region``, ``aws_s3_bucket.b.arn``: a traversal as written, up to its first index."""
    parts = [root]
    for op in ops:
        if op[0] != "attr":
            break
        parts.append(str(op[1]))
    return ".".join(parts)

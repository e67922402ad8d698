"""The only module that touches tree-sitter: HCL text → plain blocks, attributes and expression tuples.

Expressions become small tuples (tag first) that ``evaluate.py`` walks:
``("lit", v)``, ``("tmpl", parts)``, ``("trav", root, ops)``, ``("call", name, args, expand)``,
``("tuple", items)``, ``("object", pairs)``, ``("cond", c, a, b)``, ``("bin", op, l, r)``,
``("un", op, x)``, ``("for", k, v, coll, key, val, cond, group)``, ``("post", expr, ops)``,
``("bad",)``. Traversal ops are ``("attr", name)``, ``("idx", expr)``, ``("splat", ops)``.
Template parts are ``str``, expressions, ``("if", cond, then, else)`` or ``("tfor", k, v, coll, parts)``.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

import tree_sitter_hcl
from tree_sitter import Language, Node, Parser

from ..decoding import MAX_NESTING
from .structure import Attribute, Block, Expr, ParsedFile
from .template_text import dedent, min_indent, unescape_heredoc, unescape_quoted


@lru_cache(maxsize=1)
def _parser() -> Parser:
    return Parser(Language(tree_sitter_hcl.language()))


_TOP_BLOCK = re.compile(rb"^[A-Za-z_][\w-]*(?:[ \t]+(?:\"[^\"\n]*\"|[\w-]+))*[ \t]*\{", re.M)
_SIMPLE_LITERAL = re.compile(
    rb'"(?:[^"\\$%\n]|\\[^$%\n]|\$(?![{$])|%(?![{%]))*"|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null'
)
_LITERAL_START = frozenset(b'"0123456789tfn')
_BIN_OPS = frozenset(["+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||"])


class _Converter:
    """Walks one tree; ``src`` is the bytes the tree was parsed from, ``line0`` the line offset."""

    __slots__ = ("broken", "depth", "errors", "line0", "src")

    def __init__(self, src: bytes, line0: int, broken: bool, errors: list[tuple[int, str]]) -> None:
        self.src = src
        self.line0 = line0
        self.broken = broken
        self.depth = 0
        self.errors = errors

    def too_deep(self, node: Node) -> bool:
        """Nesting beyond ``MAX_NESTING`` is reported once per place and read as unknown."""
        if self.depth < MAX_NESTING:
            return False
        line = node.start_point[0] + self.line0
        msg = f"nested deeper than {MAX_NESTING} levels; read as unknown"
        if (line, msg) not in self.errors:
            self.errors.append((line, msg))
        return True

    def text(self, n: Node) -> str:
        return self.src[n.start_byte : n.end_byte].decode("utf-8", "replace")

    # ---- structure -------------------------------------------------------------------------
    def body(self, node: Node, out: ParsedFile | Block) -> None:
        broken = self.broken
        line0 = self.line0
        attrs = out.attrs
        for c in node.children:
            t = c.type
            if t == "attribute":
                if broken and c.has_error:
                    continue
                ch = c.children
                name = self.text(ch[0])
                attrs[name] = Attribute(
                    name, self.expr(ch[2]), c.start_point[0] + line0, c.end_point[0] + line0
                )
            elif t == "block":
                if broken and c.has_error:
                    continue
                out.blocks.append(self.block(c))

    def block(self, node: Node) -> Block:
        labels: list[str] = []
        blk = Block("", labels, {}, [], node.start_point[0] + self.line0, node.end_point[0] + self.line0)
        if self.too_deep(node):
            return blk
        self.depth += 1
        try:
            self.block_into(node, blk, labels)
        finally:
            self.depth -= 1
        return blk

    def block_into(self, node: Node, blk: Block, labels: list[str]) -> None:
        btype = ""
        for c in node.children:
            t = c.type
            if t == "identifier":
                if btype:
                    labels.append(self.text(c))
                else:
                    btype = self.text(c)
            elif t == "string_lit":
                labels.append(unescape_quoted(self.src[c.start_byte + 1 : c.end_byte - 1].decode()))
            elif t == "body":
                self.body(c, blk)
        blk.type = btype

    # ---- expressions -----------------------------------------------------------------------
    def expr(self, node: Node) -> Expr:
        if self.too_deep(node):
            return ("bad",)
        self.depth += 1
        try:
            return self.expr_at(node)
        finally:
            self.depth -= 1

    def expr_at(self, node: Node) -> Expr:
        t = node.type
        if t == "expression":
            a, b = node.start_byte, node.end_byte
            src = self.src
            if b - a < 120 and src[a] in _LITERAL_START and _SIMPLE_LITERAL.fullmatch(src, a, b):
                return _simple_literal(src[a:b])
            if node.child_count == 1:
                node = node.children[0]
                t = node.type
                if t == "variable_expr":
                    return ("trav", self.text(node), [])
            else:
                return self.seq(node.children)
        meth = _DISPATCH.get(t)
        if meth is None:
            return ("bad",)
        return meth(self, node)  # type: ignore[no-any-return]

    def seq(self, nodes: list[Node]) -> Expr:
        """A primary expression followed by postfix operators (get_attr, index, splat)."""
        if not nodes:
            return ("bad",)
        first = nodes[0]
        i = 1
        if first.type == "(":
            base = self.expr(nodes[1])
            i = 3
        elif first.type == "variable_expr":
            base = ("trav", self.text(first), [])
        else:
            base = self.expr(first)
        if i >= len(nodes):
            return base
        ops = self.postfix(nodes[i:])
        if base[0] == "trav":
            return ("trav", base[1], base[2] + ops)
        return ("post", base, ops)

    def postfix(self, nodes: list[Node]) -> list[Expr]:
        ops: list[Expr] = []
        for n in nodes:
            t = n.type
            if t == "get_attr":
                ops.append(("attr", self.text(n.children[1])))
            elif t == "index":
                inner = n.children[0]
                if inner.type == "new_index":
                    ops.append(("idx", self.expr(inner.children[1])))
                else:
                    digits = self.text(inner).lstrip(".").strip()
                    ops.append(("idx", ("lit", int(digits) if digits.isdigit() else digits)))
            elif t == "splat":
                sp = n.children[0]
                ops.append(("splat", self.postfix(sp.children[1:])))
        return ops

    def literal_value(self, node: Node) -> Expr:
        try:
            return _simple_literal(self.src[node.start_byte : node.end_byte])
        except ValueError:
            return ("bad",)

    def string_lit(self, node: Node) -> Expr:
        return ("lit", unescape_quoted(self.src[node.start_byte + 1 : node.end_byte - 1].decode()))

    def variable_expr(self, node: Node) -> Expr:
        return ("trav", self.text(node), [])

    def collection_value(self, node: Node) -> Expr:
        c = node.children[0]
        if c.type == "tuple":
            return ("tuple", [self.expr(x) for x in c.children if x.type == "expression"])
        pairs = []
        for el in c.children:
            if el.type == "object_elem":
                ch = el.children
                kexpr = self.expr(ch[0])
                if kexpr[0] == "trav" and not kexpr[2]:
                    kexpr = ("lit", kexpr[1])
                pairs.append((kexpr, self.expr(ch[2])))
        return ("object", pairs)

    def function_call(self, node: Node) -> Expr:
        ch = node.children
        name = self.text(ch[0])
        args: list[Expr] = []
        expand = False
        for c in ch:
            if c.type == "function_arguments":
                for a in c.children:
                    if a.type == "expression":
                        args.append(self.expr(a))
                    elif a.type == "ellipsis":
                        expand = True
        return ("call", name, args, expand)

    def conditional(self, node: Node) -> Expr:
        ex = [c for c in node.children if c.type == "expression"]
        if len(ex) != 3:
            return ("bad",)
        return ("cond", self.expr(ex[0]), self.expr(ex[1]), self.expr(ex[2]))

    def operation(self, node: Node) -> Expr:
        op = node.children[0]
        ch = op.children
        if op.type == "unary_operation":
            return ("un", ch[0].type, self.seq(ch[1:]))
        for i, c in enumerate(ch):
            if i and c.type in _BIN_OPS:
                return ("bin", c.type, self.seq(ch[:i]), self.seq(ch[i + 1 :]))
        return ("bad",)

    def for_expr(self, node: Node) -> Expr:
        f = node.children[0]
        is_obj = f.type == "for_object_expr"
        k = v = None
        coll: Expr = ("bad",)
        exprs: list[Expr] = []
        cond: Expr | None = None
        group = False
        for c in f.children:
            t = c.type
            if t == "for_intro":
                ids = [self.text(x) for x in c.children if x.type == "identifier"]
                if len(ids) == 2:
                    k, v = ids
                else:
                    v = ids[0]
                coll = self.expr(next(x for x in c.children if x.type == "expression"))
            elif t == "expression":
                exprs.append(self.expr(c))
            elif t == "for_cond":
                cond = self.expr(c.children[1])
            elif t == "ellipsis":
                group = True
        if is_obj:
            if len(exprs) != 2:
                return ("bad",)
            return ("for", k, v, coll, exprs[0], exprs[1], cond, group)
        return ("for", k, v, coll, None, exprs[0] if exprs else ("bad",), cond, False)

    def template_expr(self, node: Node) -> Expr:
        c = node.children[0]
        ch = c.children
        if c.type == "quoted_template":
            parts = self.tparts(ch[1:-1], ch[0].end_byte, ch[-1].start_byte, unescape_quoted)
            return ("tmpl", parts)
        # heredoc: start, identifier, ..., identifier
        strip = ch[0].type == "heredoc_start" and self.text(ch[0]).startswith("<<-")
        start = ch[1].end_byte
        nl = self.src.find(b"\n", start)
        start = nl + 1 if nl >= 0 else start
        end_node = ch[-1]
        end = self.src.rfind(b"\n", 0, end_node.start_byte) + 1
        if end < start:
            end = start
        indent = 0
        if strip:
            indent = min_indent(self.src[start:end])
        parts = self.tparts(ch[2:-1], start, end, unescape_heredoc, indent)
        return ("tmpl", parts)

    def tparts(self, nodes: list[Node], start: int, end: int, unescape: Any, indent: int = 0) -> list[Any]:
        parts: list[Any] = []
        cur = start
        for n in nodes:
            t = n.type
            if t == "template_interpolation" or t == "template_directive":
                if n.start_byte > cur:
                    parts.append(self.literal(cur, n.start_byte, start, indent, unescape))
                cur = n.end_byte
                if t == "template_interpolation":
                    ex = [x for x in n.children if x.type == "expression"]
                    parts.append(self.expr(ex[0]) if ex else ("bad",))
                else:
                    parts.append(self.directive(n.children[0], unescape, start, indent))
        if end > cur:
            parts.append(self.literal(cur, end, start, indent, unescape))
        return parts

    def literal(self, a: int, b: int, start: int, indent: int, unescape: Any) -> str:
        """Literal template text between two markers, honouring ``~`` strip markers next to it."""
        src = self.src
        text: str = unescape(dedent(src, a, b, start, indent))
        if src[a - 2 : a] == b"~}":
            text = text.lstrip()
        if src[b : b + 3] in (b"${~", b"%{~"):
            text = text.rstrip()
        return text

    def directive(self, d: Node, unescape: Any, start: int, indent: int) -> Any:
        ch = d.children
        if d.type == "template_if":
            intro = ch[0]
            cond = self.expr(next(x for x in intro.children if x.type == "expression"))
            else_i = next((i for i, x in enumerate(ch) if x.type == "template_else_intro"), None)
            last = ch[-1]
            if else_i is None:
                then = self.tparts(ch[1:-1], intro.end_byte, last.start_byte, unescape, indent)
                return ("if", cond, then, [])
            el = ch[else_i]
            then = self.tparts(ch[1:else_i], intro.end_byte, el.start_byte, unescape, indent)
            other = self.tparts(ch[else_i + 1 : -1], el.end_byte, last.start_byte, unescape, indent)
            return ("if", cond, then, other)
        if d.type == "template_for":
            intro = ch[0]
            ids = [self.text(x) for x in intro.children if x.type == "identifier"]
            coll = self.expr(next(x for x in intro.children if x.type == "expression"))
            k, v = (ids[0], ids[1]) if len(ids) == 2 else (None, ids[0])
            body = self.tparts(ch[1:-1], intro.end_byte, ch[-1].start_byte, unescape, indent)
            return ("tfor", k, v, coll, body)
        return ("bad",)


_DISPATCH: dict[str, Any] = {
    "literal_value": _Converter.literal_value,
    "string_lit": _Converter.string_lit,
    "variable_expr": _Converter.variable_expr,
    "collection_value": _Converter.collection_value,
    "function_call": _Converter.function_call,
    "conditional": _Converter.conditional,
    "operation": _Converter.operation,
    "for_expr": _Converter.for_expr,
    "template_expr": _Converter.template_expr,
}


def _simple_literal(raw: bytes) -> Expr:
    """A literal's value from its source bytes (``ValueError`` for a malformed number).

    Used for literal nodes and, without a tree walk, for values ``_SIMPLE_LITERAL`` matched.
    """
    first = raw[:1]
    if first == b'"':
        return ("lit", unescape_quoted(raw[1:-1].decode("utf-8", "replace")))
    if raw == b"true":
        return ("lit", True)
    if raw == b"false":
        return ("lit", False)
    if raw == b"null":
        return ("lit", None)
    s = raw.decode()
    if s.isdigit():
        return ("lit", int(s))
    f = float(s)
    return ("lit", int(f) if f.is_integer() and "e" not in s.lower() else f)


def _error_lines(node: Node, line0: int, out: list[int]) -> None:
    """Lines of the outermost ERROR / MISSING nodes under ``node`` (only descends erroneous nodes)."""
    stack = [node]
    while stack:
        for c in stack.pop().children:
            if c.type == "ERROR" or c.is_missing:
                out.append(c.start_point[0] + line0)
            elif c.has_error:
                stack.append(c)


def parse_hcl(src: bytes) -> ParsedFile:
    """Parse one HCL file; on syntax errors re-parse from each top-level block start to keep good blocks."""
    if src.startswith(b"\xef\xbb\xbf"):
        src = src[3:]
    parser = _parser()
    tree = parser.parse(src)
    root = tree.root_node
    result = ParsedFile()
    if not root.has_error:
        _collect(root, src, 0, result)
        return result
    starts = [m.start() for m in _TOP_BLOCK.finditer(src)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(src))
    for a, b in itertools.pairwise(starts):
        chunk = src[a:b]
        line0 = src.count(b"\n", 0, a)
        t = parser.parse(chunk)
        r = t.root_node
        _collect(r, chunk, line0, result)
        if r.has_error:
            lines: list[int] = []
            _error_lines(r, line0, lines)
            result.errors.append(((min(lines) if lines else line0) + 1, "syntax error"))
    return result


def _collect(root: Node, src: bytes, line0: int, result: ParsedFile) -> None:
    conv = _Converter(src, line0 + 1, root.has_error, result.errors)
    for c in root.children:
        if c.type == "body":
            conv.body(c, result)


def parse_expression(text: str) -> Expr:
    """Parse a standalone expression (``--var`` values, tfvars JSON templates)."""
    src = b"x = " + text.encode() + b"\n"
    tree = _parser().parse(src)
    if tree.root_node.has_error:
        return ("bad",)
    pf = ParsedFile()
    _collect(tree.root_node, src, 0, pf)
    attr = pf.attrs.get("x")
    return attr.expr if attr else ("bad",)


def parse_template(text: str) -> Expr:
    """Parse a ``"${...}"`` string of Terraform JSON syntax as a template."""
    if "${" not in text and "%{" not in text:
        return ("lit", text)
    marker = "EOT_IACSCAN_TEMPLATE"
    src = f"x = <<{marker}\n{text}\n{marker}\n".encode()
    tree = _parser().parse(src)
    if tree.root_node.has_error:
        return ("bad",)
    pf = ParsedFile()
    _collect(tree.root_node, src, 0, pf)
    attr = pf.attrs.get("x")
    if attr is None or attr.expr[0] != "tmpl":
        return ("bad",)
    parts = list(attr.expr[1])
    if parts and isinstance(parts[-1], str) and parts[-1].endswith("\n"):
        parts[-1] = parts[-1][:-1]
        if not parts[-1]:
            parts.pop()
    return ("tmpl", parts)


def walk_floor(src: bytes) -> int:
    """Parse and visit every node with tree-sitter alone (the benchmark floor). Returns the count."""
    tree = _parser().parse(src)
    cursor = tree.walk()
    count = 0
    while True:
        count += 1
        if cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return count

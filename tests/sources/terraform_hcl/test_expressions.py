"""Expressions: operators, templates, heredocs, for expressions, splats and functions."""

from __future__ import annotations

import json

import pytest

from scanner.model import Unknown
from scanner.sources.terraform_hcl.syntax import parse_expression
from scanner.sources.terraform_hcl.variables import literal_value


@pytest.fixture(scope="module")
def exprs():
    from scanner.sources.terraform_hcl import load_terraform_dir

    from .conftest import FIXTURES

    return load_terraform_dir(FIXTURES / "expressions", base_dir=FIXTURES).by_address()


def test_locals_in_any_order(exprs):
    assert exprs["aws_ssm_parameter.exprs"].attrs["name"] == "ACME-prod"


def test_operators_for_expressions_and_splats(exprs):
    value = json.loads(exprs["aws_ssm_parameter.exprs"].attrs["value"])
    assert value["arith"] == 5
    assert value["modulo"] == 1
    assert value["neg"] == -5
    assert value["compare"] == [True, False, True, False, True, False]
    assert value["logic"] == [False, True, False]
    assert value["cond"] == "big"
    assert value["index"] == 20
    assert value["splat"] == ["ann", "bob"]
    assert value["attrsplat"] == [True, False]
    assert value["for_list"] == [6, 4]
    assert value["for_map"] == {"ann": True, "bob": False}
    assert value["grouped"] == {"true": ["ann"], "false": ["bob"]}
    assert value["for_index"] == ["0:3", "1:1", "2:2"]


def test_templates_escapes_and_directives(exprs):
    tags = exprs["aws_ssm_parameter.exprs"].attrs["tags"]
    assert tags["Escaped"] == 'a"b\\c ${literal} %{literal}'
    assert tags["Template"] == "x-P-3,1,2,"
    assert tags["Unknown"] is Unknown
    assert tags["Cond"] is Unknown
    assert tags["Passthru"] == "same"  # "${x}" alone keeps the value's type


def test_heredocs(exprs):
    attrs = exprs["aws_ssm_parameter.exprs"].attrs
    assert attrs["description"] == "line one prod\n  line two\n"
    assert attrs["tier"] == "indented ACME\n  deeper\n"


EXPECTED_FUNCTIONS = {
    "format": "a-007-true",
    "formatlist": "a=1,b=2",
    "lower": "abc",
    "title": "Hello World",
    "merge": '{"a":1,"b":3}',
    "concat": "[1,2,3]",
    "lookup": "default",
    "length": 3,
    "element": "b",
    "try": "fallback",
    "can": False,
    "coalesce": "first",
    "split": '["a","b"]',
    "replace": "heLo",
    "replace2": "a-b-c",
    "contains": True,
    "keys": '["a","b"]',
    "values": "[2,1]",
    "flatten": "[1,2,3]",
    "distinct": "[1,2]",
    "compact": '["a","b"]',
    "substr": "ell",
    "trimspace": "x",
    "trimprefix": "bar",
    "starts": True,
    "minmax": "1/3",
    "absfloor": "2/2/1",
    "range": "[0,1,2]",
    "zipmap": '{"a":1,"b":2}',
    "one": "only",
    "sort": '["a","b"]',
    "reverse": "[2,1]",
    "slice": "[2,3]",
    "sets": '[["a","b"],["b"],["b"]]',
    "base64": "round",
    "cidrsubnet": "10.0.2.0/24",
    "cidrhost": "10.0.1.5",
    "yaml": "a: 1\n",
    "jsondecode": 5,
    "tostring": "5",
    "tonumber": 6,
    "tobool": True,
    "expand": 9,
    "file": "hello from a file\n",
    "templatefile": "Hello, world!",
    "fileexists": False,
}


@pytest.mark.parametrize("name", sorted(EXPECTED_FUNCTIONS))
def test_functions(exprs, name):
    assert exprs["aws_ssm_parameter.functions"].attrs["tags"][name] == EXPECTED_FUNCTIONS[name]


@pytest.mark.parametrize("name", ["timestamp", "nosuch", "outside"])
def test_unknowable_functions_are_unknown(exprs, name):
    assert exprs["aws_ssm_parameter.functions"].attrs["tags"][name] is Unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[1, 2][5]", Unknown),  # an error becomes Unknown, never an exception
        ('jsonencode({a = [1, "x", null, true]})', '{"a":[1,"x",null,true]}'),
        ("10 / 4", 2.5),
        ('"a" == 1', False),
        ("false && nosuch()", False),
        ("{ for k, v in {b = 2, a = 1} : v => k }", {"1": "a", "2": "b"}),
        ("upper(nosuch())", Unknown),
        ('concat(["a"], nosuch())', Unknown),
    ],
)
def test_standalone_expressions(text, expected):
    assert literal_value(parse_expression(text)) == expected or (
        expected is Unknown and literal_value(parse_expression(text)) is Unknown
    )


def test_jsonencode_escapes_like_terraform():
    value = literal_value(parse_expression('jsonencode({a = "<b>&\u00e9"})'))
    assert value == '{"a":"\\u003cb\\u003e\\u0026\u00e9"}'
    assert json.loads(value) == {"a": "<b>&\u00e9"}

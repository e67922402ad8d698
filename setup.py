"""Only what pyproject.toml cannot say: ship the top-level policies/ folder as scanner._policies and
the example stacks/ (what `iacscan demo` runs on) as scanner._stacks."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["scanner", "scanner.*"]), "scanner._policies", "scanner._stacks"],
    package_dir={"scanner._policies": "policies", "scanner._stacks": "stacks"},
)

"""Only what pyproject.toml cannot say: ship the top-level policies/ folder as scanner._policies."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["scanner", "scanner.*"]), "scanner._policies"],
    package_dir={"scanner._policies": "policies"},
)

"""The project's errors. Only the CLI catches them; each boundary wraps third-party errors."""

from __future__ import annotations


class ScannerError(Exception):
    """Base: a clear one-line message for the user."""


class UsageError(ScannerError):
    """Bad arguments or a missing path (exit 2)."""


class SourceError(ScannerError):
    """An input that cannot be read or parsed. Carries the file and, where known, the line."""

    def __init__(self, message: str, path: str = "", line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")


class PolicyError(ScannerError):
    """A policy file that fails its schema or cannot be loaded."""


class CloudError(ScannerError):
    """An AWS API call that failed in a way that stops the read."""


class ConfigError(ScannerError):
    """An invalid .iacscan.yaml or [tool.iacscan] section."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _empty_aws_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An empty AWS config file of the test's own: the shared ``/dev/null`` default assumes a null
    device, which a stray atomic write on the machine may have replaced by a regular file."""
    empty = tmp_path / "aws-config"
    empty.write_text("")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(empty))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(empty))

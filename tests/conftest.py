from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.aws_endpoint import moto_server, reset

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="session")
def _cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _aws_env(monkeypatch: pytest.MonkeyPatch, _cache_home: Path) -> None:
    """Dummy credentials and a fixed region, so no test can reach a real account."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
    # The policy validation cache goes to a per-session folder, never the user's own.
    monkeypatch.setenv("XDG_CACHE_HOME", str(_cache_home))


@pytest.fixture(scope="session")
def _moto_session() -> Iterator[str]:
    with moto_server() as url:
        yield url


@pytest.fixture
def aws_endpoint(_moto_session: str) -> Iterator[str]:
    """URL of a real local AWS endpoint (moto_server on 127.0.0.1), empty at the start of each test."""
    reset(_moto_session)
    yield _moto_session
    reset(_moto_session)

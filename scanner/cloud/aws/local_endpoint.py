"""A local AWS endpoint for the demo and the benchmark: moto's server in a child process on a free
127.0.0.1 port, with dummy credentials in its environment. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from scanner.errors import CloudError

DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "iacscan-demo",
    "AWS_SECRET_ACCESS_KEY": "iacscan-demo",
    "AWS_SESSION_TOKEN": "iacscan-demo",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def use_dummy_credentials(region: str) -> None:
    """Make this process's boto3 use dummy credentials (never a real account's)."""
    os.environ.update(DUMMY_CREDENTIALS)
    os.environ["AWS_DEFAULT_REGION"] = region
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        os.environ.pop(name, None)
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull


def start_moto(timeout: float = 30.0) -> tuple[str, subprocess.Popen[bytes]]:
    """Start ``python -m moto.server`` on a free 127.0.0.1 port; its URL once it answers, and the process."""
    if importlib.util.find_spec("moto") is None:
        raise CloudError("the demo needs moto's server: pip install 'iacscan[demo]' (or 'moto[server]')")
    port = free_port()
    env = {**os.environ, **DUMMY_CREDENTIALS}
    cmd = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=1):
                return url, proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_moto(proc)
                raise CloudError(f"moto server did not start on {url}") from None
            time.sleep(0.1)


def stop_moto(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def local_moto(timeout: float = 30.0) -> Iterator[str]:
    """A local endpoint for the ``with`` block: moto's server on 127.0.0.1, stopped afterwards."""
    url, proc = start_moto(timeout)
    try:
        yield url
    finally:
        stop_moto(proc)

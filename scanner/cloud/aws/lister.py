"""One generic lister for every ``Listing`` of the catalog.

Listings in each region run concurrently (one task each); the extra per-record calls of a listing run
concurrently on a second pool, so a task never waits on its own pool. Clients come from the
factory, which builds one client per service and region from one session, shared by every thread.
Each page and each extra call is counted per listing. AccessDenied, an unsupported API or an
unreachable endpoint becomes a warning notification and the rest of the read goes on; after an
unreachable endpoint no new calls are started, so the read ends quickly with what it has.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

import jmespath
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    OperationNotPageableError,
    ReadTimeoutError,
    UnknownServiceError,
)

from scanner.cloud.aws import jmes
from scanner.cloud.aws.catalog import GLOBAL, ExtraCall, Listing
from scanner.cloud.aws.session import ClientFactory
from scanner.model import Notification

DENIED = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnauthorizedOperation",
        "UnauthorizedAccess",
        "AuthorizationError",
        "AuthFailure",
        "InvalidClientTokenId",
        "UnrecognizedClientException",
        "OptInRequired",
    }
)
THROTTLED = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "SlowDown",
        "RequestThrottled",
        "RequestThrottledException",
    }
)
UNSUPPORTED = frozenset(
    {"InvalidAction", "UnsupportedOperation", "NotImplemented", "UnknownOperationException", "InvalidRequest"}
)
UNREACHABLE_ERRORS = (EndpointConnectionError, ConnectTimeoutError, ConnectionClosedError, ReadTimeoutError)
Progress = Callable[[int, int, str], None]
THROTTLE_RETRIES = 4
THROTTLE_BASE_DELAY = 0.05


@dataclass
class Record:
    """One API record of a listing, with the results of its extra calls (by ``ExtraCall.name``)."""

    listing: Listing
    region: str
    data: Any
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class ListResult:
    listing: Listing
    region: str
    records: list[Record] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    list_calls: int = 0
    item_calls: int = 0
    failed: bool = False
    unreachable: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class _Abort(Exception):
    """A listing cannot go on (its failure is already recorded)."""


def error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _api_name(client: Any, operation: str) -> str:
    mapping: dict[str, str] = getattr(client.meta, "method_to_api_mapping", {})
    return mapping.get(operation, "".join(p.capitalize() for p in operation.split("_")))


class Lister:
    def __init__(self, factory: ClientFactory, *, workers: int = 8, item_workers: int = 16) -> None:
        self._factory = factory
        self._workers = workers
        self._item_workers = item_workers
        self._dead: set[str] = set()  # endpoints that stopped answering: no new calls to them
        self._alive: set[str] = set()  # endpoints that answered at least once

    def run(
        self, listings: Sequence[Listing], regions: Sequence[str], progress: Progress | None = None
    ) -> list[ListResult]:
        """Read every listing in every region (global listings once, in the first region).

        ``progress(done, total, label)`` is called after each (listing, region) task finishes.
        """
        tasks: list[tuple[Listing, str]] = []
        for listing in listings:
            for region in regions[:1] if listing.scope == GLOBAL else regions:
                tasks.append((listing, region))
        with (
            ThreadPoolExecutor(self._workers, thread_name_prefix="iacscan-list") as pool,
            ThreadPoolExecutor(self._item_workers, thread_name_prefix="iacscan-item") as items,
        ):
            futures = [pool.submit(self._read, listing, region, items) for listing, region in tasks]
            results = []
            for done, future in enumerate(as_completed(futures), start=1):
                result = future.result()
                results.append(result)
                if progress is not None:
                    progress(
                        done, len(futures), f"{result.listing.service}:{result.listing.name} {result.region}"
                    )
        return sorted(results, key=lambda r: (r.listing.name, r.region))

    # -- one listing in one region ---------------------------------------------------------------

    def _read(self, listing: Listing, region: str, items: ThreadPoolExecutor) -> ListResult:
        result = ListResult(listing, region)
        try:
            client = self._factory.client(listing.service, region)
            if _endpoint(client) in self._dead:
                return self._skip(result, client)
            raw = self._list(client, listing, result)
        except _Abort:
            return result
        except (UnknownServiceError, OperationNotPageableError) as exc:
            self._fail(result, listing.operation, None, "unsupported API", exc)
            return result
        records = [Record(listing, region, data) for data in raw]
        if listing.extras and records:
            futures: list[Future[None]] = [items.submit(self._extras, record, result) for record in records]
            for future in futures:
                future.result()
            if result.failed:
                return result
        result.records = records
        return result

    def _skip(self, result: ListResult, client: Any) -> ListResult:
        result.failed = True
        result.unreachable = _endpoint(client) in self._alive
        return result

    def _list(self, client: Any, listing: Listing, result: ListResult) -> list[Any]:
        attempt = 0
        while True:
            try:
                records = self._list_once(client, listing, result)
                self._alive.add(_endpoint(client))
                return records
            except ClientError as exc:
                result.list_calls += 1  # the failed call counts too
                if error_code(exc) in THROTTLED and attempt < THROTTLE_RETRIES:
                    time.sleep(THROTTLE_BASE_DELAY * 2**attempt)
                    attempt += 1
                    continue
                self._fail(result, listing.operation, client, None, exc)
                raise _Abort from exc
            except (BotoCoreError, OSError) as exc:
                self._fail(result, listing.operation, client, None, exc)
                raise _Abort from exc

    def _list_once(self, client: Any, listing: Listing, result: ListResult) -> list[Any]:
        if listing.parent is not None:
            return self._list_children(client, listing, result)
        params = dict(listing.params)
        out: list[Any] = []
        if not listing.paginated:
            result.list_calls += 1
            response = getattr(client, listing.operation)(**params)
            return list(jmespath.search(listing.result_key, response) or [])
        paginator = client.get_paginator(listing.operation)
        config = {"PageSize": listing.page_size} if listing.page_size else {}
        for page in paginator.paginate(**params, PaginationConfig=config):
            result.list_calls += 1
            out.extend(jmespath.search(listing.result_key, page) or [])
        return out

    def _pages(
        self, client: Any, operation: str, key: str, params: dict[str, Any], result: ListResult
    ) -> list[Any]:
        """Every item under ``key`` of one operation, through its paginator where it has one."""
        out: list[Any] = []
        pages = (
            client.get_paginator(operation).paginate(**params)
            if client.can_paginate(operation)
            else [getattr(client, operation)(**params)]
        )
        for page in pages:
            result.list_calls += 1
            found = jmespath.search(key, page)
            if isinstance(found, list):
                out.extend(found)
            elif found is not None:
                out.append(found)
        return out

    def _list_children(self, client: Any, listing: Listing, result: ListResult) -> list[Any]:
        """A child listing: list the parents, then the children of each (see ``catalog_types.Parent``)."""
        parent = listing.parent
        assert parent is not None
        out: list[Any] = []
        for item in self._pages(client, parent.operation, parent.result_key, dict(parent.static), result):
            params = dict(listing.params)
            params.update({k: jmes.search(v, item) for k, v in parent.params.items()})
            try:
                children = self._pages(client, listing.operation, listing.result_key, params, result)
            except ClientError as exc:
                code = error_code(exc)
                if code in parent.missing or _vanished(code):
                    continue  # the parent went away meanwhile: no children
                raise
            out.extend({"Parent": item, "Item": child} for child in children)
        return out

    # -- extra per-record calls ------------------------------------------------------------------

    def _extras(self, record: Record, result: ListResult) -> None:
        client = self._factory.client(record.listing.service, record.region)
        if result.failed or _endpoint(client) in self._dead:
            result.failed = True
            return
        for extra in record.listing.extras:
            try:
                record.extras[extra.name] = self._extra(client, extra, record.data, record.extras, result)
            except _Missing:
                record.extras[extra.name] = None
            except _Abort:
                return
            except _Skip:
                continue

    def _extra(
        self, client: Any, extra: ExtraCall, data: Any, extras: dict[str, Any], result: ListResult
    ) -> Any:
        params: dict[str, Any] = dict(extra.static)
        for param, field_ in extra.params.items():
            if field_.startswith("extras."):
                value = jmes.search(field_.removeprefix("extras."), extras)
            else:
                value = jmes.search(field_, data)
            params[param] = [value] if param in extra.as_list else value
        attempt = 0
        while True:
            try:
                with result.lock:
                    result.item_calls += 1
                if extra.result_key and client.can_paginate(extra.operation):
                    out: list[Any] = []
                    for page in client.get_paginator(extra.operation).paginate(**params):
                        out.extend(jmespath.search(extra.result_key, page) or [])
                    return out
                response = getattr(client, extra.operation)(**params)
                if extra.result_key is None:
                    return {k: v for k, v in response.items() if k != "ResponseMetadata"}
                return jmespath.search(extra.result_key, response)
            except ClientError as exc:
                code = error_code(exc)
                if code in extra.missing or _vanished(code):
                    raise _Missing from exc
                if code in THROTTLED and attempt < THROTTLE_RETRIES:
                    time.sleep(THROTTLE_BASE_DELAY * 2**attempt)
                    attempt += 1
                    continue
                if (code in DENIED or code in UNSUPPORTED) and not extra.required:
                    self._warn_once(result, extra.operation, client, exc)
                    raise _Skip from exc
                self._fail(result, extra.operation, client, None, exc)
                raise _Abort from exc
            except (BotoCoreError, OSError) as exc:
                self._fail(result, extra.operation, client, None, exc)
                raise _Abort from exc

    # -- failures --------------------------------------------------------------------------------

    def _message(
        self, result: ListResult, operation: str, client: Any, what: str | None, exc: Exception
    ) -> str:
        api = _api_name(client, operation) if client is not None else operation
        if isinstance(exc, ClientError):
            detail = f"{error_code(exc)} {exc.response.get('Error', {}).get('Message', '')}".strip()
        elif isinstance(exc, UNREACHABLE_ERRORS):
            detail = f"endpoint unreachable ({exc})"
        else:
            detail = f"{what + ': ' if what else ''}{exc}"
        return f"{result.listing.service}:{api} in {result.region}: {detail}"

    def _warn_once(self, result: ListResult, operation: str, client: Any, exc: Exception) -> None:
        message = self._message(result, operation, client, None, exc)
        with result.lock:
            if all(n.message != message for n in result.notifications):
                result.notifications.append(Notification(level="warning", message=message, kind="cloud"))

    def _fail(
        self, result: ListResult, operation: str, client: Any, what: str | None, exc: Exception
    ) -> None:
        message = self._message(result, operation, client, what, exc)
        with result.lock:
            if result.failed:
                return
            result.failed = True
            if isinstance(exc, UNREACHABLE_ERRORS):
                # It answered before, so it died during the read: the read is partial. One that
                # never answered (a region or service without an endpoint) is only unreadable.
                endpoint = _endpoint(client)
                result.unreachable = endpoint in self._alive
                self._dead.add(endpoint)
            result.notifications.append(Notification(level="warning", message=message, kind="cloud"))


def _endpoint(client: Any) -> str:
    return str(getattr(getattr(client, "meta", None), "endpoint_url", "") or "")


def _vanished(code: str) -> bool:
    """The record went away between the list call and this one (deleted meanwhile)."""
    return (
        code.startswith("NoSuch")
        or code.endswith(("NotFound", "NotFoundException", "NotFoundFault"))
        or code == "ResourceNotFoundException"
    )


class _Missing(Exception):
    """The setting is not configured (e.g. no bucket policy)."""


class _Skip(Exception):
    """This extra call is denied or unsupported: leave its attributes out and go on."""

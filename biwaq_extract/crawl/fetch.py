"""Polite HTTP fetching: one request at a time per host, delays, retries on transient failures, a size cap."""

# Client choice: httpx (already installed as a Prefect dependency). Its streaming API lets us abort a
# response once it passes the size cap, automatic redirects can be switched off so that every hop is
# checked against the crawl scope and robots.txt, connect and read timeouts are separate, and
# trust_env=False guarantees that no proxy variable sends our traffic anywhere else. urllib would need a
# custom redirect handler, has one timeout for everything and no clean per-chunk streaming with redirects off.

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import logging
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from biwaq_extract import __version__
from biwaq_extract.config import field_values

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# 408 and 429 say "come back later"; any 5xx is a server-side hiccup worth another try. Other 4xx are final.
TRANSIENT_STATUSES = frozenset({408, 429}) | frozenset(range(500, 600))
DEADLINE = "deadline"  # the error of a response that took longer than max_response_seconds
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Page:
    """One HTTP response (or the failure to get one) exactly as fetched, before any parsing."""

    url: str  # the URL that was asked for
    final_url: str  # the URL that answered (after redirects)
    status: int  # HTTP status; 0 when no response arrived
    headers: tuple[tuple[str, str], ...]
    fetched_at: dt.datetime  # UTC
    body: bytes  # payload with any Content-Encoding (gzip, deflate) removed
    error: str | None = None
    reason: str = ""
    raw: bytes = b""  # payload as transferred (Content-Encoding kept): what the WARC archive stores
    request_headers: tuple[tuple[str, str], ...] = ()
    truncated: bool = False  # aborted at the size cap or by a broken connection
    transient: bool = False  # the failure may go away on another try
    history: tuple[Page, ...] = ()  # earlier responses of this fetch, oldest first: retries and redirect hops
    http_version: str = "HTTP/1.1"

    def header(self, name: str) -> str | None:
        """The first value of a response header, case-insensitively."""
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class FetchSettings:
    """The plain values a Fetcher needs; built from the [crawl] settings section."""

    user_agent: str = f"biwaq-extract/{__version__} (+https://github.com/biwaq-extract)"
    delay: float = 1.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    # Total seconds for one response, headers and body: the read timeout restarts with every byte, so a
    # server dripping one byte a second would otherwise hold a page for ever.
    max_response_seconds: float = 60.0

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> FetchSettings:
        values = field_values(cls, settings.get("crawl", settings))
        if "user_agent" in values:
            values["user_agent"] = str(values["user_agent"]).replace("{version}", __version__)
        return cls(**values)


def host_key(url: str) -> str:
    """host[:port] in lower case, without the scheme's default port: the unit of politeness and scope."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    if port is None or (parts.scheme, port) in {("http", 80), ("https", 443)}:
        return host
    return f"{host}:{port}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP-date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - (now or _now())).total_seconds())


def _decode_content(raw: bytes, encoding: str | None, limit: int) -> tuple[bytes, str | None]:
    """Undo gzip/deflate transfer compression, never producing more than `limit` bytes (zip bombs)."""
    encoding = (encoding or "").strip().lower()
    if encoding in {"", "identity"} or not raw:
        return raw, None
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        return raw, f"unsupported content-encoding {encoding}"
    # wbits 47 reads gzip or zlib streams; -15 reads the raw deflate some servers send as "deflate".
    for wbits in (47, -15):
        try:
            d = zlib.decompressobj(wbits)
            out = d.decompress(raw, limit + 1)
        except zlib.error:
            continue
        if len(out) > limit:
            return out[:limit], f"decompressed body exceeds max_bytes {limit}"
        return out, None
    return raw, f"cannot decode content-encoding {encoding}"


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_ok: float = 0.0
    delay: float | None = None  # robots.txt Crawl-delay, when larger than the configured delay


class Fetcher:
    """An HTTP client that waits its turn per host, retries transient failures and checks every redirect."""

    def __init__(
        self,
        config: FetchSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
    ):
        self.config = config or FetchSettings()
        self._sleep = sleep
        self._clock = clock
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self.requests = 0  # HTTP requests actually sent
        self._client = httpx.Client(
            trust_env=False,
            follow_redirects=False,
            transport=transport,
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _host(self, host: str) -> _Host:
        with self._hosts_lock:
            return self._hosts.setdefault(host, _Host())

    def set_host_delay(self, host: str, seconds: float | None) -> None:
        """Use at least `seconds` between requests to `host` (robots.txt Crawl-delay)."""
        self._host(host).delay = seconds

    def host_delay(self, host: str) -> float:
        extra = self._host(host).delay
        return max(self.config.delay, extra or 0.0)

    def _hold_off(self, host: str, seconds: float) -> None:
        state = self._host(host)
        state.next_ok = max(state.next_ok, self._clock() + seconds)

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        may_follow: Callable[[str], str | None] | None = None,
        validators_for: str | None = None,
        config: FetchSettings | None = None,
    ) -> Page:
        """GET `url`, following redirects that `may_follow` accepts (it returns a refusal reason or None).

        Conditional headers (etag, last_modified) go only to the URL they belong to: `validators_for`,
        by default `url` itself (a crawler passes the final URL of a known redirect), so a 304 always
        refers to that one response. Every response along the way is kept in `history` for the archive.
        `config` replaces the fetcher's size cap and deadline for this one fetch (PDF reports get larger ones).
        """
        validators_for = validators_for or url
        history: list[Page] = []
        current = url
        seen = {url}
        attempt = 0
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        while True:
            page = self._request_once(current, conditional if current == validators_for else {}, config or self.config)
            if page.transient and attempt < self.config.retries and not _second_deadline(page, history):
                wait = self._retry_wait(page, attempt)
                if wait is not None:
                    log.info("retrying %s in %.1f s after %s", current, wait, page.error or page.status)
                    self._hold_off(host_key(current), wait)
                    history.append(page)
                    attempt += 1
                    continue
            if page.status in REDIRECT_STATUSES and page.header("location"):
                target = urljoin(page.final_url, page.header("location") or "")
                refusal = None
                if sum(p.status in REDIRECT_STATUSES for p in history) >= self.config.max_redirects:
                    refusal = f"too many redirects (more than {self.config.max_redirects})"
                elif target in seen:
                    refusal = f"redirect loop at {target}"
                elif urlsplit(target).scheme not in {"http", "https"}:
                    refusal = f"redirect to unsupported scheme: {target}"
                elif may_follow is not None:
                    reason = may_follow(target)
                    if reason:
                        refusal = f"redirect not followed: {reason}"
                if refusal:
                    return replace(page, url=url, error=refusal, history=tuple(history))
                history.append(page)
                seen.add(target)
                current = target
                attempt = 0
                continue
            return replace(page, url=url, history=tuple(history))

    def _retry_wait(self, page: Page, attempt: int) -> float | None:
        """Seconds to wait before the next try, or None to give up (the server asked for too long a pause)."""
        backoff = self.config.backoff * (2**attempt)
        if page.status in {429, 503}:
            asked = retry_after_seconds(page.header("retry-after"))
            if asked is not None:
                if asked > self.config.max_retry_after:
                    return None
                return max(asked, backoff if page.status == 503 else 0.0)
        return backoff

    def _request_once(self, url: str, extra_headers: dict[str, str], cfg: FetchSettings) -> Page:
        host = host_key(url)
        state = self._host(host)
        with state.lock:  # one request at a time per host
            wait = state.next_ok - self._clock()
            if wait > 0:
                self._sleep(wait)
            try:
                return self._send(url, extra_headers, cfg)
            finally:
                state.next_ok = max(state.next_ok, self._clock() + self.host_delay(host))

    def _send(self, url: str, extra_headers: dict[str, str], cfg: FetchSettings) -> Page:
        fetched_at = _now()
        timeout = httpx.Timeout(connect=cfg.connect_timeout, read=cfg.read_timeout, write=cfg.read_timeout, pool=cfg.connect_timeout)
        request = self._client.build_request("GET", url, headers=extra_headers, timeout=timeout)
        sent = tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw)
        base = {"url": url, "final_url": url, "fetched_at": fetched_at, "request_headers": sent}
        self.requests += 1
        watchdog = _Watchdog(cfg.max_response_seconds)
        request.extensions["trace"] = watchdog.trace
        try:
            with watchdog:
                return self._receive(request, base, watchdog, cfg)
        finally:
            watchdog.cancel()

    @staticmethod
    def _no_response(exc: Exception, base: dict[str, Any], watchdog: _Watchdog) -> Page:
        """The Page of a request that got no response: over the deadline, timed out, or no connection."""
        if watchdog.expired:
            return Page(status=0, headers=(), body=b"", error=watchdog.message, transient=True, **base)
        if isinstance(exc, httpx.TimeoutException):
            return Page(status=0, headers=(), body=b"", error=f"timeout: {exc or type(exc).__name__}", transient=True, **base)
        transient = isinstance(exc, httpx.TransportError) and not isinstance(exc, httpx.UnsupportedProtocol)
        return Page(status=0, headers=(), body=b"", error=f"connection error: {exc or type(exc).__name__}", transient=transient, **base)

    def _receive(self, request: httpx.Request, base: dict[str, Any], watchdog: _Watchdog, cfg: FetchSettings) -> Page:
        try:
            response = self._client.send(request, stream=True)
        except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            return self._no_response(exc, base, watchdog)
        try:
            headers = tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw)
            chunks: list[bytes] = []
            total = 0
            error = None
            truncated = False
            transient = response.status_code in TRANSIENT_STATUSES
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cfg.max_bytes:
                error = f"response too large: Content-Length {declared} exceeds max_bytes {cfg.max_bytes}"
                truncated = True
            else:
                try:
                    for chunk in response.iter_raw(CHUNK):
                        if watchdog.expired:
                            error, truncated, transient = watchdog.message, True, True
                            break
                        if total + len(chunk) > cfg.max_bytes:
                            chunks.append(chunk[: cfg.max_bytes - total])
                            total = cfg.max_bytes
                            error = f"response too large: aborted after max_bytes {cfg.max_bytes}"
                            truncated = True
                            break
                        chunks.append(chunk)
                        total += len(chunk)
                except httpx.TimeoutException as exc:
                    error, truncated, transient = f"timeout while reading body: {exc}", True, True
                except httpx.TransportError as exc:
                    error, truncated, transient = f"connection broken while reading body: {exc}", True, True
                if watchdog.expired:  # the watchdog cut the connection: say so rather than "connection broken"
                    error, truncated, transient = watchdog.message, True, True
        finally:
            response.close()
        raw = b"".join(chunks)
        body, decode_error = _decode_content(raw, response.headers.get("content-encoding"), cfg.max_bytes)
        if decode_error and not error:
            error = decode_error
        if error is None and response.status_code in TRANSIENT_STATUSES:
            error = f"HTTP {response.status_code}"
        return Page(
            status=response.status_code,
            reason=response.reason_phrase,
            headers=headers,
            body=body,
            raw=raw,
            error=error,
            truncated=truncated,
            transient=transient,
            http_version=response.http_version,
            **base,
        )



def _second_deadline(page: Page, history: list[Page]) -> bool:
    """A response over the deadline is tried once more, not `retries` times: a dripping server stays slow."""
    return is_deadline(page) and any(is_deadline(p) for p in history)


def is_deadline(page: Page) -> bool:
    return (page.error or "").startswith(DEADLINE)


class _Watchdog:
    """Cuts a response's connection once it has taken longer than its total deadline.

    httpx bounds each read, not the whole response. The watchdog learns the connection's socket from
    httpx's trace hook and shuts it down when the deadline passes; the blocked read then fails at once, in
    the headers as in the body. The body loop also checks the clock, for a reused connection whose socket
    the trace hook did not report.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.message = f"{DEADLINE}: response took longer than {seconds:g} s"
        self._started = time.monotonic()
        self._timer: threading.Timer | None = None
        self._socket: Any = None
        self._fired = False
        self._lock = threading.Lock()

    @property
    def expired(self) -> bool:
        return self._fired or time.monotonic() - self._started > self.seconds

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event.endswith("connect_tcp.complete") or event.endswith("start_tls.complete"):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                with self._lock:
                    self._socket = sock

    def __enter__(self) -> _Watchdog:
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _fire(self) -> None:
        import socket

        with self._lock:
            self._fired = True
            sock = self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

"""Serve a folder (and optional dynamic routes) over HTTP on 127.0.0.1 in a thread, with ETag/304 support."""

from __future__ import annotations

import email.utils
import hashlib
import logging
import mimetypes
import posixpath
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

log = logging.getLogger(__name__)

Route = Callable[["SiteHandler"], None]


@dataclass(frozen=True)
class Hit:
    """One request the server answered."""

    path: str  # path and query as requested
    status: int
    headers: dict[str, str]  # request headers, names lower-cased
    at: float = 0.0  # time.monotonic() when the response began


@dataclass
class SiteServer:
    """A running loopback server: its base URL and the requests it has answered so far."""

    root: Path | None
    routes: dict[str, Route]
    host: str = "127.0.0.1"
    port: int = 0
    hits: list[Hit] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def hits_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if urlsplit(h.path).path == path]

    def statuses(self) -> list[int]:
        with self._lock:
            return [h.status for h in self.hits]


class SiteHandler(BaseHTTPRequestHandler):
    """Answers GET from the dynamic routes first, then from files under the root folder."""

    server_version = "biwaq-site/1"
    site: SiteServer  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s %s", self.address_string(), format % args)

    def send_response(self, code: int, message: str | None = None) -> None:
        with self.site._lock:
            self.site.hits.append(Hit(self.path, code, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
        super().send_response(code, message)

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        path = urlsplit(self.path).path
        route = self.site.routes.get(path)
        try:
            if route is not None:
                route(self)
            else:
                self._serve_file(path)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (e.g. it aborted an oversized response): nothing left to do

    def do_HEAD(self) -> None:  # noqa: N802
        self.send_error(405)

    def send_body(self, status: int, body: bytes, content_type: str = "text/html", headers: dict[str, str] | None = None) -> None:
        """Helper for routes: a complete response with Content-Length."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _serve_file(self, path: str) -> None:
        root = self.site.root
        # Portal URLs may carry ";jsessionid=..." path parameters; they never name a different file.
        clean = posixpath.normpath(unquote(path.split(";", 1)[0]))
        if root is None or ".." in clean.split("/"):
            self.send_error(404)
            return
        target = (root / clean.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if root.resolve() not in target.parents or not target.is_file():
            self.send_error(404)
            return
        data = target.read_bytes()
        mtime = target.stat().st_mtime
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        if self._not_modified(etag, mtime):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.end_headers()
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.name == "robots.txt":
            ctype = "text/plain"
        self.send_body(200, data, ctype, {"ETag": etag, "Last-Modified": last_modified})

    def _not_modified(self, etag: str, mtime: float) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:  # RFC 9110 §13.1.3: If-None-Match wins over If-Modified-Since
            return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return int(mtime) <= since
        return False


@contextmanager
def serve(root: str | Path | None = None, routes: dict[str, Route] | None = None, port: int = 0) -> Iterator[SiteServer]:
    """Serve `root` on 127.0.0.1 (a free port unless given) until the block ends.

    >>> with serve("corpus/site") as site:  # doctest: +SKIP
    ...     site.url  # 'http://127.0.0.1:53117'
    """
    site = SiteServer(root=Path(root) if root else None, routes=dict(routes or {}))
    handler = type("BoundSiteHandler", (SiteHandler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.daemon_threads = True
    site.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"site-server-{site.port}", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)

"""Archive every response in WARC files (ISO 28500) and keep the fetch log that lets a rerun resume."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from biwaq_extract import __version__
from biwaq_extract.errors import ArchiveError
from biwaq_extract.crawl.fetch import Page, is_deadline

LOG_NAME = "fetch_log.csv"
WARC_DIR = "warc"
OPEN_MARKER = "warc/OPEN"  # names the WARC file being written; left behind only by a run that died
# The payload is stored de-chunked, so the chunked framing header would misdescribe it.
_DROP_HEADERS = {"transfer-encoding"}


@dataclass(frozen=True)
class LogEntry:
    """One row of the fetch log: the outcome of one fetch (retries and redirects folded in)."""

    url: str
    final_url: str
    status: int
    bytes: int
    sha256: str
    fetched_at: str
    error: str
    kind: str = ""  # robots | listing | article
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    chain: str = ""  # statuses of all responses of this fetch, e.g. "500>200" or "301>200"
    warc_file: str = ""  # relative to the output folder; empty when no response arrived
    warc_offset: int = -1


LOG_COLUMNS = [f.name for f in fields(LogEntry)]


@dataclass(frozen=True)
class Known:
    """What earlier runs learned about a URL: where its last good body is, and its validators."""

    url: str
    body: LogEntry | None  # last 200 response, whose body the WARC holds
    last: LogEntry  # the latest fetch of any outcome
    checked_at: dt.datetime | None  # when it was last seen fine (200 or 304)

    @property
    def etag(self) -> str | None:
        return (self.body.etag if self.body else "") or None

    @property
    def last_modified(self) -> str | None:
        return (self.body.last_modified if self.body else "") or None


def _warc_date(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Archive:
    """Appends responses to rotating gzipped WARC files and rows to fetch_log.csv, flushing each to disk.

    A row is written only after its WARC records are on disk, so the log never points at a record that a
    crash cut short; a rerun reads the log (`known()`) to send conditional requests or skip pages.
    """

    def __init__(self, out_dir: str | Path, *, max_warc_bytes: int = 1_000_000_000, fsync: bool = True):
        self.out_dir = Path(out_dir)
        self.max_warc_bytes = max_warc_bytes
        self.fsync = fsync
        try:
            (self.out_dir / WARC_DIR).mkdir(parents=True, exist_ok=True)
            new_log = not (self.out_dir / LOG_NAME).exists()
            self._log = open(self.out_dir / LOG_NAME, "a", newline="", encoding="utf-8")
        except OSError as exc:
            raise ArchiveError(f"cannot write the archive under {self.out_dir}: {exc}") from exc
        self._csv = csv.DictWriter(self._log, fieldnames=LOG_COLUMNS)
        if new_log:
            self._csv.writeheader()
            self._log.flush()
        self._warc: io.BufferedWriter | None = None
        self._warc_name = ""
        self._writer: WARCWriter | None = None
        self._serial = 0
        self._stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
        self.records_written = 0
        self.repaired: str | None = None
        marker = self.out_dir / OPEN_MARKER
        if marker.exists():
            self.repaired = marker.read_text("utf-8").strip()
            repair_warc(self.out_dir, self.repaired)
            marker.unlink()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._warc:
            self._warc.close()
            self._warc = None
            (self.out_dir / OPEN_MARKER).unlink(missing_ok=True)
        if not self._log.closed:
            self._log.close()

    # --- writing -------------------------------------------------------------------------------------

    def _open_warc(self) -> None:
        if self._warc:
            self._warc.close()
        while True:
            name = f"{WARC_DIR}/biwaq-{self._stamp}-{os.getpid()}-{self._serial:05d}.warc.gz"
            self._serial += 1
            if not (self.out_dir / name).exists():
                break
        self._warc = open(self.out_dir / name, "wb")
        self._warc_name = name
        (self.out_dir / OPEN_MARKER).write_text(name, "utf-8")
        self._writer = WARCWriter(self._warc, gzip=True, warc_version="1.1")
        info = self._writer.create_warcinfo_record(
            Path(name).name,
            {
                "software": f"biwaq-extract/{__version__} (warcio)",
                "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                "robots": "obey",
            },
        )
        self._writer.write_record(info)
        self._sync()

    def _sync(self) -> None:
        assert self._warc is not None
        self._warc.flush()
        if self.fsync:
            os.fsync(self._warc.fileno())

    def _write_exchange(self, page: Page) -> int:
        """Write the request and response records of one HTTP exchange; return the response's offset."""
        if self._warc is None or self._warc.tell() >= self.max_warc_bytes:
            self._open_warc()
        assert self._writer is not None and self._warc is not None
        date = _warc_date(page.fetched_at)
        parts = urlsplit(page.final_url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_headers = StatusAndHeaders(f"GET {target} HTTP/1.1", list(page.request_headers), is_http_request=True)
        request = self._writer.create_warc_record(
            page.final_url, "request", payload=io.BytesIO(b""), length=0,
            http_headers=req_headers, warc_headers_dict={"WARC-Date": date},
        )
        headers = [(k, v) for k, v in page.headers if k.lower() not in _DROP_HEADERS]
        status_line = f"{page.status} {page.reason or ''}".strip()
        extra = {"WARC-Date": date}
        if page.truncated:
            # WARC 1.1 names the cause: "time" for a response cut at its deadline, "length" for the size cap
            extra["WARC-Truncated"] = "time" if is_deadline(page) else "length"
        response = self._writer.create_warc_record(
            page.final_url, "response", payload=io.BytesIO(page.raw), length=len(page.raw),
            http_headers=StatusAndHeaders(status_line, headers, protocol=page.http_version or "HTTP/1.1"),
            warc_headers_dict=extra,
        )
        offset = self._warc.tell()
        self._writer.write_record(response)
        self._writer.write_record(request)  # after the response, so the offset points at the response
        self.records_written += 2
        return offset

    def record(self, page: Page, kind: str = "") -> LogEntry:
        """Archive every response of `page` (retries, redirect hops, final) and log the fetch's outcome."""
        offset = -1
        warc_file = ""
        try:
            for earlier in page.history:
                self._write_exchange(earlier)
            if page.status:  # status 0: no response arrived, nothing to archive but the log row
                offset = self._write_exchange(page)
                warc_file = self._warc_name
                self._sync()
        except OSError as exc:
            raise ArchiveError(f"cannot write WARC record for {page.url}: {exc}") from exc
        entry = LogEntry(
            url=page.url,
            final_url=page.final_url,
            status=page.status,
            bytes=len(page.raw),
            sha256=hashlib.sha256(page.body).hexdigest() if page.status else "",
            fetched_at=page.fetched_at.isoformat(),
            error=page.error or "",
            kind=kind,
            etag=page.header("etag") or "",
            last_modified=page.header("last-modified") or "",
            content_type=page.content_type,
            chain=">".join(str(p.status) for p in (*page.history, page)),
            warc_file=warc_file,
            warc_offset=offset,
        )
        self._csv.writerow({k: getattr(entry, k) for k in LOG_COLUMNS})
        self._log.flush()
        if self.fsync:
            os.fsync(self._log.fileno())
        return entry

    # --- reading -------------------------------------------------------------------------------------

    def known(self, url_map: Callable[[str], str] | None = None) -> dict[str, Known]:
        """What the fetch log says about each URL, for conditional requests and resuming (see `read_known`)."""
        return read_known(self.out_dir, url_map)

    def load(self, entry: LogEntry) -> tuple[tuple[tuple[str, str], ...], bytes]:
        """Headers and decoded body of the response a log row points at."""
        return load_response(self.out_dir, entry)


def read_log(out_dir: str | Path) -> list[LogEntry]:
    """All rows of the fetch log, oldest first; a row cut short by a crash is skipped."""
    path = Path(out_dir) / LOG_NAME
    if not path.exists():
        return []
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for raw in csv.DictReader(fh):
            try:
                rows.append(
                    LogEntry(**{**raw, "status": int(raw["status"]), "bytes": int(raw["bytes"]), "warc_offset": int(raw["warc_offset"])})
                )
            except (TypeError, ValueError, KeyError):
                continue
    return rows


def read_known(out_dir: str | Path, url_map: Callable[[str], str] | None = None) -> dict[str, Known]:
    """The latest outcome and last good body of each logged URL; `url_map` rewrites the logged URLs first
    (a local mirror served on a new port each run is still the same site)."""
    known: dict[str, Known] = {}
    for row in read_log(out_dir):
        if url_map is not None:
            row = replace(row, url=url_map(row.url), final_url=url_map(row.final_url))
        prev = known.get(row.url)
        body = prev.body if prev else None
        checked = prev.checked_at if prev else None
        if row.status == 200 and not row.error and row.warc_file:
            body = row
        if row.status in {200, 304} and not row.error:
            checked = dt.datetime.fromisoformat(row.fetched_at)
        known[row.url] = Known(url=row.url, body=body, last=row, checked_at=checked)
    return known


def load_response(out_dir: str | Path, entry: LogEntry) -> tuple[tuple[tuple[str, str], ...], bytes]:
    """Read one archived response back (headers, body with transfer and content encodings undone)."""
    path = Path(out_dir) / entry.warc_file
    try:
        with open(path, "rb") as fh:
            fh.seek(entry.warc_offset)
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    break
                headers = tuple(record.http_headers.headers) if record.http_headers else ()
                return headers, record.content_stream().read()
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"cannot read archived response for {entry.url} from {path}: {exc}") from exc
    raise ArchiveError(f"no response record at offset {entry.warc_offset} of {path}")


def repair_warc(out_dir: str | Path, name: str) -> int:
    """Cut a WARC file left by a dead run back to its last logged exchange; return the bytes removed.

    The fetch log is written only after an exchange's records are on disk, so everything up to the end of
    the last logged exchange (its response, then its request record) is whole; anything after it is a
    fetch that never finished and will simply be fetched again.
    """
    path = Path(out_dir) / name
    if not path.is_file():
        return 0
    logged = [r.warc_offset for r in read_log(out_dir) if r.warc_file == name and r.warc_offset >= 0]
    start, keep = (max(logged), 2) if logged else (0, 1)  # response + request, or just the warcinfo
    end = start
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            iterator = ArchiveIterator(fh)
            for n, record in enumerate(iterator, start=1):
                record.content_stream().read()
                end = iterator.get_record_offset() + iterator.get_record_length()
                if n == keep:
                    break
    except Exception as exc:  # noqa: BLE001 - warcio raises various errors on a torn record
        raise ArchiveError(f"cannot repair {path}: {exc}") from exc
    size = path.stat().st_size
    if size > end:
        with open(path, "r+b") as fh:
            fh.truncate(end)
    return size - end


def iter_responses(out_dir: str | Path):
    """Every response record in the WARC files under `out_dir`: (target URI, HTTP status, WARC record)."""
    for path in sorted((Path(out_dir) / WARC_DIR).glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    status = int(record.http_headers.get_statuscode()) if record.http_headers else 0
                    yield record.rec_headers.get_header("WARC-Target-URI"), status, record

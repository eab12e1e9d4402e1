"""robots.txt rules for one host (RFC 9309, parsed by protego): may we fetch a URL, and how long to wait."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

# RFC 9309 §2.5: crawlers must parse at least 500 KiB; anything beyond is ignored.
MAX_ROBOTS_BYTES = 500 * 1024


def robots_url(url: str) -> str:
    """The robots.txt address that governs `url`."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


@dataclass(frozen=True)
class RobotsRules:
    """What one host's robots.txt allows; `verdict` tells how the rules were obtained."""

    text: str = ""
    verdict: str = "parsed"  # parsed | allow_all (4xx, RFC 9309 §2.3.1.3) | disallow_all (5xx/unreachable)
    _parsed: Protego | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_response(cls, status: int, body: bytes) -> RobotsRules:
        """Rules from a robots.txt fetch: 2xx is parsed, 4xx allows all, 5xx or no answer disallows all."""
        if 200 <= status < 300:
            text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
            return cls(text=text, verdict="parsed", _parsed=Protego.parse(text))
        if 400 <= status < 500:
            return cls(verdict="allow_all")
        # The server is in trouble or unreachable: RFC 9309 §2.3.1.4 says assume complete disallow.
        return cls(verdict="disallow_all")

    @classmethod
    def allow_all(cls) -> RobotsRules:
        return cls(verdict="allow_all")

    def allowed(self, url: str, user_agent: str) -> bool:
        """May `user_agent` fetch `url`? robots.txt itself is always allowed."""
        if urlsplit(url).path == "/robots.txt" or self.verdict == "allow_all":
            return True
        if self.verdict == "disallow_all" or self._parsed is None:
            return False
        return self._parsed.can_fetch(url, user_agent)

    def crawl_delay(self, user_agent: str) -> float | None:
        """Seconds the host asks between requests (Crawl-delay, or 1/Request-rate), if it says so."""
        if self._parsed is None:
            return None
        delay = self._parsed.crawl_delay(user_agent)
        if delay is not None:
            return float(delay)
        rate = self._parsed.request_rate(user_agent)
        if rate is not None and rate.requests:
            return rate.seconds / rate.requests
        return None

"""Before a run: is the configured Prefect API reachable? Fail at once with what to do, not mid-run."""

from __future__ import annotations

import httpx

from biwaq_extract.errors import BiwaqError


class PrefectUnavailable(BiwaqError):
    """The Prefect API named by PREFECT_API_URL does not answer; nothing was crawled or written."""


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile; None means a temporary local server."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or None


def check_api(url: str | None = None, timeout: float = 5.0) -> str | None:
    """Raise PrefectUnavailable when the API at `url` (default: the configured one) does not answer /health.

    Returns the URL checked, or None when no API is configured (Prefect then starts a temporary server
    on 127.0.0.1 for the run, which needs no check). One plain GET with a short timeout: the Prefect
    client would retry with backoff for a minute before giving up, which reads as a hang.
    """
    url = url or configured_api_url()
    if not url:
        return None
    from prefect.settings import get_current_settings

    key = get_current_settings().api.key
    headers = {"Authorization": f"Bearer {key.get_secret_value()}"} if key else {}
    # A loopback API is never reached through a proxy from the environment.
    loopback = httpx.URL(url).host in {"127.0.0.1", "localhost", "::1"}
    try:
        response = httpx.get(url.rstrip("/") + "/health", headers=headers, timeout=timeout, trust_env=not loopback)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise PrefectUnavailable(
            f"the Prefect API at {url} is unreachable ({type(exc).__name__}: {exc or 'no answer'}). "
            "Start it (`prefect server start`), or unset PREFECT_API_URL to run against a temporary local "
            "server, or run without Prefect (`biwaq run --no-prefect`). Nothing was crawled or written; "
            "rerun when the API is back."
        ) from None
    return url

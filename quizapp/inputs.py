"""Reading numbers and addresses out of what a browser sent, the one way every view does.

Anything a client sends may be crafted: `"²".isdigit()` is true and `int("²")` fails,
`int()` of 5,000 digits fails, an id past the database's integer range fails in the
driver, and a newline in a redirect target fails in the response headers. Each of those
was a 500; here they are "not a number" or "not a place on this site", which the view
answers with 400 or 404."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# The widest integer column: ids and counters are INTEGER, 32-bit on PostgreSQL.
INT32_MAX = 2**31 - 1

_ASCII_DIGITS = re.compile(r"[0-9]{1,10}")
# Control characters (CR and LF among them) and the backslash, which browsers read as a
# slash, so "/\evil.example" would leave the site.
_UNSAFE_IN_PATH = re.compile(r"[\x00-\x1f\x7f\\]")
MAX_NEXT = 2000


def parse_int(raw: str | None, maximum: int = INT32_MAX) -> int | None:
    """A whole number from 0 to `maximum` written in ASCII digits, else None."""
    if raw is None or not _ASCII_DIGITS.fullmatch(raw):
        return None
    value = int(raw)
    return value if value <= maximum else None


def safe_next(target: str | None, fallback: str) -> str:
    """`target` if it is a path on this site that is safe to redirect to, else `fallback`.
    Only same-site paths: an open redirect would let a link log people into a lookalike."""
    if (
        not target
        or len(target) > MAX_NEXT
        or not target.startswith("/")
        or target.startswith("//")
        or _UNSAFE_IN_PATH.search(target)
    ):
        return fallback
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else fallback

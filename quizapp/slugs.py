"""ASCII id parts made from Dutch text: pack ids, question ids, GIFT names."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str, *, empty: str = "x") -> str:
    """ransomware-aanval, oekraine, rode-lijnen; `empty` when nothing ASCII is left.
    NFKD spells the Dutch ĳ as "ij" and drops accents."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or empty

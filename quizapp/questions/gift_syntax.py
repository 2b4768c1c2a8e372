"""The text level of Moodle GIFT, shared by the GIFT converter and the question types.

Escaped characters become private-use placeholders while the structure is parsed
(`protect`), so an escaped `=` or `}` can never be mistaken for syntax; they are restored
in every piece (`restore`, `plain`). Writing escapes every mark (`escape`).
"""

from __future__ import annotations

import html
import re

_ESCAPES = {"\\\\": "\\", "\\:": ":", "\\#": "#", "\\=": "=", "\\{": "{", "\\}": "}", "\\~": "~"}
_PLACEHOLDER = {escape: chr(0xE000 + n) for n, escape in enumerate(_ESCAPES)}
_NEWLINE_ESCAPE = "\\n"
_RESTORE = {chr(0xE000 + n): char for n, char in enumerate(_ESCAPES.values())}
WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d*)?)%")
_FORMAT_TAG = re.compile(r"^\[(html|moodle|plain|markdown)\]")


def protect(text: str) -> str:
    result = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _PLACEHOLDER:
            result.append(_PLACEHOLDER[pair])
            i += 2
        elif pair == _NEWLINE_ESCAPE:
            result.append("\n")
            i += 2
        else:
            result.append(text[i])
            i += 1
    return "".join(result)


def restore(text: str) -> str:
    return "".join(_RESTORE.get(char, char) for char in text)


def _strip_tags(text: str) -> str:
    """What re.sub(r"<[^>]*>", "", text) gives, in one pass: that regex looks for a `>` from
    every `<`, so a flood of `<` with no `>` after them took quadratic time."""
    kept = []
    start = 0
    while (opening := text.find("<", start)) != -1:
        closing = text.find(">", opening)
        if closing == -1:  # no `>` anywhere after: no tag can start here or later
            break
        kept.append(text[start:opening])
        start = closing + 1
    kept.append(text[start:])
    return "".join(kept)


def plain(text: str, default_format: str = "moodle") -> tuple[str, str, bool]:
    """(plain text, its format, whether HTML markup was removed)."""
    text = text.strip()
    found = _FORMAT_TAG.match(text)
    text_format = default_format
    if found:
        text_format = found.group(1)
        text = text[found.end() :]
    text = restore(text).strip()
    stripped = False
    if text_format == "html" and ("<" in text or "&" in text):
        cleaned = re.sub(r"(?i)<br\s*/?>|</p>", "\n", text)
        cleaned = html.unescape(_strip_tags(cleaned))
        cleaned = "\n".join(line.strip() for line in cleaned.splitlines()).strip()
        stripped = cleaned != text
        text = cleaned
    return text, text_format, stripped


def escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "#=~{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def weight(percent: float) -> str:
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def answer_block(lines: list[str], explanation: str | None) -> str:
    body = "".join(f"\t{line}\n" for line in lines)
    if explanation:
        body += f"\t####{escape(explanation)}\n"
    return "{\n" + body + "}"

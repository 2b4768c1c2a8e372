"""What goes out gzipped, and a gzip stream stitched from parts compressed at different times.

Pages go out gzipped to browsers that accept it: a glossed article is some 250 KB of HTML
and under 30 KB gzipped, which a classroom of phones on one wifi notices more than the
server does. (BREACH guesses a secret repeated across many responses from their size, next
to text the attacker chose. The CSRF token is signed with the time, so it changes every
second.)

The reading page's article is the same for every reader at a level, so it is compressed
once, when it is cached (quizapp.reading.page); only the page around it is compressed per
request. Each part is a raw deflate stream of its own that ends on a byte boundary (a sync
flush), so the parts can follow one another inside one gzip member: a part's
back-references only reach into its own text, which the decoder has just written.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from flask import Response, request

COMPRESSED_TYPES = frozenset({"text/html", "application/json"})
MIN_COMPRESSED_SIZE = 1400  # smaller answers fit in one packet anyway
# Per request, level 1 costs a third of level 6's time for 20% more bytes; what is
# compressed once can afford the best.
PER_REQUEST_LEVEL = 1
ONCE_LEVEL = 9
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time


def accepts_gzip() -> bool:
    return request.accept_encodings.quality("gzip") > 0


def compress_response(response: Response) -> Response:
    """after_request: gzip a page or JSON answer for a browser that asks, once."""
    if (
        response.status_code != 200
        or response.direct_passthrough
        or response.is_streamed
        or "Content-Encoding" in response.headers
        or response.mimetype not in COMPRESSED_TYPES
    ):
        return response
    response.vary.add("Accept-Encoding")
    if accepts_gzip() and (response.content_length or 0) >= MIN_COMPRESSED_SIZE:
        data = gzip.compress(response.get_data(), compresslevel=PER_REQUEST_LEVEL, mtime=0)
        response.set_data(data)
        response.headers["Content-Encoding"] = "gzip"
    return response


@dataclass(frozen=True, slots=True)
class Deflated:
    """A text and its raw deflate stream, ending on a byte boundary so more may follow."""

    plain: bytes
    deflated: bytes

    @classmethod
    def of(cls, plain: bytes, level: int = PER_REQUEST_LEVEL) -> Deflated:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
        return cls(plain, compressor.compress(plain) + compressor.flush(zlib.Z_SYNC_FLUSH))


_LAST_BLOCK = b"\x03\x00"  # an empty final block with fixed codes: "the stream ends here"


def gzip_join(parts: Sequence[Deflated]) -> bytes:
    """One gzip member whose content is the parts' plain texts, one after the other."""
    crc, size = 0, 0
    for part in parts:
        crc = zlib.crc32(part.plain, crc)
        size += len(part.plain)
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return b"".join([_GZIP_HEADER, *(part.deflated for part in parts), _LAST_BLOCK, trailer])


def joined_response(parts: Sequence[str | Deflated]) -> Response:
    """A page made of parts rendered for this request (str) and parts kept deflated (a
    cached article): gzipped by compressing only the former, for a browser that asks."""
    if not accepts_gzip():
        return Response(
            b"".join(part.plain if isinstance(part, Deflated) else part.encode() for part in parts)
        )
    deflated = [
        part if isinstance(part, Deflated) else Deflated.of(part.encode()) for part in parts
    ]
    response = Response(gzip_join(deflated))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response

"""Static files served cheaply: fingerprinted names, cached for a year, gzipped once.

`url_for('static', filename='css/app.css')` gives `/static/css/app.<hash>.css`. A
fingerprinted URL never changes content, so browsers may keep it a year and never ask
again; a new version of the file gets a new name. Each file is read and compressed once per
process (again only when its modification time changes)."""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, abort, request
from werkzeug.security import safe_join

from quizapp.web.compression import accepts_gzip

FINGERPRINTED = re.compile(r"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{10})(?P<suffix>\.[A-Za-z0-9]+)$")
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
ONE_YEAR = 365 * 24 * 3600


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    digest: str
    mimetype: str
    mtime: float


class StaticFiles:
    def __init__(self, folder: str, watch: bool = False) -> None:
        self.folder = folder
        self._assets: dict[str, Asset] = {}
        # Fingerprinted names, worked out once: a page links a few files on every request,
        # and a deployed app's files change only with a new version (and a restart).
        # `watch` (debug mode) looks at the file again each time instead.
        self._names: dict[str, str] = {}
        self._watch = watch

    def get(self, filename: str) -> Asset | None:
        path = safe_join(self.folder, filename)
        if path is None:
            return None
        try:
            mtime = Path(path).stat().st_mtime
        except OSError:
            return None
        cached = self._assets.get(filename)
        if cached is not None and cached.mtime == mtime:
            return cached
        if not Path(path).is_file():
            return None
        body = Path(path).read_bytes()
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        compress = mimetype.startswith(COMPRESSIBLE) and len(body) > 512
        asset = Asset(
            body=body,
            gzipped=gzip.compress(body, 9, mtime=0) if compress else None,
            digest=hashlib.sha256(body).hexdigest()[:10],
            mimetype=mimetype,
            mtime=mtime,
        )
        self._assets[filename] = asset
        return asset

    def fingerprinted(self, filename: str) -> str:
        name = self._names.get(filename)
        if name is not None and not self._watch:
            return name
        asset = self.get(filename)
        if asset is None:
            return filename
        stem, dot, suffix = filename.rpartition(".")
        name = self._names[filename] = f"{stem}.{asset.digest}.{suffix}" if dot else filename
        return name

    def response(self, filename: str) -> Response:
        immutable = False
        asset = self.get(filename)
        match = FINGERPRINTED.match(filename)
        if asset is None and match:
            asset = self.get(match["stem"] + match["suffix"])
            immutable = asset is not None and asset.digest == match["digest"]
        if asset is None:
            abort(404)
        body, encoding = asset.body, None
        if asset.gzipped is not None and accepts_gzip():
            body, encoding = asset.gzipped, "gzip"
        response = Response(body, mimetype=asset.mimetype)
        response.vary.add("Accept-Encoding")
        if encoding:
            response.headers["Content-Encoding"] = encoding
        response.set_etag(asset.digest + ("-gz" if encoding else ""))
        if immutable:
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
        else:
            response.cache_control.no_cache = True  # revalidate: the ETag makes that cheap
        return response.make_conditional(request)


def init_app(app: Flask) -> None:
    files = StaticFiles(app.static_folder, watch=app.debug)
    app.view_functions["static"] = files.response

    @app.url_defaults
    def _fingerprint(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values:
            values["filename"] = files.fingerprinted(values["filename"])

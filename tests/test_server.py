"""`quizapp serve` keeps answering while clients stall halfway through a request, and
refuses bodies over the limit however they are sent."""

from __future__ import annotations

import socket
import time

import pytest

from tests.server import running_server

STALLED_LOGIN = (
    b"POST /auth/login HTTP/1.1\r\nHost: localhost\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
    b"username=a"  # 10 of the 100,000 bytes promised, then nothing
)
# Generous: a server that makes a page wait for the stalled clients fails here, long
# before its own 60 s worker timeout would set it free.
PATIENCE = 30


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    (folder / "packs").mkdir()
    with running_server(folder, folder / "packs") as served:
        yield served


def _connect(server) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=PATIENCE)


def _status(sock: socket.socket) -> bytes:
    return sock.recv(64).split(b"\r\n")[0]


def _still_waiting(sock: socket.socket) -> bool:
    """Neither answered nor closed: the server is still waiting for the body."""
    sock.setblocking(False)
    try:
        sock.recv(1)
    except BlockingIOError:
        return True
    finally:
        sock.settimeout(PATIENCE)
    return False


def test_two_stalled_clients_do_not_hold_up_a_third(server, capsys):
    stalled = [_connect(server) for _ in range(2)]
    for sock in stalled:
        sock.sendall(STALLED_LOGIN)
    with _connect(server) as page:
        started = time.monotonic()
        page.sendall(b"GET /about HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        assert _status(page) == b"HTTP/1.1 200 OK"
        waited = time.monotonic() - started
    assert all(_still_waiting(sock) for sock in stalled)
    with capsys.disabled():
        print(f"\n--- a page beside two stalled clients: answered in {waited:.3f} s")
    # And the stalled clients are given up on rather than kept for good.
    for sock in stalled:
        with sock:
            assert _status(sock) == b"HTTP/1.1 408 REQUEST TIMEOUT"


def test_a_chunked_body_over_the_limit_is_refused_as_too_large(server):
    chunk = b"a" * 65536
    with _connect(server) as sock:
        sock.sendall(
            b"POST /auth/login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n\r\n"
        )
        for _ in range(40):  # 2.5 MB, over the 2 MB MAX_CONTENT_LENGTH
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        sock.sendall(b"0\r\n\r\n")
        assert _status(sock) == b"HTTP/1.1 413 REQUEST ENTITY TOO LARGE"


def test_a_malformed_chunked_body_is_a_bad_request(server):
    with _connect(server) as sock:
        sock.sendall(
            b"POST /auth/login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nusername=a\r\n"
        )
        assert _status(sock).startswith(b"HTTP/1.1 400")

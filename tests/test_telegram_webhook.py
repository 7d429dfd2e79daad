"""Webhook mode as the internet would probe it: raw HTTP at the bot's own endpoint."""
from __future__ import annotations

import json
import socket
import time

import pytest

from fake_bot_api import FakeBotApi
from test_telegram import _free_port, last, running_bot

SECRET = "s3cret-Token"


@pytest.fixture
def hook(api, tmp_path):
    """A bot in webhook mode, listening on the default address; yields (host, port)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hook"
    with running_bot(api, tmp_path, "--webhook-url", url, "--port", str(port),
                     TELEGRAM_WEBHOOK_SECRET=SECRET) as bot:
        api.wait_for(lambda: api.webhook and api.webhook.get("url") == url, timeout=30)
        yield ("127.0.0.1", port)
    assert "Traceback" not in bot.stderr and SECRET not in bot.stderr


def exchange(address, head: str, body: bytes = b"", timeout: float = 15) -> bytes:
    """Send a request (perhaps without its whole body) and read until the server closes."""
    with socket.create_connection(address, timeout=timeout) as s:
        s.sendall(head.encode("latin-1") + b"\r\n" + body)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer and b"Connection: close" not in answer \
                    and b"connection: close" not in answer.lower():
                break
        return answer


def request(path: str = "/hook", secret: str = SECRET, length: int | None = None,
            content_type: str = "application/json", body: bytes = b"") -> str:
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n"
            f"Content-Length: {len(body) if length is None else length}\r\n"
            "Connection: close\r\n")


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def test_updates_arrive_by_webhook(api, hook):
    api.send_text(30_001, "tokaev")
    assert "2024" in last(api, 30_001).plain_text
    api.wait_for(lambda: api.pending_updates() == 0, timeout=15)


def test_a_wrong_secret_is_refused_before_the_body_is_read(hook):
    # Announces 10 MB and sends none of it: only a server that decides on the headers
    # alone answers at all.
    answer = exchange(hook, request(secret="wrong", length=10_000_000))
    assert status(answer) == 403


def test_a_body_over_the_limit_is_refused(hook):
    assert status(exchange(hook, request(length=2_000_000))) == 413


def test_malformed_json_is_a_400(hook):
    for body in (b"{not json", b"[1, 2]", json.dumps({"message": {}}).encode()):
        answer = exchange(hook, request(body=body), body)
        assert status(answer) == 400, body


def test_only_json_is_accepted(hook):
    body = b"update_id=1"
    answer = exchange(hook, request(content_type="application/x-www-form-urlencoded",
                                    body=body), body)
    assert status(answer) == 415


def test_a_connection_that_sends_no_headers_is_closed(hook):
    with socket.create_connection(hook, timeout=30) as s:
        s.sendall(b"POST /hook HTTP/1.1\r\nHost: x\r\n")  # and then nothing
        started = time.monotonic()
        assert s.recv(1024) == b""  # closed by the server (a timeout here raises)
    assert time.monotonic() - started < 30


def test_listens_only_on_the_loopback_by_default(hook):
    outside = _outside_address()
    if outside is None:
        pytest.skip("this machine has no address besides the loopback")
    with pytest.raises(OSError):
        socket.create_connection((outside, hook[1]), timeout=5).close()


def _outside_address() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # no packet is sent for UDP connect
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_kill_9_in_webhook_mode_loses_nothing(tmp_path):
    """Updates acknowledged with 200 are stored: after a kill -9 and a start, all answered."""
    from test_telegram_durability import IN_FLIGHT, answered, burst
    chats = list(range(31_001, 31_051))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hook"
    args = ("--webhook-url", url, "--port", str(port))
    with FakeBotApi(latency=0.02) as api:
        with running_bot(api, tmp_path, *args, TELEGRAM_WEBHOOK_SECRET=SECRET) as bot:
            api.wait_for(lambda: api.webhook and api.webhook.get("url") == url, timeout=30)
            burst(api, chats)
            api.wait_for(lambda: len(api.sent_messages()) >= 25, timeout=60)
            bot.kill()
        assert answered(api, chats)["never"] > 0
        with running_bot(api, tmp_path, *args, TELEGRAM_WEBHOOK_SECRET=SECRET):
            api.wait_for(lambda: answered(api, chats)["never"] == 0, timeout=60)
            time.sleep(1)
        after = answered(api, chats)
    assert after["never"] == 0 and after["once"] + after["twice or more"] == 100
    assert after["twice or more"] <= IN_FLIGHT


def test_a_port_in_use_is_a_clear_error(api, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with running_bot(api, tmp_path, "--webhook-url", f"http://127.0.0.1:{port}/hook",
                         "--port", str(port), wait_ready=False,
                         TELEGRAM_WEBHOOK_SECRET=SECRET) as bot:
            assert bot.process.wait(timeout=30) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in bot.stderr
    assert "Traceback" not in bot.stderr

"""The webhook endpoint: Telegram POSTs each update here; it is stored, then acknowledged.

Hardened for an endpoint reachable from the internet (normally behind a reverse proxy):
the secret header is checked as soon as the headers are in, before any of the body is
read; a body may be at most MAX_BODY bytes (an update is a few KB); a connection that
sends its headers or body too slowly is closed; anything but a JSON object with an
update_id is answered 400. 200 is sent only once the update is stored durably, so an
update Telegram was told it delivered is never lost; an error storing it answers 500 and
Telegram sends it again.
"""
from __future__ import annotations

import hmac
import json
import logging
from typing import Any

import tornado.web
from tornado.httpserver import HTTPServer

from .receiving import Inbox

log = logging.getLogger(__name__)

#: Largest body accepted, in bytes. Telegram's updates are far smaller.
MAX_BODY = 1 << 20
#: Seconds allowed for a request's headers (and for an idle kept-alive connection), and
#: for its body.
HEADER_TIMEOUT, BODY_TIMEOUT = 10.0, 10.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """POST one update."""

    def initialize(self, inbox: Inbox, secret: str) -> None:  # noqa: D102 - tornado's hook
        self.inbox, self.secret = inbox, secret
        self.chunks: list[bytes] = []

    def prepare(self) -> None:
        """Runs after the headers, before the body: refuse here what needs no body."""
        if self.request.method != "POST":
            raise tornado.web.HTTPError(405)
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.info("Webhook: refused a request without the right secret from %s",
                     self.request.remote_ip)
            self._refuse(403)
            return
        mime = self.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if mime != "application/json":
            self._refuse(415)
            return
        length = self.request.headers.get("Content-Length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            self._refuse(413)  # a body sent in chunks is cut off at MAX_BODY by the server

    def _refuse(self, status: int) -> None:
        self.set_status(status)
        self.set_header("Connection", "close")
        self.finish()
        # Do not read (or wait for) a body we will not use.
        self.request.connection.close()  # type: ignore[union-attr]

    def data_received(self, chunk: bytes) -> None:
        self.chunks.append(chunk)

    def post(self) -> None:
        try:
            update = json.loads(b"".join(self.chunks))
        except ValueError:
            update = None
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            self.set_status(400)
            self.finish("expected a JSON object with an update_id")
            return
        try:
            self.inbox.add([update])
        except Exception as exc:  # noqa: BLE001 - Telegram retries a 5xx
            log.error("Webhook: could not store update %s (%s)", update.get("update_id"), exc)
            self.set_status(500)
            self.finish()
            return
        self.finish()

    def get(self) -> None:
        raise tornado.web.HTTPError(405)

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        """HTTPErrors are expected; anything else is logged without tornado's traceback
        of the request (which would include the secret header)."""
        if not isinstance(value, tornado.web.HTTPError):
            log.error("Webhook: %s while handling a request", typ.__name__)


def start_server(inbox: Inbox, secret: str, path: str, listen: str, port: int) -> HTTPServer:
    """Serve POST /path on listen:port; the caller stops it with `server.stop()`."""
    app = tornado.web.Application([(f"/{path.lstrip('/')}", UpdateHandler,
                                    {"inbox": inbox, "secret": secret})])
    server = HTTPServer(app, xheaders=True, max_body_size=MAX_BODY,
                        idle_connection_timeout=HEADER_TIMEOUT, body_timeout=BODY_TIMEOUT,
                        max_header_size=16 * 1024)
    server.listen(port, address=listen)
    return server

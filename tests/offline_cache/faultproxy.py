"""A small fault-injecting TCP proxy on loopback: latency, bandwidth cap, and broken links.

Why our own: `netem` is not in this kernel and Toxiproxy is not packaged. The link model is a
serial line: a chunk entering at t leaves the sender side at max(t, line free) + size/rate
and arrives `latency` later; the reader stops reading while more than `buffer` bytes are in
flight, so back-pressure reaches the sender as on a real slow link.

Faults apply to whole connections, in order: `plan` is a list consumed one entry per new
connection (then "pass"). Modes:

- "pass": forward both ways (shaped; `bandwidth_down` shapes answers alone);
- "refuse": close at once, before reading anything;
- "reset": read the start of the request, then close with RST;
- "stall_close": read the request, send nothing for `stall` seconds, then close;
- "cut_up": forward only the first `cut_after` request bytes to the hub, then close both;
- "cut_down": forward only the first `cut_after` answer bytes to the kiosk, then close both;
- "drop_answer": forward the request; when the hub answers (it has stored), close without
  passing a byte on: the answer is lost after the work was done.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass


@dataclass
class Fault:
    mode: str = "pass"
    cut_after: int = 0
    stall: float = 1.0


class _Pipe:
    """One direction of one connection, shaped by the proxy's link model."""

    def __init__(self, proxy: FaultProxy, direction: str, source: socket.socket,
                 sink: socket.socket, limit: int | None, on_first_byte=None) -> None:
        self.proxy, self.direction, self.source, self.sink = proxy, direction, source, sink
        self.limit, self.on_first_byte = limit, on_first_byte
        self.queue: deque[tuple[float, bytes]] = deque()
        self.in_flight = 0
        self.closed = False
        self.cond = threading.Condition()
        # A userspace proxy accepts at once; charge the TCP handshake's round trip here so a
        # new connection costs what it costs on the emulated link.
        self.line_free = time.monotonic() + (2 * proxy.latency if direction == "up" else 0.0)

    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._read, daemon=True),
                   threading.Thread(target=self._write, daemon=True)]
        for thread in threads:
            thread.start()
        return threads

    def _read(self) -> None:
        passed = 0
        try:
            while True:
                data = self.source.recv(4096)
                if not data:
                    break
                if self.on_first_byte is not None:
                    self.on_first_byte()
                    return
                if self.limit is not None:
                    data = data[: max(0, self.limit - passed)]
                passed += len(data)
                rate = self.proxy.rate(self.direction)
                step = 512 if not rate else max(8, min(512, int(rate / 20)))
                for start in range(0, len(data), step):
                    self._enqueue(data[start:start + step])
                if self.limit is not None and passed >= self.limit:
                    break
        except OSError:
            pass
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()

    def _enqueue(self, piece: bytes) -> None:
        rate, latency = self.proxy.rate(self.direction), self.proxy.latency
        with self.cond:
            while self.in_flight > self.proxy.buffer and not self.proxy.stopping:
                self.cond.wait(0.05)
            now = time.monotonic()
            start = max(now, self.line_free)
            self.line_free = start + (len(piece) / rate if rate else 0.0)
            self.queue.append((self.line_free + latency, piece))
            self.in_flight += len(piece)
            self.cond.notify_all()
        with self.proxy._lock:
            self.proxy.bytes[self.direction] += len(piece)

    def _write(self) -> None:
        try:
            while True:
                with self.cond:
                    while not self.queue and not self.closed:
                        self.cond.wait(0.05)
                    if not self.queue:
                        break
                    deliver_at, piece = self.queue[0]
                delay = deliver_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                self.sink.sendall(piece)
                with self.cond:
                    self.queue.popleft()
                    self.in_flight -= len(piece)
                    self.cond.notify_all()
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                self.sink.shutdown(socket.SHUT_WR)


class FaultProxy:
    def __init__(self, upstream_port: int, *, latency: float = 0.0,
                 bandwidth: float | None = None, buffer: int = 8192) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.latency, self.bandwidth, self.buffer = latency, bandwidth, buffer
        self.bandwidth_down: float | None = None  # answers only, when set
        self.plan: list[Fault] = []
        self.connections = 0
        self.bytes = {"up": 0, "down": 0}  # payload bytes carried (no TCP/IP headers)
        self.stopping = False
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def rate(self, direction: str) -> float | None:
        if direction == "down" and self.bandwidth_down:
            return self.bandwidth_down
        return self.bandwidth

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.stopping = True
        self._thread.join(2)
        self._server.close()
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.close()

    def _accept(self) -> None:
        while not self.stopping:
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                fault = self.plan.pop(0) if self.plan else Fault()
                self.connections += 1
                self._sockets.append(client)
            threading.Thread(target=self._serve, args=(client, fault), daemon=True).start()

    def _serve(self, client: socket.socket, fault: Fault) -> None:
        mode = fault.mode
        if mode == "refuse":
            client.close()
            return
        if mode in ("reset", "stall_close"):
            with contextlib.suppress(OSError):
                client.settimeout(2)
                client.recv(1024)
                if mode == "stall_close":
                    time.sleep(fault.stall)
                else:
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                      struct.pack("ii", 1, 0))
            client.close()
            return
        try:
            hub = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            client.close()
            return
        hub.settimeout(None)
        with self._lock:
            self._sockets.append(hub)

        def lose_answer() -> None:
            for sock in (client, hub):  # shutdown wakes the other pipe's blocked recv
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

        up = _Pipe(self, "up", client, hub, fault.cut_after if mode == "cut_up" else None)
        down = _Pipe(self, "down", hub, client, fault.cut_after if mode == "cut_down" else None,
                     on_first_byte=lose_answer if mode == "drop_answer" else None)
        threads = up.start() + down.start()
        for thread in threads:
            thread.join()
        for sock in (client, hub):
            with contextlib.suppress(OSError):
                sock.close()

"""Getting bytes to a printer: a device file, a serial line, a TCP socket, or CUPS' `lp`.

Each raises PrinterUnavailable with a sentence an installer can act on: which device, what
went wrong, what to check. All are blocking; the caller runs them off the GUI thread.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
from pathlib import Path

from kiosk.printing.result import PrinterUnavailable

_BAUD_NAMES = {9600: "B9600", 19200: "B19200", 38400: "B38400", 57600: "B57600",
               115200: "B115200"}


def _explain(error: OSError, device: str, check: str) -> PrinterUnavailable:
    if isinstance(error, FileNotFoundError):
        why = "does not exist (unplugged, or another device name)"
    elif isinstance(error, PermissionError):
        why = "is not writable by the kiosk account (add it to the 'lp' or 'dialout' group)"
    elif error.errno in (errno.ENODEV, errno.ENXIO, errno.EIO):
        why = "stopped answering (switched off, or the cable came out)"
    else:
        why = f"failed: {error.strerror or error}"
    return PrinterUnavailable(f"{device} {why}. {check}")


def write_device(device: str, data: bytes) -> None:
    """Write to a printer's device file (/dev/usb/lp0 from the usblp driver).

    O_CREAT is left out on purpose: a missing device must fail, not leave a stray file.
    """
    check = "Check that the printer is on and plugged in; `ls /dev/usb/` lists USB printers."
    try:
        fd = os.open(device, os.O_WRONLY | os.O_APPEND)
    except OSError as error:
        raise _explain(error, device, check) from None
    try:
        _write_all(fd, data)
    except OSError as error:
        raise _explain(error, device, check) from None
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_serial(device: str, data: bytes, baudrate: int) -> None:
    """Write to a serial printer at `baudrate`, 8N1, raw, no flow control (stdlib termios)."""
    check = (f"Check the cable, and that the printer's speed is {baudrate} "
             "(printer.baudrate; its self-test page shows it).")
    try:
        import termios
    except ImportError:
        raise PrinterUnavailable("serial printers need a POSIX system; use escpos-usb "
                                 "or system on this one") from None
    try:
        fd = os.open(device, os.O_WRONLY | os.O_NOCTTY)
    except OSError as error:
        raise _explain(error, device, check) from None
    try:
        attrs = termios.tcgetattr(fd)
        speed = getattr(termios, _BAUD_NAMES[baudrate])
        attrs[0] = 0  # iflag: no translation
        attrs[1] = 0  # oflag: raw output, "\n" stays one byte
        attrs[2] = termios.CS8 | termios.CREAD | termios.CLOCAL
        attrs[3] = 0  # lflag
        attrs[4] = attrs[5] = speed
        termios.tcsetattr(fd, termios.TCSANOW, attrs)
        _write_all(fd, data)
        termios.tcdrain(fd)
    except termios.error as error:
        raise PrinterUnavailable(f"{device} is not a serial port ({error}). {check}") from None
    except OSError as error:
        raise _explain(error, device, check) from None
    finally:
        os.close(fd)


def parse_host_port(device: str) -> tuple[str, int]:
    """ "192.168.1.50:9100" -> ("192.168.1.50", 9100); 9100 when no port is given."""
    host, _, port = device.rpartition(":") if ":" in device else (device, "", "9100")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise PrinterUnavailable(
            f"printer.device {device!r} is not host:port, e.g. 192.168.1.50:9100")
    return host.strip("[]"), int(port)


def send_network(device: str, data: bytes, timeout: float) -> None:
    """Send to a network printer's raw port (JetDirect, usually 9100), then close."""
    host, port = parse_host_port(device)
    check = ("Check that the printer is on, on the network, and that its address is still "
             f"{host} (printers on DHCP move; print its network page).")
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
    except TimeoutError:
        raise PrinterUnavailable(f"{device} did not answer within {timeout:g} s. {check}") \
            from None
    except ConnectionRefusedError:
        raise PrinterUnavailable(f"{device} refused the connection (nothing listens on port "
                                 f"{port}). {check}") from None
    except OSError as error:
        raise PrinterUnavailable(f"{device} cannot be reached: {error.strerror or error}. "
                                 f"{check}") from None


def send_to_cups(queue: str, pdf: Path, timeout: float) -> None:
    """Hand a PDF to the system's print queue with `lp -d QUEUE` (CUPS)."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrinterUnavailable("the `lp` command is missing: install CUPS "
                                 "(apt-get install cups-client) and add the printer")
    command = [lp, "-s", *(["-d", queue] if queue else []), str(pdf)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PrinterUnavailable(f"`lp` did not return within {timeout:g} s; "
                                 "check `lpstat -p`") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip() or f"exit code {done.returncode}"
        name = queue or "the default queue"
        raise PrinterUnavailable(f"CUPS refused the receipt for {name}: {said}. "
                                 "Check `lpstat -p` and the queue name in printer.device.")

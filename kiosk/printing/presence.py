"""Is the configured printer there? For `kiosk doctor`: without printing anything.

A USB printer (usblp) answers LPGETSTATUS with its status byte, which says "out of paper"
when the printer reports it; a network printer must accept a connection on its port. A serial
or CUPS printer cannot be asked without printing: only the device file or the `lp` command is
checked.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import struct
from pathlib import Path

from kiosk.config import KioskConfig

LPGETSTATUS = 0x060B  # linux/lp.h
LP_PSELECD, LP_PERRORP, LP_POUTPA = 0x10, 0x08, 0x20  # selected, no error, paper out


def usb_status(device: str) -> str | None:
    """'paper out', 'offline' or None (fine or unknown) from a usblp device's status byte."""
    fd = os.open(device, os.O_RDWR | os.O_NONBLOCK)
    try:
        raw = fcntl.ioctl(fd, LPGETSTATUS, struct.pack("i", 0))
    except OSError:
        return None  # not a usblp device: nothing more to learn without printing
    finally:
        os.close(fd)
    status = struct.unpack("i", raw)[0]
    if status & LP_POUTPA:
        return "paper out"
    if not status & LP_PSELECD:
        return "offline"
    return None


def printer_presence(cfg: KioskConfig) -> tuple[bool, str]:
    """(ok, what was found and, if not ok, what to do)."""
    from kiosk.printing.factory import pdf_folder
    from kiosk.printing.transports import parse_host_port

    kind, device = cfg["printer.kind"], cfg["printer.device"].strip()
    if kind == "none":
        return True, "none configured (printer.kind = 'none'): receipts are shown, not printed"
    if kind == "pdf":
        folder = pdf_folder(cfg)
        return True, f"PDF receipts in {folder}"
    if kind == "system":
        if shutil.which("lp") is None:
            return False, "`lp` is not installed: install CUPS (apt install cups-client)"
        return True, f"CUPS queue {device or '(default)'} (ask `lpstat -p` for its state)"
    if kind == "escpos-network":
        host, port = parse_host_port(device)
        try:
            with socket.create_connection((host, port), timeout=cfg["printer.timeout_seconds"]):
                pass
        except OSError as error:
            return False, (f"{device} does not answer ({error.strerror or error}): switch the "
                           "printer on, check its cable and its address (print its network page)")
        return True, f"{device} answers"
    if not Path(device).exists():
        return False, (f"{device} does not exist: the printer is absent or off; plug it in and "
                       "switch it on (`ls /dev/usb/` or `ls /dev/ttyUSB*` lists the devices)")
    if not os.access(device, os.W_OK):
        return False, (f"{device} is not writable by this account: add it to the `lp` group "
                       "(serial: `dialout`)")
    state = usb_status(device) if kind == "escpos-usb" else None
    if state == "paper out":
        return False, f"{device} reports it is out of paper: put in a new roll"
    if state == "offline":
        return False, f"{device} reports it is offline: close its cover, press its button"
    return True, f"{device} present"

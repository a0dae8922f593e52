"""Printers we can cause for real, since no thermal printer is attached to CI.

Stand-ins, each a real OS object the production code opens exactly as it opens a printer:
- a temporary regular file stands for the usblp device node /dev/usb/lp0 (escpos-usb);
- a pseudo-terminal (os.openpty) stands for a USB-serial adapter /dev/ttyUSB0 (escpos-serial):
  termios really configures it, and its master side receives what a printer would;
- a TCP listener on 127.0.0.1 stands for a network printer's raw port 9100 (escpos-network);
- a small `lp` script first on PATH stands for CUPS (system): it keeps the PDF it is given;
- a path that does not exist, and a closed port, stand for an unplugged or switched-off printer.
"""

import os
import socket
import stat
import threading
from pathlib import Path

import pytest
from printing_helpers import decode_qr, pdf_pages, read_escpos, sample_lines

from kiosk.config import ConfigError
from kiosk.printing import PrintResult, printer_from_config
from kiosk.printing.result import GuardedPrinter
from kiosk.receipt import reference_for


def escpos_config(make_config, kind: str, device: str, **more):
    return make_config(printer__kind=kind, printer__device=device, **more)


def test_a_usb_printer_receives_the_receipt_with_accents_in_its_codepage(make_config, tmp_path):
    device = tmp_path / "lp0"
    device.touch()  # the device node exists while the printer is plugged in
    printer = printer_from_config(escpos_config(make_config, "escpos-usb", str(device)))
    lines, payload = sample_lines()
    result = printer.print_receipt(lines, payload)
    assert result.ok and result.message_key == "print.printed"
    printout = read_escpos(device.read_bytes())
    assert printout.codepage == 19 and printout.qr_data == payload.encode()
    assert "Votre demande est enregistrée" in printout.text("cp858")
    assert b"enregistr\x82e" in device.read_bytes()


def test_an_unplugged_usb_printer_fails_with_the_device_named_and_no_stray_file(make_config,
                                                                                 tmp_path):
    device = tmp_path / "usb" / "lp0"
    printer = printer_from_config(escpos_config(make_config, "escpos-usb", str(device)))
    lines, payload = sample_lines()
    result = printer.print_receipt(lines, payload)
    assert not result.ok and result.message_key == "print.failed"
    assert str(device) in result.detail and "plugged in" in result.detail
    assert not device.exists()
    reference = reference_for("2c732e1f-b4df-45ce-acdf-8387d9e48ad9")
    assert reference in result.message("fr") and "Un agent" in result.message("fr")
    assert reference in result.message("en")


def test_a_serial_printer_gets_the_receipt_through_a_real_tty(make_config):
    master, slave = os.openpty()
    received = bytearray()

    def drain():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the slave side closed
                return
            if not chunk:
                return
            received.extend(chunk)
            if received.endswith(b"\x1dVA\x03"):
                return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        printer = printer_from_config(escpos_config(
            make_config, "escpos-serial", os.ttyname(slave), printer__baudrate=19200))
        lines, payload = sample_lines()
        result = printer.print_receipt(lines, payload)
        reader.join(timeout=30)
    finally:
        os.close(slave)
        os.close(master)
    assert result.ok, result.detail
    printout = read_escpos(bytes(received))
    assert printout.qr_data == payload.encode() and printout.cut


def test_a_device_that_is_not_a_serial_port_is_explained(make_config, tmp_path):
    device = tmp_path / "not-a-tty"
    device.touch()
    printer = printer_from_config(escpos_config(make_config, "escpos-serial", str(device)))
    result = printer.print_receipt(*sample_lines())
    assert not result.ok and "not a serial port" in result.detail and str(device) in result.detail


def test_a_network_printer_receives_the_whole_receipt_over_tcp(make_config):
    server = socket.create_server(("127.0.0.1", 0))
    received = bytearray()

    def accept_one():
        connection, _ = server.accept()
        with connection:
            while chunk := connection.recv(65536):
                received.extend(chunk)

    listener = threading.Thread(target=accept_one, daemon=True)
    listener.start()
    port = server.getsockname()[1]
    printer = printer_from_config(escpos_config(make_config, "escpos-network",
                                                f"127.0.0.1:{port}",
                                                printer__codepage="cp1252"))
    lines, payload = sample_lines()
    result = printer.print_receipt(lines, payload)
    listener.join(timeout=30)
    server.close()
    assert result.ok, result.detail
    printout = read_escpos(bytes(received))
    assert printout.codepage == 16 and printout.qr_data == payload.encode()
    assert "Votre demande est enregistrée" in printout.text("cp1252")


def test_a_switched_off_network_printer_fails_with_its_address_and_what_to_check(make_config):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed when the block ends: nothing listens there
    printer = printer_from_config(escpos_config(make_config, "escpos-network",
                                                f"127.0.0.1:{port}"))
    result = printer.print_receipt(*sample_lines())
    assert not result.ok
    assert f"127.0.0.1:{port} refused the connection" in result.detail
    assert "printer is on" in result.detail


def fake_lp(folder: Path, body: str) -> None:
    script = folder / "lp"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def test_the_system_printer_hands_cups_a_pdf_whose_qr_decodes(make_config, tmp_path,
                                                              monkeypatch):
    bin_dir, kept = tmp_path / "bin", tmp_path / "kept"
    bin_dir.mkdir()
    kept.mkdir()
    # Keeps the arguments and a copy of the PDF, as CUPS copies the job before lp returns.
    fake_lp(bin_dir, f'echo "$@" > {kept}/args\nfor a; do last="$a"; done\n'
                     f'cp "$last" {kept}/job.pdf\n')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    printer = printer_from_config(make_config(printer__kind="system",
                                              printer__device="Accueil"))
    lines, payload = sample_lines()
    result = printer.print_receipt(lines, payload)
    assert result.ok, result.detail
    assert (kept / "args").read_text().startswith("-s -d Accueil ")
    [page] = pdf_pages(kept / "job.pdf", tmp_path)
    assert decode_qr(page) == payload


def test_a_cups_refusal_is_reported_with_what_cups_said(make_config, tmp_path, monkeypatch):
    fake_lp(tmp_path, 'echo "lp: The printer or class does not exist." >&2\nexit 1\n')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}/usr/bin:/bin")
    printer = printer_from_config(make_config(printer__kind="system", printer__device="Nope"))
    result = printer.print_receipt(*sample_lines())
    assert not result.ok and "does not exist" in result.detail and "lpstat -p" in result.detail


def test_a_machine_without_cups_says_which_package_to_install(make_config, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    printer = printer_from_config(make_config(printer__kind="system"))
    result = printer.print_receipt(*sample_lines())
    assert not result.ok and "cups-client" in result.detail


def test_a_bug_in_a_printer_becomes_a_failed_result_not_an_exception():
    class Broken:
        description = "broken test printer"

        def deliver(self, lines, qr_payload, reference):
            raise RuntimeError("boom")

    result = GuardedPrinter(Broken()).print_receipt(*sample_lines())
    assert isinstance(result, PrintResult) and not result.ok
    assert "RuntimeError: boom" in result.detail and "broken test printer" in result.detail


def test_no_printer_is_built_when_the_kind_is_none(make_config):
    assert printer_from_config(make_config()) is None


@pytest.mark.parametrize("kind", ["escpos-usb", "escpos-serial", "escpos-network"])
def test_a_thermal_printer_without_a_device_is_a_configuration_error(make_config, kind):
    with pytest.raises(ConfigError, match=r"'printer\.device' is empty.*e\.g\."):
        printer_from_config(make_config(printer__kind=kind))


def test_a_network_device_that_is_not_host_and_port_is_a_configuration_error(make_config):
    with pytest.raises(ConfigError, match="not host:port"):
        printer_from_config(make_config(printer__kind="escpos-network",
                                        printer__device="printer:port"))


def test_an_unknown_printer_kind_is_refused_with_the_choices(make_config):
    with pytest.raises(ConfigError, match=r"printer\.kind.*'escpos-usb'"):
        make_config(printer__kind="epson")


def test_lines_that_are_not_a_list_give_a_failed_result_not_an_exception(make_config,
                                                                         tmp_path):
    printer = printer_from_config(make_config(printer__kind="pdf"))
    result = printer.print_receipt(None, "https://hub.example.fr/suivi/x")  # type: ignore[arg-type]
    assert not result.ok and result.message_key == "print.failed_no_reference"
    assert "Un agent" in result.message("fr")

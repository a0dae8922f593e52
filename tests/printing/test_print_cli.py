"""`kiosk print-test`: the installer's check, on a PDF printer and on an unplugged one."""

from printing_helpers import decode_qr, pdf_pages

from kiosk.cli import main
from kiosk.printing.sample import SAMPLE_CLIENT_ID


def write_config(tmp_path, printer: str):
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n\n[printer]\n{printer}',
                    encoding="utf-8")
    return str(path)


def test_print_test_writes_a_sample_with_every_accent_and_a_readable_qr(tmp_path, capsys):
    config = write_config(tmp_path, 'kind = "pdf"\npdf_dir = "out"\n')
    assert main(["print-test", "--config", config]) == 0
    assert "ok: written" in capsys.readouterr().out
    [pdf] = (tmp_path / "out").glob("recu-*.pdf")
    [page] = pdf_pages(pdf, tmp_path)
    assert str(SAMPLE_CLIENT_ID) in decode_qr(page)


def test_print_test_on_an_unplugged_printer_exits_1_naming_the_device(tmp_path, capsys):
    device = tmp_path / "lp9"
    config = write_config(tmp_path, f'kind = "escpos-usb"\ndevice = "{device}"\n')
    assert main(["print-test", "--config", config]) == 1
    assert f"not printed: ESC/POS thermal printer (USB) on {device}" in capsys.readouterr().err


def test_print_test_without_a_printer_says_how_to_configure_one(tmp_path, capsys):
    assert main(["print-test", "--config", write_config(tmp_path, 'kind = "none"\n')]) == 1
    assert "printer.kind is 'none'" in capsys.readouterr().err

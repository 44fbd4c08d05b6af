"""manage.py import_mail: .eml files, Maildir and mbox folders, ending with the summary line."""

import mailbox
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from messaging.models import InboundMail, MailSource, MailStatus

from .conftest import MAIL_DIR, fixture_bytes


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_mail", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def test_an_mbox_is_imported_and_a_second_run_changes_nothing(account, tmp_path):
    path = tmp_path / "support.mbox"
    box = mailbox.mbox(path)
    for name in (
        "01_plain_us_shipping.eml",
        "03_multipart_attachment.eml",
        "16_duplicate_of_01.eml",
        "25_not_amazon.eml",
    ):
        box.add(fixture_bytes(name))
    box.flush()
    assert run("--account", "acme-us", str(path)) == ("imported: 3, unchanged: 1, rejected: 0", "")
    assert run("--account", "acme-us", str(path)) == ("imported: 0, unchanged: 4, rejected: 0", "")
    assert set(InboundMail.objects.values_list("source", flat=True)) == {MailSource.COMMAND}
    assert InboundMail.objects.get(kind="other").source_ref == f"{path}:4"


def test_a_maildir_without_an_account_is_matched_by_marketplace_and_the_rest_rejected(account, other_account, tmp_path):
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for name in ("01_plain_us_shipping.eml", "20_atoz_claim.eml", "25_not_amazon.eml"):
        box.add(fixture_bytes(name))
    out, err = run(str(tmp_path / "Maildir"))
    assert out == "imported: 2, unchanged: 0, rejected: 1"
    assert err.endswith("no seller account: the mail came with none and names no marketplace (mp=)")
    assert set(InboundMail.objects.filter(status=MailStatus.PARSED).values_list("account__slug", flat=True)) == {
        "acme-us"
    }
    assert InboundMail.objects.get(status=MailStatus.PROBLEM).account is None


def test_eml_files_and_folders_of_them(account, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.eml").write_bytes(fixture_bytes("02_html_only.eml"))
    (folder / "notes.txt").write_text("not mail")
    out, _ = run("--account", "acme-us", str(folder), str(MAIL_DIR / "05_shift_jis_jp.eml"))
    assert out == "imported: 2, unchanged: 0, rejected: 0"


def test_unknown_account_or_path_is_refused(account, tmp_path):
    with pytest.raises(CommandError, match="No seller account"):
        run("--account", "nope", str(MAIL_DIR / "01_plain_us_shipping.eml"))
    with pytest.raises(CommandError, match="No such file"):
        run("--account", "acme-us", str(tmp_path / "missing.mbox"))


def test_a_file_over_the_mail_size_limit_is_rejected_without_being_read(account, tmp_path):
    import tracemalloc

    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "01.eml").write_bytes(fixture_bytes("01_plain_us_shipping.eml"))
    with (folder / "02_huge.eml").open("wb") as huge:
        huge.truncate(40 * 1024 * 1024)
    tracemalloc.start()
    try:
        out, err = run("--account", "acme-us", str(folder))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert out == "imported: 1, unchanged: 0, rejected: 1"
    assert "02_huge.eml: over 35 MB" in err
    assert InboundMail.objects.count() == 1
    assert peak < 20 * 1024 * 1024

"""Files sent with a reply, as Amazon's buyer-seller messaging takes them: images and PDFs, at most 5,
under 10 MB in all, the type read from the bytes, each file name checked by the compliance guard."""

import uuid

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from messaging.compliance.checker import check_text
from messaging.models import Attachment, Direction, Message
from messaging.outbound.attachments import AttachmentRefused, files_read, names_refusal
from messaging.outbound.delivery import reply_send
from messaging.outbound.models import Reply
from messaging.outbound.services import AttachmentsBlocked, reply_queue
from messaging.services import conversation_open_for_order
from tests.factories import OrderFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n" + b"0" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 100
JPEG = b"\xff\xd8\xff\xe0" + b"0" * 100
GIF = b"GIF89a" + b"0" * 100


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_images_and_pdfs_are_read_by_their_bytes():
    files = files_read(
        [upload("invoice.pdf", PDF), upload("photo.PNG", PNG), upload("label.jpeg", JPEG), upload("a.gif", GIF)]
    )
    assert [(f.filename, f.content_type, f.size) for f in files] == [
        ("invoice.pdf", "application/pdf", len(PDF)),
        ("photo.PNG", "image/png", len(PNG)),
        ("label.jpeg", "image/jpeg", len(JPEG)),
        ("a.gif", "image/gif", len(GIF)),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", b"MZ\x90\x00"),
        ("notes.docx", b"PK\x03\x04"),
        ("photo.png", PDF),  # a PDF named as an image
        ("invoice.pdf", b"<html>not a pdf</html>"),
        ("noextension", PNG),
    ],
)
def test_other_files_are_refused_by_name_and_content(name, data):
    with pytest.raises(AttachmentRefused, match="is not a PDF, JPEG, PNG or GIF file"):
        files_read([upload(name, data)])


def test_at_most_five_files_under_ten_megabytes_in_all():
    assert len(files_read([upload(f"p{n}.png", PNG) for n in range(5)])) == 5
    with pytest.raises(AttachmentRefused, match="at most 5 files"):
        files_read([upload(f"p{n}.png", PNG) for n in range(6)])
    half = PDF + b"0" * (5 * 1024 * 1024)
    with pytest.raises(AttachmentRefused, match="under 10 MB in all"):
        files_read([upload("a.pdf", half), upload("b.pdf", half)])
    assert len(files_read([upload("a.pdf", half), upload("b.png", PNG)])) == 2


@pytest.mark.parametrize(
    "name",
    ["visit_www.acme-shop.com.pdf", "write_to_support@acme-shop.com.png", "call_us_+1_555_123_4567.jpg"],
)
def test_a_file_name_is_read_by_the_guard_like_text(name):
    (file,) = files_read([upload(name, {"pdf": PDF, "png": PNG, "jpg": JPEG}[name.rsplit(".", 1)[1]])])
    refusal = names_refusal([file], lambda text: check_text(text))
    assert refusal and f"“{name}”" in refusal and "rename the file" in refusal


def test_a_plain_file_name_passes_the_guard():
    files = files_read([upload("invoice_112-1234567-1234567.pdf", PDF), upload("damaged parcel photo.png", PNG)])
    assert names_refusal(files, lambda text: check_text(text)) is None


@pytest.fixture
def conversation(account):
    order = OrderFactory(account=account)
    conversation = conversation_open_for_order(
        account=account, amazon_order_id=order.amazon_order_id, buyer_email=order.buyer_email, subject="Hi", actor=None
    )
    Message.objects.create(
        conversation=conversation, direction=Direction.IN, body_text="Can I have the invoice?", sent_at=timezone.now()
    )
    return conversation


def test_the_composer_sends_the_files_with_the_reply(client, agent, conversation):
    client.force_login(agent)
    seen = conversation.messages.get().id
    response = client.post(
        reverse("outbound:reply", args=[conversation.case_id]),
        {
            "text": "Here is the invoice for your order.",
            "key": uuid.uuid4().hex,
            "seen": seen,
            "attachments": [upload("invoice.pdf", PDF), upload("photo.png", PNG)],
        },
    )
    assert response.status_code == 302
    reply = Reply.objects.get()
    stored = list(Attachment.objects.filter(message=reply.message).values_list("filename", "content_type", "size"))
    assert stored == [("invoice.pdf", "application/pdf", len(PDF)), ("photo.png", "image/png", len(PNG))]
    reply_send(reply_id=reply.id)
    (sent,) = mail.outbox
    assert [(name, content, kind) for name, content, kind in sent.attachments] == [
        ("invoice.pdf", PDF, "application/pdf"),
        ("photo.png", PNG, "image/png"),
    ]
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert "invoice.pdf" in page  # in the thread, with the reply


def test_a_refused_file_sends_nothing_and_says_why(client, agent, conversation):
    client.force_login(agent)
    seen = conversation.messages.get().id
    response = client.post(
        reverse("outbound:reply", args=[conversation.case_id]),
        {
            "text": "Here is the invoice.",
            "key": uuid.uuid4().hex,
            "seen": seen,
            "attachments": [upload("www.acme-shop.com.pdf", PDF)],
        },
        follow=True,
    )
    assert "“www.acme-shop.com.pdf” breaks Amazon" in response.content.decode()
    assert not Reply.objects.exists()
    response = client.post(
        reverse("outbound:reply", args=[conversation.case_id]),
        {"text": "Here.", "key": uuid.uuid4().hex, "seen": seen, "attachments": [upload("tool.exe", b"MZ")]},
        follow=True,
    )
    assert "is not a PDF, JPEG, PNG or GIF file" in response.content.decode() and not Reply.objects.exists()


def test_the_service_refuses_what_the_form_could_not(agent, conversation):
    (file,) = files_read([upload("support@acme-shop.com.pdf", PDF)])
    with pytest.raises(AttachmentsBlocked, match="rename the file"):
        reply_queue(
            case=conversation.case,
            author=agent,
            body="Invoice attached.",
            key=uuid.uuid4().hex,
            seen_message_id=conversation.messages.get().id,
            files=[file],
        )

"""Mail as the standard library's email package reads it (policy.default, with a
faster header registry): decoding bodies in whatever charset they declare,
finding the text and HTML bodies and the attachments of any structure, HTML to
text, sanitising HTML, and strings PostgreSQL accepts. Nothing here knows Amazon."""

import binascii
import email
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

import nh3

MESSAGE_ID_RE = re.compile(r"<([^<>\s]+@[^<>\s]+)>")

# Charsets that mail declares and Python's codecs name differently, or that are
# in practice supersets (mail labelled Shift_JIS is written in Windows-31J).
CHARSET_ALIASES = {
    "windows-31j": "cp932",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "x-sjis": "cp932",
    "sjis": "cp932",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
}

SANITISE_SCHEMES = {"http", "https", "mailto"}


class _HeaderClasses(HeaderRegistry):
    """The standard header registry, building each header class once: the stdlib's
    builds a new class on every header read, most of the cost of parsing a mail."""

    def __init__(self) -> None:
        super().__init__()
        self._built: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        if key not in self._built:
            self._built[key] = super().__getitem__(name)
        return self._built[key]


# policy.default, as the issue asks, with the cached registry.
MAIL_POLICY = policy.default.clone(header_factory=_HeaderClasses())


@dataclass(frozen=True)
class Part:
    filename: str
    content_type: str
    data: bytes


def clean(value: object, max_length: int | None = None) -> str:
    """A string PostgreSQL accepts: undecodable header bytes read as UTF-8 or
    Windows-1252, NULs dropped, cut to `max_length`."""
    text = "" if value is None else str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogateescape")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
        text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\x00", "")
    return text[:max_length] if max_length is not None else text


def normalise_message_id(value: str) -> str:
    """`<abc@host>` → `abc@host`; anything unusable → ""."""
    value = clean(value).strip()
    found = MESSAGE_ID_RE.search(value)
    if found:
        return found.group(1)[:255]
    value = value.strip("<> \t\r\n")
    return value[:255] if "@" in value and not any(c.isspace() for c in value) else ""


def dedupe_key(raw: bytes) -> str:
    """What makes two arrivals the same mail: its Message-ID, or its bytes when it has none.

    Never raises: a header the parser cannot read counts as absent."""
    try:
        headers = email.message_from_bytes(raw, policy=policy.compat32, _class=Message)
        message_id = normalise_message_id(str(headers.get("Message-ID", "") or ""))
    except Exception:  # noqa: BLE001 - any unreadable header means "no Message-ID"
        message_id = ""
    if message_id:
        return message_id_key(message_id)
    return "sha:" + hashlib.sha256(raw).hexdigest()


def message_id_key(message_id: str) -> str:
    """The dedupe key of a mail whose Message-ID is `message_id` (without <>)."""
    return "mid:" + hashlib.sha256(message_id.encode("utf-8")).hexdigest()


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode a body with its declared charset (or a known alias); if that is no
    text encoding Python knows, as UTF-8, then Windows-1252."""
    declared = (charset or "").strip().strip('"').lower()
    name = CHARSET_ALIASES.get(declared, declared)
    if name and name not in {"utf-8", "utf8"}:
        try:
            return data.decode(name, "replace")
        except (LookupError, ValueError):  # unknown, not a text encoding ("base64"), or a NUL in the name
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def header_date(value: str) -> datetime | None:
    try:
        return as_utc(parsedate_to_datetime(value.strip()))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def raw_headers(msg: Message) -> dict[str, list[str]]:
    """Header values as they came, by lower-cased name: for headers that need no
    decoding, reading them through policy.default's header classes costs more than the rest of the parse."""
    headers: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        headers.setdefault(name.lower(), []).append(clean(value))
    return headers


def decoded_header(msg: Message, name: str, raw: str) -> str:
    """A header decoded (RFC 2047) by policy.default; where the stdlib's header parser
    breaks on malformed input (it raises IndexError on some addresses), by
    `email.header`, else as it came."""
    try:
        return clean(msg.get(name, ""))
    except (IndexError, ValueError, TypeError, AttributeError):
        try:
            return clean(make_header(decode_header(raw)))
        except (UnicodeDecodeError, LookupError, ValueError, binascii.Error, HeaderParseError):
            return raw


def first_received_time(received: list[str]) -> datetime | None:
    """The time the receiving server stamped on the topmost Received: header."""
    for header in received:
        _, _, stamp = header.rpartition(";")
        if stamp:
            return header_date(stamp)
    return None


class _TextFromHTML(HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "hr", "pre"}
    SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.out.append("\n")
        elif tag in {"td", "th"}:
            self.out.append(" ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self.BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextFromHTML()
    parser.feed(markup)
    parser.close()
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in "".join(parser.out).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def sanitise_html(markup: str) -> str:
    """Buyer HTML as it may be rendered: nh3 keeps safe formatting, drops scripts,
    event handlers, styles and every URL scheme but http(s) and mailto."""
    return nh3.clean(markup, url_schemes=SANITISE_SCHEMES, link_rel="noopener noreferrer nofollow")


def _no_image_source(element: str, attribute: str, value: str) -> str | None:
    return None if element == "img" and attribute in {"src", "srcset"} else value


def _https_image_source(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute in {"src", "srcset"}:
        return value if attribute == "src" and value.lower().startswith("https://") else None
    return value


def without_images(markup: str) -> str:
    """Sanitised HTML with every image's source removed (its alt text stays): shown this way, the
    page asks no other server for anything, so a tracking pixel learns nothing."""
    return nh3.clean(
        markup, url_schemes=SANITISE_SCHEMES, link_rel="noopener noreferrer nofollow", attribute_filter=_no_image_source
    )


def with_remote_images(markup: str) -> str:
    """Sanitised HTML keeping only images from https addresses (what the framed view's policy allows;
    a relative address would point at Sellerdesk itself)."""
    return nh3.clean(
        markup,
        url_schemes=SANITISE_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_https_image_source,
    )


# Spaces and tabs ending a line. Starting only where a run starts, so a long run not ending its line is read
# once, not once from each of its characters.
_TRAILING_SPACE = re.compile(r"(?<![ \t])[ \t]+\n")


def tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def capped(text: str, max_chars: int) -> tuple[str, int]:
    """`text` cut to `max_chars`, and how many characters were cut off."""
    if len(text) <= max_chars:
        return text, 0
    return text[:max_chars], len(text) - max_chars


# --- structure ---------------------------------------------------------------


def _part_text(part: Message, charset: str | None) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return decode_bytes(payload, charset)


def _safe_filename(name: str, fallback: str) -> str:
    name = clean(name).replace("\\", "/").rpartition("/")[2]
    name = "".join(c for c in name if c.isprintable()).strip(" .")
    return (name or fallback)[:200]


ATTACHMENT_EXTENSIONS = {
    "text/plain": ".txt",
    "text/html": ".html",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "application/pdf": ".pdf",
}


def _walk(msg: Message, bodies: dict[str, tuple[Message, str | None]], attachments: list[Part]) -> None:
    """Find the first plain and HTML body (with its charset), and every other leaf as an attachment.
    A forwarded or bounced mail (message/rfc822) is kept whole, as an .eml.
    (Each part's Content-Type is read once: the email package parses it again on every accessor call.)"""
    header = msg["content-type"]
    content_type = header.content_type if header is not None else msg.get_default_type()
    if content_type.startswith("message/") and (content_type == "message/rfc822" or msg.is_multipart()):
        inner = msg.get_payload(0) if msg.is_multipart() else None
        data = inner.as_bytes(policy=policy.SMTP) if inner is not None else b""
        name = _safe_filename(msg.get_filename() or "", f"message-{len(attachments) + 1}.eml")
        attachments.append(Part(name, "message/rfc822", data))
        return
    if msg.is_multipart():
        for sub in msg.get_payload():
            if isinstance(sub, Message):
                _walk(sub, bodies, attachments)
        return
    if content_type.startswith("multipart/"):
        return  # a multipart whose boundary never appears: bodies reads it as text
    params = header.params if header is not None else {}
    if content_type in {"text/plain", "text/html"} and "name" not in params:
        kind = content_type[5:]
        disposition = msg.get_content_disposition()
        if kind not in bodies and disposition != "attachment" and not (disposition and msg.get_filename()):
            bodies[kind] = (msg, params.get("charset"))
            return
    payload = msg.get_payload(decode=True)
    fallback = f"attachment-{len(attachments) + 1}{ATTACHMENT_EXTENSIONS.get(content_type, '.bin')}"
    data = payload if isinstance(payload, bytes) else b""
    attachments.append(Part(_safe_filename(msg.get_filename() or "", fallback), content_type[:120], data))


def read_bodies(msg: EmailMessage, defects: list[str]) -> tuple[str, str, list[Part]]:
    """(plain text, HTML, attachments) of a mail, recovering what a broken structure allows."""
    bodies: dict[str, tuple[Message, str | None]] = {}
    attachments: list[Part] = []
    _walk(msg, bodies, attachments)
    plain = _part_text(*bodies["plain"]) if "plain" in bodies else ""
    markup = _part_text(*bodies["html"]) if "html" in bodies else ""
    if not plain and not markup and not msg.is_multipart() and msg.get_content_maintype() == "multipart":
        # The declared boundary never appears: read the body as text, part headers and all.
        defects.append("multipart body without its boundary: read as plain text")
        plain = (_part_text(msg, msg.get_content_charset()) or str(msg.get_payload())).replace("\r\n", "\n")
        plain = re.sub(r"^--\S+(?:--)?[ \t]*$", "", plain, flags=re.MULTILINE)
        plain = re.sub(r"^Content-[\w-]+:.*$", "", plain, flags=re.MULTILINE | re.IGNORECASE)
    return plain, markup, attachments

"""Is a mail that claims to come from Amazon really from Amazon?

Anyone can put `atoz-guarantee-no-reply@amazon.com` in a From header. What a
forger cannot make is one of these two proofs, checked here for every mail whose
From is on one of Amazon's domains:

1. **A DKIM signature of Amazon's** (dkimpy): a signature that verifies against
   the key published in DNS, whose domain (`d=`) is an Amazon domain the From
   address belongs to. Amazon SES also signs every mail it carries with
   `d=amazonses.com`, for any of its customers: that signature proves nothing
   about the From and is not taken.
2. **The account's own mail server's word**: the `Authentication-Results` header
   (RFC 8601) the receiving server adds, when the mailbox the mail was fetched
   from names that server (its authserv-id) as trusted. Only the headers at the
   top, added by the last servers the mail passed, count: a header further down
   could have been written by anyone on the way, and one naming another server
   is ignored. A trusted server must remove headers that claim its name from
   mail it receives, as RFC 8601 asks of it.

DNS is looked up through `settings.MAIL_DKIM_DNS` (a dotted path to a function
`(name: bytes, timeout: float) -> bytes | None` returning the TXT record), so
tests answer from a stub and never reach real DNS. A lookup that fails leaves
the mail unverified: nothing acts on the seller's behalf on its word, and the
notice still opens its case.
"""

import email.parser
import email.policy
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import dkim
from django.conf import settings
from django.utils.module_loading import import_string
from dkim.dnsplug import get_txt
from dkim.util import InvalidTagValueList, parse_tag_value

from .models import SenderCheck
from .parsing.amazon import AMAZON_DOMAINS, is_amazon_address

logger = logging.getLogger(__name__)

Resolver = Callable[..., bytes | None]
COMMENT_RE = re.compile(r"\([^()]*\)")
MAX_SIGNATURES = 5  # signatures checked per mail: a mail with hundreds of them costs no more than five


@dataclass(frozen=True)
class Verdict:
    check: str
    detail: str = ""

    @property
    def verified(self) -> bool:
        return self.check in {SenderCheck.DKIM, SenderCheck.SERVER}


def dns_txt(name: bytes, timeout: float = 5) -> bytes | None:
    """The TXT record at `name`, from the system's resolver (dnspython, through dkimpy)."""
    return get_txt(name, timeout=timeout)


def dns_resolver() -> Resolver:
    """The configured lookup, remembering each answer for as long as the caller keeps it (one batch of mail)."""
    lookup = import_string(settings.MAIL_DKIM_DNS)
    answers: dict[bytes, bytes | None] = {}

    def resolve(name: bytes, timeout: float = 5) -> bytes | None:
        if name not in answers:
            answers[name] = lookup(name, timeout=timeout)
        return answers[name]

    return resolve


def _domain(address: str) -> str:
    return address.lower().rpartition("@")[2].strip(".")


def _amazon_domain(domain: str) -> bool:
    return domain in AMAZON_DOMAINS or any(domain.endswith("." + site) for site in AMAZON_DOMAINS)


def vouches_for(signer: str, from_domain: str) -> bool:
    """A signature of `signer` proves a From on `from_domain`: the signer is Amazon's, and the From's
    domain is the signer's or one under it (`marketplace.amazon.de` under `amazon.de`)."""
    signer = signer.lower().strip(".")
    return _amazon_domain(signer) and (from_domain == signer or from_domain.endswith("." + signer))


def sender_verify(
    raw: bytes, *, from_address: str, trusted_servers: Sequence[str] = (), resolver: Resolver | None = None
) -> Verdict:
    """Whether a mail whose From is `from_address` was sent by Amazon. A mail whose From is not on
    an Amazon domain claims nothing and is not checked (SenderCheck.NONE). Never raises: a mail the
    check cannot read is unverified, and is read and filed all the same."""
    if not is_amazon_address(from_address):
        return Verdict(SenderCheck.NONE)
    try:
        return _verify(raw, from_address=from_address, trusted_servers=trusted_servers, resolver=resolver)
    except Exception as exc:  # noqa: BLE001 - whatever is in a mail, its message is filed; only the proof fails
        logger.warning("sender check of a mail from %s failed: %r", from_address, exc)
        return Verdict(SenderCheck.UNVERIFIED, f"could not be checked: {type(exc).__name__}")


def _verify(raw: bytes, *, from_address: str, trusted_servers: Sequence[str], resolver: Resolver | None) -> Verdict:
    from_domain = _domain(from_address)
    headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    if trusted_servers:
        server = _trusted_result(headers.get_all("Authentication-Results") or [], trusted_servers, from_domain)
        if server:
            return Verdict(SenderCheck.SERVER, f"{server} authenticated {from_domain}")
    signers = _signers(headers.get_all("DKIM-Signature") or [])
    ours = [(index, signer) for index, signer in enumerate(signers) if vouches_for(signer, from_domain)]
    if not ours:
        named = ", ".join(sorted({s for s in signers if s})) or "none"
        return Verdict(SenderCheck.UNVERIFIED, f"no DKIM signature of {from_domain} (signed by: {named})")
    resolver = resolver or dns_resolver()
    reasons = []
    for index, signer in ours[:MAX_SIGNATURES]:
        try:
            checker = dkim.DKIM(raw, timeout=settings.MAIL_DKIM_DNS_TIMEOUT)
            if checker.verify(idx=index, dnsfunc=resolver):
                return Verdict(SenderCheck.DKIM, f"DKIM signature of {signer} verified")
            reasons.append(f"the signature of {signer} does not verify")
        except dkim.DKIMException as exc:
            reasons.append(f"the signature of {signer} could not be checked: {exc}")
        except Exception as exc:  # noqa: BLE001 - a resolver failure leaves the mail unverified, never unread
            logger.warning("DKIM check of a mail from %s failed: %r", from_address, exc)
            reasons.append(f"the signature of {signer} could not be checked: {type(exc).__name__}")
    return Verdict(SenderCheck.UNVERIFIED, "; ".join(reasons)[:300])


def _signers(values: list[str]) -> list[str]:
    """The d= of each DKIM-Signature header, in header order ("" where it cannot be read)."""
    signers = []
    for value in values:
        try:
            tags = parse_tag_value(re.sub(r"\s+", "", value).encode("utf-8", "replace"))
        except InvalidTagValueList:
            tags = {}
        signers.append(tags.get(b"d", b"").decode("utf-8", "replace").lower())
    return signers


def _trusted_result(values: list[str], trusted: Sequence[str], from_domain: str) -> str:
    """The trusted server that says the mail's DKIM or DMARC passed for the From's domain, reading
    Authentication-Results headers from the top while they name a trusted server; "" if none does."""
    trusted_ids = {name.strip().lower() for name in trusted if name.strip()}
    for value in values:
        server, results = parse_authentication_results(value)
        if server not in trusted_ids:
            break
        for method, result, properties in results:
            if result != "pass":
                continue
            if method == "dkim":
                signer = properties.get("header.d") or properties.get("header.i", "").rpartition("@")[2]
                if signer and vouches_for(signer, from_domain):
                    return server
            if method == "dmarc" and properties.get("header.from", "").lower() == from_domain:
                return server
    return ""


def parse_authentication_results(value: str) -> tuple[str, list[tuple[str, str, dict[str, str]]]]:
    """(authserv-id, [(method, result, {property: value})]) of one Authentication-Results header."""
    text = " ".join(value.split())
    while COMMENT_RE.search(text):
        text = COMMENT_RE.sub(" ", text)
    parts = [part.strip() for part in text.split(";")]
    server = parts[0].split()[0].lower() if parts[0].split() else ""
    results = []
    for part in parts[1:]:
        words = part.split()
        if not words or "=" not in words[0]:
            continue
        method, _, result = words[0].partition("=")
        properties = {}
        for word in words[1:]:
            name, eq, found = word.partition("=")
            if eq:
                properties[name.lower()] = found.strip('"').lower()
        results.append((method.lower().partition("/")[0], result.lower(), properties))
    return server, results

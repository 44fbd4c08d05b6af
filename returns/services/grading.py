"""Grading what came back: the grade decides the disposition; a unit that is not the one shipped
(its serial number or tamper-evident label differs) is marked mismatched, with the evidence; photos
are kept as proof (images only, size-limited, never shown inline)."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk.services.audit import audit

from ..models import PHOTO_MAX_BYTES, PHOTOS_PER_UNIT, Grade, GradedBy, Return, ReturnedUnit, ReturnStatus, UnitPhoto
from ..rules import DISPOSITIONS_BY_GRADE, disposition_for
from .lifecycle import figures_refresh_later, return_receive, return_settle_if_done

# The image formats a photo may be, by their first bytes (never by the name or the browser's word).
IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)


def image_type(data: bytes) -> tuple[str, str] | None:
    """(content type, extension) of a JPEG, PNG, GIF or WebP image; None for anything else."""
    for signature, content_type, extension in IMAGE_SIGNATURES:
        if data.startswith(signature):
            return content_type, extension
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


@transaction.atomic
def return_mark_received(
    *,
    ret: Return,
    received_on: date,
    actor: AbstractBaseUser,
    sender_address: str = "",
    sender_postal_code: str = "",
    sender_country: str = "",
) -> Return:
    """The agent's "parcel received": its units are ready to grade."""
    if ret.status not in (ReturnStatus.REQUESTED, ReturnStatus.AUTHORISED):
        raise ValidationError(f"This return is {ret.get_status_display().lower()}: it cannot be received now.")
    if received_on > timezone.localdate(timezone=ret.account.tzinfo):
        raise ValidationError("The parcel cannot have arrived in the future.")
    return return_receive(
        ret=ret,
        received_on=received_on,
        actor=actor,
        sender_address=sender_address,
        sender_postal_code=sender_postal_code,
        sender_country=sender_country,
    )


@transaction.atomic
def unit_grade(
    *,
    unit: ReturnedUnit,
    grade: str,
    actor: AbstractBaseUser,
    disposition: str = "",
    mismatched: bool = False,
    shipped_serial: str = "",
    returned_serial: str = "",
    note: str = "",
    photos: list[tuple[str, bytes]] = (),
) -> ReturnedUnit:
    """Grade a returned unit (again, if it was: a regrade replaces the grade, audited), with its photos
    as (filename, bytes): a photo refused refuses the whole grading."""
    if grade not in Grade.values:
        raise ValidationError("Choose a grade.")
    shipped_serial, returned_serial, note = shipped_serial.strip(), returned_serial.strip(), note.strip()
    if mismatched and not (note or (shipped_serial and returned_serial)):
        raise ValidationError(
            "Say what does not match: the serial numbers shipped and returned, or a note on the warranty label."
        )
    if mismatched and shipped_serial and shipped_serial == returned_serial:
        raise ValidationError("The serial numbers are the same: the unit is the one shipped.")
    unit = (
        ReturnedUnit.objects.select_for_update(of=("self",)).select_related("ret__account", "ret__case").get(pk=unit.pk)
    )
    before = {"grade": unit.grade, "disposition": unit.disposition, "mismatched": unit.mismatched}
    unit.grade = grade
    unit.disposition = disposition_for(grade, disposition)
    unit.mismatched = mismatched
    unit.shipped_serial, unit.returned_serial, unit.note = shipped_serial, returned_serial, note
    unit.graded_by, unit.grader, unit.graded_at = GradedBy.SELLER, actor, timezone.now()
    unit.save()
    allowed = ", ".join(str(d.label).lower() for d in (DISPOSITIONS_BY_GRADE[grade]))
    summary = (
        f"Unit {unit.sku} #{unit.number} graded {Grade(grade).label.lower()}: {unit.get_disposition_display().lower()}"
    )
    if mismatched:
        serials = (
            f" (shipped {shipped_serial}, returned {returned_serial})" if shipped_serial and returned_serial else ""
        )
        summary += f"; MISMATCHED: not the unit shipped{serials}"
    audit(
        verb="return.unit_graded",
        summary=summary,
        actor=actor,
        case=unit.ret.case,
        account=unit.ret.account,
        before=before,
        after={"grade": grade, "disposition": unit.disposition, "mismatched": mismatched, "allowed": allowed},
    )
    for filename, data in photos:
        unit_photo_add(unit=unit, filename=filename, data=data, actor=actor)
    return_settle_if_done(ret=unit.ret, actor=actor)
    figures_refresh_later(unit.ret, skus=[unit.sku])
    return unit


@transaction.atomic
def unit_photo_add(*, unit: ReturnedUnit, filename: str, data: bytes, actor: AbstractBaseUser) -> UnitPhoto:
    """Keep a photo of a unit: an image (JPEG, PNG, GIF, WebP) of at most 5 MB, at most six a unit."""
    if not data:
        raise ValidationError("The file is empty.")
    if len(data) > PHOTO_MAX_BYTES:
        raise ValidationError(f"That photo is {len(data) / 1024 / 1024:.1f} MB: at most 5 MB.")
    found = image_type(data)
    if found is None:
        raise ValidationError("That file is not a JPEG, PNG, GIF or WebP image.")
    unit = (
        ReturnedUnit.objects.select_for_update(of=("self",)).select_related("ret__account", "ret__case").get(pk=unit.pk)
    )
    if unit.photos.count() >= PHOTOS_PER_UNIT:
        raise ValidationError(f"A unit keeps at most {PHOTOS_PER_UNIT} photos.")
    content_type, extension = found
    stem = "".join(ch for ch in filename.rsplit(".", 1)[0] if ch.isalnum() or ch in "-_ ")[:80].strip() or "photo"
    photo = UnitPhoto.objects.create(
        unit=unit,
        filename=f"{stem}.{extension}",
        content_type=content_type,
        size=len(data),
        data=data,
        uploaded_by=actor,
    )
    audit(
        verb="return.unit_photo",
        summary=f"Photo {photo.filename} of unit {unit.sku} #{unit.number} kept ({len(data) // 1024} KB)",
        actor=actor,
        case=unit.ret.case,
        account=unit.ret.account,
    )
    return photo

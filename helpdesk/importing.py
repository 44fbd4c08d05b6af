"""What every report importer shares: decoding, reading tab-separated flat
files by header name, parsing cell values, and reporting the outcome.

Amazon's flat-file reports are tab-separated with a header row, one record per
physical line, no quoting (a product name may begin with a literal `"`), and
may come gzip-compressed and in a legacy encoding. Importers read columns by
name, because the column set drifts over the years.
"""

import codecs
import csv
import gc
import gzip
import io
import operator
import re
import zlib
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connections, models, router
from django.db.models.expressions import RawSQL
from django.utils import timezone

GZIP_MAGIC = b"\x1f\x8b"
ORDERS_REPORT = "orders"  # the core's own report kind: Amazon's all-orders report
HEALTH_REPORT = "account_health"  # and Amazon's Account Health report (GET_V2_SELLER_PERFORMANCE_REPORT)


class ReportError(Exception):
    """The whole file is rejected: not decodable, or not the report it claims to be."""


class RowRejected(ValueError):
    """One row is rejected; the message is the reason shown to the user."""


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str


@dataclass
class ImportResult:
    imported: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)

    def reject(self, line: int, reason: str) -> None:
        self.rejected += 1
        self.errors.append(RowError(line, reason))

    def summary_line(self) -> str:
        return f"imported: {self.imported}, unchanged: {self.unchanged}, rejected: {self.rejected}"


def legacy_encoding(marketplace: str) -> str:
    """The legacy encoding Amazon uses for a marketplace's reports when they are not UTF-8."""
    return "cp932" if marketplace == "JP" else "cp1252"


def gunzip_capped(data: bytes, *, limit: int) -> bytes:
    """Decompress gzip `data`, refusing (ReportError) output past `limit` bytes: it stops there, so a
    small file that would expand without end (a gzip bomb) costs at most `limit` bytes of memory."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReportError(f"the file looks gzip-compressed but cannot be decompressed: {exc}") from exc
    if len(out) > limit:
        raise ReportError(f"the file decompresses to more than {limit // 2**20} MB: split the report by date range")
    return out


def decode_report(data: bytes, *, fallback_encoding: str) -> str:
    """Gunzip `data` if it starts with the gzip magic bytes (up to IMPORT_MAX_BYTES), then decode it.

    UTF-8 (byte-order mark stripped) is tried first, then `fallback_encoding`
    (cp1252 for Latin-1/Windows-1252 reports, cp932 for Windows-31J ones).
    """
    if data.startswith(GZIP_MAGIC):
        data = gunzip_capped(data, limit=settings.IMPORT_MAX_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode(fallback_encoding)
    except UnicodeDecodeError as exc:
        bad_byte = exc.object[exc.start : exc.start + 1]
        raise ReportError(
            f"the file is neither UTF-8 nor {fallback_encoding}: byte {exc.start} is {bad_byte!r}"
        ) from exc


@dataclass(frozen=True)
class Row:
    """One data line. `cells` has every header column; missing trailing cells are ""."""

    line: int
    cells: dict[str, str]


class FlatFile:
    """A decoded tab-separated report, read by header name.

    Header names are compared lower-cased and stripped; cell values are stripped
    (Amazon writes a lone space for some empty cells). Blank lines are skipped
    but keep their line numbers, so `Row.line` is the line number in the file
    with the header as line 1.
    """

    def __init__(self, text: str, *, required: Collection[str]) -> None:
        self._lines = text.split("\n")
        header = next(csv.reader([self._lines[0].removesuffix("\r")], delimiter="\t", quoting=csv.QUOTE_NONE), [])
        self.header = [name.strip().lower() for name in header]
        if not any(self.header):
            raise ReportError("the file is empty: no header row")
        missing = [name for name in required if name not in self.header]
        if missing:
            found = ", ".join(name for name in self.header if name)
            raise ReportError(
                f"the header has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}; "
                f"found: {found[:300] or 'nothing'}"
            )
        self.columns = frozenset(name for name in self.header if name)

    def rows(self) -> Iterator[Row | RowError]:
        """Yield each data row, or a `RowError` for a line the csv module cannot read."""
        width = len(self.header)
        lines = (line.removesuffix("\r") for line in self._lines[1:])
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        number = 1
        while True:
            number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RowError(number, f"unreadable line: {exc}")
                continue
            cells = list(map(str.strip, cells))
            if not any(cells):
                continue
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            yield Row(number, dict(zip(self.header, cells, strict=False)))


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the length of a bulk import, on again after (if it was on).

    An import holds a chunk of thousands of records and rows while it makes more: the collector
    counts them as survivors and walks the whole heap over and over, a fifth of a returns import's
    Python time. What the import frees, reference counting frees; a cycle it leaves behind waits for
    the next collection after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def bulk_update_by_pk(objs: Sequence[models.Model], fields: Collection[str]) -> None:
    """Save `fields` of already-stored objects of one model: one UPDATE per row, sent with executemany.

    Django's `bulk_update` builds a CASE expression per field and row, which
    costs seconds per thousand rows; psycopg pipelines an executemany instead.
    Like `bulk_update`, it sends no signals and does not touch `auto_now` fields.
    """
    if not objs:
        return
    meta = objs[0]._meta
    connection = connections[router.db_for_write(type(objs[0]))]
    quote = connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {', '.join(f'{quote(f.column)} = %s' for f in columns)} "
        f"WHERE {quote(meta.pk.column)} = %s"
    )
    params = [[f.get_db_prep_save(getattr(obj, f.attname), connection) for f in columns] + [obj.pk] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def among(values: Collection[str]) -> list[str] | RawSQL:
    """The right-hand side of an `__in` filter on thousands of text values (an import chunk's order
    ids): on PostgreSQL one array parameter, where a list is a parameter per value for the driver to
    quote into the statement and the server to parse."""
    values = list(values)
    if connections[router.db_for_read(models.Model)].vendor != "postgresql":
        return values
    return RawSQL("SELECT unnest(%s::text[])", [values])


def _new_keys(connection, meta, count: int) -> list[int]:
    """`count` primary keys from the table's sequence, for rows about to be inserted. The sequence is
    named in a sub-select, evaluated once: `nextval(pg_get_serial_sequence(...))` would look it up
    again for every key, ten times the cost."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval((SELECT pg_get_serial_sequence(%s, %s)::regclass)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


def bulk_insert(objs: Sequence[models.Model]) -> None:
    """Insert new objects of one model, as `bulk_create` does (primary keys set on the objects,
    `auto_now`/`auto_now_add` fields filled, no signals), with PostgreSQL's COPY.

    `bulk_create` builds one INSERT of every value of every row, which costs seconds per ten
    thousand wide rows; COPY streams them. The keys come from the table's sequence first, so the
    objects can be pointed at by the next insert. Elsewhere (SQLite) it is `bulk_create`."""
    if not objs:
        return
    model = type(objs[0])
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs)
        return
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_insert")
    missing = [obj for obj in objs if obj.pk is None]
    for obj, pk in zip(missing, _new_keys(connection, meta, len(missing)) if missing else [], strict=True):
        obj.pk = pk
    # Most values go to psycopg as they are, read in one go; fields that compute theirs (auto_now)
    # or need adapting (JSON) are asked for it.
    fields = list(meta.concrete_fields)
    special = [f for f in fields if _computed(f)]
    plain = [f for f in fields if f not in special]
    read = operator.attrgetter(*(f.attname for f in plain))
    single = len(plain) == 1
    with _copy(connection, meta, [*plain, *special]) as copy:
        for obj in objs:
            values = [read(obj)] if single else list(read(obj))
            values += [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in special]
            copy.write_row(values)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


def copy_insert(model: type[models.Model], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows of `model` given as field values by attname — the model's defaults for the fields
    left out, `auto_now` fields now — without making model instances, and return their new primary
    keys in order: the fastest way in for an import of hundreds of thousands of rows (COPY on
    PostgreSQL; `bulk_create` elsewhere)."""
    if not rows:
        return []
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    if connection.vendor != "postgresql":
        objs = model._default_manager.bulk_create([model(**row) for row in rows])
        return [obj.pk for obj in objs]
    keys = _new_keys(connection, meta, len(rows))
    now = timezone.now()
    defaults = [now if _computed(f) and not isinstance(f, models.JSONField) else f.get_default() for f in fields]
    # JSON values go to psycopg adapted (a missing one is SQL NULL, as Django writes None).
    adapt = [(1 + index, f) for index, f in enumerate(fields) if isinstance(f, models.JSONField)]
    names = [f.attname for f in fields]
    with _copy(connection, meta, [meta.pk, *fields]) as copy:
        for pk, row in zip(keys, rows, strict=True):
            values = [pk, *map(row.get, names, defaults)]
            for index, f in adapt:
                if values[index] is not None:
                    values[index] = f.get_db_prep_save(values[index], connection)
            copy.write_row(values)
    return keys


def _computed(field: models.Field) -> bool:
    """A field whose stored value is not simply the attribute's: auto_now(_add), or JSON to adapt."""
    automatic = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    return automatic or isinstance(field, models.JSONField)


@contextmanager
def _copy(connection, meta, fields: list[models.Field]) -> Iterator:
    """A COPY into the model's table, of `fields`: `write_row(values)` on what it yields."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        yield copy


def parse_aware_datetime(value: str, *, column: str) -> datetime | None:
    """An ISO 8601 timestamp with a UTC offset; "" is None."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise RowRejected(f"bad {column} {value!r}: expected an ISO 8601 date and time") from None
    if parsed.tzinfo is None:
        raise RowRejected(f"bad {column} {value!r}: no UTC offset")
    return parsed


_DECIMAL_RE = re.compile(r"-?\d+(?:\.\d+)?", re.ASCII)
_MONEY_LIMIT = Decimal(10) ** 10
_CENT = Decimal("0.01")


def parse_money(value: str, *, column: str) -> Decimal | None:
    """An amount such as `14.0` or `-1.50`, rounded to cents; "" is None."""
    if not value:
        return None
    if not _DECIMAL_RE.fullmatch(value):
        raise RowRejected(f"bad {column} {value!r}: expected a number such as 12.34")
    amount = Decimal(value)
    if abs(amount) >= _MONEY_LIMIT:
        raise RowRejected(f"bad {column} {value[:40]!r}: too large")
    return amount.quantize(_CENT)


def parse_count(value: str, *, column: str) -> int:
    if not value.isascii() or not value.isdigit() or int(value) > 2_147_483_647:
        raise RowRejected(f"bad {column} {value!r}: expected a whole number")
    return int(value)


def parse_bool(value: str, *, column: str) -> bool:
    """Amazon's `true` / `false`; "" is False."""
    lowered = value.lower()
    if lowered in {"true", "yes", "y", "1"}:
        return True
    if lowered in {"", "false", "no", "n", "0"}:
        return False
    raise RowRejected(f"bad {column} {value!r}: expected true or false")


def parse_text(value: str, *, column: str, max_length: int) -> str:
    if len(value) > max_length:
        raise RowRejected(f"bad {column} {value[:40]!r}: longer than {max_length} characters")
    return value

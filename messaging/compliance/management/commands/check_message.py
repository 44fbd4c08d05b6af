import json
import sys
from dataclasses import asdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from helpdesk.models import SellerAccount
from messaging.compliance.checker import Finding, check_text, is_blocked
from messaging.compliance.services import compliance_check


def _finding_json(finding: Finding) -> dict:
    data = asdict(finding)
    return {"rule": data.pop("rule"), "span": [data.pop("start"), data.pop("end")], **data}


class Command(BaseCommand):
    help = (
        "Check buyer messages against Amazon's messaging rules (and, with --account, that account's own rules and "
        "allowed domains). FILE (or standard input) holds one message; with --jsonl, one JSON object "
        '{"text": ...} a line, each answered by one JSON line {"blocked": ..., "findings": [...]}. '
        'Blank lines are skipped; a line that is not such an object is answered with {"error": ...}. '
        "The exit status is 0 whatever the messages say."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--account", metavar="SLUG", help="Also apply this seller account's rules and allow-list.")
        parser.add_argument(
            "--jsonl", action="store_true", help='Read one {"text": ...} object a line; answer in JSON.'
        )
        parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="The input file; - or none: stdin.")

    def handle(self, *args, account: str | None, jsonl: bool, file: str, **options) -> None:
        seller = None
        if account is not None:
            seller = SellerAccount.objects.filter(slug=account).first()
            if seller is None:
                raise CommandError(f"No seller account with slug {account!r}.")
        try:
            data = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from exc

        def check(text: str) -> list[Finding]:
            return check_text(text) if seller is None else compliance_check(text=text, account=seller)

        if jsonl:
            for number, line in enumerate(data.splitlines(), start=1):
                if line.strip():
                    self.stdout.write(json.dumps(self._answer(line, number, check), ensure_ascii=False))
        else:
            self._report(data, check(data))

    def _answer(self, line: str, number: int, check) -> dict:
        try:
            message = json.loads(line)
        except json.JSONDecodeError as exc:
            return {"error": f"line {number}: not JSON ({exc.msg})"}
        if not isinstance(message, dict) or not isinstance(message.get("text"), str):
            return {"error": f'line {number}: expected an object with a "text" string'}
        findings = check(message["text"])
        return {"blocked": is_blocked(findings), "findings": [_finding_json(f) for f in findings]}

    def _report(self, text: str, findings: list[Finding]) -> None:
        blocking = sum(f.blocking for f in findings)
        if blocking:
            self.stdout.write(f"BLOCKED: {blocking} finding{'s' if blocking != 1 else ''} forbid sending this message.")
        else:
            self.stdout.write("OK: nothing forbids sending this message.")
        for f in findings:
            line, column = text.count("\n", 0, f.start) + 1, f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            kind = "block " if f.blocking else "advice"
            where = f"{line}:{column}" if f.end > f.start else "-"
            quoted = f" {f.text!r}" if f.text else ""
            self.stdout.write(f"  {kind} {f.rule} at {where}{quoted}: {f.explanation}")

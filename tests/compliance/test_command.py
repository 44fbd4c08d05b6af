import io
import json

import pytest
from django.core.management import CommandError, call_command

from messaging.compliance.services import allowed_domain_add, compliance_rule_create


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command("check_message", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.fixture
def stdin(monkeypatch):
    def feed(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    return feed


def test_a_plain_file_is_one_message(tmp_path):
    path = tmp_path / "template.txt"
    path.write_text("Hello,\nplease call (555) 123-4567.\n", encoding="utf-8")
    lines = run(str(path))
    assert lines[0] == "BLOCKED: 1 finding forbid sending this message."
    assert lines[1].startswith("  block  phone at 2:13 '(555) 123-4567': Amazon forbids phone numbers")
    assert len(lines) == 2


def test_stdin_when_no_file(stdin):
    stdin("Thanks for your patience, the refund is on its way.")
    assert run() == ["OK: nothing forbids sending this message."]


def test_jsonl_answers_one_json_line_per_message(tmp_path):
    path = tmp_path / "templates.jsonl"
    path.write_text(
        '{"text": "See www.acme.com", "name": "manual"}\n\n{"text": "Thanks!"}\n[1, 2]\nnot json\n', encoding="utf-8"
    )
    answers = [json.loads(line) for line in run("--jsonl", str(path))]
    assert answers == [
        {
            "blocked": True,
            "findings": [
                {
                    "rule": "link",
                    "span": [4, 16],
                    "text": "www.acme.com",
                    "explanation": answers[0]["findings"][0]["explanation"],
                    "blocking": True,
                }
            ],
        },
        {"blocked": False, "findings": []},
        {"error": 'line 4: expected an object with a "text" string'},
        {"error": "line 5: not JSON (Expecting value)"},
    ]
    assert answers[0]["findings"][0]["explanation"].startswith("Amazon forbids links")


def test_jsonl_from_stdin(stdin):
    stdin('{"text": "Leave 5 stars!"}\n')
    [answer] = [json.loads(line) for line in run("--jsonl")]
    assert answer["blocked"] is True and [f["rule"] for f in answer["findings"]] == ["positive_review"]


def test_account_adds_its_rules_and_allow_list(stdin, account, admin_user):
    compliance_rule_create(account=account, kind="phrase", pattern="outlet", message="No outlets.", actor=admin_user)
    allowed_domain_add(account=account, domain="acme.com", actor=admin_user)
    text = '{"text": "Our outlet: www.acme.com"}\n'
    stdin(text)
    [plain] = [json.loads(line) for line in run("--jsonl")]
    stdin(text)
    [with_account] = [json.loads(line) for line in run("--jsonl", "--account", account.slug)]
    assert [f["rule"] for f in plain["findings"]] == ["link"]
    assert [(f["text"], f["explanation"]) for f in with_account["findings"]] == [("outlet", "No outlets.")]


def test_unknown_account_is_an_error(db, stdin):
    stdin("hi")
    with pytest.raises(CommandError, match="No seller account with slug 'nope'"):
        run("--account", "nope")


def test_unreadable_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.txt"))

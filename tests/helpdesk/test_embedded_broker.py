"""The embedded run's file broker never shows a worker a message before it is whole."""

import os

from kombu import Connection

from helpdesk.broker import Transport


def test_a_message_appears_whole_under_its_queue_name_and_is_read_back(tmp_path):
    folder = str(tmp_path)
    options = {"data_folder_in": folder, "data_folder_out": folder, "store_processed": False}
    with Connection(transport=Transport, transport_options=options) as connection:
        channel = connection.default_channel
        channel._put("celery", {"body": "x" * 100_000})
        names = os.listdir(folder)
        assert len(names) == 1 and names[0].endswith(".celery.msg") and not names[0].startswith(".")
        assert channel._get("celery") == {"body": "x" * 100_000}
        assert os.listdir(folder) == []


def test_a_partial_message_is_no_queues(tmp_path):
    folder = str(tmp_path)
    (tmp_path / ".1_abc.celery.msg.partial").write_bytes(b"")
    options = {"data_folder_in": folder, "data_folder_out": folder, "store_processed": False}
    with Connection(transport=Transport, transport_options=options) as connection:
        channel = connection.default_channel
        try:
            channel._get("celery")
        except Exception as exc:  # noqa: BLE001 - kombu says "empty" with its own exception
            assert type(exc).__name__ == "Empty"
        else:
            raise AssertionError("a partial file was read as a message")

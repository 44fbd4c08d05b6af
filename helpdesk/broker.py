"""The embedded run's broker: kombu's filesystem transport, with every message whole before it appears.

kombu's own `_put` creates the message file and then writes it, so a worker listing the folder in
between takes an empty file and dies on it (JSONDecodeError, the whole worker stopped). Here a
message is written under a name no queue reads, then renamed into place: a rename is atomic on one
filesystem, so a reader sees a whole message or none."""

import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        # A leading dot: `_get` reads only "<anything>.<queue>.msg", which this name is not.
        partial = os.path.join(self.data_folder_out, f".{name}.partial")
        try:
            with open(partial, "wb") as f:
                f.write(str_to_bytes(dumps(payload)))
            os.replace(partial, os.path.join(self.data_folder_out, name))
        except OSError as exc:
            raise ChannelError(f"Cannot add file {name!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel

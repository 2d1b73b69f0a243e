"""The browser import's size limit, held while the upload is received.

Django's own handlers write a whole upload to a temporary file before a form sees its size.
`UploadLimit` goes first in `request.upload_handlers` and stops a file as soon as it
passes `ingest.limits.MAX_UPLOAD_BYTES`: when the request declares more than the limit (and
the form's few fields) no byte of the file is read; a file that turns out larger is dropped
at the chunk that passes the limit, with what was held of it. Either way the view sees
`refused` and shows the form's error.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload

from clusterhub.ingest import limits

# Room for the form's other fields and the multipart framing around the file.
FORM_ALLOWANCE = 64 * 1024
# A refused request declaring up to this many times the limit is read to its end (and
# thrown away) so the browser gets the page with the error; a larger one is cut off
# unread, which a browser may show as a broken connection.
READ_REFUSED_UP_TO = 4


class UploadLimit(FileUploadHandler):
    """Refuse an upload past the limit while it arrives (install before POST is read)."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.refused = False
        self.declared = 0

    def handle_raw_input(
        self,
        input_data: Any,
        META: Any,
        content_length: int,
        boundary: Any,
        encoding: str | None = None,
    ) -> None:
        self.declared = content_length
        return None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        limit = limits.MAX_UPLOAD_BYTES
        if self.declared > limit + FORM_ALLOWANCE:
            self.refused = True
            raise StopUpload(connection_reset=self.declared > READ_REFUSED_UP_TO * limit)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > limits.MAX_UPLOAD_BYTES:
            self.refused = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

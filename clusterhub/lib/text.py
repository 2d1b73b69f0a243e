"""Text normalisation for matching names typed without diacritics or capitals."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O"})


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form: "Łódź" -> "lodz", "ZDRAVÍ" -> "zdravi"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL).casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def cut(text: str, limit: int) -> str:
    """`text`, or its first characters and "..." so that it is `limit` characters long."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 3, 0)] + "..."

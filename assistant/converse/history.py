"""History: the conversation so far as the caller sends it (a chat's messages), read and bounded.

A history is a list of `{"role": "user" | "assistant" | "system", "content": ...}` messages, oldest
first, user turns only or both; the content is a string or Gradio's content blocks. Only the last
`TURNS` user turns are read: a follow-up leans on the last turn or two, and an old turn would only
bend a new question. Nothing is kept between calls.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TURNS = 4
ROLES = ("user", "assistant", "system")


class HistoryError(ValueError):
    """A history that is not a list of {"role", "content"} messages; the message says what is wrong."""


def text_of(content: Any) -> str:
    """Plain text of a message's content (a string or Gradio 6 content blocks)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(text_of(c) for c in content)
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "")
    return str(content or "")


def user_turns(history: Sequence[Any] | None, limit: int = TURNS) -> list[str]:
    """The text of the last `limit` user turns, oldest first (empty ones left out)."""
    if not history:
        return []
    if not isinstance(history, (list, tuple)):
        raise HistoryError(f"history must be a list of {{role, content}} messages, not {type(history).__name__}")
    turns = []
    for n, message in enumerate(history, 1):
        if not isinstance(message, dict) or "content" not in message:
            raise HistoryError(f"history message {n} must be an object with 'role' and 'content'")
        role = message.get("role", "user")
        if role not in ROLES:
            raise HistoryError(f"history message {n} has role {role!r}; expected one of {', '.join(ROLES)}")
        text = " ".join(text_of(message["content"]).split())
        if role == "user" and text:
            turns.append(text)
    return turns[-limit:] if limit > 0 else []

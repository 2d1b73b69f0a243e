"""Signals of the history: other apps learn that the registry changed."""

from django.dispatch import Signal

# Sent once the transaction that recorded history entries has committed (at once outside
# a transaction). No arguments but `sender`.
history_committed = Signal()

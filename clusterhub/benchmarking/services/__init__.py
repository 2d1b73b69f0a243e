"""Every write of the benchmarking app: views, commands and the importer call these.

Each service validates what it is given, writes the audit entry and returns the object.
"""

from clusterhub.benchmarking.services.questionnaires import PublishRefused, publish
from clusterhub.benchmarking.services.responses import (
    AnswersInvalid,
    NotAnswerable,
    ResponseLocked,
    check_answerable,
    reopen_response,
    save_response,
)
from clusterhub.benchmarking.services.surveys import (
    Mailing,
    SurveyInvalid,
    address_of,
    create_survey,
    ensure_invitation,
    invite,
    send_reminders,
)

__all__ = [
    "AnswersInvalid",
    "Mailing",
    "NotAnswerable",
    "PublishRefused",
    "ResponseLocked",
    "SurveyInvalid",
    "address_of",
    "check_answerable",
    "create_survey",
    "ensure_invitation",
    "invite",
    "publish",
    "reopen_response",
    "save_response",
    "send_reminders",
]

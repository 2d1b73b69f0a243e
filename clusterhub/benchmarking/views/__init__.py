"""The survey pages (`/surveys/...`): rounds for coordinators, responses for managers."""

"""Input files built in code, in the formats and with the quirks of the published ones."""

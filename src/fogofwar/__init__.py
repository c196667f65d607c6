"""fogofwar: war reporting in, ACLED-style events with evidence and contested casualty claims out."""

__version__ = "0.1.0"

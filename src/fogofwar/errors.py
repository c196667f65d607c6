"""One exception tree with coded messages, handled in one place (cli.py, web).

Codes are stable so that scripts and tests can grep for them.
"""

from __future__ import annotations


class FogError(Exception):
    code = "F000"
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # one clear line
        return f"[{self.code}] {self.message}"


class InputError(FogError):
    """Bad input: the user can fix it."""

    code = "F100"
    exit_code = 2


class MissingFileError(InputError):
    code = "F101"


class EmptyInputError(InputError):
    code = "F102"


class BinaryInputError(InputError):
    code = "F103"


class EncodingError(InputError):
    code = "F104"


class BadDateError(InputError):
    code = "F105"


class UnknownFormatError(InputError):
    code = "F106"


class BadRecordError(InputError):
    code = "F107"


class TooLargeError(InputError):
    code = "F108"


class UnknownLanguageError(InputError):
    code = "F109"


class CodebookError(FogError):
    """The shipped or user codebook is inconsistent: a bug in data, not in input."""

    code = "F200"


class StoreError(FogError):
    code = "F300"
    exit_code = 3

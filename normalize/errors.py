"""The exceptions normalize raises. The library never prints or exits; the CLI
turns these into messages and exit codes."""


class NormalizeError(Exception):
    """Base class of every error normalize raises on purpose."""


class ConfigError(NormalizeError, ValueError):
    """A `Config` value, a config file or a user rule pack is invalid."""


class RuleError(ConfigError):
    """A user leftover rule is invalid or too slow; the message names the rule."""


class RestoreError(NormalizeError):
    """The edits do not fit the text they are said to come from."""


class InputError(NormalizeError):
    """An input cannot be read or decoded; the message names the file and reason."""


class BinaryInputError(InputError):
    """An input looks like binary data (an image, an archive, NUL bytes), not
    text. The message says what to do; `short` says only what it looks like."""

    def __init__(self, message: str, short: str | None = None) -> None:
        super().__init__(message, short or message)
        self.short = short or message

    def __str__(self) -> str:
        return self.args[0]


class OutputError(NormalizeError):
    """An output cannot be written where asked, or would overwrite an input or
    leave its output folder; the message names the path."""

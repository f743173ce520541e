"""The `normalize` command. The only package that imports click.

    command    the options and the run: `main`
    settings   config files and option checks, before any input is read
    show       what the run says: problems, --explain, --diff, progress

The work is the library's: `jobs.planning` plans where outputs go,
`jobs.batch` reads, cleans (in several processes) and writes atomically,
`views.report` and `views.review` record what changed. This package turns
options into those calls, and what happened into messages and exit codes:

    0  everything was cleaned
    1  some inputs or records were not; each is named on stderr with the
       reason, and the rest were still done
    2  the command line, a config file or a rule pack is wrong; nothing was
       read or written
"""
from .command import main
from .settings import load_config

__all__ = ["load_config", "main"]

"""Many inputs: what the command line does with files and folders.

    decoding      reading inputs: encodings, byte order marks, binary data
    writing       atomic writes, backups, folders made without following links
    planning      inputs mapped to outputs; what --resume takes as done
    compression   compressed files, by the suffix of their name
    jsonl         JSON Lines records, read and written back as they were
    inputs        a run's reading side: each task's input as pieces of work
    events        what flows through a run, and what it yields (Shown, Problem)
    batch         a run: clean the pieces in processes, write each output atomically

Nothing here needs click; the core (`normalize.pipeline`, `streaming`) never
imports this package.
"""

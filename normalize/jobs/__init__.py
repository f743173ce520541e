"""Many inputs: what the command line does with files and folders.

    decoding      reading inputs: encodings, byte order marks, binary data
    writing       atomic writes, backups, folders made without following links
    temporaries   temporary files a crash cannot leave behind; sweeping stale ones
    planning      inputs mapped to outputs, before anything is read
    manifest      what made each output of a folder, for --resume; one writer at a time
    compression   compressed files, by the suffix of their name
    jsonl         JSON Lines records, read and written back as they were
    html          HTML pages: the article text, taken out with trafilatura (extra [html])
    parquet       Parquet shards, a row group at a time (extra `parquet`)
    rejects       the records a run left out, kept across --resume
    inputs        a run's reading side: each task's input as pieces of work
    events        what flows through a run, and what it yields (Shown, Problem)
    batch         a run: clean the pieces in processes, write each output atomically

Nothing here needs click; the core (`normalize.pipeline`, `streaming`) never
imports this package.
"""

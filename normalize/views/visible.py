"""Stand-ins for characters that a terminal or a page would not show, or
would act on (a tab moves the cursor, BEL rings, ESC starts a sequence):
the views show a change's surroundings with these instead, never the raw
control character. One table, so that `--explain` and `--review` agree.
"""
# Control characters as their Unicode control pictures (U+2400 ...), DEL
# as ␡, and the two a reader meets most as arrows: newline ↵, tab ⇥.
VISIBLE = {c: chr(0x2400 + c) for c in range(0x20)} | {0x7F: "\u2421", 0x0A: "↵", 0x09: "⇥"}

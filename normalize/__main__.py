"""`python -m normalize` runs the command line."""
from .cli import main

main(prog_name="normalize")

"""`python -m bot` does what `kazserb-bot` does."""
import sys

from .cli import main

sys.exit(main())

"""``python -m sources``."""

import sys

from sources.cli import main

sys.exit(main())

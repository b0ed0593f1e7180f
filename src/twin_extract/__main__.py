"""``python -m twin_extract`` is the same as ``twin-extract``."""

import sys

from .cli import main

sys.exit(main())

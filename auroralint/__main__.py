"""``python -m auroralint``."""

from auroralint.cli import main

raise SystemExit(main())

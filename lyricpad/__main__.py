"""Run lyricpad with `python -m lyricpad`."""

from lyricpad.main import main

raise SystemExit(main())

"""The bundle's entry point: the `lyricpad` command (lyricpad.main:main), as pip's script runs it."""

from lyricpad.main import main

raise SystemExit(main())

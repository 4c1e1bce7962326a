"""lyricpad's core: models, the SQLite library, anchoring and text handling. Never imports Qt."""

"""One module per CLI command, each exposing ``command``: wiring only, the work is elsewhere."""

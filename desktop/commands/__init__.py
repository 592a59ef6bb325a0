"""One module per `cartref` sub-command; each exposes `register(subparsers)`."""

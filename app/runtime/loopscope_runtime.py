"""PLACEHOLDER: the loopscope runtime (see docs/trace-format.md)."""

"""Live cloud readers. Each provider lives in its own subpackage."""

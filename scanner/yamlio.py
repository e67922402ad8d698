"""One YAML loader for the data files: libyaml's where PyYAML was built with it (several times faster)."""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML safely; raises ``yaml.YAMLError`` as ``yaml.safe_load`` would."""
    return yaml.load(text, Loader=SAFE_LOADER)

"""Policies as data: YAML files validated by a JSON schema, evaluated over an Inventory."""

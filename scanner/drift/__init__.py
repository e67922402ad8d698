"""Drift: compare the IaC inventory (state, plan, Pulumi export) with the live one.

Pipeline: match by (type, id) → normalise both sides (one pure normaliser per type) → diff →
ignore rules → findings. See ``engine.compute_drift`` and ``run.run_drift``.
"""

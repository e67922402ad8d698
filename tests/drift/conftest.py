from tests.cloud.endpoints import dying_server  # noqa: F401  (fixture)

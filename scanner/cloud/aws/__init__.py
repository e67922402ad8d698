"""Live AWS readers: ``read_live`` lists the supported Terraform types through boto3.

Usage::

    from scanner.cloud.aws import SessionFactory, read_live
    live = read_live(None, ["us-east-1"], SessionFactory(endpoint_url="http://127.0.0.1:5000"))
"""

from scanner.cloud.aws.catalog import supported_types
from scanner.cloud.aws.readers import LiveRead, read_live
from scanner.cloud.aws.session import ClientFactory, SessionFactory

__all__ = ["ClientFactory", "LiveRead", "SessionFactory", "read_live", "supported_types"]

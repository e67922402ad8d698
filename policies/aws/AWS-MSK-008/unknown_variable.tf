variable "value" {
  type = bool
}

resource "aws_mskconnect_connector" "sink" {
  name                 = "sink"
  kafkaconnect_version = "2.7.1"
  connector_configuration = {
    "connector.class" = "io.confluent.connect.s3.S3SinkConnector"
    "tasks.max"       = "1"
  }
  service_execution_role_arn = "arn:aws:iam::111122223333:role/msk-connect"

  capacity {
    provisioned_capacity {
      mcu_count    = 1
      worker_count = 1
    }
  }

  kafka_cluster {
    apache_kafka_cluster {
      bootstrap_servers = "b-1.events.abc123.c2.kafka.us-east-1.amazonaws.com:9098"

      vpc {
        security_groups = ["sg-0123456789abcdef0"]
        subnets         = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
      }
    }
  }

  kafka_cluster_client_authentication {
    authentication_type = "IAM"
  }

  kafka_cluster_encryption_in_transit {
    encryption_type = "TLS"
  }

  plugin {
    custom_plugin {
      arn      = "arn:aws:kafkaconnect:us-east-1:111122223333:custom-plugin/s3-sink/abc"
      revision = 1
    }
  }

  log_delivery {
    worker_log_delivery {
      cloudwatch_logs {
        enabled   = var.value
        log_group = "/msk-connect/sink"
      }
    }
  }
}

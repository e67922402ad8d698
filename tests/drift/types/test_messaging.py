"""``aws_sns_topic_subscription``, ``aws_sqs_queue_policy`` and ``aws_cloudwatch_metric_alarm``."""

from __future__ import annotations

import json

from tests.drift.types.harness import ACCOUNT, REGION, aws, drift, in_sync, state

QUEUE_ARN = f"arn:aws:sqs:{REGION}:{ACCOUNT}:jobs"
TOPIC_ARN = f"arn:aws:sns:{REGION}:{ACCOUNT}:events"


def _policy(effect: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "topic",
                    "Effect": effect,
                    "Principal": {"Service": "sns.amazonaws.com"},
                    "Action": "sqs:SendMessage",
                    "Resource": QUEUE_ARN,
                    "Condition": {"ArnEquals": {"aws:SourceArn": TOPIC_ARN}},
                }
            ],
        }
    )


def test_sqs_queue_policy_in_sync_then_changed(aws_endpoint: str) -> None:
    sqs = aws(aws_endpoint, "sqs")
    url = sqs.create_queue(QueueName="jobs", Attributes={"Policy": _policy("Allow")})["QueueUrl"]
    pretty = json.dumps(json.loads(_policy("Allow")), indent=2, sort_keys=True)
    inv = state(
        (
            "aws_sqs_queue_policy",
            "jobs",
            # The state's URL may name another host than the endpoint: the queue name matches.
            {"id": f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/jobs", "policy": pretty, "queue_url": url},
        )
    )
    in_sync(aws_endpoint, inv, "aws_sqs_queue_policy")
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": _policy("Deny")})
    assert drift(aws_endpoint, inv, "aws_sqs_queue_policy") == [
        ("DRIFT-CHANGED", "aws_sqs_queue_policy.jobs", "policy")
    ]


def test_sns_subscription_in_sync_then_changed(aws_endpoint: str) -> None:
    aws(aws_endpoint, "sqs").create_queue(QueueName="jobs")
    sns = aws(aws_endpoint, "sns")
    topic = sns.create_topic(Name="events")["TopicArn"]
    arn = sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=QUEUE_ARN, ReturnSubscriptionArn=True)[
        "SubscriptionArn"
    ]
    inv = state(
        (
            "aws_sns_topic_subscription",
            "jobs",
            {
                "id": arn,
                "arn": arn,
                "confirmation_timeout_in_minutes": 1,
                "confirmation_was_authenticated": True,
                "delivery_policy": "",
                "endpoint": QUEUE_ARN,
                "endpoint_auto_confirms": False,
                "filter_policy": "",
                "filter_policy_scope": "",
                "owner_id": ACCOUNT,
                "pending_confirmation": False,
                "protocol": "sqs",
                "raw_message_delivery": False,
                "redrive_policy": "",
                "replay_policy": "",
                "subscription_role_arn": "",
                "topic_arn": topic,
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_sns_topic_subscription")
    sns.set_subscription_attributes(
        SubscriptionArn=arn, AttributeName="RawMessageDelivery", AttributeValue="true"
    )
    assert drift(aws_endpoint, inv, "aws_sns_topic_subscription") == [
        ("DRIFT-CHANGED", "aws_sns_topic_subscription.jobs", "raw_message_delivery")
    ]


def test_subscription_of_a_deleted_topic_is_deleted(aws_endpoint: str) -> None:
    sns = aws(aws_endpoint, "sns")
    topic = sns.create_topic(Name="events")["TopicArn"]
    arn = sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=QUEUE_ARN, ReturnSubscriptionArn=True)[
        "SubscriptionArn"
    ]
    inv = state(("aws_sns_topic_subscription", "jobs", {"id": arn, "arn": arn, "topic_arn": topic}))
    sns.delete_topic(TopicArn=topic)
    assert drift(aws_endpoint, inv, "aws_sns_topic_subscription") == [
        ("DRIFT-DELETED", "aws_sns_topic_subscription.jobs", "")
    ]


def test_metric_alarm_in_sync_then_changed(aws_endpoint: str) -> None:
    cw = aws(aws_endpoint, "cloudwatch")
    alarm = {
        "AlarmName": "queue-depth",
        "ComparisonOperator": "GreaterThanThreshold",
        "EvaluationPeriods": 2,
        "MetricName": "ApproximateNumberOfMessagesVisible",
        "Namespace": "AWS/SQS",
        "Period": 300,
        "Statistic": "Average",
        "Threshold": 100.0,
        "AlarmActions": [TOPIC_ARN],
        "Dimensions": [{"Name": "QueueName", "Value": "jobs"}],
        "Tags": [{"Key": "team", "Value": "ops"}],
    }
    cw.put_metric_alarm(**alarm)
    arn = f"arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:queue-depth"
    inv = state(
        (
            "aws_cloudwatch_metric_alarm",
            "depth",
            {
                "id": "queue-depth",
                "actions_enabled": True,
                "alarm_actions": [TOPIC_ARN],
                "alarm_description": "",
                "alarm_name": "queue-depth",
                "arn": arn,
                "comparison_operator": "GreaterThanThreshold",
                "datapoints_to_alarm": 0,
                "dimensions": {"QueueName": "jobs"},
                "evaluate_low_sample_count_percentiles": "",
                "evaluation_periods": 2,
                "extended_statistic": "",
                "insufficient_data_actions": [],
                "metric_name": "ApproximateNumberOfMessagesVisible",
                "metric_query": [],
                "namespace": "AWS/SQS",
                "ok_actions": [],
                "period": 300,
                "statistic": "Average",
                "tags": {"team": "ops"},
                "tags_all": {"team": "ops"},
                "threshold": 100,
                "threshold_metric_id": "",
                "treat_missing_data": "missing",
                "unit": "",
            },
        )
    )
    in_sync(aws_endpoint, inv, "aws_cloudwatch_metric_alarm")
    cw.put_metric_alarm(**{**alarm, "Threshold": 500.0})
    assert drift(aws_endpoint, inv, "aws_cloudwatch_metric_alarm") == [
        ("DRIFT-CHANGED", "aws_cloudwatch_metric_alarm.depth", "threshold")
    ]

// Operational alarms on the queues, all sent to one KMS-encrypted SNS topic that operators subscribe to:
// any message in a dead-letter queue, and a consumed queue whose oldest message is getting old (its consumer
// is failing or falling behind).
import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { HotlineQueues } from './queues.js';

/** A consumed queue whose oldest message is older than this raises an alarm. */
export const MAX_MESSAGE_AGE = Duration.minutes(5);

export interface QueueAlarmsProps {
  readonly queues: HotlineQueues;
}

export class QueueAlarms extends Construct {
  readonly topic: Topic;
  readonly dlqAlarms: Alarm[] = [];
  readonly ageAlarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: QueueAlarmsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const account = stack.account;

    // A customer-managed key, because the AWS-managed SNS key cannot be opened to CloudWatch, which must
    // encrypt the alarm notifications it publishes.
    const key = new Key(this, 'TopicKey', {
      description: 'hotline12345: encrypts the alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsMayPublishEncrypted',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );

    this.topic = new Topic(this, 'Topic', {
      displayName: 'hotline12345 alarms',
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy made for enforceSSL replaces SNS's default one, so CloudWatch is allowed explicitly.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsMayPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    const action = new SnsAction(this.topic);

    for (const pair of props.queues.all) {
      const dlqAlarm = new Alarm(this, `${pair.name}-dlq-not-empty`, {
        alarmName: `${stack.stackName}-${pair.name}-dlq-not-empty`,
        alarmDescription: `Messages in ${pair.name}'s dead-letter queue: cases that failed ${pair.name} repeatedly. Inspect and redrive.`,
        metric: pair.dlq.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      dlqAlarm.addAlarmAction(action);
      dlqAlarm.addOkAction(action);
      this.dlqAlarms.push(dlqAlarm);

      if (!pair.consumedHere) continue;
      const ageAlarm = new Alarm(this, `${pair.name}-oldest-message-age`, {
        alarmName: `${stack.stackName}-${pair.name}-oldest-message-age`,
        alarmDescription: `The oldest message in ${pair.name} is older than ${MAX_MESSAGE_AGE.toSeconds()} s: its consumer is failing or falling behind.`,
        metric: pair.queue.metricApproximateAgeOfOldestMessage({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        threshold: MAX_MESSAGE_AGE.toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      ageAlarm.addAlarmAction(action);
      ageAlarm.addOkAction(action);
      this.ageAlarms.push(ageAlarm);
    }
  }
}

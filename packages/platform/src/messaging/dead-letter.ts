import { dlqTopicOf } from '@frontoffice/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { OutgoingMessage } from './kafka-producer.service';

/** Headers a dead-lettered message carries beside its original ones: enough to understand and replay it. */
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
  /** Why, as a stable code an operator or a script can filter on; `dlq-reason` says it in words. */
  reasonCode: 'dlq-reason-code',
} as const;

export type DeadLetterReasonCode =
  'unparsable' | 'invalid-envelope' | 'invalid-payload' | 'wrong-topic' | 'key-mismatch' | 'handler-refused';

export function headersAsStrings(headers: KafkaMessage['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return result;
}

export function deadLetterMessage(args: {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  attempts: number;
  reason: string;
  reasonCode?: DeadLetterReasonCode;
}): OutgoingMessage {
  return {
    topic: dlqTopicOf(args.topic),
    key: args.message.key?.toString() ?? '',
    value: args.message.value?.toString() ?? '',
    headers: {
      ...headersAsStrings(args.message.headers),
      [DLQ_HEADERS.reason]: args.reason.slice(0, 4000),
      [DLQ_HEADERS.originalTopic]: args.topic,
      [DLQ_HEADERS.originalPartition]: String(args.partition),
      [DLQ_HEADERS.originalOffset]: args.message.offset,
      [DLQ_HEADERS.consumerGroup]: args.consumerGroup,
      [DLQ_HEADERS.attempts]: String(args.attempts),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
      ...(args.reasonCode ? { [DLQ_HEADERS.reasonCode]: args.reasonCode } : {}),
    },
  };
}

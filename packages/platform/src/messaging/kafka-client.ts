import { Kafka, KafkaConfig, logLevel, LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';

// kafkajs announces a partitioner change on every producer; we pin the default partitioner explicitly.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

const logger = new Logger('Kafka');

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * The one place that builds a kafkajs client. kafkajs is unmaintained; keeping it behind this package means a move
 * to another client touches only `messaging/`.
 */
export function createKafka(connection: KafkaConnection, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, ...extra } = log;
        // Accepted on purpose: the outbox re-sends after exhausted retries and consumers de-duplicate by event id.
        if (message === 'Limiting retries for the idempotent producer may invalidate EoS guarantees') return;
        const method = LEVELS[level] ?? 'debug';
        logger[method]({ namespace, ...extra }, message);
      },
    ...overrides,
  });
}

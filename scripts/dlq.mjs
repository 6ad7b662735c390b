// `npm run dlq -- list [--topic <dlq topic>] [--service <name> | --database-url <url>] [--outbox-only]`
// `npm run dlq -- replay --topic <dlq topic> (--event-id <id> | --offset <partition>:<offset> | --all)`
// `npm run dlq -- requeue (--service <name> | --database-url <url>) (--event-id <id> | --all)`
// Lists dead-lettered messages with their reasons, and sends chosen ones back to their original topic. Replaying is
// safe to repeat: consumers record event ids and apply each event once.
// Also lists the events a service's outbox relay parked because Kafka can never take them (too large, invalid
// record), and puts them back in line once the cause is fixed (e.g. the broker's message.max.bytes raised).
import { loadServices } from './infra.mjs';
import { importBuilt, parseArgs } from './lib.mjs';

const { dlqTopicOf, TOPIC_CATALOG } = await importBuilt('@frontoffice/contracts');
const { createKafka, readDeadLetters, replayDeadLetters, postgresUrl, readParkedOutboxEvents, requeueParkedOutbox } =
  await importBuilt('@frontoffice/platform');

const options = parseArgs(process.argv.slice(2));
const [command] = options._;
const kafka = createKafka({
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  clientId: 'frontoffice-dlq-tool',
});
const allDlqTopics = TOPIC_CATALOG.map((topic) => dlqTopicOf(topic.name));

/** The outbox databases in scope: one given by URL, one service's, or every service's. */
async function outboxDatabases() {
  if (options['database-url']) return [{ name: options['database-url'], url: options['database-url'] }];
  const services = await loadServices();
  const chosen = options.service ? services.filter((service) => service.name === options.service) : services;
  if (chosen.length === 0) throw new Error(`unknown service ${options.service}`);
  return chosen.map((service) => ({ name: service.name, url: postgresUrl(service.database) }));
}

async function listDeadLetters() {
  const topics = options.topic ? [options.topic] : allDlqTopics;
  let total = 0;
  for (const topic of topics) {
    const letters = await readDeadLetters(kafka, topic);
    total += letters.length;
    console.log(`${topic}: ${letters.length} message(s)`);
    for (const letter of letters) {
      console.log(
        `  ${letter.partition}:${letter.offset}  ${letter.failedAt ?? '?'}  ${letter.type ?? '(no type)'}  id=${letter.eventId ?? '?'}  key=${letter.key}\n    reason${letter.reasonCode ? ` (${letter.reasonCode})` : ''}: ${letter.reason ?? '?'}`,
      );
    }
  }
  return total;
}

async function listParked() {
  let total = 0;
  for (const database of await outboxDatabases()) {
    let parked;
    try {
      parked = await readParkedOutboxEvents(database.url);
    } catch (error) {
      console.log(`outbox of ${database.name}: cannot read (${error.message})`);
      continue;
    }
    total += parked.length;
    console.log(`outbox of ${database.name}: ${parked.length} parked event(s)`);
    for (const event of parked) {
      console.log(
        `  seq ${event.seq}  ${event.parkedAt.toISOString()}  ${event.type}  id=${event.id}  topic=${event.topic}  key=${event.messageKey}  ${event.bytes} bytes\n    reason: ${event.reason}`,
      );
    }
  }
  return total;
}

async function list() {
  if (!options['outbox-only']) await listDeadLetters();
  await listParked();
}

async function replay() {
  if (!options.topic) throw new Error('replay needs --topic <dlq topic>');
  const letters = await readDeadLetters(kafka, options.topic);
  let chosen;
  if (options.all) chosen = letters;
  else if (options['event-id']) chosen = letters.filter((letter) => letter.eventId === options['event-id']);
  else if (options.offset)
    chosen = letters.filter((letter) => `${letter.partition}:${letter.offset}` === options.offset);
  else throw new Error('replay needs --event-id <id>, --offset <partition>:<offset> or --all');
  if (chosen.length === 0) throw new Error('no dead letter matches');
  const count = await replayDeadLetters(kafka, chosen);
  console.log(`replayed ${count} message(s) to their original topic`);
}

async function requeue() {
  if (!options.service && !options['database-url']) throw new Error('requeue needs --service <name> or --database-url');
  if (!options.all && !options['event-id']) throw new Error('requeue needs --event-id <id> or --all');
  const [database] = await outboxDatabases();
  const count = await requeueParkedOutbox(database.url, options.all ? undefined : [options['event-id']]);
  if (count === 0) throw new Error('no parked event matches');
  console.log(`re-queued ${count} parked event(s) in the outbox of ${database.name}; the relay sends them next`);
}

try {
  if (command === 'list') await list();
  else if (command === 'replay') await replay();
  else if (command === 'requeue') await requeue();
  else {
    console.error(
      'usage: npm run dlq -- list [--topic <dlq topic>] [--service <name> | --database-url <url>] [--outbox-only]\n' +
        '       npm run dlq -- replay --topic <dlq topic> (--event-id <id> | --offset <p>:<o> | --all)\n' +
        '       npm run dlq -- requeue (--service <name> | --database-url <url>) (--event-id <id> | --all)',
    );
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

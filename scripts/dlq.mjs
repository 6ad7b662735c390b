// `npm run dlq -- list [--topic <dlq topic>]`
// `npm run dlq -- replay --topic <dlq topic> (--event-id <id> | --offset <partition>:<offset> | --all)`
// Lists dead-lettered messages with their reasons, and sends chosen ones back to their original topic. Replaying is
// safe to repeat: consumers record event ids and apply each event once.
import { importBuilt, parseArgs } from './lib.mjs';

const { dlqTopicOf, TOPIC_CATALOG } = await importBuilt('@frontoffice/contracts');
const { createKafka, readDeadLetters, replayDeadLetters } = await importBuilt('@frontoffice/platform');

const options = parseArgs(process.argv.slice(2));
const [command] = options._;
const kafka = createKafka({
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  clientId: 'frontoffice-dlq-tool',
});
const allDlqTopics = TOPIC_CATALOG.map((topic) => dlqTopicOf(topic.name));

async function list() {
  const topics = options.topic ? [options.topic] : allDlqTopics;
  let total = 0;
  for (const topic of topics) {
    const letters = await readDeadLetters(kafka, topic);
    total += letters.length;
    console.log(`${topic}: ${letters.length} message(s)`);
    for (const letter of letters) {
      console.log(
        `  ${letter.partition}:${letter.offset}  ${letter.failedAt ?? '?'}  ${letter.type ?? '(no type)'}  id=${letter.eventId ?? '?'}  key=${letter.key}\n    reason: ${letter.reason ?? '?'}`,
      );
    }
  }
  return total;
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

try {
  if (command === 'list') await list();
  else if (command === 'replay') await replay();
  else {
    console.error(
      'usage: npm run dlq -- list [--topic <dlq topic>] | replay --topic <dlq topic> (--event-id <id> | --offset <p>:<o> | --all)',
    );
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

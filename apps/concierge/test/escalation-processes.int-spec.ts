import { TOPICS } from '@frontoffice/contracts';
import { postgresUrl } from '@frontoffice/platform';
import {
  EventProbe,
  eventually,
  freePort,
  ServiceProcess,
  spawnServiceProcess,
  waitUntilReady,
} from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { client, kafka } from './support';

const ENTRY = join(__dirname, '..', 'dist', 'main.js');

/**
 * The same guarantee as escalation.int-spec, with the built service run as two operating-system processes (as two
 * replicas are deployed): each has its own pool and scheduler, only the database is shared.
 */
describe('concierge: SLA escalation with two service processes', () => {
  const processes: ServiceProcess[] = [];
  let probe: EventProbe;
  const propertyId = randomUUID();

  beforeAll(async () => {
    if (!existsSync(ENTRY))
      throw new Error(`${ENTRY} is missing: build first (npx turbo build --filter=@frontoffice/concierge)`);
    probe = await new EventProbe(kafka, [TOPICS.concierge]).start();
    for (let i = 0; i < 2; i += 1) {
      processes.push(
        spawnServiceProcess({
          name: `concierge-${i}`,
          entry: ENTRY,
          port: await freePort(),
          env: {
            DATABASE_URL: postgresUrl('frontoffice_concierge_test'),
            KAFKA_GROUP_ID: `frontoffice-concierge-test-${randomUUID()}`,
            KAFKA_FROM_BEGINNING: 'false',
            ESCALATION_INTERVAL_MS: '100',
            LOG_LEVEL: 'warn',
          },
        }),
      );
    }
    try {
      await Promise.all(processes.map((process) => waitUntilReady(process.url, 60_000)));
    } catch (error) {
      for (const process of processes) console.error(`--- ${process.name}\n${process.output.slice(-20).join('\n')}`);
      throw error;
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop('SIGTERM', 10_000)));
    await probe?.stop();
  });

  it('escalates each overdue request once although both processes scan every 100 ms', async () => {
    const desks = processes.map((process) => client(process, ['front_desk'], [propertyId]));
    const dueAt = new Date(Date.now() + 2000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const created = await desks[i % 2].post<{ id: string }>(`/v1/properties/${propertyId}/requests`, {
        category: 'wake_up',
        description: `Wake-up call ${i}`,
        dueAt,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const escalationsOf = (id: string) =>
      probe.messages.filter(
        (message) =>
          message.json?.type === 'concierge.request-escalated' &&
          (message.json.data as { requestId?: string }).requestId === id,
      );
    await eventually(() => ids.forEach((id) => expect(escalationsOf(id).length).toBeGreaterThan(0)), {
      timeoutMs: 20_000,
    });
    // A marker escalating later: both schedulers have scanned many times since the first wave.
    const marker = await desks[1].post<{ id: string }>(`/v1/properties/${propertyId}/requests`, {
      category: 'wake_up',
      description: 'Marker',
      dueAt: new Date(Date.now() + 1000).toISOString(),
    });
    await eventually(() => expect(escalationsOf(marker.body.id)).toHaveLength(1), { timeoutMs: 20_000 });
    expect(ids.map((id) => escalationsOf(id).length)).toEqual([1, 1, 1, 1, 1, 1]);
    for (const id of ids) {
      const { body } = await desks[0].get<{ history: Array<{ action: string }> }>(
        `/v1/properties/${propertyId}/requests/${id}`,
      );
      expect(body.history.filter((step) => step.action === 'escalated')).toHaveLength(1);
    }
  });
});

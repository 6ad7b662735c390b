import { TOPICS, validateEvent } from '@frontoffice/contracts';
import { EventProbe, eventually, RunningTestService } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { EscalationScheduler } from '../src/requests/escalation.scheduler';
import { client, Items, kafka, startConcierge } from './support';

type Req = {
  id: string;
  status: string;
  escalated: boolean;
  escalationReason: string | null;
  history: Array<{ action: string }>;
};

/**
 * Two instances of the service on one database, both running the escalation scheduler (every 100 ms) and, on top,
 * forced concurrent passes: each request past its SLA escalates exactly once — one history step, one event.
 */
describe('concierge: SLA escalation with two instances', () => {
  let first: RunningTestService;
  let second: RunningTestService;
  let probe: EventProbe;
  const propertyId = randomUUID();

  beforeAll(async () => {
    probe = await new EventProbe(kafka, [TOPICS.concierge]).start();
    [first, second] = await Promise.all([
      startConcierge({ ESCALATION_INTERVAL_MS: '100' }),
      startConcierge({ ESCALATION_INTERVAL_MS: '100' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([first?.shutdown(), second?.shutdown()]);
    await probe?.stop();
  });

  const escalationsOf = (requestId: string) =>
    probe.messages.filter(
      (message) =>
        message.json?.type === 'concierge.request-escalated' &&
        (message.json.data as { requestId?: string }).requestId === requestId,
    );

  it('escalates each overdue request exactly once, leaves finished and not-yet-due ones alone', async () => {
    const desk = [first, second].map((service) => client(service, ['front_desk'], [propertyId], 'desk-1'));
    const dueAt = new Date(Date.now() + 3000).toISOString();
    const overdue: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const created = await desk[i % 2].post<Req>(`/v1/properties/${propertyId}/requests`, {
        category: 'wake_up',
        description: `Wake-up call ${i}`,
        roomNumber: `${100 + i}`,
        dueAt,
      });
      expect(created.status).toBe(201);
      overdue.push(created.body.id);
    }
    const cancelled = await desk[0].post<Req>(`/v1/properties/${propertyId}/requests`, {
      category: 'wake_up',
      description: 'Cancelled before it was due',
      dueAt: new Date(Date.now() + 2000).toISOString(),
    });
    expect((await desk[1].post(`/v1/properties/${propertyId}/requests/${cancelled.body.id}/cancel`)).status).toBe(200);
    const notDue = await desk[0].post<Req>(`/v1/properties/${propertyId}/requests`, {
      category: 'local_booking',
      description: 'Theatre tickets',
    });

    const schedulers = [first, second].map((service) => service.app.get(EscalationScheduler));
    await eventually(
      async () => {
        // Both instances' timers run; these extra passes race them on purpose.
        await Promise.all(schedulers.flatMap((scheduler) => [scheduler.tick(), scheduler.tick()]));
        for (const id of overdue) {
          const { body } = await desk[0].get<Req>(`/v1/properties/${propertyId}/requests/${id}`);
          expect(body.escalated).toBe(true);
        }
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );

    // A later request escalating proves both instances kept ticking after the first wave.
    const marker = await desk[1].post<Req>(`/v1/properties/${propertyId}/requests`, {
      category: 'wake_up',
      description: 'Marker',
      dueAt: new Date(Date.now() + 1000).toISOString(),
    });
    await probe.waitFor((message) => escalationsOf(marker.body.id).includes(message), 20_000);

    for (const id of overdue) {
      const { body } = await desk[1].get<Req>(`/v1/properties/${propertyId}/requests/${id}`);
      expect(body.escalationReason).toBe('sla_breached');
      expect(body.status).toBe('open');
      expect(body.history.filter((step) => step.action === 'escalated')).toHaveLength(1);
      const events = escalationsOf(id);
      expect(events).toHaveLength(1);
      expect(validateEvent(events[0].json)).toMatchObject({
        type: 'concierge.request-escalated',
        source: 'concierge',
        data: { requestId: id, reason: 'sla_breached', escalatedTo: 'front_office_manager', category: 'wake_up' },
      });
    }
    for (const untouched of [cancelled.body.id, notDue.body.id]) {
      const { body } = await desk[0].get<Req>(`/v1/properties/${propertyId}/requests/${untouched}`);
      expect(body.escalated).toBe(false);
      expect(escalationsOf(untouched)).toHaveLength(0);
    }

    // The manager's queue holds what escalated to them.
    const fom = client(first, ['front_office_manager'], [propertyId]);
    const queue = await fom.get<Items<Req>>(`/v1/properties/${propertyId}/requests?queue=front_office_manager`);
    expect(queue.body.items.map((item) => item.id)).toEqual(expect.arrayContaining(overdue));
  });
});

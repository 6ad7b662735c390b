import { TOPICS, validateEvent } from '@frontoffice/contracts';
import { EventProbe, eventually, RunningTestService } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { Broker, client, Items, kafka, startConcierge } from './support';

type Complaint = {
  id: string;
  requestId: string;
  status: string;
  compensation: { id: string; status: string; decidedBy: string | null } | null;
};

/** Complaints reach the manager at once; a compensation is granted once, by the manager only. */
describe('concierge: complaints and service recovery', () => {
  let service: RunningTestService;
  let broker: Broker;
  let probe: EventProbe;
  const propertyId = randomUUID();
  const reservationId = randomUUID();

  beforeAll(async () => {
    probe = await new EventProbe(kafka, [TOPICS.concierge]).start();
    service = await startConcierge();
    broker = await new Broker().start();
    await broker.propertyCreated(propertyId, 'EUR');
    await broker.checkedIn(propertyId, reservationId, '512', { firstName: 'Noa', lastName: 'Levi' });
    const desk = client(service, ['front_desk'], [propertyId]);
    await eventually(async () => {
      const { body } = await desk.get<Items>(`/v1/properties/${propertyId}/guests`);
      expect(body.items).toHaveLength(1);
    });
    const settings = await desk.get(`/v1/properties/${propertyId}/concierge-settings`);
    expect(settings.body).toMatchObject({ propertyName: 'Hôtel du Test', timezone: 'Europe/Paris', currency: 'EUR' });
  });

  afterAll(async () => {
    await broker?.stop();
    await probe?.stop();
    await service?.shutdown();
  });

  const concierge = () => client(service, ['concierge'], [propertyId], 'conc-1');
  const fom = () => client(service, ['front_office_manager'], [propertyId], 'fom-1');
  const eventsOf = (type: string, key: string, value: string) =>
    probe.messages.filter(
      (message) => message.json?.type === type && (message.json.data as Record<string, unknown>)[key] === value,
    );

  it('grants an approved compensation exactly once, whatever is replayed, and only by the manager', async () => {
    const logged = await concierge().post<Complaint>(`/v1/properties/${propertyId}/complaints`, {
      category: 'noise',
      whatWentWrong: 'Construction noise from 7am',
      guestWords: 'I could not sleep at all.',
      reservationId,
      compensation: { kind: 'allowance', amount: { amountMinor: 5000, currency: 'EUR' }, description: 'Noise' },
    });
    expect(logged.status).toBe(201);
    expect(logged.body.compensation).toMatchObject({ status: 'proposed' });

    // The manager has it at once: the complaint request is escalated on creation.
    const request = await fom().get<{ escalated: boolean; escalationReason: string; role: string; roomNumber: string }>(
      `/v1/properties/${propertyId}/requests/${logged.body.requestId}`,
    );
    expect(request.body).toMatchObject({
      escalated: true,
      escalationReason: 'complaint',
      role: 'front_office_manager',
      roomNumber: '512',
    });
    await probe.waitFor((message) =>
      eventsOf('concierge.complaint-logged', 'complaintId', logged.body.id).includes(message),
    );
    await probe.waitFor((message) =>
      eventsOf('concierge.request-escalated', 'requestId', logged.body.requestId).includes(message),
    );

    const refused = await concierge().post(
      `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation/approve`,
    );
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');

    const approve = (key?: string) =>
      fom().post<Complaint>(
        `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation/approve`,
        {},
        key ? { 'idempotency-key': key } : {},
      );
    const answers = await Promise.all([approve(), approve(), approve('approve-1')]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await approve('approve-1')).status).toBe(200);
    expect((await approve()).body.compensation).toMatchObject({ status: 'approved', decidedBy: 'fom-1' });
    expect(
      (
        await fom().post(`/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation/reject`, {
          note: 'no',
        })
      ).status,
    ).toBe(409);

    // A later event through the same outbox proves nothing else was on its way.
    const marker = await concierge().post<Complaint>(`/v1/properties/${propertyId}/complaints`, {
      category: 'other',
      whatWentWrong: 'Marker',
      guestWords: 'Marker',
    });
    await probe.waitFor((message) =>
      eventsOf('concierge.complaint-logged', 'complaintId', marker.body.id).includes(message),
    );
    const grants = eventsOf('concierge.compensation-granted', 'complaintId', logged.body.id);
    expect(grants).toHaveLength(1);
    expect(validateEvent(grants[0].json)).toMatchObject({
      type: 'concierge.compensation-granted',
      propertyId,
      subject: logged.body.compensation!.id,
      data: {
        compensationId: logged.body.compensation!.id,
        reservationId,
        kind: 'allowance',
        amount: { amountMinor: 5000, currency: 'EUR' },
        approvedBy: 'fom-1',
      },
    });

    const resolved = await fom().post<Complaint>(`/v1/properties/${propertyId}/complaints/${logged.body.id}/resolve`, {
      resolution: 'Moved to a quiet room, apologised in person',
    });
    expect(resolved.body.status).toBe('resolved');
    const done = await fom().get<{ status: string }>(`/v1/properties/${propertyId}/requests/${logged.body.requestId}`);
    expect(done.body.status).toBe('done');
  });

  it('proposes a compensation separately, refuses bad ones field by field, and another property', async () => {
    const logged = await concierge().post<Complaint>(`/v1/properties/${propertyId}/complaints`, {
      category: 'cleanliness',
      whatWentWrong: 'Hair in the bathroom',
      guestWords: 'Disgusting.',
      reservationId,
    });
    const negative = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation`,
      { kind: 'allowance', amount: { amountMinor: -100, currency: 'EUR' }, description: 'x' },
    );
    expect(negative.status).toBe(400);
    expect(negative.body.errors.map((error) => error.field)).toEqual(['amount.amountMinor']);
    const invalid = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation`,
      { kind: 'cash', amount: { amountMinor: 1.5, currency: 'euro' } },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error) => error.field).sort()).toEqual(
      ['amount.amountMinor', 'amount.currency', 'description', 'kind'].sort(),
    );
    const dollars = await concierge().post<{ field: string; code: string }>(
      `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation`,
      { kind: 'allowance', amount: { amountMinor: 100, currency: 'USD' }, description: 'x' },
    );
    expect(dollars.status).toBe(400);
    expect(dollars.body).toMatchObject({ code: 'currency-mismatch', field: 'amount.currency' });
    const proposed = await concierge().post<Complaint>(
      `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation`,
      { kind: 'free_service', amount: { amountMinor: 2500, currency: 'EUR' }, description: 'Free breakfast' },
    );
    expect(proposed.status).toBe(201);
    const rejected = await fom().post<Complaint>(
      `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation/reject`,
      { note: 'Room was cleaned at once' },
    );
    expect(rejected.body.compensation).toMatchObject({ status: 'rejected' });
    expect(
      (await fom().post(`/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation/approve`)).status,
    ).toBe(409);

    const withoutStay = await concierge().post<{ field: string }>(`/v1/properties/${propertyId}/complaints`, {
      category: 'noise',
      whatWentWrong: 'x',
      guestWords: 'y',
      compensation: { kind: 'allowance', amount: { amountMinor: 100, currency: 'EUR' }, description: 'z' },
    });
    expect(withoutStay.status).toBe(400);
    expect(withoutStay.body.field).toBe('reservationId');
    const other = client(service, ['front_office_manager'], [randomUUID()]);
    expect((await other.get(`/v1/properties/${propertyId}/complaints`)).status).toBe(403);
    expect(
      (await client(service, ['porter'], [propertyId]).get(`/v1/properties/${propertyId}/complaints`)).status,
    ).toBe(403);
  });

  it('refuses a manager approving the compensation they proposed; another manager approves it', async () => {
    const logged = await fom().post<Complaint>(`/v1/properties/${propertyId}/complaints`, {
      category: 'staff',
      whatWentWrong: 'Rude night porter',
      guestWords: 'Nobody helped with my bags.',
      reservationId,
      compensation: { kind: 'allowance', amount: { amountMinor: 9000, currency: 'EUR' }, description: 'Apology' },
    });
    expect(logged.status).toBe(201);
    const approvePath = `/v1/properties/${propertyId}/complaints/${logged.body.id}/compensation/approve`;
    const own = await fom().post<{ code: string }>(approvePath, {}, { 'idempotency-key': 'own-approval' });
    expect(own.status).toBe(403);
    expect(own.contentType).toContain('application/problem+json');
    expect(own.body.code).toBe('own-compensation');
    const still = await fom().get<Complaint>(`/v1/properties/${propertyId}/complaints/${logged.body.id}`);
    expect(still.body.compensation).toMatchObject({ status: 'proposed', decidedBy: null });

    const other = client(service, ['front_office_manager'], [propertyId], 'fom-2');
    const approved = await other.post<Complaint>(approvePath, {});
    expect(approved.status).toBe(200);
    expect(approved.body.compensation).toMatchObject({ status: 'approved', decidedBy: 'fom-2' });
  });

  it('reports recurring complaint categories for the manager', async () => {
    const reportProperty = randomUUID();
    const desk = client(service, ['front_desk'], [reportProperty]);
    for (const category of ['billing', 'billing', 'billing', 'staff']) {
      const answer = await desk.post(`/v1/properties/${reportProperty}/complaints`, {
        category,
        whatWentWrong: `about ${category}`,
        guestWords: '...',
      });
      expect(answer.status).toBe(201);
    }
    const today = new Date().toISOString().slice(0, 10);
    const manager = client(service, ['front_office_manager'], [reportProperty]);
    const report = await manager.get<{ total: number; items: unknown[] }>(
      `/v1/properties/${reportProperty}/reports/complaint-categories?from=${today}&to=${today}`,
    );
    expect(report.status).toBe(200);
    expect(report.body.total).toBe(4);
    expect(report.body.items).toEqual([
      { category: 'billing', count: 3, share: 0.75, recurring: true },
      { category: 'staff', count: 1, share: 0.25, recurring: false },
    ]);
    expect(
      (await desk.get(`/v1/properties/${reportProperty}/reports/complaint-categories?from=${today}&to=${today}`))
        .status,
    ).toBe(403);
    expect(
      (await manager.get(`/v1/properties/${reportProperty}/reports/complaint-categories?from=2026-13-01`)).status,
    ).toBe(400);
  });
});

import { eventually, RunningTestService } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Broker, client, Items, startConcierge } from './support';

/** Erasure on request reaches the concierge through guest.profile-updated (erased: true). */
describe('concierge: erasure of a guest', () => {
  let service: RunningTestService;
  let broker: Broker;
  const propertyId = randomUUID();

  beforeAll(async () => {
    service = await startConcierge();
    broker = await new Broker().start();
    await broker.propertyCreated(propertyId, 'EUR');
  });

  afterAll(async () => {
    await broker?.stop();
    await service?.shutdown();
  });

  it('drops the name from luggage, complaints, requests, stored answers and the outbox', async () => {
    const guestId = randomUUID();
    const reservationId = randomUUID();
    const lastName = `Bergqvist${randomUUID().slice(0, 6)}`;
    const fullName = `Ingrid ${lastName}`;
    const namePattern = new RegExp(`Ingrid|${lastName}`, 'i');
    await broker.checkedIn(propertyId, reservationId, '714', { guestId, firstName: 'Ingrid', lastName });
    const desk = client(service, ['front_desk'], [propertyId]);
    const manager = client(service, ['front_office_manager'], [propertyId]);
    await eventually(async () => {
      const { body } = await desk.get<Items>(`/v1/properties/${propertyId}/guests`);
      expect(body.items).toHaveLength(1);
    });

    const store = () =>
      desk.post(
        `/v1/properties/${propertyId}/luggage`,
        {
          tagNumber: `T-${reservationId.slice(0, 6)}`,
          reservationId,
          pieces: 2,
          location: 'shelf A',
          description: `skis of ${fullName}`,
        },
        { 'idempotency-key': `luggage-${reservationId}` },
      );
    const stored = await store();
    expect(stored.status).toBe(201);
    expect(JSON.stringify(stored.body)).toMatch(namePattern);
    const complaint = await desk.post<{ id: string; guestWords: string }>(`/v1/properties/${propertyId}/complaints`, {
      category: 'room',
      whatWentWrong: `${fullName} found room 714 cold`,
      guestWords: 'I froze all night, my name is on the booking.',
      reservationId,
    });
    expect(complaint.status).toBe(201);

    await broker.publish('guest.profile-updated', propertyId, guestId, {
      guestId,
      firstName: 'Erased',
      lastName: 'Guest',
      vipLevel: 'none',
      changes: ['erased'],
      erased: true,
      reservationIds: [reservationId],
    });

    const luggage = async () => JSON.stringify((await desk.get(`/v1/properties/${propertyId}/luggage`)).body);
    await eventually(async () => expect(await luggage()).not.toMatch(namePattern));
    expect(await luggage()).toContain('skis of Erased Guest');
    const complaints = await manager.get<Items<{ id: string; guestWords: string; whatWentWrong: string }>>(
      `/v1/properties/${propertyId}/complaints?reservationId=${reservationId}`,
    );
    expect(complaints.body.items).toEqual([
      expect.objectContaining({
        id: complaint.body.id,
        whatWentWrong: 'Erased Guest found room 714 cold',
        guestWords: '[erased at the guest’s request]',
      }),
    ]);
    expect(JSON.stringify((await manager.get(`/v1/properties/${propertyId}/requests`)).body)).not.toMatch(namePattern);
    const replayed = await store();
    expect(replayed.status).toBe(201);
    expect(JSON.stringify(replayed.body)).not.toMatch(namePattern);

    const outbox: { count: string }[] = await service.app
      .get(DataSource)
      .query(`SELECT count(*) AS count FROM outbox_event WHERE envelope::text ~* $1`, [namePattern.source]);
    expect(Number(outbox[0].count)).toBe(0);
  });
});

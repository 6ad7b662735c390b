import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  BillingHarness,
  caller,
  event,
  eventually,
  guestFolio,
  newStay,
  produce,
  propertyCreated,
  reservationCreated,
  startBilling,
} from './folios-kit';

interface Folio {
  id: string;
  guestName: string;
}

/** Erasure on request reaches billing through guest.profile-updated (erased): names go, the law's records stay. */
describe('billing-bridge: erasure of a guest', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('drops the name from folios, stored answers and the outbox, and keeps the issued invoice’s bill-to name', async () => {
    const stay = newStay();
    const guestId = randomUUID();
    const lastName = `Vasquez${randomUUID().slice(0, 6)}`;
    const booked = reservationCreated(stay);
    booked.data.guest = { guestId, firstName: 'Ingrid', lastName, language: 'sv', vipLevel: 'none' };
    await produce(harness.producer, propertyCreated(stay.propertyId, 'ERS'), booked);
    const desk = caller(harness.service, ['front_desk'], [stay.propertyId]);
    const finance = caller(harness.service, ['finance'], [stay.propertyId]);
    const guestFolioSummary = await guestFolio(desk, stay);
    const namePattern = new RegExp(`Ingrid|${lastName}`);

    // A second folio, asked for with an Idempotency-Key (its stored answer names the guest), settled at zero.
    const createFolio = () =>
      desk.post<Folio>(
        `/v1/properties/${stay.propertyId}/folios`,
        { reservationId: stay.reservationId, label: 'Extras' },
        `extras-${stay.reservationId}`,
      );
    const extras = await createFolio();
    expect(extras.status).toBe(201);
    expect(extras.body.guestName).toMatch(namePattern);
    const invoice = await desk.post<{ id: string; billTo: string }>(
      `/v1/properties/${stay.propertyId}/folios/${extras.body.id}/settle`,
      {},
    );
    expect(invoice.status).toBe(201);
    expect(invoice.body.billTo).toMatch(namePattern);
    const financeFolios = async () =>
      JSON.stringify((await finance.get(`/v1/finance/folios?propertyId=${stay.propertyId}`)).body);
    expect(await financeFolios()).toMatch(namePattern);

    await produce(
      harness.producer,
      event('guest.profile-updated', stay.propertyId, guestId, {
        guestId,
        firstName: 'Erased',
        lastName: 'Guest',
        vipLevel: 'none',
        changes: ['erased'],
        erased: true,
        reservationIds: [stay.reservationId],
      }),
    );

    await eventually(async () => {
      const folio = await desk.get<Folio>(`/v1/properties/${stay.propertyId}/folios/${guestFolioSummary.id}`);
      expect(folio.body.guestName).toBe('Erased Guest');
    });
    const listed = await financeFolios();
    expect(listed).toContain(guestFolioSummary.id);
    expect(listed).not.toMatch(namePattern);
    const replayed = await createFolio();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.id).toBe(extras.body.id);
    expect(JSON.stringify(replayed.body)).not.toMatch(namePattern);

    // Kept by law: the issued invoice is not altered.
    const kept = await finance.get<{ billTo: string }>(`/v1/properties/${stay.propertyId}/invoices/${invoice.body.id}`);
    expect(kept.body.billTo).toMatch(namePattern);

    const dataSource = harness.service.app.get(DataSource);
    const outbox: { count: string }[] = await dataSource.query(
      `SELECT count(*) AS count FROM outbox_event WHERE envelope::text LIKE $1 AND envelope::text ~ $2`,
      [`%${stay.reservationId}%`, namePattern.source],
    );
    expect(Number(outbox[0].count)).toBe(0);
    const redacted: { count: string }[] = await dataSource.query(
      `SELECT count(*) AS count FROM outbox_event WHERE envelope::text LIKE $1`,
      [`%${stay.reservationId}%`],
    );
    expect(Number(redacted[0].count)).toBeGreaterThan(0);
  });
});

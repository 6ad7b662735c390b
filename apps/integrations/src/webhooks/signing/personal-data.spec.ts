import type { EventEnvelope } from '@frontoffice/contracts';
import { envelopeForSubscriber } from './personal-data';

function envelope(type: string, data: Record<string, unknown>): EventEnvelope {
  return {
    id: 'a0b1c2d3-0000-4000-8000-000000000001',
    type,
    version: 1,
    source: 'reservations',
    time: '2027-01-01T00:00:00.000Z',
    propertyId: 'a0b1c2d3-0000-4000-8000-000000000002',
    subject: 'r1',
    correlationId: 'c1',
    causationId: null,
    data,
  };
}

describe('envelopeForSubscriber', () => {
  const created = envelope('reservation.created', {
    reservationId: 'r1',
    guest: { firstName: 'Ada', lastName: 'Lovelace', vipLevel: 'vip', language: 'en' },
    nights: [{ date: '2027-01-01', price: { amountMinor: 100, currency: 'EUR' } }],
  });

  it('leaves out guest names and contact details by default, keeps the rest', () => {
    const sent = envelopeForSubscriber(created, false);
    expect(sent.data).toEqual({
      reservationId: 'r1',
      guest: { vipLevel: 'vip', language: 'en' },
      nights: [{ date: '2027-01-01', price: { amountMinor: 100, currency: 'EUR' } }],
    });
    expect(JSON.stringify(sent)).not.toMatch(/Ada|Lovelace/);
    expect((created.data as { guest: { firstName: string } }).guest.firstName).toBe('Ada');
  });

  it("leaves out an employee's name", () => {
    const sent = envelopeForSubscriber(
      envelope('employee.updated', { employeeId: 'e1', name: 'Bob', active: true }),
      false,
    );
    expect(sent.data).toEqual({ employeeId: 'e1', active: true });
  });

  it('sends everything to a subscription entitled to personal data', () => {
    expect(envelopeForSubscriber(created, true)).toBe(created);
  });
});

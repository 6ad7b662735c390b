import type { NightAuditCompletedV1 } from '@frontoffice/contracts';
import { RunningTestService, startTestService, testEnv } from '@frontoffice/platform/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppModule, BILLING_APP } from '../src/app.module';
import { BillingEnv } from '../src/config/billing.env';
import { JournalService } from '../src/journal/journal.service';
import {
  BillingHarness,
  caller,
  guestFolio,
  newStay,
  produce,
  propertyCreated,
  reservationCreated,
} from './folios-kit';

/** Shared by the journal, exports, finance and flash specs. */

/** The figures a night audit hands over when it closes a business date. */
export function auditFigures(
  businessDate: string,
  nextBusinessDate: string,
  overrides: Partial<NightAuditCompletedV1> = {},
): NightAuditCompletedV1 {
  return {
    auditId: randomUUID(),
    businessDate,
    nextBusinessDate,
    roomsTotal: 10,
    roomsOutOfOrder: 0,
    roomsAvailable: 10,
    roomsSold: 1,
    roomRevenue: { amountMinor: 12_000, currency: 'EUR' },
    arrivals: 1,
    departures: 0,
    noShows: 0,
    groupRoomNightsReleased: 0,
    completedAt: new Date().toISOString(),
    ...overrides,
  };
}

export interface JournalTestService {
  service: RunningTestService;
  journal: JournalService;
  dataSource: DataSource;
}

/** The service without a Kafka consumer: for specs that drive JournalService and HTTP directly. */
export async function startJournalService(): Promise<JournalTestService> {
  const service = await startTestService(
    AppModule.register(testEnv('billing-bridge', BillingEnv, { KAFKA_CONSUMER_ENABLED: 'false' })),
    BILLING_APP,
  );
  return {
    service,
    journal: service.app.get(JournalService),
    dataSource: service.app.get<DataSource>(getDataSourceToken()),
  };
}

/** A property with a booked stay, announced on the real broker, once its folio is open; and its staff. */
export async function bookedStay(harness: BillingHarness, code: string) {
  const stay = newStay(randomUUID(), '2027-03-10', '2027-03-12');
  const { propertyId } = stay;
  await produce(harness.producer, propertyCreated(propertyId, code, '2027-03-10'), reservationCreated(stay));
  const desk = caller(harness.service, ['front_desk'], [propertyId], `desk-${randomUUID()}`);
  const manager = caller(harness.service, ['front_office_manager'], [propertyId], `fom-${randomUUID()}`);
  const finance = caller(harness.service, ['finance'], [propertyId]);
  const folio = await guestFolio(desk, stay);
  return { stay, propertyId, desk, manager, finance, folio };
}

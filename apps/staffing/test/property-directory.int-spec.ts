import { createEvent, TOPICS } from '@frontoffice/contracts';
import { eventually, RunningTestService, startTestService, testEnv, testKafka } from '@frontoffice/platform/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppModule, STAFFING_APP } from '../src/app.module';
import { StaffingEnv } from '../src/config/staffing.env';

/** Staffing boots, migrates, joins its consumer group and keeps its property read model from the real broker. */
describe('staffing service', () => {
  let service: RunningTestService;

  beforeAll(async () => {
    service = await startTestService(AppModule.register(testEnv('staffing', StaffingEnv)), STAFFING_APP);
  });

  afterAll(async () => {
    await service?.shutdown();
  });

  it('reports ready once its database, Kafka and consumer group are up', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    expect(response.status).toBe(200);
  });

  it('keeps its own copy of each property from property.created', async () => {
    const propertyId = randomUUID();
    const event = createEvent('property.created', {
      propertyId,
      subject: propertyId,
      data: {
        propertyId,
        code: 'MOTEL20',
        name: 'Motel 20',
        timezone: 'America/Denver',
        currency: 'USD',
        country: 'US',
        starRating: 2,
        businessDate: '2026-11-29',
      },
    });
    const producer = testKafka('staffing-test').producer();
    await producer.connect();
    await producer.send({ topic: TOPICS.reservations, messages: [{ key: propertyId, value: JSON.stringify(event) }] });
    await producer.disconnect();
    const dataSource = service.app.get<DataSource>(getDataSourceToken());
    const [row] = await eventually(async () => {
      const rows = await dataSource.query(
        'SELECT code, name, timezone, star_rating FROM staffed_property WHERE id = $1',
        [propertyId],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(row).toEqual({ code: 'MOTEL20', name: 'Motel 20', timezone: 'America/Denver', star_rating: 2 });
  });
});

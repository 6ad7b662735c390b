import { RunningTestService, startTestService, testEnv } from '@frontoffice/platform/testing';
import { AppModule, CONCIERGE_APP } from '../src/app.module';
import { ConciergeEnv } from '../src/config/concierge.env';

/** Concierge boots, migrates its database, joins its consumer group on the real broker and reports ready. */
describe('concierge service', () => {
  let service: RunningTestService;

  beforeAll(async () => {
    service = await startTestService(AppModule.register(testEnv('concierge', ConciergeEnv)), CONCIERGE_APP);
  });

  afterAll(async () => {
    await service?.shutdown();
  });

  it('is ready with database, Kafka and its consumer group', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      info: { database: { status: 'up' }, kafka: { status: 'up' }, consumer: { status: 'up' } },
    });
  });

  it('answers problem+json for a route it does not have, and serves metrics and OpenAPI', async () => {
    const response = await fetch(`${service.url}/v1/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await (await fetch(`${service.url}/metrics`)).text()).toMatch(/^outbox_backlog 0$/m);
    expect((await fetch(`${service.url}/docs-json`)).status).toBe(200);
  });
});

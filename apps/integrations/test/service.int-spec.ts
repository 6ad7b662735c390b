import { RunningTestService, startTestService, testEnv } from '@frontoffice/platform/testing';
import { AppModule, INTEGRATIONS_APP } from '../src/app.module';
import { IntegrationsEnv } from '../src/config/integrations.env';

/** The integrations service boots as production does: migrations, consumer group, health, metrics, OpenAPI. */
describe('integrations service', () => {
  let service: RunningTestService;

  beforeAll(async () => {
    service = await startTestService(
      AppModule.register(testEnv('integrations', IntegrationsEnv, { WEBHOOK_WORKER_ENABLED: 'false' })),
      INTEGRATIONS_APP,
    );
  });

  afterAll(async () => {
    await service?.shutdown();
  });

  it('reports ready once its database, Kafka and consumer group are up', async () => {
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
  });

  it('serves its OpenAPI document and Prometheus metrics', async () => {
    const docs = await fetch(`${service.url}/docs-json`);
    expect(docs.status).toBe(200);
    expect(((await docs.json()) as { info: { title: string } }).info.title).toBe('Integrations');
    const metrics = await fetch(`${service.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_cpu');
  });
});

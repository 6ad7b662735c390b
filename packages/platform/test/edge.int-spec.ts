import { Body, Controller, DynamicModule, Get, Module, Post, Query } from '@nestjs/common';
import { IsLocalDate } from '@frontoffice/contracts';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { Kafka } from 'kafkajs';
import { KAFKA, MetricsServer, PlatformModule, RateLimitClass, ServiceEnv } from '../src';
import { freePort, RunningTestService, startTestService, testEnv, testToken } from '../src/testing';
import { ensurePlatformTestDatabase } from './fixtures/probe-app';

class Line {
  @IsString()
  @MaxLength(200)
  note!: string;
}

class NoteDto {
  @IsString()
  @MaxLength(200)
  description!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines?: Line[];
}

class DayQuery {
  @IsLocalDate()
  date!: string;

  @IsOptional()
  @IsString()
  q?: string;
}

@Controller('v1/edge')
class EdgeController {
  @Post('notes')
  note(@Body() body: NoteDto): { ok: true; description: string } {
    return { ok: true, description: body.description };
  }

  @Get('day')
  day(@Query() query: DayQuery): { date: string } {
    return { date: query.date };
  }

  @Get('report')
  @RateLimitClass('expensive')
  report(): { ok: true } {
    return { ok: true };
  }
}

@Module({})
class EdgeAppModule {
  static register(env: ServiceEnv): DynamicModule {
    return {
      module: EdgeAppModule,
      imports: [
        PlatformModule.forService({ service: 'billing-bridge', env, entities: [], migrations: [], consumes: [] }),
      ],
      controllers: [EdgeController],
    };
  }
}

const token = testToken(['front_desk'], ['*']);
const authorized = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function start(overrides: Record<string, string>): Promise<RunningTestService> {
  const databaseUrl = await ensurePlatformTestDatabase();
  const env = testEnv('billing-bridge', ServiceEnv, {
    DATABASE_URL: databaseUrl,
    KAFKA_CONSUMER_ENABLED: 'false',
    OUTBOX_RELAY_ENABLED: 'false',
    ...overrides,
  });
  return startTestService(EdgeAppModule.register(env));
}

/** Issue 11: what anyone on the network can see and do at a service's edge. */
describe('the edge of a service', () => {
  describe('with the defaults', () => {
    let service: RunningTestService;
    beforeAll(async () => {
      service = await start({});
    });
    afterAll(async () => {
      await service?.shutdown();
    });

    it('refuses a card number in any free-text field, naming the field (finding 6)', async () => {
      for (const [body, field] of [
        [{ description: 'card 4111 1111 1111 1111' }, 'description'],
        [{ description: '4111111111111111 1228' }, 'description'],
        [{ description: 'ok', lines: [{ note: 'x' }, { note: '4111.1111.1111.1111' }] }, 'lines[1].note'],
        [{ description: '4111_1111_1111_1111' }, 'description'],
      ] as const) {
        const response = await fetch(`${service.url}/v1/edge/notes`, {
          method: 'POST',
          headers: authorized,
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        const problem = (await response.json()) as { errors: { field: string }[] };
        expect(problem.errors.map((error) => error.field)).toEqual([field]);
      }
      const fine = await fetch(`${service.url}/v1/edge/notes`, {
        method: 'POST',
        headers: authorized,
        body: JSON.stringify({ description: 'minibar, room 412' }),
      });
      expect(fine.status).toBe(201);
    });

    it('refuses a card number in a query string, and local dates outside 1900–2199 (findings 1, 6)', async () => {
      const get = (query: string) => fetch(`${service.url}/v1/edge/day?${query}`, { headers: authorized });
      expect((await get('date=2027-03-01')).status).toBe(200);
      for (const query of ['date=0000-01-01', 'date=9999-12-31', 'date=1899-12-31', 'date=2200-01-01']) {
        const response = await get(query);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('date');
      }
      const card = await get('date=2027-03-01&q=4111-1111-1111-1111');
      expect(card.status).toBe(400);
      expect(((await card.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('q');
    });

    it('answers readiness with up/down per dependency only, from one admin client, cached (finding 8)', async () => {
      const kafka = service.app.get<Kafka>(KAFKA);
      const admins = jest.spyOn(kafka, 'admin');
      const first = await fetch(`${service.url}/health/ready`);
      expect(first.status).toBe(200);
      const body = (await first.json()) as { info: Record<string, Record<string, unknown>> };
      for (const check of Object.values(body.info)) expect(Object.keys(check)).toEqual(['status']);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${service.url}/health/ready`).then((r) => r.status)),
      );
      expect(answers.every((status) => status === 200)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
      // Created at most once (on the first check, if the spy was set before it), never per call.
      expect(admins.mock.calls.length).toBeLessThanOrEqual(1);
    });

    it('keeps /metrics open when neither a token nor a port is configured', async () => {
      expect((await fetch(`${service.url}/metrics`)).status).toBe(200);
    });
  });

  describe('with a metrics token, a metrics port and tight rate limits', () => {
    let service: RunningTestService;
    let metricsPort: number;
    beforeAll(async () => {
      metricsPort = await freePort();
      service = await start({
        METRICS_TOKEN: 'scrape-token-0123456789',
        METRICS_PORT: String(metricsPort),
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_WINDOW_SECONDS: '60',
        RATE_LIMIT_READ_PER_WINDOW: '5',
        RATE_LIMIT_EXPENSIVE_PER_WINDOW: '2',
        RATE_LIMIT_ADDRESS_PER_WINDOW: '40',
      });
    });
    afterAll(async () => {
      await service?.shutdown();
    });

    it('serves /metrics only on its own port, and only with the token (finding 8)', async () => {
      expect((await fetch(`${service.url}/metrics`)).status).toBe(404);
      expect(service.app.get(MetricsServer).port).toBe(metricsPort);
      const scrape = (authorization?: string) =>
        fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: authorization ? { authorization } : {} });
      expect((await scrape()).status).toBe(401);
      expect((await scrape('Bearer wrong-token-0123456789')).status).toBe(401);
      const scraped = await scrape('Bearer scrape-token-0123456789');
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/http_request_duration_seconds/);
    });

    it('limits each token per route class and each address, answering 429 problem+json with Retry-After (finding 9)', async () => {
      const report = () => fetch(`${service.url}/v1/edge/report`, { headers: authorized });
      expect((await report()).status).toBe(200);
      expect((await report()).status).toBe(200);
      const refused = await report();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ status: 429, code: 'too-many-requests' });

      // Another class of the same token has its own allowance; another token its own.
      const day = (bearer: string) =>
        fetch(`${service.url}/v1/edge/day?date=2027-03-01`, { headers: { authorization: `Bearer ${bearer}` } });
      for (let i = 0; i < 5; i += 1) expect((await day(token)).status).toBe(200);
      expect((await day(token)).status).toBe(429);
      const other = testToken(['front_desk'], ['*'], 'another-agent');
      expect((await day(other)).status).toBe(200);

      // The address limit holds whatever token is sent, even none; health is never limited.
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) statuses.push((await fetch(`${service.url}/v1/edge/day?date=2027-03-01`)).status);
      expect(statuses).toContain(429);
      expect(statuses.filter((status) => status !== 429).every((status) => status === 401)).toBe(true);
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    });
  });
});

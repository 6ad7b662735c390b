import {
  Body,
  CanActivate,
  Controller,
  Delete,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ALL_PROPERTIES,
  CurrentPrincipal,
  ForbiddenError,
  PageQuery,
  Principal,
  Roles,
  UuidParam,
} from '@frontoffice/platform';
import {
  AttemptList,
  CreatedWebhookView,
  CreateWebhookDto,
  DeliveriesQuery,
  DeliveryList,
  RedeliverDto,
  RedeliveryView,
  RotatedSecretView,
  RotateSecretDto,
  UpdateWebhookDto,
  WebhookList,
  WebhookView,
} from './subscriptions.dto';
import { SubscriptionScope, SubscriptionsService } from './subscriptions.service';

/** The routes of one subscription, the same for a property's and for the chain-wide ones. */
abstract class WebhookRoutes {
  constructor(protected readonly webhooks: SubscriptionsService) {}

  protected abstract scopeOf(propertyId: string | undefined, principal: Principal): SubscriptionScope;

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to event types; the answer carries the signing secret, shown once' })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  create(
    @Param('propertyId') propertyId: string | undefined,
    @Body() input: CreateWebhookDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedWebhookView> {
    return this.webhooks.create(this.scopeOf(propertyId, principal), input, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Subscriptions, with status and backlog; follow nextCursor for the next page' })
  @ApiOkResponse({ type: WebhookList })
  list(
    @Param('propertyId') propertyId: string | undefined,
    @Query() page: PageQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookList> {
    return this.webhooks.list(this.scopeOf(propertyId, principal), page);
  }

  @Get(':webhookId')
  @ApiOkResponse({ type: WebhookView })
  get(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookView> {
    return this.webhooks.get(this.scopeOf(propertyId, principal), id);
  }

  @Patch(':webhookId')
  @ApiOperation({ summary: 'Change the URL, event types, personal-data entitlement or concurrency' })
  @ApiOkResponse({ type: WebhookView })
  update(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @Body() input: UpdateWebhookDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookView> {
    return this.webhooks.update(this.scopeOf(propertyId, principal), id, input);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe; queued deliveries and the log go with it' })
  @ApiNoContentResponse()
  async remove(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.webhooks.remove(this.scopeOf(propertyId, principal), id);
  }

  @Post(':webhookId/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop sending; events keep queueing until resumed' })
  @ApiOkResponse({ type: WebhookView })
  pause(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookView> {
    return this.webhooks.pause(this.scopeOf(propertyId, principal), id);
  }

  @Post(':webhookId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send again, starting with what queued meanwhile; the failure count starts over' })
  @ApiOkResponse({ type: WebhookView })
  resume(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookView> {
    return this.webhooks.resume(this.scopeOf(propertyId, principal), id);
  }

  @Post(':webhookId/rotate-secret')
  @ApiOperation({ summary: 'New signing secret, shown once; the previous one signs beside it during the overlap' })
  @ApiCreatedResponse({ type: RotatedSecretView })
  rotateSecret(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @Body() input: RotateSecretDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RotatedSecretView> {
    return this.webhooks.rotateSecret(this.scopeOf(propertyId, principal), id, input);
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first: status, attempts, last status code and error' })
  @ApiOkResponse({ type: DeliveryList })
  deliveries(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @Query() query: DeliveriesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeliveryList> {
    return this.webhooks.deliveriesOf(this.scopeOf(propertyId, principal), id, query);
  }

  @Get(':webhookId/deliveries/:deliveryId/attempts')
  @ApiOperation({ summary: 'Every attempt of one delivery: status code, duration, error, response excerpt' })
  @ApiOkResponse({ type: AttemptList })
  async attempts(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @Param('deliveryId') deliveryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AttemptList> {
    return { items: await this.webhooks.attemptsOf(this.scopeOf(propertyId, principal), id, deliveryId) };
  }

  @Post(':webhookId/redeliveries')
  @ApiOperation({ summary: 'Queue again one event (eventId) or every event of a time range (from, to)' })
  @ApiCreatedResponse({ type: RedeliveryView })
  async redeliver(
    @Param('propertyId') propertyId: string | undefined,
    @Param('webhookId', UuidParam) id: string,
    @Body() input: RedeliverDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RedeliveryView> {
    return { queued: await this.webhooks.redeliver(this.scopeOf(propertyId, principal), id, input) };
  }
}

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('front_office_manager')
@Controller('v1/properties/:propertyId/webhooks')
export class PropertyWebhooksController extends WebhookRoutes {
  constructor(webhooks: SubscriptionsService) {
    super(webhooks);
  }

  protected scopeOf(propertyId: string | undefined): SubscriptionScope {
    // The guard has checked the token covers this property; a malformed id is the caller's mistake.
    return { propertyId: new UuidParam().transform(propertyId ?? '', { type: 'param', data: 'propertyId' }) };
  }
}

/**
 * Chain-wide subscriptions need a chain-wide token: decided as a guard, after authentication and before the body is
 * validated, so a single-property admin is refused (403) whatever it sends.
 */
@Injectable()
class ChainWideTokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (!principal?.properties.includes(ALL_PROPERTIES)) {
      throw new ForbiddenError('chain-wide-only', 'chain-wide webhooks need a chain-wide (*) admin token');
    }
    return true;
  }
}

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@UseGuards(ChainWideTokenGuard)
@Controller('v1/webhooks')
export class ChainWebhooksController extends WebhookRoutes {
  constructor(webhooks: SubscriptionsService) {
    super(webhooks);
  }

  protected scopeOf(): SubscriptionScope {
    return { propertyId: null };
  }
}

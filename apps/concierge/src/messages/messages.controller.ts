import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { boundedList, DESK_ROLES, DISPATCH_ROLES } from '../common/desk-roles';
import {
  LoggedMessageView,
  MessageList,
  MessageParams,
  MessageQuery,
  MessageView,
  SaveTemplateDto,
  SendMessageDto,
  TemplateList,
  TemplateParams,
  TemplateQuery,
  TemplateView,
} from './messages.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Put('message-templates/:purpose/:language')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Save a template (front office manager); an unknown {{placeholder}} is refused with 400' })
  @ApiOkResponse({ type: TemplateView })
  save(
    @Param() params: TemplateParams,
    @Body() input: SaveTemplateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TemplateView> {
    return this.messages.save(params.propertyId, params.purpose, params.language, input, principal.sub);
  }

  @Get('message-templates')
  @Roles(...DESK_ROLES)
  @ApiOkResponse({ type: TemplateList })
  async templates(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: TemplateQuery,
  ): Promise<TemplateList> {
    return boundedList(await this.messages.templates(propertyId, query));
  }

  @Post('messages/preview')
  @HttpCode(200)
  @Roles(...DISPATCH_ROLES)
  @ApiOperation({ summary: 'Render a message for a guest without sending it' })
  @ApiOkResponse({ type: MessageView })
  preview(@Param('propertyId', UuidParam) propertyId: string, @Body() input: SendMessageDto): Promise<MessageView> {
    return this.messages.preview(propertyId, input);
  }

  @Post('messages')
  @Roles(...DISPATCH_ROLES)
  @ApiOperation({
    summary: 'Send a message in the guest’s language (property fallback otherwise); it is logged',
    description:
      'An e-mail is queued and delivered over SMTP by the worker (follow its status in the log); 409 when the ' +
      'guest asked for no e-mail at all.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: LoggedMessageView })
  send(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: SendMessageDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LoggedMessageView> {
    return this.messages.send(propertyId, input, principal.sub);
  }

  @Get('messages')
  @Roles(...DISPATCH_ROLES)
  @ApiOperation({
    summary: 'The log of messages: what, to whom, by whom, when, and where each e-mail’s delivery stands',
  })
  @ApiOkResponse({ type: MessageList })
  log(@Param('propertyId', UuidParam) propertyId: string, @Query() query: MessageQuery): Promise<MessageList> {
    return this.messages.list(propertyId, query);
  }

  @Get('messages/:messageId')
  @Roles(...DISPATCH_ROLES)
  @ApiOperation({ summary: 'One logged message with its delivery status, attempts and the relay’s last reply' })
  @ApiOkResponse({ type: LoggedMessageView })
  message(@Param() params: MessageParams): Promise<LoggedMessageView> {
    return this.messages.message(params.propertyId, params.messageId);
  }
}

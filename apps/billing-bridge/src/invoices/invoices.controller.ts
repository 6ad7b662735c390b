import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdempotencyKey } from '../folios/idempotency-header';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { CreateCreditNoteDto, InvoiceList, InvoiceQuery, InvoiceView, SettleFolioDto } from './invoices.dto';
import { InvoicesService } from './invoices.service';

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Post('folios/:folioId/settle')
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      'Settle a folio at check-out: zero balance, or the balance moved to a city-ledger account; issues the invoice',
  })
  @ApiCreatedResponse({ type: InvoiceView })
  @ApiConflictResponse({ description: 'Balance not zero and no city-ledger account, or already settled' })
  settle(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('folioId', UuidParam) folioId: string,
    @Body() input: SettleFolioDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InvoiceView> {
    return this.invoices.settle(propertyId, folioId, input, principal);
  }

  @Get('invoices')
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOkResponse({ type: InvoiceList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: InvoiceQuery): Promise<InvoiceList> {
    return this.invoices.list(propertyId, query);
  }

  @Get('invoices/:invoiceId')
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOkResponse({ type: InvoiceView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('invoiceId', UuidParam) invoiceId: string,
  ): Promise<InvoiceView> {
    return this.invoices.get(propertyId, invoiceId);
  }

  @Post('invoices/:invoiceId/credit-notes')
  @Roles('front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Cancel an invoice with a credit note (invoices never change); the folio reopens' })
  @ApiCreatedResponse({ type: InvoiceView })
  creditNote(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('invoiceId', UuidParam) invoiceId: string,
    @Body() input: CreateCreditNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InvoiceView> {
    return this.invoices.creditNote(propertyId, invoiceId, input.reason, principal);
  }
}

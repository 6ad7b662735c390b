import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public, SERVICE_ENV } from '@frontoffice/platform';
import type { Request, Response } from 'express';
import getRawBody from 'raw-body';
import type { ReservationsEnv } from '../config/reservations.env';
import { ChannelsService } from './channels.service';
import { OTA_ERRORS, OtaErrorKind } from './ota-errors';
import { errorAnswer } from './ota-message';
import { OtaReservationsService } from './ota-reservations.service';

const XML_CONTENT = /^(text\/xml|application\/xml|application\/[\w.+-]*\+xml)\b/i;

/**
 * The OpenTravel door for channel managers. Not a staff route: each channel authenticates with its own HTTP Basic
 * credentials. Every answer, refusals included, is an OTA_HotelResNotifRS document (see OTA_ERRORS for the statuses).
 */
@ApiTags('channels')
@Controller('v1/ota')
export class OtaController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly ota: OtaReservationsService,
    @Inject(SERVICE_ENV) private readonly env: ReservationsEnv,
  ) {}

  @Post('hotel-res-notif')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'OTA_HotelResNotifRQ from a channel manager (HTTP Basic: channel code and API key)',
    description:
      'New (ResStatus Commit), modified (Modify) and cancelled (Cancel) bookings; answered with OTA_HotelResNotifRS. ' +
      '200 for every message read (Success or Errors), 400 not an OTA document, 401 credentials, 413 too large, ' +
      '415 not XML, 503 try again later.',
  })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiProduces('application/xml')
  @ApiBody({ schema: { type: 'string', description: 'OTA_HotelResNotifRQ (OpenTravel 2015B or later)' } })
  @ApiResponse({ status: 200, description: 'OTA_HotelResNotifRS with Success or Errors' })
  async hotelResNotif(@Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = (status: number, xml: string) => {
      if (status === 401) response.setHeader('WWW-Authenticate', 'Basic realm="OpenTravel", charset="UTF-8"');
      response.status(status).type('application/xml; charset=utf-8').send(xml);
    };
    const refuse = (kind: OtaErrorKind, message: string, echoToken?: string) =>
      answer(kind.httpStatus, errorAnswer(echoToken, kind, message));

    let channel: Awaited<ReturnType<ChannelsService['authenticate']>>;
    try {
      channel = await this.channels.authenticate(request.headers.authorization);
    } catch {
      // Our database, not the channel: an OTA answer it can retry on, never a 500.
      request.resume();
      return refuse(OTA_ERRORS.systemUnavailable, 'Try again later');
    }
    if (!channel) {
      request.resume();
      return refuse(OTA_ERRORS.authentication, 'Unknown channel, wrong key or channel paused');
    }
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && !XML_CONTENT.test(contentType)) {
      request.resume();
      return refuse(OTA_ERRORS.unsupportedMediaType, `Send XML (text/xml or application/xml), not ${contentType}`);
    }
    let xml: string;
    try {
      xml = await getRawBody(request, {
        limit: this.env.OTA_MAX_MESSAGE_BYTES,
        length: request.headers['content-length'],
        encoding: 'utf8',
      });
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        return refuse(OTA_ERRORS.tooLarge, `Messages are limited to ${this.env.OTA_MAX_MESSAGE_BYTES} bytes`);
      }
      return refuse(OTA_ERRORS.malformed, 'The message body could not be read');
    }
    const result = await this.ota.handle(channel, xml);
    answer(result.status, result.xml);
  }
}

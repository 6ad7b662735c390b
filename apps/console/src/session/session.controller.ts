import { Controller, Get, Header, Req } from '@nestjs/common';
import { Public } from '@frontoffice/platform';
import type { Request } from 'express';
import type { ConsoleUser } from '../auth/claims';
import { SessionService } from './session.service';

export interface SessionAnswer {
  authenticated: boolean;
  user?: ConsoleUser;
  csrfToken?: string;
}

@Public()
@Controller('api/session')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  /** Who is signed in, and the token the SPA sends back on writes; never an access token. */
  @Get()
  @Header('Cache-Control', 'no-store')
  async current(@Req() request: Request): Promise<SessionAnswer> {
    const session = await this.sessions.resolveRequest(request);
    if (!session) return { authenticated: false };
    return { authenticated: true, user: session.user, csrfToken: session.csrfToken };
  }
}

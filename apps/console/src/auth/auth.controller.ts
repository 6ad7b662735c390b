import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { Public, SERVICE_ENV } from '@frontoffice/platform';
import type { CookieOptions, Request, Response } from 'express';
import type { ConsoleEnv } from '../config/console.env';
import { csrfRefusal } from '../http/csrf';
import { LOGIN_COOKIE, SESSION_COOKIE, SessionService } from '../session/session.service';
import { OIDC_CLIENT, type OidcClient } from './oidc-client';
import { safeReturnTo } from './return-to';

/**
 * Sign-in and sign-out through the OpenID provider. The console's own routes are `@Public()` for the platform's
 * bearer guard: the browser has a session cookie, never a token.
 */
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    @Inject(OIDC_CLIENT) private readonly oidc: OidcClient,
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
  ) {}

  @Get('login')
  async login(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { url, checks } = await this.oidc.startLogin(this.callbackUrl());
    await this.sessions.savePendingLogin(checks, safeReturnTo(returnTo));
    // Binds the sign-in to this browser: a callback URL planted in another browser finds no matching cookie.
    response.cookie(LOGIN_COOKIE, checks.state, {
      ...this.cookieOptions('/auth/callback'),
      maxAge: this.env.OIDC_LOGIN_TIMEOUT_SECONDS * 1000,
    });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, url);
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const state = typeof request.query.state === 'string' ? request.query.state : undefined;
    const cookies = (request as Request & { cookies?: Record<string, string> }).cookies ?? {};
    response.clearCookie(LOGIN_COOKIE, this.cookieOptions('/auth/callback'));
    if (typeof request.query.error === 'string') {
      throw new BadRequestException(`The provider refused the sign-in: ${request.query.error.slice(0, 100)}`);
    }
    if (!state || cookies[LOGIN_COOKIE] !== state) {
      throw new BadRequestException('This sign-in was not started in this browser; start again');
    }
    const pending = await this.sessions.takePendingLogin(state);
    if (!pending) throw new BadRequestException('This sign-in expired or was already used; start again');
    const callbackUrl = new URL(request.originalUrl, this.env.CONSOLE_PUBLIC_URL);
    let tokens;
    try {
      tokens = await this.oidc.completeLogin(callbackUrl, pending.checks);
    } catch (error) {
      throw new BadRequestException(`The sign-in could not be completed: ${(error as Error).message}`);
    }
    const { sessionId } = await this.sessions.create(tokens);
    response.cookie(SESSION_COOKIE, sessionId, {
      ...this.cookieOptions('/'),
      maxAge: this.env.SESSION_ABSOLUTE_TIMEOUT_SECONDS * 1000,
    });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, pending.returnTo);
  }

  @Post('logout')
  @HttpCode(200)
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ redirectTo: string }> {
    const session = await this.sessions.resolveRequest(request);
    if (!session) {
      response.clearCookie(SESSION_COOKIE, this.cookieOptions('/'));
      return { redirectTo: '/' };
    }
    const refusal = csrfRefusal(
      {
        method: request.method,
        token: request.header('x-csrf-token'),
        origin: request.header('origin'),
        secFetchSite: request.header('sec-fetch-site'),
      },
      session.csrfToken,
      new URL(this.env.CONSOLE_PUBLIC_URL).origin,
    );
    // A refused sign-out (forged from another site) must leave the cookie alone: clearing it would sign the browser
    // out while the session stays valid on the server, and the user's next real sign-out could not end it.
    if (refusal) throw new ForbiddenException(refusal);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions('/'));
    const idToken = await this.sessions.destroy(session);
    const endSession = await this.oidc
      .endSessionUrl(idToken, new URL('/', this.env.CONSOLE_PUBLIC_URL).href)
      .catch(() => undefined);
    return { redirectTo: endSession ?? '/' };
  }

  private callbackUrl(): string {
    return new URL('/auth/callback', this.env.CONSOLE_PUBLIC_URL).href;
  }

  private cookieOptions(path: string): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.sessions.cookieSecure, path };
  }
}

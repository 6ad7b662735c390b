import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import type { StaffRole } from '@frontoffice/contracts';
import type { Request } from 'express';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators';
import { JwksKeySource } from './jwks';
import { canAccessProperty, hasAnyRole, Principal, principalFromClaims } from './principal';
import {
  AUTH_OPTIONS,
  AuthOptions,
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  verifyOptionsFor,
} from './auth.options';

type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * The verification keys as KeyObjects, built once: given a string, jsonwebtoken parses it again on every request
 * (first trying, and failing, to read an HMAC secret as a public key), a visible share of a booking's CPU.
 */
function withKeyObjects(options: AuthOptions): AuthOptions {
  const keyed = (verify: JwtVerifyOptions | undefined, key: 'secret' | 'publicKey', make: (k: string) => KeyObject) =>
    verify && typeof verify[key] === 'string' ? { ...verify, [key]: make(verify[key]) as unknown as string } : verify;
  return {
    ...options,
    hs256: keyed(options.hs256, 'secret', (secret) => createSecretKey(Buffer.from(secret))),
    rs256: keyed(options.rs256, 'publicKey', (publicKey) => createPublicKey(publicKey)),
  };
}

/**
 * Global guard: every route needs a valid bearer JWT unless marked @Public(). It enforces the route's roles and that
 * a `:propertyId` in the path is one of the token's properties — a token for property A never touches property B.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly options: AuthOptions;
  private readonly keySet?: JwksKeySource;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.options = withKeyObjects(options);
    if (options.jwks && !options.rs256?.publicKey) this.keySet = new JwksKeySource(options.jwks);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    if (!hasAnyRole(principal, required)) {
      throw new ForbiddenException(`This action needs one of the roles: ${required.join(', ')}`);
    }
    const propertyId = request.params?.propertyId as string | undefined;
    if (propertyId !== undefined && !canAccessProperty(principal, propertyId)) {
      throw new ForbiddenException(`Your token does not give access to property ${propertyId}`);
    }
    return true;
  }

  private async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <jwt>)');
    const token = match[1];
    const decoded = this.jwt.decode<{ header?: { alg?: unknown; kid?: unknown } } | null>(token, { complete: true });
    const algorithm = decoded?.header?.alg;
    let verifyOptions = verifyOptionsFor(this.options, algorithm);
    if (!verifyOptions)
      throw new UnauthorizedException('The bearer token is not valid: unsupported or missing algorithm');
    if (algorithm === 'RS256' && this.keySet) {
      const kid = decoded?.header?.kid;
      if (kid !== undefined && typeof kid !== 'string') {
        throw new UnauthorizedException('The bearer token is not valid: its key id (kid) is not a string');
      }
      // The key only ever verifies RS256 (verifyOptions pins the algorithm), whatever the key set says about it.
      verifyOptions = { ...verifyOptions, publicKey: (await this.keySet.keyFor(kid)) as unknown as string };
    }
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, verifyOptions);
    } catch (error) {
      throw new UnauthorizedException(`The bearer token is not valid: ${(error as Error).message}`);
    }
    const lifetimeProblem = this.lifetimeProblem(claims);
    if (lifetimeProblem) throw new UnauthorizedException(`The bearer token is not valid: ${lifetimeProblem}`);
    // The provider's tokens carry roles where it puts them; development tokens are ours, always in `roles`.
    const principal = principalFromClaims(claims, algorithm === 'RS256' ? this.options.claimPaths : undefined);
    if (typeof principal === 'string') throw new UnauthorizedException(`The bearer token is not valid: ${principal}`);
    return principal;
  }

  /** Tokens always expire, and never later than the configured lifetime after they were issued. */
  private lifetimeProblem(claims: Record<string, unknown>): string | undefined {
    const { exp, iat } = claims;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'the token has no expiry (exp)';
    const maxLifetime = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    const tolerance = this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    const now = Math.floor(Date.now() / 1000);
    if (iat !== undefined && (typeof iat !== 'number' || iat > now + tolerance)) {
      return 'the token is issued in the future (iat)';
    }
    const issuedAt = typeof iat === 'number' ? iat : now;
    if (exp - issuedAt > maxLifetime + tolerance) {
      return `the token lives longer than the allowed ${maxLifetime} s (exp - iat)`;
    }
    return undefined;
  }
}

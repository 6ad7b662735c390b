import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Only the console's own origin for everything; no framing at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** On every answer, the SPA's and the API's alike. */
export function securityHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('Referrer-Policy', 'same-origin');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

/** Paths the backend answers itself; the SPA's history fallback never shadows them. */
const BACKEND_PATHS = /^\/(api|auth|health|metrics|docs)(\/|$)/;

/**
 * The built SPA: hashed files under /assets cached for a year (a new build has new names), everything else and
 * index.html revalidated every time, so a deployment is picked up at the next navigation. Unknown paths that are
 * not the backend's get index.html (client-side routes).
 */
export function webApp(directory: string): express.Router {
  const router = express.Router();
  const index = join(directory, 'index.html');
  router.use(
    express.static(directory, {
      index: false,
      setHeaders: (response, path) => {
        response.setHeader(
          'Cache-Control',
          path.startsWith(join(directory, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  router.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || BACKEND_PATHS.test(request.path)) return next();
    if (!existsSync(index)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}

// `npm run token -- --role front_desk [--role finance] --property <id>|* [--sub emp-42] [--ttl 3600]`
// Prints a development bearer token signed with AUTH_JWT_SECRET (the documented dev default when unset). It names an
// issuer and audience: --issuer / --audience, else AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE, else what `npm start` gives the
// services (its local OpenID provider on OIDC_PORT, `frontoffice`). Services told an issuer and audience check them on
// these tokens too; the others ignore them.
import { importBuilt, parseArgs } from './lib.mjs';

const { DEV_JWT_SECRET, isStaffRole, signDevToken } = await importBuilt('@frontoffice/platform');

const options = parseArgs(process.argv.slice(2));
const roles = [].concat(options.role ?? []);
const properties = [].concat(options.property ?? '*');
const usage =
  'usage: npm run token -- --role <front_desk|front_office_manager|concierge|porter|finance|admin> [--role ...] --property <propertyId|*> [--sub emp-42] [--ttl seconds] [--issuer url] [--audience name]';

if (options.help || roles.length === 0 || roles.some((role) => !isStaffRole(role))) {
  console.error(roles.length ? `unknown role in: ${roles.join(', ')}\n${usage}` : usage);
  process.exit(2);
}
const ttl = options.ttl === undefined ? undefined : Number(options.ttl);
if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) {
  console.error('--ttl must be a positive number of seconds');
  process.exit(2);
}
// The services refuse a token that lives longer than AUTH_JWT_MAX_LIFETIME_SECONDS (12 hours by default).
const maxLifetime = Number(process.env.AUTH_JWT_MAX_LIFETIME_SECONDS || 12 * 3600);
if (ttl !== undefined && ttl > maxLifetime) {
  console.error(`--ttl must be at most ${maxLifetime} s (AUTH_JWT_MAX_LIFETIME_SECONDS), or the services refuse it`);
  process.exit(2);
}
console.log(
  signDevToken({
    roles,
    properties,
    sub: options.sub ?? `dev-${roles[0]}`,
    secret: process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET,
    expiresInSeconds: ttl,
    issuer: options.issuer || process.env.AUTH_JWT_ISSUER || `http://127.0.0.1:${process.env.OIDC_PORT || 3009}`,
    audience: options.audience || process.env.AUTH_JWT_AUDIENCE || 'frontoffice',
  }),
);

/**
 * Where to land after sign-in: a path of the console only. Anything that could leave the origin (`//evil`, `/\evil`,
 * a scheme, control characters) becomes `/`, so the login route cannot be used as an open redirect.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f || char === '\\')) return '/';
  try {
    const resolved = new URL(value, 'http://console.invalid');
    if (resolved.origin !== 'http://console.invalid') return '/';
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return '/';
  }
}

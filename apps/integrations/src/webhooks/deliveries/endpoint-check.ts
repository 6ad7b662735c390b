import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AddressPolicy } from './address-policy';

/**
 * Why a subscriber URL cannot be accepted, or undefined. Checked when a subscription is created or changed, for a
 * clear 400; the delivery path checks the resolved address again at every connection.
 */
export async function endpointRefusal(
  url: string,
  policy: AddressPolicy,
  allowHttp: boolean,
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an absolute https:// URL';
  }
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:')) {
    return allowHttp ? 'url must use https or http' : 'url must use https';
  }
  if (parsed.username || parsed.password) return 'url must not carry credentials; authenticate with the signature';
  if (parsed.hash) return 'url must not have a fragment';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      return `url host ${host} does not resolve`;
    }
  }
  for (const address of addresses) {
    const refusal = policy.refusal(address);
    if (refusal !== undefined) return `url resolves to ${address} (${refusal}); webhooks only reach public addresses`;
  }
  return undefined;
}

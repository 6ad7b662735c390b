import { AddressPolicy } from './address-policy';
import { endpointRefusal } from './endpoint-check';

describe('endpointRefusal', () => {
  const strict = new AddressPolicy('');

  it('accepts a public https endpoint', async () => {
    expect(await endpointRefusal('https://93.184.215.14/hooks', strict, false)).toBeUndefined();
    expect(await endpointRefusal('https://[2606:4700:4700::1111]/hooks', strict, false)).toBeUndefined();
  });

  it('requires https unless plain http is allowed', async () => {
    expect(await endpointRefusal('http://93.184.215.14/hooks', strict, false)).toBe('url must use https');
    expect(await endpointRefusal('http://93.184.215.14/hooks', strict, true)).toBeUndefined();
    expect(await endpointRefusal('ftp://93.184.215.14/hooks', strict, true)).toBe('url must use https or http');
    expect(await endpointRefusal('not a url', strict, false)).toMatch(/absolute https/);
  });

  it('refuses credentials and fragments in the URL', async () => {
    expect(await endpointRefusal('https://user:pw@93.184.215.14/hooks', strict, false)).toMatch(/credentials/);
    expect(await endpointRefusal('https://93.184.215.14/hooks#x', strict, false)).toMatch(/fragment/);
  });

  it('refuses internal addresses, given literally or by a name that resolves to one', async () => {
    expect(await endpointRefusal('https://10.0.0.5/hooks', strict, false)).toMatch(/10\.0\.0\.5 \(private\)/);
    expect(await endpointRefusal('https://169.254.169.254/latest', strict, false)).toMatch(/linkLocal/);
    expect(await endpointRefusal('https://[::ffff:192.168.0.1]/hooks', strict, false)).toMatch(/private/);
    expect(await endpointRefusal('https://localhost:8443/hooks', strict, false)).toMatch(/loopback/);
    expect(await endpointRefusal('https://127.0.0.1/hooks', new AddressPolicy('127.0.0.1/32'), false)).toBeUndefined();
  });
});

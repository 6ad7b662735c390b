import { AddressPolicy, AddressRefusedError } from './address-policy';

describe('AddressPolicy', () => {
  const strict = new AddressPolicy('');

  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::', '6to4'],
    ['192.0.0.192', 'reserved'],
  ])('refuses %s (%s)', (ip, range) => {
    expect(strict.refusal(ip)).toBe(range);
    expect(() => strict.assertAllowed(ip)).toThrow(AddressRefusedError);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (ip) => {
    expect(strict.refusal(ip)).toBeUndefined();
  });

  it('lets the configured allow-list through, and only that', () => {
    const local = new AddressPolicy('127.0.0.1/32, ::1');
    expect(local.refusal('127.0.0.1')).toBeUndefined();
    expect(local.refusal('::ffff:127.0.0.1')).toBeUndefined();
    expect(local.refusal('::1')).toBeUndefined();
    expect(local.refusal('127.0.0.2')).toBe('loopback');
    expect(local.refusal('10.0.0.1')).toBe('private');
  });

  it('validates allow-lists', () => {
    expect(AddressPolicy.isValidAllowList('10.0.0.0/8,::1')).toBe(true);
    expect(AddressPolicy.isValidAllowList('10.0.0.0/99')).toBe(false);
    expect(AddressPolicy.isValidAllowList('')).toBe(true);
  });
});

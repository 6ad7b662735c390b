import { accepted, availNotif, ChannelCodes, decimalAmount, rateAmountNotif, runsOf } from './ota-push-messages';

const DBL = '11111111-1111-4111-8111-111111111111';
const SGL = '22222222-2222-4222-8222-222222222222';
const BAR = '33333333-3333-4333-8333-333333333333';
const codes: ChannelCodes = {
  hotelCode: 'PAR1',
  roomTypes: [
    { code: 'DBL-STD', roomTypeId: DBL },
    { code: 'DBL-PROMO', roomTypeId: DBL },
  ],
  ratePlans: [{ code: 'BAR-RO', ratePlanId: BAR }],
};

describe('OTA push messages', () => {
  it('groups consecutive equal nights into inclusive runs', () => {
    const nights = ['2027-05-10', '2027-05-11', '2027-05-12', '2027-05-14'].map((date, index) => ({
      date,
      value: index === 2 ? 0 : 1,
    }));
    expect(runsOf(nights, (night) => night.value)).toEqual([
      { start: '2027-05-10', end: '2027-05-11', value: 1 },
      { start: '2027-05-12', end: '2027-05-12', value: 0 },
      { start: '2027-05-14', end: '2027-05-14', value: 1 },
    ]);
  });

  it('formats minor units with the currency’s decimals', () => {
    expect(decimalAmount(12_900, 'EUR')).toBe('129.00');
    expect(decimalAmount(5, 'EUR')).toBe('0.05');
    expect(decimalAmount(15_000, 'JPY')).toBe('15000');
    expect(decimalAmount(1_234, 'KWD')).toBe('1.234');
  });

  it('sends availability per mapped code, closing sold-out runs, and nothing for unmapped room types', () => {
    const xml = availNotif(codes, [
      { roomTypeId: DBL, date: '2027-05-10', available: 0 },
      { roomTypeId: DBL, date: '2027-05-11', available: 0 },
      { roomTypeId: DBL, date: '2027-05-12', available: 3 },
      { roomTypeId: SGL, date: '2027-05-10', available: 9 },
    ])!;
    expect(xml).toContain('<AvailStatusMessages HotelCode="PAR1">');
    const messages = [
      ...xml.matchAll(
        /BookingLimit="(\d+)"[^>]*>\s*<StatusApplicationControl Start="([\d-]+)" End="([\d-]+)" InvTypeCode="([^"]+)"\/>\s*<RestrictionStatus Status="(\w+)"/g,
      ),
    ].map((m) => m.slice(1));
    expect(messages).toEqual([
      ['0', '2027-05-10', '2027-05-11', 'DBL-STD', 'Close'],
      ['3', '2027-05-12', '2027-05-12', 'DBL-STD', 'Open'],
      ['0', '2027-05-10', '2027-05-11', 'DBL-PROMO', 'Close'],
      ['3', '2027-05-12', '2027-05-12', 'DBL-PROMO', 'Open'],
    ]);
    expect(availNotif(codes, [{ roomTypeId: SGL, date: '2027-05-10', available: 9 }])).toBeUndefined();
  });

  it('sends rate amounts per room type and rate plan code', () => {
    const xml = rateAmountNotif({ ...codes, roomTypes: [codes.roomTypes[0]] }, [
      { roomTypeId: DBL, ratePlanId: BAR, date: '2027-07-14', amountMinor: 19_900, currency: 'EUR' },
      { roomTypeId: DBL, ratePlanId: BAR, date: '2027-07-15', amountMinor: 19_900, currency: 'EUR' },
    ])!;
    expect(xml).toMatch(
      /<StatusApplicationControl Start="2027-07-14" End="2027-07-15" InvTypeCode="DBL-STD" RatePlanCode="BAR-RO"\/>[\s\S]*<BaseByGuestAmt AmountAfterTax="199.00" CurrencyCode="EUR"\/>/,
    );
  });

  it('takes only a 2xx Success without Errors as accepted', () => {
    expect(accepted(200, '<OTA_HotelAvailNotifRS><Success/></OTA_HotelAvailNotifRS>')).toBe(true);
    expect(accepted(200, '<ota:OTA_HotelAvailNotifRS><ota:Success/></ota:OTA_HotelAvailNotifRS>')).toBe(true);
    expect(accepted(200, '<OTA_HotelAvailNotifRS><Errors><Error Code="402"/></Errors></OTA_HotelAvailNotifRS>')).toBe(
      false,
    );
    expect(accepted(500, '<Success/>')).toBe(false);
    expect(accepted(200, '')).toBe(false);
  });
});

import { OtaFault } from './ota-errors';
import { digestOf, echoTokenOf, errorAnswer, parseResNotif, successAnswer } from './ota-message';
import { OTA_ERRORS } from './ota-errors';

const message = (resStatus: string, body = '') => `<?xml version="1.0" encoding="UTF-8"?>
<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="abc-1" Version="1.0" ResStatus="${resStatus}">
  <HotelReservations>
    <HotelReservation>
      <UniqueID Type="14" ID="BDC-42"/>
      ${body}
    </HotelReservation>
  </HotelReservations>
</OTA_HotelResNotifRQ>`;

const stay = `<RoomStays><RoomStay>
  <RoomRates><RoomRate RoomTypeCode="DBL" RatePlanCode="BAR" NumberOfUnits="1"/></RoomRates>
  <GuestCounts><GuestCount AgeQualifyingCode="10" Count="2"/><GuestCount AgeQualifyingCode="8" Count="1"/></GuestCounts>
  <TimeSpan Start="2027-05-10" End="2027-05-13"/>
  <BasicPropertyInfo HotelCode="PAR1"/>
</RoomStay></RoomStays>
<ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>
  <PersonName><GivenName>Zoë</GivenName><Surname>O&apos;Brien &amp; Co</Surname></PersonName>
  <Telephone PhoneNumber="+33 (1) 23-45-67-89"/><Email>zoe@example.com</Email>
</Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
<ResGlobalInfo><Comments><Comment><Text>Quiet room</Text></Comment></Comments></ResGlobalInfo>`;

function faultOf(run: () => unknown): OtaFault {
  try {
    run();
  } catch (error) {
    if (error instanceof OtaFault) return error;
    throw error;
  }
  throw new Error('expected an OtaFault');
}

describe('OTA_HotelResNotifRQ parsing', () => {
  it('reads a new booking in the channel’s codes', () => {
    expect(parseResNotif(message('Commit', stay))).toEqual({
      echoToken: 'abc-1',
      reservation: {
        action: 'Commit',
        channelReservationId: 'BDC-42',
        hotelCode: 'PAR1',
        roomTypeCode: 'DBL',
        ratePlanCode: 'BAR',
        arrival: '2027-05-10',
        departure: '2027-05-13',
        adults: 2,
        children: 1,
        guest: { firstName: 'Zoë', lastName: "O'Brien & Co", email: 'zoe@example.com', phone: '+33123456789' },
        comments: 'Quiet room',
      },
    });
  });

  it('reads a cancellation with only the id and hotel code, and treats Book as Commit', () => {
    const cancel = parseResNotif(
      message('Cancel', '<RoomStays><RoomStay><BasicPropertyInfo HotelCode="PAR1"/></RoomStay></RoomStays>'),
    );
    expect(cancel.reservation).toEqual({ action: 'Cancel', channelReservationId: 'BDC-42', hotelCode: 'PAR1' });
    expect(parseResNotif(message('Book', stay)).reservation.action).toBe('Commit');
  });

  it.each([
    [
      'a DOCTYPE',
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${message('Commit', stay)}`,
      OTA_ERRORS.malformed,
    ],
    ['an ENTITY alone', message('Commit', `<!ENTITY e "x">${stay}`), OTA_ERRORS.malformed],
    ['broken XML', message('Commit', stay).slice(0, 200), OTA_ERRORS.malformed],
    ['another message', '<OTA_PingRQ/>', OTA_ERRORS.malformed],
    ['an unknown ResStatus', message('Ignore', stay), OTA_ERRORS.notImplemented],
    ['no dates', message('Commit', stay.replace(/<TimeSpan[^>]+>/, '')), OTA_ERRORS.requiredFieldMissing],
    ['dates reversed', message('Commit', stay.replace('2027-05-13', '2027-05-01')), OTA_ERRORS.invalidDateRange],
    ['an impossible date', message('Commit', stay.replace('2027-05-13', '2027-02-30')), OTA_ERRORS.invalidDate],
    ['no surname', message('Commit', stay.replace(/<Surname>.*<\/Surname>/, '')), OTA_ERRORS.requiredFieldMissing],
    ['two rooms', message('Commit', stay.replace('NumberOfUnits="1"', 'NumberOfUnits="2"')), OTA_ERRORS.notImplemented],
    ['no adult', message('Commit', stay.replace('Count="2"', 'Count="0"')), OTA_ERRORS.requiredFieldMissing],
    ['no hotel code', message('Commit', stay.replace('HotelCode="PAR1"', '')), OTA_ERRORS.requiredFieldMissing],
  ])('refuses %s with an OTA error', (_name, xml, kind) => {
    expect(faultOf(() => parseResNotif(xml)).kind).toBe(kind);
  });

  it('compares replays on the booking, not on the envelope', () => {
    const first = parseResNotif(message('Commit', stay)).reservation;
    const resent = parseResNotif(message('Commit', stay).replace('abc-1', 'abc-2')).reservation;
    const changed = parseResNotif(message('Commit', stay.replace('2027-05-13', '2027-05-14'))).reservation;
    expect(digestOf(resent)).toBe(digestOf(first));
    expect(digestOf(changed)).not.toBe(digestOf(first));
  });
});

describe('OTA_HotelResNotifRS answers', () => {
  it('confirms with the channel’s id and our confirmation number, echoing the token', () => {
    const xml = successAnswer('abc-1', {
      action: 'Commit',
      channelReservationId: 'BDC-42',
      confirmationNumber: 'K7M2QX9A',
    });
    expect(xml).toContain('<OTA_HotelResNotifRS xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="abc-1"');
    expect(xml).toContain('<Success/>');
    expect(xml).toContain('<UniqueID Type="14" ID="BDC-42"/>');
    expect(xml).toContain('<HotelReservationID ResID_Type="14" ResID_Value="K7M2QX9A" ResID_Source="frontoffice"/>');
  });

  it('names the error with its EWT type and ERR code, escaping the text', () => {
    const xml = errorAnswer(undefined, OTA_ERRORS.invalidRoomType, 'Room type <SUITE> & co');
    expect(xml).toMatch(
      /<Errors>\s*<Error Type="3" Code="402" ShortText="Invalid room type">Room type &lt;SUITE&gt; &amp; co<\/Error>/,
    );
    expect(xml).not.toContain('EchoToken');
  });

  it('finds the echo token of a message too broken to parse', () => {
    expect(echoTokenOf('<ota:OTA_HotelResNotifRQ EchoToken="t-9" Version="1"><broken')).toBe('t-9');
    expect(echoTokenOf('garbage')).toBeUndefined();
  });
});

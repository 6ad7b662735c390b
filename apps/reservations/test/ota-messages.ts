/** OpenTravel messages shaped like the OTA 2015B samples a channel manager sends (OTA_HotelResNotifRQ). */
export interface SampleBooking {
  resStatus?: 'Commit' | 'Modify' | 'Cancel' | 'Book';
  echoToken?: string;
  channelReservationId: string;
  hotelCode: string;
  roomTypeCode?: string;
  ratePlanCode?: string;
  arrival?: string;
  departure?: string;
  adults?: number;
  children?: number;
  lastName?: string;
}

export function resNotif(booking: SampleBooking): string {
  const {
    resStatus = 'Commit',
    echoToken = `echo-${Math.random().toString(36).slice(2)}`,
    roomTypeCode = 'DBL-STD',
    ratePlanCode,
    arrival = '2027-05-10',
    departure = '2027-05-13',
    adults = 2,
    children = 0,
    lastName = 'Okafor',
  } = booking;
  const stay =
    resStatus === 'Cancel'
      ? `<RoomStays><RoomStay><BasicPropertyInfo HotelCode="${booking.hotelCode}"/></RoomStay></RoomStays>`
      : `<RoomStays>
        <RoomStay>
          <RoomTypes><RoomType RoomTypeCode="${roomTypeCode}"/></RoomTypes>
          ${ratePlanCode ? `<RatePlans><RatePlan RatePlanCode="${ratePlanCode}"/></RatePlans>` : ''}
          <RoomRates>
            <RoomRate RoomTypeCode="${roomTypeCode}" ${ratePlanCode ? `RatePlanCode="${ratePlanCode}"` : ''} NumberOfUnits="1">
              <Rates><Rate EffectiveDate="${arrival}" ExpireDate="${departure}" RateTimeUnit="Day" UnitMultiplier="1">
                <Base AmountAfterTax="129.00" CurrencyCode="EUR"/>
              </Rate></Rates>
            </RoomRate>
          </RoomRates>
          <GuestCounts>
            <GuestCount AgeQualifyingCode="10" Count="${adults}"/>
            ${children > 0 ? `<GuestCount AgeQualifyingCode="8" Count="${children}"/>` : ''}
          </GuestCounts>
          <TimeSpan Start="${arrival}" End="${departure}"/>
          <Total AmountAfterTax="387.00" CurrencyCode="EUR"/>
          <BasicPropertyInfo HotelCode="${booking.hotelCode}"/>
        </RoomStay>
      </RoomStays>
      <ResGuests>
        <ResGuest ResGuestRPH="1" PrimaryIndicator="true">
          <Profiles><ProfileInfo><Profile ProfileType="1"><Customer>
            <PersonName><NamePrefix>Ms</NamePrefix><GivenName>Adaeze</GivenName><Surname>${lastName}</Surname></PersonName>
            <Telephone PhoneTechType="1" PhoneNumber="+33 1 23 45 67 89"/>
            <Email EmailType="1">adaeze.${lastName.toLowerCase()}@example.com</Email>
          </Customer></Profile></ProfileInfo></Profiles>
        </ResGuest>
      </ResGuests>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="${echoToken}"
    TimeStamp="${new Date().toISOString()}" Version="1.003" ResStatus="${resStatus}">
  <POS><Source><RequestorID Type="22" ID="CHANNEL"/><BookingChannel Type="7" Primary="true">
    <CompanyName Code="BDC">Booking.com</CompanyName></BookingChannel></Source></POS>
  <HotelReservations>
    <HotelReservation CreateDateTime="${new Date().toISOString()}" CreatorID="CHANNEL">
      <UniqueID Type="14" ID="${booking.channelReservationId}"/>
      ${stay}
      <ResGlobalInfo>
        <Comments><Comment><Text>Late arrival, around 23:00</Text></Comment></Comments>
        <HotelReservationIDs><HotelReservationID ResID_Type="14" ResID_Value="${booking.channelReservationId}"/></HotelReservationIDs>
      </ResGlobalInfo>
    </HotelReservation>
  </HotelReservations>
</OTA_HotelResNotifRQ>`;
}

export interface OtaAnswerSummary {
  status: number;
  success: boolean;
  confirmationNumber?: string;
  errorCode?: string;
  errorType?: string;
  echoToken?: string;
  body: string;
}

export function summarize(status: number, body: string): OtaAnswerSummary {
  return {
    status,
    success: /<Success\s*\/>/.test(body),
    confirmationNumber: /ResID_Value="([^"]+)"/.exec(body)?.[1],
    errorCode: /<Error\b[^>]*\bCode="(\d+)"/.exec(body)?.[1],
    errorType: /<Error\b[^>]*\bType="(\d+)"/.exec(body)?.[1],
    echoToken: /EchoToken="([^"]+)"/.exec(body)?.[1],
    body,
  };
}

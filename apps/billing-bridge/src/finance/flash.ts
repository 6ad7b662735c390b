/** The manager's flash figures of one business date, from the night audit's room counts and the journal. */
export interface RoomKpis {
  /** Rooms sold ÷ rooms available, in percent with two decimals (81.25). Null when nothing was available. */
  occupancyPercent: number | null;
  /** Average daily rate: room revenue ÷ rooms sold, in minor units (half away from zero). */
  adr: number | null;
  /** Revenue per available room: room revenue ÷ rooms available, in minor units. */
  revpar: number | null;
}

/** a ÷ b rounded half away from zero, on integers. */
function divideRounded(a: number, b: number): number {
  const quotient = Math.trunc(a / b);
  const remainder = a - quotient * b;
  return Math.abs(remainder) * 2 >= Math.abs(b) ? quotient + Math.sign(a) * Math.sign(b) : quotient;
}

export function roomKpis(roomsSold: number, roomsAvailable: number, roomRevenueMinor: number): RoomKpis {
  return {
    occupancyPercent: roomsAvailable > 0 ? divideRounded(roomsSold * 10_000, roomsAvailable) / 100 : null,
    adr: roomsSold > 0 ? divideRounded(roomRevenueMinor, roomsSold) : null,
    revpar: roomsAvailable > 0 ? divideRounded(roomRevenueMinor, roomsAvailable) : null,
  };
}

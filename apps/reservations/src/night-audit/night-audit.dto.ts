import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate, Money } from '@frontoffice/contracts';
import { ApiMoney } from '@frontoffice/platform';

export class RunNightAuditDto {
  @ApiProperty({ example: '2026-11-29', description: 'The business date to close: the property’s current one' })
  @IsLocalDate()
  businessDate!: string;
}

export class NightAuditReport {
  @ApiProperty() auditId!: string;
  @ApiProperty() businessDate!: string;
  @ApiProperty() nextBusinessDate!: string;
  @ApiProperty({ description: 'Bookings marked no-show' }) noShows!: number;
  @ApiProperty({ type: [String] }) noShowReservationIds!: string[];
  @ApiProperty({ description: 'Stay-nights posted (one night-audit.room-night-posted each)' })
  roomNightsPosted!: number;
  @ApiMoney() roomRevenue!: Money;
  @ApiProperty() groupRoomNightsReleased!: number;
  @ApiProperty() roomsTotal!: number;
  @ApiProperty() roomsOutOfOrder!: number;
  @ApiProperty() roomsAvailable!: number;
  @ApiProperty() roomsSold!: number;
  @ApiProperty() arrivals!: number;
  @ApiProperty() departures!: number;
  @ApiProperty({ type: [String], description: 'In-house stays without a room: not posted, to fix at the desk' })
  unassignedInHouse!: string[];
  @ApiProperty({ description: 'Rooms whose out-of-order range started or ended with the next business date' })
  roomsStatusChanged!: number;
  @ApiProperty() runBy!: string;
  @ApiProperty() completedAt!: string;
  @ApiProperty({ description: 'true when this date was already closed: the stored report, nothing done again' })
  replayed!: boolean;
}

import type { ConsoleRoute } from '../../shell/routes';
import type { StaffRole } from '../../shell/session';
import { BookingForm } from './BookingForm';
import { DeskBoard } from './Boards';
import { CheckIn, RoomMove } from './CheckIn';
import { CheckOut } from './CheckOut';
import { FindBooking } from './FindBooking';
import { RoomRack } from './RoomRack';
import { Till } from './Till';

// Managers work the desk too (and cover it at night).
const DESK: StaffRole[] = ['front_desk', 'front_office_manager'];
const GROUP = 'shell:nav.desk';

/** The desk screens: path under the console, the roles that see them, their nav label (namespace desk). */
export const deskRoutes: ConsoleRoute[] = [
  {
    path: 'desk/arrivals',
    element: <DeskBoard key="arrivals" kind="arrivals" />,
    roles: DESK,
    navLabel: 'desk:nav.arrivals',
    navGroup: GROUP,
  },
  {
    path: 'desk/departures',
    element: <DeskBoard key="departures" kind="departures" />,
    roles: DESK,
    navLabel: 'desk:nav.departures',
    navGroup: GROUP,
  },
  {
    path: 'desk/in-house',
    element: <DeskBoard key="in-house" kind="in-house" />,
    roles: DESK,
    navLabel: 'desk:nav.inHouse',
    navGroup: GROUP,
  },
  { path: 'desk/find', element: <FindBooking />, roles: DESK, navLabel: 'desk:nav.find', navGroup: GROUP },
  {
    path: 'desk/new-booking',
    element: <BookingForm key="booking" mode="booking" />,
    roles: DESK,
    navLabel: 'desk:nav.newBooking',
    navGroup: GROUP,
  },
  {
    path: 'desk/walk-in',
    element: <BookingForm key="walk-in" mode="walk-in" />,
    roles: DESK,
    navLabel: 'desk:nav.walkIn',
    navGroup: GROUP,
  },
  { path: 'desk/rack', element: <RoomRack />, roles: DESK, navLabel: 'desk:nav.rack', navGroup: GROUP },
  { path: 'desk/till', element: <Till />, roles: DESK, navLabel: 'desk:nav.till', navGroup: GROUP },
  { path: 'desk/check-in/:reservationId', element: <CheckIn />, roles: DESK },
  { path: 'desk/room-move/:reservationId', element: <RoomMove />, roles: DESK },
  { path: 'desk/check-out/:reservationId', element: <CheckOut />, roles: DESK },
];

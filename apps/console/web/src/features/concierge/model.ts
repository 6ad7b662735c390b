/** What the concierge service answers (apps/concierge/src/**\/*.dto.ts), as far as these screens read it. */
export const REQUEST_CATEGORIES = [
  'information',
  'local_booking',
  'amenity',
  'luggage',
  'wake_up',
  'maintenance',
  'complaint',
] as const;
export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const REQUEST_ROLES = ['concierge', 'front_desk', 'porter', 'front_office_manager'] as const;
export const REQUEST_STATUSES = ['open', 'assigned', 'in_progress', 'deferred', 'done', 'cancelled'] as const;
export const COMPLAINT_CATEGORIES = [
  'room',
  'cleanliness',
  'noise',
  'service',
  'staff',
  'food_beverage',
  'amenities',
  'billing',
  'maintenance',
  'other',
] as const;
export const COMPENSATION_KINDS = ['allowance', 'free_service'] as const;
export const RECOMMENDATION_CATEGORIES = [
  'attraction',
  'restaurant',
  'entertainment',
  'transport',
  'shopping',
  'wellness',
  'nightlife',
  'other',
] as const;
export const MESSAGE_PURPOSES = [
  'pre_arrival',
  'welcome',
  'vip_welcome',
  'checkout_thanks',
  'apology',
  'event_reminder',
] as const;
export const MESSAGE_CHANNELS = ['email', 'sms', 'in_person', 'letter', 'app'] as const;
export const SERVICE_CHARGE_TYPES = ['local_booking', 'transport', 'amenity', 'food_beverage', 'other'] as const;

export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestRole = (typeof REQUEST_ROLES)[number];

export interface GuestRequest {
  id: string;
  category: RequestCategory;
  kind: string | null;
  description: string;
  reservationId: string | null;
  roomNumber: string | null;
  guestName: string | null;
  vipLevel: 'none' | 'vip' | 'vvip';
  priority: (typeof REQUEST_PRIORITIES)[number];
  role: RequestRole;
  status: RequestStatus;
  assigneeId: string | null;
  dueAt: string;
  deferredUntil: string | null;
  escalated: boolean;
  escalationReason: string | null;
  createdAt: string;
}

export interface StayGuest {
  reservationId: string;
  confirmationNumber: string | null;
  firstName: string;
  lastName: string;
  language: string | null;
  vipLevel: string;
  status: string;
  roomNumber: string | null;
  arrival: string | null;
  departure: string | null;
}

export interface Employee {
  employeeId: string;
  name: string;
  roles: string[];
  languages: string[];
  active: boolean;
}

export interface Luggage {
  id: string;
  tagNumber: string;
  reservationId: string | null;
  guestName: string | null;
  roomNumber: string | null;
  pieces: number;
  description: string | null;
  location: string;
  status: 'stored' | 'returned';
  createdAt: string;
  returnedAt: string | null;
}

export interface Recommendation {
  id: string;
  name: string;
  category: string;
  description: string | null;
  tags: string[];
  languages: string[];
  address: string;
  openingHours: Array<{ day: string; open: string; close: string }>;
  phone: string | null;
  website: string | null;
  priceLevel: number | null;
}

export interface Complaint {
  id: string;
  requestId: string;
  category: string;
  reservationId: string | null;
  roomNumber: string | null;
  whatWentWrong: string;
  guestWords: string;
  resolution: string | null;
  status: 'open' | 'resolved';
  loggedBy: string;
  loggedAt: string;
  compensation: {
    id: string;
    kind: string;
    amount: { amountMinor: number; currency: string };
    description: string;
    status: 'proposed' | 'approved' | 'rejected';
    proposedBy: string;
    proposedAt: string;
  } | null;
}

export interface MessageTemplate {
  id: string;
  purpose: string;
  language: string;
  subject: string;
  body: string;
  placeholders: string[];
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface RenderedMessage {
  id: string;
  purpose: string;
  language: string;
  fallbackUsed: boolean;
  languageSource: string;
  recipient: string;
  channel: string;
  subject: string;
  body: string;
  sentAt: string | null;
  status?: string;
}

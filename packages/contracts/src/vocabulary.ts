/** How much personal attention a guest gets; the front office manager handles 'vip' and 'vvip' guests in person. */
export const VIP_LEVELS = ['none', 'vip', 'vvip'] as const;
export type VipLevel = (typeof VIP_LEVELS)[number];

/** The roles a bearer token may carry (DESIGN.md, Security). Staffing has its own scheduling roles besides these. */
export const STAFF_ROLES = ['front_desk', 'front_office_manager', 'concierge', 'porter', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

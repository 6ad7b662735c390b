// The demo staff of the local OpenID provider: one account per role for `npm start` and the console's browser
// tests. Username and password are the same word; these accounts only ever exist on a developer's machine. The subs
// and names are the demo team's in staffing (scripts/demo-seed.mjs), so a schedule shows who signed in.

/**
 * @param {string} propertyId the demo property every account but finance works at (finance sees every property)
 * @returns {{ sub: string, username: string, password: string, name: string, roles: string[], properties: string[] }[]}
 */
export function demoStaff(propertyId) {
  if (typeof propertyId !== 'string' || propertyId.length === 0) {
    throw new TypeError('demoStaff needs the id of the demo property');
  }
  return [
    {
      sub: 'demo-desk-1',
      username: 'desk',
      password: 'desk',
      name: 'Louis Bernard',
      roles: ['front_desk'],
      properties: [propertyId],
    },
    {
      sub: 'demo-fom',
      username: 'manager',
      password: 'manager',
      name: 'Hélène Martin',
      roles: ['front_office_manager'],
      properties: [propertyId],
    },
    {
      sub: 'demo-concierge',
      username: 'concierge',
      password: 'concierge',
      name: 'Manon Dubois',
      roles: ['concierge'],
      properties: [propertyId],
    },
    {
      sub: 'demo-porter-1',
      username: 'porter',
      password: 'porter',
      name: 'Lucas Moreau',
      roles: ['porter'],
      properties: [propertyId],
    },
    {
      sub: 'demo-finance',
      username: 'finance',
      password: 'finance',
      name: 'Claire Fontaine',
      roles: ['finance'],
      properties: ['*'],
    },
  ];
}

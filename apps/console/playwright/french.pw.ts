import { expect, test, uniqueLetters } from './fixtures';

const FRENCH_DAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
const FRENCH_MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
/** 1 234,50 € as French writes an amount: space-grouped thousands, decimal comma, the sign after a space. */
const FRENCH_EUROS = /^\d{1,3}(?:[\s\u202f]\d{3})*,\d{2}[\s\u00a0\u202f]€$/;

test('in French the interface, dates and amounts are French, and the choice survives a reload', async ({
  page,
  stack,
  signIn,
  checkA11y,
  screenshot,
}) => {
  // A two-night stay booked through the API, to read its dates and price back in the console.
  const headers = { authorization: `Bearer ${stack.devToken(['front_desk'])}`, 'content-type': 'application/json' };
  const base = `${stack.serviceUrls.reservations}/v1/properties/${stack.propertyId}`;
  const property = (await (await fetch(base, { headers })).json()) as { businessDate: string };
  const roomTypes = (await (await fetch(`${base}/room-types`, { headers })).json()) as {
    items: Array<{ id: string; code: string }>;
  };
  const arrival = property.businessDate;
  const departure = new Date(Date.parse(`${arrival}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  const lastName = `Lefranc${uniqueLetters()}`;
  const booked = await fetch(`${base}/reservations`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      guest: { firstName: 'Amélie', lastName, language: 'fr' },
      roomTypeId: roomTypes.items.find((type) => type.code === 'DLX')!.id,
      arrival,
      departure,
      adults: 2,
    }),
  });
  expect(booked.status, await booked.clone().text()).toBe(201);
  const reservation = (await booked.json()) as { totalPrice: { amountMinor: number; currency: string } };

  await signIn(page, 'desk');
  await page.getByLabel('Language').selectOption({ label: 'Français' });

  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  const menu = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(menu.getByRole('heading', { name: 'Réception' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  // The business date as a French long date, e.g. « mercredi 2 décembre 2026 ».
  const businessDate = page.getByTestId('business-date');
  await expect(businessDate).toContainText('Date d’exploitation');
  const longDate = (await businessDate.locator('strong').textContent())!.trim();
  expect(longDate).toMatch(new RegExp(`^(${FRENCH_DAYS}) (1er|\\d{1,2}) (${FRENCH_MONTHS}) \\d{4}$`));
  const [year, month, day] = arrival.split('-').map(Number);
  expect(longDate).toContain(`${year}`);
  const dayPattern = day === 1 ? '1(?:er)?' : `${day}`;
  expect(longDate).toMatch(new RegExp(` ${dayPattern} `));
  expect(longDate).toContain(FRENCH_MONTHS.split('|')[month - 1]);

  await menu.getByRole('link', { name: 'Rechercher une réservation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rechercher une réservation' })).toBeVisible();
  await page.getByLabel('Nom du client').fill(lastName);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const row = page.getByRole('row').filter({ hasText: lastName });
  await expect(row).toHaveCount(1);

  // The amount in euros the French way, the same amount the API booked.
  const expectedPrice = await page.evaluate(
    ({ amountMinor, currency }) =>
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency }).format(amountMinor / 100),
    reservation.totalPrice,
  );
  expect(expectedPrice).toMatch(FRENCH_EUROS);
  await expect(row).toContainText(expectedPrice);
  // Stay dates with French month abbreviations (« 2 déc. 2026 »).
  await expect(row).toContainText(new RegExp(`(?<!\\d)${dayPattern} [a-zéû]+\\.? ${year}`));
  await expect(row).not.toContainText(new RegExp(`\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b`));
  await checkA11y(page);
  await screenshot(page, 'console-french');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Rechercher une réservation' })).toBeVisible();
});

import { test, expect, serviceCall, uniqueLetters } from './fixtures';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function mondayAfter(date: string, weeks: number): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, ((8 - day) % 7 || 7) + 7 * (weeks - 1));
}

test('the manager builds a week’s schedule, edits the draft and publishes it', async ({
  page,
  signIn,
  stack,
  checkA11y,
  screenshot,
}) => {
  test.setTimeout(180_000);
  const manager = stack.devToken(['front_office_manager']);
  const property = await serviceCall<{ businessDate: string }>(
    `${stack.serviceUrls.reservations}/v1/properties/${stack.propertyId}`,
    manager,
  );
  // The first week from three weeks ahead that has no schedule yet (a rerun on the same stack moves on a week).
  let weekStart = mondayAfter(property.businessDate, 3);
  for (;;) {
    const existing = await serviceCall<{ items: unknown[] }>(
      `${stack.serviceUrls.staffing}/v1/properties/${stack.propertyId}/schedules?weekStart=${weekStart}`,
      manager,
    );
    if (existing.items.length === 0) break;
    weekStart = addDays(weekStart, 7);
  }

  await signIn(page, 'manager');
  await page.goto(`${stack.consoleUrl}/manager/schedule`);
  await page.getByLabel('Week starting').fill(weekStart);
  await page.getByRole('button', { name: 'Build draft schedule' }).click();
  const grid = page.getByRole('table', { name: 'Shifts per employee and day' });
  await expect(grid).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  await expect(page.getByText('Staff needed per day and role')).toBeVisible();

  // Take one shift away: the service checks every rule again and the grid shows the result.
  const removeButtons = grid.getByRole('button', { name: /^Remove the / });
  const before = await removeButtons.count();
  expect(before).toBeGreaterThan(0);
  await removeButtons.first().click();
  await expect(removeButtons).toHaveCount(before - 1);
  await checkA11y(page);
  await screenshot(page, 'manager-schedule-draft');

  await page.getByRole('button', { name: 'Publish schedule' }).click();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
  await expect(grid.getByRole('button', { name: /^Remove the / })).toHaveCount(0);
  await screenshot(page, 'manager-schedule-published');
});

test('a refund above the four-eyes threshold waits for the manager, who approves it', async ({
  page,
  signIn,
  stack,
  checkA11y,
  screenshot,
}) => {
  const desk = stack.devToken(['front_desk']);
  const reservations = `${stack.serviceUrls.reservations}/v1/properties/${stack.propertyId}`;
  const billing = `${stack.serviceUrls['billing-bridge']}/v1/properties/${stack.propertyId}`;
  const property = await serviceCall<{ businessDate: string; currency: string }>(reservations, desk);
  const roomTypes = await serviceCall<{ items: Array<{ id: string }> }>(`${reservations}/room-types`, desk);
  const booking = await serviceCall<{ id: string }>(`${reservations}/reservations`, desk, 'POST', {
    guest: { firstName: 'Ada', lastName: `Refund${uniqueLetters()}`, language: 'en' },
    roomTypeId: roomTypes.items[0].id,
    arrival: property.businessDate,
    departure: addDays(property.businessDate, 3),
    adults: 1,
  });
  await serviceCall(`${reservations}/reservations/${booking.id}/check-in`, desk, 'POST', {});
  // The folio is opened by billing from the reservation's events.
  let folioId = '';
  await expect(async () => {
    const folios = await serviceCall<{ items: Array<{ id: string }> }>(
      `${billing}/folios?reservationId=${booking.id}`,
      desk,
    );
    expect(folios.items.length).toBeGreaterThan(0);
    folioId = folios.items[0].id;
  }).toPass({ timeout: 30_000 });
  const payment = await serviceCall<{ id: string }>(`${billing}/folios/${folioId}/payments`, desk, 'POST', {
    method: 'card',
    amount: { amountMinor: 80_000, currency: property.currency },
    cardLast4: '4242',
    processorRef: `psp-${uniqueLetters()}`,
  });
  const reason = `Unused nights ${uniqueLetters()}`;
  const refund = await serviceCall<{ id: string; status: string }>(
    `${billing}/payments/${payment.id}/refunds`,
    desk,
    'POST',
    { amount: { amountMinor: 60_000, currency: property.currency }, reason },
  );
  expect(refund.status).toBe('pending_approval');

  await signIn(page, 'manager');
  await page.goto(`${stack.consoleUrl}/manager/approvals`);
  const row = page.getByRole('row').filter({ hasText: reason });
  await expect(row).toBeVisible();
  await checkA11y(page);
  await screenshot(page, 'manager-approvals');
  await row.getByRole('button', { name: /^Approve refund of / }).click();
  await expect(row).toHaveCount(0);

  const decided = await serviceCall<{ status: string; approvedBy?: string }>(
    `${billing}/refunds/${refund.id}`,
    stack.devToken(['front_office_manager']),
  );
  expect(decided.status).toBe('issued');
});

test('the manager screens pass the accessibility check', async ({ page, signIn, stack, checkA11y, screenshot }) => {
  await signIn(page, 'manager');
  for (const [path, heading, name] of [
    ['manager/absences', 'Absences', 'manager-absences'],
    ['manager/tills', 'Tills and variances', 'manager-tills'],
    ['manager/night-audit', 'Night audit', 'manager-night-audit'],
    ['manager/procedures', 'Procedures and templates', 'manager-procedures'],
    ['manager/vip', 'VIP levels', 'manager-vip'],
  ]) {
    await page.goto(`${stack.consoleUrl}/${path}`);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await checkA11y(page);
    await screenshot(page, name);
  }
});

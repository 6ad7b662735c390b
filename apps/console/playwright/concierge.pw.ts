import { test, expect, serviceCall, uniqueLetters } from './fixtures';

test('a concierge takes a guest request from open to done', async ({ page, signIn, stack, checkA11y, screenshot }) => {
  const description = `Museum opening hours ${uniqueLetters()}`;
  await signIn(page, 'concierge');
  await page.goto(`${stack.consoleUrl}/concierge/requests`);
  await expect(page.getByRole('heading', { name: 'Guest requests', level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'New request' });
  await form.getByLabel('Category').selectOption('information');
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Open request' }).click();
  await expect(form.getByRole('status')).toHaveText('Request opened.');

  // Information requests wait in the concierge's queue, the screen's default view, with their SLA countdown.
  const row = page.getByRole('row').filter({ hasText: description });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/min left/);
  await checkA11y(page);
  await screenshot(page, 'concierge-requests');

  await row.getByRole('button', { name: 'Take it' }).click();
  await expect(row).toContainText('Assigned');
  await row.getByRole('button', { name: 'Start' }).click();
  await expect(row).toContainText('In progress');
  await row.getByRole('button', { name: 'Complete' }).click();
  await expect(row).toHaveCount(0);

  await page.getByLabel('Show').selectOption('status:done');
  await expect(page.getByRole('row').filter({ hasText: description })).toContainText('Done');
});

test('a check-in gives the porter a luggage task, and stored luggage goes back against its tag', async ({
  page,
  signIn,
  stack,
  checkA11y,
  screenshot,
}) => {
  const desk = stack.devToken(['front_desk']);
  const reservations = `${stack.serviceUrls.reservations}/v1/properties/${stack.propertyId}`;
  const property = await serviceCall<{ businessDate: string }>(reservations, desk);
  const roomTypes = await serviceCall<{ items: Array<{ id: string }> }>(`${reservations}/room-types`, desk);
  const lastName = `Portertest${uniqueLetters()}`;
  const departure = new Date(Date.parse(`${property.businessDate}T00:00:00Z`) + 2 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const booking = await serviceCall<{ id: string }>(`${reservations}/reservations`, desk, 'POST', {
    guest: { firstName: 'Lou', lastName, language: 'fr' },
    roomTypeId: roomTypes.items[0].id,
    arrival: property.businessDate,
    departure,
    adults: 1,
  });
  await serviceCall(`${reservations}/reservations/${booking.id}/check-in`, desk, 'POST', {});

  await signIn(page, 'porter');
  await page.goto(`${stack.consoleUrl}/concierge/luggage`);
  // Porters see luggage work only: none of the concierge's other screens is in their menu.
  const menu = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(menu.getByRole('link', { name: 'Luggage' })).toBeVisible();
  for (const other of ['Guest requests', 'Complaints', 'Local recommendations', 'Guest messages']) {
    await expect(menu.getByRole('link', { name: other })).toHaveCount(0);
  }

  // The task comes from the check-in event through the concierge service: wait for it (live updates or reload).
  const task = page.getByRole('row').filter({ hasText: `Take the luggage of Lou ${lastName}` });
  await expect(async () => {
    if ((await task.count()) === 0) await page.reload();
    await expect(task).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await checkA11y(page);
  await screenshot(page, 'porter-luggage');

  await task.getByRole('button', { name: 'Take it' }).click();
  await task.getByRole('button', { name: 'Start' }).click();
  await expect(task).toContainText('In progress');
  await task.getByRole('button', { name: 'Complete' }).click();
  await expect(task).toHaveCount(0);

  const tag = `T-${Date.now() % 1_000_000}`;
  const store = page.getByRole('form', { name: 'Store luggage' });
  await store.getByLabel('Tag number').fill(tag);
  await store.getByLabel('Guest name').fill(`Lou ${lastName}`);
  await store.getByLabel('Pieces').fill('2');
  await store.getByLabel('Location').fill('luggage room, shelf B');
  await store.getByRole('button', { name: 'Store' }).click();
  await expect(store.getByRole('status')).toHaveText(`Stored under tag ${tag}.`);

  const stored = page.getByRole('row').filter({ hasText: tag });
  await stored.getByLabel(`Tag the guest presents for ${tag}`).fill('WRONG-TAG');
  await stored.getByRole('button', { name: 'Hand back' }).click();
  await expect(stored.getByRole('alert')).toBeVisible();
  await stored.getByLabel(`Tag the guest presents for ${tag}`).fill(tag);
  await stored.getByRole('button', { name: 'Hand back' }).click();
  await expect(page.getByRole('row').filter({ hasText: tag })).toHaveCount(0);
});

test('the concierge screens pass the accessibility check', async ({ page, signIn, stack, checkA11y, screenshot }) => {
  await signIn(page, 'concierge');
  for (const [path, heading, name] of [
    ['concierge/complaints', 'Complaints', 'concierge-complaints'],
    ['concierge/recommendations', 'Local recommendations', 'concierge-recommendations'],
    ['concierge/messages', 'Guest messages', 'concierge-messages'],
  ]) {
    await page.goto(`${stack.consoleUrl}/${path}`);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await checkA11y(page);
    await screenshot(page, name);
  }
});

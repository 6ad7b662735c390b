import { expect, test } from './fixtures';

/** A finance screen of the console (features/finance/routes.tsx). */
const FINANCE_SCREEN = '/finance/payments';

test('a porter sees no finance screen, is refused one opened by its address, and the BFF refuses its data', async ({
  page,
  stack,
  signIn,
  checkA11y,
}) => {
  await signIn(page, 'porter');
  const menu = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('heading', { name: 'Finance' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: /payment|refund|city ledger|FEC|export/i })).toHaveCount(0);
  const links = await menu
    .getByRole('link')
    .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
  expect(links.filter((path) => path.startsWith('/finance'))).toEqual([]);

  await page.goto(FINANCE_SCREEN);
  await expect(page.getByRole('alert')).toHaveText('This screen is not available to your role.');
  await checkA11y(page);

  // The same data asked of the BFF directly: it forwards the porter's own token and billing-bridge says no.
  const today = new Date().toISOString().slice(0, 10);
  const answer = await page.request.get(
    `/api/billing-bridge/v1/finance/payments?from=${today}&to=${today}&propertyId=${stack.propertyId}`,
  );
  expect(answer.status()).toBe(403);
  expect(answer.headers()['content-type']).toContain('application/problem+json');
  const refunds = await page.request.get(`/api/billing-bridge/v1/finance/refunds?from=${today}&to=${today}`);
  expect(refunds.status()).toBe(403);
});

test('finance staff see the finance screens the porter does not', async ({ page, signIn }) => {
  await signIn(page, 'finance');
  const menu = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(menu.getByRole('heading', { name: 'Finance' })).toBeVisible();
  await page.goto(FINANCE_SCREEN);
  await expect(page.getByRole('alert').filter({ hasText: 'not available to your role' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

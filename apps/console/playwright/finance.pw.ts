import { readFile } from 'node:fs/promises';
import { checkFec } from '../../billing-bridge/src/exports/fec-checker';
import { test, expect } from './fixtures';

const FEC_HEADER = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
];

test('finance downloads the FEC of a period through the console', async ({
  page,
  signIn,
  stack,
  checkA11y,
  screenshot,
}, testInfo) => {
  await signIn(page, 'finance');
  await page.goto(`${stack.consoleUrl}/finance/exports`);
  await expect(page.getByRole('heading', { name: 'Accounting exports', level: 1 })).toBeVisible();
  await page.getByLabel('Property').last().selectOption(stack.propertyId);
  // A FEC is named after the SIREN: a property without one asks for it first.
  const siren = page.getByRole('form', { name: 'Company SIREN' });
  const fecLink = page.getByRole('link', { name: 'Download FEC' });
  await expect(fecLink.or(siren)).toBeVisible();
  if (await siren.isVisible()) {
    await siren.getByLabel('SIREN').fill('443061841');
    await siren.getByRole('button', { name: 'Save SIREN' }).click();
    await expect(siren).toHaveCount(0);
  }
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('From').fill(`${today.slice(0, 4)}-01-01`);
  await page.getByLabel('To').fill(today);
  await checkA11y(page);
  await screenshot(page, 'finance-exports');

  const [download] = await Promise.all([page.waitForEvent('download'), fecLink.click()]);
  expect(download.suggestedFilename()).toMatch(/FEC\d{8}\.txt$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');

  // The repository's independent FEC checker: the 18 columns in order, one separator throughout, balanced entries.
  const result = checkFec(text);
  expect(result.problems).toEqual([]);
  expect(result.separator).not.toBeNull();
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  expect(lines[0].replace(/^\uFEFF/, '').split(result.separator!)).toEqual(FEC_HEADER);
  for (const line of lines) expect(line.split(result.separator!)).toHaveLength(18);
});

test('finance sees payments, refunds and balances across properties, and the flash report', async ({
  page,
  signIn,
  stack,
  checkA11y,
  screenshot,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'finance');
  const menu = page.getByRole('navigation', { name: 'Main navigation' });
  // Back office only: no desk, concierge or manager screens in a finance user's menu.
  await page.goto(`${stack.consoleUrl}/finance/payments`);
  await expect(menu.getByRole('heading')).toHaveText(['Finance']);

  for (const [path, heading, name] of [
    ['finance/payments', 'Payments', 'finance-payments'],
    ['finance/refunds', 'Refunds', 'finance-refunds'],
    ['finance/folios', 'Folio balances', 'finance-folios'],
    ['finance/city-ledger', 'City-ledger balances', 'finance-city-ledger'],
    ['finance/flash', 'Flash report', 'finance-flash'],
  ]) {
    await page.goto(`${stack.consoleUrl}/${path}`);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    // Loaded: no "Loading…" left (the top bar's live indicator is a status too, and stays).
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0, { timeout: 15_000 });
    await checkA11y(page);
    await screenshot(page, name);
  }

  await page.goto(`${stack.consoleUrl}/finance/payments`);
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Property').selectOption(stack.propertyId);
  await filters.getByLabel('Method').selectOption('card');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(
    page.getByRole('table', { name: 'Payments' }).or(page.getByText('Nothing matches these filters.')),
  ).toBeVisible();
});

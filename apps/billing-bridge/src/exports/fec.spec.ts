import { checkFec } from './fec-checker';
import { fecAmount, fecDate, fecFileName, fecHeader, fecLine, FecRecord, fecText } from './fec-format';

const record = (overrides: Partial<FecRecord> = {}): FecRecord => ({
  journalCode: 'VT',
  journalLabel: 'Ventes',
  entryNumber: 1,
  entryDate: '2026-03-10',
  account: '411',
  accountLabel: 'Clients - hébergés',
  auxAccount: 'folio-1',
  auxLabel: 'Camille Durand',
  pieceRef: 'posting-1',
  pieceDate: '2026-03-10',
  label: 'Room 101',
  debitMinor: 12_400,
  creditMinor: 0,
  validDate: '2026-03-10',
  currency: 'EUR',
  ...overrides,
});

const credit = (overrides: Partial<FecRecord> = {}) =>
  record({ account: '706', auxAccount: null, auxLabel: null, debitMinor: 0, creditMinor: 12_400, ...overrides });

const file = (...records: FecRecord[]) => fecHeader() + records.map(fecLine).join('');

describe('FEC format', () => {
  it('writes amounts with a comma, dates AAAAMMJJ, and the legal file name', () => {
    expect(fecAmount(12_345, 2)).toBe('123,45');
    expect(fecAmount(5, 2)).toBe('0,05');
    expect(fecAmount(0, 2)).toBe('0,00');
    expect(fecAmount(1_200, 0)).toBe('1200');
    expect(fecDate('2026-03-10')).toBe('20260310');
    expect(fecFileName('732829320', '2026-12-31')).toBe('732829320FEC20261231.txt');
    expect(fecText('Room | 101\r\nnight')).toBe('Room 101 night');
  });

  it('never leaves a mandatory label blank', () => {
    const line = fecLine(record({ label: ' ', auxLabel: null })).split('|');
    expect(line[7]).toBe('folio-1');
    expect(line[10]).toBe('Clients - hébergés');
    expect(checkFec(file(record({ label: '' }), credit({ label: '' }))).problems).toEqual([]);
  });

  it('writes the 18 columns in order', () => {
    const line = fecLine(record()).trimEnd().split('|');
    expect(line).toEqual([
      'VT',
      'Ventes',
      '1',
      '20260310',
      '411',
      'Clients - hébergés',
      'folio-1',
      'Camille Durand',
      'posting-1',
      '20260310',
      'Room 101',
      '124,00',
      '0,00',
      '',
      '',
      '20260310',
      '',
      '',
    ]);
  });
});

describe('FEC checker', () => {
  it('passes a well-formed file', () => {
    const result = checkFec(
      file(
        record(),
        credit(),
        record({ entryNumber: 2 }),
        credit({ entryNumber: 2 }),
        record({ journalCode: 'BQ' }),
        credit({ journalCode: 'BQ' }),
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.separator).toBe('|');
    expect(result.entries).toEqual(
      new Map([
        ['VT', [1, 2]],
        ['BQ', [1]],
      ]),
    );
  });

  it('finds a gap in the numbering, an unbalanced entry, and a split entry', () => {
    expect(checkFec(file(record(), credit(), record({ entryNumber: 3 }), credit({ entryNumber: 3 }))).problems).toEqual(
      ['journal VT: entry 3 follows 1: gap or disorder'],
    );
    expect(checkFec(file(record(), credit({ creditMinor: 12_300 }))).problems).toEqual([
      'line 2: entry VT 1 does not balance (debit 124, credit 123)',
      'the file does not balance: debit 124, credit 123',
    ]);
    const split = checkFec(file(record(), record({ entryNumber: 2 }), credit({ entryNumber: 2 }), credit()));
    expect(split.problems).toContain('line 5: entry VT 1 is split: its lines must be consecutive');
  });

  it('finds a wrong header, a missing column, a dot decimal, a bad date and a two-sided line', () => {
    const good = file(record(), credit());
    expect(checkFec(good.replace('JournalCode|JournalLib', 'JournalLib|JournalCode')).problems[0]).toMatch(
      /^line 1: the header must be/,
    );
    const lines = good.split('\r\n');
    const withDot = [lines[0], lines[1].replace('124,00', '124.00'), lines[2], ''].join('\r\n');
    expect(checkFec(withDot).problems).toContain('line 2: Debit "124.00" is not a comma-decimal amount');
    const badDate = [lines[0], lines[1].replace('|20260310|411', '|20260231|411'), lines[2], ''].join('\r\n');
    expect(checkFec(badDate).problems).toContain('line 2: EcritureDate "20260231" is not a date AAAAMMJJ');
    const short = [lines[0], lines[1].split('|').slice(0, 17).join('|'), lines[2], ''].join('\r\n');
    expect(checkFec(short).problems).toContain('line 2: 17 columns instead of 18');
    const twoSided = checkFec(file(record({ creditMinor: 1 }), credit({ creditMinor: 12_401 })));
    expect(twoSided.problems).toContain('line 2: exactly one of Debit and Credit must be non-zero');
  });

  it('accepts a tab-separated file too', () => {
    expect(checkFec(file(record(), credit()).replaceAll('|', '\t')).problems).toEqual([]);
  });
});

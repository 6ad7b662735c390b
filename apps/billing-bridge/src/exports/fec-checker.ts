/**
 * An independent checker of FEC files, written from the format's rules (article A47 A-1 LPF), not from our exporter:
 * the tests run every export through it. It reports every problem it finds, with the line number.
 */
const EXPECTED_HEADER = [
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

export interface FecCheckResult {
  problems: string[];
  separator: '|' | '\t' | null;
  lineCount: number;
  /** Entries by journal code: their numbers in file order. */
  entries: Map<string, number[]>;
  /** Sum of all debits and credits, in 1/10000 of the currency unit. */
  totals: { debit: number; credit: number };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "1234,5" → 12345000 (1/10000 units); null when not a comma-decimal amount. */
function parseAmount(value: string): number | null {
  const match = /^(-?)(\d+)(?:,(\d{1,4}))?$/.exec(value);
  if (!match) return null;
  const units = Number(match[2]) * 10_000 + Number((match[3] ?? '').padEnd(4, '0'));
  return match[1] === '-' ? -units : units;
}

export function checkFec(text: string): FecCheckResult {
  const problems: string[] = [];
  const entries = new Map<string, number[]>();
  const totals = { debit: 0, credit: 0 };
  const result = (separator: '|' | '\t' | null, lineCount: number): FecCheckResult => ({
    problems,
    separator,
    lineCount,
    entries,
    totals,
  });

  const crlf = text.includes('\r\n');
  if (crlf && /[^\r]\n/.test(text)) problems.push('line endings mix CRLF and LF');
  const rawLines = text.split(/\r?\n/);
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();
  if (rawLines.length === 0) {
    problems.push('the file is empty: a header line is required');
    return result(null, 0);
  }
  const headerLine = rawLines[0].replace(/^\uFEFF/, '');
  const separator = headerLine.includes('\t') ? '\t' : headerLine.includes('|') ? '|' : null;
  if (!separator) {
    problems.push('line 1: the header has neither tab nor | separators');
    return result(null, rawLines.length);
  }
  const header = headerLine.split(separator);
  if (header.join(',') !== EXPECTED_HEADER.join(',')) {
    problems.push(`line 1: the header must be the 18 columns ${EXPECTED_HEADER.join(separator)} in this order`);
  }

  interface Entry {
    date: string;
    debit: number;
    credit: number;
    firstLine: number;
  }
  const entryState = new Map<string, Entry>();
  const finished = new Set<string>();
  let current: string | null = null;

  for (let index = 1; index < rawLines.length; index += 1) {
    const at = `line ${index + 1}`;
    const fields = rawLines[index].split(separator);
    if (fields.length !== 18) {
      problems.push(`${at}: ${fields.length} columns instead of 18`);
      continue;
    }
    const [journalCode, journalLib, ecritureNum, ecritureDate, compteNum, compteLib, compAuxNum, compAuxLib] = fields;
    const [pieceRef, pieceDate, ecritureLib, debitText, creditText, ecritureLet, dateLet, validDate] = fields.slice(8);
    const [montantDevise, idevise] = fields.slice(16);

    const required: [string, string][] = [
      ['JournalCode', journalCode],
      ['JournalLib', journalLib],
      ['EcritureNum', ecritureNum],
      ['CompteNum', compteNum],
      ['CompteLib', compteLib],
      ['PieceRef', pieceRef],
      ['EcritureLib', ecritureLib],
    ];
    for (const [name, value] of required) if (value.trim() === '') problems.push(`${at}: ${name} is empty`);
    for (const [name, value] of [
      ['EcritureDate', ecritureDate],
      ['PieceDate', pieceDate],
      ['ValidDate', validDate],
    ]) {
      if (!isCalendarDate(value)) problems.push(`${at}: ${name} "${value}" is not a date AAAAMMJJ`);
    }
    if (dateLet !== '' && !isCalendarDate(dateLet)) problems.push(`${at}: DateLet "${dateLet}" is not a date AAAAMMJJ`);
    if (dateLet !== '' && ecritureLet === '') problems.push(`${at}: DateLet without EcritureLet`);
    if (compteNum !== '' && !/^\d{3,}/.test(compteNum)) {
      problems.push(`${at}: CompteNum "${compteNum}" does not start with a 3-digit PCG account`);
    }
    if ((compAuxNum === '') !== (compAuxLib === '')) problems.push(`${at}: CompAuxNum and CompAuxLib go together`);
    if ((montantDevise === '') !== (idevise === '')) problems.push(`${at}: Montantdevise and Idevise go together`);
    if (montantDevise !== '' && parseAmount(montantDevise) === null) {
      problems.push(`${at}: Montantdevise "${montantDevise}" is not a comma-decimal amount`);
    }
    if (idevise !== '' && !/^[A-Z]{3}$/.test(idevise)) problems.push(`${at}: Idevise "${idevise}" is not ISO 4217`);
    if (isCalendarDate(ecritureDate) && isCalendarDate(validDate) && validDate < ecritureDate) {
      problems.push(`${at}: ValidDate is before EcritureDate`);
    }

    const debit = parseAmount(debitText);
    const credit = parseAmount(creditText);
    if (debit === null) problems.push(`${at}: Debit "${debitText}" is not a comma-decimal amount`);
    if (credit === null) problems.push(`${at}: Credit "${creditText}" is not a comma-decimal amount`);
    if (debit !== null && credit !== null) {
      if (debit < 0 || credit < 0) problems.push(`${at}: Debit and Credit must not be negative`);
      if ((debit === 0) === (credit === 0)) problems.push(`${at}: exactly one of Debit and Credit must be non-zero`);
      totals.debit += debit;
      totals.credit += credit;
    }

    if (!/^\d+$/.test(ecritureNum)) {
      if (ecritureNum !== '') problems.push(`${at}: EcritureNum "${ecritureNum}" is not a number`);
      continue;
    }
    const key = `${journalCode}\u0000${ecritureNum}`;
    if (key !== current) {
      if (finished.has(key) || entryState.has(key)) {
        problems.push(`${at}: entry ${journalCode} ${ecritureNum} is split: its lines must be consecutive`);
      }
      if (current) finished.add(current);
      current = key;
      if (!entryState.has(key)) {
        entryState.set(key, { date: ecritureDate, debit: 0, credit: 0, firstLine: index + 1 });
        entries.set(journalCode, [...(entries.get(journalCode) ?? []), Number(ecritureNum)]);
      }
    }
    const entry = entryState.get(key)!;
    if (entry.date !== ecritureDate) {
      problems.push(`${at}: entry ${journalCode} ${ecritureNum} has two EcritureDate values`);
    }
    entry.debit += debit ?? 0;
    entry.credit += credit ?? 0;
  }

  for (const [key, entry] of entryState) {
    if (entry.debit !== entry.credit) {
      const [journalCode, number] = key.split('\u0000');
      problems.push(
        `line ${entry.firstLine}: entry ${journalCode} ${number} does not balance (debit ${entry.debit / 10_000}, credit ${entry.credit / 10_000})`,
      );
    }
  }
  for (const [journalCode, numbers] of entries) {
    for (let index = 1; index < numbers.length; index += 1) {
      if (numbers[index] !== numbers[index - 1] + 1) {
        problems.push(`journal ${journalCode}: entry ${numbers[index]} follows ${numbers[index - 1]}: gap or disorder`);
      }
    }
  }
  if (totals.debit !== totals.credit) {
    problems.push(`the file does not balance: debit ${totals.debit / 10_000}, credit ${totals.credit / 10_000}`);
  }
  return result(separator, rawLines.length);
}

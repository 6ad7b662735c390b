import { invalidField } from '../folios/money-input';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  cursorParameters,
  NotFoundError,
  Page,
  pageLimit,
  pageOf,
  PageQuery,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../folios/billing-audit';
import { loadBillingProperty } from '../properties/billing-property';
import { CityLedgerAccountView, CreateCityLedgerAccountDto, UpdateCityLedgerAccountDto } from './city-ledger.dto';

interface AccountRow {
  id: string;
  property_id: string;
  code: string;
  name: string;
  vat_number: string | null;
  billing_address: string | null;
  currency: string;
  credit_limit_minor: string | null;
  active: boolean;
  created_at: Date;
  balance_minor: string;
}

const ACCOUNT_SELECT = `
  SELECT a.*, (SELECT COALESCE(sum(p.amount_minor - p.refunded_minor), 0) FROM payment p
               WHERE p.city_ledger_account_id = a.id) AS balance_minor
  FROM city_ledger_account a`;

export interface LockedAccount {
  id: string;
  name: string;
  currency: string;
  creditLimitMinor: number | null;
  balanceMinor: number;
  active: boolean;
}

function toView(row: AccountRow): CityLedgerAccountView {
  const currency = row.currency.trim();
  return {
    id: row.id,
    propertyId: row.property_id,
    code: row.code,
    name: row.name,
    vatNumber: row.vat_number ?? undefined,
    billingAddress: row.billing_address ?? undefined,
    creditLimit:
      row.credit_limit_minor === null ? undefined : { amountMinor: Number(row.credit_limit_minor), currency },
    active: row.active,
    balance: { amountMinor: Number(row.balance_minor), currency },
    createdAt: row.created_at.toISOString(),
  };
}

/** Company accounts the desk transfers folio balances to (the city ledger), with what each company owes. */
@Injectable()
export class CityLedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(propertyId: string, input: CreateCityLedgerAccountDto, actor: string): Promise<CityLedgerAccountView> {
    return this.dataSource.transaction(async (manager) => {
      const property = await loadBillingProperty(manager, propertyId);
      const currency = input.creditLimit?.currency ?? property.currency ?? 'EUR';
      if (property.currency && currency !== property.currency) {
        throw invalidField('creditLimit.currency', `The property uses ${property.currency}`);
      }
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO city_ledger_account (property_id, code, name, vat_number, billing_address, currency,
           credit_limit_minor, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (property_id, code) DO NOTHING RETURNING id`,
        [
          propertyId,
          input.code,
          input.name,
          input.vatNumber ?? null,
          input.billingAddress ?? null,
          currency,
          input.creditLimit?.amountMinor ?? null,
          actor,
        ],
      );
      if (rows.length === 0) {
        throw new ConflictError('city-ledger-code-taken', `Account code ${input.code} is taken`, { code: input.code });
      }
      await recordAudit(manager, {
        propertyId,
        actor,
        action: 'city-ledger-account.created',
        subjectId: rows[0].id,
        details: { code: input.code, name: input.name },
      });
      return this.find(manager, propertyId, rows[0].id);
    });
  }

  private async find(manager: EntityManager, propertyId: string, id: string): Promise<CityLedgerAccountView> {
    const rows: AccountRow[] = await manager.query(`${ACCOUNT_SELECT} WHERE a.id = $1 AND a.property_id = $2`, [
      id,
      propertyId,
    ]);
    if (!rows[0]) throw new NotFoundError('city-ledger-account', id);
    return toView(rows[0]);
  }

  get(propertyId: string, id: string): Promise<CityLedgerAccountView> {
    return this.find(this.dataSource.manager, propertyId, id);
  }

  async list(propertyId: string, query: PageQuery): Promise<Page<CityLedgerAccountView>> {
    const limit = pageLimit(query);
    const rows: AccountRow[] = await this.dataSource.query(
      `${ACCOUNT_SELECT} WHERE a.property_id = $1 AND ($2::text IS NULL OR (a.code, a.id) > ($2, $3::uuid))
       ORDER BY a.code, a.id LIMIT $4`,
      [propertyId, ...cursorParameters(query.cursor, ['text', 'uuid']), limit + 1],
    );
    return pageOf(rows, limit, (row) => [row.code, row.id], toView);
  }

  async update(
    propertyId: string,
    id: string,
    input: UpdateCityLedgerAccountDto,
    actor: string,
  ): Promise<CityLedgerAccountView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, propertyId, id);
      if (input.creditLimit && input.creditLimit.currency !== current.currency) {
        throw invalidField('creditLimit.currency', `The account is in ${current.currency}`);
      }
      await manager.query(
        `UPDATE city_ledger_account SET name = COALESCE($3, name), vat_number = COALESCE($4, vat_number),
           billing_address = COALESCE($5, billing_address), credit_limit_minor = COALESCE($6, credit_limit_minor),
           active = COALESCE($7, active)
         WHERE id = $1 AND property_id = $2`,
        [
          id,
          propertyId,
          input.name ?? null,
          input.vatNumber ?? null,
          input.billingAddress ?? null,
          input.creditLimit?.amountMinor ?? null,
          input.active ?? null,
        ],
      );
      await recordAudit(manager, {
        propertyId,
        actor,
        action: 'city-ledger-account.updated',
        subjectId: id,
        details: { ...input },
      });
      return this.find(manager, propertyId, id);
    });
  }

  /** Deactivates the account: history stays, no new transfers. */
  async deactivate(propertyId: string, id: string, actor: string): Promise<CityLedgerAccountView> {
    return this.update(propertyId, id, { active: false }, actor);
  }

  /** The account locked for a transfer, with its balance; 404 when unknown, 409 when inactive. */
  async lock(manager: EntityManager, propertyId: string, id: string): Promise<LockedAccount> {
    const locked: unknown[] = await manager.query(
      'SELECT 1 FROM city_ledger_account WHERE id = $1 AND property_id = $2 FOR UPDATE',
      [id, propertyId],
    );
    if (locked.length === 0) throw new NotFoundError('city-ledger-account', id);
    const rows: AccountRow[] = await manager.query(`${ACCOUNT_SELECT} WHERE a.id = $1`, [id]);
    const row = rows[0];
    return {
      id: row.id,
      name: row.name,
      currency: row.currency.trim(),
      creditLimitMinor: row.credit_limit_minor === null ? null : Number(row.credit_limit_minor),
      balanceMinor: Number(row.balance_minor),
      active: row.active,
    };
  }

  async assertCanTake(
    manager: EntityManager,
    propertyId: string,
    id: string,
    amountMinor: number,
  ): Promise<LockedAccount> {
    const account = await this.lock(manager, propertyId, id);
    if (!account.active) {
      throw new ConflictError('city-ledger-account-inactive', `City-ledger account ${id} is closed`, { id });
    }
    if (account.creditLimitMinor !== null && account.balanceMinor + amountMinor > account.creditLimitMinor) {
      throw new ConflictError('credit-limit-exceeded', `The transfer would exceed the account's credit limit`, {
        id,
        balance: account.balanceMinor,
        creditLimit: account.creditLimitMinor,
      });
    }
    return account;
  }
}

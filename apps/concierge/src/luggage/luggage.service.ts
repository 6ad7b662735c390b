import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BusinessRuleViolation,
  ConflictError,
  CursorKey,
  keyedPage,
  Keyset,
  NotFoundError,
  Page,
  pageLimit,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { updateReturning } from '../common/sql';
import { DataSource, EntityManager } from 'typeorm';
import { iso } from '../common/desk-roles';
import { DirectoryService } from '../stays/directory.service';
import { CustodyDecision, CustodyEntry, followGuest, handBack, LuggageState, LuggageStatus, move } from './custody';
import { CustodyView, HandBackDto, LuggageQuery, LuggageView, MoveLuggageDto, StoreLuggageDto } from './luggage.dto';

const LUGGAGE_ORDER = new Keyset(
  [
    { sql: 'created_at', kind: 'timestamp' },
    { sql: 'id', kind: 'uuid' },
  ],
  'DESC',
);

interface LuggageRow {
  id: string;
  property_id: string;
  tag_number: string;
  reservation_id: string | null;
  guest_name: string | null;
  room_number: string | null;
  pieces: number;
  description: string | null;
  location: string;
  status: LuggageStatus;
  created_at: Date;
  returned_at: Date | null;
}

function toView(row: LuggageRow, custody?: CustodyView[]): LuggageView {
  return {
    id: row.id,
    propertyId: row.property_id,
    tagNumber: row.tag_number,
    reservationId: row.reservation_id,
    guestName: row.guest_name,
    roomNumber: row.room_number,
    pieces: row.pieces,
    description: row.description,
    location: row.location,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    returnedAt: iso(row.returned_at) ?? null,
    ...(custody ? { custody } : {}),
  };
}

function stateOf(row: LuggageRow): LuggageState {
  return { status: row.status, tagNumber: row.tag_number, location: row.location, roomNumber: row.room_number };
}

/** Stored luggage: tag, location and the chain of custody (who took it, where, when) until it is handed back. */
@Injectable()
export class LuggageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  store(propertyId: string, input: StoreLuggageDto, actor: string): Promise<LuggageView> {
    return this.dataSource.transaction(async (manager) => {
      const stay = input.reservationId
        ? await this.directory.requireStay(propertyId, input.reservationId, manager)
        : undefined;
      const guestName = input.guestName ?? (stay ? `${stay.firstName} ${stay.lastName}` : null);
      if (!guestName && !input.reservationId) {
        throw new BusinessRuleViolation('guest-unknown', 'Give a reservationId or a guestName', 'guestName');
      }
      const rows: LuggageRow[] = await manager.query(
        `INSERT INTO luggage_item (id, property_id, tag_number, reservation_id, guest_name, room_number, pieces,
                                   description, location, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'stored')
         ON CONFLICT (property_id, tag_number) WHERE status = 'stored' DO NOTHING RETURNING *`,
        [
          randomUUID(),
          propertyId,
          input.tagNumber.trim().toUpperCase(),
          input.reservationId ?? null,
          guestName,
          input.roomNumber ?? stay?.roomNumber ?? null,
          input.pieces,
          input.description ?? null,
          input.location,
        ],
      );
      if (!rows[0]) {
        throw new ConflictError('tag-in-use', `Tag ${input.tagNumber} is on luggage still in storage`, {
          tagNumber: input.tagNumber,
        });
      }
      await this.addCustody(manager, rows[0].id, {
        action: 'stored',
        location: input.location,
        roomNumber: rows[0].room_number,
        actor,
        note: null,
      });
      return toView(rows[0], await this.custody(manager, rows[0].id));
    });
  }

  /** Newest first: (created_at, id) descending. */
  async list(propertyId: string, query: LuggageQuery): Promise<Page<LuggageView>> {
    const limit = pageLimit(query);
    const after = LUGGAGE_ORDER.after(query.cursor, 6);
    const rows: Array<LuggageRow & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT *, ${LUGGAGE_ORDER.pageKey} FROM luggage_item WHERE property_id = $1 AND ($2::text IS NULL OR status = $2)
          AND ($3::uuid IS NULL OR reservation_id = $3) AND ($4::text IS NULL OR tag_number = upper(trim($4)))
          AND ${after.sql}
        ORDER BY ${LUGGAGE_ORDER.orderBy} LIMIT $5`,
      [
        propertyId,
        query.status ?? null,
        query.reservationId ?? null,
        query.tagNumber ?? null,
        limit + 1,
        ...after.parameters,
      ],
    );
    return keyedPage(rows, limit, (row) => toView(row));
  }

  async get(propertyId: string, luggageId: string): Promise<LuggageView> {
    const row = await this.find(this.dataSource.manager, propertyId, luggageId, false);
    return toView(row, await this.custody(this.dataSource.manager, row.id));
  }

  move(propertyId: string, luggageId: string, input: MoveLuggageDto, actor: string): Promise<LuggageView> {
    return this.change(propertyId, luggageId, (state) => move(state, input.location, actor, input.note));
  }

  handBack(propertyId: string, luggageId: string, input: HandBackDto, actor: string): Promise<LuggageView> {
    return this.change(propertyId, luggageId, (state) => handBack(state, input.tagNumber, actor, input.note));
  }

  /** stay.room-moved: everything the guest has in storage is now for the new room. */
  async followGuest(manager: EntityManager, propertyId: string, reservationId: string, toRoom: string): Promise<void> {
    const rows: LuggageRow[] = await manager.query(
      `SELECT * FROM luggage_item WHERE property_id = $1 AND reservation_id = $2 AND status = 'stored' FOR UPDATE`,
      [propertyId, reservationId],
    );
    for (const row of rows) {
      const decision = followGuest(stateOf(row), toRoom, 'system');
      if (decision.ok) await this.apply(manager, row, decision);
    }
  }

  private change(
    propertyId: string,
    luggageId: string,
    decide: (state: LuggageState) => CustodyDecision,
  ): Promise<LuggageView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, propertyId, luggageId, true);
      const decision = decide(stateOf(row));
      if (!decision.ok) {
        if (decision.field) throw new BusinessRuleViolation(decision.code, decision.reason, decision.field);
        throw new ConflictError(decision.code, decision.reason);
      }
      const updated = await this.apply(manager, row, decision);
      return toView(updated, await this.custody(manager, row.id));
    });
  }

  private async apply(
    manager: EntityManager,
    row: LuggageRow,
    decision: Extract<CustodyDecision, { ok: true }>,
  ): Promise<LuggageRow> {
    const rows = await updateReturning<LuggageRow>(
      manager,
      `UPDATE luggage_item SET status = $2, location = $3, room_number = $4,
              returned_at = CASE WHEN $2 = 'returned' THEN now() ELSE returned_at END
        WHERE id = $1 RETURNING *`,
      [row.id, decision.next.status, decision.next.location, decision.next.roomNumber],
    );
    await this.addCustody(manager, row.id, decision.entry);
    return rows[0];
  }

  private async find(
    manager: EntityManager,
    propertyId: string,
    luggageId: string,
    lock: boolean,
  ): Promise<LuggageRow> {
    const rows: LuggageRow[] = await manager.query(
      `SELECT * FROM luggage_item WHERE id = $1 AND property_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [luggageId, propertyId],
    );
    if (!rows[0]) throw new NotFoundError('luggage', luggageId);
    return rows[0];
  }

  private async addCustody(manager: EntityManager, luggageId: string, entry: Omit<CustodyEntry, 'at'>): Promise<void> {
    await manager.query(
      `INSERT INTO luggage_custody (luggage_id, action, location, room_number, actor, note)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [luggageId, entry.action, entry.location, entry.roomNumber, entry.actor, entry.note],
    );
  }

  private async custody(manager: EntityManager, luggageId: string): Promise<CustodyView[]> {
    const rows: Array<{
      action: string;
      location: string;
      room_number: string | null;
      actor: string;
      note: string | null;
      at: Date;
    }> = await manager.query(
      'SELECT action, location, room_number, actor, note, at FROM luggage_custody WHERE luggage_id = $1 ORDER BY id',
      [luggageId],
    );
    return rows.map((row) => ({
      action: row.action,
      location: row.location,
      roomNumber: row.room_number,
      actor: row.actor,
      note: row.note,
      at: row.at.toISOString(),
    }));
  }
}

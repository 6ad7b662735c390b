import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import { ProcedureView, SaveProcedureDto } from './procedures.dto';

interface ProcedureRow {
  code: string;
  version: number;
  title: string;
  body: string;
  edited_by: string;
  edited_at: Date;
  change_note: string | null;
}

function toView(row: ProcedureRow): ProcedureView {
  return {
    code: row.code,
    version: row.version,
    title: row.title,
    body: row.body,
    editedBy: row.edited_by,
    editedAt: row.edited_at.toISOString(),
    changeNote: row.change_note,
  };
}

/** Desk procedures per property: every edit is a new version, older versions stay readable. */
@Injectable()
export class ProceduresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Concurrent edits of one procedure are serialised by a transaction lock, so versions never collide. */
  save(propertyId: string, code: string, input: SaveProcedureDto, actor: string): Promise<ProcedureView> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`procedure:${propertyId}:${code}`]);
      const rows: ProcedureRow[] = await manager.query(
        `INSERT INTO desk_procedure (property_id, code, version, title, body, edited_by, change_note)
         SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4, $5, $6 FROM desk_procedure
          WHERE property_id = $1 AND code = $2
         RETURNING *`,
        [propertyId, code, input.title, input.body, actor, input.changeNote ?? null],
      );
      return toView(rows[0]);
    });
  }

  async latest(propertyId: string): Promise<ProcedureView[]> {
    const rows: ProcedureRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (code) * FROM desk_procedure WHERE property_id = $1 ORDER BY code, version DESC`,
      [propertyId],
    );
    return rows.map(toView);
  }

  async get(propertyId: string, code: string, version?: number): Promise<ProcedureView> {
    const rows: ProcedureRow[] = await this.dataSource.query(
      `SELECT * FROM desk_procedure WHERE property_id = $1 AND code = $2 AND ($3::int IS NULL OR version = $3)
        ORDER BY version DESC LIMIT 1`,
      [propertyId, code, version ?? null],
    );
    if (!rows[0]) throw new NotFoundError('procedure', version ? `${code} v${version}` : code);
    return toView(rows[0]);
  }

  async versions(propertyId: string, code: string): Promise<ProcedureView[]> {
    const rows: ProcedureRow[] = await this.dataSource.query(
      'SELECT * FROM desk_procedure WHERE property_id = $1 AND code = $2 ORDER BY version DESC',
      [propertyId, code],
    );
    if (rows.length === 0) throw new NotFoundError('procedure', code);
    return rows.map(toView);
  }
}

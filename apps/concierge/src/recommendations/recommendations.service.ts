import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BusinessRuleViolation,
  CursorKey,
  encodeCursor,
  keyedPage,
  Keyset,
  NotFoundError,
  Page,
  pageLimit,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { updateReturning } from '../common/sql';
import { RecommendationQuery, RecommendationView, SaveRecommendationDto } from './recommendations.dto';
import { matches, OpeningPeriod, Searchable } from './search';

interface RecommendationRow {
  id: string;
  property_id: string;
  name: string;
  category: string;
  description: string | null;
  tags: string[];
  languages: string[];
  address: string;
  opening_hours: OpeningPeriod[];
  phone: string | null;
  website: string | null;
  price_level: number | null;
  created_by: string;
  created_at: Date;
}

function toView(row: RecommendationRow): RecommendationView {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    description: row.description,
    tags: row.tags,
    languages: row.languages,
    address: row.address,
    openingHours: row.opening_hours,
    phone: row.phone,
    website: row.website,
    priceLevel: row.price_level,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

function searchable(row: RecommendationRow): Searchable {
  return {
    name: row.name,
    category: row.category,
    description: row.description,
    address: row.address,
    tags: row.tags,
    languages: row.languages,
    openingHours: row.opening_hours,
  };
}

/** Alphabetical: (name, id) ascending. */
const RECOMMENDATION_ORDER = new Keyset([
  { sql: 'name', kind: 'text' },
  { sql: 'id', kind: 'uuid' },
]);
/** Catalogue rows read per round trip while filling a page of matches. */
const SCAN_BATCH = 500;

/** The property's catalogue of local recommendations and its search. */
@Injectable()
export class RecommendationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(propertyId: string, input: SaveRecommendationDto, actor: string): Promise<RecommendationView> {
    const rows: RecommendationRow[] = await this.dataSource.query(
      `INSERT INTO recommendation (id, property_id, name, category, description, tags, languages, address,
                                   opening_hours, phone, website, price_level, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [randomUUID(), propertyId, ...this.columns(input), actor],
    );
    return toView(rows[0]);
  }

  async update(propertyId: string, id: string, input: SaveRecommendationDto): Promise<RecommendationView> {
    const [row] = await updateReturning<RecommendationRow>(
      this.dataSource.manager,
      `UPDATE recommendation SET name = $3, category = $4, description = $5, tags = $6, languages = $7, address = $8,
              opening_hours = $9, phone = $10, website = $11, price_level = $12
        WHERE id = $1 AND property_id = $2 RETURNING *`,
      [id, propertyId, ...this.columns(input)],
    );
    if (!row) throw new NotFoundError('recommendation', id);
    return toView(row);
  }

  async search(propertyId: string, query: RecommendationQuery): Promise<Page<RecommendationView>> {
    if ((query.openDay === undefined) !== (query.openTime === undefined)) {
      throw new BusinessRuleViolation(
        'open-day-and-time',
        'openDay and openTime go together',
        query.openDay ? 'openTime' : 'openDay',
      );
    }
    // The text, tag, language and opening-hours matching (accents ignored, overnight periods) stays in one place,
    // `matches`; the catalogue is read in keyset order in batches from the cursor until the page is full, so every
    // match is reachable and none is dropped by a row cap.
    const limit = pageLimit(query);
    const found: Array<RecommendationRow & { page_key: CursorKey }> = [];
    let cursor = query.cursor;
    for (;;) {
      const after = RECOMMENDATION_ORDER.after(cursor, 4);
      const batch: Array<RecommendationRow & { page_key: CursorKey }> = await this.dataSource.query(
        `SELECT *, ${RECOMMENDATION_ORDER.pageKey} FROM recommendation
          WHERE property_id = $1 AND ($2::text IS NULL OR category = $2) AND ${after.sql}
          ORDER BY ${RECOMMENDATION_ORDER.orderBy} LIMIT $3`,
        [propertyId, query.category ?? null, SCAN_BATCH, ...after.parameters],
      );
      for (const row of batch) {
        if (found.length <= limit && matches(searchable(row), query)) found.push(row);
      }
      if (found.length > limit || batch.length < SCAN_BATCH) break;
      cursor = encodeCursor(batch[batch.length - 1]!.page_key);
    }
    return keyedPage(found, limit, toView);
  }

  async get(propertyId: string, id: string): Promise<RecommendationView> {
    const rows: RecommendationRow[] = await this.dataSource.query(
      'SELECT * FROM recommendation WHERE id = $1 AND property_id = $2',
      [id, propertyId],
    );
    if (!rows[0]) throw new NotFoundError('recommendation', id);
    return toView(rows[0]);
  }

  private columns(input: SaveRecommendationDto): unknown[] {
    return [
      input.name,
      input.category,
      input.description ?? null,
      input.tags ?? [],
      input.languages ?? [],
      input.address,
      JSON.stringify(input.openingHours ?? []),
      input.phone ?? null,
      input.website ?? null,
      input.priceLevel ?? null,
    ];
  }
}

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
import { DataSource, EntityManager } from 'typeorm';
import { iso } from '../common/desk-roles';
import { updateReturning } from '../common/sql';
import { DirectoryService } from '../stays/directory.service';
import { acceptsTasks, canMoveTo, completionBlockers, GroupEventStatus } from './group-event-rules';
import { AddTaskDto, CreateGroupEventDto, GroupEventQuery, GroupEventView, GroupTaskView } from './group-events.dto';

interface EventRow {
  id: string;
  property_id: string;
  name: string;
  date: string;
  start_time: string;
  end_time: string | null;
  venue: string;
  headcount: number;
  group_block_id: string | null;
  reservation_ids: string[];
  notes: string | null;
  status: GroupEventStatus;
  created_by: string;
  created_at: Date;
}

interface TaskRow {
  id: string;
  title: string;
  owner_id: string;
  due_at: Date;
  done_at: Date | null;
  done_by: string | null;
}

const EVENT_ORDER = new Keyset([
  { sql: 'group_event.date', kind: 'date' },
  { sql: 'group_event.start_time', kind: 'text' },
  { sql: 'group_event.id', kind: 'uuid' },
]);

function toTask(row: TaskRow): GroupTaskView {
  return {
    id: row.id,
    title: row.title,
    ownerId: row.owner_id,
    dueAt: row.due_at.toISOString(),
    doneAt: iso(row.done_at) ?? null,
    doneBy: row.done_by,
  };
}

function toView(row: EventRow): GroupEventView {
  return {
    id: row.id,
    name: row.name,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    venue: row.venue,
    headcount: row.headcount,
    groupBlockId: row.group_block_id,
    reservationIds: row.reservation_ids,
    notes: row.notes,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Group events the concierge coordinates: details, tasks with owners and due times, status and timeline. */
@Injectable()
export class GroupEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  create(propertyId: string, input: CreateGroupEventDto, actor: string): Promise<GroupEventView> {
    return this.dataSource.transaction(async (manager) => {
      const rows: EventRow[] = await manager.query(
        `INSERT INTO group_event (id, property_id, name, date, start_time, end_time, venue, headcount, group_block_id,
                                  reservation_ids, notes, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'planned', $12)
         RETURNING *, to_char(date, 'YYYY-MM-DD') AS date`,
        [
          randomUUID(),
          propertyId,
          input.name,
          input.date,
          input.startTime,
          input.endTime ?? null,
          input.venue,
          input.headcount,
          input.groupBlockId ?? null,
          [...new Set(input.reservationIds ?? [])],
          input.notes ?? null,
          actor,
        ],
      );
      await this.note(manager, rows[0].id, `created for ${input.headcount} guests at ${input.venue}`, actor);
      return this.detail(manager, rows[0]);
    });
  }

  /** In calendar order: (date, start_time, id) ascending. */
  async list(propertyId: string, query: GroupEventQuery): Promise<Page<GroupEventView>> {
    const limit = pageLimit(query);
    const after = EVENT_ORDER.after(query.cursor, 6);
    const rows: Array<EventRow & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT *, to_char(date, 'YYYY-MM-DD') AS date, ${EVENT_ORDER.pageKey} FROM group_event
        WHERE property_id = $1 AND ($2::date IS NULL OR group_event.date >= $2)
          AND ($3::date IS NULL OR group_event.date <= $3) AND ($4::text IS NULL OR status = $4) AND ${after.sql}
        ORDER BY ${EVENT_ORDER.orderBy} LIMIT $5`,
      [propertyId, query.from ?? null, query.to ?? null, query.status ?? null, limit + 1, ...after.parameters],
    );
    return keyedPage(rows, limit, toView);
  }

  async get(propertyId: string, eventId: string): Promise<GroupEventView> {
    const manager = this.dataSource.manager;
    return this.detail(manager, await this.find(manager, propertyId, eventId, false));
  }

  changeStatus(
    propertyId: string,
    eventId: string,
    status: GroupEventStatus,
    actor: string,
    note?: string,
  ): Promise<GroupEventView> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.find(manager, propertyId, eventId, true);
      if (!canMoveTo(event.status, status)) {
        throw new ConflictError('invalid-transition', `A ${event.status} event cannot become ${status}`);
      }
      if (status === 'completed') {
        const blockers = completionBlockers((await this.tasks(manager, eventId)).map((task) => task));
        if (blockers.length > 0) {
          throw new ConflictError('open-tasks', `Tasks still open: ${blockers.join(', ')}`, { openTasks: blockers });
        }
      }
      const [updated] = await updateReturning<EventRow>(
        manager,
        `UPDATE group_event SET status = $2 WHERE id = $1 RETURNING *, to_char(date, 'YYYY-MM-DD') AS date`,
        [eventId, status],
      );
      await this.note(manager, eventId, `status ${event.status} → ${status}${note ? `: ${note}` : ''}`, actor);
      return this.detail(manager, updated);
    });
  }

  addTask(propertyId: string, eventId: string, input: AddTaskDto, actor: string): Promise<GroupEventView> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.find(manager, propertyId, eventId, true);
      if (!acceptsTasks(event.status)) throw new ConflictError('event-closed', `The event is ${event.status}`);
      const owner = await this.directory.employee(propertyId, input.ownerId, manager);
      if (!owner?.active) {
        throw new BusinessRuleViolation(
          'owner-unknown',
          `Employee ${input.ownerId} is not an active member of this property's staff`,
          'ownerId',
        );
      }
      await manager.query(
        'INSERT INTO group_event_task (id, event_id, title, owner_id, due_at) VALUES ($1, $2, $3, $4, $5)',
        [randomUUID(), eventId, input.title, input.ownerId, new Date(input.dueAt)],
      );
      await this.note(manager, eventId, `task "${input.title}" for ${input.ownerId}, due ${input.dueAt}`, actor);
      return this.detail(manager, event);
    });
  }

  completeTask(propertyId: string, eventId: string, taskId: string, actor: string): Promise<GroupEventView> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.find(manager, propertyId, eventId, true);
      const [task] = await updateReturning<TaskRow>(
        manager,
        `UPDATE group_event_task SET done_at = now(), done_by = $3
          WHERE id = $1 AND event_id = $2 AND done_at IS NULL RETURNING *`,
        [taskId, eventId, actor],
      );
      if (!task) {
        const exists: unknown[] = await manager.query(
          'SELECT 1 FROM group_event_task WHERE id = $1 AND event_id = $2',
          [taskId, eventId],
        );
        if (exists.length === 0) throw new NotFoundError('task', taskId);
        throw new ConflictError('task-done', 'This task is already done');
      }
      await this.note(manager, eventId, `task "${task.title}" done`, actor);
      return this.detail(manager, event);
    });
  }

  private async detail(manager: EntityManager, event: EventRow): Promise<GroupEventView> {
    const timeline: Array<{ entry: string; actor: string; at: Date }> = await manager.query(
      'SELECT entry, actor, at FROM group_event_timeline WHERE event_id = $1 ORDER BY id',
      [event.id],
    );
    return {
      ...toView(event),
      tasks: await this.tasks(manager, event.id),
      timeline: timeline.map((line) => ({ entry: line.entry, actor: line.actor, at: line.at.toISOString() })),
    };
  }

  private async tasks(manager: EntityManager, eventId: string): Promise<GroupTaskView[]> {
    const rows: TaskRow[] = await manager.query(
      'SELECT * FROM group_event_task WHERE event_id = $1 ORDER BY due_at, title',
      [eventId],
    );
    return rows.map(toTask);
  }

  private async note(manager: EntityManager, eventId: string, entry: string, actor: string): Promise<void> {
    await manager.query('INSERT INTO group_event_timeline (event_id, entry, actor) VALUES ($1, $2, $3)', [
      eventId,
      entry,
      actor,
    ]);
  }

  private async find(manager: EntityManager, propertyId: string, eventId: string, lock: boolean): Promise<EventRow> {
    const rows: EventRow[] = await manager.query(
      `SELECT *, to_char(date, 'YYYY-MM-DD') AS date FROM group_event WHERE id = $1 AND property_id = $2${
        lock ? ' FOR UPDATE' : ''
      }`,
      [eventId, propertyId],
    );
    if (!rows[0]) throw new NotFoundError('group-event', eventId);
    return rows[0];
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan, type FindOptionsWhere } from 'typeorm';
import { AppError, conflict, notFound, validationFailed } from '../common/errors.js';
import { BUILT_IN_EVENT_TYPES } from '../policy/event-matching.js';
import { EventType } from './event-type.entity.js';
import { eventTypeView, type CreateEventTypeInput, type UpdateEventTypeInput } from './event-type.dto.js';
import { forgetValidator, schemaProblems, validatorKey } from './payload-schema.js';

const isBuiltIn = (name: string) => BUILT_IN_EVENT_TYPES.includes(name);

@Injectable()
export class EventTypesService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(EventType);
  }

  /** Every tenant's catalog starts with the built-in types. */
  async seedBuiltIns(tenantId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO event_types (tenant_id, name, description)
       SELECT $1, unnest($2::text[]), 'Built in' ON CONFLICT DO NOTHING`,
      [tenantId, BUILT_IN_EVENT_TYPES],
    );
  }

  async create(tenantId: string, input: CreateEventTypeInput) {
    this.checkSchema(input.schema);
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO event_types (tenant_id, name, description, schema) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING name`,
      [tenantId, input.name, input.description ?? null, input.schema ? JSON.stringify(input.schema) : null],
    );
    if (inserted.length === 0) {
      throw conflict(`Event type ${input.name} already exists.`, [{ field: 'name', message: 'already exists' }]);
    }
    return eventTypeView(await this.get(tenantId, input.name), isBuiltIn(input.name));
  }

  async list(tenantId: string, limit: number, cursor: string | undefined, includeArchived: boolean) {
    const where: FindOptionsWhere<EventType> = { tenantId };
    if (cursor) where.name = MoreThan(cursor);
    if (!includeArchived) where.archivedAt = IsNull();
    const rows = await this.repo.find({ where, order: { name: 'ASC' }, take: limit + 1 });
    const data = rows.slice(0, limit);
    return {
      data: data.map((t) => eventTypeView(t, isBuiltIn(t.name))),
      nextCursor: rows.length > limit ? data[data.length - 1].name : null,
    };
  }

  async get(tenantId: string, name: string): Promise<EventType> {
    const type = await this.repo.findOneBy({ tenantId, name });
    if (!type) throw notFound('event type', name);
    return type;
  }

  async view(tenantId: string, name: string) {
    return eventTypeView(await this.get(tenantId, name), isBuiltIn(name));
  }

  async update(tenantId: string, name: string, input: UpdateEventTypeInput) {
    const type = await this.get(tenantId, name);
    this.refuseBuiltIn(name);
    if (input.schema) this.checkSchema(input.schema);
    if (input.description !== undefined) type.description = input.description;
    if (input.schema !== undefined) type.schema = input.schema;
    await this.repo.save(type);
    // This process frees the old validator now; others replace theirs at their next event (the hash differs).
    if (input.schema !== undefined) forgetValidator(validatorKey(tenantId, name));
    return eventTypeView(type, false);
  }

  /** Archived types accept no new events; their history stays. */
  async archive(tenantId: string, name: string): Promise<void> {
    const type = await this.get(tenantId, name);
    this.refuseBuiltIn(name);
    if (type.archivedAt === null) await this.repo.update({ tenantId, name }, { archivedAt: new Date() });
    forgetValidator(validatorKey(tenantId, name));
  }

  private refuseBuiltIn(name: string) {
    if (isBuiltIn(name)) {
      throw new AppError('built-in', 409, 'Built-in event type', `${name} is built in and cannot be changed.`);
    }
  }

  private checkSchema(schema: Record<string, unknown> | undefined | null) {
    const problems = schema ? schemaProblems(schema) : [];
    if (problems.length) throw validationFailed(problems);
  }
}

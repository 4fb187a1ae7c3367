import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the api caches is told when it changes (see src/database/change-feed.ts): every committed change to keys,
 * to a tenant's name or ingest quota, to the event type catalog and to the subscription fields that decide where events go
 * notifies `hookrelay_changes` with `table:tenant`; a change to the catalog or the routing also bumps the
 * tenant's `routing_version`, which ingestion checks in its write (a process whose cache missed a change
 * writes nothing and reads again). The health bookkeeping attempts write to subscriptions notifies nothing.
 */
export class ChangeFeedTriggers1795683037357 implements MigrationInterface {
  name = 'ChangeFeedTriggers1795683037357';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tenants" ADD "routing_version" bigint NOT NULL DEFAULT 0');
    await q.query(`
      CREATE FUNCTION hookrelay_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
      BEGIN
        PERFORM pg_notify('hookrelay_changes', TG_TABLE_NAME || ':' || COALESCE(r->>'tenant_id', r->>'id'));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION hookrelay_routing_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE tenant varchar := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
      BEGIN
        UPDATE tenants SET routing_version = routing_version + 1 WHERE id = tenant;
        PERFORM pg_notify('hookrelay_changes', TG_TABLE_NAME || ':' || tenant);
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON "api_keys" FOR EACH ROW EXECUTE FUNCTION hookrelay_notify_change()',
    );
    await q.query(
      'CREATE TRIGGER notify_change AFTER UPDATE ON "tenants" FOR EACH ROW WHEN ((OLD.name, OLD.events_per_second, OLD.events_burst) IS DISTINCT FROM (NEW.name, NEW.events_per_second, NEW.events_burst)) EXECUTE FUNCTION hookrelay_notify_change()',
    );
    await q.query(
      'CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON "event_types" FOR EACH ROW EXECUTE FUNCTION hookrelay_routing_changed()',
    );
    await q.query(
      'CREATE TRIGGER notify_change AFTER INSERT OR DELETE ON "subscriptions" FOR EACH ROW EXECUTE FUNCTION hookrelay_routing_changed()',
    );
    await q.query(`
      CREATE TRIGGER notify_routing_change AFTER UPDATE ON "subscriptions" FOR EACH ROW
        WHEN ((OLD.status, OLD.events, OLD.filter, OLD.url, OLD.ordering, OLD.ordering_key, OLD.deleted_at)
              IS DISTINCT FROM (NEW.status, NEW.events, NEW.filter, NEW.url, NEW.ordering, NEW.ordering_key, NEW.deleted_at))
        EXECUTE FUNCTION hookrelay_routing_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER notify_routing_change ON "subscriptions"');
    for (const table of ['api_keys', 'tenants', 'event_types', 'subscriptions']) await q.query(`DROP TRIGGER notify_change ON "${table}"`);
    await q.query('DROP FUNCTION hookrelay_routing_changed()');
    await q.query('DROP FUNCTION hookrelay_notify_change()');
    await q.query('ALTER TABLE "tenants" DROP COLUMN "routing_version"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The built-in operational type `subscription.certificate_expiring` in every existing tenant's catalog. */
export class CertificateExpiringType1796500002000 implements MigrationInterface {
  name = 'CertificateExpiringType1796500002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO event_types (tenant_id, name, description)
       SELECT id, 'subscription.certificate_expiring', 'Built in' FROM tenants ON CONFLICT DO NOTHING`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM event_types WHERE name = 'subscription.certificate_expiring'`);
  }
}

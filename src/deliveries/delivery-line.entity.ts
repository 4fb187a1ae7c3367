import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The tail of each FIFO line: a new delivery of the line takes the tail as its predecessor and becomes the tail,
 * under the row's lock, so concurrent ingests of one line queue up in commit order. The row goes when its tail
 * ends (nothing left to wait for), so the table holds only lines with work in them.
 */
@Entity('delivery_lines')
export class DeliveryLine {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  subscriptionId!: string;

  @PrimaryColumn({ type: 'text' })
  orderingKey!: string;

  @Column({ type: 'varchar', length: 40 })
  tailId!: string;

  /** The tail before the last append: what the append's first delivery waits for (read back by the same statement). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  previousTailId!: string | null;

  /** The place of the tail in the line (see Delivery.linePosition); a new line starts at 1. */
  @Column({ type: 'bigint', default: 0 })
  lastPosition!: string;
}

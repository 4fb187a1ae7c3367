/** What a statement needs: a DataSource, or an EntityManager inside a transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

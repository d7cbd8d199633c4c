import type { Logger as TypeOrmLogger } from 'typeorm';

/** A TypeORM logger that keeps every SQL statement sent (pass it as `database.logger` to startTestServer). */
export class StatementRecorder implements TypeOrmLogger {
  statements: string[] = [];
  logQuery(query: string) {
    this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

import type { Logger as TypeOrmLogger } from 'typeorm';
import { OFFSET_READ_MARK } from '../../src/db/domain-clock';

/**
 * A TypeORM logger that keeps every SQL statement sent (pass it as `database.logger` to startTestServer),
 * but the domain clock's read of the test clock's offset, which runs every second whatever the requests.
 */
export class StatementRecorder implements TypeOrmLogger {
  statements: string[] = [];
  logQuery(query: string) {
    if (!query.startsWith(OFFSET_READ_MARK)) this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

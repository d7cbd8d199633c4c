import { Initial1795216470353 } from './1795216470353-Initial';

/** In order of application. */
export const mysqlMigrations: Function[] = [Initial1795216470353];

import { Initial1795216470726 } from './1795216470726-Initial';

/** In order of application. */
export const sqliteMigrations: Function[] = [Initial1795216470726];

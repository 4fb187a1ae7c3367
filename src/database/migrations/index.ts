import { Initial1795621135737 } from './1795621135737-Initial.js';

/** Every migration, in order. Run at start; never `synchronize`. */
export const migrations = [Initial1795621135737];

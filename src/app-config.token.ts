import type { AppConfig } from './config.js';

/** Injection token of the validated configuration (a class, so no string tokens). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- a class token typed as the config
export abstract class Config implements AppConfig {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Config extends AppConfig {}

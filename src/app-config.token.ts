import type { AppConfig } from './config.js';

/** Injection token of the validated configuration (a class, so no string tokens). */
export abstract class Config implements AppConfig {}
export interface Config extends AppConfig {}

/** The catalog's schemas, the single source of truth for the CLI, the site and the JSON Schema. */
export * from './common.ts';
export * from './config.ts';
export * from './goal.ts';
export * from './metric.ts';
export * from './owner.ts';
export * from './initiative.ts';
export * from './observation.ts';

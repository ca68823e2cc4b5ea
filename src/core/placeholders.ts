/**
 * How a catalog marks what is not known yet. Importers never invent facts: a required text the
 * source does not give starts with PLACEHOLDER_PREFIX, and a required choice filled with a default
 * carries the tag `todo-import-<field>`. The `incomplete-definition` rule lists both.
 */
export const PLACEHOLDER_PREFIX = 'TODO(import):';
export const ASSUMED_TAG_PREFIX = 'todo-import-';

/**
 * How a catalog marks what is not known yet. Importers never invent facts: a required text the
 * source does not give starts with PLACEHOLDER_PREFIX, and a required choice filled with a default
 * carries the tag `todo-import-<field>`. The `incomplete-definition` rule lists both, and the site
 * shows them as "not written yet" and "assumed", never as content.
 */
export const PLACEHOLDER_PREFIX = 'TODO(import):';
export const ASSUMED_TAG_PREFIX = 'todo-import-';
/** The owner an importer names where the source names none. */
export const UNASSIGNED_OWNER_ID = 'unassigned';

/** The defaults an importer fills a required choice with when the source is silent. */
export const ASSUMED_DEFAULTS = { indicator: 'lagging', direction: 'up', cadence: 'monthly' } as const;
export type AssumedField = keyof typeof ASSUMED_DEFAULTS;

export const isPlaceholder = (value: unknown): boolean => typeof value === 'string' && value.trimStart().startsWith(PLACEHOLDER_PREFIX);

/** The text as written, or undefined when it is missing, blank or an importer's placeholder. */
export function writtenText(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null || value.trim() === '' || isPlaceholder(value)) return undefined;
  return value;
}

export const isAssumedTag = (tag: string): boolean => tag.startsWith(ASSUMED_TAG_PREFIX);

/** Tags people wrote, without the importer's bookkeeping tags. */
export function writtenTags(tags: readonly string[] | undefined): string[] {
  return (tags ?? []).filter((tag) => !isAssumedTag(tag));
}

/** The fields an importer filled with a default, read from its `todo-import-<field>` tags. */
export function assumedFields(tags: readonly string[] | undefined): Set<string> {
  return new Set((tags ?? []).filter(isAssumedTag).map((tag) => tag.slice(ASSUMED_TAG_PREFIX.length)));
}

/** What a page calls an owner whose name an import left open. */
export const NOT_NAMED = 'Not named yet';

/**
 * What an owner is called wherever the site names one: its name; "Not named yet" where an import
 * left the name open; the bare id where no such owner exists (a rule reports that).
 */
export function ownerName(owners: ReadonlyMap<string, { data: { name: string } }>, id: string): string {
  const owner = owners.get(id);
  if (owner === undefined) return id;
  return writtenText(owner.data.name) ?? NOT_NAMED;
}

/** A value with every text an import left open replaced by null, for output read by other tools. */
export function blankPlaceholders(value: unknown): unknown {
  if (isPlaceholder(value)) return null;
  if (Array.isArray(value)) return value.map(blankPlaceholders);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blankPlaceholders(item)]));
  return value;
}

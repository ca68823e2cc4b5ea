/**
 * Ids for imported entries: stable kebab-case slugs made from names with the core's `suggestId`,
 * shortened at a word boundary, and made unique in source order (`ux-debt`, `ux-debt-2`, …).
 */
import { suggestId } from '../core/read/files.ts';
import { ID_PATTERN } from '../core/schemas/common.ts';

/** Longer slugs are cut at the last hyphen before this length: ids end up in URLs and file names. */
export const MAX_ID_LENGTH = 60;

/** The slug of a name: what `suggestId` makes of it, at most MAX_ID_LENGTH characters. */
export function slugOf(name: string, max = MAX_ID_LENGTH): string {
  const id = suggestId(name);
  if (id.length <= max) return id;
  const cut = id.slice(0, max + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : id.slice(0, max)).replace(/-+$/, '');
}

export interface IdAllocator {
  /** A unique id for this name: its slug, or the slug with -2, -3, … if an earlier name took it. */
  allocate(name: string): string;
  /** Marks an id as taken without allocating it from a name. */
  reserve(id: string): void;
  has(id: string): boolean;
}

/**
 * Allocates ids in call order. The same names in the same order always give the same ids, so a
 * second import of an unchanged source writes the same files.
 */
export function createIdAllocator(taken: Iterable<string> = []): IdAllocator {
  const used = new Set(taken);
  return {
    allocate(name) {
      const base = slugOf(name);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      return id;
    },
    reserve(id) {
      if (!ID_PATTERN.test(id)) throw new Error(`not a valid id: ${id}`);
      used.add(id);
    },
    has: (id) => used.has(id),
  };
}

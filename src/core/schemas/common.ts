/**
 * Building blocks shared by every catalog schema: ids, dates, links, cadences.
 * Each carries a description so the generated JSON Schema and format reference explain it.
 */
import { z } from 'zod';
import { ruleParams } from '../issue-words.ts';
import { fieldHints } from './field-hints.ts';

/** Lowercase kebab-case, the shape of every entry id (a file name without its extension). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A reference to another entry by its id. */
export const entryId = (what: string) =>
  z.string().regex(ID_PATTERN, { message: `must be ${what} id in lowercase kebab-case, like \`timely-access\`` });

/** The owner accountable for an entry, by id. */
export const ownerId = entryId('an owner').register(fieldHints, { hint: 'name an owner id from owners/' });

/** A calendar date written as ISO 8601 `YYYY-MM-DD`; impossible dates such as 2026-02-30 fail. */
export const isoDate = z.iso.date({ message: 'must be a real date written YYYY-MM-DD, like 2026-03-31' });

/** An http(s) link; `javascript:`, `data:` and other schemes are refused so no page links to them. */
export const httpUrl = z.url({
  protocol: /^https?$/,
  // Any host a browser can reach: public domains, but also intranet names, IPs and ports.
  hostname: /^[A-Za-z0-9.\-\[\]:]+$/,
  message: 'must be an http:// or https:// link',
});

/** Non-empty text, trimmed of nothing: plain text or Markdown, rendered escaped. */
export const text = z.string().trim().min(1, { message: 'must not be empty' });

/** How often a value is observed or a definition is reviewed. */
export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export const cadence = z.enum(CADENCES);
export type Cadence = z.infer<typeof cadence>;

/** Free-form labels used for filtering. */
export const tags = z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'tags are lowercase kebab-case' }));

/** A unique list of ids. */
export const idList = (what: string) =>
  z.array(entryId(what)).refine((ids) => new Set(ids).size === ids.length, {
    message: 'lists an id twice',
    params: ruleParams('duplicate-reference'),
  });

/** What a search result shows beside an entry page's title: its kind, owner and status, in words. */
import type { Status } from '../core/derive/status.ts';
import { getCatalog } from './analysis.ts';

export const STATUS_WORDS: Record<Status, string> = { green: 'On target', amber: 'Watch', red: 'Off target', unknown: 'No status' };

export interface SearchFacts {
  kind: string;
  owner?: string;
  status?: string;
}

export function searchFacts(kind: string, ownerId: string | undefined, status: string | undefined): SearchFacts {
  const owner = ownerId ? (getCatalog().owners.get(ownerId)?.data.name ?? ownerId) : undefined;
  return { kind, owner, status };
}

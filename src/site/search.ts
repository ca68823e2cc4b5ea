/** What a search result shows beside an entry page's title: its kind, owner and status, in words. */
import { STATUS_WORDS } from '../core/derive/status.ts';
import { getCatalog } from './analysis.ts';

/** The status words live with the statuses; pages import them from here with the search facts. */
export { STATUS_WORDS };

export interface SearchFacts {
  kind: string;
  owner?: string;
  status?: string;
}

export function searchFacts(kind: string, ownerId: string | undefined, status: string | undefined): SearchFacts {
  const owner = ownerId ? (getCatalog().owners.get(ownerId)?.data.name ?? ownerId) : undefined;
  return { kind, owner, status };
}

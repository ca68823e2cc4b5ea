/** What a search result shows beside an entry page's title: its kind, owner and status, in words. */
import { ownerName } from '../core/placeholders.ts';
import { getCatalog } from './analysis.ts';


export interface SearchFacts {
  kind: string;
  owner?: string;
  status?: string;
}

export function searchFacts(kind: string, ownerId: string | undefined, status: string | undefined): SearchFacts {
  const owner = ownerId ? ownerName(getCatalog().owners, ownerId) : undefined;
  return { kind, owner, status };
}

/** Site URLs, honouring Astro's `base` so the catalog can live under a sub-path (GitHub Pages). */
import { KINDS, perKind, type EntryKind } from '../core/kinds.ts';
import type { CatalogConfig } from '../core/schemas/config.ts';
import { repositoryBase, repositoryHost } from '../features/repository.ts';

export { repositoryBase };

const BASE_PATH = Symbol.for('plumbline.base-path');
const shared = globalThis as typeof globalThis & { [BASE_PATH]?: string };

/**
 * Set by the integration from Astro's resolved config. Astro lets an environment variable named
 * BASE_URL replace import.meta.env.BASE_URL in page code, so a stray one in CI would otherwise
 * send every link to the wrong path.
 */
export function setBasePath(base: string): void {
  shared[BASE_PATH] = base;
}

export function href(path = ''): string {
  const base = (shared[BASE_PATH] ?? import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
  return base + path.replace(/^\/+/, '');
}

/** Each kind's page for an entry: `pageOf.metric(id)`. */
export const pageOf = perKind<Record<EntryKind, (id: string) => string>>((kind) => (id) => href(`${KINDS[kind].page}/${id}/`));

/** Only http(s) and mailto links are ever rendered; anything else is dropped to plain text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : undefined;
}

/** The repository host's edit page for a catalog file, when the config names a repository. */
export function editUrl(config: CatalogConfig, file: string): string | undefined {
  const repo = repositoryBase(config.repository);
  if (!repo) return undefined;
  // GitLab's pages sit under `/-/`; any other host gets GitHub's shape (GitHub Enterprise included).
  const edit = repositoryHost(repo) === 'gitlab' ? '/-/edit/' : '/edit/';
  return safeHref(`${repo}${edit}${encodeURIComponent(config.branch)}/${file.split('/').map(encodeURIComponent).join('/')}`);
}

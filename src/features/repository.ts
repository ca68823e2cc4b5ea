/**
 * The catalog's repository as a base for links to its host: parsed and checked once here, so
 * commit, request, edit, new-file and guide links never carry what a raw config string might hold
 * (credentials, a query, a fragment). No imports: the propose form's browser code uses it too.
 */

/** Hosts whose URL scheme for commits, requests and files is known. */
export type RepositoryHost = 'github' | 'gitlab';

/**
 * `https://host/owner/repo` from the config's `repository`: an http(s) URL with a path, without a
 * trailing slash or `.git`. Undefined (so no links) when it is not one, or when it holds a user
 * name, password, query or fragment, which must never be copied into links on a public site.
 */
export function repositoryBase(repository: string | undefined): string | undefined {
  if (!repository) return undefined;
  let url: URL;
  try {
    url = new URL(repository.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.search || url.hash || repository.includes('?') || repository.includes('#')) return undefined;
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  return path ? url.origin + path : undefined;
}

/** Which known host a repository base is on: github.com (and its subdomains), gitlab.com or a gitlab.* server. */
export function repositoryHost(base: string): RepositoryHost | undefined {
  const host = new URL(base).hostname;
  if (host === 'github.com' || host.endsWith('.github.com')) return 'github';
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'gitlab';
  return undefined;
}

/** The host's page for a file on a branch: GitHub `/blob/<branch>/<path>`, GitLab `/-/blob/…`; none elsewhere. */
export function fileUrl(base: string, branch: string, path: string): string | undefined {
  const host = repositoryHost(base);
  if (!host) return undefined;
  return `${base}${host === 'gitlab' ? '/-' : ''}/blob/${encodeURIComponent(branch)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

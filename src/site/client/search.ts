/**
 * Search in the browser, on Pagefind. Pagefind's script is loaded from the site's own pagefind/
 * folder only when someone searches. Two elements share it: `<plumbline-search>`, the header box,
 * whose first results drop down under it with a link to all of them past the first few, and
 * `<search-results>`, the /search/ page, which lists every result for `?q=`. Both are defined
 * here, in the one script every page loads, so the results page needs no script of its own.
 */
interface PagefindResult {
  data: () => Promise<ResultData>;
}
interface ResultData {
  url: string;
  meta: { title?: string; kind?: string; owner?: string; status?: string };
}
interface Pagefind {
  search: (query: string) => Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch: (query: string) => Promise<{ results: PagefindResult[] } | null>;
}

/** How many results drop down under the header box; the rest are on /search/. */
const SHOWN = 8;
/** Each result's details are one request: the results page reads them a batch at a time. */
const BATCH = 25;

let pagefind: Promise<Pagefind> | undefined;
/** Pagefind, loaded once, set to link results under the site's base path. */
function loadPagefind(element: HTMLElement): Promise<Pagefind> {
  return (pagefind ??= import(/* @vite-ignore */ element.dataset.bundle!).then(async (p) => (await p.options({ baseUrl: element.dataset.base }), p)));
}

/** A result: its title as a link, then its kind, owner and status in words. */
function resultItem(result: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const facts = document.createElement('span');
  facts.className = 'muted';
  facts.textContent = [result.meta.kind, result.meta.owner, result.meta.status].filter(Boolean).join(' · ');
  item.append(link, ' ', facts);
  return item;
}

const resultCount = (n: number) => `${n} result${n === 1 ? '' : 's'}`;

/** True when a key press belongs to something the reader is typing into. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);

class SearchBox extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    const input = form.querySelector('input')!;
    const status = form.querySelector('p')!;
    const list = form.querySelector('ul')!;
    let asked = 0;
    const load = () => loadPagefind(this);
    form.hidden = false;
    // Enter opens the results page; an empty query has none to open.
    form.addEventListener('submit', (event) => {
      if (!input.value.trim()) event.preventDefault();
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') (list.hidden = true), input.focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      event.preventDefault();
      input.focus();
    });
    input.addEventListener('focus', load, { once: true });
    input.addEventListener('input', async () => {
      const query = input.value.trim();
      const ticket = ++asked;
      const found = query ? await (await load()).debouncedSearch(query) : null;
      if (ticket !== asked || found === null) {
        if (!query) list.hidden = true;
        return;
      }
      const results = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
      if (ticket !== asked) return;
      const items = results.map(resultItem);
      if (found.results.length > SHOWN) {
        const more = document.createElement('li');
        more.className = 'search__more';
        const link = document.createElement('a');
        link.dataset.allResults = '';
        link.href = `${form.action}?${new URLSearchParams({ q: query })}`;
        link.textContent = `Show all ${found.results.length} results`;
        more.append(link);
        items.push(more);
      }
      list.replaceChildren(...items);
      list.hidden = false;
      status.textContent = resultCount(found.results.length);
    });
  }
}

class SearchResults extends HTMLElement {
  async connectedCallback() {
    const summary = this.querySelector<HTMLElement>('[data-search-summary]')!;
    const list = this.querySelector('ol')!;
    const more = this.querySelector<HTMLButtonElement>('[data-search-more]')!;
    const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
    this.querySelector('input')!.value = query;
    if (!query) {
      summary.textContent = 'Type what you are looking for: a metric, a goal, an owner.';
      return;
    }
    summary.textContent = `Searching for “${query}”…`;
    const results = (await (await loadPagefind(this)).search(query))?.results ?? [];
    summary.textContent = results.length ? `${resultCount(results.length)} for “${query}”.` : `Nothing matches “${query}”.`;
    // One batch at a time: a second click while one loads would read the same start and add it twice.
    let loading = false;
    const showMore = async (takeFocus: boolean) => {
      if (loading) return;
      loading = true;
      try {
        const start = list.children.length;
        const items = (await Promise.all(results.slice(start, start + BATCH).map((r) => r.data()))).map(resultItem);
        list.append(...items);
        // A clicked button that is about to hide would drop focus to the page: the reader goes on
        // from the first new result instead, wherever the button is.
        if (takeFocus) items[0]?.querySelector('a')?.focus();
        more.hidden = list.children.length >= results.length;
      } finally {
        loading = false;
      }
    };
    more.addEventListener('click', () => void showMore(true));
    await showMore(false);
  }
}

export function defineSearch(): void {
  customElements.define('plumbline-search', SearchBox);
  customElements.define('search-results', SearchResults);
}

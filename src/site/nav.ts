/**
 * The header's navigation: one link per section of the site, in a fixed order, with the words the
 * catalog's `site.nav` gives or the defaults. A section the catalog has nothing for (no
 * initiatives, no git history, no objectives) is left out: a link to an empty page wastes a click.
 * Its page is still built, so an old bookmark keeps working.
 */
import type { Catalog } from '../core/graph.ts';
import { DEFAULT_NAV_LABELS, NAV_SECTIONS, type NavSection } from '../core/schemas/config.ts';
import { objectivesOf } from '../diagrams/strategy-map.ts';
import { timeline, type HistoryResult } from '../features/history.ts';

export type { NavSection } from '../core/schemas/config.ts';

export interface NavItem {
  id: NavSection;
  label: string;
  /** The page's path under the site's base: '' for home, 'metrics/' … */
  path: string;
}

/** Whether each section has something to show. Sections not listed always do. */
const HAS_CONTENT: Partial<Record<NavSection, (catalog: Catalog, history: () => HistoryResult) => boolean>> = {
  cascade: (catalog) => catalog.goals.size > 0,
  'strategy-map': (catalog) => objectivesOf(catalog).length > 0,
  goals: (catalog) => catalog.goals.size > 0,
  metrics: (catalog) => catalog.metrics.size > 0,
  owners: (catalog) => catalog.owners.size > 0,
  initiatives: (catalog) => catalog.initiatives.size > 0,
  report: (catalog) => catalog.goals.size > 0,
  changes: (_catalog, history) => {
    const read = history();
    return read.available && timeline(read).length > 0;
  },
};

/** The word the header uses for a section: the catalog's own, else the default. */
export function navLabel(catalog: Pick<Catalog, 'config'>, section: NavSection): string {
  return catalog.config.site?.nav?.[section] ?? DEFAULT_NAV_LABELS[section];
}

/** The header's links for a catalog; `history` is only read if the catalog might have changes to show. */
export function navItems(catalog: Catalog, history: () => HistoryResult): NavItem[] {
  return NAV_SECTIONS.filter((section) => HAS_CONTENT[section]?.(catalog, history) ?? true).map((section) => ({
    id: section,
    label: navLabel(catalog, section),
    path: section === 'home' ? '' : `${section}/`,
  }));
}

const built = new WeakMap<Catalog, NavItem[]>();

/** navItems, worked out once per loaded catalog rather than once per page. */
export function siteNav(catalog: Catalog, history: () => HistoryResult): NavItem[] {
  let items = built.get(catalog);
  if (!items) built.set(catalog, (items = navItems(catalog, history)));
  return items;
}

/**
 * The one entry point the site and every command share: load, resolve, derive, run the rules.
 * Given the same files and "as of" date it returns the same catalog and the same diagnostics.
 */
import { deriveCatalog, type Derived } from './derive/index.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { buildCatalog, type Catalog } from './graph.ts';
import { loadCatalog } from './load.ts';
import type { CatalogSource } from './read/source.ts';
import { runRules } from './rules/run.ts';
import { trustedSettings } from './trusted.ts';

export interface Analysis {
  catalog: Catalog;
  derived: Derived;
  diagnostics: Diagnostic[];
  fileCount: number;
}

/** Analyses the catalog a source holds, or the one in the folder a path names. */
export function analyzeCatalog(source: CatalogSource | string, today: string, env: NodeJS.ProcessEnv = process.env): Analysis {
  // The trusted settings come from the given environment (a command's, not always the process's).
  const trusted = trustedSettings(env);
  const loaded = loadCatalog(source, trusted.settings);
  loaded.diagnostics.unshift(...trusted.diagnostics);
  const catalog = buildCatalog(loaded, today);
  const derived = deriveCatalog(catalog);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...runRules(catalog, loaded, derived)]);
  return { catalog, derived, diagnostics, fileCount: loaded.fileCount };
}

/**
 * The one entry point the site and every command share: load, resolve, run the rules. Given the
 * same files and "as of" date it returns the same catalog and the same diagnostics.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { buildCatalog, type Catalog } from './graph.ts';
import { loadCatalog } from './load.ts';
import { runRules } from './rules/run.ts';

export interface Analysis {
  catalog: Catalog;
  diagnostics: Diagnostic[];
  fileCount: number;
}

export function analyzeCatalog(root: string, today: string): Analysis {
  const loaded = loadCatalog(root);
  const catalog = buildCatalog(loaded, today);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...runRules(catalog, loaded)]);
  return { catalog, diagnostics, fileCount: loaded.fileCount };
}

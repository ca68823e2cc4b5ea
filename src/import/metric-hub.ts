/**
 * Mozilla metric-hub definitions: TOML files (one per platform: fenix.toml, firefox_desktop.toml, …)
 * whose `[metrics.<key>]` tables hold friendly_name, description, select_expression, data_source,
 * owner, category, deprecated and bigger_is_better.
 *
 * metric-hub has no goals, targets or lead/lag links. The import makes the smallest honest
 * structure: a mission goal (--mission, else --org, else "Imported metrics") and one department
 * goal per file, each with a placeholder objective and owner. Data sources, segments, dimensions
 * and functions are not metrics: they are counted in the report and not imported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'smol-toml';
import { noun, plural } from '../core/plural.ts';
import { slugOf } from './ids.ts';
import { cadenceInName, createPlanner, guessOwnerKind, placeholder, PLACEHOLDERS, type ImportPlan, type PlanOptions } from './plan.ts';
import { collapse, dedent, escapeMdx, markdownLink, splitMarkdownLinks, type Link } from './text.ts';

export const METRIC_HUB_DEFAULT_MISSION = 'Imported metrics';

const KNOWN_FIELDS = new Set(['friendly_name', 'description', 'select_expression', 'data_source', 'owner', 'category', 'deprecated', 'bigger_is_better', 'depends_on', 'type', 'level', 'analysis_bases', 'name', 'statistics']);
const OTHER_SECTIONS: Record<string, string> = { data_sources: 'data sources', segments: 'segments', dimensions: 'dimensions', functions: 'functions', parameters: 'parameters' };

/** The definition files of a folder (*.toml, sorted), or the one file given. */
export function metricHubFiles(source: string): string[] {
  if (statSync(source).isFile()) return [source];
  return readdirSync(source)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .map((f) => join(source, f));
}

/** "firefox_desktop" → "Firefox Desktop". */
export function platformTitle(stem: string): string {
  return stem
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

export function importMetricHub(source: string, options: PlanOptions): ImportPlan {
  const planner = createPlanner('metric-hub', source, options, METRIC_HUB_DEFAULT_MISSION);
  const { plan } = planner;
  const unknownFields = new Map<string, number>();
  let defaultDirection = 0;

  for (const path of metricHubFiles(source)) {
    const file = basename(path);
    const stem = file.replace(/\.toml$/, '');
    let doc: Record<string, unknown>;
    try {
      doc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      plan.notes.push(`${file} could not be read as TOML (${collapse((error as Error).message).slice(0, 160)}); none of its metrics are counted`);
      continue;
    }
    const others = Object.entries(OTHER_SECTIONS)
      .map(([key, words]) => [definitionsIn(doc[key]), words] as const)
      .filter(([n]) => n > 0)
      .map(([n, words]) => plural(n, words.replace(/s$/, ''), words));
    const segmentSources = definitionsIn(table(doc.segments).data_sources);
    if (segmentSources) others.push(plural(segmentSources, 'segment data source'));
    if (others.length) plan.notes.push(`${file}: ${others.join(', ')} ${others.length === 1 && /^1 /.test(others[0]!) ? 'is not a metric and was' : 'are not metrics and were'} not imported`);
    const metrics = Object.entries(table(doc.metrics));
    plan.sourceEntries += metrics.length;
    if (!metrics.length) continue;
    const dataSources = table(doc.data_sources);
    let goal: string | undefined;

    for (const [key, value] of metrics) {
      const origin = `${file}, [metrics.${key}]`;
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        planner.skip(origin, key, 'not a table of metric fields');
        continue;
      }
      const m = value as Record<string, unknown>;
      for (const field of Object.keys(m)) if (!KNOWN_FIELDS.has(field)) unknownFields.set(field, (unknownFields.get(field) ?? 0) + 1);
      goal ??= planner.goal(platformTitle(stem), options.shape.department, { origin: file, description: placeholder(`metric-hub groups these metrics by platform (${file}) and states no objective: say what must be true.`) });
      const notes: string[] = [];
      const sections: string[] = [];
      const links: Link[] = [];

      const friendly = str(m.friendly_name) && collapse(str(m.friendly_name)!);
      const name = friendly ?? key;
      if (!friendly) notes.push('no friendly_name: named by its key');

      const described = str(m.description) ? splitMarkdownLinks(dedent(str(m.description)!)) : undefined;
      if (described) links.push(...described.links);

      const owners = (Array.isArray(m.owner) ? m.owner : m.owner !== undefined ? [m.owner] : []).map((o) => String(o).trim()).filter(Boolean);
      const ownerIds = owners.map((o) => {
        const kind = guessOwnerKind(o);
        return planner.owner({ name: o, kind, email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(o) ? o : undefined, notes: [`kind ${kind} guessed from the address`] });
      });
      if (owners.length > 1) sections.push(`## Owners named in the source\n\n${owners.map((o, i) => `- ${/@/.test(o) ? markdownLink(o, `mailto:${o}`) : escapeMdx(o)}${i === 0 ? ' (the owner here)' : ''}`).join('\n')}`);

      const dependsOn = Array.isArray(m.depends_on) ? m.depends_on.map(String) : [];
      const select = str(m.select_expression);
      const formula = select ? dedent(select) : dependsOn.length ? placeholder(`the source gives no select_expression; it computes this metric from ${dependsOn.join(', ')}.`) : undefined;

      const dataSource = str(m.data_source);
      const sourceName = dataSource ? str(table(dataSources[dataSource]).friendly_name) : undefined;
      const system = dataSource ? (sourceName ? `${sourceName} (metric-hub data source ${dataSource})` : `metric-hub data source ${dataSource}`) : undefined;
      if (dataSource && !dataSources[dataSource]) notes.push(`data source ${dataSource} is not defined in ${file} (it may be shared by metric-hub)`);

      let direction: 'up' | 'down' | undefined;
      if (typeof m.bigger_is_better === 'boolean') direction = m.bigger_is_better ? 'up' : 'down';
      else {
        defaultDirection++;
        notes.push("no bigger_is_better: direction up is metric-hub's own default, unconfirmed");
      }

      const deprecated = m.deprecated === true;
      const category = str(m.category);
      const extra: string[] = [];
      if (dependsOn.length) extra.push(`- depends_on: ${dependsOn.map((d) => `\`${d}\``).join(', ')}`);
      for (const field of ['type', 'level', 'analysis_bases'] as const) {
        const v = m[field];
        if (v !== undefined) extra.push(`- ${field}: ${(Array.isArray(v) ? v : [v]).map((x) => `\`${String(x).replace(/`/g, "'")}\``).join(', ')}`);
      }
      if (extra.length) sections.push(`## Other metric-hub fields\n\n${extra.join('\n')}`);
      if (links.length) sections.push(`## Links in the source description\n\n${links.map((l) => `- ${markdownLink(l.text, l.url)}`).join('\n')}`);
      sections.push(`---\n\nImported from Mozilla metric-hub, \`${escapeMdx(file)}\`, metric \`${escapeMdx(key)}\`. metric-hub is licensed MPL-2.0.`);

      const id = planner.metricIds.allocate(`${stem} ${key}`);
      planner.addMetric(
        id,
        {
          name,
          description: described ? collapse(described.plain) : undefined,
          supports: [goal],
          owner: ownerIds[0] ?? planner.unassigned(),
          direction,
          formula,
          source: system ? { system } : dependsOn.length ? { system: placeholder(`${PLACEHOLDERS['source.system']} It is computed from other metric-hub metrics.`) } : undefined,
          cadence: cadenceInName(name),
          status: deprecated ? 'retired' : 'active',
          tags: category ? [slugOf(category)] : undefined,
        },
        sections.join('\n\n'),
        origin,
        notes,
      );
    }
  }
  if (defaultDirection) plan.notes.push(`${plural(defaultDirection, 'metric')} ${noun(defaultDirection, 'has', 'have')} no bigger_is_better: their direction is metric-hub's default (up), tagged todo-import-direction until someone confirms it`);
  for (const [field, count] of [...unknownFields].sort()) plan.notes.push(`field \`${field}\` (in ${plural(count, 'metric')}) is not mapped`);
  plan.config = { name: options.org ?? options.mission ?? METRIC_HUB_DEFAULT_MISSION };
  return plan;
}

/** How many definitions a section holds: its sub-tables (a segments section's own data_sources table aside). */
function definitionsIn(section: unknown): number {
  return Object.entries(table(section)).filter(([key, value]) => key !== 'data_sources' && value && typeof value === 'object' && !Array.isArray(value)).length;
}

function table(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

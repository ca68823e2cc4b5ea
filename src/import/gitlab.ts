/**
 * GitLab-style performance indicators: the handbook's `data/performance_indicators/*.yml`, one
 * list of indicators per file (name, definition, target, org, is_key, health, parent, dri, urls,
 * lessons, sisense_data).
 *
 * Each `org` becomes a department goal (owned by a team of that name) under one mission goal named
 * after the organisation; each indicator becomes a metric supporting its department's goal.
 * `is_key` becomes `primary`; `health`, the target as written, lessons and links go into the
 * metric's narrative, since the format has no field for them; a target that clearly states a
 * comparison ("at or above 84%") gives the metric's direction and, for %, days and hours, its unit.
 * A `parent` anchor that names another indicator links to it from the narrative and makes the
 * metric support that indicator's department goal too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { noun, plural } from '../core/plural.ts';
import { cadenceInName, createPlanner, placeholder, type ImportPlan, type PlanOptions } from './plan.ts';
import { describeParsed, parseTargetText, readNumber, type ParsedTarget } from './targets.ts';
import { collapse, convertHtml, hasHtml, markdownLink, unescapeMarkdown, escapeMdx, type Link } from './text.ts';

export interface GitlabOptions extends PlanOptions {
  /** Where the handbook's site-relative links point: default https://about.gitlab.com. */
  baseUrl?: string;
}

export const GITLAB_BASE_URL = 'https://about.gitlab.com';
export const GITLAB_DEFAULT_ORG = 'GitLab';

/** GitLab's handbook health scale. */
export const HEALTH_LEVELS: Record<number, string> = { 0: 'Unknown', 1: 'Problem', 2: 'Attention', 3: 'Okay' };

/** Fields of an indicator this importer maps (any other is named in the report). */
const KNOWN_FIELDS = new Set(['name', 'base_path', 'definition', 'target', 'org', 'is_key', 'public', 'health', 'lessons', 'sisense_data', 'parent', 'dri', 'urls']);

interface SourceIndicator {
  file: string;
  index: number;
  raw: Record<string, unknown>;
  name?: string;
  /** The handbook page and anchor the indicator is published at. */
  page?: string;
  id?: string;
  goal?: string;
}

/** The indicator files of a folder (*.yml, *.yaml, sorted), or the one file given. */
export function gitlabFiles(source: string): string[] {
  if (statSync(source).isFile()) return [source];
  return readdirSync(source)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(source, f));
}

/** The anchor the handbook gives a heading: lowercase, punctuation dropped, spaces as hyphens. */
export function handbookAnchor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

const pagePath = (path: string) => path.replace(/index\.html$/, '').replace(/\/?$/, '/');

/** Where an indicator lives in the handbook: its base_path, and its own anchor unless base_path has one. */
export function indicatorPage(basePath: string | undefined, name: string): string | undefined {
  if (!basePath) return undefined;
  const [path, anchor] = basePath.split('#');
  return `${pagePath(path!)}#${anchor || handbookAnchor(name)}`;
}

export function importGitlab(source: string, options: GitlabOptions): ImportPlan {
  const base = options.baseUrl ?? GITLAB_BASE_URL;
  const org = options.org ?? GITLAB_DEFAULT_ORG;
  const planner = createPlanner('gitlab-pi', source, { ...options, org }, org);
  const { plan } = planner;
  const unknownFields = new Map<string, number>();

  // First pass: read every file, so `parent` anchors can name an indicator in any file.
  const indicators: SourceIndicator[] = [];
  for (const path of gitlabFiles(source)) {
    const file = basename(path);
    let list: unknown;
    try {
      list = parse(readFileSync(path, 'utf8'), { schema: 'core', maxAliasCount: 50, uniqueKeys: false });
    } catch (error) {
      plan.notes.push(`${file} could not be read as YAML (${collapse((error as Error).message).slice(0, 160)}); none of its indicators are counted`);
      continue;
    }
    if (!Array.isArray(list)) {
      plan.notes.push(`${file} is not a list of indicators; it was not read`);
      continue;
    }
    list.forEach((raw, index) => {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        indicators.push({ file, index, raw: {} });
        return;
      }
      const record = raw as Record<string, unknown>;
      const name = typeof record.name === 'string' || typeof record.name === 'number' ? unescapeMarkdown(collapse(String(record.name))) : undefined;
      indicators.push({ file, index, raw: record, name: name || undefined, page: name ? indicatorPage(stringOf(record.base_path), name) : undefined });
    });
  }
  plan.sourceEntries = indicators.length;

  // Ids in source order, before any metric is written, so parents can link forward.
  for (const indicator of indicators) if (indicator.name) indicator.id = planner.metricIds.allocate(indicator.name);
  const byPage = new Map<string, SourceIndicator>();
  for (const indicator of indicators) if (indicator.page && indicator.id && !byPage.has(indicator.page)) byPage.set(indicator.page, indicator);
  for (const indicator of indicators) {
    const orgName = stringOf(indicator.raw.org);
    if (indicator.id && orgName) indicator.goal = departmentGoal(orgName);
  }

  function departmentGoal(orgName: string): string {
    const team = planner.owner({ name: orgName, kind: 'team', parent: planner.orgTeam() });
    return planner.goal(orgName, options.shape.department, { owner: team });
  }

  for (const indicator of indicators) {
    const origin = `${indicator.file}, indicator ${indicator.index + 1}`;
    const { raw, name, id } = indicator;
    if (!name || !id) {
      planner.skip(origin, undefined, Object.keys(raw).length ? 'the indicator has no `name`' : 'the list item is not an indicator (not a mapping)');
      continue;
    }
    const orgName = stringOf(raw.org);
    if (!orgName || !indicator.goal) {
      planner.skip(origin, name, 'the indicator has no `org`, so there is no department goal for it to support');
      continue;
    }
    for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) unknownFields.set(key, (unknownFields.get(key) ?? 0) + 1);

    const notes: string[] = [];
    const sections: string[] = [];
    const links: Link[] = [];

    // definition → description (plain text); its links and embeds → the narrative.
    const definitionText = stringOf(raw.definition);
    const definition = definitionText ? convertHtml(definitionText, base) : undefined;
    if (definition && (definition.links.length || definition.embeds.length)) {
      sections.push(`## Definition, with its links\n\n${definition.markdown}`);
      for (const embed of definition.embeds) links.push({ text: 'Embedded in the definition (video or dashboard)', url: embed });
      if (definition.embeds.length) notes.push(`${plural(definition.embeds.length, 'iframe')} in the definition dropped; ${noun(definition.embeds.length, 'its address is', 'their addresses are')} kept as a link`);
    }

    // health → a data-free status note.
    const health = sectionOfHealth(raw.health, base, notes);
    if (health) sections.unshift(health);

    // target → kept as written; a clear comparison gives the direction and unit.
    const targetText = raw.target === null || raw.target === undefined ? undefined : collapse(String(raw.target));
    let parsed: ParsedTarget | undefined;
    let targetUnit: string | undefined;
    if (targetText) {
      const converted = hasHtml(targetText) ? convertHtml(targetText, base) : undefined;
      const plainTarget = converted?.plain ?? targetText;
      sections.splice(health ? 1 : 0, 0, `## Target, as the source states it\n\n${converted?.markdown ?? escapeMdx(targetText)}`);
      parsed = parseTargetText(plainTarget);
      // A bare number with a unit ("12%", "7 days") states the unit, if not the direction.
      targetUnit = parsed?.unit ?? readNumber(plainTarget)?.unit;
      if (parsed) notes.push(`target "${plainTarget}" read as ${describeParsed(parsed)}; kept as text: GitLab gives no date for it`);
      else notes.push(`target "${plainTarget}" kept as text: it states no clear comparison${targetUnit ? `; unit ${targetUnit} read from it` : ''}`);
    } else {
      notes.push('no target in the source');
    }

    const lessons = Array.isArray((raw.lessons as { learned?: unknown } | undefined)?.learned) ? ((raw.lessons as { learned: unknown[] }).learned) : [];
    if (lessons.length) sections.push(`## Lessons learned\n\n${lessons.map((l) => `- ${convertHtml(String(l), base).markdown}`).join('\n')}`);

    for (const url of Array.isArray(raw.urls) ? raw.urls : []) {
      const converted = convertHtml(String(url), base);
      const href = converted.links[0]?.url ?? absolute(String(url), base);
      if (href) links.push({ text: converted.links[0]?.text ?? href, url: href });
      else notes.push(`link "${String(url)}" is not an http(s) address; left out`);
    }

    // parent → a link to the parent indicator, and support of its department goal.
    const supports = [indicator.goal];
    const parentAnchor = stringOf(raw.parent);
    let parentLine: string | undefined;
    if (parentAnchor) {
      const [path, anchor] = parentAnchor.split('#');
      const parent = byPage.get(`${pagePath(path!)}#${anchor ?? ''}`);
      if (parent?.id && parent.goal && parent.id !== id) {
        parentLine = `Rolls up to [${escapeMdx(parent.name!)}](../${parent.id}/), its \`parent\` in the handbook.`;
        if (!supports.includes(parent.goal)) supports.push(parent.goal);
        notes.push(`parent ${parentAnchor} → ${parent.id} (supports its goal too)`);
      } else {
        const href = absolute(parentAnchor, base);
        parentLine = `Its \`parent\` in the handbook is ${href ? markdownLink(parentAnchor, href) : `\`${parentAnchor}\``}, which names no indicator in the source.`;
        notes.push(`parent ${parentAnchor} names no indicator in the source; kept as a link`);
        plan.notes.push(`${name} (${indicator.file}): parent anchor ${parentAnchor} names no indicator in the source`);
      }
    }
    if (parentLine) sections.push(`## Rolls up to\n\n${parentLine}`);
    if (links.length) sections.push(`## Links\n\n${dedupe(links).map((l) => `- ${markdownLink(l.text, l.url)}`).join('\n')}`);

    const page = indicator.page ? absolute(indicator.page, base) : undefined;
    const where = page ? markdownLink(`GitLab handbook: ${name}`, page) : 'the GitLab handbook';
    sections.push(`---\n\nImported from ${where} (\`${escapeMdx(indicator.file)}\`). GitLab handbook content is licensed CC BY-SA 4.0.`);

    // dri → a person owner; else the department's team.
    const driText = stringOf(raw.dri);
    const dri = driText ? convertHtml(driText, base).plain : '';
    const owner = dri ? planner.owner({ name: dri, kind: 'person' }) : planner.owner({ name: orgName, kind: 'team', parent: planner.orgTeam() });

    if (typeof raw.is_key === 'string') notes.push(`is_key is the text "${raw.is_key}", read as ${/^(?:yes|true)$/i.test(raw.is_key)}`);
    const unit = targetUnit ?? (/%|\bpercent(age)?\b/i.test(name) ? 'percent' : undefined);
    const sisense = sisenseSystem(raw.sisense_data);
    const sisenseUrl = sisense ? undefined : links.find((l) => /periscopedata\.com|sisense/i.test(l.url));
    planner.addMetric(
      id,
      {
        name,
        description: definition?.plain,
        why: undefined,
        supports,
        owner,
        unit,
        direction: parsed?.direction,
        formula: definition?.plain ? placeholder('GitLab gives a definition (the description) but no separate formula: say how the value is computed.') : undefined,
        source: sisense ? { system: sisense } : sisenseUrl ? { system: 'Sisense (Periscope Data)', url: sisenseUrl.url } : undefined,
        cadence: cadenceInName(name),
        primary: raw.is_key === true || (typeof raw.is_key === 'string' && /^(?:yes|true)$/i.test(raw.is_key)),
      },
      sections.join('\n\n'),
      origin,
      notes,
    );
  }
  for (const [key, count] of [...unknownFields].sort()) plan.notes.push(`field \`${key}\` (in ${plural(count, 'indicator')}) is not mapped`);
  plan.config = { name: org };
  return plan;
}

function sectionOfHealth(health: unknown, base: string, notes: string[]): string | undefined {
  if (!health || typeof health !== 'object') return undefined;
  const { level, reasons, urls } = health as { level?: unknown; reasons?: unknown; urls?: unknown };
  const label = typeof level === 'number' ? HEALTH_LEVELS[level] : undefined;
  const scale = "GitLab's health scale: 0 Unknown, 1 Problem, 2 Attention, 3 Okay";
  const head =
    label !== undefined
      ? `**${label}** (level ${String(level)}; ${scale}).`
      : level === undefined || level === null
        ? `No health level given (${scale}).`
        : `Level ${escapeMdx(String(level))}, which is not on ${scale}.`;
  if (label === undefined && level !== undefined && level !== null) notes.push(`health level ${String(level)} is not on GitLab's 0–3 scale; kept as written`);
  const items = (Array.isArray(reasons) ? reasons : reasons ? [reasons] : []).map((r) => `- ${convertHtml(collapse(String(r)), base).markdown}`);
  const more = (Array.isArray(urls) ? urls : []).map((u) => absolute(String(u), base)).filter((u): u is string => !!u);
  const lines = [`## Health, as the source reports it`, head];
  if (items.length) lines.push(items.join('\n'));
  if (more.length) lines.push(more.map((u) => `- ${markdownLink(u, u)}`).join('\n'));
  return lines.join('\n\n');
}

/** "Sisense (dashboard 729542, chart 9522755)": the ids GitLab gives, without guessing an address. */
function sisenseSystem(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { dashboard, chart } = data as { dashboard?: unknown; chart?: unknown };
  const parts = [dashboard !== undefined ? `dashboard ${String(dashboard)}` : '', chart !== undefined ? `chart ${String(chart)}` : ''].filter(Boolean);
  return parts.length ? `Sisense (${parts.join(', ')})` : 'Sisense';
}

function absolute(url: string, base: string): string | undefined {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return u;
  if (u.startsWith('/')) return base.replace(/\/+$/, '') + u;
  return undefined;
}

function dedupe(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => (seen.has(l.url) ? false : (seen.add(l.url), true)));
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

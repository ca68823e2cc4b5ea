/**
 * The catalog's change history from git, read in one pass: ONE `git log` over the catalog folders
 * (with rename detection and the blob ids of both sides of every change), then ONE
 * `git cat-file --batch` that reads every version of an entry file needed to say which fields each
 * commit changed. Never one git call per file. Files are followed through renames; each history
 * is keyed by the file's latest path, relative to the catalog root.
 */
import { posix } from 'node:path';
import { CONFIG_FILE } from '../core/load.ts';
import { fieldChanges, isPlainObject, type FieldChange } from './fields.ts';
import { kindOfFolder, type FileKind } from '../core/kinds.ts';
import { gitProblem, readObjects, repoInfo, runGit, CATALOG_PATHS, type GitRunner } from './git.ts';
import { entryParts } from '../core/read/entry.ts';
import { parseYaml } from '../core/read/yaml.ts';
import { isPlaceholder } from '../core/placeholders.ts';
import { repositoryBase, repositoryHost } from './repository.ts';

export interface Commit {
  hash: string;
  /** Author date, YYYY-MM-DD. */
  date: string;
  /** Author date and time, ISO 8601 with the author's offset. */
  time: string;
  author: string;
  subject: string;
}

export type ChangeType = 'added' | 'modified' | 'renamed' | 'deleted';

export interface FileChange {
  commit: Commit;
  change: ChangeType;
  /** The file's path after this commit (before it, for a deletion), relative to the catalog root. */
  path: string;
  /** The path before a rename. */
  previousPath?: string;
  /** Fields the commit changed; `undefined` when not compared (values files, unreadable YAML, beyond the read budget). */
  fields?: FieldChange[];
  /** `status` before and after, when either side could be read. */
  status?: { before?: string; after?: string };
}

export interface FileHistory {
  /** The latest path of the file: where it is now, or where it was when deleted. */
  path: string;
  /** False when the last change deleted it. */
  exists: boolean;
  /** Newest first. */
  changes: FileChange[];
}

export interface History {
  available: true;
  /** Shallow clones hold only the latest commits: the history is cut short. */
  shallow: boolean;
  /** Commits that touched the catalog, newest first. */
  commits: Commit[];
  /** Every catalog file's history, including deleted files. */
  files: FileHistory[];
  /** Histories of the files that exist, by path relative to the catalog root. */
  byPath: Map<string, FileHistory>;
  /** Entry versions compared, and whether the read budget cut the comparison short. */
  compared: number;
  truncated: boolean;
}

export interface NoHistory {
  available: false;
  /** Why there is none, as a sentence fragment: "the catalog is not in a git repository". */
  reason: string;
}

export type HistoryResult = History | NoHistory;

export interface HistoryOptions {
  run?: GitRunner;
  /** At most this many file versions are read to compare fields (newest changes first). */
  maxBlobs?: number;
}

/**
 * File versions read per history pass. Parsing one takes about 0.3 ms, so this keeps the pass
 * within a few seconds on the largest catalogs; older changes beyond it list no fields.
 */
export const MAX_BLOBS = 10_000;

const ZERO = /^0+$/;
const COMMIT_START = '\x1e';
const FIELD = '\x1f';

interface RawChange {
  status: string;
  oldBlob: string;
  newBlob: string;
  path: string;
  previousPath?: string;
}

/** Parses `git log -z --raw --format=<COMMIT_START>hash<FIELD>date<FIELD>author<FIELD>subject` output. */
export function parseLog(output: string): { commit: Commit; changes: RawChange[] }[] {
  const commits: { commit: Commit; changes: RawChange[] }[] = [];
  for (const chunk of output.split(COMMIT_START)) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const header = headerEnd < 0 ? chunk : chunk.slice(0, headerEnd);
    const [hash = '', time = '', author = '', subject = ''] = header.split(FIELD);
    const commit: Commit = { hash, time, date: time.slice(0, 10), author, subject };
    const tokens = headerEnd < 0 ? [] : chunk.slice(headerEnd + 1).split('\0');
    const changes: RawChange[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i]!.replace(/^\s+/, '');
      if (!meta.startsWith(':')) continue;
      // `:oldmode newmode oldblob newblob STATUS`, then one path, or two for a rename or copy.
      const [, , oldBlob = '', newBlob = '', status = ''] = meta.slice(1).split(' ');
      const letter = status[0] ?? '';
      if (letter === 'R' || letter === 'C') {
        changes.push({ status: letter, oldBlob, newBlob, previousPath: tokens[i + 1], path: tokens[i + 2] ?? '' });
        i += 2;
      } else {
        changes.push({ status: letter, oldBlob, newBlob, path: tokens[i + 1] ?? '' });
        i += 1;
      }
    }
    LOG_ORDER.set(commit, commits.length);
    commits.push({ commit, changes });
  }
  return commits;
}

/** Each parsed commit's place in git's log, which breaks ties between commits made in the same second. */
const LOG_ORDER = new WeakMap<Commit, number>();

/**
 * Newest commit first, by the instant it was made: author times carry the author's own offset, so
 * "2026-09-01T09:00:00+02:00" is earlier than "2026-09-01T08:00:00Z" though it sorts after it as
 * text. Commits of the same instant keep git's log order (or their order here, when not from a log).
 */
export function newestFirst(a: Commit, b: Commit): number {
  return Date.parse(b.time) - Date.parse(a.time) || (LOG_ORDER.get(a) ?? 0) - (LOG_ORDER.get(b) ?? 0);
}

/** Whether a file's versions are worth comparing field by field: entries and the config, not values. */
function comparable(path: string): boolean {
  if (path === CONFIG_FILE) return true;
  const kind = kindOfPath(path);
  return kind !== undefined && kind !== 'data' && /\.(yaml|mdx)$/.test(path);
}

/** The fields of one version of an entry file, or undefined when it cannot be read as an entry. */
function entryValue(path: string, text: string): Record<string, unknown> | undefined {
  const parts = entryParts({ path, extension: posix.extname(path) }, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if ('problem' in parts) return undefined;
  const parsed = parseYaml(path, parts.yamlText);
  if (parsed.diagnostics.length || !isPlainObject(parsed.value)) return undefined;
  return parts.body === undefined ? parsed.value : { ...parsed.value, body: parts.body };
}

const TYPES: Record<string, ChangeType> = { A: 'added', M: 'modified', T: 'modified', R: 'renamed', C: 'added', D: 'deleted' };

/** Reads the history of the catalog at `root` with one `git log` and one `git cat-file`. */
export function readHistory(root: string, options: HistoryOptions = {}): HistoryResult {
  const run = options.run ?? runGit;
  const maxBlobs = options.maxBlobs ?? MAX_BLOBS;
  const info = repoInfo(root, run);
  if ('problem' in info) return { available: false, reason: info.problem };

  const log = run(['-c', 'core.quotePath=false', 'log', '-z', '--raw', '--no-abbrev', '-M', '--no-color', '--no-show-signature', '--no-ext-diff', `--format=${COMMIT_START}%H${FIELD}%aI${FIELD}%an${FIELD}%s`, '--', ...CATALOG_PATHS], { cwd: root });
  if (log.status !== 0) {
    const said = gitProblem(log);
    // A repository without commits has no history yet, which is not a failure.
    if (/does not have any commits|bad default revision/i.test(said)) return { available: true, shallow: info.shallow, commits: [], files: [], byPath: new Map(), compared: 0, truncated: false };
    return { available: false, reason: said };
  }
  const strip = (path: string) => (info.prefix && path.startsWith(info.prefix) ? path.slice(info.prefix.length) : path);
  const parsed = parseLog(log.stdout.toString('utf8'));

  // Follow each file back through its renames, newest commit first.
  const files: FileHistory[] = [];
  const open = new Map<string, FileHistory>();
  const pending: { change: FileChange; raw: RawChange }[] = [];
  const commits: Commit[] = [];
  for (const { commit, changes } of parsed) {
    if (!changes.length) continue;
    commits.push(commit);
    for (const raw of changes) {
      const path = strip(raw.path);
      const previousPath = raw.previousPath === undefined ? undefined : strip(raw.previousPath);
      const type = TYPES[raw.status] ?? 'modified';
      let file = open.get(path);
      if (!file || type === 'deleted') {
        file = { path, exists: type !== 'deleted', changes: [] };
        files.push(file);
      }
      const change: FileChange = { commit, change: type, path, ...(previousPath !== undefined && raw.status === 'R' ? { previousPath } : {}) };
      file.changes.push(change);
      pending.push({ change, raw });
      open.delete(path);
      if (type === 'renamed' && previousPath !== undefined) open.set(previousPath, file);
      else if (type !== 'added') open.set(path, file);
    }
  }

  // Read every version needed, newest changes first, within the budget, in one process.
  const wanted: string[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const toCompare: typeof pending = [];
  for (const item of pending) {
    if (!comparable(item.change.path)) continue;
    const blobs = [item.raw.oldBlob, item.raw.newBlob].filter((b) => !ZERO.test(b) && !seen.has(b));
    if (seen.size + blobs.length > maxBlobs) {
      truncated = true;
      continue;
    }
    for (const blob of blobs) {
      seen.add(blob);
      wanted.push(blob);
    }
    toCompare.push(item);
  }
  const objects = readObjects(root, wanted, run);
  const values = new Map<string, Record<string, unknown> | undefined>();
  const valueOf = (blob: string, path: string) => {
    if (ZERO.test(blob)) return {};
    if (!values.has(blob)) {
      const bytes = objects.get(blob);
      values.set(blob, bytes === undefined ? undefined : entryValue(path, bytes.toString('utf8')));
    }
    return values.get(blob);
  };
  for (const { change, raw } of toCompare) {
    const before = valueOf(raw.oldBlob, change.previousPath ?? change.path);
    const after = valueOf(raw.newBlob, change.path);
    const status = { before: before?.status as string | undefined, after: after?.status as string | undefined };
    if (before !== undefined || after !== undefined) change.status = status;
    if (before === undefined || after === undefined || change.change === 'added' || change.change === 'deleted') continue;
    change.fields = fieldChanges(before, after);
  }

  const byPath = new Map(files.filter((f) => f.exists).map((f) => [f.path, f]));
  return { available: true, shallow: info.shallow, commits, files, byPath, compared: toCompare.length, truncated };
}

/** The kind of entry a catalog path holds, by its top folder. */
export function kindOfPath(path: string): FileKind | 'config' | undefined {
  if (path === CONFIG_FILE) return 'config';
  return kindOfFolder(path.split('/')[0] ?? '');
}

export type TimelineChange = 'added' | 'retired' | 'changed' | 'removed';

export interface TimelineEvent {
  change: TimelineChange;
  /** The file's latest path (see FileHistory.path), to look the entry up. */
  path: string;
  exists: boolean;
  /** Its id: the file name without the extension. */
  id: string;
  commit: Commit;
  fields?: FieldChange[];
  /** Set when the commit moved the file. */
  previousPath?: string;
}

export interface TimelineMonth {
  /** YYYY-MM */
  month: string;
  metrics: Record<TimelineChange, TimelineEvent[]>;
  goals: Record<TimelineChange, TimelineEvent[]>;
}

const emptyGroup = (): Record<TimelineChange, TimelineEvent[]> => ({ added: [], retired: [], changed: [], removed: [] });

/** What happened to metrics and goals month by month, newest month first: added, retired, changed, removed. */
export function timeline(history: History): TimelineMonth[] {
  const months = new Map<string, TimelineMonth>();
  for (const file of history.files) {
    const kind = kindOfPath(file.path);
    if (kind !== 'metric' && kind !== 'goal') continue;
    const id = posix.basename(file.path).replace(/\.[^.]+$/, '');
    for (const change of file.changes) {
      const type: TimelineChange =
        change.change === 'added' ? 'added' : change.change === 'deleted' ? 'removed' : change.status?.after === 'retired' && change.status.before !== 'retired' ? 'retired' : 'changed';
      // A pure move, or a commit that only touched comments or formatting, changed nothing a reader sees.
      if (type === 'changed' && change.change !== 'renamed' && change.fields && change.fields.length === 0) continue;
      const month = change.commit.date.slice(0, 7);
      const entry = months.get(month) ?? { month, metrics: emptyGroup(), goals: emptyGroup() };
      months.set(month, entry);
      const event: TimelineEvent = { change: type, path: file.path, exists: file.exists, id, commit: change.commit, ...(change.fields ? { fields: change.fields } : {}), ...(change.previousPath ? { previousPath: change.previousPath } : {}) };
      entry[kind === 'metric' ? 'metrics' : 'goals'][type].push(event);
    }
  }
  const sorted = [...months.values()].sort((a, b) => (a.month < b.month ? 1 : -1));
  for (const month of sorted) {
    for (const group of [month.metrics, month.goals]) {
      for (const list of Object.values(group)) list.sort((a, b) => newestFirst(a.commit, b.commit) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
  }
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// Reading the history as history: links to the repository host, short phrases per change, and
// the catalog's changes grouped by commit.

/** A reference in a commit subject: `#` (a GitHub pull request or issue, a GitLab issue) or `!` (a GitLab merge request). */
export type ReferenceSigil = '#' | '!';

/** Where a commit and a referenced request or issue live on the catalog's repository host, when it is known. */
export interface HostLinks {
  commit(hash: string): string;
  /** The page for `#N` or `!N`, or undefined when the host gives that sigil no meaning. */
  reference(sigil: ReferenceSigil, number: string): string | undefined;
}

/**
 * Links for GitHub (`/commit/<sha>`; `#N` → `/pull/N`, which GitHub redirects for an issue) and
 * GitLab (`/-/commit/<sha>`; `!N` → `/-/merge_requests/N`, `#N` → `/-/issues/N`) repositories,
 * from the config's `repository` URL; none for other hosts, whose URL scheme is not known, or for a
 * URL repositoryBase refuses.
 */
export function hostLinks(repository: string | undefined): HostLinks | undefined {
  const base = repositoryBase(repository);
  const host = base && repositoryHost(base);
  if (!base || !host) return undefined;
  if (host === 'github') return { commit: (hash) => `${base}/commit/${hash}`, reference: (sigil, n) => (sigil === '#' ? `${base}/pull/${n}` : undefined) };
  return { commit: (hash) => `${base}/-/commit/${hash}`, reference: (sigil, n) => `${base}/-/${sigil === '!' ? 'merge_requests' : 'issues'}/${n}` };
}

/** A commit subject cut around its references: "Tighten targets (#123)" → text, then "#123" with its sigil and number. */
export type SubjectPart = { text: string } | { text: string; sigil: ReferenceSigil; number: string };

/** Splits a subject at GitHub's "(#123)" and GitLab's "(!123)" / "See merge request …!123" references. */
export function subjectParts(subject: string): SubjectPart[] {
  const parts: SubjectPart[] = [];
  let last = 0;
  for (const match of subject.matchAll(/(?<=\(|\s|^)([#!])(\d+)(?=\)|\s|$|[.,;:])/g)) {
    if (match.index > last) parts.push({ text: subject.slice(last, match.index) });
    parts.push({ text: match[0], sigil: match[1] as ReferenceSigil, number: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < subject.length) parts.push({ text: subject.slice(last) });
  return parts;
}

const SHORT_VALUE = 32;
/** A value short and plain enough to quote in a phrase, or undefined. */
function quotable(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const text = String(value);
  return text.length <= SHORT_VALUE && !isPlaceholder(text) && !/\n/.test(text) ? text : undefined;
}

/** Words for a top-level field whose change is an edit of prose rather than a new value. */
const PROSE_FIELDS = new Set(['description', 'why', 'formula', 'gaming', 'expected', 'source']);

/**
 * One short phrase per top-level field a commit changed: "target changed (90 → 95)",
 * "owner changed", "narrative edited", "retired". Nested fields fold into their top-level field.
 */
export function fieldPhrases(fields: readonly FieldChange[]): string[] {
  const byTop = new Map<string, FieldChange[]>();
  for (const change of fields) {
    const top = change.field.split('.')[0]!;
    byTop.set(top, [...(byTop.get(top) ?? []), change]);
  }
  const phrases: string[] = [];
  for (const [top, changes] of byTop) {
    if (top === 'body') phrases.push('narrative edited');
    else if (top === 'retired' && byTop.has('status')) continue; // "retired" says it
    else if (top === 'status') phrases.push(changes[0]!.after === 'retired' ? 'retired' : `status now ${quotable(changes[0]!.after) ?? 'unset'}`);
    else if (PROSE_FIELDS.has(top)) phrases.push(`${top} edited`);
    else {
      const only = changes.length === 1 ? changes[0]! : undefined;
      const before = only && quotable(only.before);
      const after = only && quotable(only.after);
      const sub = only && only.field !== top ? `${only.field.slice(top.length + 1)} ` : '';
      phrases.push(only && before !== undefined && after !== undefined ? `${top} changed (${sub}${before} → ${after})` : only && before === undefined && only.before === undefined ? `${top} added` : only && only.after === undefined ? `${top} removed` : `${top} changed`);
    }
  }
  return phrases;
}

/** What one commit did to one file, in short phrases: "added", "moved from metrics/a.yaml; owner changed". */
export function changePhrases(change: Pick<FileChange, 'change' | 'previousPath' | 'fields' | 'status'>): string[] {
  if (change.change === 'added') return [change.status?.after === 'retired' ? 'added, already retired' : 'added'];
  if (change.change === 'deleted') return ['removed'];
  const moved = change.change === 'renamed' && change.previousPath ? [`moved from ${change.previousPath}`] : [];
  if (change.fields === undefined) return moved.length ? moved : ['changed'];
  if (change.fields.length === 0) return moved.length ? moved : ['comments or formatting only'];
  return [...moved, ...fieldPhrases(change.fields)];
}

/** One entry a commit touched, with what it did to it. */
export interface CommitEntry {
  kind: 'metric' | 'goal';
  id: string;
  path: string;
  exists: boolean;
  change: TimelineChange;
  phrases: string[];
}

/** A commit with the metrics and goals it touched. */
export interface CommitGroup {
  commit: Commit;
  entries: CommitEntry[];
}

/** A month of commits, newest first. */
export interface CommitMonth {
  month: string;
  commits: CommitGroup[];
}

/**
 * The timeline's events regrouped by commit: each commit once (date, subject, author), with the
 * metrics and goals it touched under it, metrics first, then by id. Newest month and commit first.
 */
export function commitMonths(months: readonly TimelineMonth[]): CommitMonth[] {
  return months.map(({ month, metrics, goals }) => {
    const groups = new Map<string, CommitGroup>();
    for (const [kind, group] of [['metric', metrics], ['goal', goals]] as const) {
      for (const events of Object.values(group)) {
        for (const event of events) {
          const commitGroup = groups.get(event.commit.hash) ?? { commit: event.commit, entries: [] };
          groups.set(event.commit.hash, commitGroup);
          commitGroup.entries.push({ kind, id: event.id, path: event.path, exists: event.exists, change: event.change, phrases: eventPhrases(event) });
        }
      }
    }
    const commits = [...groups.values()].sort((a, b) => newestFirst(a.commit, b.commit));
    for (const { entries } of commits) entries.sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind === 'metric' ? -1 : 1));
    return { month, commits };
  });
}

function eventPhrases(event: TimelineEvent): string[] {
  if (event.change === 'added') return ['added'];
  if (event.change === 'removed') return ['removed'];
  const phrases = changePhrases({ change: event.previousPath ? 'renamed' : 'modified', previousPath: event.previousPath, fields: event.fields });
  return event.change === 'retired' && !phrases.includes('retired') ? ['retired', ...phrases] : phrases;
}

/** Metrics added and retired in one month. */
export interface TurnoverMonth {
  month: string;
  /** Ids of metrics whose file was first committed this month (from git). */
  added: string[];
  /** Ids of metrics whose `retired.date` falls in this month (from the files). */
  retired: string[];
}

/**
 * Metrics added and retired per month, newest first, each from one source of truth: a metric is
 * added when its file first entered the catalog's git history (the files record no such date),
 * and retired in the month of its `retired.date` (git only knows when the status was edited,
 * which may be later, or the file may have arrived already retired). /changes/ and /health/ both
 * count with this.
 */
export function metricTurnover(months: readonly TimelineMonth[], metrics: Iterable<{ id: string; data: { retired?: { date: string } } }>): TurnoverMonth[] {
  const byMonth = new Map<string, TurnoverMonth>();
  const at = (month: string) => byMonth.get(month) ?? byMonth.set(month, { month, added: [], retired: [] }).get(month)!;
  for (const { month, metrics: events } of months) for (const event of events.added) at(month).added.push(event.id);
  for (const metric of metrics) if (metric.data.retired) at(String(metric.data.retired.date).slice(0, 7)).retired.push(metric.id);
  const sorted = [...byMonth.values()].sort((a, b) => (a.month < b.month ? 1 : -1));
  for (const month of sorted) {
    month.added.sort();
    month.retired.sort();
  }
  return sorted;
}

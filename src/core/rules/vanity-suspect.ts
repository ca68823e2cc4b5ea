/** Some numbers only ever go up and feel good without showing that anything improved: vanity metrics need a link to an outcome. */
import { ruleOptions } from './options.ts';
import { defineRule, type Finding } from './types.ts';

const ID = 'vanity-suspect';

/** Names that usually count attention or effort rather than results. */
export const VANITY_WORDS: readonly string[] = ['followers', 'page views', 'pageviews', 'visits', 'impressions', 'opens', 'likes', 'downloads', 'meetings held', 'emails sent'];

/** A case-insensitive whole-word pattern; spaces in a phrase also match hyphens and runs of spaces. */
function wordPattern(word: string): RegExp {
  const escaped = word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

export const vanitySuspect = defineRule({
  id: ID,
  summary: 'A metric named like a vanity metric (followers, page views, downloads, …) is not a leading metric that drives an outcome.',
  defaultSeverity: 'warn',
  options: ['words'],
  check({ catalog, options }) {
    const settings = ruleOptions(ID, options);
    const patterns = settings.words('words', VANITY_WORDS).map((word) => ({ word, pattern: wordPattern(word) }));
    const findings: Finding[] = [...settings.findings];
    for (const metric of catalog.metrics.values()) {
      const { status, name, indicator, drives } = metric.data;
      if (status === 'retired' || (indicator === 'leading' && drives?.length)) continue;
      const hit = patterns.find(({ pattern }) => pattern.test(name));
      if (!hit) continue;
      findings.push({
        file: metric.file,
        path: ['name'],
        message: `"${hit.word}" suggests a vanity metric: it can grow without any outcome improving`,
        hint: 'make it a leading metric whose `drives` names the outcome it should move, or measure the outcome instead',
      });
    }
    return findings;
  },
});

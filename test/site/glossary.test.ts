import { describe, expect, it } from 'vitest';
import { firstUseOfTerm, GLOSSARY, glossaryTerm } from '../../src/site/glossary.ts';

describe('the glossary', () => {
  it('gives every term a unique anchor and a one-sentence meaning', () => {
    const ids = GLOSSARY.map((term) => term.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const term of GLOSSARY) {
      expect(term.id).toMatch(/^[a-z][a-z-]*$/);
      expect(term.meaning).toMatch(/^[A-Z“].*[.)]$/);
    }
    expect(glossaryTerm('watch').word).toBe('Watch');
  });

  it('links only the first use of a term on each page', () => {
    const page = {};
    const other = {};
    expect(firstUseOfTerm(page, 'stale')).toBe(true);
    expect(firstUseOfTerm(page, 'stale')).toBe(false);
    expect(firstUseOfTerm(page, 'leading')).toBe(true);
    expect(firstUseOfTerm(other, 'stale')).toBe(true);
  });
});

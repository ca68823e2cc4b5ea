import { describe, expect, it } from 'vitest';
import { assumedFields, isPlaceholder, writtenTags, writtenText } from '../../src/core/placeholders.ts';

describe('what an import left open', () => {
  it('treats a placeholder, a blank and a missing text as not written', () => {
    expect(writtenText('TODO(import): the source states no mission')).toBeUndefined();
    expect(writtenText('  TODO(import): indented')).toBeUndefined();
    expect(writtenText('   ')).toBeUndefined();
    expect(writtenText(undefined)).toBeUndefined();
    expect(writtenText('Patients seen within a week')).toBe('Patients seen within a week');
    expect(isPlaceholder('A note mentioning TODO(import): later')).toBe(false);
  });

  it('keeps written tags and reads assumed fields from the bookkeeping tags', () => {
    const tags = ['board-report', 'todo-import-indicator', 'todo-import-cadence'];
    expect(writtenTags(tags)).toEqual(['board-report']);
    expect([...assumedFields(tags)]).toEqual(['indicator', 'cadence']);
    expect(assumedFields(undefined).size).toBe(0);
  });
});

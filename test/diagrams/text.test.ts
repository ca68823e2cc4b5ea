/** Fitting labels into boxes: wrapping at spaces, splitting long words, cutting with an ellipsis. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalise, textWidth, truncate, wrapText } from '../../src/diagrams/text.ts';

describe('textWidth', () => {
  it('grows with the text and the font size, wide letters more than narrow ones', () => {
    expect(textWidth('', 13)).toBe(0);
    expect(textWidth('ab', 13)).toBeGreaterThan(textWidth('a', 13));
    expect(textWidth('abc', 26)).toBeCloseTo(2 * textWidth('abc', 13));
    expect(textWidth('MMMM', 13)).toBeGreaterThan(textWidth('iiii', 13));
  });

  it('counts a character outside the basic plane once', () => {
    expect(textWidth('😀', 10)).toBe(textWidth('\u4e00', 10));
  });
});

describe('wrapText', () => {
  it('keeps a short title on one line, untouched', () => {
    expect(wrapText('Move the city', 180, 13, 3)).toEqual({ lines: ['Move the city'], truncated: false });
  });

  it('breaks at spaces, never over the width', () => {
    const { lines, truncated } = wrapText('Medication for opioid use disorder at every behavioral health site', 180, 13, 3);
    expect(truncated).toBe(false);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Medication for opioid use disorder at every behavioral health site');
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(180);
  });

  it('cuts what does not fit in the last line with an ellipsis and says so', () => {
    const long = 'word '.repeat(60).trim();
    const { lines, truncated } = wrapText(long, 180, 13, 2);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(textWidth(lines[1]!, 13)).toBeLessThanOrEqual(180);
  });

  it('splits a word longer than a line', () => {
    const { lines } = wrapText('Supercalifragilisticexpialidocious-and-then-some-more-letters', 100, 13, 5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious-and-then-some-more-letters');
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(100);
  });

  it('collapses white space and gives no lines for an empty title', () => {
    expect(wrapText('  a \n  b  ', 180, 13, 3).lines).toEqual(['a b']);
    expect(wrapText('', 180, 13, 3)).toEqual({ lines: [], truncated: false });
  });

  it('keeps markup as text: wrapping never drops or rewrites characters', () => {
    const { lines } = wrapText('Dispatch <script>document.title="pwned"</script> closes gaps fast', 180, 13, 4);
    expect(lines.join('').replace(/ /g, '')).toBe('Dispatch<script>document.title="pwned"</script>closesgapsfast');
  });

  it('for any text: at most maxLines lines, each within the width; whole text kept unless truncated', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 40, max: 400 }), fc.integer({ min: 1, max: 4 }), (text, width, maxLines) => {
        const { lines, truncated } = wrapText(text, width, 13, maxLines);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(width);
        const words = text.replace(/\s+/g, ' ').trim();
        if (!truncated) expect(lines.join('').replace(/\s+/g, '')).toBe(words.replace(/\s+/g, ''));
        else expect(lines.at(-1)!.endsWith('…')).toBe(true);
      }),
    );
  });
});

describe('truncate', () => {
  it('keeps text that fits and cuts the rest at a word with an ellipsis', () => {
    expect(truncate('Executive team', 180, 11)).toBe('Executive team');
    const cut = truncate('Dr. Maria Okafor, Chief Medical Officer and Vice President', 180, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(180);
    expect('Dr. Maria Okafor, Chief Medical Officer and Vice President'.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('capitalise', () => {
  it('turns an id into a label', () => {
    expect(capitalise('learning-growth')).toBe('Learning growth');
    expect(capitalise('mission')).toBe('Mission');
  });
});

/**
 * The /propose/ form on the example catalog in a real browser: the id follows the name until it is
 * typed by hand; goals and owners are picked by name while the file holds their ids; a field that
 * is left with a wrong value says so beside it, in `check`'s words; without JavaScript there is no
 * form, only how to propose by hand and the guide's link; nothing is cut off on a phone; and axe
 * finds nothing, light or dark, with every step open and problems showing.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../helpers/site-in-browser.ts';
import { axeViolations } from '../helpers/axe.ts';


const site = siteInBrowser();

async function openForm(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await site.browser.newPage(options);
  await page.goto(`${site.url}/propose/`);
  await page.locator('form[data-propose-form]').waitFor({ state: 'visible' });
  return page;
}

/** What the form would send for a control: every value, as FormData reads it. */
const sent = (page: Page, name: string) => page.evaluate((n) => new FormData(document.querySelector('form[data-propose-form]')!).getAll(n), name);

describe('/propose/ on the example catalog', () => {
  it('makes the id from the name as it is typed, until the id is typed by hand', async () => {
    const page = await openForm();
    const id = page.getByLabel('Id (the file name) (required)', { exact: true });
    await page.getByLabel('Name (required)', { exact: true }).pressSequentially('Patients seen within 7 days');
    await expect(id.inputValue()).resolves.toBe('patients-seen-within-7-days');
    // The example has that metric: leaving the name says so beside the id.
    await page.getByLabel('Name (required)', { exact: true }).press('Tab');
    await expect(page.locator('[data-error-for="id"]').textContent()).resolves.toBe('Id (the file name): a metric `patients-seen-within-7-days` already exists: change the id, or propose a change to that metric instead.');
    await page.getByLabel('Name (required)', { exact: true }).fill('Crème de la crème: 2nd visits');
    await expect(id.inputValue()).resolves.toBe('creme-de-la-creme-2nd-visits');
    await expect(page.locator('[data-error-for="id"]').isVisible()).resolves.toBe(false);

    await id.fill('second-visits');
    await page.getByLabel('Name (required)', { exact: true }).fill('Second visits within 30 days');
    await expect(id.inputValue()).resolves.toBe('second-visits');
    // Emptied, it follows the name again.
    await id.fill('');
    await page.getByLabel('Name (required)', { exact: true }).pressSequentially('!');
    await expect(id.inputValue()).resolves.toBe('second-visits-within-30-days');
    await page.close();
  });

  it('picks goals and the owner by name, with a filter, and sends their ids', async () => {
    const page = await openForm();
    const goals = page.locator('[data-field-box="supports"]');
    const filter = goals.getByLabel('Find a goal by name');
    await filter.fill('uncontrolled BLOOD');
    const shown = goals.locator('[data-options] li:visible');
    await expect(shown.count()).resolves.toBe(1);
    await expect(shown.textContent()).resolves.toContain('Follow up on every uncontrolled blood pressure');
    // Enter in the filter picks the only match, without submitting the form.
    await filter.press('Enter');
    await expect(goals.locator('[data-chosen]').textContent()).resolves.toBe('Chosen: Follow up on every uncontrolled blood pressure');
    await expect(page.locator('[data-form-errors]').isVisible()).resolves.toBe(false);
    // A chosen goal stays in view whatever the filter says; another is picked from the keyboard.
    await filter.fill('same-week');
    await expect(goals.locator('[data-options] li:visible').count()).resolves.toBe(2);
    await goals.getByRole('checkbox', { name: /Same-week primary care appointments/ }).press('Space');
    expect((await sent(page, 'supports')).sort()).toEqual(['hypertension-control-outreach', 'same-week-primary-care']);

    await page.locator('[data-field-box="owner"]').getByLabel('Find an owner by name').fill('behavioral');
    await page.getByRole('radio', { name: /Behavioral health/ }).check();
    expect(await sent(page, 'owner')).toEqual(['behavioral-health']);
    await page.close();
  });

  it('says what is wrong beside a field when it is left, and clears it once fixed', async () => {
    const page = await openForm();
    await page.locator('[data-step="target"] summary').click();
    const baseline = page.getByLabel('Baseline value');
    await baseline.fill('twelve');
    await expect(page.locator('[data-error-for="baseline.value"]').isVisible()).resolves.toBe(false);
    await baseline.press('Tab');

    const error = page.locator('[data-error-for="baseline.value"]');
    await expect(error.isVisible()).resolves.toBe(true);
    await expect(error.textContent()).resolves.toBe('Baseline value must be a number: type digits only, like 42 or 12.5, without a unit or a thousands separator.');
    await expect(baseline.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await baseline.getAttribute('aria-describedby'))!.split(' ');
    expect(describedBy).toContain(await error.getAttribute('id'));
    // Beside the field: in its box, right under it.
    const [field, message] = [await baseline.boundingBox(), await error.boundingBox()];
    expect(message!.y).toBeGreaterThan(field!.y);
    expect(message!.y - (field!.y + field!.height)).toBeLessThan(60);
    // Only the field that was left speaks: the empty required ones wait for their turn or the submit.
    await expect(page.locator('[data-error-for="name"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-step="target"] [data-step-problems]').textContent()).resolves.toBe('1 to fix');

    await baseline.fill('12');
    await expect(error.isVisible()).resolves.toBe(false);
    await expect(baseline.getAttribute('aria-invalid')).resolves.toBe(null);

    await page.getByRole('button', { name: /Check, then open/ }).click();
    const body = (await page.locator('main').textContent())!;
    expect(body).not.toMatch(/invalid input/i);
    await expect(page.locator('[data-error-for="owner"]').textContent()).resolves.toBe('Owner is required: the team or person accountable for the number.');
    await page.close();
  });

  it('on submit, takes focus to a choice list with a problem even when its filter hides every option', async () => {
    const page = await openForm();
    await page.getByLabel('Name (required)', { exact: true }).fill('Second visits within 30 days');
    await page.getByLabel('Description (required)', { exact: true }).fill('Patients who come back within 30 days.');
    await page.getByLabel('This metric matters because … (required)', { exact: true }).fill('A second visit means the first one helped.');
    const owner = page.locator('[data-field-box="owner"]');
    await owner.getByLabel('Find an owner by name').fill('no such owner');
    await expect(owner.locator('[data-options] li:visible').count()).resolves.toBe(0);
    await page.getByRole('button', { name: /Check, then open/ }).click();
    await expect(page.locator('[data-error-for="owner"]').isVisible()).resolves.toBe(true);
    // Owner is the first field with a problem: focus lands on its filter, which names the problem.
    const focused = await page.evaluate(() => ({ filter: document.activeElement?.matches('[data-field-box="owner"] [data-filter]'), described: document.activeElement?.getAttribute('aria-describedby') }));
    expect(focused.filter).toBe(true);
    expect(focused.described).toContain(await page.locator('[data-error-for="owner"]').getAttribute('id'));

    // Filtered to some options, the first visible one takes focus.
    await owner.getByLabel('Find an owner by name').fill('behavioral');
    await page.getByRole('button', { name: /Check, then open/ }).click();
    await expect(page.evaluate(() => document.activeElement?.closest('label')?.textContent)).resolves.toMatch(/Behavioral health/);
    await page.close();
  });

  it('on a proposal without problems, takes focus to the heading of the file it made', async () => {
    const page = await openForm();
    await page.getByLabel('Name (required)', { exact: true }).fill('Second visits within 30 days');
    await page.getByLabel('Description (required)', { exact: true }).fill('Patients who come back within 30 days.');
    await page.getByLabel('This metric matters because … (required)', { exact: true }).fill('A second visit means the first one helped.');
    await page.locator('[data-field-box="owner"]').getByLabel('Find an owner by name').fill('behavioral');
    await page.getByRole('radio', { name: /Behavioral health/ }).check();
    await page.getByLabel('Indicator (required)', { exact: true }).selectOption('lagging');
    await page.getByLabel('Unit (required)', { exact: true }).fill('percent');
    await page.getByLabel('Better when it goes (required)', { exact: true }).selectOption('up');
    await page.getByLabel('Formula (required)', { exact: true }).fill('Second visits / first visits');
    await page.getByLabel('Cadence (required)', { exact: true }).selectOption('monthly');
    const opened = page.context().waitForEvent('page');
    await page.getByRole('button', { name: /Check, then open/ }).click();
    await (await opened).close();
    await expect(page.locator('[data-result]').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('result-heading');
    await expect(page.locator('#result-heading').getAttribute('tabindex')).resolves.toBe('-1');
    await page.close();
  });

  it('without JavaScript, shows only the instructions and the link to the writing guide', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/propose/`);
    await expect(page.locator('propose-metric').isVisible()).resolves.toBe(false);
    await expect(page.locator('main input:visible, main select:visible, main textarea:visible, main button:visible').count()).resolves.toBe(0);
    const instructions = page.locator('[data-without-js]');
    await expect(instructions.isVisible()).resolves.toBe(true);
    await expect(instructions.textContent()).resolves.toMatch(/needs JavaScript.*status: proposed.*pull request/s);
    const link = page.getByRole('link', { name: /How to write a metric file/ });
    await expect(link.getAttribute('href')).resolves.toBe('https://github.com/riverbend/metrics/blob/main/docs/writing-metrics.md');
    await context.close();
  });

  it('with JavaScript, shows the form instead of the instructions', async () => {
    const page = await openForm();
    await expect(page.locator('[data-without-js]').isVisible()).resolves.toBe(false);
    // Status is not asked: a proposal is proposed.
    await expect(page.locator('form [name="status"]').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Check, then open/ }).evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });

  it('fits a phone: nothing wider than the screen with every step open and problems showing', async () => {
    const page = await openForm({ viewport: { width: 390, height: 844 } });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.getByRole('button', { name: /Check, then open/ }).click();
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    );
    expect(wide).toEqual([]);
    await page.close();
  });

  it('has no axe violation, light or dark, with every step open and problems showing', async () => {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openForm({ colorScheme });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.getByRole('button', { name: /Check, then open/ }).click();
      const violations = await axeViolations(page);
      problems.push(...violations.map((v) => `${colorScheme}: ${v}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});

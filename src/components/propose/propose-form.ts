/**
 * The /propose/ page's behaviour (loaded only there): the form replaces the without-JavaScript
 * instructions; the id follows the name until it is edited by hand; choice lists filter by name;
 * each field is checked with the metric schema when it is left (and as it is fixed), its problem
 * said beside it; submitting checks everything, then shows the file and opens the host's page.
 */
import { checkProposal, choiceMatches, idFromName, metricYaml, newFileUrl, proposalFromForm, type KnownIds, type ProposalProblem } from '../../site/propose.ts';

/** A list of catalog entries filtered by what is typed; the chosen ones stay in view and are named above it. */
class ChoicePicker extends HTMLElement {
  connectedCallback() {
    const filter = this.querySelector<HTMLInputElement>('[data-filter]')!;
    filter.addEventListener('input', () => this.filter(filter.value));
    // Enter in the filter picks the only match instead of submitting the form.
    filter.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const shown = this.options().filter((input) => !input.closest('li')!.hidden);
      if (shown.length === 1 && !shown[0]!.checked) shown[0]!.click();
      else shown[0]?.focus();
    });
    this.addEventListener('change', () => this.sayChosen());
    this.sayChosen();
  }

  options(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('[data-options] input')];
  }

  filter(query: string) {
    let shown = 0;
    for (const input of this.options()) {
      const item = input.closest<HTMLElement>('li')!;
      item.hidden = !input.checked && !choiceMatches({ id: input.value, label: item.dataset.search ?? '' }, query);
      if (!item.hidden) shown++;
    }
    this.querySelector<HTMLElement>('[data-no-match]')!.hidden = shown > 0;
  }

  sayChosen() {
    const chosen = this.options()
      .filter((input) => input.checked)
      .map((input) => input.closest('label')!.querySelector('[data-choice-name]')!.textContent!.trim());
    this.querySelector('[data-chosen]')!.textContent = chosen.length ? `Chosen: ${chosen.join(', ')}` : (this.dataset.none ?? '');
  }
}

/** The form, enhanced: checks as fields are left, and on submit shows the file or every problem. */
class ProposeMetric extends HTMLElement {
  /** Fields left at least once: only their problems are shown before the first submit. */
  private touched = new Set<string>();
  private submitted = false;
  private idEdited = false;

  connectedCallback() {
    document.querySelector<HTMLElement>('[data-without-js]')?.setAttribute('hidden', '');
    this.hidden = false;
    const form = this.querySelector('form')!;
    const name = form.elements.namedItem('name') as HTMLInputElement;
    const id = form.elements.namedItem('id') as HTMLInputElement;
    name.addEventListener('input', () => {
      if (this.idEdited) return;
      id.value = idFromName(name.value);
      if (this.touched.has('id')) this.check(form);
    });
    // Typed by hand, the id stays as typed; emptied, it follows the name again.
    id.addEventListener('input', () => {
      this.idEdited = id.value.trim() !== '';
    });
    form.addEventListener('focusout', (event) => {
      const box = (event.target as HTMLElement).closest<HTMLElement>('[data-field-box]');
      // Within one choice list, moving between its options is not leaving the field.
      if (!box || (event.relatedTarget instanceof Node && box.contains(event.relatedTarget))) return;
      this.touched.add(box.dataset.fieldBox!);
      // Leaving the name settles the id made from it: say now if that id is taken.
      if (box.dataset.fieldBox === 'name' && id.value) this.touched.add('id');
      this.check(form);
    });
    form.addEventListener('input', (event) => {
      const box = (event.target as HTMLElement).closest<HTMLElement>('[data-field-box]');
      if (box && (this.touched.has(box.dataset.fieldBox!) || this.submitted)) this.check(form);
    });
    form.addEventListener('change', (event) => {
      const box = (event.target as HTMLElement).closest<HTMLElement>('[data-field-box]');
      if (box?.querySelector('select, [type=checkbox], [type=radio]')) this.touched.add(box.dataset.fieldBox!);
      this.check(form);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitted = true;
      this.propose(form);
    });
    this.querySelector('[data-copy]')?.addEventListener('click', () => {
      void navigator.clipboard?.writeText(this.querySelector('[data-yaml]')?.textContent ?? '');
    });
  }

  /**
   * The ids the page knows, for the reference checks: every metric id ever filed (a new one must
   * differ), and the goals and owners the lists offer; a list too long to embed is left to the build.
   */
  known(): KnownIds {
    const offered = (name: string) => {
      const options = [...this.querySelectorAll<HTMLInputElement>(`[data-field-box="${name}"] [data-options] input`)];
      return options.length ? new Set(options.map((o) => o.value)) : undefined;
    };
    return { goals: offered('supports'), owners: offered('owner'), metrics: new Set(JSON.parse(this.dataset.taken ?? '[]') as string[]) };
  }

  values(form: HTMLFormElement): Record<string, string[]> {
    const values: Record<string, string[]> = {};
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') (values[name] ??= []).push(value);
    return values;
  }

  problems(form: HTMLFormElement): { proposal: ReturnType<typeof proposalFromForm>; problems: ProposalProblem[] } {
    const values = this.values(form);
    const proposal = proposalFromForm(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.length === 1 ? v[0]! : v])));
    return { proposal, problems: checkProposal(proposal, this.known()) };
  }

  /** Shows the problems of the fields left so far (all of them after a submit), each beside its field. */
  check(form: HTMLFormElement): ProposalProblem[] {
    const { problems } = this.problems(form);
    const shown = problems.filter((p) => this.submitted || this.touched.has(p.field));
    const byField = new Map<string, string[]>();
    for (const problem of shown) byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem.message]);
    for (const error of this.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const messages = byField.get(error.dataset.errorFor!) ?? [];
      error.textContent = messages.join(' ');
      error.hidden = messages.length === 0;
      const box = error.closest('[data-field-box]')!;
      for (const control of box.querySelectorAll('input:not([data-filter]), select, textarea')) {
        if (messages.length) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
    for (const step of this.querySelectorAll<HTMLDetailsElement>('[data-step]')) {
      const count = [...step.querySelectorAll<HTMLElement>('[data-error-for]')].filter((e) => !e.hidden).length;
      const badge = step.querySelector<HTMLElement>('[data-step-problems]')!;
      badge.textContent = count ? `${count} to fix` : '';
      badge.hidden = count === 0;
    }
    return problems;
  }

  propose(form: HTMLFormElement) {
    const problems = this.check(form);
    const summary = this.querySelector<HTMLElement>('[data-form-errors]')!;
    const result = this.querySelector<HTMLElement>('[data-result]')!;
    if (problems.length) {
      const general = problems.filter((p) => !this.querySelector(`[data-error-for="${CSS.escape(p.field)}"]`)).map((p) => p.message);
      summary.textContent = `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before the file can be proposed${general.length ? `: ${general.join(' ')}` : '; each is said beside its field.'}`;
      summary.hidden = false;
      result.hidden = true;
      // Open every step with a problem, and take the reader to the first one.
      for (const error of this.querySelectorAll<HTMLElement>('[data-error-for]:not([hidden])')) error.closest('details')!.open = true;
      const first = this.querySelector<HTMLElement>('[data-error-for]:not([hidden])')?.closest<HTMLElement>('[data-field-box]');
      if (first) problemControl(first).focus();
      return;
    }
    summary.hidden = true;
    const { proposal } = this.problems(form);
    const yaml = metricYaml(proposal.data);
    const path = `${this.dataset.folder ?? 'metrics'}/${proposal.id}.yaml`;
    this.querySelector('[data-path]')!.textContent = path;
    this.querySelector('[data-yaml]')!.textContent = yaml;
    result.hidden = false;
    const repository = this.dataset.repository;
    const url = repository && newFileUrl(repository, this.dataset.branch ?? 'main', path, yaml);
    if (url) {
      const link = this.querySelector<HTMLAnchorElement>('[data-new-file-link]');
      if (link) link.href = url;
      window.open(url, '_blank', 'noopener');
    }
    // The reader is taken to the file: focus on its heading says where they are, not just the view.
    const heading = result.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: 'start' });
    }
  }
}

/**
 * The control to take a reader to in a field with a problem: its first invalid control they can
 * see. A choice list's options may all be hidden by what its filter holds, and a hidden option
 * cannot take focus, so then the filter (which names the problem too) takes it.
 */
function problemControl(box: HTMLElement): HTMLElement {
  const invalid = [...box.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
  return invalid.find((control) => !control.closest('[hidden]')) ?? box.querySelector<HTMLElement>('[data-filter]') ?? invalid[0] ?? box;
}

customElements.define('choice-picker', ChoicePicker);
customElements.define('propose-metric', ProposeMetric);

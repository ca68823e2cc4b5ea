/**
 * <cascade-diagram>: enhances the server-drawn cascade in place. Large trees start with deeper
 * levels collapsed (one level more on a phone); each box with goals under it gets a button to expand or collapse them, and
 * the tree is laid out again with the same code the build used. Zoom and pan come from d3-zoom
 * (Ctrl/⌘ + wheel, pinch, drag, or the buttons); the find box highlights the path from the
 * mission to a goal, or to every goal a metric supports (metrics are read from catalog.json the
 * first time the box is used).
 */
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { readGroupData } from '../../diagrams/cascade-data.ts';
import { boxAt, CASCADE_GRID } from '../../diagrams/kit.ts';
import { columnLink, placeInColumns, type Box, type TreeInput } from '../../diagrams/tree.ts';
import { plural } from '../../core/plural.ts';

const SVG = 'http://www.w3.org/2000/svg';

interface Item {
  key: string;
  group: SVGGElement;
  link: SVGAElement;
  /** The link from the parent, drawn in the parent's group before its box. */
  path?: SVGPathElement;
  title: string;
  rank: number;
  height: number;
  parent?: Item;
  children: Item[];
  collapsed: boolean;
  collapsedAtFirst: boolean;
  toggle?: SVGGElement;
}

interface Target {
  name: string;
  kind: 'goal' | 'metric';
  goals: Item[];
}

const lastSegment = (url: string) => url.split('/').filter(Boolean).pop() ?? '';
/** A box's title as drawn: its text lines without a class (caption and byline lines have one). */
const shownTitle = (link: SVGAElement) => [...link.querySelectorAll('text:not([class])')].map((t) => t.textContent?.trim()).join(' ');
const descendants = (item: Item): number => item.children.reduce((sum, child) => sum + 1 + descendants(child), 0);

class CascadeDiagram extends HTMLElement {
  private svg!: SVGSVGElement;
  private layer!: SVGGElement;
  private roots: Item[] = [];
  private items: Item[] = [];
  private byId = new Map<string, Item>();
  private behaviour!: ZoomBehavior<SVGSVGElement, unknown>;
  private targets: Target[] = [];
  private catalogLoad?: Promise<void>;
  private status!: HTMLElement;

  connectedCallback() {
    const svg = this.querySelector('svg');
    const layer = svg?.querySelector<SVGGElement>('g.z');
    if (!svg || !layer || this.items.length) return;
    this.svg = svg;
    this.layer = layer;
    this.status = this.querySelector('[data-say]')!;
    const titles = new Map([...this.querySelectorAll<HTMLAnchorElement>('[data-cascade-list] a')].map((a) => [a.getAttribute('href'), a.textContent ?? '']));
    const read = (group: SVGGElement, parent?: Item): Item => {
      const link = group.querySelector<SVGAElement>(':scope > a')!;
      const href = link.getAttribute('href') ?? '';
      const { rank, height, collapsedAtFirst } = readGroupData(group.dataset);
      const item: Item = {
        key: String(this.items.length),
        group,
        link,
        title: titles.get(href) ?? shownTitle(link),
        rank,
        height,
        parent,
        children: [],
        collapsed: collapsedAtFirst,
        collapsedAtFirst,
      };
      this.items.push(item);
      this.byId.set(lastSegment(href), item);
      item.children = [...group.querySelectorAll<SVGGElement>(':scope > g:not(.tg)')].map((child) => read(child, item));
      const paths = group.querySelectorAll<SVGPathElement>(':scope > path');
      item.children.forEach((child, i) => (child.path = paths[i]));
      return item;
    };
    this.roots = [...layer.querySelectorAll<SVGGElement>(':scope > g:not(.cols)')].map((group) => read(group));
    // On a phone a large tree starts one level shallower: the mission and its objectives.
    if ((this.svg.parentElement?.clientWidth ?? Infinity) < 600 && this.items.some((item) => item.collapsedAtFirst)) {
      for (const item of this.items) if (item.parent && item.children.length) item.collapsed = item.collapsedAtFirst = true;
    }
    this.targets = this.items.map((item) => ({ name: item.title, kind: 'goal', goals: [item] }));
    for (const item of this.items) if (item.children.length) this.addToggle(item);

    this.behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.3, 4])
      // The page keeps scrolling under a plain wheel or one finger; Ctrl/⌘ + wheel or a pinch zooms.
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type.startsWith('touch')) return (event as TouchEvent).touches.length > 1;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event) => this.layer.setAttribute('transform', event.transform.toString()));
    select(this.svg).call(this.behaviour);

    const tools = this.querySelector<HTMLElement>('[data-tools]')!;
    tools.hidden = false;
    tools.querySelectorAll<HTMLButtonElement>('[data-zoom]').forEach((button) =>
      button.addEventListener('click', () => this.behaviour.scaleBy(select(this.svg), Number(button.dataset.zoom))),
    );
    tools.querySelector('[data-expand-all]')!.addEventListener('click', () => {
      for (const item of this.items) item.collapsed = false;
      this.layout();
      this.say('Every level is expanded.');
    });
    tools.querySelector('[data-reset]')!.addEventListener('click', () => {
      for (const item of this.items) item.collapsed = item.collapsedAtFirst;
      this.clearHighlight();
      this.behaviour.transform(select(this.svg), zoomIdentity);
      this.layout();
      this.say('Back to the first view.');
    });
    const form = tools.querySelector<HTMLFormElement>('[data-find]')!;
    const input = form.querySelector('input')!;
    input.addEventListener('focus', () => void this.loadCatalog(), { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.loadCatalog().then(() => this.find(input.value));
    });
    input.addEventListener('input', () => {
      const query = input.value.trim().toLowerCase();
      if (!query) this.clearHighlight();
      else if (this.targets.some((t) => t.name.toLowerCase() === query)) this.find(input.value);
    });
    this.fillOptions();
    this.layout();
  }

  private say(message: string) {
    this.status.textContent = message;
  }

  private addToggle(item: Item) {
    const toggle = document.createElementNS(SVG, 'g');
    toggle.setAttribute('class', 'tg');
    toggle.setAttribute('role', 'button');
    toggle.setAttribute('tabindex', '0');
    toggle.innerHTML = '<circle r="9"></circle><text y="4"></text><text class="more" x="13" y="4"></text>';
    const flip = () => {
      item.collapsed = !item.collapsed;
      this.layout();
      this.say(`${item.collapsed ? 'Collapsed' : 'Expanded'}: ${item.title}.`);
    };
    toggle.addEventListener('click', flip);
    toggle.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        flip();
      }
    });
    item.link.after(toggle);
    item.toggle = toggle;
  }

  /** Places the visible boxes again, as the build would with only them in the tree. */
  private layout() {
    const input = (item: Item): TreeInput => ({ id: item.key, rank: item.rank, size: item.height, children: item.collapsed ? [] : item.children.map(input) });
    const first = Math.min(...this.roots.map((r) => r.rank));
    const root: TreeInput = this.roots.length === 1 ? input(this.roots[0]!) : { id: 'root', rank: first - 1, size: 0, children: this.roots.map(input) };
    const { boxes, width, height } = placeInColumns(root, CASCADE_GRID);
    const place = (item: Item, parentBox?: Box) => {
      const box = boxes.get(item.key)!;
      item.link.setAttribute('transform', boxAt(box.x, box.y));
      if (item.path && parentBox) item.path.setAttribute('d', columnLink(parentBox, box, CASCADE_GRID));
      if (item.toggle) {
        const hidden = descendants(item);
        item.toggle.setAttribute('transform', `translate(${box.x + box.width},${box.y + Math.round(box.height / 2)})`);
        item.toggle.setAttribute('aria-expanded', String(!item.collapsed));
        item.toggle.setAttribute('aria-label', `${item.collapsed ? 'Expand' : 'Collapse'} ${item.title}: ${plural(hidden, 'goal')} below`);
        item.toggle.children[1]!.textContent = item.collapsed ? '+' : '−';
        item.toggle.children[2]!.textContent = item.collapsed ? String(hidden) : '';
      }
      for (const child of item.children) {
        child.group.classList.toggle('off', item.collapsed);
        child.path?.classList.toggle('off', item.collapsed);
        if (!item.collapsed) place(child, box);
      }
    };
    this.roots.forEach((r) => place(r));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height + 2}`);
    this.svg.style.setProperty('--w', `${width}px`);
    this.svg.querySelectorAll<SVGTextElement>('.cols text').forEach((text) => text.classList.toggle('off', Number(text.getAttribute('x')) > width));
    this.behaviour.extent([[0, 0], [width, height]]).translateExtent([[-width / 2, -height / 2], [width * 1.5, height * 1.5]]);
  }

  /** Reads catalog.json once: every metric, and each goal's full title (boxes may cut it). */
  private loadCatalog(): Promise<void> {
    this.catalogLoad ??= (async () => {
      if (!this.dataset.catalog) return;
      const response = await fetch(this.dataset.catalog);
      const catalog = (await response.json()) as { goals: { id: string; title: string }[]; metrics: { name: string; supports?: string[] }[] };
      for (const goal of catalog.goals) {
        const item = this.byId.get(goal.id);
        if (item) item.title = goal.title;
      }
      this.targets = this.items.map((item) => ({ name: item.title, kind: 'goal', goals: [item] }));
      for (const metric of catalog.metrics) {
        const goals = (metric.supports ?? []).map((id) => this.byId.get(id)).filter((g) => g !== undefined);
        if (goals.length) this.targets.push({ name: metric.name, kind: 'metric', goals });
      }
      this.fillOptions();
    })().catch(() => {
      this.catalogLoad = undefined; // offline or blocked: goals can still be found by what the boxes show
    });
    return this.catalogLoad;
  }

  private fillOptions() {
    const list = this.querySelector('datalist');
    if (!list) return;
    list.replaceChildren(...[...new Set(this.targets.map((t) => t.name))].map((name) => Object.assign(document.createElement('option'), { value: name })));
  }

  private clearHighlight() {
    this.svg.classList.remove('dim');
    this.svg.querySelectorAll('.hl, .hit').forEach((element) => element.classList.remove('hl', 'hit'));
  }

  /** Highlights the best match for `query`: an exact name first, then the first that contains it. */
  find(query: string) {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return this.clearHighlight();
    const match = this.targets.find((t) => t.name.toLowerCase() === wanted) ?? this.targets.find((t) => t.name.toLowerCase().includes(wanted));
    if (!match) {
      this.say(`No goal or metric matches “${query.trim()}”.`);
      return;
    }
    this.clearHighlight();
    this.svg.classList.add('dim');
    const routes: string[] = [];
    for (const goal of match.goals) {
      const path: Item[] = [];
      for (let item: Item | undefined = goal; item; item = item.parent) path.unshift(item);
      for (const item of path) {
        item.link.classList.add('hl');
        item.path?.classList.add('hl');
        if (item !== goal) item.collapsed = false;
      }
      goal.link.classList.add('hit');
      routes.push(path.map((item) => item.title).join(' › '));
    }
    this.behaviour.transform(select(this.svg), zoomIdentity);
    this.layout();
    match.goals[0]!.link.scrollIntoView({ block: 'center', inline: 'center' });
    this.say(`${match.kind === 'goal' ? 'Goal' : 'Metric'} “${match.name}”: ${routes.join('; ')}.`);
  }
}

if (!customElements.get('cascade-diagram')) customElements.define('cascade-diagram', CascadeDiagram);

/**
 * Where a link or an image in an MDX narrative may point. A pull request writes these URLs, and
 * a browser reads them the way the URL standard says (it drops tabs and line breaks anywhere and
 * control characters at the ends, and treats `\` like `/`), so they are judged that way here.
 */
import { posix } from 'node:path';
import { escapeLine } from '../escape.ts';

/** Link schemes a narrative may use; everything else (`javascript:`, `data:`, `vbscript:`, `file:` …) is refused. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
/** Image schemes: an external image, or (without a scheme) a file of the catalog's assets folder. */
export const IMAGE_SCHEMES = ['http', 'https'] as const;

/** The folder, at the catalog root, whose files narratives may show as images. */
export const ASSETS_FOLDER = 'assets';
/** Image files the site copies and serves, with their media types. SVG is left out: opened on its own, it runs script. */
export const ASSET_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};
const ASSET_EXTENSIONS = Object.keys(ASSET_TYPES);
/** Names an asset path may use: no encodings, no query, no hidden files, so what is checked is what is served. */
const ASSET_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The URL as a browser would parse it: without tabs and line breaks, trimmed of controls and spaces. */
export function browserForm(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The scheme, lower-cased, or undefined for a relative URL (`other/`, `#part`, `/metrics/x/`). */
export function schemeOf(url: string): string | undefined {
  const match = /^([^:/?#]*):/.exec(browserForm(url));
  return match ? match[1]!.toLowerCase() : undefined;
}

export type UrlVerdict = { ok: true } | { ok: false; message: string; hint: string };

const refused = (message: string, hint: string): UrlVerdict => ({ ok: false, message, hint });

/** Whether a link (or a link reference definition) may be rendered as `<a href>`. */
export function judgeLink(url: string): UrlVerdict {
  const form = browserForm(url);
  const scheme = schemeOf(form);
  if (scheme !== undefined) {
    if ((LINK_SCHEMES as readonly string[]).includes(scheme)) return { ok: true };
    return refused(`links may be http, https or mailto, or relative links within the catalog; \`${printable(scheme)}:\` is not allowed`, 'link to an https:// page, a mailto: address, or another catalog page such as `../other-metric/`');
  }
  // Without a scheme, a browser reads `\\host` and `//host` as another site.
  if (form.includes('\\')) return refused('the relative link holds a backslash, which browsers read as `/`', 'write the link with forward slashes, or as a full https:// address');
  if (form.startsWith('//')) return refused('the link starts with `//`, so it leaves the catalog without saying how', 'write the full address, starting with https://');
  return { ok: true };
}

/**
 * Whether an image may be shown, and for a file, its path from the catalog root. `file` is the
 * entry's path from the catalog root: a relative image path is relative to the entry file, as
 * on the repository host's own preview.
 */
export function judgeImage(url: string, file: string): UrlVerdict & { asset?: string } {
  const form = browserForm(url);
  const hint = `show an https:// image, or put the image in the catalog's ${ASSETS_FOLDER}/ folder and write its path relative to this file`;
  const scheme = schemeOf(form);
  if (scheme !== undefined) {
    if ((IMAGE_SCHEMES as readonly string[]).includes(scheme)) return { ok: true };
    return refused(`images may be https:// addresses or files in ${ASSETS_FOLDER}/; \`${printable(scheme)}:\` is not allowed`, hint);
  }
  if (form !== url || /[?#\\%]/.test(form) || form.startsWith('/')) {
    return refused(`the image path \`${printable(url)}\` must be a plain relative path (no query, fragment, encoding, backslash or leading \`/\`)`, hint);
  }
  const resolved = posix.normalize(posix.join(posix.dirname(file), form));
  const segments = resolved.split('/');
  if (segments[0] !== ASSETS_FOLDER || segments.length < 2) {
    return refused(`the image \`${printable(url)}\` is not in the catalog's ${ASSETS_FOLDER}/ folder (it resolves to \`${printable(resolved)}\`)`, hint);
  }
  if (!segments.every((segment) => ASSET_SEGMENT.test(segment))) {
    return refused(`the image path \`${printable(resolved)}\` has a hidden or oddly named part`, 'name asset files and folders with letters, digits, `-`, `_` and `.` only, not starting with `.`');
  }
  if (!ASSET_EXTENSIONS.includes(posix.extname(resolved).toLowerCase())) {
    return refused(`\`${printable(resolved)}\` is not an image the site serves`, `use one of ${ASSET_EXTENSIONS.join(', ')} (SVG files can carry script and are not served)`);
  }
  return { ok: true, asset: resolved };
}

/** Text from a catalog file, escaped and cut short to quote in a message. */
function printable(text: string): string {
  const shown = escapeLine(text);
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}

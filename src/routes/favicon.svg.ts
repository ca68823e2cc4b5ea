/**
 * /favicon.svg: a plumb line (a bob on a string) in the site's accent colour, switching with the
 * reader's light or dark theme. Every page links it under the base path.
 */
import type { APIRoute } from 'astro';

export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<style>.mark{fill:#0b5cad;stroke:#0b5cad}@media (prefers-color-scheme:dark){.mark{fill:#6cb0f5;stroke:#6cb0f5}}</style>
<path class="mark" d="M6 4h20" stroke-width="3" stroke-linecap="round" fill="none"/>
<path class="mark" d="M16 4v13" stroke-width="2" fill="none"/>
<path class="mark" d="M16 29l-6.5-9.5a6.5 6.5 0 1 1 13 0z" stroke="none"/>
</svg>
`;

export const GET: APIRoute = () => new Response(FAVICON, { headers: { 'Content-Type': 'image/svg+xml' } });

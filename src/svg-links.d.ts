/**
 * Astro types `<a>` as the HTML anchor, but inside an inline SVG it is SVG's `<a>`, which the
 * diagrams place with a `transform` (one attribute instead of a wrapping group per box).
 */
declare namespace astroHTML.JSX {
  interface AnchorHTMLAttributes {
    transform?: string;
  }
}

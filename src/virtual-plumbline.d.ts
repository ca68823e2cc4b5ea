// The component slots' virtual modules (src/site/component-slots.ts), for this repository's own
// `astro check`; a catalog gets the same declarations from the integration.
declare module 'virtual:plumbline/components/SiteLogo' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}

declare module 'virtual:plumbline/components/Footer' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}

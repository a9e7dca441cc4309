/**
 * The game's Content-Security-Policy, in one place. The build writes it into index.html as a meta tag
 * (vite.config.ts); every server that serves the game sends it as a header (vite preview, and the
 * classroom server in src/server/static.ts). Scripts only from the game's own origin, no plugins,
 * no <base>, no framing; styles from its own files plus style attributes (the DOM layer positions with
 * them); images and sounds may be data: or blob: URLs (Phaser's built-in textures, Howler's unlock sound).
 */
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['style-src-attr', "'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['media-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const policy = (list: [string, string][]) => list.map(([d, v]) => `${d} ${v}`).join('; ');

/** The policy as an HTTP header. */
export const CSP_HEADER = policy(DIRECTIVES);

/** The policy for a <meta> tag: browsers ignore frame-ancestors there (and warn), so it is left to the header. */
export const CSP_META = policy(DIRECTIVES.filter(([d]) => d !== 'frame-ancestors'));

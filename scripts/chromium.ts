/** Debian's Chromium and the flags from TOOLCHAIN.md, shared by the browser tests and bench:client. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * No WebGL: Phaser falls back to its canvas renderer. With no GPU on the machine, WebGL is drawn by SwiftShader
 * in software, which took about three quarters of a browser test's CPU; the canvas renderer costs about a third less.
 */
export const NO_WEBGL = ['--disable-3d-apis'];

/** The levels in levels/, validated and compiled to plain data at build time (scripts/vite-levels.ts). */
declare module 'virtual:levels' {
  const entries: { file: string; level: import('../levels/schema').Level }[];
  export default entries;
}

/** The levels in levels/, validated and compiled to plain data at build time (scripts/vite-levels.ts). */
declare module 'virtual:levels' {
  const entries: { file: string; level: import('../levels/schema').Level }[];
  export default entries;
}

/** The first campaign level's map and seats, all the title draws (null without a campaign). */
declare module 'virtual:levels/title' {
  const art: import('./levels').TitleArt | null;
  export default art;
}

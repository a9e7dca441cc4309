/** A language code as BCP 47 writes it: `en`, `fr`, `es`, `de`, `fr-CA`, `zh-Hant`. Apart from the schema, so the game's first load reads it without Zod. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

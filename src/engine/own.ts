/**
 * A record's own entry for an id, never an inherited one: a level may name an actor or an issue
 * `constructor`, and a move may name anything, so plain objects are read through here.
 */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A seeded pseudo-random generator (mulberry32). The state is a plain number kept in the machine's
 * context, so (level, seed, event log) reproduces every draw.
 */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Turn any integer seed into a well-mixed starting state. */
export function seedState(seed: number): number {
  return Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) | 0;
}

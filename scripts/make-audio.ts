/**
 * Makes the game's sounds from scratch: short cues and a quiet music bed, written as 16-bit mono WAV
 * into assets/audio. Additive sine synthesis with simple envelopes; no outside tool or sample.
 * Usage: npx tsx scripts/make-audio.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { argsOrExit } from './args';

argsOrExit('npx tsx scripts/make-audio.ts', 'Makes the game\'s sound cues and music bed into assets/audio.', {});

const RATE = 22050;

interface Note {
  freq: number;
  start: number;
  length: number;
  gain: number;
  /** Overtone weights (1 = fundamental). */
  partials?: number[];
}

function render(seconds: number, notes: Note[], attack = 0.01, loop = false): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (const n of notes) {
    const partials = n.partials ?? [1, 0.3, 0.1];
    const first = Math.round(n.start * RATE);
    const count = Math.round(n.length * RATE);
    for (let i = 0; i < count; i++) {
      const t = i / RATE;
      const env = Math.min(1, t / attack) * Math.exp((-3 * t) / n.length) * Math.min(1, (count - i) / (0.02 * RATE));
      let v = 0;
      partials.forEach((w, k) => {
        v += w * Math.sin(2 * Math.PI * n.freq * (k + 1) * t);
      });
      const index = loop ? (first + i) % out.length : first + i;
      if (index < out.length) out[index] += v * env * n.gain;
    }
  }
  return out;
}

function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const scale = peak > 0.95 ? 0.95 / peak : 1;
  samples.forEach((s, i) => {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s * scale)) * 32767), i * 2);
  });
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const hz = (semitonesFromA4: number) => 440 * 2 ** (semitonesFromA4 / 12);

const sounds: Record<string, Float32Array> = {
  // A soft tick when a card or move is selected.
  select: render(0.12, [{ freq: hz(7), start: 0, length: 0.1, gain: 0.35, partials: [1, 0.15] }], 0.003),
  // Two rising notes: a proposal is on the table.
  tabled: render(0.45, [
    { freq: hz(3), start: 0, length: 0.2, gain: 0.4 },
    { freq: hz(10), start: 0.15, length: 0.28, gain: 0.4 },
  ]),
  // A major arpeggio: agreement.
  agreement: render(1.1, [
    { freq: hz(3), start: 0, length: 0.6, gain: 0.35 },
    { freq: hz(7), start: 0.12, length: 0.6, gain: 0.35 },
    { freq: hz(10), start: 0.24, length: 0.7, gain: 0.35 },
    { freq: hz(15), start: 0.36, length: 0.7, gain: 0.3 },
  ]),
  // Two falling low notes: rejection.
  rejection: render(0.6, [
    { freq: hz(-5), start: 0, length: 0.25, gain: 0.45, partials: [1, 0.5, 0.2] },
    { freq: hz(-11), start: 0.2, length: 0.35, gain: 0.45, partials: [1, 0.5, 0.2] },
  ]),
  // A short three-note news sting.
  news: render(0.7, [
    { freq: hz(5), start: 0, length: 0.12, gain: 0.35, partials: [1, 0.4, 0.25] },
    { freq: hz(5), start: 0.13, length: 0.12, gain: 0.35, partials: [1, 0.4, 0.25] },
    { freq: hz(12), start: 0.26, length: 0.4, gain: 0.35, partials: [1, 0.4, 0.25] },
  ]),
  // A quiet, slow pad in four chords that loops seamlessly.
  music: render(
    12,
    [
      [-9, -5, -2, 3],
      [-14, -5, -2, 2],
      [-12, -7, -3, 0],
      [-10, -5, -2, 2],
    ].flatMap((chord, c) => chord.map((s) => ({ freq: hz(s - 12), start: c * 3, length: 4.2, gain: 0.12, partials: [1, 0.25, 0.08] }))),
    1.2,
    true,
  ),
};

mkdirSync('assets/audio', { recursive: true });
for (const [name, samples] of Object.entries(sounds)) {
  writeFileSync(`assets/audio/${name}.wav`, wav(samples));
  console.log(`assets/audio/${name}.wav ${(samples.length / RATE).toFixed(2)} s`);
}

/**
 * Makes the game's sounds from scratch: short cues and a music score in three stems of the same length
 * (a bed that always plays, a pulse and a tension layer the game fades in as a round grows tense), by
 * additive sine synthesis with simple envelopes; no sample from elsewhere. Each sound is rendered to a
 * temporary WAV and encoded with ffmpeg into assets/audio as Opus in WebM (small; every current browser
 * but old Safari) and MP3 (the fallback). The WAVs are not kept: this script makes them again.
 * Usage: npx tsx scripts/make-audio.ts   (needs ffmpeg with libopus and libmp3lame)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argsOrExit } from './args';

argsOrExit(
  'npx tsx scripts/make-audio.ts',
  "Makes the game's sound cues and music stems and encodes them into assets/audio (needs ffmpeg).",
  {},
);

const RATE = 24000;
const OUT = 'assets/audio';

interface Note {
  freq: number;
  start: number;
  length: number;
  gain: number;
  /** Overtone weights (1 = fundamental). */
  partials?: number[];
  /** Attack in seconds. */
  attack?: number;
  /** How fast the note dies away (higher is shorter). */
  decay?: number;
}

/** Sum the notes into a buffer; with `loop`, a note running past the end wraps to the start, so the sound loops seamlessly. */
function render(seconds: number, notes: Note[], loop = false): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (const n of notes) {
    const partials = n.partials ?? [1, 0.3, 0.1];
    const attack = n.attack ?? 0.01;
    const decay = n.decay ?? 3;
    const first = Math.round(n.start * RATE);
    const count = Math.round(n.length * RATE);
    for (let i = 0; i < count; i++) {
      const t = i / RATE;
      const env = Math.min(1, t / attack) * Math.exp((-decay * t) / n.length) * Math.min(1, (count - i) / (0.05 * RATE));
      let v = 0;
      for (let k = 0; k < partials.length; k++) v += partials[k] * Math.sin(2 * Math.PI * n.freq * (k + 1) * t);
      const index = loop ? (first + i) % out.length : first + i;
      if (index < out.length) out[index] += v * env * n.gain;
    }
  }
  return out;
}

function wav(samples: Float32Array, peakTo = 0.9): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const scale = peak > 0 ? peakTo / peak : 1;
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

// The score: 64 bars of 4/4 at 75 beats a minute would be long; 16 bars (51.2 s) with eight chords, each
// voiced twice differently, keeps it from sounding like a short loop.
const BEAT = 0.8;
const BAR = 4 * BEAT;
const CHORDS = [
  [-9, -5, -2, 3], // F#m7-ish colour over A minor
  [-14, -5, -2, 2],
  [-12, -7, -3, 0],
  [-10, -5, -2, 2],
  [-9, -4, 0, 3],
  [-16, -9, -4, 0],
  [-14, -7, -2, 1],
  [-11, -7, -4, 1],
];
const BARS = 16;
const LENGTH = BARS * BAR;
const chordAt = (bar: number) => CHORDS[bar % CHORDS.length];
const second = (bar: number) => bar >= CHORDS.length;

/** The bed: slow pads, a second pass voiced an octave apart, and a sparse melody in the second half. */
function bed(): Float32Array {
  const notes: Note[] = [];
  for (let bar = 0; bar < BARS; bar++) {
    chordAt(bar).forEach((s, i) => {
      const lift = second(bar) && i === 3 ? 12 : 0;
      notes.push({ freq: hz(s - 12 + lift), start: bar * BAR, length: BAR * 1.4, gain: 0.12, partials: [1, 0.25, 0.08], attack: 1.2 });
    });
    notes.push({ freq: hz(chordAt(bar)[0] - 24), start: bar * BAR, length: BAR * 1.2, gain: 0.1, partials: [1, 0.4], attack: 0.6 });
  }
  const melody = [3, 2, 0, -2, 0, 2, 5, 3];
  melody.forEach((s, i) => {
    notes.push({ freq: hz(s), start: (8 + i) * BAR + BEAT, length: BEAT * 2.5, gain: 0.07, partials: [1, 0.2], attack: 0.15 });
  });
  return render(LENGTH, notes, true);
}

/** The pulse: a soft heartbeat on the chord's root, two beats a bar, faded in as the deadline nears. */
function pulse(): Float32Array {
  const notes: Note[] = [];
  for (let bar = 0; bar < BARS; bar++) {
    const root = chordAt(bar)[0] - 24;
    for (const beat of [0, 0.5, 2, 2.5]) {
      notes.push({
        freq: hz(root),
        start: bar * BAR + beat * BEAT,
        length: 0.35,
        gain: beat % 1 ? 0.18 : 0.3,
        partials: [1, 0.6, 0.2],
        attack: 0.005,
        decay: 5,
      });
    }
  }
  return render(LENGTH, notes, true);
}

/** Tension: a high, close-interval shimmer of eighth notes, for the last rounds and hard refusals. */
function tension(): Float32Array {
  const notes: Note[] = [];
  for (let bar = 0; bar < BARS; bar++) {
    const [, , a, b] = chordAt(bar);
    for (let eighth = 0; eighth < 8; eighth++) {
      const s = eighth % 2 ? b + 1 : a;
      notes.push({
        freq: hz(s + 12),
        start: bar * BAR + (eighth * BEAT) / 2,
        length: BEAT * 0.6,
        gain: 0.08,
        partials: [1, 0.1],
        attack: 0.03,
        decay: 4,
      });
    }
  }
  return render(LENGTH, notes, true);
}

const sounds: Record<string, () => Float32Array> = {
  // A soft tick when a card or move is selected.
  select: () => render(0.12, [{ freq: hz(7), start: 0, length: 0.1, gain: 0.35, partials: [1, 0.15], attack: 0.003 }]),
  // Two rising notes: a proposal is on the table.
  tabled: () =>
    render(0.45, [
      { freq: hz(3), start: 0, length: 0.2, gain: 0.4 },
      { freq: hz(10), start: 0.15, length: 0.28, gain: 0.4 },
    ]),
  // A major arpeggio: agreement.
  agreement: () =>
    render(1.1, [
      { freq: hz(3), start: 0, length: 0.6, gain: 0.35 },
      { freq: hz(7), start: 0.12, length: 0.6, gain: 0.35 },
      { freq: hz(10), start: 0.24, length: 0.7, gain: 0.35 },
      { freq: hz(15), start: 0.36, length: 0.7, gain: 0.3 },
    ]),
  // Two falling low notes: rejection.
  rejection: () =>
    render(0.6, [
      { freq: hz(-5), start: 0, length: 0.25, gain: 0.45, partials: [1, 0.5, 0.2] },
      { freq: hz(-11), start: 0.2, length: 0.35, gain: 0.45, partials: [1, 0.5, 0.2] },
    ]),
  // A short three-note news sting.
  news: () =>
    render(0.7, [
      { freq: hz(5), start: 0, length: 0.12, gain: 0.35, partials: [1, 0.4, 0.25] },
      { freq: hz(5), start: 0.13, length: 0.12, gain: 0.35, partials: [1, 0.4, 0.25] },
      { freq: hz(12), start: 0.26, length: 0.4, gain: 0.35, partials: [1, 0.4, 0.25] },
    ]),
  'music-bed': bed,
  'music-pulse': pulse,
  'music-tension': tension,
};

/** Opus in WebM at a low bitrate suits mono pads and blips; MP3 is the fallback for browsers without Opus. */
const FORMATS: Record<string, string[]> = {
  webm: ['-c:a', 'libopus', '-b:a', '16k', '-vbr', 'constrained', '-application', 'audio'],
  mp3: ['-c:a', 'libmp3lame', '-q:a', '7'],
};

const work = mkdtempSync(join(tmpdir(), 'borderlines-audio-'));
try {
  mkdirSync(OUT, { recursive: true });
  for (const [name, make] of Object.entries(sounds)) {
    const samples = make();
    const source = join(work, `${name}.wav`);
    writeFileSync(source, wav(samples));
    const sizes: string[] = [];
    for (const [ext, args] of Object.entries(FORMATS)) {
      const target = `${OUT}/${name}.${ext}`;
      const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', source, ...args, '-map_metadata', '-1', target], {
        stdio: 'inherit',
      });
      if (r.status !== 0) throw new Error(`ffmpeg could not encode ${target}`);
      sizes.push(`${ext} ${(statSync(target).size / 1024).toFixed(1)} kB`);
    }
    console.log(`${name.padEnd(14)} ${(samples.length / RATE).toFixed(2).padStart(6)} s  ${sizes.join('  ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

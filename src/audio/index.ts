/**
 * Sound: a music score in three stems and short cues, all made in-house by scripts/make-audio.ts, as
 * Opus (WebM) with MP3 for browsers without Opus. This module is its own chunk, loaded when the title
 * asks for the music; Howler fetches each file when it is first needed, never before the title.
 * The bed always plays; the pulse and tension stems join in time with it and their volume follows
 * `setTension`, which the game computes from what the engine reports (no rule lives here). Sound never
 * blocks play: a blocked autoplay, a missing file or a browser without audio is silently tolerated, and
 * every meaningful cue also has a visible counterpart in the game.
 */
import { Howl, Howler } from 'howler';
import agreementMp3 from '../../assets/audio/agreement.mp3?url';
import agreementWebm from '../../assets/audio/agreement.webm?url';
import bedMp3 from '../../assets/audio/music-bed.mp3?url';
import bedWebm from '../../assets/audio/music-bed.webm?url';
import newsMp3 from '../../assets/audio/news.mp3?url';
import newsWebm from '../../assets/audio/news.webm?url';
import pulseMp3 from '../../assets/audio/music-pulse.mp3?url';
import pulseWebm from '../../assets/audio/music-pulse.webm?url';
import rejectionMp3 from '../../assets/audio/rejection.mp3?url';
import rejectionWebm from '../../assets/audio/rejection.webm?url';
import selectMp3 from '../../assets/audio/select.mp3?url';
import selectWebm from '../../assets/audio/select.webm?url';
import tabledMp3 from '../../assets/audio/tabled.mp3?url';
import tabledWebm from '../../assets/audio/tabled.webm?url';
import tensionMp3 from '../../assets/audio/music-tension.mp3?url';
import tensionWebm from '../../assets/audio/music-tension.webm?url';

export type Cue = 'select' | 'tabled' | 'agreement' | 'rejection' | 'news';
type Stem = 'bed' | 'pulse' | 'tension';

/** Each sound in the order Howler tries them: Opus first, MP3 where Opus does not play. */
const SOURCES: Record<Cue | Stem, string[]> = {
  select: [selectWebm, selectMp3],
  tabled: [tabledWebm, tabledMp3],
  agreement: [agreementWebm, agreementMp3],
  rejection: [rejectionWebm, rejectionMp3],
  news: [newsWebm, newsMp3],
  bed: [bedWebm, bedMp3],
  pulse: [pulseWebm, pulseMp3],
  tension: [tensionWebm, tensionMp3],
};

const MUSIC_LEVEL = 0.25;
const FADE_MS = 2500;

/** How loud each stem is at a tension from 0 (calm) to 1 (the last round, refusals on the table). */
function stemLevels(tension: number): Record<Stem, number> {
  const ramp = (from: number, to: number) => Math.max(0, Math.min(1, (tension - from) / (to - from)));
  return { bed: MUSIC_LEVEL, pulse: MUSIC_LEVEL * ramp(0.15, 0.55), tension: MUSIC_LEVEL * 0.8 * ramp(0.5, 0.9) };
}

export class Audio {
  private sounds = new Map<Cue | Stem, Howl>();
  private tension = 0;
  private musicOn = false;
  /** The sounds asked for, most recent last (read by the end-to-end tests through the test hook). */
  readonly played: (Cue | 'music' | `tension:${number}`)[] = [];

  constructor(volume: number, muted: boolean) {
    this.setVolume(volume, muted);
  }

  private record(entry: Audio['played'][number]): void {
    this.played.push(entry);
    if (this.played.length > 50) this.played.shift();
  }

  private howl(name: Cue | Stem, volume = 1): Howl | null {
    const existing = this.sounds.get(name);
    if (existing) return existing;
    try {
      const music = name === 'bed' || name === 'pulse' || name === 'tension';
      const sound = new Howl({ src: SOURCES[name], loop: music, volume, onloaderror: () => undefined, onplayerror: () => undefined });
      this.sounds.set(name, sound);
      return sound;
    } catch {
      return null;
    }
  }

  play(cue: Cue): void {
    this.record(cue);
    try {
      this.howl(cue)?.play();
    } catch {
      // No audio device or a blocked context: the visible cue carries the meaning.
    }
  }

  /** Start the bed once; if the browser blocks autoplay, Howler starts it on the first gesture. */
  startMusic(): void {
    if (this.musicOn) return;
    this.musicOn = true;
    this.record('music');
    try {
      this.howl('bed', MUSIC_LEVEL)?.play();
    } catch {
      this.musicOn = false;
    }
  }

  /**
   * Follow the tension of the round (0 calm to 1 most tense). The pulse and tension stems are fetched
   * the first time they are needed, start where the bed is so they stay in time, and fade to their level.
   */
  setTension(tension: number): void {
    const t = Math.round(Math.max(0, Math.min(1, tension)) * 100) / 100;
    if (t === this.tension) return;
    this.tension = t;
    this.record(`tension:${t}`);
    const bed = this.sounds.get('bed');
    if (!this.musicOn || !bed) return;
    const levels = stemLevels(t);
    for (const stem of ['pulse', 'tension'] as const) {
      const existing = this.sounds.get(stem);
      if (!existing && levels[stem] === 0) continue;
      try {
        const sound = existing ?? this.joinBed(stem, bed);
        if (sound?.playing()) sound.fade(sound.volume(), levels[stem], FADE_MS);
      } catch {
        // A stem that cannot play leaves the bed alone.
      }
    }
  }

  /** A stem that starts silent, in time with the bed, and fades to the current level once it has loaded. */
  private joinBed(stem: 'pulse' | 'tension', bed: Howl): Howl | null {
    const sound = this.howl(stem, 0);
    sound?.once('load', () => {
      const at = bed.seek();
      sound.seek(typeof at === 'number' ? at : 0);
      sound.play();
      sound.fade(0, stemLevels(this.tension)[stem], FADE_MS);
    });
    return sound;
  }

  setVolume(volume: number, muted: boolean): void {
    try {
      Howler.volume(volume);
      Howler.mute(muted);
    } catch {
      // Ignored: settings still persist and apply when audio becomes available.
    }
  }
}

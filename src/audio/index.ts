/**
 * Sound: a quiet music bed and short cues, all made in-house by scripts/make-audio.ts. Sound never
 * blocks play: a blocked autoplay, a missing file or a browser without audio is silently tolerated,
 * and every meaningful cue also has a visible counterpart in the game.
 */
import { Howl, Howler } from 'howler';
import agreementUrl from '../../assets/audio/agreement.wav?url';
import musicUrl from '../../assets/audio/music.wav?url';
import newsUrl from '../../assets/audio/news.wav?url';
import rejectionUrl from '../../assets/audio/rejection.wav?url';
import selectUrl from '../../assets/audio/select.wav?url';
import tabledUrl from '../../assets/audio/tabled.wav?url';

export type Cue = 'select' | 'tabled' | 'agreement' | 'rejection' | 'news';

export const AUDIO_URLS: Record<Cue | 'music', string> = {
  select: selectUrl,
  tabled: tabledUrl,
  agreement: agreementUrl,
  rejection: rejectionUrl,
  news: newsUrl,
  music: musicUrl,
};

const MUSIC_LEVEL = 0.25;

export class Audio {
  private sounds = new Map<string, Howl>();
  private music: Howl | null = null;
  /** The cues asked for, most recent last (read by the end-to-end tests through the test hook). */
  readonly played: (Cue | 'music')[] = [];

  constructor(volume: number, muted: boolean) {
    this.setVolume(volume, muted);
  }

  private howl(name: Cue | 'music'): Howl | null {
    const existing = this.sounds.get(name);
    if (existing) return existing;
    try {
      const sound = new Howl({
        src: [AUDIO_URLS[name]],
        format: ['wav'],
        loop: name === 'music',
        volume: name === 'music' ? MUSIC_LEVEL : 1,
        preload: true,
        onloaderror: () => undefined,
        onplayerror: () => undefined,
      });
      this.sounds.set(name, sound);
      return sound;
    } catch {
      return null;
    }
  }

  play(cue: Cue): void {
    this.played.push(cue);
    if (this.played.length > 50) this.played.shift();
    try {
      this.howl(cue)?.play();
    } catch {
      // No audio device or a blocked context: the visible cue carries the meaning.
    }
  }

  /** Start the music bed once; if the browser blocks autoplay, Howler starts it on the first gesture. */
  startMusic(): void {
    if (this.music) return;
    this.played.push('music');
    this.music = this.howl('music');
    try {
      this.music?.play();
    } catch {
      this.music = null;
    }
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, shareLink } from '../../src/game/scenario/share';

const level = readFileSync('levels/01-smart-border-2001.yaml', 'utf8');

describe('share links: a scenario carried in the URL hash', () => {
  it('round-trips a whole level file, accents and all, with its file name', async () => {
    const link = await shareLink('https://example.org/game/?e2e&lang=fr#old', level, '01-smart-border-2001.yaml');
    const url = new URL(link);
    expect(url.search).toBe('');
    expect(url.pathname).toBe('/game/');
    expect(await decodeShare(url.hash)).toEqual({ ok: true, text: level, file: '01-smart-border-2001.yaml' });
    expect(level).toMatch(/é/);
  });

  it('is much shorter than the file it carries', async () => {
    const hash = await encodeShare(level, 'a.yaml');
    expect(hash.length).toBeLessThan(level.length / 2);
    expect(hash).toMatch(/^scenario=[A-Za-z0-9_-]+&file=a.yaml$/);
  });

  it('says a link is damaged when it was cut short or altered, never throws', async () => {
    const hash = await encodeShare(level, 'a.yaml');
    const value = new URLSearchParams(hash).get('scenario') ?? '';
    expect(await decodeShare(`#scenario=${value.slice(0, value.length / 2)}`)).toEqual({ ok: false, reason: 'damaged' });
    expect(await decodeShare('#scenario=not*base64')).toEqual({ ok: false, reason: 'damaged' });
    expect(await decodeShare('#scenario=')).toEqual({ ok: false, reason: 'damaged' });
    expect(await decodeShare('#other=1')).toEqual({ ok: false, reason: 'not_a_share' });
    expect(await decodeShare(`#scenario=${'A'.repeat(MAX_SHARE_CHARS + 1)}`)).toEqual({ ok: false, reason: 'too_long' });
  });

  it('keeps a file name to plain characters, with a default', async () => {
    const hash = await encodeShare('format: 1', '../<b>evil</b>.yaml');
    const shared = await decodeShare(hash);
    expect(shared).toEqual({ ok: true, text: 'format: 1', file: '..bevilb.yaml' });
    const bare = new URLSearchParams(hash).get('scenario');
    expect(await decodeShare(`scenario=${bare}`)).toMatchObject({ ok: true, file: 'shared-scenario.yaml' });
  });
});

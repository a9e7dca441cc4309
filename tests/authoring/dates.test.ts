import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLevelText } from '../../src/authoring/check';
import { earliestDay, earliestRound, roundEnd } from '../../src/authoring/dates';

const file = 'levels/01-smart-border-2001.yaml';
const original = readFileSync(file, 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const warningsFor = (text: string) => {
  const r = checkLevelText(text, file);
  expect(r.errors).toEqual([]);
  return r.warnings;
};

describe('sources used before what they describe', () => {
  it('splits the level into rounds of equal length', () => {
    const level = { date: { from: '2001-09-13', to: '2001-12-12' }, rounds: 6 };
    expect(roundEnd(level, 1)).toBe('2001-09-28');
    expect(roundEnd(level, 6)).toBe('2001-12-12');
    expect(earliestDay('2009')).toBe('2009-01-01');
    expect(earliestDay('2001-10')).toBe('2001-10-01');
  });

  it('reads the first round a condition allows', () => {
    expect(earliestRound(undefined)).toBe(1);
    expect(earliestRound({ round: 4 })).toBe(4);
    expect(earliestRound({ round: { at_least: 3 }, trust: { below: 50 } })).toBe(3);
    expect(earliestRound({ round: { above: 4 } })).toBe(5);
    expect(earliestRound({ all: [{ round: { at_least: 2 } }, { round: { at_least: 5 } }] })).toBe(5);
    expect(earliestRound({ any: [{ round: 6 }, { round: { at_least: 3 } }] })).toBe(3);
  });

  it('passes the campaign level as written', () => {
    expect(warningsFor(original).filter((w) => /describes|later than the level/.test(w.message))).toEqual([]);
  });

  it('warns when a move can be made in a round before the fact it cites', () => {
    // Canada's frigates sailed in late 2001 (003): the move may come from round 2, not round 1.
    const early = original.replace('limit: 1, requires: { round: { at_least: 2 } }, source: navy,', 'limit: 1, source: navy,');
    const w = warningsFor(early).find((x) => x.path === 'moves.ottawa[7]');
    expect(w?.message).toBe('move "naval_deployment" can be used in round 1 (to 2001-09-28) but cites "navy", which describes 2001-10');
    expect(w?.line).toBe(lineOf(early, '    - { kind: contribute, id: naval_deployment'));
  });

  it('warns when an option cites a source dated after the level', () => {
    const late = original.replace(/(\{ id: smart, .*describes: ")2001-10(" \})/, '$12011$2');
    const w = warningsFor(late).find((x) => x.path.startsWith('issues.border_regime.options'));
    expect(w?.message).toMatch(
      /^option "smart_border" can be used during the level \(to 2001-12-12\) but cites "smart", which describes 2011$/,
    );
  });

  it("warns when a negotiator's office rests on a source dated after the level", () => {
    // The Minister of Public Safety Toews (2010) at a 2001 table.
    const late = original.replace(
      '  - { id: backups,',
      '  - { id: toews, file: 001_a08c44594895df18.txt, quote: "As Public Safety Minister Toews recently noted", describes: "2010" }\n  - { id: backups,',
    );
    const text = late.replace('      source: office_dhs_director\n      look: bald', '      source: toews\n      look: bald');
    const w = warningsFor(text).filter((x) => x.path === 'actors.ottawa.negotiator.source');
    expect(w.map((x) => x.message)).toEqual([
      'the office of ottawa\'s negotiator can be used during the level (to 2001-12-12) but cites "toews", which describes 2010',
    ]);
  });

  it('warns when a figure in the briefing comes only from a later source', () => {
    // The 2011 figure of $1.8 billion a day in a 2001 briefing, where Kitchen's "almost 2 billion" belongs.
    const late = original.replace(
      '  - { id: backups,',
      '  - { id: later_trade, file: 001_a08c44594895df18.txt, quote: "valued at $1.8 billion", describes: "2011" }\n  - { id: backups,',
    );
    const text = late.replace('situation:\n  en: >\n', 'situation:\n  en: >\n    Trade is worth $1.8 billion a day.\n');
    const w = warningsFor(text).filter((x) => x.path === 'situation');
    expect(w.map((x) => x.message)).toEqual(['the figure "1.8" comes from "later_trade" (2011), later than the level (to 2001-12-12)']);
  });

  it('asks for the author, title and year of every seed file a source quotes', () => {
    const text = original.replace(/^ {2}- \{ file: 000_990f7826d99f4379\.txt,.*\n/m, '');
    const w = warningsFor(text).filter((x) => x.message.startsWith('no entry under works'));
    expect(w.length).toBeGreaterThan(0);
    expect(w[0].message).toBe('no entry under works names the author, title and year of 000_990f7826d99f4379.txt');
  });
});

import { describe, expect, it } from 'vitest';
import { message, nameForms, t, text } from '../../src/i18n';
import { formatDate, formatDateRange, formatFigures, formatMoney, formatNumber, formatPercent, formatSigned } from '../../src/i18n/format';
import { frenchForms, frenchSpacing } from '../../src/i18n/grammar';
import { badFigures } from '../../src/levels/figures';
import { loadLevel } from '../../src/levels/load';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('numbers, money and dates through Intl', () => {
  it("writes numbers with each language's separators", () => {
    expect(formatNumber(1234567.5, 'fr')).toBe(`1${NBSP}234${NBSP}567,5`);
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatSigned(-2.5, 'fr')).toBe('−2,5');
    expect(formatSigned(3, 'en')).toBe('+3');
    expect(formatSigned(0, 'en')).toBe('0');
    expect(formatPercent(40, 'fr')).toBe(`40${NBSP}%`);
    expect(formatPercent(2.5, 'en')).toBe('2.5%');
  });

  it('writes large sums in words, with the currency where each language puts it', () => {
    expect(formatMoney(1.8e9, 'fr')).toBe(`1,8${NBSP}milliard${NBSP}$`);
    expect(formatMoney(1.8e9, 'en')).toBe(`$1.8${NBSP}billion`);
    expect(formatMoney(17.5e6, 'fr')).toBe(`17,5${NBSP}millions${NBSP}$`);
    expect(formatMoney(4e9, 'fr', 'USD')).toBe(`4${NBSP}milliards${NBSP}$${NBSP}US`);
    expect(formatMoney(101e6, 'en', 'USD')).toBe(`US$101${NBSP}million`);
    expect(formatMoney(5000, 'fr')).toBe(`5${NBSP}000${NBSP}$`);
  });

  it('writes dates day first, the first of the month as an ordinal in French, never broken across lines', () => {
    expect(formatDate('2001-12-12', 'fr')).toBe(`12${NBSP}décembre${NBSP}2001`);
    expect(formatDate('2001-12-12', 'en')).toBe(`12${NBSP}December${NBSP}2001`);
    expect(formatDate('2004-05-01', 'fr')).toBe(`1er${NBSP}mai${NBSP}2004`);
    expect(formatDateRange('2001-09-13', '2001-12-12', 'fr')).toMatch(/^13\sseptembre\s–\s12\sdécembre\s2001$/);
    expect(formatDateRange('2001-09-13', '2002-01-12', 'en')).toMatch(/^13\sSeptember\s2001\s–\s12\sJanuary\s2002$/);
  });

  it('formats the figures a level writes in its text, and names the ones it cannot', () => {
    const fr = formatFigures('Environ {money:1.8e9} par jour, signé le {date:2001-12-12}; {percent:40} et {number:4800} agents', 'fr');
    expect(fr).toBe(`Environ 1,8${NBSP}milliard${NBSP}$ par jour, signé le 12${NBSP}décembre${NBSP}2001; 40${NBSP}% et 4${NBSP}800 agents`);
    expect(formatFigures('About {money:1.8e9 USD} a day', 'en')).toBe(`About US$1.8${NBSP}billion a day`);
    expect(badFigures('{date:2001-13-45} {money:lots} {money:5 dollars} {percent:4 0} {dat:2001-01-01} {number:12}')).toEqual([
      '{date:2001-13-45}',
      '{money:lots}',
      '{money:5 dollars}',
      '{percent:4 0}',
      '{dat:2001-01-01}',
    ]);
  });

  it('refuses a level whose text holds a figure it cannot format, naming the field and the fix', () => {
    const r = loadLevel('format: 1\nid: x\ntitle: { en: "Signed {date:2001-31-12}" }\n', 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === 'title.en');
    expect(e?.line).toBe(3);
    expect(e?.message).toMatch(/cannot format \{date:2001-31-12\}: write \{date:YYYY-MM-DD\}/);
  });
});

describe('French names: elision and contraction from what the level supplies', () => {
  it('elides before a vowel and contracts the article a level gives', () => {
    expect(frenchForms('Ottawa')).toEqual({ name: 'Ottawa', the: 'Ottawa', de: "d'Ottawa", a: 'à Ottawa' });
    expect(frenchForms('Washington')).toMatchObject({ de: 'de Washington', a: 'à Washington' });
    expect(frenchForms('Québec', { fr_article: 'le' })).toEqual({ name: 'Québec', the: 'le Québec', de: 'du Québec', a: 'au Québec' });
    expect(frenchForms('Canada', { fr_article: 'le' })).toMatchObject({ de: 'du Canada', a: 'au Canada' });
    expect(frenchForms('États-Unis', { fr_article: 'les' })).toMatchObject({
      the: 'les États-Unis',
      de: 'des États-Unis',
      a: 'aux États-Unis',
    });
    expect(frenchForms('Chambre des communes', { fr_article: 'la' })).toMatchObject({
      de: 'de la Chambre des communes',
      a: 'à la Chambre des communes',
    });
    expect(frenchForms('Ontario', { fr_article: 'le' })).toMatchObject({ the: "l'Ontario", de: "de l'Ontario", a: "à l'Ontario" });
    expect(frenchForms('Hamilton', { fr_de: "d'Hamilton" })).toMatchObject({ de: "d'Hamilton", a: 'à Hamilton' });
  });

  it('gives engine messages the forms a sentence needs, capitalised at its start', () => {
    const quebec = { en: 'Quebec', fr: 'Québec', fr_article: 'le' as const };
    const ottawa = { en: 'Ottawa', fr: 'Ottawa' };
    expect(message({ key: 'log.accept', params: { actor: quebec, to: ottawa } }, 'fr')).toBe("Le Québec accepte la proposition d'Ottawa.");
    expect(message({ key: 'log.accept', params: { actor: ottawa, to: quebec } }, 'fr')).toBe('Ottawa accepte la proposition du Québec.');
    expect(message({ key: 'log.accept', params: { actor: ottawa, to: quebec } }, 'en')).toBe("Ottawa accepts Quebec's proposal.");
    expect(nameForms(quebec, 'en')).toEqual({ name: 'Quebec', the: 'Quebec', de: 'Quebec', a: 'Quebec' });
  });
});

describe('plurals through i18next, never "(s)"', () => {
  it('chooses the form by count in each language, and formats the count', () => {
    expect(message({ key: 'reason.limit', params: { count: 1 } }, 'en')).toBe('This move can be made only once in this level.');
    expect(message({ key: 'reason.limit', params: { count: 3 } }, 'en')).toBe('This move can be made only 3 times in this level.');
    expect(message({ key: 'reason.limit', params: { count: 1 } }, 'fr')).toBe("Ce coup ne peut être joué qu'une fois dans ce niveau.");
    expect(t('ui.border.trucks', 'fr', { count: 1 })).toBe('1 camion');
    expect(
      t('ui.border.queue', 'fr', {
        count: 1,
        trucks: t('ui.border.trucks', 'fr', { count: 1 }),
        cars: t('ui.border.cars', 'fr', { count: 0 }),
      }),
    ).toBe(`1 véhicule en file${NBSP}: 1 camion, 0 voiture`);
    expect(t('ui.border.queue', 'fr', { count: 2000, trucks: '', cars: '' })).toMatch(new RegExp(`^2${NBSP}000 véhicules en file`));
    expect(t('ui.border.cars', 'fr', { count: 1_000_000 })).toBe(`1${NBSP}000${NBSP}000 voitures`);
  });
});

describe('French spacing', () => {
  it('keeps punctuation and guillemets on the line of the word before them', () => {
    expect(frenchSpacing('Échéance : 12 décembre ; « le niveau un » ! Vrai ?')).toBe(
      `Échéance${NBSP}: 12 décembre${NNBSP}; «${NBSP}le niveau un${NBSP}»${NNBSP}! Vrai${NNBSP}?`,
    );
    expect(frenchSpacing('http://x.ca 15:30')).toBe('http://x.ca 15:30');
    expect(text({ en: 'Deadline: now', fr: 'Échéance : {date:2001-12-12}' }, 'fr')).toBe(`Échéance${NBSP}: 12${NBSP}décembre${NBSP}2001`);
    expect(text({ en: 'Deadline: now' }, 'fr')).toBe('[EN] Deadline: now');
  });
});

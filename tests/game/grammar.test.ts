/** Every player-facing string in both languages: real plurals, never "(s)". */
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import fr from '../../src/i18n/fr.json';
import { message } from '../../src/i18n';

function strings(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('grammar in both languages', () => {
  it('has no "(s)" or "(e)s" plural shortcuts', () => {
    for (const [path, text] of [...strings(en), ...strings(fr)]) expect(text, path).not.toMatch(/\((s|e|es|x)\)/);
  });
  it('counts with i18next plurals', () => {
    expect(message({ key: 'reason.limit', params: { count: 1 } }, 'en')).toBe('This move can be made only once in this level.');
    expect(message({ key: 'reason.limit', params: { count: 2 } }, 'en')).toBe('This move can be made only 2 times in this level.');
    expect(message({ key: 'reason.limit', params: { count: 1 } }, 'fr')).toBe("Ce coup ne peut être joué qu'une fois dans ce niveau.");
  });
  it('quotes the options an objective names, so a label’s capital never lands mid-sentence', () => {
    const options = { en: 'A common security perimeter', fr: 'Un périmètre commun' };
    expect(message({ key: 'ui.objective.avoid', params: { options: options.en } }, 'en')).toBe(
      'The deal avoids “A common security perimeter”',
    );
    expect(message({ key: 'ui.objective.prefer', params: { options: options.fr } }, 'fr')).toBe(
      "L'accord comprend «\u00a0Un périmètre commun\u00a0»",
    );
  });
  it('never makes a level name agree with a verb (an ally or a home level may be plural)', () => {
    const ally = { en: 'Auto makers' };
    const body = { en: 'Parliament and the Canadian public', fr: 'le Parlement et le public canadien' };
    expect(
      message(
        { key: 'log.build_coalition', params: { actor: { en: 'Ottawa' }, ally, issue: { en: 'Trade' }, to: { en: 'Washington' } } },
        'en',
      ),
    ).toBe('Ottawa brings Auto makers into a coalition on Trade to lobby Washington.');
    expect(message({ key: 'log.ratified', params: { body } }, 'en')).toBe(
      'The package is ratified at home by Parliament and the Canadian public.',
    );
    // One word for a package in French, with its agreement, and a side's own article ("l'offre du Québec").
    const quebec = { en: 'Quebec', fr: 'Québec', fr_article: 'le' };
    expect(message({ key: 'ui.table.crossed_theirs', params: { actor: quebec } }, 'fr')).toBe("L'offre du Québec");
    expect(message({ key: 'ui.table.instead', params: { actor: quebec, agreed: 'votre propre offre' } }, 'fr')).toBe(
      "Vous avez accepté l'offre du Québec, mais la vôtre a été acceptée au même tour\u00a0: c'est votre propre offre qui est conclue.",
    );
    expect(message({ key: 'log.not_ratified', params: { body } }, 'fr')).toBe(
      "L'offre est refusée par le Parlement et le public canadien.",
    );
  });
});

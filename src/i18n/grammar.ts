/**
 * French grammar for names a level supplies: the article a name takes in a sentence, elision ("d'Ottawa")
 * and contraction ("du Québec", "aux États-Unis"), and French spacing around punctuation. Nothing here
 * knows a place: the level says which article a name takes, and an exception can be written out in full.
 */

/** A name's French forms, as a level may give them beside its `fr` text. */
export interface FrenchForms {
  /** The article the name takes in a sentence: le, la, l', les (none for most places and people). */
  fr_article?: 'le' | 'la' | "l'" | 'les';
  /** The name after "de", written out when the rule gets it wrong. */
  fr_de?: string;
  /** The name after "à", written out when the rule gets it wrong. */
  fr_a?: string;
}

/** How a name reads alone, in a sentence, after "de" and after "à". */
export interface NameForms {
  name: string;
  the: string;
  de: string;
  a: string;
}

/** A vowel (or mute h is not guessed: write fr_de for "d'Hamilton") starts an elided word. */
const VOWEL = /^[aeiouàâäéèêëîïôöùûüœæ]/i;

const CONTRACT: Record<string, { de: string; a: string }> = {
  le: { de: 'du', a: 'au' },
  les: { de: 'des', a: 'aux' },
  la: { de: 'de la', a: 'à la' },
  "l'": { de: "de l'", a: "à l'" },
};

/** The forms of a French name: "Ottawa" → d'Ottawa, à Ottawa; "Québec" with "le" → le Québec, du Québec, au Québec. */
export function frenchForms(name: string, forms: FrenchForms = {}): NameForms {
  const article = forms.fr_article === 'le' || forms.fr_article === 'la' ? (VOWEL.test(name) ? "l'" : forms.fr_article) : forms.fr_article;
  const glue = (word: string) => (word.endsWith("'") ? `${word}${name}` : `${word} ${name}`);
  const the = article ? glue(article) : name;
  const de = forms.fr_de ?? (article ? glue(CONTRACT[article].de) : VOWEL.test(name) ? `d'${name}` : `de ${name}`);
  const a = forms.fr_a ?? (article ? glue(CONTRACT[article].a) : `à ${name}`);
  return { name, the, de, a };
}

/**
 * French spacing: a no-break space before ":" and "»" and after "«", a narrow no-break space before
 * ";", "!" and "?", so the mark never starts a line. Translators type ordinary spaces.
 */
export function frenchSpacing(s: string): string {
  return s
    .replace(/ +([:»%])/g, '\u00a0$1')
    .replace(/« +/g, '«\u00a0')
    .replace(/ +([;!?])/g, '\u202f$1');
}

/** The first letter in capitals, for a sentence that opens with a name's article ("le Québec accepte…"). */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** How hard the AI bargains: a setting the title screen reads without loading the AI itself. */
export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

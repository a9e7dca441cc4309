/**
 * The classroom client, loaded only when a page is opened to join (?join=CODE) or to run a session
 * (?classroom, or ?class=CODE&key=SECRET from the instructor's link). Solo play never loads it.
 */
import type * as Phaser from 'phaser';
import './classroom.css';
import { runInstructor } from './instructor';
import { runStudent } from './student';

export function runClassroom(game: Phaser.Game, params: URLSearchParams): Promise<void> {
  const code = (params.get('join') ?? params.get('class'))?.toUpperCase().replace(/[^A-Z0-9]/g, '') || null;
  if (params.has('join')) return runStudent(game, code);
  // The instructor's screens are all DOM: the game under them need not draw (a projector laptop thanks us).
  game.events.once('ready', () => game.pause());
  if (game.isBooted) game.pause();
  return runInstructor(code, params.get('key'));
}

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
  return runInstructor(code, params.get('key'));
}

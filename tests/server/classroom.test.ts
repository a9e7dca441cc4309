/** The classroom's rules without the network: a log cut short by a kill is completed by the AI on restore. */
import { describe, expect, it } from 'vitest';
import { type ClassEvent, Classroom, type ClassSettings } from '../../src/server/classroom';
import { sample } from '../helpers';

const settings: ClassSettings = {
  level: 'smart_border_2001',
  controls: { washington: 'human', ottawa: 'human', quebec: 'ai' },
  tables: 1,
  teamSize: 1,
  difficulty: 'normal',
  pick: true,
  seed: 5,
};

describe('restoring a classroom from its log', () => {
  it('lets the AI play at once the turns it owed when a kill fell between a stored move and the AI moves it called for', () => {
    const log: ClassEvent[] = [];
    const live = new Classroom(sample(), settings, (e) => log.push(structuredClone(e)));
    for (const [student, role] of [
      ['s1', 'washington'],
      ['s2', 'ottawa'],
    ]) {
      expect(live.apply({ type: 'join', student, token: `t-${student}`, name: student }).ok).toBe(true);
      live.setPresence(student, true);
      expect(live.apply({ type: 'seat', student, table: 0, role }).ok).toBe(true);
    }
    expect(live.apply({ type: 'start' }).ok).toBe(true);
    expect(live.propose('s1', { id: 'pass' }).ok).toBe(true);
    expect(live.propose('s2', { id: 'pass' }).ok).toBe(true);
    // Round 2 is open and the AI has already chosen Quebec's move for it: that is the log's last event.
    const last = log.at(-1);
    expect(last).toMatchObject({ type: 'move', role: 'quebec', by: 'ai' });
    expect(live.tables[0].session.context().round).toBe(2);

    // The kill fell just before that last write: the restored room has the log without it.
    const restored = new Classroom(sample(), settings, (e) => log.push(structuredClone(e)));
    restored.replay(log.slice(0, -1));
    for (const s of restored.students.values()) if (s.table !== null) s.present = true;
    expect(restored.tables[0].session.context().pending.quebec).toBeNull();
    restored.playAI();
    expect(restored.tables[0].session.context()).toEqual(live.tables[0].session.context());
  });
});

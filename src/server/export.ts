/**
 * The instructor's export for grading: JSON (each table's event log, outcome, scores and analysis,
 * each student's seat) and CSV (one row per move, opened by any spreadsheet). Text is in English,
 * the language of the grade book; the JSON keeps the messages' keys for any other.
 */
import { exportSession } from '../analysis';
import { message } from '../i18n';
import { text } from '../i18n';
import type { Classroom } from './classroom';

export function exportJson(c: Classroom, code: string): string {
  return JSON.stringify(
    {
      code,
      level: c.level.id,
      settings: c.settings,
      students: [...c.students.values()].map((s) => ({
        id: s.id,
        name: s.name,
        table: s.table === null ? null : s.table + 1,
        role: s.role,
      })),
      tables: c.tables.map((t) => {
        const ctx = t.session.context();
        return {
          table: t.no + 1,
          phase: t.session.phase(),
          round: ctx.round,
          scores: ctx.outcome ? Object.fromEntries(Object.entries(ctx.outcome.scores).map(([r, s]) => [r, s.score])) : null,
          ...exportSession(c.level, t.session),
        };
      }),
      moves: c.exportRows(),
    },
    null,
    2,
  );
}

/** A field as CSV: quoted, quotes doubled, and a leading = + - @ neutralised so a spreadsheet never runs it. */
function field(v: string | number): string {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function exportCsv(c: Classroom): string {
  const header = [
    'table',
    'round',
    'role',
    'student',
    'proposed_by',
    'move',
    'mechanic',
    'what_happened',
    'reason',
    'table_outcome',
    'role_score',
    'role_won',
  ];
  const lines = [header.map(field).join(',')];
  for (const r of c.exportRows()) {
    const outcome = c.tables[r.table - 1].session.context().outcome;
    const score = outcome?.scores[r.role];
    lines.push(
      [
        r.table,
        r.round,
        text(c.level.actors[r.role]?.name, 'en'),
        r.student,
        r.proposer,
        r.move,
        r.mechanic,
        message(r.message, 'en'),
        r.reason ? message(r.reason, 'en') : '',
        outcome?.kind ?? (c.status === 'ended' ? 'ended unfinished' : 'in play'),
        score?.score ?? '',
        score ? (score.won ? 'yes' : 'no') : '',
      ]
        .map(field)
        .join(','),
    );
  }
  // A byte-order mark so spreadsheets read the accents of French names as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

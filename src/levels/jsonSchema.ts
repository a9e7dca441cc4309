import { z } from 'zod';
import { LevelSchema } from './schema';

/** The published JSON Schema of the level format, generated from the Zod definition. */
export function levelJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(LevelSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Borderlines level',
  };
}

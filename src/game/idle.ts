/**
 * The canvas sleeps when nothing moves. Phaser's loop stops once, for IDLE_MS, there has been no input,
 * no engine change and no screen starting, and no scene has a tween that ends or a timer pending; any of
 * those wakes it. Endless ambient tweens (a pulsing ring, drifting papers) pause while it sleeps. The
 * DOM layer needs no frames, so a player reading the table costs what an empty page costs.
 */
import * as Phaser from 'phaser';

const IDLE_MS = 2000;
let game: Phaser.Game | null = null;
let lastActivity = 0;

/** Something happened: keep (or start) drawing for at least IDLE_MS. */
export function wake(): void {
  lastActivity = performance.now();
  if (game && !game.loop.running) game.loop.wake(true);
}

function busy(scene: Phaser.Scene): boolean {
  const ending = scene.tweens.getTweens().some((t) => t.loop !== -1 && !t.data.some((d) => 'repeat' in d && d.repeat === -1));
  // Phaser has no public list of pending timer events, and a delayed call must still fire on an idle page.
  const clock = scene.time as unknown as { _active: unknown[]; _pendingInsertion: unknown[] };
  return ending || clock._active.length > 0 || clock._pendingInsertion.length > 0;
}

export function sleepWhenIdle(g: Phaser.Game): void {
  game = g;
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'resize', 'focusin'])
    window.addEventListener(type, wake, { passive: true, capture: true });
  // A scene start or stop asked for between frames (from a key, a promise, a timer) waits in the scene
  // manager's queue until the next step: wake the loop whenever something is queued. (queueOp is not
  // in Phaser's type definitions, but it is the one door every scene operation goes through.)
  const manager = g.scene as unknown as { queueOp: (...args: unknown[]) => unknown };
  const queueOp = manager.queueOp.bind(manager);
  manager.queueOp = (...args: unknown[]) => {
    wake();
    return queueOp(...args);
  };
  g.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (performance.now() - lastActivity < IDLE_MS || g.scene.getScenes(true).some(busy)) return;
    g.loop.sleep();
  });
  wake();
}

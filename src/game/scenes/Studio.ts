import { tr } from '../app';
import { h } from '../ui/dom';
import { View } from './View';

/** The scenario studio's scene: a shell whose body (and the YAML and schema code) loads when opened. */
export class Studio extends View {
  private start: { text?: string; file?: string } = {};

  constructor() {
    super('Studio');
  }

  init(data: { text?: string; file?: string }): void {
    this.start = { text: data?.text, file: data?.file };
  }

  protected heading(): string {
    return tr('studio.heading');
  }

  protected draw(): void {}

  protected build(): void {
    const loading = h('p', { class: 'panel studio-loading', role: 'status', text: tr('studio.loading') });
    this.root.append(loading);
    void import('../studio').then(({ mountStudio }) => {
      if (!this.scene.isActive()) return;
      loading.remove();
      mountStudio({
        root: this.root,
        ...this.start,
        go: (scene, data) => this.go(scene, data),
        keys: (list) => this.keys(list),
        onShutdown: (fn) => this.onShutdown(fn),
      });
    });
  }
}

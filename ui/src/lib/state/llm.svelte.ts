// The LLM that classifies tickets: the provider presets, the saved settings (never the key itself),
// and what it has cost per day. The AI settings screen reads and writes it.
import type { Backend, LlmPresetView, LlmSettingsForm, LlmSettingsView, LlmTestResult, LlmUsageDay } from '../backend';
import { llmStatus, type LlmStatus } from '../llm';

export class LlmState {
  presets = $state.raw<LlmPresetView[]>([]);
  /** The saved settings; null until read. */
  view = $state.raw<LlmSettingsView | null>(null);
  usage = $state.raw<LlmUsageDay[]>([]);
  /** True once the settings were read at least once. */
  loaded = $state(false);
  usageLoaded = $state(false);

  private presetsRead = false;
  private readonly backend: Backend;
  private readonly report: (err: unknown) => void;

  /** `report` shows an error to the agent. */
  constructor(backend: Backend, report: (err: unknown) => void) {
    this.backend = backend;
    this.report = report;
  }

  /** What classifies new tickets, as saved. */
  get status(): LlmStatus {
    return llmStatus(this.view);
  }

  /** The presets (read once), the settings and the usage. */
  async load(): Promise<void> {
    await Promise.all([this.loadPresets(), this.loadSettings(), this.loadUsage()]);
  }

  private async loadPresets(): Promise<void> {
    if (this.presetsRead) return;
    try {
      this.presets = await this.backend.llmPresets();
      this.presetsRead = true;
    } catch (err) {
      this.report(err);
    }
  }

  private async loadSettings(): Promise<void> {
    try {
      this.view = await this.backend.getLlmSettings();
      this.loaded = true;
    } catch (err) {
      this.report(err);
    }
  }

  async loadUsage(): Promise<void> {
    try {
      this.usage = await this.backend.llmUsage();
      this.usageLoaded = true;
    } catch (err) {
      this.report(err);
    }
  }

  /** Classifies the sample ticket; throws a BackendError for the form to show. */
  test(form: LlmSettingsForm, apiKey: string | null): Promise<LlmTestResult> {
    return this.backend.testLlmSettings(form, apiKey);
  }

  /** Saves the settings (null key: keep the stored one); throws a BackendError for the form to show. */
  async save(form: LlmSettingsForm, apiKey: string | null): Promise<LlmSettingsView> {
    const view = await this.backend.saveLlmSettings(form, apiKey);
    this.view = view;
    return view;
  }

  /** Deletes the stored key, leaving the saved settings as they are; throws like `save`. */
  async removeKey(): Promise<LlmSettingsView> {
    const settings = this.view?.settings;
    if (!settings) throw new Error('no LLM settings are saved');
    return this.save(settings, '');
  }
}

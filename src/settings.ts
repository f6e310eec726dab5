// User settings in $INTERDICT_HOME/settings.json (download URLs per dataset, thresholds...).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interdictHome } from './config.js';

export interface Settings {
  /** Per dataset: the URLs `interdict update` downloads (overrides the publishers' defaults). */
  sources?: Record<string, { urls: string[] }>;
  [key: string]: unknown;
}

export function settingsPath(): string {
  return join(interdictHome(), 'settings.json');
}

export function loadSettings(): Settings {
  const file = settingsPath();
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Settings;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

export function saveSettings(settings: Settings): void {
  mkdirSync(interdictHome(), { recursive: true });
  writeFileSync(settingsPath(), JSON.stringify(settings, null, 2) + '\n');
}

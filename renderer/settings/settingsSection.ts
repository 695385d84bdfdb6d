import type { ReactNode } from 'react';
import type { Settings } from '../../shared/ipc/contract';

export interface SettingsFieldProps {
  settings: Settings;
  update(patch: Partial<Settings>): void;
}

/**
 * A settings field: add one by appending to `settingsSections` in SettingsPanel.tsx (or a new section given to the panel by the workbench). Each field is
 * a small component reading and patching the settings; the panel lays them out.
 */
export interface SettingsSection {
  id: string;
  titleKey: string;
  fields: { id: string; Field: (props: SettingsFieldProps & { id: string }) => ReactNode }[];
}

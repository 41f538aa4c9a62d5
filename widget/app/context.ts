/** What every component needs: the store, the UI strings and the loader's context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppStrings } from '../i18n/en.ts';
import type { MountContext } from '../common/types.ts';
import type { Api } from './api.ts';
import type { Store } from './store.ts';

export interface AppModel {
  store: Store;
  api: Api;
  t: AppStrings;
  ctx: MountContext;
  /** The clinic phone: from /api/config, else `data-phone`, else empty. */
  phone(): string;
}

export const AppContext = createContext<AppModel>(undefined as unknown as AppModel);

export const useApp = (): AppModel => useContext(AppContext);

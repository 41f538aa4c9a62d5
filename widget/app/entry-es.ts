/** The Spanish app entry: one language's strings plus the shared app chunk. */
import { appStrings } from '../i18n/es.ts';
import { createMount } from './main.tsx';

export const mount = createMount(appStrings);

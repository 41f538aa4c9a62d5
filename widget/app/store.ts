/**
 * The app's state as signals, plus the actions that change it. Components
 * read the signals; only these actions call the API or write the session.
 */
import { signal } from '@preact/signals-core';
import type { AskResponse, ConfigResponse } from '../../server/api/contract.ts';
import { FIELD_LIMITS } from '../../server/api/limits.ts';
import type { MountContext } from '../shared/types.ts';
import type { Api } from './api.ts';
import { loadSession, saveSession } from './session.ts';

export type Entry =
  | { from: 'visitor'; text: string }
  | { from: 'bot'; reply: AskResponse; voted?: boolean }
  | { from: 'error'; status: number };

export type View = 'chat' | 'callback' | 'emergency';

export type Store = ReturnType<typeof createStore>;

export function createStore(api: Api, ctx: Pick<MountContext, 'emit'>) {
  const config = signal<ConfigResponse | undefined>(undefined);
  const offline = signal(false);
  const entries = signal<Entry[]>([]);
  const busy = signal(false);
  const view = signal<View>('chat');
  let started = false;

  const push = (entry: Entry) => {
    entries.value = [...entries.value, entry];
    saveSession(entries.value);
  };

  return {
    config,
    offline,
    entries,
    busy,
    view,

    /** First open: greet (config) and bring back this tab's conversation. */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      entries.value = loadSession<Entry>();
      const res = await api.config();
      if (res.ok) config.value = res.data;
      else offline.value = true;
    },

    async ask(text: string): Promise<void> {
      const question = text.trim().slice(0, FIELD_LIMITS.question);
      if (!question || busy.value) return;
      push({ from: 'visitor', text: question });
      busy.value = true;
      const res = await api.ask(question);
      busy.value = false;
      if (!res.ok) {
        push({ from: 'error', status: res.status });
        ctx.emit('question', { kind: 'error' });
        return;
      }
      const reply = res.data;
      offline.value = false;
      push({ from: 'bot', reply });
      if (reply.kind === 'emergency') view.value = 'emergency';
      ctx.emit('question', reply.kind === 'answer' ? { kind: 'answer', entryId: reply.answer.id } : { kind: reply.kind });
    },

    vote(entry: Entry, helpful: boolean): void {
      if (entry.from !== 'bot' || entry.reply.kind !== 'answer') return;
      void api.feedback({ entryId: entry.reply.answer.id, helpful });
      entries.value = entries.value.map((e) => (e === entry ? { ...e, voted: true } : e));
      saveSession(entries.value);
    },

    clear(): void {
      entries.value = [];
      view.value = 'chat';
      saveSession([]);
    },
  };
}

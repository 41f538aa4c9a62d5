/**
 * The app's state as signals, plus the actions that change it. Components
 * read the signals; only these actions call the API or write the session.
 */
import { signal } from '@preact/signals-core';
import type { AskResponse, ConfigResponse } from '../../server/api/contract.ts';
import { FIELD_LIMITS } from '../../server/api/limits.ts';
import type * as AfterHours from './after-hours.ts';
import type { MountContext } from '../common/types.ts';
import type { Api } from './api.ts';
import { loadSession, saveSession } from './session.ts';

/** `voted`: true after Yes; 'no' while the "what was missing?" line waits; 'noted' once the No is sent. */
export type Vote = true | 'no' | 'noted';

export type Entry =
  | { from: 'visitor'; text: string }
  | { from: 'bot'; reply: AskResponse; voted?: Vote }
  | { from: 'error'; status: number; question: string };

export type View = 'chat' | 'callback' | 'emergency';

export type Store = ReturnType<typeof createStore>;

export function createStore(api: Api, ctx: Pick<MountContext, 'emit'>) {
  const config = signal<ConfigResponse | undefined>(undefined);
  const offline = signal(false);
  const entries = signal<Entry[]>([]);
  const busy = signal(false);
  const view = signal<View>('chat');
  /** The after-hours wording, its own small chunk, fetched only when the clinic gives structured hours. */
  const afterHours = signal<typeof AfterHours | undefined>(undefined);
  let started = false;

  const save = (next: Entry[]) => {
    entries.value = next;
    saveSession(next);
  };
  const push = (entry: Entry) => save([...entries.value, entry]);
  const setVote = (entry: Entry, voted: Vote) => save(entries.value.map((e) => (e === entry ? { ...e, voted } : e)));
  const sendNo = (entry: Entry, missing?: string) => {
    if (entry.from !== 'bot' || entry.reply.kind !== 'answer') return;
    void api.feedback({ entryId: entry.reply.answer.id, helpful: false, ...(missing ? { missing } : {}) });
    setVote(entry, 'noted');
  };
  /** A "what was missing?" line left unanswered (the visitor asked on, or closed the chat): the No still counts. */
  const settleVotes = () => entries.value.map((e) => e.from === 'bot' && e.voted === 'no' && sendNo(e));

  return {
    config,
    offline,
    entries,
    busy,
    view,
    afterHours,

    /** First open: greet (config) and bring back this tab's conversation. */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      entries.value = loadSession<Entry>();
      const res = await api.config();
      if (!res.ok) {
        offline.value = true;
        void import('./site-checks.ts').then((m) => m.explainRefusal(api.base), () => {});
        return;
      }
      config.value = res.data;
      if (res.data.clinic.openingHours) void import('./after-hours.ts').then((m) => (afterHours.value = m), () => {});
    },

    /** Resolves false when nothing was answered, so the question box can give the text back. */
    async ask(text: string, retrying?: Entry): Promise<boolean> {
      const question = text.trim().slice(0, FIELD_LIMITS.question);
      if (!question || busy.value) return false;
      settleVotes();
      if (retrying) save(entries.value.filter((e) => e !== retrying));
      else push({ from: 'visitor', text: question });
      busy.value = true;
      const res = await api.ask(question);
      busy.value = false;
      if (!res.ok) {
        push({ from: 'error', status: res.status, question });
        ctx.emit('question', { kind: 'error' });
        return false;
      }
      const reply = res.data;
      offline.value = false;
      push({ from: 'bot', reply });
      if (reply.kind === 'emergency') view.value = 'emergency';
      ctx.emit('question', reply.kind === 'answer' ? { kind: 'answer', entryId: reply.answer.id } : { kind: reply.kind });
      return true;
    },

    /** Yes is sent at once; No first asks what was missing (sent with `sendNo`, or on the next question). */
    vote(entry: Entry, helpful: boolean): void {
      if (entry.from !== 'bot' || entry.reply.kind !== 'answer') return;
      if (!helpful) return setVote(entry, 'no');
      void api.feedback({ entryId: entry.reply.answer.id, helpful });
      setVote(entry, true);
    },

    sendNo,
    settleVotes,

    clear(): void {
      save([]);
      view.value = 'chat';
    },
  };
}

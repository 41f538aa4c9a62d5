import { useSignal } from '@preact/signals';
import type { EntryRevision, EntrySummary, KbStatus, Lang, PhrasingAdded, UnansweredQuestion } from '../../server/api/contract.ts';
import { adminApi, UnauthorizedError } from './api.ts';
import type { SectionProps } from './dashboard.tsx';
import { EntryEditor, toDraft, type Draft } from './entry-editor.tsx';
import { ExplainPanel } from './explain-panel.tsx';
import { KbStatusPanel } from './kb-status.tsx';
import { Loaded, SimpleTable } from './loaded.tsx';
import { TryQuestion } from './try-question.tsx';
import { useLoader } from './use-loader.ts';

type Listed = EntrySummary & { lastChange: EntryRevision | null };

const EMPTY = { title: '', questions: [], body: '', tags: [], related: [], sources: [] };

/** Editors: the answers, the questions nobody answered, "try a question", and the knowledge base status. */
export function Answers({ onUnauthorized }: SectionProps) {
  const reloads = useSignal(0);
  const entries = useLoader(adminApi.entries, onUnauthorized, reloads.value);
  const language = useSignal<Lang | ''>('');
  const unanswered = useLoader(() => adminApi.unanswered(language.value || undefined), onUnauthorized, `${reloads.value}|${language.value}`);
  const status = useLoader<KbStatus>(adminApi.kbStatus, onUnauthorized, reloads.value);
  const search = useSignal('');
  const draft = useSignal<Draft | null>(null);
  const revisions = useSignal<EntryRevision[]>([]);
  const added = useSignal<{ question: string; result: PhrasingAdded } | null>(null);
  const fail = (err: unknown) => {
    if (err instanceof UnauthorizedError) onUnauthorized(err);
  };

  const open = async (id: string) => {
    try {
      const entry = await adminApi.entry(id);
      revisions.value = entry.revisions;
      draft.value = toDraft(id, entry);
    } catch (err) {
      fail(err);
    }
  };
  const startNew = (question = '') => {
    revisions.value = [];
    draft.value = toDraft('', { ...EMPTY, title: question, questions: question ? [question] : [] }, true);
  };
  const addPhrasing = async (q: UnansweredQuestion, entryId: string) => {
    try {
      added.value = { question: q.example, result: await adminApi.addPhrasing(entryId, q.example) };
      reloads.value++;
    } catch (err) {
      fail(err);
    }
  };

  const term = search.value.trim().toLowerCase();
  const matches = (e: Listed) => !term || [e.id, e.title, e.body, ...e.questions, ...e.tags].some((s) => s.toLowerCase().includes(term));

  return (
    <div class="answers">
      <div class="side">
        {status.data.value && <KbStatusPanel status={status.data.value} />}
        <section aria-labelledby="unanswered-h">
          <h2 id="unanswered-h">Unanswered questions</h2>
          <p class="hint">Questions the chat could not answer. Add one as another way to ask an existing answer, or start a new answer from it.</p>
          <label for="u-lang">Language</label>{' '}
          <select id="u-lang" value={language.value} onChange={(e) => (language.value = e.currentTarget.value as Lang | '')}>
            <option value="">all</option>
            <option value="en">English</option>
            <option value="es">Spanish</option>
          </select>
          <Loaded data={unanswered.data} error={unanswered.error} empty="None right now.">
            {(rows) => (
              <ol class="unanswered">
                {rows.slice(0, 20).map((q, i) => (
                  <li key={q.key}>
                    <p id={`uq-${i}`}>
                      <span class="count">{q.count}×</span> {q.example}
                      {q.lang && <span class="ref"> ({q.lang === 'es' ? 'Spanish' : 'English'})</span>}
                    </p>
                    <form
                      class="inline"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const select = (e.currentTarget as HTMLFormElement).elements.namedItem('entry') as HTMLSelectElement;
                        void addPhrasing(q, select.value);
                      }}
                    >
                      <label for={`u-${i}`}>Answer</label>
                      <select id={`u-${i}`} name="entry">
                        {(entries.data.value ?? []).map((e) => (
                          <option value={e.id}>{e.title}</option>
                        ))}
                      </select>
                      <button type="submit" aria-describedby={`uq-${i}`}>
                        Add as phrasing
                      </button>
                      <button type="button" class="secondary" aria-describedby={`uq-${i}`} onClick={() => startNew(q.example)}>
                        New answer
                      </button>
                    </form>
                  </li>
                ))}
              </ol>
            )}
          </Loaded>
          {added.value && (
            <div class="before-after" role="status">
              <h3>Added "{added.value.question}"</h3>
              <div class="pair">
                <div>
                  <h4>Before</h4>
                  <ExplainPanel explained={added.value.result.before} heading="h4" />
                </div>
                <div>
                  <h4>After</h4>
                  <ExplainPanel explained={added.value.result.after} heading="h4" />
                </div>
              </div>
            </div>
          )}
        </section>
        <section aria-labelledby="entries-h">
          <div class="section-head">
            <h2 id="entries-h">Answers</h2>
            <button type="button" onClick={() => startNew()}>
              New answer
            </button>
          </div>
          <label for="entry-search">Search answers</label>
          <input id="entry-search" type="search" value={search.value} onInput={(e) => (search.value = e.currentTarget.value)} />
          <Loaded data={entries.data} error={entries.error} empty="No answers yet.">
            {(rows) => (
              <SimpleTable
                caption="Answers, with last review and feedback"
                head={['Answer', 'Reviewed', 'Helpful']}
                rows={rows.filter(matches).map((e) => [
                  <button type="button" class="link" onClick={() => open(e.id)}>
                    {e.title}
                  </button>,
                  e.lastChange ? new Date(e.lastChange.at).toLocaleDateString() : (e.reviewed ?? '—'),
                  `${e.helpful} yes / ${e.notHelpful} no`,
                ])}
              />
            )}
          </Loaded>
        </section>
      </div>
      <div class="main-column">
        {draft.value && (
          <EntryEditor
            draft={draft.value}
            status={status.data.value}
            revisions={revisions.value}
            onUnauthorized={onUnauthorized}
            onSaved={(id, reopen) => {
              reloads.value++;
              if (reopen) void open(id);
              else void adminApi.entry(id).then((e) => (revisions.value = e.revisions), fail);
            }}
          />
        )}
        <TryQuestion onUnauthorized={onUnauthorized} />
      </div>
    </div>
  );
}

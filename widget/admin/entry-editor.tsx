import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { EntryInput, EntryRevision, KbStatus } from '../../server/api/contract.ts';
import { ENTRY_LIMITS } from '../../server/api/limits.ts';
import { Markdown } from '../markdown/Markdown.tsx';
import { adminApi, RequestError, UnauthorizedError } from './api.ts';
import type { SectionProps } from './dashboard.tsx';

/** What the form holds: lists as one item per line, so "phrasing 3" is the third line. */
export interface Draft {
  id: string;
  isNew: boolean;
  title: string;
  questions: string;
  body: string;
  tags: string;
  related: string;
  /** One source per line: `Title | https://…` */
  sources: string;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

export function toInput(d: Draft): EntryInput {
  return {
    title: d.title,
    questions: lines(d.questions),
    body: d.body,
    tags: d.tags.split(',').map((t) => t.trim()).filter(Boolean),
    related: d.related.split(',').map((t) => t.trim()).filter(Boolean),
    sources: lines(d.sources).map((l) => {
      const at = l.lastIndexOf('|');
      return at === -1 ? { title: '', url: l } : { title: l.slice(0, at).trim(), url: l.slice(at + 1).trim() };
    }),
  };
}

export function toDraft(id: string, e: EntryInput, isNew = false): Draft {
  return {
    id,
    isNew,
    title: e.title,
    questions: e.questions.join('\n'),
    body: e.body,
    tags: (e.tags ?? []).join(', '),
    related: (e.related ?? []).join(', '),
    sources: e.sources.map((s) => `${s.title} | ${s.url}`).join('\n'),
  };
}

const FIELDS: Array<{ key: keyof Draft & keyof EntryInput; label: string; hint?: string; rows?: number }> = [
  { key: 'title', label: 'Title (the question this answers)' },
  { key: 'questions', label: 'Alternate phrasings', hint: 'One per line: how visitors might ask it.', rows: 5 },
  { key: 'body', label: 'Answer text', hint: 'Blank line between paragraphs; "- " starts a list item; **bold**, [link](https://…).', rows: 8 },
  { key: 'sources', label: 'Sources', hint: 'One per line: Title | https://link', rows: 3 },
  { key: 'tags', label: 'Tags', hint: 'Comma-separated.' },
  { key: 'related', label: 'Related answers', hint: 'Comma-separated answer ids, e.g. driver, sedation.' },
];

interface EditorProps extends SectionProps {
  draft: Draft;
  status: KbStatus | null;
  revisions: EntryRevision[];
  /** `reopen`: load the saved answer into the form again (after a restore). */
  onSaved: (id: string, reopen: boolean) => void;
}

/** Create or edit one answer: checked as you type, previewed as the widget shows it, saved live. */
export function EntryEditor({ draft: initial, status, revisions, onSaved, onUnauthorized }: EditorProps) {
  const draft = useSignal(initial);
  const fields = useSignal<Record<string, string>>({});
  const message = useSignal<string | null>(null);
  const viewing = useSignal<string | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    draft.value = initial;
    fields.value = {};
    message.value = null;
  }, [initial]);

  const handle = (err: unknown) => {
    if (err instanceof UnauthorizedError) onUnauthorized(err);
    else if (err instanceof RequestError) {
      fields.value = err.body.fields ?? {};
      message.value = `Not saved: ${err.body.error}. Nothing was changed.`;
    } else message.value = String(err);
  };

  // Validation as you type: the server's own check (the same reasons kb:check gives), a moment after typing stops.
  useEffect(() => {
    const d = draft.value;
    if (!d.id) return;
    const timer = setTimeout(() => {
      adminApi.check(d.id, toInput(d)).then((r) => (fields.value = r.fields), handle);
    }, 400);
    return () => clearTimeout(timer);
  }, [draft.value]);

  const set = (key: keyof Draft, value: string) => (draft.value = { ...draft.value, [key]: value });
  const insertPlaceholder = (name: string) => {
    const el = body.current;
    const text = `{{${name}}}`;
    const at = el?.selectionStart ?? draft.value.body.length;
    set('body', draft.value.body.slice(0, at) + text + draft.value.body.slice(el?.selectionEnd ?? at));
  };
  const values = new Map((status?.placeholders ?? []).map((p) => [p.name, p.value]));
  const preview = draft.value.body.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => values.get(name) ?? whole);

  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await adminApi.save(draft.value.id, toInput(draft.value));
      fields.value = {};
      message.value = 'Saved. The chat answers with it now.';
      onSaved(draft.value.id, false);
    } catch (err) {
      handle(err);
    }
  };
  const problems = Object.entries(fields.value);

  return (
    <section aria-labelledby="editor-h" class="editor">
      <h2 id="editor-h">{draft.value.isNew ? 'New answer' : `Edit: ${initial.title}`}</h2>
      <form onSubmit={save} noValidate>
        {draft.value.isNew && (
          <div class="field">
            <label for="f-id">Id (lower-case words joined by dashes, e.g. parking-and-arrival)</label>
            <input id="f-id" value={draft.value.id} onInput={(e) => set('id', e.currentTarget.value)} aria-invalid={fields.value.id ? 'true' : undefined} aria-describedby={fields.value.id ? 'e-id' : undefined} />
            {fields.value.id && <p class="error" id="e-id">{fields.value.id}</p>}
          </div>
        )}
        {FIELDS.map(({ key, label, hint, rows }) => {
          const error = fields.value[key];
          const described = [hint ? `h-${key}` : '', error ? `e-${key}` : ''].filter(Boolean).join(' ') || undefined;
          const common = {
            id: `f-${key}`,
            value: draft.value[key],
            onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value),
            'aria-invalid': error ? ('true' as const) : undefined,
            'aria-describedby': described,
          };
          return (
            <div class="field">
              <label for={`f-${key}`}>{label}</label>
              {hint && <p class="hint" id={`h-${key}`}>{hint}</p>}
              {rows ? (
                <textarea {...common} rows={rows} ref={key === 'body' ? body : undefined} maxLength={key === 'body' ? ENTRY_LIMITS.bodyMax : undefined} />
              ) : (
                <input {...common} maxLength={key === 'title' ? ENTRY_LIMITS.titleMax : undefined} />
              )}
              {error && <p class="error" id={`e-${key}`}>{error}</p>}
              {key === 'body' && values.size > 0 && (
                <div class="inline">
                  <label for="f-placeholder">Insert from the clinic profile</label>
                  <select id="f-placeholder" onChange={(e) => (insertPlaceholder(e.currentTarget.value), (e.currentTarget.value = ''))}>
                    <option value="">Choose…</option>
                    {[...values].map(([name, value]) => (
                      <option value={name}>
                        {name}: {value.length > 40 ? `${value.slice(0, 40)}…` : value}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          );
        })}
        {fields.value.entry && <p class="error" role="alert">{fields.value.entry}</p>}
        <div class="actions">
          <button type="submit">Save</button>
          <p class="status" role="status">
            {message.value ?? (problems.length ? `${problems.length} thing${problems.length === 1 ? '' : 's'} to fix before saving.` : '')}
          </p>
        </div>
      </form>
      <h3>Preview (as the chat shows it)</h3>
      <div class="preview">
        <p class="preview-title">{draft.value.title}</p>
        <Markdown text={preview} />
      </div>
      {revisions.length > 0 && (
        <>
          <h3>Revisions</h3>
          <ul class="revisions">
            {revisions.map((r) => (
              <li>
                {new Date(r.at).toLocaleString()}, {r.who}: {r.note}{' '}
                <button type="button" class="secondary" onClick={async () => (viewing.value = (await adminApi.revision(draft.value.id, r.id)).source)}>
                  View #{r.id}
                </button>{' '}
                <button type="button" class="secondary" onClick={async () => {
                  try {
                    await adminApi.restore(draft.value.id, r.id);
                    onSaved(draft.value.id, true);
                  } catch (err) {
                    handle(err);
                  }
                }}>
                  Restore #{r.id}
                </button>
              </li>
            ))}
          </ul>
          {viewing.value && <pre class="source" tabIndex={0} aria-label="Revision file">{viewing.value}</pre>}
        </>
      )}
    </section>
  );
}

/**
 * Worker thread entry (`build-in-worker.ts` starts it; the build emits it as
 * `dist/server/kb-build-worker.js`): reads and validates a knowledge base
 * folder and builds each language's search index, the slow part of a reload,
 * off the main thread. The index's typed arrays are transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LANGUAGES } from '../language/index.ts';
import type { Lang } from '../language/types.ts';
import { buildIndexData, type IndexData } from '../match/build-index.ts';
import { createLayTermMapper } from '../text/lay-terms.ts';
import type { BuildReply, BuildRequest } from './build-in-worker.ts';
import { readKnowledgeFolder } from './read-folder.ts';

const { dir } = workerData as BuildRequest;
const result = readKnowledgeFolder(dir);
let reply: BuildReply;
const transfer: ArrayBuffer[] = [];
if (!result.folder) reply = { ok: false, problems: result.problems };
else {
  const indexes: Partial<Record<Lang, IndexData>> = {};
  for (const [lang, base] of Object.entries(result.folder.bases) as [Lang, NonNullable<(typeof result.folder.bases)[Lang]>][]) {
    const language = LANGUAGES[lang];
    const data = buildIndexData(base.entries, createLayTermMapper(base.layTerms.synonyms, language), language);
    for (const array of Object.values(data.arrays)) transfer.push(array.buffer as ArrayBuffer);
    indexes[lang] = data;
  }
  reply = { ok: true, folder: result.folder, indexes };
}
parentPort!.postMessage(reply, transfer);

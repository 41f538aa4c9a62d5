/**
 * `node dist/server/main.js` (or `npx tsx server/main.ts`): reads the
 * environment, starts the server, stops cleanly on SIGTERM / SIGINT.
 * Exit code 1 with a readable message on bad configuration or an invalid
 * knowledge base.
 */
import { KnowledgeBaseError } from '../knowledge/index.ts';
import { announceReady, clusterRole, onClusterShutdown, runPrimary, shouldRunPrimary } from './cluster.ts';
import { loadConfigOrExit } from './config.ts';
import { findRepoRoot } from './repo-root.ts';
import { startServer } from './server.ts';
import { startupNotes } from './startup-notes.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env, findRepoRoot(import.meta.url));
  const announce = (url: string, workers = 1) => {
    console.log(`clinic chat server listening on ${url}${workers > 1 ? ` (${workers} workers)` : ''}`);
    for (const note of startupNotes(config, url)) console.log(note);
  };
  if (shouldRunPrimary(config)) {
    await runPrimary(config, { onListening: announce }).catch((error: Error) => fail(`could not start: ${error.message}`));
    process.exit();
  }
  const cluster = clusterRole();

  let running;
  try {
    running = await startServer(cluster ? { ...config, sharedLimits: true } : config, cluster ? { cluster } : {});
  } catch (error) {
    if (error instanceof KnowledgeBaseError) {
      fail(`knowledge base ${config.knowledgeDir} is invalid, not starting:\n${error.message}`);
    }
    fail(`could not start: ${(error as Error).message}`);
  }
  if (cluster) announceReady(running.url);
  else announce(running.url);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    console.error(`${signal}: shutting down`);
    running.close().then(
      () => process.exit(0),
      (error: Error) => fail(`shutdown failed: ${error.message}`),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (cluster) onClusterShutdown(() => stopping || stop('shutdown'));
  else process.on('SIGINT', () => stop('SIGINT'));
}

await main();

/**
 * `node dist/server/main.js` (or `npx tsx server/main.ts`): reads the
 * environment, starts the server, stops cleanly on SIGTERM / SIGINT.
 * Exit code 1 with a readable message on bad configuration or an invalid
 * knowledge base.
 */
import { KnowledgeBaseError } from '../knowledge/index.ts';
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

  let running;
  try {
    running = await startServer(config);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) {
      fail(`knowledge base ${config.knowledgeDir} is invalid, not starting:\n${error.message}`);
    }
    fail(`could not start: ${(error as Error).message}`);
  }
  console.log(`clinic chat server listening on ${running.url}`);
  for (const note of startupNotes(config, running.url)) console.log(note);

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
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();

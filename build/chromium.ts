import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); no test or benchmark downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags chromium keeps dialling Google's
// hosts, which this machine's closed network refuses.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

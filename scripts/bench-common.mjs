// What the browser benchmarks share: Debian's Chromium launched headless with the flags this
// machine needs, and the median of a list of figures.
import { chromium } from 'playwright-core';

/** Chromium (`$CHROMIUM`, else /usr/bin/chromium) with the machine's flags and `extra`. */
export function launchChromium(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', ...extra],
  });
}

/** The median of `xs` (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

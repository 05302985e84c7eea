import { defineConfig } from '@playwright/test';

// The release build in dist/, served by the real sandbox on its own port and
// a throw-away database, reseeded at every run.
const port = Number(process.env.MANDAT_E2E_PORT ?? 8787);
const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
const db = process.env.MANDAT_E2E_DB ?? `${targetDir}/e2e.sqlite3`;
// A second sandbox whose API fails 20 % of requests (503) before applying them, and
// loses the answer of half the payments and uploads after applying them (a 502 or a
// closed connection), for tests/e2e/faults.spec.ts. With seed 2026, the first
// payment that gets through loses its answer (a 502) and the next copy sent loses
// its connection.
const faultsPort = Number(process.env.MANDAT_E2E_FAULTS_PORT ?? port + 1);
const faultsDb = process.env.MANDAT_E2E_FAULTS_DB ?? `${targetDir}/e2e-faults.sqlite3`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests share one sandbox; each signs in and uses its own orders, but
  // two cores gain little from parallel browsers.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 8_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: no browser is ever downloaded.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'app', testIgnore: /faults\.spec\.ts/ },
    { name: 'faults', testMatch: /faults\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${faultsPort}` } },
    // scripts/screenshots.sh: pictures, not a test; left out of the test command.
    ...(process.env.MANDAT_SCREENSHOTS_RUN
      ? [{ name: 'screens', testDir: 'tests/screens', use: { locale: 'fr-FR' } }]
      : []),
  ],
  webServer: [
    {
      command: `${targetDir}/debug/mandat-sandbox --port ${port} --db ${db} --dist dist --reseed`,
      url: `http://127.0.0.1:${port}/sandbox/accounts`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        `${targetDir}/debug/mandat-sandbox --port ${faultsPort} --db ${faultsDb} --dist dist --reseed` +
        ' --fail-rate 0.2 --drop-rate 0 --lose-rate 0.5 --fault-seed 2026',
      url: `http://127.0.0.1:${faultsPort}/sandbox/accounts`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

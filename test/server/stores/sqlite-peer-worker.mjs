// The worker thread's entry: loads the TypeScript worker through tsx, as web-test-runner.config.js
// loads the server (a worker does not inherit this process's `--import tsx`).
import { tsImport } from 'tsx/esm/api';

await tsImport('./sqlite-peer-worker.ts', import.meta.url);

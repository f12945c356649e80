// Worker entry used only when the package runs from its TypeScript sources (tests under vitest,
// which does not hand its TypeScript loader to worker threads): registers tsx in this thread,
// then loads the real worker. The published package uses the compiled dist/worker.js instead.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;

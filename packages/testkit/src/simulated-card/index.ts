export type { SimulatedCardKeys, SimulatedEcKey, SimulatedRsaKey } from './card-keys.js';
export {
  createSimulatedCard,
  type RefusedAuthentication,
  type SimulatedCard,
  type SimulatedCardFaults,
  type SimulatedCardFiles,
  type SimulatedCardOptions,
} from './create-simulated-card.js';
export { createSampleCardFiles, type SampleCardFilesOptions } from './sample-files.js';

export { defaultResidentDirt, generateResidents } from './generate-residents.js';
export {
  type ResidentsToCsvOptions,
  residentCsvHeaders,
  residentFields,
  residentsToCsv,
} from './residents-to-csv.js';
export type {
  GeneratedResident,
  GenerateResidentsOptions,
  ResidentDefect,
  ResidentDirt,
  ResidentDirtKind,
  ResidentField,
  ResidentRecord,
  ResidentTruth,
} from './types.js';

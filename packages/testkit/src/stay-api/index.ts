/**
 * A local simulator of the accommodation API (KBTT) that hotel stay notices go to, with fault
 * injection. Node-only: `node:http` is imported when the simulator starts.
 */
export {
  defaultStayApiCatalogs,
  type StayApiCatalogEntry,
  type StayApiCatalogs,
  type StayApiNationality,
  type StayApiProvince,
  type StayApiWard,
} from './catalogs.js';
export { STAY_API_MESSAGES } from './rules.js';
export {
  type AcceptedStay,
  type StartStayApiOptions,
  type StayApi,
  type StayApiFaults,
  type StayApiStats,
  startStayApi,
} from './start-stay-api.js';

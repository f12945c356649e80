/**
 * The BHXH gateway simulator for hospitals' health-insurance checks, and its synthetic registry.
 * The server itself loads node:http lazily, so importing this module is safe in a browser bundle.
 */
export {
  type ExpiresStyle,
  type InsuranceGateway,
  type InsuranceGatewayFaults,
  type InsuranceGatewayOptions,
  type InsuranceGatewayStats,
  startInsuranceGateway,
} from './gateway.js';
export {
  type InsuranceStaff,
  type InsuredPerson,
  type InsuredStatus,
  type InsuredVisit,
  insuranceGatewayTestAccount,
  insuredTestPeople,
} from './people.js';

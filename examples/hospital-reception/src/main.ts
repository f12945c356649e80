/**
 * `pnpm --filter @cancuoc/example-hospital-reception start`: the BHXH gateway simulator with its
 * synthetic registry, and the reception page against it. Prints the page's URL.
 * PORT chooses the page's port (default 5174).
 */
import { insuranceGatewayTestAccount, insuredTestPeople, startInsuranceGateway } from '@cancuoc/testkit';
import { startDemoReception } from './demo-reception.js';

const { username, password, staff } = insuranceGatewayTestAccount;
const gateway = await startInsuranceGateway({ people: insuredTestPeople, username, password, staff });
const reception = await startDemoReception({
  gateway: { baseUrl: gateway.url, username, password, staff: staff[0] },
  port: Number(process.env.PORT ?? 5174),
});
console.log(`BHXH gateway simulator: ${gateway.url}`);
console.log(`Hospital reception:     ${reception.url}`);

async function stop(): Promise<void> {
  await reception.close();
  await gateway.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

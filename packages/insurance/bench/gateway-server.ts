// The BHXH gateway simulator in its own process for the benchmark, so that the client under test
// does not share an event loop with the server. Prints its URL on the first line of stdout.
import { insuranceGatewayTestAccount, insuredTestPeople, startInsuranceGateway } from '@cancuoc/testkit';

const { username, password, staff } = insuranceGatewayTestAccount;
const gateway = await startInsuranceGateway({ people: insuredTestPeople, username, password, staff });
console.log(gateway.url);
process.on('SIGTERM', () => void gateway.close().then(() => process.exit(0)));

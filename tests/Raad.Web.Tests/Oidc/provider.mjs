// A real OpenID Connect provider for the tests: oidc-provider (npm, MIT) with its own login and consent pages
// ("devInteractions": any password is taken, the login names the account). The test writes the clients and the
// accounts, with the claims each gives, to a JSON file and starts this script as a child process:
//
//   node provider.mjs <port> <settings.json>
//
// It prints "listening <issuer>" once it accepts connections, and stops when its standard input closes (the test
// process ended), so no provider outlives its test.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, settingsFile] = process.argv.slice(2);
const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: settings.clients,
  // Read on every sign-in, so a test may add accounts while the provider runs.
  async findAccount(_ctx, id) {
    const accounts = JSON.parse(readFileSync(settingsFile, 'utf8')).accounts;
    const claims = accounts[id];
    return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // PKCE for every client, also those with a secret (the default asks it only of public clients).
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['raad-test-provider'] },
});
// Logged, so a failed exchange shows in the test's message (the fixture collects this output).
provider.on('server_error', (_ctx, error) => console.error('server_error', error));
provider.on('grant.error', (_ctx, error) => console.error('grant.error', error.message, error.error_description ?? ''));
provider.on('authorization.error', (_ctx, error) => console.error('authorization.error', error.message, error.error_description ?? ''));

const server = provider.listen(Number(port), '127.0.0.1', () => console.log(`listening ${issuer}`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();

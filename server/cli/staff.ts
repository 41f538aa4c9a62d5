/**
 * `npm run staff -- <command>`: manages personal staff accounts in the same
 * database the server uses (DATABASE_URL when set, else DATA_DIR).
 *
 *   add EMAIL --role frontdesk|editor|admin   creates the account or resets its password and role;
 *                                             the password (at least 12 characters) is read from stdin
 *   remove EMAIL                              deletes the account and ends its sessions everywhere
 *   list                                      accounts with their roles
 *   totp EMAIL [--off]                        turns the authenticator second factor on (admins) or off
 *
 * @example
 * printf '%s\n' 'a long passphrase here' | npm run staff -- add desk@clinic.org --role frontdesk
 */
import { STAFF_ROLES, type StaffRole } from '../api/contract.ts';
import { hashPassword } from '../auth/password.ts';
import { newTotpSecret, otpauthUri } from '../auth/totp.ts';
import { loadConfigOrExit } from '../config.ts';
import { findRepoRoot } from '../repo-root.ts';
import { openStorage } from '../storage/open-storage.ts';
import { passwordProblem, staffEmail, staffRole } from '../validation/staff.ts';

const USAGE = 'usage: npm run staff -- add EMAIL --role frontdesk|editor|admin   (password on stdin)\n' +
  '       npm run staff -- remove EMAIL | list | totp EMAIL [--off]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The first line of standard input: scripts pipe the password in; nothing echoes it to a log. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters), then Enter: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

const parseEmail = (raw: string | undefined) => {
  const parsed = staffEmail.safeParse(raw ?? '');
  if (!parsed.success) fail(`EMAIL: ${parsed.error.issues[0]!.message}\n${USAGE}`);
  return parsed.data;
};

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfigOrExit(process.env, findRepoRoot(import.meta.url));
  const storage = await openStorage(config).catch((error: Error) => fail(`could not open the database: ${error.message}`));
  try {
    switch (command) {
      case 'add': {
        const email = parseEmail(args[0]);
        const roleAt = args.indexOf('--role');
        const role = staffRole.safeParse(roleAt === -1 ? undefined : args[roleAt + 1]);
        if (!role.success) fail(`--role: must be one of ${STAFF_ROLES.join(', ')}\n${USAGE}`);
        const password = await readPassword();
        const problem = passwordProblem(password);
        if (problem) fail(`password: ${problem}`);
        const { created } = await storage.saveAccount({ email, role: role.data as StaffRole, passwordHash: await hashPassword(password), at: new Date() });
        console.log(created ? `created ${email} (${role.data})` : `reset the password of ${email} (${role.data}); its sessions have ended`);
        break;
      }
      case 'remove': {
        const email = parseEmail(args[0]);
        if (!(await storage.removeAccount(email))) fail(`no account has the email ${email}`);
        console.log(`removed ${email}; every session of it has ended`);
        break;
      }
      case 'list':
        for (const a of await storage.listAccounts()) console.log(`${a.email}\t${a.role}${a.totp ? '\tauthenticator' : ''}`);
        break;
      case 'totp': {
        const email = parseEmail(args[0]);
        const account = await storage.findAccount(email);
        if (!account) fail(`no account has the email ${email}`);
        if (args.includes('--off')) {
          await storage.setTotpSecret(email, null);
          console.log(`${email} signs in with the password alone`);
          break;
        }
        if (account.role !== 'admin') fail('the authenticator second factor is for admin accounts');
        const secret = newTotpSecret();
        await storage.setTotpSecret(email, secret);
        console.log(`Add this to the authenticator app (secret ${secret}):\n${otpauthUri(secret, email)}`);
        break;
      }
      default:
        fail(USAGE);
    }
  } finally {
    await storage.close();
  }
}

await main();
